// Runs test/integration inside code-server's real extension host. @vscode/test-electron cannot
// download VS Code here, so the harness fixture extension starts mocha in the host instead.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import {
  ensureCodeServer,
  extensionHostLog,
  installExtension,
  makeProfile,
  packageFixture,
  repoRoot,
  startCodeServer,
  waitForReport,
} from './codeServer';
import type { Profile, RunningCodeServer } from './codeServer';
import { launchBrowser, openWorkbench } from './workbench';

interface MochaJsonReport {
  harnessError?: string;
  stats: { tests: number; passes: number; failures: number; pending: number };
  passes: { fullTitle: string }[];
  failures: { fullTitle: string; err: { message?: string; stack?: string } }[];
}

describe("Integration suite inside code-server's extension host", function () {
  this.timeout(300_000);
  let profile: Profile;
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('passes every integration test', async () => {
    const vsix = path.join(repoRoot, 'dist', 'backend-roadmap.vsix');
    const runner = path.join(repoRoot, 'dist', 'test', 'integration', 'runInHost.js');
    assert.ok(existsSync(vsix), 'run npm run package first');
    assert.ok(existsSync(runner), 'run npm run build first (it builds the test bundles)');
    const root = path.join(repoRoot, '.e2e', `integration-${process.pid}`);
    await fs.rm(root, { recursive: true, force: true });
    const workspace = path.join(root, 'workspace');
    await fs.cp(path.join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
    const report = path.join(root, 'report.json');

    const install = await ensureCodeServer();
    profile = await makeProfile(root, { 'git.openRepositoryInParentFolders': 'never' });
    await installExtension(install, profile, vsix);
    await installExtension(install, profile, await packageFixture('harness', root));
    server = await startCodeServer(install, profile, { env: { BACKEND_ROADMAP_HARNESS: JSON.stringify({ script: runner, report }) } });
    browser = await launchBrowser();
    const page = await browser.newPage();
    await openWorkbench(page, server.url, workspace);

    const result = await waitForReport<MochaJsonReport>(report, 180_000).catch(async (e: unknown) => {
      throw new Error(`${String(e)}\n${(await extensionHostLog(profile)).slice(-4000)}`);
    });
    assert.equal(result.harnessError, undefined, result.harnessError);
    for (const p of result.passes) console.log(`      ✔ [in host] ${p.fullTitle}`);
    for (const f of result.failures) console.log(`      ✖ [in host] ${f.fullTitle}\n${f.err.stack ?? f.err.message}`);
    assert.ok(result.stats.tests >= 8, `expected the whole suite to run, ran ${result.stats.tests}`);
    assert.equal(result.stats.pending, 0, 'no integration test may be skipped');
    assert.equal(result.stats.failures, 0, result.failures.map((f) => `${f.fullTitle}: ${f.err.message}`).join('\n'));
  });
});
