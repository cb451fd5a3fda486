// Projects: exercises built in milestones. Their manifests and specs must agree; a check reads the
// whole spec milestone by milestone (first unmet milestone, regressions); progress keeps the milestones
// passed; the tree counts them.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gradeMilestones, milestonesProblem, milestoneSummary, readMilestones } from '../../src/domain/exercises/milestones';
import type { Milestone } from '../../src/domain/exercises/milestones';
import { loadExercise, ManifestError } from '../../src/domain/exercises/manifestLoader';
import type { CheckResult, TestResult } from '../../src/domain/exercises/runner';
import type { Spec } from '../../src/domain/exercises/spec/schema';
import { parseSpec } from '../../src/domain/exercises/spec/load';
import * as ops from '../../src/domain/progress/ops';
import { emptyProgress, milestonesPassed } from '../../src/domain/progress/progress';
import type { ProgressData } from '../../src/domain/progress/progress';
import { migrate } from '../../src/domain/progress/store';
import { assemble } from '../../src/domain/roadmap/catalog';
import { loadCatalog } from '../../src/domain/roadmap/files';
import { milestoneCount, milestoneRows } from '../../src/domain/roadmap/treeModel';

const milestones: Milestone[] = [
  { id: 'one', title: 'First', topics: ['rest-apis'], summary: 's1' },
  { id: 'two', title: 'Second', topics: ['input-validation'], summary: 's2' },
  { id: 'three', title: 'Third', topics: ['jwt', 'rest-apis'], summary: 's3' },
];

const step = { request: { method: 'GET' as const, path: '/' }, expect: { status: 200 } };
const spec: Spec = {
  version: 1,
  exercise: 'proj',
  scenarios: [
    { name: 'a1', milestone: 'one', steps: [step] },
    { name: 'a2', milestone: 'one', steps: [step] },
    { name: 'b1', milestone: 'two', steps: [step] },
    { name: 'c1', milestone: 'three', steps: [step] },
  ],
};

/** A finished check whose named scenarios failed (every other one passed), after one test of the runner's own. */
function checked(failed: string[], outcome: CheckResult['outcome'] = failed.length > 0 ? 'failed' : 'passed'): CheckResult {
  const results: TestResult[] = [
    { name: 'own test', suite: [], status: 'passed' },
    ...spec.scenarios.map((s): TestResult => ({
      name: s.name,
      suite: ['Behavioural spec'],
      status: failed.includes(s.name) ? 'failed' : 'passed',
    })),
  ];
  return { outcome, exitCode: 0, results, summary: 'x', durationMs: 1 };
}

describe('projects: grading a check milestone by milestone', () => {
  it('a starter passes no milestone: milestone 1 is next, later scenarios are left out', () => {
    const r = gradeMilestones(checked(['a1', 'a2', 'b1', 'c1']), spec, milestones);
    assert.equal(r.outcome, 'failed');
    assert.deepEqual(r.milestones.passed, []);
    assert.equal(r.milestones.current?.id, 'one');
    assert.deepEqual(r.milestones.regressed, []);
    assert.deepEqual(
      r.results.map((x) => x.name),
      ['own test', 'a1', 'a2'],
    );
    assert.deepEqual(r.results[1]?.suite, ['Behavioural spec', 'Milestone 1: First']);
    assert.deepEqual(
      r.milestones.each.map((m) => m.status),
      ['failed', 'notReached', 'notReached'],
    );
    assert.equal(r.summary, '1 passed, 2 failed; milestone 1 of 3: First');
  });

  it('milestones pass in order: the first unmet one is reported, the ones before it keep being run', () => {
    const r = gradeMilestones(checked(['b1', 'c1']), spec, milestones);
    assert.deepEqual(r.milestones.passed, ['one']);
    assert.equal(r.milestones.current?.index, 1);
    assert.deepEqual(
      r.results.map((x) => x.name),
      ['own test', 'a1', 'a2', 'b1'],
    );
    assert.match(r.summary, /^3 passed, 1 failed; milestone 2 of 3: Second$/);
  });

  it('an earlier milestone failing while a later one passes is a regression, and the check fails', () => {
    const r = gradeMilestones(checked(['a2']), spec, milestones);
    assert.equal(r.outcome, 'failed');
    assert.deepEqual(r.milestones.passed, []);
    assert.deepEqual(
      r.milestones.regressed.map((m) => m.id),
      ['one'],
    );
    assert.match(r.summary, /regression: milestone 1 \(First\) fails while a later one passes/);
    // Every scenario up to the last passing milestone is shown, so the regression is visible.
    assert.deepEqual(
      r.results.map((x) => x.name),
      ['own test', 'a1', 'a2', 'b1', 'c1'],
    );
  });

  it('passes only when every milestone passes and the rest of the check did', () => {
    const all = gradeMilestones(checked([]), spec, milestones);
    assert.equal(all.outcome, 'passed');
    assert.equal(milestoneSummary(all.milestones), 'all 3 milestones pass');
    // The runner's own tests failed: every milestone passes, the check does not.
    const own = checked([]);
    own.outcome = 'failed';
    assert.equal(gradeMilestones(own, spec, milestones).outcome, 'failed');
    // A cancelled or timed-out check keeps its outcome and summary.
    const cancelled = gradeMilestones(checked(['c1'], 'cancelled'), spec, milestones);
    assert.equal(cancelled.outcome, 'cancelled');
    assert.equal(cancelled.summary, 'x');
  });

  it('a milestone whose scenarios did not all run does not pass', () => {
    const cut = checked([]);
    cut.results = cut.results.filter((r) => r.name !== 'c1');
    assert.deepEqual(gradeMilestones(cut, spec, milestones).milestones.passed, ['one', 'two']);
  });
});

describe('projects: manifests and specs agree', () => {
  it('milestonesProblem names duplicates, scenarios without or with unknown milestones, and empty milestones', () => {
    assert.equal(milestonesProblem(milestones, spec), undefined);
    assert.match(milestonesProblem([...milestones, milestones[0] as Milestone], spec) ?? '', /"one" is listed twice/);
    assert.match(milestonesProblem(milestones, undefined) ?? '', /needs a spec\.json/);
    const without: Spec = { ...spec, scenarios: [...spec.scenarios, { name: 'loose', steps: [step] }] };
    assert.match(milestonesProblem(milestones, without) ?? '', /"loose" names no milestone/);
    const unknown: Spec = { ...spec, scenarios: [...spec.scenarios, { name: 'x', milestone: 'four', steps: [step] }] };
    assert.match(milestonesProblem(milestones, unknown) ?? '', /names milestone "four", which exercise\.json does not list/);
    const twice: Spec = { ...spec, scenarios: [...spec.scenarios, { name: 'a1', milestone: 'one', steps: [step] }] };
    assert.match(milestonesProblem(milestones, twice) ?? '', /"a1" is named twice/);
    const empty: Spec = { ...spec, scenarios: spec.scenarios.filter((s) => s.milestone !== 'two') };
    assert.match(milestonesProblem(milestones, empty) ?? '', /milestone "two" has no scenario/);
  });

  it('the spec schema reads a scenario milestone id (a slug)', () => {
    const text = JSON.stringify({ ...spec, scenarios: [{ name: 'n', milestone: 'Not A Slug', steps: [step] }] });
    assert.throws(() => parseSpec(text, 'spec.json'), /milestone/);
  });

  describe('loading a project folder', () => {
    let dir: string;
    const manifest = (over: object = {}) => ({
      id: 'proj',
      title: 'P',
      topic: 'rest-apis',
      description: 'd',
      languages: ['javascript'],
      open: ['README.md'],
      runner: 'node',
      flavours: ['javascript'],
      milestones,
      ...over,
    });
    beforeEach(async () => {
      dir = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'project-manifest-')), 'proj');
      await fs.mkdir(path.join(dir, 'template'), { recursive: true });
      await fs.mkdir(path.join(dir, 'solution'));
    });
    const write = (m: object, s?: object) =>
      Promise.all([
        fs.writeFile(path.join(dir, 'exercise.json'), JSON.stringify(m)),
        s ? fs.writeFile(path.join(dir, 'spec.json'), JSON.stringify(s)) : Promise.resolve(),
      ]);

    it('loads with its milestones when the spec fits', async () => {
      await write(manifest(), spec);
      assert.deepEqual((await loadExercise(dir)).milestones, milestones);
    });

    it('refuses a project without a spec, one with a single milestone, and a spec naming milestones for an exercise that has none', async () => {
      await write(manifest());
      await assert.rejects(loadExercise(dir), (e: unknown) => e instanceof ManifestError && /needs a spec\.json/.test(e.message));
      await write(manifest({ milestones: milestones.slice(0, 1) }), spec);
      await assert.rejects(loadExercise(dir), ManifestError);
      await write(manifest({ milestones: undefined }), spec);
      await assert.rejects(loadExercise(dir), /names a milestone, and exercise\.json has no "milestones"/);
    });

    it("the CLI's reader returns the milestones, undefined for a plain exercise or no manifest, and refuses a malformed list", async () => {
      await write(manifest(), spec);
      assert.deepEqual(await readMilestones(dir), milestones);
      await write(manifest({ milestones: undefined }));
      assert.equal(await readMilestones(dir), undefined);
      assert.equal(await readMilestones(path.join(dir, 'missing')), undefined);
      await write(manifest({ milestones: [1, 2] }));
      await assert.rejects(readMilestones(dir), /exercise\.json: "milestones" is not a list of milestones/);
    });

    it('the catalog refuses milestone topics no roadmap has, and a roadmap project linking an exercise without milestones', async () => {
      await write(manifest({ milestones: [...milestones.slice(0, 2), { ...milestones[2], topics: ['no-such-topic'] }] }), spec);
      const bundled = await loadCatalog(path.join(__dirname, '..', '..', 'roadmaps'));
      const sources = bundled.roadmaps.map((r) => ({
        file: r.file,
        isTrack: false,
        load: () => ({ ok: true as const, value: r.roadmap }),
      }));
      const withBad = assemble(sources, [await loadExercise(dir)]);
      assert.ok(withBad.problems.some((p) => /"three" names unknown topic id "no-such-topic"/.test(p.message)));
      const plain = bundled.exercises.find((e) => !e.milestones);
      assert.ok(plain);
      const linked = bundled.roadmaps.map((r) => ({
        ...r,
        roadmap: { ...r.roadmap, projects: r.roadmap.projects.map((p, i) => (i === 0 ? { ...p, exercise: plain.id } : p)) },
      }));
      const linkedSources = linked.map((r) => ({ file: r.file, isTrack: false, load: () => ({ ok: true as const, value: r.roadmap }) }));
      const result = assemble(linkedSources, bundled.exercises);
      assert.ok(result.problems.some((p) => new RegExp(`links to exercise "${plain.id}", which has no milestones`).test(p.message)));
    });
  });

  it('the bundled projects load, and the todo-app idea links its checked build', async () => {
    const catalog = await loadCatalog(path.join(__dirname, '..', '..', 'roadmaps'));
    assert.deepEqual(catalog.problems, []);
    const todo = catalog.exercises.find((e) => e.id === 'todo-api');
    assert.equal(todo?.milestones?.length, 5);
    const backend = catalog.roadmaps.find((r) => r.roadmap.id === 'backend')?.roadmap;
    assert.equal(backend?.projects.find((p) => p.id === 'todo-app')?.exercise, 'todo-api');
  });
});

describe('projects: progress and the tree', () => {
  const t = '2026-02-01T10:00:00.000Z';
  const run = (op: ops.ProgressOp, data: ProgressData) => {
    const draft = structuredClone(data);
    const { change } = op(draft, t);
    return { data: draft, changed: change !== undefined };
  };

  it('recordMilestones keeps the latest check, reports no change when it is the same, and is read by milestonesPassed', () => {
    let data = emptyProgress();
    assert.deepEqual(milestonesPassed(data, 'todo-api'), []);
    data = run(ops.recordMilestones('todo-api', ['one', 'two']), data).data;
    assert.deepEqual(milestonesPassed(data, 'todo-api'), ['one', 'two']);
    assert.equal(run(ops.recordMilestones('todo-api', ['one', 'two']), data).changed, false);
    // A regression shows as lost progress.
    data = run(ops.recordMilestones('todo-api', []), data).data;
    assert.deepEqual(milestonesPassed(data, 'todo-api'), []);
    // Own keys only.
    assert.deepEqual(milestonesPassed(data, 'constructor'), []);
  });

  it('an import keeps the further progress', () => {
    const mine = run(ops.recordMilestones('p', ['one']), emptyProgress()).data;
    const theirs = run(ops.recordMilestones('p', ['one', 'two']), emptyProgress()).data;
    assert.deepEqual(ops.mergePractice(mine.practice.p ?? {}, theirs.practice.p ?? {}).milestones, ['one', 'two']);
    assert.deepEqual(ops.mergePractice(theirs.practice.p ?? {}, mine.practice.p ?? {}).milestones, ['one', 'two']);
    assert.equal(ops.mergePractice({}, {}).milestones, undefined);
  });

  it('stored data of every version loads, with and without milestones (an optional field, no version bump)', () => {
    const v1 = { version: 1, topics: {}, exercises: {} };
    const v2 = { version: 2, topics: {}, exercises: {}, history: [], practice: { p: { failedChecks: 1 } } };
    for (const old of [v1, v2, emptyProgress()]) {
      const m = migrate(old);
      assert.ok(m.ok, JSON.stringify(old));
      assert.deepEqual(m.ok && milestonesPassed(m.data, 'p'), []);
    }
    const withMilestones = { ...emptyProgress(), practice: { p: { milestones: ['one'] } } };
    const m = migrate(withMilestones);
    assert.ok(m.ok);
    assert.deepEqual(m.ok && milestonesPassed(m.data, 'p'), ['one']);
    assert.ok(!migrate({ ...emptyProgress(), practice: { p: { milestones: 'one' } } }).ok, 'milestones is a list of ids');
  });

  it('the tree counts milestones in order and names each one with its topics', () => {
    const data = run(ops.recordMilestones('p', ['one', 'three']), emptyProgress()).data;
    // Ids out of order (a project that changed) count only up to the first gap.
    assert.deepEqual(milestoneCount('p', milestones, data), { passed: 1, total: 3 });
    const titles: Record<string, string> = { 'rest-apis': 'REST APIs', jwt: 'JWT' };
    const rows = milestoneRows('p', milestones, data, (id) => titles[id]);
    assert.deepEqual(
      rows.map((r) => [r.label, r.status, r.description]),
      [
        ['1. First', 'passed', 'REST APIs'],
        ['2. Second', 'next', 'input-validation'],
        ['3. Third', 'ahead', 'JWT, REST APIs'],
      ],
    );
    assert.match(rows[1]?.tooltip ?? '', /Milestone 2 of 3: Second \(next to build\)\ns2\nPractises: input-validation/);
  });
});
