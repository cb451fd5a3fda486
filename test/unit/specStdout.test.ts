// Stdout steps: a spec reads the structured log lines a program printed since it started for the
// scenario, against a real program (node:http) that logs one JSON line per request.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startProgram } from '../../src/domain/exercises/spec/program';
import { runSpec } from '../../src/domain/exercises/spec/run';
import { specSchema } from '../../src/domain/exercises/spec/schema';
import type { Spec } from '../../src/domain/exercises/spec/schema';
import { jsonLines, lineMismatches } from '../../src/domain/exercises/spec/stdout';

// BUG=twice logs every request twice; BUG=secret logs the Authorization header; BUG=late logs 300 ms after answering.
const server = `
const http = require('node:http');
const bug = process.env.BUG ?? '';
console.log('starting up (not JSON)');
http.createServer((req, res) => {
  res.setHeader('x-request-id', 'r-1');
  res.end('ok');
  const line = { level: 'info', method: req.method, path: req.url, status: 200, requestId: 'r-1' };
  if (bug === 'secret') line.authorization = req.headers.authorization;
  const log = () => process.stdout.write(JSON.stringify(line) + '\\n');
  if (bug === 'late') setTimeout(log, 300); else log();
  if (bug === 'twice') log();
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

const spec: Spec = specSchema.parse({
  version: 1,
  exercise: 'stdout-demo',
  scenarios: [
    {
      name: 'one JSON line per request, with the request id it answered with, and no secrets',
      steps: [
        { request: { method: 'GET', path: '/a', headers: { authorization: 'Bearer s3cret' } }, expect: { status: 200 }, save: 'a' },
        {
          stdout: {
            line: { method: 'GET', path: '/a', requestId: '{{a.headers.x-request-id}}', authorization: { $absent: true } },
            count: 1,
          },
        },
        { stdout: { line: { path: '/b' }, count: 0, ms: 100 } },
        { stdout: { text: { $not: { $matches: 's3cret' } } } },
      ],
    },
  ],
});

describe('stdout spec steps', function () {
  this.timeout(30_000);
  let dir: string;
  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'stdout-spec-'));
    await fs.writeFile(path.join(dir, 'server.js'), server);
  });
  after(() => fs.rm(dir, { recursive: true, force: true }));
  const run = (bug = '') =>
    runSpec(spec, { start: () => startProgram({ command: process.execPath, args: ['server.js'] }, dir, { env: { BUG: bug } }) });

  it('reads only complete lines that are JSON', () => {
    assert.deepEqual(jsonLines('banner\n{"a":1}\n{not json}\n[2]\n{"b":'), [{ a: 1 }, [2]]);
  });

  it('matches the fields a line names and allows the others; $absent says a field must not be there', () => {
    assert.deepEqual(lineMismatches({ a: 1 }, { a: 1, b: 2 }, {}), []);
    assert.equal(lineMismatches({ a: 1, b: { $absent: true } }, { a: 1, b: 2 }, {}).length, 1);
    assert.equal(lineMismatches({ a: 1 }, { b: 2 }, {}).length, 1);
  });

  it('passes a program that logs as the spec says, waiting for a line printed after the response', async () => {
    for (const bug of ['', 'late']) {
      const [result] = await run(bug);
      assert.equal(result?.status, 'passed', `${bug || 'correct'}: ${result?.error ?? ''}`);
    }
  });

  it('fails a program that logs a request twice, or logs a secret, and shows what it printed', async () => {
    const [twice] = await run('twice');
    assert.equal(twice?.status, 'failed');
    assert.match(twice?.error ?? '', /exactly 1 JSON line on stdout with .*found 2/);
    assert.match(twice?.error ?? '', /"path":"\/a"/);
    const [secret] = await run('secret');
    assert.equal(secret?.status, 'failed');
    assert.match(secret?.error ?? '', /line\.authorization/);
  });

  it('refuses a step with both a line and a text, or a negative count', () => {
    const bad = (stdout: unknown) =>
      specSchema.safeParse({ version: 1, exercise: 'x', scenarios: [{ name: 'x', steps: [{ stdout }] }] }).success;
    assert.equal(bad({ line: {}, text: 'x' }), false);
    assert.equal(bad({ line: {}, count: -1 }), false);
    assert.equal(bad({ line: { a: 1 }, count: 2, ms: 100 }), true);
  });
});
