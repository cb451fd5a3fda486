// Progress features in a real code-server: the live dashboard, Markdown export, and file storage that
// follows outside edits (a git pull) and reports a corrupt file.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import {
  clickRow,
  ensureTopicStatus,
  eventually,
  expandRow,
  expectAttribute,
  expectCount,
  expectMinCount,
  expectText,
  expectValue,
  frameWith,
  pickFromCommand,
  runCommand,
  showRoadmap,
  treeRow,
} from './workbench';
import { closeSession, openSession, screenshots } from './session';
import type { Session } from './session';

interface StoredProgress {
  version: number;
  topics: Record<string, { status?: string }>;
}

describe('E2E in code-server: dashboard, export and file storage', function () {
  this.timeout(300_000);
  let session: Session | undefined;
  let workspace: string;
  let page: Page;
  let progressFile: string;
  let failed = false;

  before(async function () {
    this.timeout(600_000);
    session = await openSession('progress', { width: 1500, height: 900 });
    ({ workspace, page } = session);
    progressFile = path.join(workspace, '.vscode', 'backend-roadmap', 'progress.json');
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async function () {
    await closeSession(session, failed);
  });

  const phaseBar = '[data-chart="phases"] g[data-phase="internet-foundations"]';
  const settingsFile = () => path.join(workspace, '.vscode', 'settings.json');
  const readStored = async () => JSON.parse(await fs.readFile(progressFile, 'utf8')) as StoredProgress;
  /** The stored file, once it parses and passes `check` (the extension writes it asynchronously). */
  const storedWhen = (check: (stored: StoredProgress) => void, description: string) =>
    eventually(
      async () => {
        const stored = await readStored();
        check(stored);
        return stored;
      },
      description,
      20_000,
    );

  /** A team sets file mode in the workspace's settings, which git shares along with the progress. */
  const turnOnFileMode = async () => {
    await fs.mkdir(path.join(workspace, '.vscode'), { recursive: true });
    await fs.writeFile(settingsFile(), JSON.stringify({ 'backendRoadmap.progressStorage': 'file' }, null, 2));
  };
  const copyProgressInDialog = async () => {
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    await expectText(dialog, /Copy your progress from workspace state/);
    await dialog.locator('.monaco-button', { hasText: 'Copy Progress' }).click();
  };
  /** File mode with How the internet works done in the file, unless the earlier tests left it so. */
  const ensureFileModeWithDone = async () => {
    const on = existsSync(settingsFile()) && (await fs.readFile(settingsFile(), 'utf8')).includes('"file"');
    if (!on) {
      await ensureTopicStatus(page, 'Internet and the web', 'How the internet works', 'Done');
      await turnOnFileMode();
      await copyProgressInDialog();
    }
    await ensureTopicStatus(page, 'Internet and the web', 'How the internet works', 'Done');
    await storedWhen(
      (s) => assert.equal(s.topics['how-the-internet-works']?.status, 'done'),
      'the file to hold How the internet works as done',
    );
  };

  it('opens the walkthrough, as a new learner would, with no step done yet', async () => {
    await pickFromCommand(page, 'Welcome: Open Walkthrough...', 'Get started with Backend Roadmap');
    const steps = page.locator('.gettingStartedContainer .getting-started-step');
    await steps.first().waitFor();
    await expectCount(steps, 6);
    await expectCount(page.locator('.gettingStartedContainer .getting-started-step .codicon-getting-started-step-checked'), 0);
    await runCommand(page, 'View: Close Editor');
  });

  it('draws the dashboard beside a topic, and its phase bars follow a tick and a done at once', async () => {
    await showRoadmap(page);
    await expandRow(page, 'Internet and the web');
    await clickRow(page, 'How the internet works');
    await frameWith(page, 'article[data-topic="how-the-internet-works"]');
    await runCommand(page, 'Backend Roadmap: Show Dashboard');
    await page.locator('.tab', { hasText: 'Roadmap Dashboard' }).waitFor();
    await pickFromCommand(page, 'Backend Roadmap: Choose Exercise Language…', 'Go');
    // Side by side, as a learner would keep it open while working.
    await runCommand(page, 'View: Move Editor into Right Group');
    const dashboard = await frameWith(page, phaseBar);
    await expectAttribute(dashboard.locator(`${phaseBar} rect.fill-done`), 'data-percent', '0');
    await expectCount(dashboard.locator(`${phaseBar} rect.fill-progress`), 0);

    // The topic tab was hidden behind the dashboard, and a hidden webview is rebuilt when shown again.
    await page.locator('.tab', { hasText: 'How the internet works' }).click();
    const topic = await frameWith(page, 'article[data-topic="how-the-internet-works"] vscode-checkbox');
    await topic.locator('vscode-checkbox').first().click();
    await dashboard.locator(`${phaseBar} rect.fill-progress[data-in-progress="1"]`).waitFor();

    await topic.locator('vscode-button[data-key="status-done"]').click();
    await dashboard.locator(`${phaseBar} rect.fill-done[data-percent="6"]`).waitFor();
    await expectText(dashboard.locator('[data-summary="weekly"]'), /^1 completion/);
    await treeRow(page, 'How the internet works, Done').waitFor();
    await page.screenshot({ path: path.join(screenshots, 'dashboard.png') });
  });

  it('exports progress as a Markdown checklist', async () => {
    await ensureTopicStatus(page, 'Internet and the web', 'How the internet works', 'Done');
    await pickFromCommand(page, 'Backend Roadmap: Export Progress…', 'Markdown checklist');
    const text = page.locator('.editor-group-container.active .monaco-editor .view-lines');
    await text.filter({ hasText: 'Backend Developer — complete — progress' }).waitFor();
    await expectText(text, /- \[x\] \*\*How the internet works\*\*/);
    await runCommand(page, 'View: Revert and Close Editor');
  });

  it('switches to file storage, copying progress into .vscode/backend-roadmap/progress.json', async () => {
    await ensureTopicStatus(page, 'Internet and the web', 'How the internet works', 'Done');
    assert.ok(!existsSync(progressFile));
    await turnOnFileMode();
    await copyProgressInDialog();
    await storedWhen((stored) => {
      assert.equal(stored.version, 3);
      assert.equal(stored.topics['how-the-internet-works']?.status, 'done');
    }, 'the copied progress in .vscode/backend-roadmap/progress.json');
  });

  it('follows an outside edit of the file (a git pull) in the tree', async () => {
    await ensureFileModeWithDone();
    const stored = JSON.parse(await fs.readFile(progressFile, 'utf8')) as { topics: Record<string, unknown> };
    stored.topics.dns = { status: 'done', checked: [], updatedAt: new Date().toISOString() };
    await fs.writeFile(progressFile, `${JSON.stringify(stored, null, 2)}\n`);
    await treeRow(page, 'DNS and name resolution, Done').waitFor({ timeout: 30_000 });
    await treeRow(page, 'Internet and the web, 2 of 16 topics done').waitFor();
  });

  it('reports a corrupt file with its line and column, backs it up, and keeps the progress shown', async () => {
    await ensureFileModeWithDone();
    // DNS done, as the outside edit above leaves it.
    if ((await readStored()).topics.dns?.status !== 'done')
      await ensureTopicStatus(page, 'Internet and the web', 'DNS and name resolution', 'Done');
    await storedWhen((s) => assert.equal(s.topics.dns?.status, 'done'), 'the file to hold DNS as done');
    const backupsNow = async () => (await fs.readdir(path.dirname(progressFile))).filter((f) => f.startsWith('progress.json.corrupt-'));
    assert.equal((await backupsNow()).length, 0, 'no backup before the file is corrupted');

    await fs.writeFile(progressFile, '{\n  "version": 2,\n  "topics": {,\n}\n');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'not valid JSON' });
    await toast.waitFor({ timeout: 30_000 });
    await expectText(toast, /progress\.json:3:14/);
    await expectValue(async () => (await backupsNow()).length, 1, 'one backup of the corrupt file');
    await treeRow(page, 'DNS and name resolution, Done').waitFor();
  });

  it('ticked the walkthrough steps as the learner did them', async () => {
    // The steps this test looks for, done here so it does not rely on the tests above.
    await showRoadmap(page);
    await openTopicNamed('How the internet works');
    const topic = await frameWith(page, 'article[data-topic="how-the-internet-works"] vscode-checkbox');
    const box = topic.locator('vscode-checkbox').first();
    // Only ticking (not unticking) completes the step, so untick first when it is ticked.
    if ((await box.getAttribute('checked')) !== null) {
      await box.click();
      await expectAttribute(box, 'checked', null);
    }
    await box.click();
    await expectAttribute(box, 'checked', '');
    await runCommand(page, 'Backend Roadmap: Show Dashboard');
    await page.locator('.tab', { hasText: 'Roadmap Dashboard' }).waitFor();
    await pickFromCommand(page, 'Backend Roadmap: Choose Exercise Language…', 'Go');

    await pickFromCommand(page, 'Welcome: Open Walkthrough...', 'Get started with Backend Roadmap');
    const steps = page.locator('.gettingStartedContainer .getting-started-step');
    await steps.first().waitFor();
    const ticks = (title: string) => steps.filter({ hasText: title }).first().locator('.codicon-getting-started-step-checked');
    for (const title of [
      'Open the roadmap',
      'Open a topic',
      'Tick a checklist item',
      'Choose your exercise language',
      'Open the dashboard',
    ])
      await expectMinCount(ticks(title), 1, `${title} is ticked`);
    await expectCount(ticks('Scaffold an exercise'), 0, 'nothing was scaffolded in this run');
  });

  /** Opens a topic of the first phase from the tree. */
  async function openTopicNamed(title: string): Promise<void> {
    await expandRow(page, 'Internet and the web');
    await clickRow(page, title);
  }
});
