// Desktop VS Code integration tests (npm run test:integration) for machines that can download VS Code.
// Machines without that download run the same suite inside code-server: see test/e2e/integration.test.ts.
import { defineConfig } from '@vscode/test-cli';

export default defineConfig({
  files: 'dist/test/integration/**/*.test.js',
  workspaceFolder: './test/fixtures/workspace',
  mocha: { ui: 'bdd', timeout: 30000 },
});
