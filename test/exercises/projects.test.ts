// Projects (exercises with milestones), beyond what the library test holds every exercise to: each
// reference state `milestones/<id>/` (the JavaScript starter with that milestone done, laid over the
// template) passes exactly the milestones up to it and fails the next; the starter passes none, the
// solution all; a wrong/ variant named `regress-…` breaks an earlier milestone while later ones pass,
// and the grading reports it as a regression. Judged by the spec, as the learner's check judges it.
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs, readdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { exerciseFiles } from '../../src/domain/exercises/manifest';
import type { Exercise } from '../../src/domain/exercises/manifest';
import { loadExercises } from '../../src/domain/exercises/manifestLoader';
import { gradeMilestones } from '../../src/domain/exercises/milestones';
import type { Milestone, MilestoneProgress } from '../../src/domain/exercises/milestones';
import { startCommand } from '../../src/domain/exercises/runners/node';
import { commandRunner } from '../../src/domain/exercises/spec/command';
import { readSpec } from '../../src/domain/exercises/spec/load';
import { startProgram } from '../../src/domain/exercises/spec/program';
import { runSpec } from '../../src/domain/exercises/spec/run';
import type { Spec } from '../../src/domain/exercises/spec/schema';
import { repoRoot, runProcess } from '../helpers/cli';

const exercisesRoot = path.join(repoRoot, 'roadmaps', 'exercises');

async function writeFiles(dir: string, files: { path: string; content: string }[]): Promise<void> {
  for (const f of files) {
    await fs.mkdir(path.dirname(path.join(dir, f.path)), { recursive: true });
    await fs.writeFile(path.join(dir, f.path), f.content);
  }
}

/** The spec run on `dir`'s program, read milestone by milestone as the learner's check reads it. */
async function milestonesOn(spec: Spec, milestones: readonly Milestone[], dir: string): Promise<MilestoneProgress> {
  const command = await startCommand(dir, spec);
  assert.ok(command, `${dir}: package.json has no start script`);
  const results = await runSpec(spec, { start: (env) => startProgram(command, dir, { env }), run: commandRunner(command, dir) });
  const graded = gradeMilestones({ outcome: 'failed', exitCode: 1, results, summary: '', durationMs: 0 }, spec, milestones);
  return graded.milestones;
}

const projectIds = readdirSync(exercisesRoot, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(exercisesRoot, e.name, 'milestones')))
  .map((e) => e.name);

describe('projects: each milestone is checked on its own, and earlier ones keep being checked', function () {
  this.timeout(15 * 60_000);
  let tmp: string;
  let exercises: Exercise[] = [];

  before(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'exercise-projects-'));
    exercises = await loadExercises(exercisesRoot, (name) => projectIds.includes(name));
  });
  after(() => fs.rm(tmp, { recursive: true, force: true }));

  it('has at least one project', () => assert.ok(projectIds.length >= 1));

  for (const id of projectIds) {
    it(`${id}: the starter passes no milestone, reference state k passes 1..k and fails k+1, the solution passes all; regress-… variants regress`, async () => {
      const exercise = exercises.find((e) => e.id === id);
      assert.ok(exercise?.milestones, `${id} has milestones/ reference states, so its exercise.json lists milestones`);
      const { milestones } = exercise;
      const spec = await readSpec(exercise.dir);
      assert.ok(spec, `${id} has a spec`);
      const flavour = exercise.flavours[0];
      assert.equal(flavour, 'javascript', 'reference states are laid over the JavaScript starter');
      const starter = path.join(tmp, `${id}-starter`);
      await writeFiles(starter, await exerciseFiles(exercise, id, false, flavour));
      const install = await runProcess('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], starter);
      assert.equal(install.code, 0, install.stderr);

      // A folder like the starter (its dependencies linked) with `overlays` laid over it, in order.
      let n = 0;
      const variant = async (...overlays: string[]) => {
        const dir = path.join(tmp, `${id}-${n++}`);
        await fs.cp(starter, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
        await fs.symlink(path.join(starter, 'node_modules'), path.join(dir, 'node_modules'));
        for (const o of overlays) await fs.cp(o, dir, { recursive: true, force: true });
        return dir;
      };
      const passedIds = (p: MilestoneProgress) => p.passed.join(', ') || 'none';

      const atStart = await milestonesOn(spec, milestones, starter);
      assert.deepEqual(atStart.passed, [], `the starter of ${id} passes no milestone, passes: ${passedIds(atStart)}`);
      assert.equal(atStart.current?.id, milestones[0]?.id);

      const states = readdirSync(path.join(exercise.dir, 'milestones'));
      for (const state of states)
        assert.ok(
          milestones.some((m) => m.id === state),
          `milestones/${state}/ names no milestone of ${id}`,
        );
      for (const [k, m] of milestones.slice(0, -1).entries()) {
        const overlay = path.join(exercise.dir, 'milestones', m.id);
        if (!existsSync(overlay)) continue;
        const progress = await milestonesOn(spec, milestones, await variant(overlay));
        const want = milestones.slice(0, k + 1).map((x) => x.id);
        assert.deepEqual(
          progress.passed,
          want,
          `milestones/${m.id}/ passes exactly milestones 1..${k + 1}, passes: ${passedIds(progress)}`,
        );
        assert.deepEqual(progress.regressed, []);
      }

      const solution = path.join(exercise.dir, 'solution');
      const done = await milestonesOn(spec, milestones, await variant(solution));
      assert.equal(done.passed.length, milestones.length, `the solution of ${id} passes every milestone, passes: ${passedIds(done)}`);

      const wrongDir = path.join(exercise.dir, 'wrong');
      const regressions = existsSync(wrongDir) ? readdirSync(wrongDir).filter((v) => v.startsWith('regress-')) : [];
      for (const v of regressions) {
        const progress = await milestonesOn(spec, milestones, await variant(solution, path.join(wrongDir, v)));
        assert.ok(
          progress.regressed.length > 0,
          `wrong/${v} breaks an earlier milestone while a later one passes: ${JSON.stringify(progress.each)}`,
        );
      }
      console.log(`      ${id}: ${states.length} reference states, ${regressions.length} regression variants, gates hold`);
    });
  }
});
