// Workspace Trust: in Restricted Mode the extension (declared "limited") still offers the bundled roadmap.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { ensureCodeServer, installExtension, makeProfile, repoRoot, startCodeServer } from './codeServer';
import type { RunningCodeServer } from './codeServer';
import { clickRow, collapseRow, expandRow, expectAttribute, launchBrowser, openWorkbench, topicFrame, treeRow } from './workbench';

describe('E2E in code-server: Restricted Mode (untrusted folder)', function () {
  this.timeout(240_000);
  let server: RunningCodeServer | undefined;
  let browser: Browser | undefined;

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the bundled roadmap and opens topics when the folder is not trusted', async () => {
    const root = path.join(repoRoot, '.e2e', `restricted-${process.pid}`);
    await fs.rm(root, { recursive: true, force: true });
    const workspace = path.join(root, 'workspace');
    await fs.mkdir(workspace, { recursive: true });
    const install = await ensureCodeServer();
    const profile = await makeProfile(root, {
      'git.openRepositoryInParentFolders': 'never',
      'security.workspace.trust.startupPrompt': 'never',
    });
    await installExtension(install, profile, path.join(repoRoot, 'dist', 'backend-roadmap.vsix'));
    server = await startCodeServer(install, profile, { trusted: false });
    browser = await launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1300, height: 800 } });
    await openWorkbench(page, server.url, workspace);
    // Restricted Mode shows its own status-bar entry; proves the folder really is untrusted.
    await page.locator('.statusbar', { hasText: 'Restricted Mode' }).waitFor({ timeout: 60_000 });
    await page.locator('.activitybar a.action-label[aria-label="Backend Roadmap"]').click();
    await treeRow(page, 'Internet and the web').waitFor();
    await expandRow(page, 'Internet and the web');
    await clickRow(page, 'DNS and name resolution');
    await topicFrame(page).locator('h1', { hasText: 'DNS and name resolution' }).waitFor();
    await page.locator('.statusbar', { hasText: 'Restricted Mode' }).waitFor({ state: 'visible' });
    // Checks run npm install and the exercise's code, so they are off here, and the button says why.
    // Collapse the first phase so the list (which renders only visible rows) shows the next ones.
    await collapseRow(page, 'Internet and the web');
    await expandRow(page, 'Frameworks and APIs');
    await clickRow(page, 'REST APIs');
    const check = topicFrame(page).locator('vscode-button[data-check="express-route"]');
    await check.waitFor();
    await expectAttribute(check, 'disabled', '');
    await expectAttribute(check, 'title', 'Checks are off in Restricted Mode');
  });
});
