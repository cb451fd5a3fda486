// Every exercise in the library, through the real CLI on real services: the starter's check fails and
// the reference solution's check passes. npm test starts PostgreSQL and Redis on loopback first.
// An exercise graded by seeded bugs (`"grading": "mutants"`: the learner writes the tests) is held to
// the same rules, read for tests: the reference tests catch every seeded bug, and each wrong/ variant,
// a known-weak suite, passes on the given code but lets a seeded bug through.
import { readSpec } from '../../src/domain/exercises/spec/load';
import * as assert from 'node:assert/strict';
import { existsSync, promises as fs, readdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { flavourInfo } from '../../src/domain/exercises/flavours';
import type { Flavour } from '../../src/domain/exercises/flavours';
import { loadExercises } from '../../src/domain/exercises/manifestLoader';
import { commandRunner } from '../../src/domain/exercises/spec/command';
import { startCommand } from '../../src/domain/exercises/runners/node';
import { startProgram } from '../../src/domain/exercises/spec/program';
import { runSpec } from '../../src/domain/exercises/spec/run';
import type { Spec } from '../../src/domain/exercises/spec/schema';
import type { Exercise } from '../../src/domain/exercises/manifest';
import { mutantsDir, readMutantsFile } from '../../src/domain/exercises/mutants';
import { runCli, runProcess } from '../helpers/cli';

const repoRoot = path.join(__dirname, '..', '..');
const requireServices = process.env.BACKEND_ROADMAP_REQUIRE_SERVICES === '1';
const serviceEnv = { postgres: 'DATABASE_URL', redis: 'REDIS_URL' } as const;

interface Row {
  id: string;
  starter: string;
  solution: string;
  installS: number;
  cachedS: number;
  note: string;
}

const seconds = (stderr: string, which: 'in' | 'install') =>
  Number((which === 'in' ? / in ([\d.]+) s/ : /\(install ([\d.]+) s\)/).exec(stderr)?.[1] ?? NaN);

/** An exercise's behavioural spec, if it has one. */
function specOf(id: string): Promise<Spec | undefined> {
  return readSpec(path.join(repoRoot, 'roadmaps', 'exercises', id));
}

/** Runs a spec against a Node flavour's program (`npm start`), each scenario on a fresh start. */
async function runSpecOn(spec: Spec, dir: string): Promise<{ total: number; failed: number; report: string }> {
  // The same start rule the learner's check uses (the start or migrate script, plain `node …` run directly).
  const command = await startCommand(dir, spec);
  assert.ok(command, `${dir}: package.json has no script the spec can start`);
  const results = await runSpec(spec, { start: (env) => startProgram(command, dir, { env }), run: commandRunner(command, dir) });
  const failed = results.filter((r) => r.status !== 'passed');
  return {
    total: results.length,
    failed: failed.length,
    report: failed
      .map((r) => `✘ ${r.name}\n${r.error ?? ''}`)
      .join('\n')
      .slice(0, 6000),
  };
}

describe('exercise library: every starter fails, every reference solution passes', function () {
  this.timeout(15 * 60_000);
  const rows: Row[] = [];
  let exercises: Exercise[] = [];
  let tmp: string;

  before(async () => {
    exercises = await loadExercises(path.join(repoRoot, 'roadmaps', 'exercises'));
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'exercise-library-'));
  });
  after(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
    if (rows.length === 0) return;
    console.log('\n  | exercise | starter check | solution check | check with install | check, deps cached | engine / notes |');
    console.log('  |---|---|---|---|---|---|');
    for (const r of rows)
      console.log(`  | ${r.id} | ${r.starter} | ${r.solution} | ${r.installS.toFixed(1)} s | ${r.cachedS.toFixed(1)} s | ${r.note} |`);
  });

  it('has at least 12 exercises', () => {
    assert.ok(exercises.length >= 12, `${exercises.length} exercises`);
  });

  it('ships at least 4 known-wrong variants for every exercise', () => {
    const counts = exercises.map((e) => {
      const wrong = path.join(repoRoot, 'roadmaps', 'exercises', e.id, 'wrong');
      return [e.id, existsSync(wrong) ? readdirSync(wrong, { withFileTypes: true }).filter((d) => d.isDirectory()).length : 0] as const;
    });
    assert.deepEqual(
      counts.filter(([, n]) => n < 4),
      [],
    );
    console.log(`      ${counts.reduce((sum, [, n]) => sum + n, 0)} known-wrong variants in ${counts.length} exercises`);
  });

  it('ships at least 5 seeded bugs, each with a hint, in every flavour of an exercise graded by them', async () => {
    const graded = exercises.filter((e) => e.grading === 'mutants');
    for (const e of graded) {
      const { mutants } = await readMutantsFile(e.dir);
      assert.ok(mutants.length >= 5, `${e.id} has ${mutants.length} seeded bugs`);
      // loadExercise has checked each flavour's folders; this says so where it counts.
      for (const flavour of e.flavours) assert.ok(existsSync(mutantsDir(e, flavour)), `${e.id}: ${flavour} has its seeded bugs`);
    }
    console.log(`      ${graded.length} exercises graded by seeded bugs: ${graded.map((e) => e.id).join(', ') || '—'}`);
  });

  it('offers TypeScript in every exercise that comes in Python or Go', () => {
    const behind = exercises.filter(
      (e) => (e.flavours.includes('python') || e.flavours.includes('go')) && !e.flavours.includes('typescript'),
    );
    assert.deepEqual(
      behind.map((e) => e.id),
      [],
    );
    console.log(`      TypeScript: ${exercises.filter((e) => e.flavours.includes('typescript')).length} of ${exercises.length} exercises`);
  });

  // Discovered from the folder and each manifest's flavours, so a new exercise or flavour is tested without touching this file.
  const ids = readdirSync(path.join(repoRoot, 'roadmaps', 'exercises'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const cases = ids.flatMap((id) => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'roadmaps', 'exercises', id, 'exercise.json'), 'utf8')) as {
      flavours: Flavour[];
    };
    return manifest.flavours.map((flavourName, i) => ({ id, flavourName, primary: i === 0 }));
  });
  for (const { id, flavourName, primary } of cases) {
    const ts = flavourName === 'typescript';
    // Node flavours have their own tests, and the spec (where there is one) must agree with them;
    // the other flavours' check is the spec itself.
    const node = flavourInfo[flavourName].runner === 'node';
    const label = primary ? id : `${id} (${flavourInfo[flavourName].label})`;
    const flavour = primary ? [] : [`--flavour=${flavourName}`];
    it(`${label}: the starter fails and the reference solution passes`, async () => {
      const exercise = exercises.find((e) => e.id === id);
      assert.ok(exercise, `${id} loads`);
      for (const service of exercise.services) {
        const variable = serviceEnv[service];
        if (!process.env[variable]) {
          const message = `${id} needs ${service}, but ${variable} is not set. Run the tests through \`npm test\`, which starts it.`;
          if (requireServices) assert.fail(message);
          console.warn(`  !!! ${message} Its own tests will report what they could not reach.`);
        }
      }
      const starterDir = path.join(tmp, `${id}${flavourInfo[flavourName].folderSuffix}-starter`);
      const solutionDir = path.join(tmp, `${id}${flavourInfo[flavourName].folderSuffix}-solution`);
      assert.equal((await runCli(['scaffold', id, starterDir, ...flavour])).code, 0);
      const starter = await runCli(['check', starterDir]);
      assert.equal(
        starter.code,
        1,
        `the starter of ${id} must fail its tests (exit 1), got ${starter.code}:\n${starter.stderr}\n${starter.stdout.slice(-3000)}`,
      );
      assert.match(starter.stderr, /FAIL: \d+ passed, [1-9]\d* failed/);
      // Graded by seeded bugs: how many the learner's tests caught, out of how many, from the check's last line.
      const bugs = exercise.grading === 'mutants' ? (await readMutantsFile(exercise.dir)).mutants.length : 0;
      const caught = (stderr: string) => {
        const m = /; your tests caught (\d+) of (\d+) seeded bugs in /.exec(stderr);
        return m ? { caught: Number(m[1]), total: Number(m[2]) } : undefined;
      };
      if (bugs > 0) assert.ok(caught(starter.stderr)?.total === bugs || /no tests yet/.test(starter.stderr), starter.stderr);
      // The behavioural spec, where the exercise has one, judges every flavour: Node ones after their own tests.
      const spec = await specOf(id);
      const bySpec = /== Starting the program and checking it against the spec/;
      if (node && spec) assert.match(starter.stdout, bySpec, `the check of ${id} runs its spec after the tests`);

      assert.equal((await runCli(['scaffold', id, solutionDir, '--solution', ...flavour])).code, 0);
      // Same dependencies: reuse the starter's install, so the second check shows the cached case.
      const deps = async (dir: string) => {
        const pkg = JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8')) as {
          dependencies?: object;
          devDependencies?: object;
        };
        return JSON.stringify([pkg.dependencies ?? {}, pkg.devDependencies ?? {}]);
      };
      const moved = node && (await deps(starterDir)) === (await deps(solutionDir));
      if (moved) await fs.rename(path.join(starterDir, 'node_modules'), path.join(solutionDir, 'node_modules')).catch(() => undefined);
      const solution = await runCli(['check', solutionDir]);
      assert.equal(
        solution.code,
        0,
        `the reference solution of ${id} must pass (exit 0), got ${solution.code}:\n${solution.stderr}\n${solution.stdout.slice(-3000)}`,
      );
      assert.match(solution.stderr, /PASS: [1-9]\d* passed, 0 failed/);
      if (bugs > 0) assert.deepEqual(caught(solution.stderr), { caught: bugs, total: bugs }, 'the reference tests catch every seeded bug');
      if (node && spec) assert.match(solution.stdout, bySpec, `the check of ${id} runs its spec after the tests`);
      // Known-wrong variants (wrong/<name>/, laid over the JavaScript solution): the spec must reject
      // each; an exercise without a spec (a file artefact, an in-process library) rejects them by its tests.
      let mutation = '';
      const wrongDir = path.join(repoRoot, 'roadmaps', 'exercises', id, 'wrong');
      if (primary && existsSync(wrongDir)) {
        const variants = (await fs.readdir(wrongDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
        const survivors: string[] = [];
        const byTestsOnly: string[] = [];
        for (const variant of variants) {
          const dir = path.join(tmp, `${id}-wrong-${variant}`);
          await fs.cp(solutionDir, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
          await fs.symlink(path.join(solutionDir, 'node_modules'), path.join(dir, 'node_modules'));
          await fs.cp(path.join(wrongDir, variant), dir, { recursive: true, force: true });
          // The spec first (quick); what it cannot see from outside, the learner's check (tests, then spec) must.
          const bySpec = spec ? (await runSpecOn(spec, dir)).failed > 0 : false;
          if (spec && !bySpec) byTestsOnly.push(variant);
          const run = bySpec ? undefined : await runCli(['check', dir]);
          // A weak suite is rejected because a seeded bug gets through, not because its own tests fail.
          const missed = bugs > 0 && run ? caught(run.stderr) : undefined;
          const rejected = bySpec || (run?.code === 1 && (bugs === 0 || (missed !== undefined && missed.caught < missed.total)));
          if (!rejected) survivors.push(variant);
        }
        mutation = `${spec ? 'check rejects' : bugs > 0 ? `${bugs} seeded bugs; check rejects` : 'tests reject'} ${variants.length - survivors.length}/${variants.length} ${bugs > 0 ? 'weak suites' : 'wrong variants'}${spec && byTestsOnly.length > 0 ? ` (the spec alone ${variants.length - byTestsOnly.length}; the tests the rest: ${byTestsOnly.join(', ')})` : spec ? ' (all by the spec alone)' : ''}`;
        console.log(`      ${id}: ${mutation}${survivors.length > 0 ? ` (accepted: ${survivors.join(', ')})` : ''}`);
        assert.deepEqual(survivors, [], `${id} must reject every known-wrong variant`);
        assert.ok(variants.length >= 4, `${id} ships at least 4 known-wrong variants, has ${variants.length}`);
      }
      // Correct alternatives (right/<name>/, laid over the JavaScript solution): written differently from
      // the reference, each must pass, so a rule that depends on a choice the README leaves open shows.
      const rightDir = path.join(repoRoot, 'roadmaps', 'exercises', id, 'right');
      if (primary && existsSync(rightDir)) {
        const alternatives = (await fs.readdir(rightDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
        const rejected: string[] = [];
        for (const alternative of alternatives) {
          const dir = path.join(tmp, `${id}-right-${alternative}`);
          await fs.cp(solutionDir, dir, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
          await fs.symlink(path.join(solutionDir, 'node_modules'), path.join(dir, 'node_modules'));
          await fs.cp(path.join(rightDir, alternative), dir, { recursive: true, force: true });
          const passed = spec ? (await runSpecOn(spec, dir)).failed === 0 : (await runCli(['check', dir])).code === 0;
          if (!passed) rejected.push(alternative);
        }
        mutation += `${mutation ? '; ' : ''}passes ${alternatives.length - rejected.length}/${alternatives.length} correct alternatives`;
        assert.deepEqual(rejected, [], `${id} must pass every correct alternative in right/`);
      }

      let note = node ? exercise.services.join(', ') : `judged by the spec (${flavourInfo[flavourName].runner} runner)`;
      if (ts) {
        // tsx strips types without checking them; the flavour's promise is code that also typechecks.
        const typecheck = await runProcess('npm', ['run', '--silent', 'typecheck'], solutionDir);
        assert.equal(typecheck.code, 0, `the TypeScript solution of ${id} typechecks:\n${typecheck.stdout}${typecheck.stderr}`);
        note = 'TypeScript via tsx; solution typechecks';
      }
      // The JavaScript tests print the engine they ran on; the other flavours run on PostgreSQL only.
      if (id === 'sql-migration' && node) {
        const engine = /engine: ([^\n]+)/i.exec(solution.stdout)?.[1]?.trim() ?? 'engine not reported';
        if (process.env.BACKEND_ROADMAP_REQUIRE_POSTGRES === '1')
          assert.match(engine, /PostgreSQL/, 'the migration ran on the real PostgreSQL');
        note = engine;
      }
      rows.push({
        id: label,
        starter: `fails (${/FAIL: ([^\n]+?) in/.exec(starter.stderr)?.[1] ?? '?'})`,
        solution: `passes (${/PASS: ([^\n]+?) in/.exec(solution.stderr)?.[1] ?? '?'})`,
        installS: seconds(starter.stderr, 'in'),
        cachedS: seconds(solution.stderr, 'in'),
        note:
          [note, mutation, node && spec ? `tests, then the ${spec.scenarios.length}-scenario spec` : ''].filter(Boolean).join('; ') || '—',
      });
    });
  }
});
