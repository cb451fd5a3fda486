// Issue 11: review cards on FSRS, quiz results, the verified rule, note cards, progress data v3.
import * as assert from 'node:assert/strict';
import { createEmptyCard, fsrs, Rating } from 'ts-fsrs';
import type { Grade } from 'ts-fsrs';
import { emptyProgress, isVerified, topicStatus } from '../../src/domain/progress/progress';
import type { ProgressData } from '../../src/domain/progress/progress';
import * as ops from '../../src/domain/progress/ops';
import { migrate } from '../../src/domain/progress/store';
import { mergeProgress } from '../../src/domain/progress/import';
import { answerCard, dueCardIds, endOfDay, forecast, laterToday, retention, toCard } from '../../src/domain/review/scheduler';
import type { GradeName } from '../../src/domain/review/scheduler';
import { parseNoteCards, maxCardsPerNote } from '../../src/domain/review/noteCards';
import { gradeChoice, knownTopics, placementQuestions, questionCardId, shuffled } from '../../src/domain/review/quiz';
import type { Question } from '../../src/domain/roadmap/schema';
import { QuizSession } from '../../src/domain/review/session';

const DAY = 24 * 3600 * 1000;
const t0 = new Date('2026-12-01T09:00:00.000Z');

/** Applies an op to data as the store would, at `now`. */
function apply(data: ProgressData, op: ops.ProgressOp<unknown>, now: Date): ProgressData {
  const d = structuredClone(data);
  op(d, now.toISOString());
  return d;
}

describe('review scheduling (FSRS)', () => {
  it('follows ts-fsrs with default parameters and fuzz for a scripted answer history, through storage', () => {
    // The learner's history: good on first sight, good ten minutes later, then again (forgot), then good, easy.
    const script: [GradeName, Grade][] = [
      ['good', Rating.Good],
      ['good', Rating.Good],
      ['again', Rating.Again],
      ['good', Rating.Good],
      ['easy', Rating.Easy],
    ];
    const reference = fsrs({ enable_fuzz: true });
    let theirs = createEmptyCard(t0);
    let ours = undefined as ReturnType<typeof answerCard>['card'] | undefined;
    let now = t0;
    const dues: string[] = [];
    for (const [grade, rating] of script) {
      theirs = reference.next(theirs, now, rating).card;
      ours = answerCard('dns/what-is-dns', 'dns', ours, grade, now).card;
      // Stored as JSON between answers, as the store does: nothing of the schedule may be lost.
      ours = JSON.parse(JSON.stringify(ours)) as typeof ours;
      assert.equal(ours?.due, theirs.due.toISOString(), `due after ${grade}`);
      assert.equal(ours?.stability, theirs.stability);
      assert.equal(ours?.difficulty, theirs.difficulty);
      assert.equal(ours?.state, theirs.state);
      dues.push(ours?.due ?? '');
      now = new Date(Date.parse(ours?.due ?? '') + 60_000); // answer a minute after it falls due
    }
    assert.equal(ours?.reps, 5);
    assert.equal(ours?.lapses, 1, 'the forgotten answer is a lapse');
  });

  it('spaces a remembered card out and brings a forgotten one back within minutes', () => {
    const first = answerCard('c', 'dns', undefined, 'good', t0).card;
    // A new card answered "good" goes through the short learning step first (minutes, not days).
    assert.ok(Date.parse(first.due) - t0.getTime() < DAY);
    const t1 = new Date(Date.parse(first.due));
    const second = answerCard('c', 'dns', first, 'good', t1).card;
    const gap2 = Date.parse(second.due) - t1.getTime();
    assert.ok(gap2 >= DAY, `graduates to days (${gap2 / DAY})`);
    const t2 = new Date(Date.parse(second.due));
    const third = answerCard('c', 'dns', second, 'good', t2).card;
    assert.ok(Date.parse(third.due) - t2.getTime() > gap2, 'the next interval is longer');
    const forgot = answerCard('c', 'dns', third, 'again', t2).card;
    assert.ok(Date.parse(forgot.due) - t2.getTime() < 3600 * 1000, 'a lapse is due again within the hour');
    const easy = answerCard('c', 'dns', second, 'easy', t2).card;
    const hard = answerCard('c', 'dns', second, 'hard', t2).card;
    assert.ok(Date.parse(easy.due) > Date.parse(third.due) && Date.parse(third.due) > Date.parse(hard.due), 'easy > good > hard');
  });

  it('orders due cards by due time and counts today, overdue included, and a 14-day forecast', () => {
    const now = new Date(2026, 11, 2, 10, 0, 0); // local time: "today" is the learner's day
    const at = (days: number, hours = 0) => new Date(now.getTime() + days * DAY + hours * 3600 * 1000).toISOString();
    // Learned cards (review state): due any time on their day.
    const card = (due: string, stability = 1) => ({
      ...answerCard('x', 'dns', undefined, 'good', now).card,
      state: 2,
      due,
      stability,
    });
    const cards = {
      later: card(at(3)),
      overdue: card(at(-2)),
      soon: card(at(0, 1)),
      weak: card(at(-2), 0.5),
      far: card(at(40)),
    };
    assert.deepEqual(dueCardIds(cards, now), ['weak', 'overdue', 'soon']);
    assert.ok(endOfDay(now) > now);
    const days = forecast(cards, now);
    assert.equal(days.length, 14);
    assert.equal(days[0]?.due, 3, 'today holds the overdue cards');
    assert.equal(days[3]?.due, 1);
    assert.equal(
      days.reduce((n, d) => n + d.due, 0),
      4,
      'the card due in 40 days is outside the forecast',
    );
  });

  it('keeps a card in its learning steps out of the queue until its step is over', () => {
    const now = new Date(2026, 11, 2, 10, 0, 0);
    const learning = answerCard('c', 'dns', undefined, 'good', now).card;
    assert.equal(learning.state, 1, 'a new card answered "good" is learning');
    assert.deepEqual(dueCardIds({ c: learning }, new Date(now.getTime() + 30_000)), [], 'not due thirty seconds later');
    assert.equal(laterToday({ c: learning }, new Date(now.getTime() + 30_000)), 1, 'but later today');
    const stepOver = new Date(Date.parse(learning.due));
    assert.deepEqual(dueCardIds({ c: learning }, stepOver), ['c'], 'due when its step is over');
    const learned = answerCard('c', 'dns', learning, 'good', stepOver).card;
    assert.equal(learned.state, 2);
    const dueDay = new Date(Date.parse(learned.due));
    const lapsed = answerCard('c', 'dns', learned, 'again', dueDay).card;
    assert.equal(lapsed.state, 3, 'a forgotten learned card relearns');
    assert.deepEqual(dueCardIds({ c: lapsed }, new Date(dueDay.getTime() + 30_000)), [], 'relearning waits for its step too');
  });

  it('measures retention on learned cards only', () => {
    const now = new Date('2026-12-02T12:00:00.000Z');
    const log = [
      { at: '2026-12-01T10:00:00.000Z', cardId: 'a', rating: 3, state: 2 },
      { at: '2026-12-01T10:01:00.000Z', cardId: 'b', rating: 1, state: 2 },
      { at: '2026-12-01T10:02:00.000Z', cardId: 'c', rating: 4, state: 2 },
      { at: '2026-12-01T10:03:00.000Z', cardId: 'd', rating: 1, state: 0 }, // a new card: not retention
      { at: '2026-09-01T10:00:00.000Z', cardId: 'e', rating: 1, state: 2 }, // outside the window
    ];
    const r = retention(log, now);
    assert.deepEqual([r.reviews, r.recalled], [3, 2]);
    assert.ok(Math.abs((r.rate ?? 0) - 2 / 3) < 1e-9);
    assert.equal(retention([], now).rate, undefined);
  });

  it('answerCards creates cards and logs every answer', () => {
    let d = emptyProgress();
    d = apply(d, ops.answerCards([{ cardId: 'dns/a', topicId: 'dns', grade: 'good' }]), t0);
    assert.equal(d.cards['dns/a']?.reps, 1);
    assert.equal(d.cards['dns/a']?.topicId, 'dns');
    assert.deepEqual(d.reviewLog, [{ at: t0.toISOString(), cardId: 'dns/a', rating: 3, state: 0 }]);
    const later = new Date(Date.parse(d.cards['dns/a']?.due ?? ''));
    d = apply(d, ops.answerCards([{ cardId: 'dns/a', topicId: 'dns', grade: 'again' }]), later);
    assert.equal(d.cards['dns/a']?.reps, 2);
    assert.equal(d.reviewLog.length, 2);
    assert.equal(toCard(d.cards['dns/a'], later).reps, 2);
  });
});

describe('quizzes and the verified rule', () => {
  const choice: Question = {
    id: 'status',
    kind: 'choice',
    question: 'Which status for a created resource?',
    options: [
      { text: '201 Created', why: 'It says a resource was created.' },
      { text: '200 OK', why: 'It hides that something new exists.' },
    ],
    answer: '201 Created',
  };

  it('grades a choice by its answer text', () => {
    assert.deepEqual(gradeChoice(choice as Exclude<Question, { kind: 'recall' }>, '201 Created'), { correct: true, grade: 'good' });
    assert.deepEqual(gradeChoice(choice as Exclude<Question, { kind: 'recall' }>, '200 OK'), { correct: false, grade: 'again' });
    assert.equal(questionCardId('http-basics', 'status'), 'http-basics/status');
  });

  it('records the best score and the first pass at 80% or more', () => {
    let d = emptyProgress();
    d = apply(d, ops.recordQuiz('dns', 3, 4), t0);
    assert.equal(d.quizzes.dns?.passedAt, undefined, '75% does not pass');
    const t1 = new Date(t0.getTime() + DAY);
    d = apply(d, ops.recordQuiz('dns', 4, 5), t1);
    assert.equal(d.quizzes.dns?.passedAt, t1.toISOString(), '80% passes');
    d = apply(d, ops.recordQuiz('dns', 1, 5), new Date(t1.getTime() + DAY));
    assert.equal(d.quizzes.dns?.passedAt, t1.toISOString(), 'a later bad score keeps the pass');
    assert.equal(d.quizzes.dns?.best, 0.8);
    assert.equal(d.quizzes.dns?.last, 0.2);
  });

  it('verifies a topic only when its quiz passed and all its exercises passed; done stays separate', () => {
    const topic = { id: 'rest-apis', exercises: ['express-route'] };
    let d = emptyProgress();
    d = apply(d, ops.setStatus('rest-apis', 'done'), t0);
    assert.equal(isVerified(topic, d), false, 'marked done is not verified');
    d = apply(d, ops.recordQuiz('rest-apis', 5, 5), t0);
    assert.equal(isVerified(topic, d), false, 'the exercise has not passed');
    d = apply(d, ops.markExercisePassed('express-route'), t0);
    assert.equal(isVerified(topic, d), true);
    assert.equal(isVerified({ id: 'dns', exercises: [] }, d), false, 'no quiz, not verified');
    d = apply(d, ops.recordQuiz('dns', 4, 5), t0);
    assert.equal(isVerified({ id: 'dns', exercises: [] }, d), true, 'a topic without exercises needs its quiz only');
    assert.equal(isVerified({ id: 'constructor', exercises: [] }, d), false, 'own keys only');
  });

  it('places a learner: a topic is known only when all its placement questions were right', () => {
    const topics = [
      { id: 'dns', questions: [choice, { ...choice, id: 'b' }, { ...choice, id: 'c' }] },
      { id: 'tcp', questions: [{ id: 'r', kind: 'recall', question: 'q?', answer: 'a', why: 'w' } as Question, { ...choice, id: 'd' }] },
    ];
    const asked = placementQuestions(topics);
    assert.deepEqual(
      asked.map((a) => `${a.topicId}/${a.question.id}`),
      ['dns/status', 'dns/b', 'tcp/d'],
      'two graded questions per topic at most; recall is not asked',
    );
    assert.deepEqual(
      knownTopics([
        { topicId: 'dns', correct: true },
        { topicId: 'dns', correct: false },
        { topicId: 'tcp', correct: true },
      ]),
      ['tcp'],
    );
  });

  it('shuffles options deterministically and keeps every option', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    assert.deepEqual(shuffled(items, 7), shuffled(items, 7));
    assert.deepEqual([...shuffled(items, 7)].sort(), items);
    const orders = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => shuffled(items, s).join('')));
    assert.ok(orders.size > 1, 'different seeds give different orders');
  });
});

describe('note cards', () => {
  it('reads `Q: … A: …` lines and Q/A line pairs, with stable ids and lines', () => {
    const text = [
      '# DNS',
      '',
      'Q: What does an A record map? A: A name to an IPv4 address.',
      '- Q: And AAAA?',
      '  A: A name to an IPv6 address.',
      '**Q:** What is a TTL? **A:** How long resolvers may cache the answer.',
      'Q: a question with no answer',
      '```',
      'Q: inside a code block A: not a card',
      '```',
      'Q: What does an A record map? A: a duplicate question is one card',
    ].join('\n');
    const cards = parseNoteCards('dns', text);
    assert.deepEqual(
      cards.map((c) => [c.question, c.answer, c.line]),
      [
        ['What does an A record map?', 'A name to an IPv4 address.', 3],
        ['And AAAA?', 'A name to an IPv6 address.', 4],
        ['What is a TTL?', 'How long resolvers may cache the answer.', 6],
      ],
    );
    assert.match(cards[0]?.id ?? '', /^note:dns\/[0-9a-f]{8}$/);
    const edited = parseNoteCards('dns', 'Q: What does an A record map? A: edited answer');
    assert.equal(edited[0]?.id, cards[0]?.id, 'editing the answer keeps the card');
  });

  it('survives hostile notes: huge lines, thousands of cards, CRLF', () => {
    const huge = `Q: ${'x'.repeat(300_000)} A: y`;
    assert.equal(parseNoteCards('dns', huge)[0]?.question.length, 1000);
    const many = Array.from({ length: 5000 }, (_, i) => `Q: q${i} A: a${i}`).join('\r\n');
    assert.equal(parseNoteCards('dns', many).length, maxCardsPerNote);
  });
});

describe('progress data v3', () => {
  it('migrates v2 (with practice) to v3: nothing lost, review state empty', () => {
    const v2 = {
      version: 2,
      topics: { dns: { status: 'done', checked: ['a'], updatedAt: '2026-11-01T10:00:00.000Z' } },
      exercises: { 'express-route': { passedAt: '2026-11-02T10:00:00.000Z' } },
      history: [{ at: '2026-11-01T10:00:00.000Z', topicId: 'dns', status: 'done' }],
      practice: { 'express-route': { failedChecks: 2, hintsUsed: ['Lists todos#0'] } },
      currentTopic: 'dns',
    };
    const r = migrate(v2);
    assert.ok(r.ok);
    assert.deepEqual(r.data, { ...v2, version: 3, cards: {}, reviewLog: [], quizzes: {} });
    const noPractice = migrate({ ...v2, practice: undefined });
    assert.ok(noPractice.ok);
    assert.deepEqual(noPractice.data.practice, {});
    const v1 = migrate({ version: 1, topics: {}, exercises: {} });
    assert.ok(v1.ok);
    assert.equal(v1.data.version, 3);
    const bad = migrate({ ...v2, version: 3 });
    assert.equal(bad.ok, false, 'v3 without cards is not v3');
  });

  it('merges review state on import: the later card, every answer once, the best quiz and first pass', () => {
    let mine = emptyProgress();
    mine = apply(mine, ops.answerCards([{ cardId: 'dns/a', topicId: 'dns', grade: 'good' }]), t0);
    mine = apply(mine, ops.recordQuiz('dns', 5, 5), t0);
    let theirs = structuredClone(mine);
    const t1 = new Date(t0.getTime() + DAY);
    theirs = apply(theirs, ops.answerCards([{ cardId: 'dns/a', topicId: 'dns', grade: 'easy' }]), t1);
    theirs = apply(theirs, ops.recordQuiz('dns', 2, 5), t1);
    const merged = mergeProgress(mine, theirs);
    assert.equal(merged.cards['dns/a']?.reps, 2, 'their later review wins');
    assert.equal(merged.reviewLog.length, 2);
    assert.equal(merged.quizzes.dns?.best, 1);
    assert.equal(merged.quizzes.dns?.last, 0.4);
    assert.equal(merged.quizzes.dns?.passedAt, t0.toISOString());
    assert.deepEqual(mergeProgress(merged, merged), merged, 'merging twice changes nothing');
  });
});

describe('a quiz session', () => {
  const choice: Question = {
    id: 'status',
    kind: 'choice',
    question: 'Which status for a created resource?',
    options: [
      { text: '201 Created', why: 'It says a resource was created.' },
      { text: '200 OK', why: 'It hides that something new exists.' },
      { text: '204 No Content', why: 'Nothing created to point at.' },
    ],
    answer: '201 Created',
  };
  const recall: Question = { id: 'idem', kind: 'recall', question: 'What is idempotence?', answer: 'Same effect twice.', why: 'Retries.' };
  const items = (topicId: string) => [
    { cardId: `${topicId}/status`, topicId, topicTitle: topicId.toUpperCase(), question: choice },
    { cardId: `${topicId}/idem`, topicId, topicTitle: topicId.toUpperCase(), question: recall },
  ];
  const run = (d: ProgressData, op: ops.ProgressOp<unknown> | undefined) => (op ? apply(d, op, t0) : d);

  it('grades a topic quiz, saves every answer as a card at once, and records the score at the end', () => {
    const s = new QuizSession('topic', 'Quiz: HTTP', items('http'), 'http', 1);
    let d = emptyProgress();
    const first = s.view();
    assert.equal(first.step.type, 'question');
    assert.deepEqual(first.step.type === 'question' ? [...first.step.options].sort() : [], ['200 OK', '201 Created', '204 No Content']);
    assert.ok(!JSON.stringify(first).includes('It says a resource'), 'no explanation before the answer');
    assert.equal(s.answer('not an option'), undefined, 'an option the question does not have is refused');
    d = run(d, s.answer('200 OK'));
    assert.equal(d.cards['http/status']?.reps, 1, 'saved the moment it was answered');
    assert.equal(d.reviewLog[0]?.rating, 1, 'wrong is "again"');
    const feedback = s.view().step;
    assert.equal(feedback.type, 'feedback');
    if (feedback.type === 'feedback') {
      assert.equal(feedback.correct, false);
      assert.deepEqual(feedback.options.find((o) => o.chosen)?.text, '200 OK');
      assert.deepEqual(feedback.options.find((o) => o.correct)?.text, '201 Created');
    }
    assert.equal(s.answer('201 Created'), undefined, 'one answer per question');
    assert.equal(s.next(), true);
    assert.equal(s.grade('good'), undefined, 'a recall answer is graded only after it is shown');
    assert.equal(s.reveal(), true);
    const shown = s.view().step;
    assert.deepEqual(shown.type === 'recallAnswer' ? [shown.answer, shown.why] : [], ['Same effect twice.', 'Retries.']);
    d = run(d, s.grade('good'));
    assert.equal(s.done, true);
    d = run(d, s.finish());
    assert.equal(s.finish(), undefined, 'finished once');
    assert.deepEqual([d.quizzes.http?.best, d.quizzes.http?.passedAt], [0.5, undefined]);
    const summary = s.view().step;
    assert.deepEqual(summary.type === 'summary' ? [summary.correct, summary.total, summary.percent, summary.passed] : [], [
      1,
      2,
      50,
      false,
    ]);
  });

  it('a placement check marks topics known only when all their questions were right; skipped stays skipped', () => {
    const s = new QuizSession('placement', 'Placement', [...items('dns'), ...items('tcp'), ...items('udp')], undefined, 2);
    let d = apply(emptyProgress(), ops.setStatus('udp', 'skipped'), t0);
    const answerRight = (right: boolean) => {
      d = run(d, s.answer(right ? '201 Created' : '204 No Content'));
      s.next();
      s.reveal();
      d = run(d, s.grade('good'));
    };
    answerRight(true); // dns: both right
    answerRight(false); // tcp: the choice wrong
    answerRight(true); // udp: right, but the learner skipped it
    d = run(d, s.finish());
    assert.equal(d.topics.dns?.status, 'done');
    assert.equal(d.topics.tcp, undefined);
    assert.equal(d.topics.udp?.status, 'skipped');
    assert.equal(Object.keys(d.cards).length, 6, 'every answered question is scheduled for review');
    const summary = s.view().step;
    assert.deepEqual(summary.type === 'summary' ? [summary.known.map((t) => t.id), summary.toLearn.map((t) => t.id)] : [], [
      ['dns', 'udp'],
      ['tcp'],
    ]);
  });

  it('a review asks note cards like recall cards, with their answer', () => {
    const note = { kind: 'note' as const, id: 'note:dns/1', question: 'Port?', answer: '53' };
    const s = new QuizSession(
      'review',
      'Review',
      [{ cardId: 'note:dns/1', topicId: 'dns', topicTitle: 'DNS', question: note }],
      undefined,
      3,
    );
    assert.equal(s.view().step.type, 'question');
    assert.equal(s.answer('53'), undefined, 'a note card has no options');
    s.reveal();
    const step = s.view().step;
    assert.deepEqual(step.type === 'recallAnswer' ? [step.item.kind, step.answer] : [], ['note', '53']);
    const d = run(emptyProgress(), s.grade('easy'));
    assert.equal(d.cards['note:dns/1']?.topicId, 'dns');
    assert.equal(s.finish(), undefined, 'a review records no quiz score');
  });
});

describe('progress synced from another machine', () => {
  it('takes the latest change per topic, so a reset made elsewhere carries over and an older copy cannot undo one', () => {
    const t1 = new Date(t0.getTime() + 1000);
    const t2 = new Date(t0.getTime() + 2000);
    let here = apply(emptyProgress(), ops.setStatus('dns', 'done'), t0);
    here = apply(here, ops.setItem('sql', 'joins', true), t0);
    // The other machine had both, then reset dns and unticked sql's item later.
    let there = structuredClone(here);
    there = apply(there, ops.resetTopics(['dns']), t1);
    there = apply(there, ops.setItem('sql', 'joins', false), t1);
    const merged = apply(here, ops.mergeFromSync(there), t2);
    assert.equal(topicStatus(merged, 'dns'), 'notStarted', 'the later reset wins');
    assert.deepEqual(merged.topics.sql?.checked, [], 'the later untick wins');
    // And the older copy coming back does not bring dns back.
    const again = apply(merged, ops.mergeFromSync(here), t2);
    assert.equal(topicStatus(again, 'dns'), 'notStarted');
    // An import's Merge keeps both instead: ticked items are the union.
    assert.deepEqual(mergeProgress(there, here).topics.sql?.checked, ['joins']);
    // After a reset, an import's Merge of a backup still brings the status back.
    assert.equal(topicStatus(mergeProgress(there, here), 'dns'), 'done');
  });

  it('leaves out records stamped in the future (a clock running ahead), which would win every later merge', () => {
    const future = new Date(t0.getTime() + 3 * DAY);
    let there = apply(emptyProgress(), ops.setStatus('dns', 'done'), future);
    there = apply(there, ops.answerCards([{ cardId: 'dns/a', topicId: 'dns', grade: 'good' }]), future);
    there = apply(there, ops.setStatus('sql-joins', 'done'), t0);
    const merged = apply(emptyProgress(), ops.mergeFromSync(there), t0);
    assert.equal(topicStatus(merged, 'dns'), 'notStarted');
    assert.equal(merged.cards['dns/a'], undefined);
    assert.equal(topicStatus(merged, 'sql-joins'), 'done', 'records from the present still merge');
  });

  it('a replaced topic stays replaced when an older synced copy comes back', () => {
    const t1 = new Date(t0.getTime() + 1000);
    const old = apply(emptyProgress(), ops.setStatus('dns', 'done'), t0);
    const replaced = apply(old, ops.replaceAll(emptyProgress()), t1);
    const merged = apply(replaced, ops.mergeFromSync(old), t1);
    assert.equal(topicStatus(merged, 'dns'), 'notStarted');
  });
});
