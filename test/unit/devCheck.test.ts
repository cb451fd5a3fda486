// `backend-roadmap dev check` through the bundled CLI on a small course (test/fixtures/course): its
// exercises need no npm packages and no services, so every check really runs, in seconds.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli, repoRoot, runCli } from '../helpers/cli';

const course = path.join(repoRoot, 'test', 'fixtures', 'course');
const exercises = path.join(course, '.backend-roadmap', 'exercises');

/** The scratch folder the run named in its first line. */
const scratchOf = (stdout: string) => /scratch folder (\S+),/.exec(stdout)?.[1];
/** What the run says after "Why:", where every broken exercise is named with its reasons. */
const whySection = (stdout: string) => stdout.slice(stdout.indexOf('\nWhy:\n'));

describe('backend-roadmap dev check (a course checks its own exercises)', function () {
  // Real checks: node --test, the spec against a started server, and a Python venv.
  this.timeout(120_000);
  let tmp: string;
  before(function () {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm test does).`);
  });
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dev-check-test-'));
  });
  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('exits 1 naming the broken exercise and why, and reports the sound one sound', async () => {
    // The folder argument defaults to the current one.
    const run = await runCli(['dev', 'check'], course);
    assert.equal(run.code, 1, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /^1 exercise sound, 1 broken: sum-numbers$/m);
    // The broken one: a known-wrong variant that no test catches, named with the reason.
    assert.match(
      run.stdout,
      /^ {2}sum-numbers \(JavaScript\) wrong\/positives-only: NOT rejected: passes \(2 passed, 0 failed\)\n {6}The check accepts this known-wrong variant: no test catches it\.$/m,
    );
    assert.match(run.stdout, /^sum-numbers +JavaScript +✓ fails +✓ passes +✗ 1\/2 rejected \(not: positives-only\) +—$/m);
    assert.match(run.stdout, /✓ wrong\/skips-first .*rejected by the check \(1 passed, 1 failed\): ✗ adds up a list/);
    // The sound one, in both its flavours: the starter fails (its 3 tests, then the course's 2-scenario
    // spec), the solution passes, each wrong variant is rejected and the right one passes.
    assert.match(run.stdout, /^greeting-route +JavaScript +✓ fails +✓ passes +✓ 3\/3 rejected +✓ 1\/1 pass$/m);
    assert.match(run.stdout, /^greeting-route +Python +✓ fails +✓ passes +— +—$/m);
    assert.match(run.stdout, /✓ starter +[\d.]+ s {2}fails \(0 passed, 5 failed\)/);
    // The spec comes from the course's folder (the bundled library has no greeting-route): it alone rejects two variants…
    assert.match(run.stdout, /✓ wrong\/no-400 .*rejected by the spec \(1 passed, 1 failed\): ✗ GET \/hello without a name/);
    assert.match(run.stdout, /✓ wrong\/plain-text .*rejected by the spec/);
    // …and the tests catch what it does not look at.
    assert.match(run.stdout, /✓ wrong\/no-trim .*rejected by the check .*: ✗ the name is trimmed/);
    assert.doesNotMatch(whySection(run.stdout), /greeting-route/);
    const scratch = scratchOf(run.stdout);
    assert.ok(scratch, run.stdout);
    assert.equal(existsSync(scratch), false, `${scratch} is removed`);
  });

  it('checks only the exercises and the flavour asked for: the sound one alone exits 0', async () => {
    // JavaScript only: the run above checked the Python flavour, whose venv is the slow part.
    const run = await runCli(['dev', 'check', course, '--only=greeting-route', '--lang=javascript']);
    assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
    assert.match(run.stdout, /^Checking 1 exercise in /);
    assert.match(run.stdout, /^greeting-route +JavaScript +✓ fails +✓ passes +✓ 3\/3 rejected +✓ 1\/1 pass$/m);
    assert.match(run.stdout, /^1 exercise sound, 0 broken$/m);
    assert.doesNotMatch(run.stdout, /sum-numbers|Python/);
  });

  it('names every manifest that does not load, with its file, and still checks the others', async () => {
    const own = path.join(tmp, '.backend-roadmap', 'exercises');
    await fs.cp(path.join(exercises, 'sum-numbers'), path.join(own, 'sum-numbers'), { recursive: true });
    await fs.mkdir(path.join(own, 'half-written'));
    await fs.writeFile(path.join(own, 'half-written', 'exercise.json'), JSON.stringify({ id: 'half-written', title: 'Half written' }));
    const run = await runCli(['dev', 'check', tmp]);
    assert.equal(run.code, 1, `${run.stdout}\n${run.stderr}`);
    const file = path.join(own, 'half-written', 'exercise.json');
    assert.ok(run.stdout.includes(`✗ does not load: ${file}`), run.stdout);
    assert.match(run.stdout, /runner: Invalid input/);
    assert.match(run.stdout, /^half-written +— +✗ exercise\.json does not load/m);
    // The bad manifest stops nothing: the other exercise ran.
    assert.match(run.stdout, /✓ solution +[\d.]+ s {2}passes \(2 passed, 0 failed\)/);
    assert.match(run.stdout, /^0 exercises sound, 2 broken: half-written, sum-numbers$/m);
  });

  it('exits 2 with a clear message when there is nothing to check', async () => {
    const none = await runCli(['dev', 'check', tmp]);
    assert.equal(none.code, 2, none.stdout);
    assert.match(none.stderr, new RegExp(`no exercises folder at ${escape(path.join(tmp, 'exercises'))}: a course keeps its exercises in`));
    await fs.mkdir(path.join(tmp, '.backend-roadmap', 'exercises'), { recursive: true });
    const empty = await runCli(['dev', 'check', tmp]);
    assert.equal(empty.code, 2, empty.stdout);
    assert.match(empty.stderr, /\.backend-roadmap\/exercises holds no exercises/);
    const unknown = await runCli(['dev', 'check', course, '--only=greeting-route,nope']);
    assert.equal(unknown.code, 2, unknown.stdout);
    assert.match(unknown.stderr, /no exercise "nope" in .* \(it has: greeting-route, sum-numbers\)/);
    const noFlavour = await runCli(['dev', 'check', course, '--only=sum-numbers', '--lang=python']);
    assert.equal(noFlavour.code, 2, noFlavour.stdout);
    assert.match(noFlavour.stderr, /none of the exercises asked for has a Python flavour/);
    const badOption = await runCli(['dev', 'check', course, '--fast']);
    assert.equal(badOption.code, 2);
    assert.match(badOption.stderr, /unknown option --fast/);
    assert.equal(none.stdout + empty.stdout + unknown.stdout + noFlavour.stdout, '', 'nothing ran');
  });

  it('stops on Ctrl-C with exit 130 and removes its scratch folder', async () => {
    const child = spawn(process.execPath, [cli, 'dev', 'check', course, '--lang=javascript'], { cwd: repoRoot });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // Interrupted once the first check has finished, while the next runs.
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        if (/✓ starter/.test(stdout)) resolve();
      });
    });
    child.kill('SIGINT');
    assert.equal(await exited, 130, stdout);
    assert.match(stdout, /Cancelled after 0 of 2 exercises .*; the scratch folder is removed\./);
    const scratch = scratchOf(stdout);
    assert.ok(scratch, stdout);
    assert.equal(existsSync(scratch), false, `${scratch} is removed`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
