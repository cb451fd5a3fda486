import * as assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cli, repoRoot, runCli, runProcess } from '../helpers/cli';

describe('backend-roadmap CLI (the bundled dist/cli.js)', () => {
  let tmp: string;
  before(function () {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first (npm test does).`);
  });
  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'cli-test-'));
  });
  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it('lists the exercises with their topics, as text and as JSON', async () => {
    const text = await runCli(['list']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^jwt-middleware +JSON Web Tokens \(JWT\) \[jwt\]: /m);
    const json = await runCli(['list', '--json']);
    const parsed = JSON.parse(json.stdout) as { exercises: { id: string; topic: { id: string; title: string } }[] };
    assert.ok(parsed.exercises.length >= 12);
    assert.deepEqual(parsed.exercises.find((e) => e.id === 'sql-migration')?.topic.id, 'database-migrations');
  });

  it('exits 2 naming the file when the compiled index is missing, instead of listing nothing', async () => {
    // A copy of the CLI whose extension root (dist/..) has no compiled roadmaps.
    await fs.mkdir(path.join(tmp, 'dist'));
    await fs.copyFile(cli, path.join(tmp, 'dist', 'cli.js'));
    const run = await runProcess(process.execPath, [path.join(tmp, 'dist', 'cli.js'), 'list'], tmp);
    assert.equal(run.code, 2, run.stdout);
    assert.match(run.stderr, /roadmaps\.json.*ENOENT|ENOENT.*roadmaps\.json/);
  });

  it('scaffolds the starter without the solution, and the solution only when asked', async () => {
    const starter = await runCli(['scaffold', 'jwt-middleware', path.join(tmp, 'starter')]);
    assert.equal(starter.code, 0, starter.stderr);
    const solution = await runCli(['scaffold', 'jwt-middleware', path.join(tmp, 'solution'), '--solution']);
    assert.equal(solution.code, 0, solution.stderr);
    assert.match(solution.stdout, /reference solution/);
    const solutionDir = path.join(repoRoot, 'roadmaps', 'exercises', 'jwt-middleware', 'solution');
    for (const file of await fs.readdir(solutionDir, { recursive: true })) {
      const abs = path.join(solutionDir, file);
      if (!(await fs.stat(abs)).isFile()) continue;
      const reference = await fs.readFile(abs, 'utf8');
      assert.notEqual(await fs.readFile(path.join(tmp, 'starter', file), 'utf8'), reference, `starter ${file} is not the solution`);
      assert.equal(await fs.readFile(path.join(tmp, 'solution', file), 'utf8'), reference, `--solution writes ${file}`);
    }
  });

  it('scaffolds the language asked with --lang: Python and Go, with their own files and next step', async () => {
    const py = await runCli(['scaffold', 'express-route', path.join(tmp, 'py'), '--lang=python']);
    assert.equal(py.code, 0, py.stderr);
    assert.match(py.stdout, /\(Python\)/);
    assert.match(py.stdout, /pip install -r requirements\.txt/);
    assert.ok(existsSync(path.join(tmp, 'py', 'main.py')) && !existsSync(path.join(tmp, 'py', 'package.json')));
    const marker = JSON.parse(await fs.readFile(path.join(tmp, 'py', '.backend-roadmap-exercise.json'), 'utf8')) as unknown;
    assert.deepEqual(marker, { version: 1, exercise: 'express-route', runner: 'python', flavour: 'python' });
    const go = await runCli(['scaffold', 'express-route', path.join(tmp, 'go'), '--lang=go']);
    assert.equal(go.code, 0, go.stderr);
    assert.match(go.stdout, /&& go run \./);
    const both = await runCli(['scaffold', 'express-route', path.join(tmp, 'both'), '--lang=go', '--flavour=python']);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /pick one flavour, not go and python/);
  });

  it('scaffolds a flavour by name (--ts is --flavour=typescript) and writes the marker file the check reads', async () => {
    const ts = await runCli(['scaffold', 'express-route', path.join(tmp, 'ts'), '--flavour=typescript']);
    assert.equal(ts.code, 0, ts.stderr);
    assert.match(ts.stdout, /\(TypeScript\)/);
    assert.match(ts.stdout, /&& npm install && npm test/);
    const marker = JSON.parse(await fs.readFile(path.join(tmp, 'ts', '.backend-roadmap-exercise.json'), 'utf8')) as unknown;
    assert.deepEqual(marker, { version: 1, exercise: 'express-route', runner: 'node', flavour: 'typescript' });
    assert.ok(existsSync(path.join(tmp, 'ts', 'src', 'books.ts')));
    const js = await runCli(['scaffold', 'pagination', path.join(tmp, 'js')]);
    assert.equal(js.code, 0, js.stderr);
    assert.equal(
      (JSON.parse(await fs.readFile(path.join(tmp, 'js', '.backend-roadmap-exercise.json'), 'utf8')) as { flavour: string }).flavour,
      'javascript',
    );

    // queue-worker is an in-process library: no Python flavour.
    const none = await runCli(['scaffold', 'queue-worker', path.join(tmp, 'none'), '--lang=python']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /queue-worker has no python flavour \(it has: javascript[^)]*\)/);
    const unknown = await runCli(['scaffold', 'pagination', path.join(tmp, 'none'), '--flavour=cobol']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown flavour "cobol" \(known: javascript, typescript, python, go\)/);
    const two = await runCli(['scaffold', 'express-route', path.join(tmp, 'none'), '--flavour=javascript', '--ts']);
    assert.equal(two.code, 2);
    assert.match(two.stderr, /pick one flavour/);
    assert.equal(existsSync(path.join(tmp, 'none')), false);
  });

  it('exits 2 with a clear message on an unknown id, an existing target, or bad usage', async () => {
    const unknown = await runCli(['scaffold', 'no-such-exercise', path.join(tmp, 'x')]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown exercise "no-such-exercise"/);

    const existing = path.join(tmp, 'mine');
    await fs.mkdir(existing);
    await fs.writeFile(path.join(existing, 'notes.txt'), 'my work');
    const refused = await runCli(['scaffold', 'express-route', existing]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /already exists and is not empty/);
    assert.deepEqual(await fs.readdir(existing), ['notes.txt']);
    assert.equal(await fs.readFile(path.join(existing, 'notes.txt'), 'utf8'), 'my work');

    for (const args of [[], ['frobnicate'], ['list', '--yaml'], ['scaffold', 'express-route'], ['check']]) {
      const r = await runCli(args);
      assert.equal(r.code, 2, `${args.join(' ')} exits 2`);
      assert.match(r.stdout + r.stderr, /Usage:/);
    }
    const missing = await runCli(['check', path.join(tmp, 'nowhere')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /is not a folder/);
    const notExercise = await runCli(['check', tmp]);
    assert.equal(notExercise.code, 2);
    assert.match(notExercise.stderr, /no package\.json|no test/);
  });

  it('check exits 0 only when the tests pass', async () => {
    const dir = path.join(tmp, 'ex');
    await fs.mkdir(path.join(dir, 'test'), { recursive: true });
    await fs.writeFile(path.join(dir, 'package.json'), '{"name":"ex","private":true}');
    const write = (body: string) =>
      fs.writeFile(
        path.join(dir, 'test', 'a.test.js'),
        `const { test } = require('node:test');\nconst assert = require('node:assert/strict');\n${body}`,
      );
    await write("test('sums', () => assert.equal(2 + 2, 5, 'two and two make four'));\n");
    const failing = await runCli(['check', dir]);
    assert.equal(failing.code, 1);
    assert.match(failing.stderr, /✗ sums\n +two and two make four/);
    assert.match(failing.stderr, /FAIL: 0 passed, 1 failed/);
    await write("test('sums', () => assert.equal(2 + 2, 4));\n");
    const passing = await runCli(['check', dir]);
    assert.equal(passing.code, 0, passing.stderr);
    assert.match(passing.stderr, /PASS: 1 passed, 0 failed/);
  });
});
