// Progress features in a real code-server: the live dashboard, Markdown export, and file storage that
// follows outside edits (a git pull) and reports a corrupt file.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { expandRow, frameWith, pickFromCommand, runCommand, treeRow } from './workbench';
import { closeSession, openSession, screenshots } from './session';
import type { Session } from './session';

describe('E2E in code-server: dashboard, export and file storage', function () {
  this.timeout(300_000);
  let session: Session | undefined;
  let workspace: string;
  let page: Page;
  let progressFile: string;

  before(async function () {
    this.timeout(600_000);
    session = await openSession('progress', { width: 1500, height: 900 });
    ({ workspace, page } = session);
    progressFile = path.join(workspace, '.vscode', 'backend-roadmap', 'progress.json');
  });

  after(async function () {
    await closeSession(session, this.currentTest?.state === 'failed');
  });

  const phaseBar = '[data-chart="phases"] g[data-phase="internet-foundations"]';

  it('opens the walkthrough, as a new learner would, with no step done yet', async () => {
    await pickFromCommand(page, 'Welcome: Open Walkthrough...', 'Get started with Backend Roadmap');
    const steps = page.locator('.gettingStartedContainer .getting-started-step');
    await steps.first().waitFor();
    assert.equal(await steps.count(), 5);
    assert.equal(await page.locator('.gettingStartedContainer .getting-started-step .codicon-getting-started-step-checked').count(), 0);
    await runCommand(page, 'View: Close Editor');
  });

  it('draws the dashboard beside a topic, and its phase bars follow a tick and a done at once', async () => {
    await page.locator('.activitybar a.action-label[aria-label="Backend Roadmap"]').click();
    await expandRow(page, 'Internet and the web');
    await treeRow(page, 'How the internet works').click();
    await frameWith(page, 'article[data-topic="how-the-internet-works"]');
    await runCommand(page, 'Backend Roadmap: Show Dashboard');
    await page.locator('.tab', { hasText: 'Roadmap Dashboard' }).waitFor();
    // Side by side, as a learner would keep it open while working.
    await runCommand(page, 'View: Move Editor into Right Group');
    const dashboard = await frameWith(page, phaseBar);
    assert.equal(await dashboard.locator(`${phaseBar} rect.fill-done`).getAttribute('data-percent'), '0');
    assert.equal(await dashboard.locator(`${phaseBar} rect.fill-progress`).count(), 0);

    // The topic tab was hidden behind the dashboard, and a hidden webview is rebuilt when shown again.
    await page.locator('.tab', { hasText: 'How the internet works' }).click();
    const topic = await frameWith(page, 'article[data-topic="how-the-internet-works"] vscode-checkbox');
    await topic.locator('vscode-checkbox').first().click();
    await dashboard.locator(`${phaseBar} rect.fill-progress[data-in-progress="1"]`).waitFor();

    await topic.locator('vscode-button[data-key="status-done"]').click();
    await dashboard.locator(`${phaseBar} rect.fill-done[data-percent="6"]`).waitFor();
    assert.match(await dashboard.locator('[data-summary="weekly"]').innerText(), /^1 completion/);
    await treeRow(page, 'How the internet works, Done').waitFor();
    await page.screenshot({ path: path.join(screenshots, 'dashboard.png') });
  });

  it('exports progress as a Markdown checklist', async () => {
    await pickFromCommand(page, 'Backend Roadmap: Export Progress…', 'Markdown checklist');
    const text = page.locator('.editor-group-container.active .monaco-editor .view-lines');
    await text.filter({ hasText: 'Backend Developer — complete — progress' }).waitFor();
    // Monaco renders spaces as no-break spaces.
    assert.match((await text.innerText()).replace(/\u00a0/g, ' '), /- \[x\] \*\*How the internet works\*\*/);
    await runCommand(page, 'View: Revert and Close Editor');
  });

  it('switches to file storage, copying progress into .vscode/backend-roadmap/progress.json', async () => {
    assert.ok(!existsSync(progressFile));
    // A team sets file mode in the workspace's settings, which git shares along with the progress.
    await fs.mkdir(path.join(workspace, '.vscode'), { recursive: true });
    await fs.writeFile(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'backendRoadmap.progressStorage': 'file' }, null, 2));
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    assert.match(await dialog.innerText(), /Copy your progress from workspace state/);
    await dialog.locator('.monaco-button', { hasText: 'Copy Progress' }).click();
    for (const deadline = Date.now() + 20_000; !existsSync(progressFile) && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 200));
    const stored = JSON.parse(await fs.readFile(progressFile, 'utf8')) as { version: number; topics: Record<string, { status?: string }> };
    assert.equal(stored.version, 2);
    assert.equal(stored.topics['how-the-internet-works']?.status, 'done');
  });

  it('follows an outside edit of the file (a git pull) in the tree', async () => {
    const stored = JSON.parse(await fs.readFile(progressFile, 'utf8')) as { topics: Record<string, unknown> };
    stored.topics.dns = { status: 'done', checked: [], updatedAt: new Date().toISOString() };
    await fs.writeFile(progressFile, `${JSON.stringify(stored, null, 2)}\n`);
    await treeRow(page, 'DNS and name resolution, Done').waitFor({ timeout: 30_000 });
    await treeRow(page, 'Internet and the web, 2 of 16 topics done').waitFor();
  });

  it('reports a corrupt file with its line and column, backs it up, and keeps the progress shown', async () => {
    await fs.writeFile(progressFile, '{\n  "version": 2,\n  "topics": {,\n}\n');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'not valid JSON' });
    await toast.waitFor({ timeout: 30_000 });
    assert.match(await toast.innerText(), /progress\.json:3:14/);
    const backups = (await fs.readdir(path.dirname(progressFile))).filter((f) => f.startsWith('progress.json.corrupt-'));
    assert.equal(backups.length, 1);
    await treeRow(page, 'DNS and name resolution, Done').waitFor();
  });

  it('ticked the walkthrough steps as the learner did them', async () => {
    await pickFromCommand(page, 'Welcome: Open Walkthrough...', 'Get started with Backend Roadmap');
    const steps = page.locator('.gettingStartedContainer .getting-started-step');
    await steps.first().waitFor();
    const done = async (title: string) => (await steps.filter({ hasText: title }).first().locator('.codicon-getting-started-step-checked').count()) > 0;
    for (const title of ['Open the roadmap', 'Open a topic', 'Tick a checklist item', 'Open the dashboard']) assert.ok(await done(title), `${title} is ticked`);
    assert.equal(await done('Scaffold an exercise'), false, 'nothing was scaffolded in this run');
  });
});
