import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import supertest from 'supertest';
import { createApp } from '../src/app';
import { createLogger, requestIdOf } from '../src/logging';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Line = Record<string, any>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** An app whose logger writes into `lines` (each parsed as JSON) instead of stdout. */
function appWithLogs(level = 'debug') {
  const lines: Line[] = [];
  const destination = new Writable({
    write(chunk: Buffer, encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) lines.push(JSON.parse(line));
      callback();
    },
  });
  return { app: createApp({ logger: createLogger({ level, destination }) }), lines };
}

// The access line is written when the response has finished, just after the client got it.
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));
const accessLines = (lines: Line[]) => lines.filter((l) => l.msg === 'request completed');

test('each request is logged once, as JSON with level, time, msg, requestId, method, route, status, durationMs', async () => {
  const { app, lines } = appWithLogs();
  await supertest(app).get('/api/books/1').expect(200);
  await settle();
  const access = accessLines(lines);
  assert.equal(access.length, 1, `one "request completed" line per request; the lines were ${JSON.stringify(lines)}`);
  const [line] = access;
  assert.equal(line.level, 'info', 'level is a word ("info"), not pino\'s number (TODO 1: formatters.level)');
  assert.match(String(line.time), /^\d{4}-\d\d-\d\dT/, 'time is an ISO 8601 string (TODO 1: timestamp)');
  assert.equal(line.method, 'GET');
  assert.equal(line.route, '/api/books/:id', 'route is the template, not the path');
  assert.equal(line.status, 200);
  assert.equal(typeof line.durationMs, 'number');
  assert.equal(typeof line.requestId, 'string');
});

test('the level follows the status: warn for 4xx, error for 5xx', async () => {
  const { app, lines } = appWithLogs();
  await supertest(app).get('/api/books/42').expect(404);
  await supertest(app).get('/api/boom').expect(500);
  await settle();
  assert.deepEqual(accessLines(lines).map((l) => [l.status, l.level]), [[404, 'warn'], [500, 'error']]);
});

test('a valid X-Request-Id is echoed and carried by every line of the request', async () => {
  const { app, lines } = appWithLogs();
  const res = await supertest(app).get('/api/books/2').set('X-Request-Id', 'abc-123').expect(200);
  await settle();
  assert.equal(res.headers['x-request-id'], 'abc-123');
  const mine = lines.filter((l) => l.requestId === 'abc-123').map((l) => l.msg);
  assert.deepEqual(mine, ['looking up book', 'request completed'], 'the route\'s debug line and the access line both carry the id (req.log is a child logger)');
});

test('requestIdOf keeps valid ids and replaces anything else with a new UUID', () => {
  assert.equal(requestIdOf('a.B_9-z'), 'a.B_9-z');
  assert.equal(requestIdOf('x'.repeat(64)), 'x'.repeat(64));
  for (const bad of [undefined, '', 'x'.repeat(65), 'has space', 'new\nline', '<script>']) assert.match(requestIdOf(bad), UUID, `for ${JSON.stringify(bad)}`);
  assert.notEqual(requestIdOf(undefined), requestIdOf(undefined), 'each new id is different');
});

test('headers are logged with authorization and cookie redacted; debug lines only from LOG_LEVEL=debug', async () => {
  const { app, lines } = appWithLogs('info');
  await supertest(app).get('/api/books/1').set('Authorization', 'Bearer SECRET').set('Cookie', 'sid=SECRET').expect(200);
  await settle();
  const [line] = accessLines(lines);
  assert.equal(line?.headers?.authorization, '[REDACTED]');
  assert.equal(line?.headers?.cookie, '[REDACTED]');
  assert.ok(!JSON.stringify(lines).includes('SECRET'), 'no secret in any line');
  assert.ok(!lines.some((l) => l.level === 'debug'), 'at level info, debug lines are not written');
});
