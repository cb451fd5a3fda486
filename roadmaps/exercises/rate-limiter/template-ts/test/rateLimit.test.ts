import { test } from 'node:test';
import assert from 'node:assert/strict';
import express, { type Express, type Request } from 'express';
import supertest from 'supertest';
import { createApp } from '../src/app';
import { rateLimit, type RateLimitOptions } from '../src/rateLimit';

// Each request gives up after 2 s, so a handler that never answers fails its test instead of hanging the run.
const request = (app: Express) => ({
  get: (path: string) => supertest(app).get(path).timeout(2000),
  post: (path: string) => supertest(app).post(path).timeout(2000),
});

// A fake clock: tests move time forward by assigning to `t` instead of sleeping.
interface FakeClock {
  t: number;
  now: () => number;
}
function fakeClock(start = 1_000_000): FakeClock {
  const clock: FakeClock = { t: start, now: () => clock.t };
  return clock;
}

const said = (res: supertest.Response) => `got ${res.status} ${JSON.stringify(res.body)}`;
const hello = (app: Express, headers: Record<string, string> = {}) => request(app).get('/api/hello').set(headers);

async function useUp(app: Express, limit: number, headers?: Record<string, string>): Promise<void> {
  for (let i = 1; i <= limit; i += 1) {
    const res = await hello(app, headers);
    assert.equal(res.status, 200, `request ${i} of ${limit} should pass; ${said(res)}`);
  }
}

test('after `limit` requests the next one gets 429 with a JSON error', async () => {
  const clock = fakeClock();
  const app = createApp({ limiter: { windowMs: 60_000, limit: 3, now: clock.now } });
  await useUp(app, 3);
  const res = await hello(app);
  assert.equal(res.status, 429, `request 4 of a limit of 3 should get 429 Too Many Requests; ${said(res)}`);
  assert.equal(typeof res.body.error, 'string', `the 429 body should be { error: "..." }; ${said(res)}`);
});

test('a rejected request never reaches the route handler', async () => {
  let calls = 0;
  const app = express();
  app.use(rateLimit({ windowMs: 1000, limit: 1, now: fakeClock().now }));
  app.get('/', (req, res) => {
    calls += 1;
    res.end();
  });
  await request(app).get('/');
  const res = await request(app).get('/');
  assert.equal(res.status, 429, `the second request over a limit of 1 should get 429; ${said(res)}`);
  assert.equal(calls, 1, 'the handler ran for a request that got 429: do not call next() there');
});

test('every response carries RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset', async () => {
  const clock = fakeClock();
  const app = createApp({ limiter: { windowMs: 60_000, limit: 3, now: clock.now } });
  const seen: unknown[][] = [];
  for (let i = 0; i < 4; i += 1) {
    const res = await hello(app);
    seen.push([res.status, res.headers['ratelimit-limit'], res.headers['ratelimit-remaining'], res.headers['ratelimit-reset']]);
  }
  assert.deepEqual(
    seen,
    [
      [200, '3', '2', '60'],
      [200, '3', '1', '60'],
      [200, '3', '0', '60'],
      [429, '3', '0', '60'],
    ],
    'rows are [status, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset]; Remaining never goes below 0',
  );
});

test('Retry-After and RateLimit-Reset count the seconds left in the window, rounded up', async () => {
  const clock = fakeClock();
  const app = createApp({ limiter: { windowMs: 60_000, limit: 1, now: clock.now } });
  await useUp(app, 1);

  clock.t += 25_000;
  let res = await hello(app);
  assert.equal(res.status, 429, `the second request over a limit of 1 should get 429; ${said(res)}`);
  assert.equal(res.headers['retry-after'], '35', '25 s into a 60 s window, Retry-After should be 35 (seconds)');
  assert.equal(res.headers['ratelimit-reset'], '35');

  clock.t += 34_500; // 0.5 s left
  res = await hello(app);
  assert.equal(res.headers['retry-after'], '1', 'half a second left should round up to 1, never 0');
});

test('a new window starts once the old one has ended', async () => {
  const clock = fakeClock();
  const app = createApp({ limiter: { windowMs: 10_000, limit: 2, now: clock.now } });
  await useUp(app, 2);
  assert.equal((await hello(app)).status, 429, 'the third request over a limit of 2 should get 429');

  clock.t += 9_999;
  assert.equal((await hello(app)).status, 429, 'one millisecond before the window ends, still limited');

  clock.t += 1;
  const res = await hello(app);
  assert.equal(res.status, 200, `when the window has ended, requests pass again; ${said(res)}`);
  assert.equal(res.headers['ratelimit-remaining'], '1', 'the new window starts counting from this request');
  assert.equal(res.headers['ratelimit-reset'], '10');
});

test('different keys have separate counters', async () => {
  const clock = fakeClock();
  const byApiKey = (req: Request) => req.get('x-api-key');
  const app = createApp({ limiter: { windowMs: 60_000, limit: 2, key: byApiKey, now: clock.now } });
  await useUp(app, 2, { 'x-api-key': 'alice' });
  assert.equal((await hello(app, { 'x-api-key': 'alice' })).status, 429, 'alice used up her limit');
  const bob = await hello(app, { 'x-api-key': 'bob' });
  assert.equal(bob.status, 200, `bob must not pay for alice's requests; ${said(bob)}`);
  assert.equal(bob.headers['ratelimit-remaining'], '1');
});

test('by default the key is the client IP (req.ip)', async () => {
  const clock = fakeClock();
  // Behind a trusted proxy, req.ip comes from X-Forwarded-For, which lets the test play two clients.
  const app = createApp({ trustProxy: true, limiter: { windowMs: 60_000, limit: 1, now: clock.now } });
  const a = { 'x-forwarded-for': '203.0.113.1' };
  const b = { 'x-forwarded-for': '203.0.113.2' };
  assert.equal((await hello(app, a)).status, 200);
  assert.equal((await hello(app, a)).status, 429, 'the second request from 203.0.113.1 is over a limit of 1');
  assert.equal((await hello(app, b)).status, 200, '203.0.113.2 is another client with its own counter');
});

test('without a `now` option the real clock is used', async () => {
  const app = createApp({ limiter: { windowMs: 5_000, limit: 1 } });
  assert.equal((await hello(app)).status, 200);
  const res = await hello(app);
  assert.equal(res.status, 429, `the second request over a limit of 1 should get 429; ${said(res)}`);
  const seconds = Number(res.headers['retry-after']);
  assert.ok(seconds >= 1 && seconds <= 5, `Retry-After should be 1..5 seconds, got ${res.headers['retry-after']}`);
});

test('each limiter keeps its own counts', async () => {
  const clock = fakeClock();
  const first = createApp({ limiter: { windowMs: 60_000, limit: 1, now: clock.now } });
  const second = createApp({ limiter: { windowMs: 60_000, limit: 1, now: clock.now } });
  await useUp(first, 1);
  assert.equal((await hello(second)).status, 200, 'counts must live inside rateLimit(), not in a module-level variable');
});

test('bad options are refused when the limiter is created', () => {
  // '1000' would not compile as a windowMs, but options read from configuration or plain JavaScript can be anything.
  const bad: object[] = [{ limit: 0 }, { limit: 2.5 }, { windowMs: -1 }, { windowMs: '1000' }];
  for (const options of bad) {
    assert.throws(() => rateLimit(options as RateLimitOptions), TypeError, `rateLimit(${JSON.stringify(options)}) should throw a TypeError`);
  }
});

test('routes outside /api are not limited', async () => {
  const app = createApp({ limiter: { windowMs: 60_000, limit: 1, now: fakeClock().now } });
  for (let i = 0; i < 3; i += 1) assert.equal((await request(app).get('/health')).status, 200);
});
