// `parallel` steps: requests sent all at once, each response checked, so a program that reads, waits
// and writes back without a lock loses updates in front of the spec, every time.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startProgram } from '../../src/domain/exercises/spec/program';
import { runSpec } from '../../src/domain/exercises/spec/run';
import { specSchema } from '../../src/domain/exercises/spec/schema';
import type { Spec } from '../../src/domain/exercises/spec/schema';

// A counter over HTTP. The increment awaits between its read and its write, as a database round trip
// would; BUG=lost-update drops the lock that orders them, BUG=busy refuses every fifth request.
const server = `
const http = require('node:http');
const bug = process.env.BUG ?? '';
let count = 0;
let inFlight = 0;
let seen = 0;
let queue = Promise.resolve();
const increment = async () => {
  const read = count;
  await new Promise((resolve) => setTimeout(resolve, 5));
  count = read + 1;
};
http.createServer((req, res) => {
  const send = (status, value) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  if (req.method === 'GET') return send(200, { count });
  seen++;
  if (bug === 'busy' && seen % 5 === 0) return send(503, { error: 'busy' });
  const done = bug === 'lost-update' ? increment() : (queue = queue.then(increment));
  done.then(() => send(200, { ok: true }));
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

const spec: Spec = specSchema.parse({
  version: 1,
  exercise: 'counter',
  scenarios: [
    {
      name: 'twenty increments at once count twenty',
      steps: [
        {
          parallel: [{ request: { method: 'POST', path: '/increment' }, expect: { status: 200, json: { ok: true } } }],
          times: 20,
          why: 'Twenty increments, all in flight together.',
        },
        { request: { method: 'GET', path: '/count' }, expect: { status: 200, json: { count: 20 } } },
      ],
    },
  ],
});

describe('parallel spec steps', () => {
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'spec-parallel-'));
    await fs.writeFile(path.join(dir, 'server.js'), server);
  });
  after(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const run = (bug = '') =>
    runSpec(spec, { start: (env) => startProgram({ command: process.execPath, args: ['server.js'] }, dir, { env: { ...env, BUG: bug } }) });

  it('passes a program that serializes its read and write', async () => {
    const [result] = await run();
    assert.equal(result?.status, 'passed', result?.error);
  });

  it('catches a lost update: the requests really overlap', async () => {
    const [result] = await run('lost-update');
    assert.equal(result?.status, 'failed');
    assert.match(result?.error ?? '', /^Step 2 of 2:/);
    assert.match(result?.error ?? '', /json\.count\n {4}- expected: 20\n {4}\+ actual: {3}(1|[2-9]|1\d)\n/);
  });

  it('checks every response, and shows how many failed and the first as a curl command', async () => {
    const [result] = await run('busy');
    assert.equal(result?.status, 'failed');
    assert.match(
      result?.error ?? '',
      /^Step 1 of 2:\n4 of 20 requests sent at the same time did not get the expected answer\.\n {2}Twenty increments/,
    );
    assert.match(result?.error ?? '', /\$ curl -i -X POST http:\/\/127\.0\.0\.1:\d+\/increment/);
    assert.match(result?.error ?? '', /status\n {4}- expected: 200\n {4}\+ actual: {3}503/);
  });

  it('refuses a saved response, an empty list and more than 200 copies', () => {
    const step = (extra: object) => ({
      version: 1,
      exercise: 'x',
      scenarios: [{ name: 'x', steps: [{ parallel: [{ request: { method: 'GET', path: '/' }, expect: {} }], ...extra }] }],
    });
    assert.equal(specSchema.safeParse(step({})).success, true);
    assert.equal(specSchema.safeParse(step({ times: 201 })).success, false);
    assert.equal(specSchema.safeParse(step({ parallel: [] })).success, false);
    assert.equal(
      specSchema.safeParse(step({ parallel: [{ request: { method: 'GET', path: '/' }, expect: {}, save: 'a' }] })).success,
      false,
    );
  });
});
