// The exercise loop in the learner's chosen language, in a real code-server: with exerciseLanguage set
// to Python (then Go), scaffold express-route from the topic page, fail the check with a curl command
// and a field-by-field difference on the page, solve it, pass, and see the topic done.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from './codeServer';
import { expectAttribute, expectCount, expectMinCount, expectText, openTopic, topicFrame, treeRow } from './workbench';
import { closeSession, openSession } from './session';
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
        settings: { 'backendRoadmap.exerciseLanguage': language },
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
      await expectText(card().locator('.outcome'), /1 passed, 19 failed/);
      const failure = card().locator('li.test[data-test-status="failed"]', { hasText: 'POST /books answers 201' }).locator('pre.error');
      await expectText(failure, /\$ curl -i -X POST http:\/\/127\.0\.0\.1:\d+\/books -H 'content-type: application\/json' --data-raw/);
      await expectText(failure, /status\n\s+- expected: 201\n\s+\+ actual: {3}501/);
      await treeRow(page, 'REST APIs, Not started').waitFor();
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
  });
}
