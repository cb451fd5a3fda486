import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkExercise } from '../../src/domain/exercises/check';
import { CheckError } from '../../src/domain/exercises/runner';
import { findTestFiles, missingDependencies, parseTap } from '../../src/domain/exercises/runners/node';

/** A throwaway exercise folder with no dependencies, so checks run without npm. */
async function folder(tests: Record<string, string>, pkg: object = { name: 'x', private: true }): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'check-test-'));
  await fs.writeFile(path.join(dir, 'package.json'), JSON.stringify(pkg));
  await fs.mkdir(path.join(dir, 'test'));
  for (const [name, body] of Object.entries(tests)) await fs.writeFile(path.join(dir, 'test', name), body);
  return dir;
}

const header = "const { test, describe } = require('node:test');\nconst assert = require('node:assert/strict');\n";

describe('exercise check', () => {
  const dirs: string[] = [];
  const make = async (tests: Record<string, string>, pkg?: object) => {
    const dir = await folder(tests, pkg);
    dirs.push(dir);
    return dir;
  };
  after(async () => {
    for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
  });

  it('passes when every test passes, and streams the runner output', async () => {
    const dir = await make({
      'a.test.js': `${header}test('adds', () => assert.equal(1 + 1, 2));\ntest('concats', () => assert.equal('a' + 'b', 'ab'));\n`,
    });
    let output = '';
    const result = await checkExercise(dir, { onOutput: (t) => (output += t) });
    assert.equal(result.outcome, 'passed');
    assert.equal(result.summary, '2 passed, 0 failed');
    assert.deepEqual(
      result.results.map((r) => [r.name, r.status]),
      [
        ['adds', 'passed'],
        ['concats', 'passed'],
      ],
    );
    assert.match(output, /adds/);
    assert.equal(result.installMs, undefined, 'nothing to install');
  });

  it('fails with per-test results, suites and the assertion message', async () => {
    const dir = await make({
      'a.test.js': `${header}describe('books', () => {\n  test('lists', () => {});\n  test('creates', () => assert.equal(404, 201, 'POST /books should answer 201'));\n});\n`,
      'b.test.js': "require('./missing-module');\n",
    });
    const result = await checkExercise(dir);
    assert.equal(result.outcome, 'failed');
    const creates = result.results.find((r) => r.name === 'creates');
    assert.deepEqual(creates?.suite, ['books']);
    assert.equal(creates?.status, 'failed');
    assert.match(creates?.error ?? '', /POST \/books should answer 201/);
    // A file that does not even load is reported by its name, not hidden.
    assert.ok(
      result.results.some((r) => r.name === 'b.test.js' && r.status === 'failed'),
      JSON.stringify(result.results),
    );
  });

  it('does not pass a run with no tests in it', async () => {
    const dir = await make({ 'a.test.js': '// nothing yet\n' });
    const result = await checkExercise(dir);
    assert.equal(result.outcome, 'failed');
  });

  it('does not pass a TypeScript test file with no tests either', async function () {
    this.timeout(20_000);
    // Under the repo, so `--import tsx` resolves to the real package.
    const dir = await fs.mkdtemp(path.join(__dirname, '..', '..', '.test-tmp-check-'));
    dirs.push(dir);
    await fs.writeFile(path.join(dir, 'package.json'), '{"name":"x","private":true}');
    await fs.mkdir(path.join(dir, 'test'));
    await fs.writeFile(path.join(dir, 'test', 'a.test.ts'), '// nothing yet\n');
    assert.equal((await checkExercise(dir)).outcome, 'failed');
    await fs.writeFile(
      path.join(dir, 'test', 'a.test.ts'),
      "import { test } from 'node:test';\ntest('typed', () => { const n: number = 1; if (n !== 1) throw new Error('no'); });\n",
    );
    const typed = await checkExercise(dir);
    assert.equal(typed.outcome, 'passed', typed.summary);
    assert.deepEqual(
      typed.results.map((r) => r.name),
      ['typed'],
    );
  });

  it('honours cancellation, stopping the test process and what it started', async function () {
    this.timeout(20_000);
    const dir = await make({ 'a.test.js': `${header}test('hangs', () => new Promise((r) => setTimeout(r, 60_000)));\n` });
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 1_000);
    const result = await checkExercise(dir, { signal: controller.signal });
    assert.equal(result.outcome, 'cancelled');
    assert.ok(Date.now() - started < 10_000, 'stopped promptly');
  });

  it('stops at the timeout and says so', async function () {
    this.timeout(20_000);
    const dir = await make({ 'a.test.js': `${header}test('hangs', () => new Promise((r) => setTimeout(r, 60_000)));\n` });
    const result = await checkExercise(dir, { timeoutMs: 1_500 });
    assert.equal(result.outcome, 'timedOut');
    assert.match(result.summary, /timed out after 2 s/);
  });

  it('refuses folders that are not exercises, and names a missing Node.js', async () => {
    const empty = await fs.mkdtemp(path.join(os.tmpdir(), 'check-test-'));
    dirs.push(empty);
    await assert.rejects(checkExercise(empty), (e: unknown) => e instanceof CheckError && /no test\/\*\.test\.js/.test(e.message));
    const dir = await make({ 'a.test.js': `${header}test('x', () => {});\n` });
    await assert.rejects(
      checkExercise(dir, { env: { PATH: path.join(dir, 'no-tools-here') } }),
      (e: unknown) => e instanceof CheckError && /"node" was not found on PATH/.test(e.message),
    );
  });

  it('knows which dependencies still need installing', async () => {
    const dir = await make(
      { 'a.test.js': '' },
      { name: 'x', dependencies: { express: '^5.1.0' }, devDependencies: { supertest: '^7.0.0' } },
    );
    assert.deepEqual(await missingDependencies(dir), ['express', 'supertest']);
    await fs.mkdir(path.join(dir, 'node_modules', 'express'), { recursive: true });
    await fs.writeFile(path.join(dir, 'node_modules', 'express', 'package.json'), '{}');
    assert.deepEqual(await missingDependencies(dir), ['supertest']);
    assert.deepEqual(await findTestFiles(dir), ['test/a.test.js']);
  });
});

describe('TAP results', () => {
  it('folds suites into test names, unescapes #, and keeps skips and todos apart', () => {
    const tap = [
      'TAP version 13',
      '# Subtest: outer \\# one',
      '    # Subtest: inner',
      '        # Subtest: deep',
      '        ok 1 - deep',
      '          ---',
      '          duration_ms: 1.5',
      '          ...',
      '        1..1',
      '    ok 1 - inner',
      '    not ok 2 - fails',
      '      ---',
      '      duration_ms: 2',
      "      error: 'Expected 1 to equal 2'",
      '      code: ERR_ASSERTION',
      '      ...',
      'not ok 1 - outer \\# one',
      'ok 2 - later # SKIP not today',
      'ok 3 - someday # TODO',
      '1..3',
    ].join('\n');
    assert.deepEqual(parseTap(tap), [
      { name: 'deep', suite: ['outer # one', 'inner'], status: 'passed', durationMs: 1.5 },
      { name: 'fails', suite: ['outer # one'], status: 'failed', durationMs: 2, error: 'Expected 1 to equal 2' },
      { name: 'later', suite: [], status: 'skipped' },
      { name: 'someday', suite: [], status: 'todo' },
    ]);
  });
});
