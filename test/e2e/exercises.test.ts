// The exercise loop in a real code-server: scaffold from the webview, fail the check, solve it (by
// copying the reference solution in, as a learner would type it), pass the check, see the topic done.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './codeServer';
import {
  clickRow,
  expandRow,
  expectAttribute,
  expectCount,
  expectMinCount,
  expectText,
  openTopic,
  showRoadmap,
  topicFrame,
  treeRow,
} from './workbench';
import { closeSession, openSession, screenshots } from './session';
import type { Session } from './session';

const exerciseId = 'express-route';

describe('E2E in code-server: scaffold, check and complete an exercise', function () {
  this.timeout(600_000);
  let session: Session | undefined;
  let workspace: string;
  let page: Page;
  let failed = false;

  before(async function () {
    this.timeout(600_000);
    session = await openSession('exercises', { width: 1400, height: 900 });
    ({ workspace, page } = session);
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async function () {
    await closeSession(session, failed);
  });

  const exerciseCard = () => topicFrame(page).locator(`li[data-exercise-item="${exerciseId}"]`);
  const exerciseDir = () => path.join(workspace, 'exercises', exerciseId);

  /** Scaffolds from the topic page, as the first test does, unless that already happened. */
  const ensureScaffolded = async () => {
    await openTopic(page, 'Frameworks and APIs', 'REST APIs');
    if (!existsSync(path.join(exerciseDir(), 'package.json')))
      await exerciseCard().locator(`vscode-button[data-exercise="${exerciseId}"]`).click();
    // Check is enabled once the page knows the exercise is there.
    await exerciseCard().locator('vscode-button[data-check]:not([disabled])').waitFor({ timeout: 60_000 });
  };

  it('scaffolds from the webview into exercises/<exercise-id>, opening the README and the first TODO', async () => {
    await showRoadmap(page);
    await expandRow(page, 'Frameworks and APIs');
    await clickRow(page, 'REST APIs, Not started');
    await exerciseCard().locator('vscode-button[data-check]').waitFor();
    // Check waits for a scaffold.
    await expectAttribute(exerciseCard().locator('vscode-button[data-check]'), 'disabled', '');
    await exerciseCard().locator(`vscode-button[data-exercise="${exerciseId}"]`).click();

    const manifest = JSON.parse(await fs.readFile(path.join(repoRoot, 'roadmaps', 'exercises', exerciseId, 'exercise.json'), 'utf8')) as {
      open: string[];
    };
    const dir = exerciseDir();
    for (const file of manifest.open) {
      await page
        .locator('.tab', { hasText: path.basename(file) })
        .first()
        .waitFor();
      // Files are written before their editors open, so the tab means the file is there.
      assert.ok(existsSync(path.join(dir, file)), `${file} was scaffolded`);
    }
    // The editor lands on the first TODO of the file to work on.
    const line =
      (await fs.readFile(path.join(dir, manifest.open.at(-1) ?? ''), 'utf8')).split('\n').findIndex((l) => l.includes('TODO')) + 1;
    await page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line}, Col \\d+`) }).waitFor();
    assert.ok(!existsSync(path.join(dir, 'solution')), 'no solution files in the workspace');
  });

  it('checks the starter: installs its dependencies, runs its tests, and lists the failures', async () => {
    await ensureScaffolded();
    await exerciseCard().locator('vscode-button[data-check]:not([disabled])').click();
    // A progress notification while npm installs and the tests run.
    await page.locator('.notifications-toasts', { hasText: 'Checking' }).first().waitFor({ timeout: 30_000 });
    const result = exerciseCard().locator('.check[data-outcome]');
    await result.waitFor({ timeout: 300_000 });
    await expectAttribute(result, 'data-outcome', 'failed');
    await expectMinCount(exerciseCard().locator('li.test[data-test-status="failed"]'), 1, 'failed tests are listed');
    await expectText(exerciseCard().locator('.outcome'), /\d+ passed, [1-9]\d* failed/);
    await treeRow(page, 'REST APIs, Not started').waitFor();
  });

  it('passes once solved, marks the exercise and the topic done, and the tree follows', async () => {
    await ensureScaffolded();
    // Solve it the quick way: the reference solution's files over the learner's.
    const solution = path.join(repoRoot, 'roadmaps', 'exercises', exerciseId, 'solution');
    await fs.cp(solution, exerciseDir(), { recursive: true, force: true });
    await exerciseCard().locator('vscode-button[data-check]:not([disabled])').click();
    await exerciseCard().locator('.check[data-outcome="passed"]').waitFor({ timeout: 180_000 });
    await expectCount(exerciseCard().locator('li.test[data-test-status="failed"]'), 0);
    await expectMinCount(exerciseCard().locator('li.test[data-test-status="passed"]'), 5);
    await exerciseCard().locator('.passed', { hasText: 'passed' }).first().waitFor();
    await treeRow(page, 'REST APIs, Done').waitFor();
    await treeRow(page, 'Frameworks and APIs, 1 of').waitFor();
    await page.screenshot({ path: path.join(screenshots, 'check.png') });
  });
});
