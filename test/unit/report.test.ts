import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { maxProgressFileBytes, readLearners } from '../../src/cli/report';
import { progressFileRelative } from '../../src/domain/progress/fileAdapter';
import { allTopics, emptyProgress } from '../../src/domain/progress/progress';
import type { ProgressData } from '../../src/domain/progress/progress';
import {
  classReport,
  csvCell,
  lastActivity,
  markdownCell,
  parseLearnerProgress,
  reportCsv,
  reportMarkdown,
} from '../../src/domain/progress/report';
import type { Learner } from '../../src/domain/progress/report';
import { roadmapChoices } from '../../src/domain/roadmap/catalog';
import type { Catalog } from '../../src/domain/roadmap/catalog';
import { loadCatalog } from '../../src/domain/roadmap/files';
import type { PhaseOutline, Roadmap, RoadmapOutline, TopicOutline } from '../../src/domain/roadmap/schema';
import { cli, repoRoot, runCli } from '../helpers/cli';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'report');
const at = '2025-03-01T10:00:00.000Z';

const topic = (id: string, exercises: string[] = []): TopicOutline => ({
  id,
  title: id,
  summary: 's',
  estimatedHours: 1,
  prerequisites: [],
  exercises,
  checklist: [{ id: 'one' }],
});
const phase = (id: string, topics: TopicOutline[]): PhaseOutline => ({ id, title: id, topics });
/** Five topics; `shared-ex` is referenced twice, `gone-ex` is not in the exercise list. */
const small: RoadmapOutline = {
  schemaVersion: 1,
  kind: 'roadmap',
  id: 'small',
  title: 'Small | roadmap',
  description: 'd',
  renamed: { 'old-b': 'b' },
  paths: [],
  projects: [],
  phases: [
    phase('p', [topic('a', ['ex-a']), topic('b'), topic('c', ['shared-ex'])]),
    phase('q', [topic('d', ['shared-ex', 'gone-ex']), topic('e')]),
  ],
};
const smallExercises = [{ id: 'ex-a' }, { id: 'shared-ex' }, { id: 'outside-ex' }];

const progress = (patch: Partial<ProgressData>): ProgressData => ({ ...emptyProgress(), ...patch });
const done = (updatedAt = at) => ({ status: 'done' as const, checked: [], updatedAt });
const learner = (name: string, data: ProgressData, source = `${name}/${progressFileRelative}`): Learner => ({ name, source, data });

describe('class report: counting (domain)', () => {
  it('counts done, verified and exercises by the extension rules, skipped topics out of the share', () => {
    const data = progress({
      topics: {
        a: done(),
        c: { status: 'skipped', checked: [], updatedAt: at },
        // Not in the roadmap: neither counted nor a denominator.
        zz: done(),
        // Own keys only: an id like this must not find Object.prototype.
        constructor: done(),
      },
      exercises: { 'ex-a': { passedAt: at }, 'shared-ex': { passedAt: at }, 'outside-ex': { passedAt: at }, 'gone-ex': { passedAt: at } },
      quizzes: {
        // Verified and done.
        a: { best: 1, last: 1, answered: 3, at, passedAt: at },
        // Verified though skipped: out of the share, as tallyTopics counts it.
        c: { best: 1, last: 1, answered: 3, at, passedAt: at },
        // Verified but not marked done: verified is separate from done.
        d: { best: 0.9, last: 0.9, answered: 3, at, passedAt: at },
        // Best below the pass mark and no passedAt: not verified.
        e: { best: 0.6, last: 0.6, answered: 3, at },
      },
    });
    const [row] = classReport([learner('kim', data)], small, smallExercises).rows;
    assert.deepEqual(row, {
      learner: 'kim',
      source: `kim/${progressFileRelative}`,
      done: 1,
      verified: 2,
      skipped: 1,
      counted: 4,
      percent: 25,
      verifiedPercent: 50,
      // ex-a and shared-ex: outside-ex no topic here references, gone-ex the catalog does not have.
      exercisesPassed: 2,
      lastActivity: at,
    });
  });

  it('counts a topic stored under its old id under the new one, without changing the learner data', () => {
    const data = progress({ topics: { 'old-b': done() } });
    const report = classReport([learner('lee', data)], small, smallExercises);
    assert.equal(report.rows[0]?.done, 1);
    assert.ok(Object.hasOwn(data.topics, 'old-b'), 'the input is left as it was');
  });

  it('names the roadmap, its topics and the exercises its topics reference; sorts rows by name, then source', () => {
    const report = classReport(
      [
        learner('zoe', emptyProgress()),
        learner('Ann', emptyProgress(), 'b.json'),
        learner('ann', emptyProgress(), 'a.json'),
        learner('Bo', emptyProgress()),
      ],
      small,
      smallExercises,
    );
    assert.deepEqual(report.roadmap, { id: 'small', title: 'Small | roadmap' });
    assert.equal(report.topics, 5);
    assert.equal(report.exercises, 2);
    assert.deepEqual(
      report.rows.map((r) => `${r.learner} ${r.source}`),
      ['ann a.json', 'Ann b.json', `Bo Bo/${progressFileRelative}`, `zoe zoe/${progressFileRelative}`],
    );
  });

  it('takes the newest timestamp of any record, but not a card due date nor an unreadable time', () => {
    assert.equal(lastActivity(emptyProgress()), undefined);
    const base = progress({ topics: { a: done('2025-01-01T00:00:00.000Z') } });
    const newest = (patch: Partial<ProgressData>) => lastActivity({ ...base, ...patch });
    assert.equal(newest({}), '2025-01-01T00:00:00.000Z');
    assert.equal(newest({ exercises: { x: { passedAt: '2025-01-02T00:00:00.000Z' } } }), '2025-01-02T00:00:00.000Z');
    assert.equal(newest({ history: [{ at: '2025-01-03T00:00:00.000Z', topicId: 'a', status: 'done' }] }), '2025-01-03T00:00:00.000Z');
    assert.equal(newest({ practice: { x: { solutionComparedAt: '2025-01-04T00:00:00.000Z' } } }), '2025-01-04T00:00:00.000Z');
    assert.equal(
      newest({ quizzes: { a: { best: 1, last: 1, answered: 1, at: '2025-01-05T00:00:00.000Z', passedAt: '2025-01-06T00:00:00.000Z' } } }),
      '2025-01-06T00:00:00.000Z',
    );
    assert.equal(
      newest({ reviewLog: [{ at: '2025-01-07T00:00:00.000Z', cardId: 'a/q', rating: 3, state: 0 }] }),
      '2025-01-07T00:00:00.000Z',
    );
    const card = { topicId: 'a', stability: 1, difficulty: 5, scheduledDays: 30, learningSteps: 0, reps: 1, lapses: 0, state: 2 };
    assert.equal(
      newest({ cards: { 'a/q': { ...card, due: '2025-09-01T00:00:00.000Z', lastReview: '2025-01-08T00:00:00.000Z' } } }),
      '2025-01-08T00:00:00.000Z',
    );
    assert.equal(newest({ cards: { 'a/q': { ...card, due: '2025-09-01T00:00:00.000Z' } } }), '2025-01-01T00:00:00.000Z');
    assert.equal(newest({ exercises: { x: { passedAt: 'yesterday' } } }), '2025-01-01T00:00:00.000Z');
    // Another offset is the same instant, written the way toISOString writes it.
    assert.equal(newest({ exercises: { x: { passedAt: '2025-02-01T10:00:00+02:00' } } }), '2025-02-01T08:00:00.000Z');
  });
});

describe('class report: reading progress text (the import path)', () => {
  it('reads every stored version: v1 and v2 are migrated, an empty file is no progress yet', () => {
    const v1 = parseLearnerProgress(
      JSON.stringify({ version: 1, topics: { dns: { status: 'done', checked: [], updatedAt: at } }, exercises: {} }),
      'v1.json',
    );
    assert.ok(v1.ok);
    assert.equal(v1.data.version, 3);
    // v1 kept no history; the migration builds it from done topics.
    assert.deepEqual(v1.data.history, [{ at, topicId: 'dns', status: 'done' }]);
    const empty = parseLearnerProgress('  \n', 'empty.json');
    assert.ok(empty.ok);
    assert.deepEqual(empty.data, emptyProgress());
  });

  it('names file, line and column for bad JSON, a bad value and a newer version', () => {
    const bad = parseLearnerProgress('{\n  "version": 3,\n  "topics": {,\n}', 'x.json');
    assert.ok(!bad.ok);
    assert.match(bad.message, /^x\.json:3:14: not valid JSON/);
    const value = parseLearnerProgress(
      '{\n  "version": 2,\n  "topics": {\n    "dns": { "status": "finished", "checked": [], "updatedAt": "t" }\n  },\n  "exercises": {},\n  "history": []\n}',
      'y.json',
    );
    assert.ok(!value.ok);
    assert.match(value.message, /^y\.json:4:24: not Backend Roadmap progress \(topics\.dns\.status: /);
    const newer = parseLearnerProgress('{"topics": {}, "version": 9}', 'z.json');
    assert.ok(!newer.ok);
    assert.match(newer.message, /^z\.json:1:27: not Backend Roadmap progress \(it was written by a newer version/);
    for (const text of ['[]', '"x"', '42', '{"version":"3"}', '{"__proto__": {"version": 3}}']) {
      assert.equal(parseLearnerProgress(text, 'w.json').ok, false, text);
    }
  });
});

describe('class report: Markdown and CSV', () => {
  const report = classReport(
    [
      learner('ada', progress({ topics: { a: done('2025-03-14T16:45:59.000Z'), b: done() }, exercises: { 'ex-a': { passedAt: at } } })),
      learner('bo | *x*\nnew | row <b>', progress({ topics: { e: { status: 'skipped', checked: [], updatedAt: at } } })),
      learner('cy', emptyProgress()),
    ],
    small,
    smallExercises,
  );

  it('writes a summary line and a table with an average row; cells cannot add rows or markup', () => {
    assert.equal(
      reportMarkdown(report),
      [
        '**Small \\| roadmap** (`small`, 5 topics, 2 exercises): 3 learners; on average 0.7 topics done, 0 verified and 0.3 exercises passed; newest activity 2025-03-14 16:45 UTC.',
        '',
        '| Learner | Topics done | Verified | Exercises passed | Last activity |',
        '| --- | --- | --- | --- | --- |',
        '| ada | 2 of 5 (40%) | 0 of 5 (0%) | 1 of 2 | 2025-03-14 16:45 UTC |',
        '| bo \\| \\*x\\*<br>new \\| row \\<b\\> | 0 of 4 (0%), 1 skipped | 0 of 4 (0%) | 0 of 2 | 2025-03-01 10:00 UTC |',
        '| cy | 0 of 5 (0%) | 0 of 5 (0%) | 0 of 2 | — |',
        '| _Average of 3_ | 0.7 (13%) | 0 (0%) | 0.3 of 2 | 2025-03-14 16:45 UTC |',
        '',
      ].join('\n'),
    );
    assert.match(
      reportMarkdown(report, 2),
      /exercises passed; newest activity 2025-03-14 16:45 UTC\. 2 inputs could not be read and are left out\.\n/,
    );
    assert.match(
      reportMarkdown(classReport([], small, smallExercises)),
      /^\*\*Small \\\| roadmap\*\* .*: no learners\.\n\n\| Learner .*\n\| --- .*\n$/,
    );
  });

  it('escapes Markdown cells and replaces terminal escapes and direction overrides', () => {
    assert.equal(markdownCell('a\\b`c_[d](e)~f'), 'a\\\\b\\`c\\_\\[d\\](e)\\~f');
    assert.equal(markdownCell('one\r\ntwo\rthree'), 'one<br>two<br>three');
    assert.equal(markdownCell('\u001b[2Jevil\u202egnp.exe\u0007'), '\uFFFD\\[2Jevil\uFFFDgnp.exe\uFFFD');
  });

  it('writes RFC 4180 CSV with CRLF line ends and a header', () => {
    assert.equal(
      reportCsv(report),
      [
        'learner,source,roadmap,topics_done,topics_verified,topics_skipped,topics_counted,topics_total,exercises_passed,exercises_total,last_activity',
        `ada,ada/${progressFileRelative},small,2,0,0,5,5,1,2,2025-03-14T16:45:59.000Z`,
        `"bo | *x*\nnew | row <b>","bo | *x*\nnew | row <b>/${progressFileRelative}",small,0,0,1,4,5,0,2,${at}`,
        `cy,cy/${progressFileRelative},small,0,0,0,5,5,0,2,`,
        '',
      ].join('\r\n'),
    );
  });

  it('quotes CSV fields and neutralises spreadsheet formulas', () => {
    assert.equal(csvCell('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
    assert.equal(csvCell('+1'), "'+1");
    assert.equal(csvCell('-2+3'), "'-2+3");
    assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvCell('\tcmd'), "'\tcmd");
    assert.equal(csvCell('\rcmd'), `"'\rcmd"`);
    assert.equal(csvCell('a, b'), '"a, b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    assert.equal(csvCell('plain name'), 'plain name');
    assert.equal(csvCell(' =1'), ' =1');
    assert.equal(csvCell(12), '12');
    const hostile = reportCsv(classReport([learner('=1+1', emptyProgress(), '@evil/p.json')], small, smallExercises));
    assert.equal(hostile.split('\r\n')[1], "'=1+1,'@evil/p.json,small,0,0,0,5,5,0,2,");
  });
});

describe('class report: the fixtures of three learners, against the bundled roadmap', () => {
  let catalog: Catalog<Roadmap>;
  let backend: Roadmap;
  before(async () => {
    catalog = await loadCatalog(path.join(repoRoot, 'roadmaps'));
    const found = catalog.roadmaps.find((r) => r.roadmap.id === 'backend')?.roadmap;
    assert.ok(found);
    backend = found;
  });

  it('reads all three (the v2 file migrated) with no problem, named after their repository folders', async () => {
    const read = await readLearners([fixtures]);
    assert.deepEqual(read.problems, []);
    assert.deepEqual(read.notes, []);
    assert.deepEqual(
      read.learners.map((l) => [l.name, l.source, l.data.version]),
      ['ada', 'brian', 'chen'].map((n) => [n, path.join(fixtures, n, progressFileRelative), 3]),
    );
  });

  it('gives exact numbers per learner', async () => {
    const { learners } = await readLearners([fixtures]);
    const report = classReport(learners, backend, catalog.exercises);
    const topics = allTopics(backend).length;
    assert.equal(report.topics, topics);
    assert.equal(report.exercises, new Set(allTopics(backend).flatMap((t) => t.exercises)).size);
    const pick = (name: string) => {
      const row = report.rows.find((r) => r.learner === name);
      assert.ok(row, name);
      return [row.done, row.verified, row.skipped, row.counted, row.exercisesPassed, row.lastActivity];
    };
    // ada: 4 done (soap-basics is in no roadmap), rest-apis verified (express-route passed, quiz passed),
    // choosing-a-language skipped, hello-express no roadmap references; last: a review on 14 March (a card due later does not count).
    assert.deepEqual(pick('ada'), [4, 1, 1, topics - 1, 1, '2025-03-14T16:45:00.000Z']);
    // brian (v2): 3 done, no quizzes in v2 so nothing verified, password-hashing passed; last: a solution comparison.
    assert.deepEqual(pick('brian'), [3, 0, 0, topics, 1, '2025-01-19T09:12:00.000Z']);
    // chen: one ticked item.
    assert.deepEqual(pick('chen'), [0, 0, 0, topics, 0, '2025-03-12T08:05:00.000Z']);
  });

  it('counts against a career path when asked (its topics and exercises only)', async () => {
    const { learners } = await readLearners([fixtures]);
    const choice = roadmapChoices(catalog).find((c) => c.roadmap.id === 'backend--api-developer');
    assert.ok(choice);
    const ada = classReport(learners, choice.roadmap, catalog.exercises).rows.find((r) => r.learner === 'ada');
    // http-basics and rest-apis are on the path; rest-apis is verified.
    assert.deepEqual([ada?.done, ada?.verified, ada?.skipped, ada?.exercisesPassed], [2, 1, 0, 1]);
  });
});

describe('class report: reading hostile folders', () => {
  let tmp: string;
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'report-test-'));
  });
  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  const place = async (repo: string, text: string) => {
    const file = path.join(tmp, repo, progressFileRelative);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, text);
    return file;
  };
  const valid = JSON.stringify(progress({ topics: { dns: done() } }));

  it('refuses a symlinked progress file and a symlinked .vscode, and still reads the rest', async () => {
    const outside = path.join(tmp, 'secret.json');
    await fs.writeFile(outside, valid);
    await place('good', valid);
    const linked = path.join(tmp, 'linked', progressFileRelative);
    await fs.mkdir(path.dirname(linked), { recursive: true });
    await fs.symlink(outside, linked);
    await fs.mkdir(path.join(tmp, 'dirlink'));
    await fs.symlink(path.join(tmp, 'good', '.vscode'), path.join(tmp, 'dirlink', '.vscode'));
    const read = await readLearners([tmp]);
    assert.deepEqual(
      read.learners.map((l) => l.name),
      ['good'],
    );
    assert.deepEqual(read.problems, [
      `${path.join(tmp, 'dirlink', progressFileRelative)}:1:1: "dirlink/.vscode" on its path is a symbolic link; not followed`,
      `${path.join(tmp, 'linked', progressFileRelative)}:1:1: is a symbolic link; not followed`,
    ]);
    // Named directly, the link is refused the same way.
    const direct = await readLearners([linked]);
    assert.deepEqual(direct.learners, []);
    assert.match(direct.problems[0] ?? '', /is a symbolic link; not followed/);
    // A folder of repositories holding a link to a repository: a note, never followed.
    await fs.mkdir(path.join(tmp, 'class'));
    await fs.symlink(path.join(tmp, 'good'), path.join(tmp, 'class', 'alias'));
    await place(path.join('class', 'real'), valid);
    const cls = await readLearners([path.join(tmp, 'class')]);
    assert.deepEqual(
      cls.learners.map((l) => l.name),
      ['real'],
    );
    assert.deepEqual(cls.notes, [`${path.join(tmp, 'class', 'alias')} is a symbolic link; not followed`]);
  });

  it('caps the size, and names missing paths and folders without learners', async () => {
    const big = await place('big', `${valid}${' '.repeat(maxProgressFileBytes)}`);
    await fs.mkdir(path.join(tmp, 'empty', 'not-a-repo'), { recursive: true });
    const read = await readLearners([path.join(tmp, 'big'), path.join(tmp, 'missing'), path.join(tmp, 'empty')]);
    assert.deepEqual(read.learners, []);
    assert.deepEqual(read.problems, [
      `${big}:1:1: larger than 8 MB; not read`,
      `${path.join(tmp, 'missing')}:1:1: no such file or folder`,
      `${path.join(tmp, 'empty')}: no learner here (no ${progressFileRelative} in it or in any direct subfolder)`,
    ]);
    assert.deepEqual(read.notes, [`${path.join(tmp, 'empty', 'not-a-repo')} has no ${progressFileRelative}; left out`]);
  });

  it('names a learner after the repository folder, or after a loose file; reads a file named twice once', async () => {
    const inRepo = await place('dana', valid);
    const loose = path.join(tmp, 'eve.backup.json');
    await fs.writeFile(loose, valid);
    const read = await readLearners([inRepo, loose, path.join(tmp, 'dana'), tmp]);
    assert.deepEqual(
      read.learners.map((l) => [l.name, l.source]),
      [
        ['dana', inRepo],
        ['eve.backup', loose],
      ],
    );
    assert.deepEqual(read.problems, []);
  });

  it('reports a broken file at its line and column and leaves only that learner out', async () => {
    const read = await readLearners([fixtures, path.join(fixtures, 'broken.json')]);
    assert.deepEqual(
      read.learners.map((l) => l.name),
      ['ada', 'brian', 'chen'],
    );
    assert.equal(read.problems.length, 1);
    assert.match(read.problems[0] ?? '', /^.*broken\.json:5:3: not valid JSON \(/);
  });
});

describe('backend-roadmap report (the bundled dist/cli.js)', () => {
  let tmp: string;
  before(function () {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm test does).`);
  });
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'report-cli-'));
  });
  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });
  const folder = path.join('test', 'fixtures', 'report');
  const broken = path.join(folder, 'broken.json');

  it('prints the Markdown table and exits 0 when every input was read', async () => {
    const run = await runCli(['report', folder]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const lines = run.stdout.split('\n');
    assert.match(lines[0] ?? '', /^\*\*Backend Developer — complete\*\* \(`backend`, \d+ topics, \d+ exercises\): 3 learners;/);
    assert.match(run.stdout, /^\| ada \| 4 of \d+ \(\d+%\), 1 skipped \| 1 of \d+ \(\d+%\) \| 1 of \d+ \| 2025-03-14 16:45 UTC \|$/m);
    assert.match(run.stdout, /^\| brian \| 3 of \d+ \(\d+%\) \| 0 of \d+ \(0%\) \| 1 of \d+ \| 2025-01-19 09:12 UTC \|$/m);
    assert.match(run.stdout, /^\| chen \| 0 of \d+ \(0%\) \| 0 of \d+ \(0%\) \| 0 of \d+ \| 2025-03-12 08:05 UTC \|$/m);
    assert.match(run.stdout, /^\| _Average of 3_ \| 2\.3 /m);
  });

  it('prints CSV for another roadmap', async () => {
    const run = await runCli(['report', folder, '--format=csv', '--roadmap=node-express']);
    assert.equal(run.code, 0, run.stderr);
    const rows = run.stdout.split('\r\n');
    assert.equal(rows.length, 5);
    assert.match(
      rows[1] ?? '',
      /^ada,test\/fixtures\/report\/ada\/\.vscode\/backend-roadmap\/progress\.json,node-express,4,1,0,(\d+),\1,1,\d+,2025-03-14T16:45:00\.000Z$/,
    );
  });

  it('exits 1 with file:line:col on stderr when an input is broken, and still prints the others', async () => {
    const run = await runCli(['report', folder, broken]);
    assert.equal(run.code, 1);
    const lines = run.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.ok(lines[0]?.startsWith(`${broken}:5:3: not valid JSON (`), run.stderr);
    assert.match(run.stdout, /1 input could not be read and is left out\./);
    assert.match(run.stdout, /^\| chen \|/m);
  });

  it('exits 2 when nothing is readable or the usage is wrong, printing no table', async () => {
    const cases: [string[], RegExp][] = [
      [['report', broken], /broken\.json:5:3: .*\nbackend-roadmap: no progress file could be read/],
      [['report'], /needs at least one progress file or folder/],
      [['report', folder, '--format=xlsx'], /unknown format "xlsx" \(known: md, csv\)/],
      [['report', folder, '--roadmap=nope'], /unknown roadmap "nope" \(known: backend, .*backend--api-developer/],
      [['report', folder, '--colour'], /unknown option --colour/],
      [['report', folder, '--format=md', '--format=csv'], /--format is given twice/],
      [['report', folder, '--force'], /--force only goes with --out/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.equal(run.stdout, '', args.join(' '));
      assert.match(run.stderr, message, args.join(' '));
    }
  });

  it('writes --out, refuses to replace it without --force, and replaces it with --force', async () => {
    const out = path.join(tmp, 'class.csv');
    const first = await runCli(['report', folder, '--format=csv', `--out=${out}`]);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, `Wrote the CSV report of 3 learner(s) to ${out}\n`);
    const csv = await fs.readFile(out, 'utf8');
    assert.match(csv, /^learner,source,roadmap,/);
    assert.equal(csv.split('\r\n').length, 5);
    const again = await runCli(['report', folder, `--out=${out}`]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists; pass --force to replace it/);
    assert.equal(await fs.readFile(out, 'utf8'), csv);
    const forced = await runCli(['report', folder, `--out=${out}`, '--force']);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(await fs.readFile(out, 'utf8'), /^\*\*Backend Developer/);
    // A link at the output name is not written through, even forced.
    const target = path.join(tmp, 'target.txt');
    await fs.writeFile(target, 'keep');
    await fs.symlink(target, path.join(tmp, 'link.md'));
    const linked = await runCli(['report', folder, `--out=${path.join(tmp, 'link.md')}`, '--force']);
    assert.equal(linked.code, 2);
    assert.match(linked.stderr, /is a symbolic link; not written through/);
    assert.equal(await fs.readFile(target, 'utf8'), 'keep');
  });
});
