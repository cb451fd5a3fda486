import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { curlCommand, shellQuote } from '../../src/domain/exercises/spec/curl';
import { match, resolve } from '../../src/domain/exercises/spec/match';
import { startProgram } from '../../src/domain/exercises/spec/program';
import { runSpec } from '../../src/domain/exercises/spec/run';
import { specSchema } from '../../src/domain/exercises/spec/schema';
import type { Spec } from '../../src/domain/exercises/spec/schema';
import { runCheck, specSuite } from '../../src/domain/exercises/runner';
import { nodeRunner } from '../../src/domain/exercises/runners/node';
import type { ExerciseRunner } from '../../src/domain/exercises/runner';
import { goBinary } from '../../src/domain/exercises/runners/go';
import { pythonRunner } from '../../src/domain/exercises/runners/python';

// A real program, as a learner's would be: a tiny notes API on node:http, listening on PORT. BUG
// switches in the mistakes a spec must catch.
const server = `
const http = require('node:http');
const bug = process.env.BUG ?? '';
const notes = [];
let next = 1;
http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const send = (status, value, headers = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(value === undefined ? '' : JSON.stringify(value));
    };
    if (req.method === 'GET' && req.url === '/notes') return send(200, notes);
    if (req.method === 'POST' && req.url === '/notes') {
      let input;
      try { input = JSON.parse(body); } catch { return send(400, { error: 'body must be JSON' }); }
      if (typeof input.text !== 'string' || input.text === '') return send(400, { error: 'text is required' });
      const note = bug === 'extra' ? { ...input, id: next++ } : { id: next++, text: input.text };
      if (bug !== 'forget') notes.push(note);
      return send(201, note, { location: '/notes/' + note.id });
    }
    send(404, { error: 'not found' });
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

const spec: Spec = {
  version: 1,
  exercise: 'notes',
  scenarios: [
    {
      name: 'a new program lists no notes',
      steps: [
        {
          request: { method: 'GET', path: '/notes' },
          expect: { status: 200, headers: { 'Content-Type': { $matches: 'application/json' } }, json: [] },
        },
      ],
    },
    {
      name: 'a created note is stored exactly as sent, at its Location',
      hints: ['Store only the fields the API defines.'],
      steps: [
        {
          request: { method: 'POST', path: '/notes', json: { text: "it's here", admin: true } },
          expect: {
            status: 201,
            headers: { location: '/notes/{{created.json.id}}' },
            json: { id: { $type: 'integer' }, text: "it's here" },
          },
          save: 'created',
        },
        { request: { method: 'GET', path: '/notes' }, expect: { status: 200, json: ['{{created.json}}'] } },
      ],
    },
    {
      name: 'an empty text is refused with 400',
      steps: [
        { request: { method: 'POST', path: '/notes', json: { text: '' } }, expect: { status: 400, json: { error: { $matches: 'TEXT' } } } },
      ],
    },
  ],
};

describe('behavioural specs', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'spec-'));
    await fs.writeFile(path.join(dir, 'server.js'), server);
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const run = (bug = '') =>
    runSpec(spec, { start: () => startProgram({ command: process.execPath, args: ['server.js'] }, dir, { env: { BUG: bug } }) });

  it('accepts the format it documents, and refuses a path without a leading slash', () => {
    assert.equal(specSchema.safeParse(spec).success, true);
    const bad = { ...spec, scenarios: [{ name: 'x', steps: [{ request: { method: 'GET', path: 'notes' }, expect: {} }] }] };
    assert.equal(specSchema.safeParse(bad).success, false);
  });

  it('passes a correct program, each scenario against a fresh start', async () => {
    const results = await run();
    assert.deepEqual(
      results.map((r) => [r.name, r.status, r.error]),
      spec.scenarios.map((s) => [s.name, 'passed', undefined]),
    );
  });

  it('fails a program that stores extra fields, with the curl command, the field and the hint', async () => {
    const results = await run('extra');
    const failed = results.find((r) => r.status === 'failed');
    assert.equal(failed?.name, 'a created note is stored exactly as sent, at its Location');
    assert.match(
      failed?.error ?? '',
      /\$ curl -i -X POST http:\/\/127\.0\.0\.1:\d+\/notes -H 'content-type: application\/json' --data-raw '\{"text":"it'\\''s here","admin":true\}'/,
    );
    assert.match(failed?.error ?? '', /json\.admin\n {4}- expected: no such key\n {4}\+ actual: {3}true/);
    assert.deepEqual(failed?.hints, [{ id: '0', text: 'Store only the fields the API defines.' }]);
    assert.equal(results.filter((r) => r.status === 'passed').length, 2);
  });

  it("gives hints ids that stay the same whichever step fails, a step's own hint first", async () => {
    const hinted: Spec = {
      version: 1,
      exercise: 'notes',
      scenarios: [
        {
          name: 'notes',
          hints: ['Keep the notes.'],
          steps: [
            { request: { method: 'GET', path: '/notes' }, expect: { status: 200 }, hint: 'List them.' },
            { request: { method: 'GET', path: '/nope' }, expect: { status: 200 }, hint: 'Answer every path.' },
          ],
        },
      ],
    };
    const [result] = await runSpec(hinted, {
      start: (env) => startProgram({ command: process.execPath, args: ['server.js'] }, dir, { env }),
    });
    assert.deepEqual(result?.hints, [
      { id: 'step2', text: 'Answer every path.' },
      { id: '0', text: 'Keep the notes.' },
    ]);
  });

  it('fails a program that forgets what it stored, at the second step', async () => {
    const failed = (await run('forget')).find((r) => r.status === 'failed');
    assert.match(failed?.error ?? '', /^Step 2 of 2:/);
    assert.match(failed?.error ?? '', /json\.length\n {4}- expected: 1\n {4}\+ actual: {3}0/);
  });

  it('says when the program exits before it listens, with what it printed', async () => {
    await fs.writeFile(path.join(dir, 'crash.js'), "console.error('cannot find module express'); process.exit(3);");
    const results = await runSpec(spec, { start: () => startProgram({ command: process.execPath, args: ['crash.js'] }, dir) });
    assert.equal(results.length, 3);
    assert.ok(results.every((r) => r.status === 'failed'));
    assert.match(results[0]?.error ?? '', /exited with code 3 before it listened on port \d+\.\ncannot find module express/);
  });

  it('says when the program never listens, within the time allowed', async () => {
    await fs.writeFile(path.join(dir, 'idle.js'), 'setInterval(() => {}, 1000);');
    const started = Date.now();
    await assert.rejects(
      startProgram({ command: process.execPath, args: ['idle.js'] }, dir, { readyTimeoutMs: 500 }),
      /did not listen on port \d+ \(from the PORT environment variable\) within 1 s/,
    );
    assert.ok(Date.now() - started < 5000, 'the idle program was stopped');
  });

  it('matches with types, regexes, absence, negation and saved values', () => {
    const saved = { a: { json: { id: 7 } } };
    assert.deepEqual(match({ id: { $type: 'integer' }, year: { $absent: true } }, { id: 3 }, saved, 'json'), []);
    assert.deepEqual(match({ $not: '{{a.json.id}}' }, 8, saved, 'json.id'), []);
    assert.equal(match({ $not: '{{a.json.id}}' }, 7, saved, 'json.id').length, 1);
    assert.deepEqual(match('{{a.json.id}}', 7, saved, 'x'), []);
    assert.equal(resolve('/books/{{a.json.id}}', saved), '/books/7');
    assert.equal(match({ $type: 'integer' }, 1.5, saved, 'x')[0]?.expected, 'a value of type integer');
    assert.throws(() => resolve('{{nope.id}}', saved), /no earlier step saved/);
    // A saved response without the field: a mismatch to show, not a broken spec.
    assert.equal(match('/books/{{a.json.nope}}', '/books/7', saved, 'headers.location')[0]?.expected, '"/books/undefined"');
  });

  it('writes curl commands that survive any text', () => {
    assert.equal(shellQuote('/books'), '/books');
    assert.equal(shellQuote("a'b c"), "'a'\\''b c'");
    assert.equal(curlCommand({ method: 'GET', url: 'http://127.0.0.1:1/x', headers: {} }), 'curl -i http://127.0.0.1:1/x');
  });
});

describe('runners judged by the spec', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'spec-runner-'));
    await fs.writeFile(path.join(dir, 'server.js'), server);
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  // A runner whose program is the notes server above: what the Python and Go runners are, minus the install.
  const notesRunner = (bug = ''): ExerciseRunner => ({
    id: 'notes',
    manualCommand: 'node server.js',
    missingToolHint: '',
    projectFiles: ['server.js'],
    detect: () => Promise.resolve({ ok: true }),
    install: () => Promise.resolve(undefined),
    test: () =>
      Promise.resolve({
        kind: 'spec' as const,
        message: 'Checking over HTTP',
        start: { command: process.execPath, args: ['-e', `process.env.BUG = ${JSON.stringify(bug)}; require('./server.js')`] },
        requires: [],
      }),
    parseResults: () => [],
  });

  it('passes with every scenario, fails naming the scenario, and needs a spec', async () => {
    const passed = await runCheck(notesRunner(), dir, { spec });
    assert.equal(passed.outcome, 'passed');
    assert.equal(passed.summary, '3 passed, 0 failed');
    const failed = await runCheck(notesRunner('extra'), dir, { spec });
    assert.equal(failed.outcome, 'failed');
    assert.equal(failed.summary, '2 passed, 1 failed');
    assert.equal(failed.results.find((r) => r.status === 'failed')?.name, 'a created note is stored exactly as sent, at its Location');
    await assert.rejects(runCheck(notesRunner(), dir), /checked by the exercise's behavioural spec, and none was found/);
  });

  it('judges a Node flavour by its own tests and then by the spec, so a mistake its tests miss still fails', async () => {
    const node = await fs.mkdtemp(path.join(os.tmpdir(), 'spec-node-'));
    try {
      await fs.writeFile(path.join(node, 'server.js'), server);
      await fs.mkdir(path.join(node, 'test'));
      // The learner's own tests pass whatever the program does.
      await fs.writeFile(path.join(node, 'test', 'a.test.js'), "require('node:test')('always', () => {});");
      await fs.writeFile(path.join(node, 'package.json'), JSON.stringify({ scripts: { test: 'node --test', start: 'node server.js' } }));
      const good = await runCheck(nodeRunner, node, { spec });
      assert.equal(good.outcome, 'passed', good.summary);
      assert.equal(good.summary, '4 passed, 0 failed');
      assert.deepEqual(
        good.results.filter((r) => r.suite[0] === specSuite).map((r) => r.name),
        spec.scenarios.map((s) => s.name),
      );
      const bad = await runCheck(nodeRunner, node, { spec, env: { BUG: 'extra' } });
      assert.equal(bad.outcome, 'failed');
      assert.equal(bad.summary, '3 passed, 1 failed');
      assert.deepEqual(bad.results.find((r) => r.status === 'failed')?.suite, [specSuite]);
      // Without a start script the spec cannot start the program: that fails, rather than skipping the spec.
      await fs.writeFile(path.join(node, 'package.json'), JSON.stringify({ scripts: { test: 'node --test' } }));
      const unstartable = await runCheck(nodeRunner, node, { spec });
      assert.equal(unstartable.outcome, 'failed');
      assert.equal(unstartable.summary, '1 passed, 1 failed');
      assert.match(unstartable.results.find((r) => r.status === 'failed')?.error ?? '', /package\.json has no "start" script/);
    } finally {
      await fs.rm(node, { recursive: true, force: true });
    }
  });

  it('stops a scenario at once when cancelled mid-wait, without calling it failed', async () => {
    const waiting: Spec = {
      version: 1,
      exercise: 'notes',
      scenarios: [
        {
          name: 'waits',
          steps: [{ wait: { ms: 5000 } }, { wait: { ms: 5000 } }, { request: { method: 'GET', path: '/notes' }, expect: { status: 200 } }],
        },
      ],
    };
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    const results = await runSpec(waiting, {
      start: (env) => startProgram({ command: process.execPath, args: ['server.js'] }, dir, { env }),
      signal: controller.signal,
    });
    assert.ok(Date.now() - started < 3000, `stopped after ${Date.now() - started} ms`);
    assert.deepEqual(
      results.map((r) => r.status),
      ['skipped'],
    );
  });

  it('stops when cancelled, and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await runCheck(notesRunner(), dir, { spec, signal: controller.signal });
    assert.equal(result.outcome, 'cancelled');
  });

  it('installs Python requirements only when they changed, and builds Go outside the folder', async () => {
    const py = await fs.mkdtemp(path.join(os.tmpdir(), 'spec-py-'));
    try {
      await fs.writeFile(path.join(py, 'requirements.txt'), 'fastapi==1\n');
      await fs.writeFile(path.join(py, 'main.py'), '');
      assert.deepEqual(await pythonRunner.detect(py), { ok: true });
      assert.match((await pythonRunner.install(py))?.name ?? '', /pip install/);
      await fs.mkdir(path.join(py, '.venv', 'bin'), { recursive: true });
      await fs.writeFile(path.join(py, '.venv', 'bin', 'python'), '');
      await fs.writeFile(path.join(py, '.venv', 'requirements.installed'), 'fastapi==1\n');
      assert.equal(await pythonRunner.install(py), undefined, 'the same requirements are not installed again');
      await fs.writeFile(path.join(py, 'requirements.txt'), 'fastapi==2\n');
      assert.ok(await pythonRunner.install(py), 'changed requirements are installed');
    } finally {
      await fs.rm(py, { recursive: true, force: true });
    }
    assert.ok(!goBinary(dir).startsWith(dir), 'the Go binary is not written into the exercise folder');
    assert.equal(goBinary(dir), goBinary(`${dir}/`), 'one binary per folder');
  });
});
