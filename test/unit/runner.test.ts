import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkExercise, ExerciseMismatchError, isScaffoldedFolder, resolveExerciseFolder } from '../../src/domain/exercises/check';
import { markerContent, markerFileName, readMarker } from '../../src/domain/exercises/marker';
import { CheckError, runCheck } from '../../src/domain/exercises/runner';
import type { ExerciseRunner, TestResult } from '../../src/domain/exercises/runner';
import { runnerById, runnerIds, runners } from '../../src/domain/exercises/runners';

const passingTest = "const { test } = require('node:test');\ntest('adds', () => {});\n";

describe('exercise folders: marker file, 0.1 package.json mark, detection', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'runner-test-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  const nodeProject = async (pkg: object = { name: 'x', private: true }, test = passingTest) => {
    await fs.writeFile(path.join(dir, 'package.json'), JSON.stringify(pkg));
    await fs.mkdir(path.join(dir, 'test'), { recursive: true });
    await fs.writeFile(path.join(dir, 'test', 'a.test.js'), test);
  };
  const writeMarker = (content: string) => fs.writeFile(path.join(dir, markerFileName), content);
  const markerPath = () => path.join(dir, markerFileName);
  /** A CheckError whose message names the marker file and matches `pattern`. */
  const namingMarker = (pattern: RegExp) => (e: unknown) =>
    e instanceof CheckError && e.message.includes(markerPath()) && pattern.test(e.message);

  it('reads the marker: exercise, runner and flavour, and checks with the runner it names', async () => {
    await nodeProject();
    await writeMarker(markerContent({ exercise: 'express-route', runner: 'node', flavour: 'typescript' }));
    assert.deepEqual(await readMarker(dir), { version: 1, exercise: 'express-route', runner: 'node', flavour: 'typescript' });
    assert.equal(await isScaffoldedFolder(dir), true);
    const found = await resolveExerciseFolder(dir, 'express-route');
    assert.equal(found.runner, runners.node);
    assert.equal(found.source, 'marker');
    assert.equal(found.flavour, 'typescript');
    const result = await checkExercise(dir, { expected: 'express-route' });
    assert.equal(result.outcome, 'passed', result.summary);
  });

  it('ignores keys it does not know, so a marker with more in it still reads', async () => {
    await writeMarker(
      JSON.stringify({ version: 1, exercise: 'jwt-middleware', runner: 'node', flavour: 'javascript', note: 'added by hand' }),
    );
    assert.equal((await readMarker(dir))?.exercise, 'jwt-middleware');
  });

  it('still recognises a folder scaffolded by 0.1: package.json with backendRoadmap.exercise and no marker', async () => {
    await nodeProject({ name: 'x', private: true, backendRoadmap: { exercise: 'express-route' } });
    assert.equal(await readMarker(dir), undefined);
    assert.equal(await isScaffoldedFolder(dir), true);
    const found = await resolveExerciseFolder(dir, 'express-route');
    assert.deepEqual([found.runner.id, found.exercise, found.source], ['node', 'express-route', 'legacy']);
    assert.equal((await checkExercise(dir, { expected: 'express-route' })).outcome, 'passed');
    await assert.rejects(resolveExerciseFolder(dir, 'jwt-middleware'), ExerciseMismatchError);
  });

  it('the marker wins over a 0.1 mark left in package.json', async () => {
    await nodeProject({ name: 'x', backendRoadmap: { exercise: 'old-one' } });
    await writeMarker(markerContent({ exercise: 'new-one', runner: 'node', flavour: 'javascript' }));
    assert.equal((await resolveExerciseFolder(dir)).exercise, 'new-one');
  });

  it('counts a folder with a package.json file as scaffolded, as 0.1 did, reading nothing; not an empty folder or a linked package.json', async () => {
    assert.equal(await isScaffoldedFolder(dir), false, 'empty folder');
    await nodeProject();
    assert.equal(await isScaffoldedFolder(dir), true, 'package.json without a mark');
    // Junk is not read here (Restricted Mode reads nothing); the check names what is wrong.
    for (const junk of ['{ not json', 'null', '{"backendRoadmap": {"exercise": 42}}']) {
      await fs.writeFile(path.join(dir, 'package.json'), junk);
      assert.equal(await isScaffoldedFolder(dir), true, junk);
    }
    const elsewhere = await fs.mkdtemp(path.join(os.tmpdir(), 'runner-test-outside-'));
    try {
      await fs.writeFile(path.join(elsewhere, 'package.json'), JSON.stringify({ backendRoadmap: { exercise: 'express-route' } }));
      await fs.rm(path.join(dir, 'package.json'));
      await fs.symlink(path.join(elsewhere, 'package.json'), path.join(dir, 'package.json'));
      assert.equal(await isScaffoldedFolder(dir), false, 'a linked package.json does not count');
    } finally {
      await fs.rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('refuses a marker naming another exercise, before running anything', async () => {
    const ran = path.join(dir, 'ran');
    await nodeProject(undefined, `require('node:fs').writeFileSync(${JSON.stringify(ran)}, 'yes');\n${passingTest}`);
    await writeMarker(markerContent({ exercise: 'jwt-middleware', runner: 'node', flavour: 'javascript' }));
    await assert.rejects(checkExercise(dir, { expected: 'express-route' }), (e: unknown) => {
      assert.ok(e instanceof ExerciseMismatchError);
      assert.deepEqual([e.recorded, e.expected], ['jwt-middleware', 'express-route']);
      assert.equal(e.message, `${dir} holds the "jwt-middleware" exercise, not "express-route"; not checking it.`);
      return true;
    });
    assert.equal(existsSync(ran), false, 'no test ran');
    // Without an expectation (the CLI's check <dir>) the folder is simply checked.
    assert.equal((await checkExercise(dir)).outcome, 'passed');
    assert.equal(existsSync(ran), true);
  });

  it('reports an unknown runner id clearly, naming the file and the runners it knows', async () => {
    await nodeProject();
    await writeMarker(JSON.stringify({ version: 1, exercise: 'express-route', runner: 'cobol', flavour: 'javascript' }));
    const unknown = namingMarker(
      /runner "cobol" is not one this version of Backend Roadmap knows \(it knows: node, python, go\); update the extension/,
    );
    await assert.rejects(readMarker(dir), unknown);
    await assert.rejects(checkExercise(dir), unknown);
    // Looked up as an own key: Object's own properties are not runners.
    await writeMarker(JSON.stringify({ version: 1, exercise: 'express-route', runner: 'constructor', flavour: 'javascript' }));
    await assert.rejects(readMarker(dir), namingMarker(/runner "constructor" is not one/));
    assert.equal(runnerById('toString'), undefined);
    assert.deepEqual(runnerIds, ['node', 'python', 'go']);
  });

  it('turns a junk marker into a clear error naming the file, never a crash', async () => {
    const cases: [string, RegExp][] = [
      ['', /not valid JSON/],
      ['{ "version": 1, ', /not valid JSON/],
      ['null', /marker: /],
      ['[1, 2]', /marker: /],
      ['"express-route"', /marker: /],
      [JSON.stringify({ version: 1, runner: 'node', flavour: 'javascript' }), /exercise: /],
      [JSON.stringify({ version: 1, exercise: '../../etc', runner: 'node', flavour: 'javascript' }), /exercise: must be a lowercase slug/],
      [JSON.stringify({ version: 1, exercise: 'a', runner: 7, flavour: 'javascript' }), /runner: /],
      [
        JSON.stringify({ version: 1, exercise: 'a', runner: 'node', flavour: 'cobol' }),
        /flavour "cobol" is not one this version of Backend Roadmap knows \(it knows: javascript, typescript, python, go\)/,
      ],
      [JSON.stringify({ version: 0, exercise: 'a', runner: 'node', flavour: 'javascript' }), /version 0 is not one Backend Roadmap writes/],
      [
        JSON.stringify({ version: 2, exercise: 'a', runner: 'node', flavour: 'javascript' }),
        /written by a newer Backend Roadmap \(marker version 2\)/,
      ],
      [JSON.stringify({ version: '1', exercise: 'a', runner: 'node', flavour: 'javascript' }), /version: /],
      [`{"version": 1, "exercise": "a", "runner": "node", "flavour": "javascript", "pad": "${'x'.repeat(20_000)}"}`, /larger than 16 KB/],
    ];
    for (const [content, pattern] of cases) {
      await writeMarker(content);
      await assert.rejects(readMarker(dir), namingMarker(pattern), `${content.slice(0, 60)} -> ${pattern}`);
      assert.equal(await isScaffoldedFolder(dir), true, 'a marker that is there counts as scaffolded, so the check can say what is wrong');
    }
    await fs.rm(markerPath());
    await fs.mkdir(markerPath());
    await assert.rejects(readMarker(dir), namingMarker(/is not a file/));
  });

  it('refuses a symlinked marker, even one pointing at a valid marker', async () => {
    await nodeProject();
    const elsewhere = await fs.mkdtemp(path.join(os.tmpdir(), 'runner-test-outside-'));
    try {
      await fs.writeFile(
        path.join(elsewhere, 'marker.json'),
        markerContent({ exercise: 'express-route', runner: 'node', flavour: 'javascript' }),
      );
      await fs.symlink(path.join(elsewhere, 'marker.json'), markerPath());
      await assert.rejects(readMarker(dir), namingMarker(/is a symbolic link; it is not followed/));
      await assert.rejects(checkExercise(dir, { expected: 'express-route' }), namingMarker(/symbolic link/));
      // A dangling link is refused the same way, not taken for "no marker".
      await fs.rm(path.join(elsewhere, 'marker.json'));
      await assert.rejects(readMarker(dir), namingMarker(/symbolic link/));
    } finally {
      await fs.rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('without marker or mark, checks a folder the one fitting runner recognises, and says why none fits', async () => {
    await assert.rejects(
      checkExercise(dir),
      (e: unknown) =>
        e instanceof CheckError &&
        e.message.includes(`it has no ${markerFileName}`) &&
        /node: no package\.json and no test\/\*\.test\.js \(or \.ts\) files/.test(e.message),
    );
    await nodeProject();
    const found = await resolveExerciseFolder(dir, 'anything');
    assert.deepEqual([found.runner.id, found.exercise, found.source], ['node', undefined, 'detected']);
  });
});

describe('runCheck: what every runner shares', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'runner-generic-'));
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  // A second language in a dozen lines: a script that prints, and writes "<status> <name>[ <error>]" lines.
  const linesRunner = (over: Partial<ExerciseRunner> = {}): ExerciseRunner => ({
    id: 'lines',
    manualCommand: 'node run.js',
    missingToolHint: 'Install the lines tool.',
    projectFiles: ['run.js'],
    detect: async (d) => (existsSync(path.join(d, 'run.js')) ? { ok: true } : { ok: false, missing: 'no run.js' }),
    test: async (_d, { resultsFile }) => ({
      message: 'Running run.js',
      command: { command: process.execPath, args: ['run.js', resultsFile] },
      requires: [],
    }),
    install: async () => undefined,
    parseResults: (raw) =>
      raw
        .split('\n')
        .filter(Boolean)
        .map((line): TestResult => {
          const [status, name, error] = line.split(' ');
          return { name: name ?? '', suite: [], status: status as TestResult['status'], ...(error ? { error } : {}) };
        }),
    ...over,
  });
  const script = (body: string) =>
    fs.writeFile(path.join(dir, 'run.js'), `const fs = require('node:fs');\nconst out = process.argv[2];\n${body}\n`);

  it('runs any runner: phases, streamed output, parsed results, summary and outcome', async () => {
    await script(
      `console.log('hello from lines'); fs.writeFileSync(out, 'passed a\\nfailed b ${'e'.repeat(20_000)}\\nskipped c\\n'); process.exitCode = 1;`,
    );
    let output = '';
    const phases: string[] = [];
    const result = await runCheck(linesRunner(), dir, {
      onOutput: (t) => (output += t),
      onPhase: (phase, message) => phases.push(`${phase}: ${message}`),
    });
    assert.equal(result.outcome, 'failed');
    assert.equal(result.summary, '1 passed, 1 failed, 1 skipped');
    assert.equal(result.exitCode, 1);
    assert.deepEqual(phases, ['test: Running run.js']);
    assert.match(output, /hello from lines/);
    assert.deepEqual(
      result.results.map((r) => [r.name, r.status]),
      [
        ['a', 'passed'],
        ['b', 'failed'],
        ['c', 'skipped'],
      ],
    );
    assert.match(
      result.results[1]?.error ?? '',
      /\n\[cut: \d+ more characters\]$/,
      'error text shortened for the page whatever the runner',
    );
    assert.ok((result.results[1]?.error?.length ?? 0) < 9_000);
    assert.equal(result.installMs, undefined);

    await script("fs.writeFileSync(out, 'passed a\\n');");
    assert.equal((await runCheck(linesRunner(), dir)).outcome, 'passed');
  });

  it('runs the install step first, with its own phase, and reports its failure by name', async () => {
    await script("fs.writeFileSync(out, 'passed a\\n');");
    const install = (code: number) => async () => ({
      message: 'Installing lines',
      name: 'lines install',
      command: { command: process.execPath, args: ['-e', `process.exit(${code})`] },
    });
    const phases: string[] = [];
    const ok = await runCheck(linesRunner({ install: install(0) }), dir, { onPhase: (phase) => phases.push(phase) });
    assert.equal(ok.outcome, 'passed');
    assert.deepEqual(phases, ['install', 'test']);
    assert.equal(typeof ok.installMs, 'number');
    const failed = await runCheck(linesRunner({ install: install(3) }), dir);
    assert.deepEqual([failed.outcome, failed.summary, failed.exitCode], ['failed', 'lines install exited with 3', 3]);
  });

  it('checks the tools a test step requires, and names a tool that is missing or too old', async () => {
    await script("fs.writeFileSync(out, 'passed a\\n');");
    const requiring = (printed: string, minimum: [number, number]) =>
      linesRunner({
        test: async (_d, { resultsFile }) => ({
          message: 'Running run.js',
          command: { command: process.execPath, args: ['run.js', resultsFile] },
          requires: [
            {
              name: 'Lines',
              probe: { command: process.execPath, args: ['-e', `console.log(${JSON.stringify(printed)})`] },
              version: (o) => {
                const m = /^lines (\d+)\.(\d+)/.exec(o.trim());
                return m ? [Number(m[1]), Number(m[2])] : undefined;
              },
              minimum,
            },
          ],
        }),
      });
    assert.equal((await runCheck(requiring('lines 2.3', [2, 1]), dir)).outcome, 'passed');
    await assert.rejects(
      runCheck(requiring('lines 2.0', [2, 1]), dir),
      (e: unknown) => e instanceof CheckError && e.message === 'Lines 2.1 or newer is needed to run the tests; found lines 2.0.',
    );
    await assert.rejects(
      runCheck(requiring('garbage', [2, 1]), dir),
      (e: unknown) => e instanceof CheckError && /found garbage/.test(e.message),
    );
    const missing = linesRunner({
      test: async () => ({ message: 'm', command: { command: 'no-such-tool-for-backend-roadmap', args: [] }, requires: [] }),
    });
    await assert.rejects(
      runCheck(missing, dir),
      (e: unknown) =>
        e instanceof CheckError && e.message === '"no-such-tool-for-backend-roadmap" was not found on PATH. Install the lines tool.',
    );
  });

  it('cancels and times out the same way for every runner', async function () {
    this.timeout(20_000);
    await script('setTimeout(() => {}, 60_000);');
    const timedOut = await runCheck(linesRunner(), dir, { timeoutMs: 1_000 });
    assert.equal(timedOut.outcome, 'timedOut');
    assert.match(timedOut.summary, /^timed out after 1 s \(0 passed, 0 failed\)$/);
    const controller = new AbortController();
    controller.abort();
    assert.equal((await runCheck(linesRunner(), dir, { signal: controller.signal })).outcome, 'cancelled');
  });
});
