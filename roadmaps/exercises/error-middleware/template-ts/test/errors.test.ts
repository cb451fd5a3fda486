import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STATUS_CODES } from 'node:http';
import { inspect } from 'node:util';
import request from 'supertest';
import { createApp } from '../src/app';
import { HttpError } from '../src/httpError';

// A logger that remembers its calls instead of printing them.
function fakeLogger() {
  const calls = { error: [] as unknown[][] };
  return { calls, error: (...args: unknown[]) => void calls.error.push(args) };
}

function setup() {
  const logger = fakeLogger();
  return { app: createApp({ logger }), logger };
}

// Checks the RFC 9457 shape and returns the parsed body.
function assertProblem(res: request.Response, status: number): Record<string, unknown> {
  assert.equal(
    res.status,
    status,
    `expected status ${status}; got ${res.status} (${res.headers['content-type']}). Does the error carry this status, and does errorHandler send it?`,
  );
  assert.match(
    res.headers['content-type'] ?? '(none)',
    /^application\/problem\+json/,
    `errors should be answered by errorHandler in src/errorHandlers.ts with Content-Type application/problem+json; got ${res.headers['content-type']}: ${res.text.slice(0, 120)}`,
  );
  const body = JSON.parse(res.text) as Record<string, unknown>;
  assert.equal(typeof body.type, 'string', 'a problem has a "type" (use "about:blank" when there is no specific one)');
  assert.equal(body.title, STATUS_CODES[status], `"title" should be the standard text for ${status}: "${STATUS_CODES[status]}"`);
  assert.equal(body.status, status, '"status" in the body should repeat the HTTP status');
  assert.equal(typeof body.detail, 'string', 'a problem has a "detail" string for humans');
  return body;
}

// Internal details that must never appear in a response.
function assertNothingLeaks(res: request.Response, ...secrets: string[]) {
  for (const secret of secrets) {
    assert.ok(!res.text.includes(secret), `the response must not reveal "${secret}": ${res.text.slice(0, 200)}`);
  }
  assert.doesNotMatch(res.text, /\n\s+at |\bat .*\.[jt]s:\d+/, `the response must not contain a stack trace: ${res.text.slice(0, 200)}`);
}

test('HttpError is an Error carrying status, code and name', () => {
  const err = new HttpError(404, 'Book 7 not found', { code: 'book_not_found' });
  assert.ok(err instanceof Error, 'HttpError should extend Error (so it has a stack trace)');
  assert.equal(err.message, 'Book 7 not found');
  assert.equal(err.status, 404, 'err.status should be the status passed to the constructor');
  assert.equal(err.code, 'book_not_found', 'err.code should be the code passed in the options');
  assert.equal(err.name, 'HttpError', "err.name should be 'HttpError'");
});

test('GET /books/1 works normally (already done)', async () => {
  const res = await request(setup().app).get('/books/1');
  assert.equal(res.status, 200);
});

test('an HttpError thrown in an async route becomes a 404 problem with its detail and code', async () => {
  const { app, logger } = setup();
  const body = assertProblem(await request(app).get('/books/7'), 404);
  assert.equal(body.detail, 'Book 7 not found', 'for a 4xx HttpError, "detail" is its message');
  assert.equal(body.code, 'book_not_found', 'include the HttpError code in the problem as "code"');
  assert.equal(logger.calls.error.length, 0, "a 4xx is the client's mistake: do not logger.error() it");
});

test('a validation HttpError becomes a 400 problem naming the field', async () => {
  const body = assertProblem(await request(setup().app).post('/books').send({}), 400);
  assert.match(String(body.detail), /title/);
  assert.equal(body.code, 'validation_failed');
});

test('an unknown route is a 404 problem, not the HTML "Cannot GET" page', async () => {
  const { app, logger } = setup();
  const body = assertProblem(await request(app).get('/no/such/route'), 404);
  assert.match(String(body.detail), /GET \/no\/such\/route/, 'the detail should say which method and path had no route');
  assert.equal(logger.calls.error.length, 0);
});

test('invalid JSON in the body is a 400 problem', async () => {
  const res = await request(setup().app).post('/books').set('Content-Type', 'application/json').send('{"title": ');
  const body = assertProblem(res, 400);
  assert.match(String(body.detail), /JSON/, 'say that the body is not valid JSON');
});

test('other client errors from express.json() keep their status: a too large body is 413', async () => {
  const res = await request(setup().app)
    .post('/books')
    .send({ title: 'x'.repeat(2000) });
  assertProblem(res, 413);
});

test('a thrown Error is a 500 problem that hides the message and stack, and is logged', async () => {
  const { app, logger } = setup();
  const res = await request(app).get('/crash');
  assertProblem(res, 500);
  assertNothingLeaks(res, 'hunter2');
  assert.equal(logger.calls.error.length, 1, 'a 500 should be reported once with logger.error(...)');
  assert.match(inspect(logger.calls.error, { depth: 4 }), /hunter2/, 'log the original error, so someone can fix the bug');
});

test('a rejected promise in an async route is a 500 problem too, and is logged', async () => {
  const { app, logger } = setup();
  const res = await request(app).get('/async-crash');
  assertProblem(res, 500);
  assertNothingLeaks(res, 'ECONNREFUSED', '10.0.0.3', 'hunter2');
  assert.equal(logger.calls.error.length, 1, 'the async error should reach errorHandler and be logged once');
});

test('a 5xx HttpError keeps its status but hides its message, and is logged', async () => {
  const { app, logger } = setup();
  const res = await request(app).get('/maintenance');
  assertProblem(res, 503);
  assertNothingLeaks(res, '10.0.0.5');
  assert.equal(logger.calls.error.length, 1, 'server-side failures should be logged');
});
