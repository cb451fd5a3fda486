// The exercise loop in the learner's chosen language, in a real code-server: with exerciseLanguage set
// to Python (then Go), scaffold express-route from the topic page, fail the check with a curl command
// and a field-by-field difference on the page, solve it, pass, and see the topic done.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './codeServer';
import { expectAttribute, expectCount, expectMinCount, expectText, openTopic, topicFrame, treeRow } from './workbench';
import { closeSession, openSession, screenshots } from './session';
import type { Session } from './session';

const exerciseId = 'express-route';

for (const { language, suffix, files } of [
  { language: 'python', suffix: '-py', files: ['main.py', 'books.py', 'requirements.txt'] },
  { language: 'go', suffix: '-go', files: ['main.go', 'books.go', 'go.mod'] },
]) {
  describe(`E2E in code-server: an exercise in ${language}, judged by its behavioural spec`, function () {
    this.timeout(600_000);
    let session: Session | undefined;
    let workspace: string;
    let page: Page;
    let failed = false;

    before(async function () {
      this.timeout(600_000);
      session = await openSession(`language-${language}`, { width: 1400, height: 900 }, undefined, {
        // Python is chosen on the topic page below; Go through the setting. File storage for Python,
        // so the test can read what progress recorded (hints, the comparison).
        settings: language === 'python' ? { 'backendRoadmap.progressStorage': 'file' } : { 'backendRoadmap.exerciseLanguage': language },
      });
      ({ workspace, page } = session);
    });

    afterEach(function () {
      if (this.currentTest?.state === 'failed') failed = true;
    });

    after(async function () {
      await closeSession(session, failed);
    });

    const card = () => topicFrame(page).locator(`li[data-exercise-item="${exerciseId}"]`);
    const dir = () => path.join(workspace, 'exercises', exerciseId);
    /** What the progress file records about this exercise's practice, once it says `ready` does. */
    const practice = async (ready: (p: Record<string, unknown>) => boolean): Promise<Record<string, unknown>> => {
      const file = path.join(workspace, '.vscode', 'backend-roadmap', 'progress.json');
      let last: Record<string, unknown> = {};
      for (const until = Date.now() + 15_000; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
        const text = await fs.readFile(file, 'utf8').catch(() => '{}');
        last = ((JSON.parse(text) as { practice?: Record<string, Record<string, unknown>> }).practice ?? {})[exerciseId] ?? {};
        if (ready(last)) return last;
      }
      assert.fail(`progress never recorded the expected practice; last: ${JSON.stringify(last)}`);
    };

    if (language === 'python')
      it('asks for the exercise language on the topic about choosing one', async () => {
        await openTopic(page, 'Programming foundations', 'Choosing a backend language');
        const choice = topicFrame(page).locator('section.language');
        await expectAttribute(choice.locator('vscode-button[data-language="javascript"]'), 'aria-pressed', 'true');
        await choice.locator('vscode-button[data-language="python"]').click();
        // The page redraws from the saved setting.
        await expectAttribute(choice.locator('vscode-button[data-language="python"]'), 'aria-pressed', 'true');
        await expectAttribute(choice.locator('vscode-button[data-language="javascript"]'), 'aria-pressed', 'false');
        await expectText(choice.locator('[data-language-needs]'), /Python 3\.11\+/);
      });

    it(`scaffolds the ${language} starter and fails its check, showing the request as curl and what differed`, async () => {
      await openTopic(page, 'Frameworks and APIs', 'REST APIs');
      await card().locator(`vscode-button[data-exercise="${exerciseId}"]`).click();
      await page
        .locator('.tab', { hasText: files[1] ?? '' })
        .first()
        .waitFor({ timeout: 60_000 });
      for (const file of files) assert.ok(existsSync(path.join(dir(), file)), `${file} was scaffolded`);
      assert.ok(!existsSync(path.join(dir(), 'package.json')), 'no JavaScript files in a Python or Go scaffold');
      const marker = JSON.parse(await fs.readFile(path.join(dir(), '.backend-roadmap-exercise.json'), 'utf8')) as { flavour: string };
      assert.equal(marker.flavour, language);

      // The editors opened over the topic page; back to it, where Check is now enabled.
      await openTopic(page, 'Frameworks and APIs', 'REST APIs');
      // What the check verifies, in plain words, whatever the language; and the spec itself.
      const spec = card().locator('details.spec');
      await spec.locator('summary').click();
      await expectMinCount(
        spec.locator('li', { hasText: 'POST /books answers 201 with the stored book' }),
        1,
        'the spec lists its scenarios',
      );
      await spec.locator('button', { hasText: 'Open the spec' }).click();
      await page.locator('.tab', { hasText: 'spec.json' }).first().waitFor();
      await openTopic(page, 'Frameworks and APIs', 'REST APIs');
      await card().locator('vscode-button[data-check]:not([disabled])').click();
      const result = card().locator('.check[data-outcome]');
      await result.waitFor({ timeout: 300_000 });
      await expectAttribute(result, 'data-outcome', 'failed');
      await expectText(card().locator('.outcome'), /1 passed, 20 failed/);
      const failure = card().locator('li.test[data-test-status="failed"]', { hasText: 'POST /books answers 201' }).locator('pre.error');
      await expectText(failure, /\$ curl -i -X POST http:\/\/127\.0\.0\.1:\d+\/books -H 'content-type: application\/json' --data-raw/);
      await expectText(failure, /status\n\s+- expected: 201\n\s+\+ actual: {3}501/);
      await treeRow(page, 'REST APIs, Not started').waitFor();
    });

    if (language === 'python')
      it("offers the failed scenario's hints one at a time, records their use, and keeps the solution back", async () => {
        const failedTest = card().locator('li.test[data-test-status="failed"]', { hasText: 'POST /books answers 201' });
        const next = failedTest.locator('button[data-hint-for]');
        await expectText(next, /Show a hint \(1 of \d+\)/);
        await expectCount(failedTest.locator('[data-hint]'), 0);
        await next.click();
        await expectText(failedTest.locator('[data-hint]').first(), /Store only title, author and year/);
        const recorded = await practice((p) => Array.isArray(p.hintsUsed) && p.hintsUsed.length === 1);
        assert.deepEqual(recorded, {
          failedChecks: 1,
          hintsUsed: ['POST /books answers 201 with the stored book and a Location header#0'],
        });
        // One failed check: the reference solution waits for a pass or two more tries.
        await expectText(card().locator('[data-solution-after]'), /after a pass, or after 3 failed checks \(1 so far\)/);
        await expectCount(card().locator('[data-compare]'), 0);
        await failedTest.scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(screenshots, 'spec-failure.png') });
      });

    it('passes once solved, and the topic is done', async () => {
      const solution = path.join(repoRoot, 'roadmaps', 'exercises', exerciseId, `solution${suffix}`);
      await fs.cp(solution, dir(), { recursive: true, force: true });
      await openTopic(page, 'Frameworks and APIs', 'REST APIs');
      await card().locator('vscode-button[data-check]:not([disabled])').click();
      await card().locator('.check[data-outcome="passed"]').waitFor({ timeout: 300_000 });
      await expectCount(card().locator('li.test[data-test-status="failed"]'), 0);
      await expectMinCount(card().locator('li.test[data-test-status="passed"]'), 20);
      await treeRow(page, 'REST APIs, Done').waitFor();
    });

    if (language === 'python')
      it('after the pass, compares with the reference solution in a diff and records it', async () => {
        await card().locator('[data-compare]').click();
        await page.locator('.tab', { hasText: 'books.py: reference ↔ yours' }).first().waitFor({ timeout: 30_000 });
        const recorded = await practice((p) => typeof p.solutionComparedAt === 'string');
        assert.match(String(recorded.solutionComparedAt), /^\d{4}-\d\d-\d\dT/);
      });
  });
}
