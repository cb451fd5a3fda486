// Lint: typescript-eslint's strict and stylistic rules, plus the project's own architecture rules.
// Formatting is Prettier's job (eslint-config-prettier turns off the rules it owns).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.e2e/**', '.vscode-test/**', 'roadmaps/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  prettier,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      eqeqeq: ['error', 'always'],
      // Progress data are JSON records keyed by id; deleting a key is how an entry goes.
      '@typescript-eslint/no-dynamic-delete': 'off',
    },
  },
  {
    // Tool configuration files are read through their default export.
    files: ['*.config.mjs', '.vscode-test.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // The domain is pure: the CLI and plain mocha run it without VS Code.
    files: ['src/domain/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'src/domain and src/cli never import vscode.' }] }],
    },
  },
  {
    // Webview pages run in the browser: no Node, no vscode, no host code beyond the protocols.
    files: ['webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['vscode'], patterns: [{ group: ['node:*'], message: 'Webview pages run in a browser.' }] },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
);
