// Quizzes, placement and review in a real code-server, driven by the keyboard as a learner would:
// digits pick an option, Enter goes on, Space shows a recall answer, 1–4 grade it.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { loadCatalog } from '../../src/domain/roadmap/files';
import type { Question, Topic } from '../../src/domain/roadmap/schema';
import { repoRoot } from './codeServer';
import { expectNoSeriousA11yViolations } from './axe';
import { closeSession, openSession, screenshots } from './session';
import type { Session } from './session';
import { bundledTopic } from './topicTiming';
import {
  clickRow,
  eventually,
  expandRow,
  expectAttribute,
  expectCount,
  expectText,
  frameWith,
  openTopic,
  pickFromCommand,
  runCommand,
  showRoadmap,
  topicFrame,
  treeRow,
} from './workbench';

interface StoredProgress {
  cards: Record<string, { reps: number; topicId: string; due: string }>;
  quizzes: Record<string, { best: number; passedAt?: string }>;
  topics: Record<string, { status?: string }>;
}

const noteQuestion = 'Which port does a DNS server answer on by default?';

describe('E2E in code-server: quizzes, placement and review', function () {
  this.timeout(300_000);
  let session: Session | undefined;
  let page: Page;
  let workspace: string;
  let failed = false;
  let topics: Map<string, Topic>;
  let clockFile: string;

  before(async function () {
    this.timeout(600_000);
    const catalog = await loadCatalog(path.join(repoRoot, 'roadmaps'));
    const backend = catalog.roadmaps.find((r) => r.roadmap.id === 'backend')?.roadmap;
    topics = new Map(backend?.phases.flatMap((p) => p.topics.map((t) => [t.id, t] as const)) ?? []);
    // File mode, so the test can read what was stored; a note with a card of the learner's own.
    clockFile = path.join(repoRoot, '.e2e', `quiz-clock-${process.pid}`);
    await fs.mkdir(path.dirname(clockFile), { recursive: true });
    await fs.writeFile(clockFile, '0');
    session = await openSession(
      'quiz',
      { width: 1400, height: 900 },
      async (ws) => {
        await fs.mkdir(path.join(ws, '.vscode'), { recursive: true });
        await fs.writeFile(path.join(ws, '.vscode', 'settings.json'), JSON.stringify({ 'backendRoadmap.progressStorage': 'file' }));
        await fs.mkdir(path.join(ws, 'notes'), { recursive: true });
        await fs.writeFile(path.join(ws, 'notes', 'dns.md'), `# DNS\n\nQ: ${noteQuestion} A: 53, over UDP and TCP.\n`);
      },
      // An injectable clock: the extension reads its offset from this file (test-only variable).
      { env: { BACKEND_ROADMAP_TEST_CLOCK_FILE: clockFile } },
    );
    ({ page, workspace } = session);
  });

  afterEach(function () {
    if (this.currentTest?.state === 'failed') failed = true;
  });

  after(async function () {
    await closeSession(session, failed);
    await fs.rm(clockFile, { force: true });
  });

  const stored = async () =>
    JSON.parse(await fs.readFile(path.join(workspace, '.vscode', 'backend-roadmap', 'progress.json'), 'utf8')) as StoredProgress;
  const storedWhen = (check: (s: StoredProgress) => void, what: string) =>
    eventually(
      async () => {
        const s = await stored();
        check(s);
        return s;
      },
      what,
      20_000,
    );

  const quizFrame = () => frameWith(page, 'main [data-testid="position"], main [data-testid="empty"]');

  /**
   * After a command from the palette, the palette hands focus back to where it was. These tests click
   * into the page (its heading) before typing; the first test shows the keyboard-only path, from the
   * topic page's button to the summary.
   */
  async function intoPage(frame: Frame): Promise<void> {
    await frame.locator('h1').click();
    await eventually(
      async () => assert.ok(await frame.evaluate(() => document.hasFocus()), 'the quiz page has focus'),
      'focus in the quiz page',
    );
  }

  /** The question on screen, found in the roadmap by its prompt (within the topics it may come from). */
  async function currentQuestion(frame: Frame, from: readonly string[]): Promise<{ question: Question; index: number; total: number }> {
    return eventually(async () => {
      const position = await frame.locator('[data-testid="position"]').innerText({ timeout: 2_000 });
      const m = /Question (\d+) of (\d+)/.exec(position);
      assert.ok(m, `position: ${position}`);
      const prompt = await frame.locator('h2.prompt').innerText({ timeout: 2_000 });
      const question = from.flatMap((id) => topics.get(id)?.questions ?? []).find((q) => q.question.trim() === prompt.trim());
      assert.ok(question, `a roadmap question reads "${prompt}"`);
      return { question, index: Number(m[1]), total: Number(m[2]) };
    }, 'a question on the quiz page');
  }

  /** Answers the question on screen by keyboard: right (or wrong) for choices, "good" for recall. */
  async function answer(frame: Frame, question: Question, right: boolean): Promise<void> {
    if (question.kind === 'recall') {
      await page.keyboard.press('Space');
      await expectText(frame.locator('section.model'), /Model answer/);
      await page.keyboard.press('3');
      return;
    }
    const options = await eventually(async () => {
      const texts = await frame.locator('button.option span:last-child').allInnerTexts();
      assert.equal(texts.length, question.options.length, 'every option is drawn');
      return texts;
    }, 'the options');
    const index = right ? options.indexOf(question.answer) : options.findIndex((o) => o !== question.answer);
    assert.ok(index >= 0, `"${question.answer}" is among ${JSON.stringify(options)}`);
    await page.keyboard.press(String(index + 1));
    await expectText(frame.locator('[data-testid="verdict"]'), right ? /Right\./ : /Not quite\./);
    await page.keyboard.press('Enter');
  }

  /** Answers every question of the session on screen; `right(q)` says which to get right. */
  async function answerAll(from: readonly string[], right: (topicId: string) => boolean): Promise<Frame> {
    const frame = await quizFrame();
    for (let asked = 1; ; asked++) {
      const { question, index, total } = await currentQuestion(frame, from);
      assert.equal(index, asked);
      const topicId = from.find((id) => topics.get(id)?.questions.includes(question)) ?? '';
      await answer(frame, question, right(topicId));
      if (index === total) break;
      await expectText(frame.locator('[data-testid="position"]'), new RegExp(`Question ${index + 1} of ${total}`));
    }
    await expectText(frame.locator('[data-testid="summary"]'), /./);
    return frame;
  }

  it("passes a topic's quiz from its page, by keyboard, and the topic is verified: its own icon in the tree", async () => {
    const topic = await bundledTopic('how-the-internet-works');
    await openTopic(page, topic.phase, topic.title);
    const button = topicFrame(page).locator('vscode-button[data-key="quiz"]');
    await expectText(button, /^Take the quiz$/);
    await expectNoSeriousA11yViolations(await frameWith(page, `article[data-topic="${topic.id}"]`), 'the topic page');
    await button.focus();
    await page.keyboard.press('Enter');
    const frame = await answerAll([topic.id], () => true);
    await expectText(frame.locator('[data-testid="summary"]'), /^Passed: (\d+) of \1 \(100%\)/);
    await expectNoSeriousA11yViolations(frame, 'the quiz summary');

    const s = await storedWhen((d) => assert.ok(d.quizzes[topic.id]?.passedAt), 'the quiz result stored');
    assert.equal(s.quizzes[topic.id]?.best, 1);
    const questions = topics.get(topic.id)?.questions ?? [];
    for (const q of questions) assert.equal(s.cards[`${topic.id}/${q.id}`]?.reps, 1, `a card for ${q.id}`);

    await showRoadmap(page);
    await expandRow(page, topic.phase);
    await treeRow(page, `${topic.title}, Not started, verified`).waitFor();
    await expectAttribute(treeRow(page, `${topic.title}, `).locator('.codicon-verified-filled'), 'class', /verified-filled/);
    // The Review row counts the new cards: answered once, each comes back later today (FSRS learning steps).
    await expectText(treeRow(page, 'Review, '), /\d+ due today/);
  });

  it('answers a question wrongly and shows why each option is right or wrong', async () => {
    const topic = await bundledTopic('tcp-and-udp');
    await pickFromCommand(page, 'Backend Roadmap: Take Topic Quiz', topic.title);
    const frame = await quizFrame();
    await expectText(frame.locator('h1'), new RegExp(topic.title));
    await intoPage(frame);
    const graded = (topics.get(topic.id)?.questions ?? []).filter((q) => q.kind !== 'recall');
    // Recall first, if any, so a choice is on screen.
    for (;;) {
      const { question, index } = await currentQuestion(frame, [topic.id]);
      await expectNoSeriousA11yViolations(frame, `a ${question.kind} question`);
      if (question.kind === 'recall') {
        await page.keyboard.press('Space');
        await expectText(frame.locator('section.model'), /Model answer/);
        await expectNoSeriousA11yViolations(frame, 'a recall answer shown');
        await page.keyboard.press('3');
        // The next question is drawn before it is read.
        await expectText(frame.locator('[data-testid="position"]'), new RegExp(`Question ${index + 1} of`));
        continue;
      }
      const options = await frame.locator('button.option span:last-child').allInnerTexts();
      const wrong = options.findIndex((o) => o !== question.answer);
      await page.keyboard.press(String(wrong + 1));
      await expectText(frame.locator('[data-testid="verdict"]'), /Not quite\./);
      // Every option with its reason; the right one and the chosen one marked.
      for (const o of question.options) await expectText(frame.locator('ul.feedback li', { hasText: o.text }).locator('.why'), /./);
      await expectText(frame.locator('ul.feedback li.correct .option-text'), /\(right answer\)/);
      await expectText(frame.locator('ul.feedback li.chosen .option-text'), /\(your answer\)/);
      await expectNoSeriousA11yViolations(frame, 'the quiz feedback');
      if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: path.join(screenshots, 'quiz-feedback.png') });
      break;
    }
    assert.ok(graded.length > 0);
  });

  it('a placement check marks the topics answered right as done, and keeps the missed one to learn', async () => {
    const phaseTopics = ['how-the-internet-works', 'ip-addresses', 'tcp-and-udp'];
    const phase = (await bundledTopic(phaseTopics[0] ?? '')).phase;
    await pickFromCommand(page, 'Backend Roadmap: Placement Check: Skip What You Know…', phase);
    await intoPage(await quizFrame());
    const ids = [...topics.values()].filter((t) => t.id && phaseIdOf(t.id) === phaseIdOf('how-the-internet-works')).map((t) => t.id);
    const missed = 'ip-addresses';
    const frame = await answerAll(ids, (id) => id !== missed);
    await expectText(frame.locator('[data-testid="to-learn"]'), new RegExp((await bundledTopic(missed)).title));
    await expectText(frame.locator('[data-testid="known"]'), new RegExp((await bundledTopic('dns')).title));
    const s = await storedWhen((d) => assert.equal(d.topics.dns?.status, 'done'), 'dns placed as done');
    assert.equal(s.topics[missed]?.status, undefined, 'the missed topic is not marked');
    await showRoadmap(page);
    await treeRow(page, `${(await bundledTopic('dns')).title}, Done`).waitFor();
    await treeRow(page, `${(await bundledTopic(missed)).title}, Not started`).waitFor();
  });

  it('reviews due cards, the learner’s own note card included, and counts them in the status bar', async () => {
    await expectText(page.locator('[id="backend-roadmap.backend-roadmap.backendRoadmap.review"]'), /\d+/, 30_000);
    await runCommand(page, 'Backend Roadmap: Review Due Cards');
    const frame = await quizFrame();
    await expectText(frame.locator('h1'), /^Review$/);
    await intoPage(frame);
    let sawNote = false;
    for (;;) {
      const position = await expectText(frame.locator('[data-testid="position"]'), /Question \d+ of \d+|answered/);
      if (/answered/.test(position)) break;
      const prompt = (await frame.locator('h2.prompt').innerText()).trim();
      const m = /Question (\d+) of (\d+)/.exec(position);
      if (prompt === noteQuestion) {
        sawNote = true;
        await expectText(frame.locator('.kind'), /From your notes/);
        await page.keyboard.press('Space');
        await expectText(frame.locator('section.model'), /53, over UDP and TCP\./);
        await page.keyboard.press('4');
      } else {
        const { question } = await currentQuestion(frame, [...topics.keys()]);
        await answer(frame, question, true);
      }
      if (m && m[1] !== m[2]) await expectText(frame.locator('[data-testid="position"]'), new RegExp(`Question ${Number(m[1]) + 1} of`));
      else await expectText(frame.locator('[data-testid="summary"]'), /Reviewed/);
    }
    assert.ok(sawNote, 'the note card was asked');
    const s = await storedWhen(
      (d) => assert.ok(Object.entries(d.cards).some(([id, c]) => id.startsWith('note:dns/') && c.reps === 1)),
      'the note card answered',
    );
    assert.equal(Object.values(s.cards).find((c) => c.topicId === 'dns' && c.reps === 1)?.topicId, 'dns');
  });

  it('shows verified topics, retention and a 14-day review forecast on the dashboard', async () => {
    // Its own verified topic first: a passed quiz on a topic without exercises.
    const topic = await bundledTopic('ports-and-protocols');
    await pickFromCommand(page, 'Backend Roadmap: Take Topic Quiz', topic.title);
    const quiz = await quizFrame();
    await expectText(quiz.locator('h1'), new RegExp(topic.title));
    await intoPage(quiz);
    await answerAll([topic.id], () => true);
    await runCommand(page, 'Backend Roadmap: Show Dashboard');
    const frame = await frameWith(page, '[data-testid="forecast"]');
    await expectText(frame.locator('[data-stat="verified"]'), /\d+% verified — [1-9]\d* of \d+ topics/);
    await expectText(frame.locator('[data-stat="retention"]'), /retention/i);
    await expectText(frame.locator('[data-stat="due"]'), /\d+ due today — \d+ cards in all/);
    await eventually(async () => assert.equal(await frame.locator('[data-testid="forecast"] tbody tr').count(), 14), 'fourteen days');
    await expectNoSeriousA11yViolations(frame, 'the dashboard');
    if (process.env.UPDATE_SCREENSHOTS) {
      await frame.locator('[data-testid="forecast"] tbody tr').last().scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(screenshots, 'dashboard-review.png') });
    }
    // The tree's Review row starts a review (or says nothing is due).
    await showRoadmap(page);
    await clickRow(page, 'Review, ');
    await expectText((await quizFrame()).locator('h1'), /^Review$/);
  });

  it('a topic whose quiz passed turns verified once its exercise passes too', async () => {
    const topic = await bundledTopic('rest-apis');
    const exerciseId = 'express-route';
    // Two webviews may be open (the quiz page too): find the topic page by its content.
    const topicPage = () => frameWith(page, `article[data-topic="${topic.id}"]`);
    const showTopic = async () => {
      await pickFromCommand(page, 'Backend Roadmap: Open Topic', topic.title);
      await topicPage();
    };
    await showTopic();
    await (await topicPage()).locator('vscode-button[data-key="quiz"]').click();
    await answerAll([topic.id], () => true);
    await storedWhen((d) => assert.ok(d.quizzes[topic.id]?.passedAt), 'the rest-apis quiz passed');
    // Done with the quiz: its tab closes, as a learner would close it, leaving one webview.
    await runCommand(page, 'View: Close Editor');
    await expectCount(page.locator('.tab', { hasText: 'Quiz:' }), 0);
    // Passed, not verified: its exercise has not passed yet.
    await showRoadmap(page);
    await expandRow(page, topic.phase);
    await expectAttribute(treeRow(page, `${topic.title}, `), 'aria-label', new RegExp(`^${topic.title}, [^,]+, \\d+ of`));
    await showTopic();
    await expectAttribute((await topicPage()).locator('[data-quiz]'), 'data-quiz', 'passed');
    // Scaffold, solve the quick way (the reference solution over the starter), check. Opening the
    // exercise's files hides the page, whose frame is then replaced: every wait finds it again.
    const inCard = (selector: string, timeoutMs: number) =>
      eventually(
        async () => {
          const frame = await topicPage();
          const found = frame.locator(`li[data-exercise-item="${exerciseId}"]`).locator(selector);
          await found.waitFor({ timeout: 2_000 });
          return found;
        },
        `${selector} on the ${exerciseId} card`,
        timeoutMs,
      );
    await (await inCard(`vscode-button[data-exercise="${exerciseId}"]`, 30_000)).click();
    await eventually(
      async () => assert.ok(existsSync(path.join(workspace, 'exercises', exerciseId, 'package.json'))),
      'the scaffold',
      30_000,
    );
    // The scaffold opened the exercise's files; closed, so no keystroke meant for a picker lands in them.
    await runCommand(page, 'View: Close All Editors');
    await expectCount(page.locator('.tab'), 0);
    await fs.cp(path.join(repoRoot, 'roadmaps', 'exercises', exerciseId, 'solution'), path.join(workspace, 'exercises', exerciseId), {
      recursive: true,
      force: true,
    });
    await showTopic();
    await (await inCard('vscode-button[data-check]:not([disabled])', 60_000)).click();
    await inCard('.check[data-outcome="passed"]', 240_000);
    await treeRow(page, `${topic.title}, Done, verified`).waitFor({ timeout: 30_000 });
    await expectAttribute((await topicPage()).locator('[data-quiz]'), 'data-quiz', 'verified');
    await expectText((await topicPage()).locator('[data-verified]'), /Verified/);
  });

  it('cards fall due when the clock moves forward, and a review takes them', async () => {
    const topic = await bundledTopic('http-versions');
    await pickFromCommand(page, 'Backend Roadmap: Take Topic Quiz', topic.title);
    const frame = await quizFrame();
    await expectText(frame.locator('h1'), new RegExp(topic.title));
    await intoPage(frame);
    // Every answer right and every recall "easy": the cards leave today's queue for days.
    for (;;) {
      const { question, index, total } = await currentQuestion(frame, [topic.id]);
      if (question.kind === 'recall') {
        await page.keyboard.press('Space');
        await expectText(frame.locator('section.model'), /Model answer/);
        await page.keyboard.press('4');
      } else await answer(frame, question, true);
      if (index === total) break;
      await expectText(frame.locator('[data-testid="position"]'), new RegExp(`Question ${index + 1} of ${total}`));
    }
    const recallIds = (topics.get(topic.id)?.questions ?? []).filter((q) => q.kind === 'recall').map((q) => `${topic.id}/${q.id}`);
    assert.ok(recallIds.length > 0, `${topic.id} has a recall question`);
    const before = await storedWhen((d) => assert.ok(recallIds.every((id) => d.cards[id]?.reps === 1)), 'the easy cards stored');
    const tomorrow = new Date();
    tomorrow.setHours(24, 0, 0, 0);
    for (const id of recallIds) assert.ok(Date.parse(before.cards[id]?.due ?? '') >= tomorrow.getTime(), `${id} is not due today`);

    // Thirty days on, they are due: the tree's count follows the clock, and a review asks them.
    const dueRow = async () => Number(/(\d+) due today/.exec(await treeRow(page, 'Review, ').innerText())?.[1] ?? 0);
    await showRoadmap(page);
    const dueBefore = await eventually(dueRow, 'the Review row');
    await fs.writeFile(clockFile, String(30 * 24 * 3600 * 1000));
    await eventually(async () => assert.ok((await dueRow()) >= dueBefore + recallIds.length, 'more cards due'), 'cards due after the jump');
    await runCommand(page, 'Backend Roadmap: Review Due Cards');
    const review = await quizFrame();
    await expectText(review.locator('h1'), /^Review$/);
    await intoPage(review);
    const asked = new Set<string>();
    for (;;) {
      const position = await expectText(review.locator('[data-testid="position"]'), /Question \d+ of \d+|answered/);
      if (/answered/.test(position)) break;
      const m = /Question (\d+) of (\d+)/.exec(position);
      const prompt = (await review.locator('h2.prompt').innerText()).trim();
      if (prompt === noteQuestion) {
        await page.keyboard.press('Space');
        await expectText(review.locator('section.model'), /53/);
        await page.keyboard.press('3');
      } else {
        const { question } = await currentQuestion(review, [...topics.keys()]);
        asked.add(question.id);
        await answer(review, question, true);
      }
      if (m && m[1] !== m[2]) await expectText(review.locator('[data-testid="position"]'), new RegExp(`Question ${Number(m[1]) + 1} of`));
      else await expectText(review.locator('[data-testid="summary"]'), /Reviewed/);
    }
    for (const id of recallIds) assert.ok(asked.has(id.split('/')[1] ?? ''), `${id} was asked`);
    await storedWhen((d) => assert.ok(recallIds.every((id) => d.cards[id]?.reps === 2)), 'the reviewed cards rescheduled');
    await fs.writeFile(clockFile, '0');
  });

  /** The phase a topic is in, in the bundled roadmap. */
  function phaseIdOf(topicId: string): string {
    return (bundledPhases ??= buildPhases()).get(topicId) ?? '';
  }
  let bundledPhases: Map<string, string> | undefined;
  function buildPhases(): Map<string, string> {
    const out = new Map<string, string>();
    let phase = '';
    // Topics are kept in roadmap order in `topics`; phases change where the YAML says.
    for (const t of topics.values()) out.set(t.id, (phase = phaseOfTopic.get(t.id) ?? phase));
    return out;
  }
  const phaseOfTopic = new Map<string, string>();
  before(async () => {
    const catalog = await loadCatalog(path.join(repoRoot, 'roadmaps'));
    const backend = catalog.roadmaps.find((r) => r.roadmap.id === 'backend')?.roadmap;
    for (const p of backend?.phases ?? []) for (const t of p.topics) phaseOfTopic.set(t.id, p.id);
  });
});
