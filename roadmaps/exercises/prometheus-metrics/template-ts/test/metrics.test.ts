import { beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import type { Express } from 'express';
import { createApp } from '../src/app';
import { register } from '../src/metrics';

// Each test starts from zero: the registry's values are reset (the metrics stay registered).
beforeEach(() => register.resetMetrics());

type Labels = Record<string, string>;
interface Sample {
  name: string;
  labels: Labels;
  value: number;
}

/** Scrapes GET /metrics and returns the response and every sample line as { name, labels, value }. */
async function scrape(app: Express) {
  const res = await supertest(app).get('/metrics').timeout(2000);
  const samples: Sample[] = [];
  for (const line of res.text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m) continue;
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    samples.push({ name: m[1], labels, value: Number(m[3]) });
  }
  return { res, samples };
}

/** The value of the one sample with this name and exactly these labels, or undefined. */
function value(samples: Sample[], name: string, labels: Labels = {}): number | undefined {
  const want = JSON.stringify(Object.entries(labels).sort());
  return samples.find((s) => s.name === name && JSON.stringify(Object.entries(s.labels).sort()) === want)?.value;
}

const seriesOf = (samples: Sample[], name: string) => samples.filter((s) => s.name === name).map((s) => s.labels);

/** Runs `fn` with console.error silenced (the app logs the error it answers 500 for). */
async function quietly(fn: () => Promise<unknown>) {
  const original = console.error;
  console.error = () => {};
  try {
    await fn();
  } finally {
    console.error = original;
  }
}

test('GET /metrics answers 200 in the Prometheus text format', async () => {
  const app = createApp();
  const { res } = await scrape(app);
  assert.equal(res.status, 200, `GET /metrics answered ${res.status}: finish metricsHandler (TODO 4)`);
  assert.match(res.headers['content-type'] ?? '', /^text\/plain/, 'the Content-Type should be register.contentType');
  assert.match(res.text, /^# TYPE http_requests_total counter$/m, 'no counter named http_requests_total (TODO 1)');
  assert.match(res.text, /^# TYPE http_request_duration_seconds histogram$/m, 'no histogram named http_request_duration_seconds (TODO 1)');
  assert.match(res.text, /^# TYPE http_requests_in_flight gauge$/m, 'no gauge named http_requests_in_flight (TODO 1)');
});

test('requests are counted by method, route template and status', async () => {
  const app = createApp();
  await supertest(app).get('/api/books/1').expect(200);
  await supertest(app).get('/api/books/2').expect(200);
  await supertest(app).get('/api/books/42').expect(404);
  await supertest(app).post('/api/books').send({ title: 'Beloved' }).expect(201);
  const { samples } = await scrape(app);
  const got = JSON.stringify(seriesOf(samples, 'http_requests_total'));
  assert.equal(value(samples, 'http_requests_total', { method: 'GET', route: '/api/books/:id', status: '200' }), 2, `two 200s for GET /api/books/:id; the series are ${got}`);
  assert.equal(value(samples, 'http_requests_total', { method: 'GET', route: '/api/books/:id', status: '404' }), 1, `one 404 for GET /api/books/:id; the series are ${got}`);
  assert.equal(value(samples, 'http_requests_total', { method: 'POST', route: '/api/books', status: '201' }), 1, `one 201 for POST /api/books; the series are ${got}`);
});

test('the route label is the template: raw paths and query strings never become label values', async () => {
  const app = createApp();
  for (const id of [1, 2, 3]) await supertest(app).get(`/api/books/${id}`).expect(200);
  await supertest(app).get('/api/slow?ms=1').expect(200);
  await supertest(app).get('/wp-admin/login.php').expect(404);
  await supertest(app).get('/random/path/8412').expect(404);
  const { samples } = await scrape(app);
  const routes = [...new Set(seriesOf(samples, 'http_requests_total').map((l) => l.route))].sort();
  assert.deepEqual(routes, ['/api/books/:id', '/api/slow', 'unmatched'], 'the route labels should be templates, and "unmatched" for paths that matched no route (see routeOf, TODO 2)');
  assert.equal(value(samples, 'http_requests_total', { method: 'GET', route: 'unmatched', status: '404' }), 2);
});

test('a route that throws is counted with status 500', async () => {
  const app = createApp();
  await quietly(() => supertest(app).get('/api/boom').expect(500));
  const { samples } = await scrape(app);
  assert.equal(value(samples, 'http_requests_total', { method: 'GET', route: '/api/boom', status: '500' }), 1, `the 500 should be counted; the series are ${JSON.stringify(seriesOf(samples, 'http_requests_total'))}`);
});

test('durations are observed in seconds, in the README buckets', async () => {
  const app = createApp();
  await supertest(app).get('/api/slow?ms=120').expect(200);
  const { samples } = await scrape(app);
  const labels = { method: 'GET', route: '/api/slow', status: '200' };
  const buckets = samples.filter((s) => s.name === 'http_request_duration_seconds_bucket' && s.labels.route === '/api/slow');
  assert.deepEqual(buckets.map((s) => s.labels.le), ['0.025', '0.05', '0.1', '0.2', '0.4', '0.8', '1.6', '+Inf'], 'the buckets should be BUCKETS (and +Inf)');
  assert.equal(value(samples, 'http_request_duration_seconds_bucket', { ...labels, le: '0.1' }), 0, 'a 120 ms request is not within 0.1 s');
  assert.equal(value(samples, 'http_request_duration_seconds_bucket', { ...labels, le: '0.4' }), 1, 'a 120 ms request is within 0.4 s (seconds, not milliseconds)');
  const sum = value(samples, 'http_request_duration_seconds_sum', labels) ?? NaN;
  assert.ok(sum >= 0.11 && sum < 0.4, `_sum should be about 0.12 (seconds), got ${sum}`);
});

test('the in-flight gauge is 1 during a scrape (the scrape itself) and comes back down after errors', async () => {
  const app = createApp();
  assert.equal(value((await scrape(app)).samples, 'http_requests_in_flight'), 1, 'the scrape itself is in flight: 1');
  await quietly(() => supertest(app).get('/api/boom').expect(500));
  await supertest(app).get('/nowhere').expect(404);
  assert.equal(value((await scrape(app)).samples, 'http_requests_in_flight'), 1, 'after a 500 and a 404 the gauge is back to 1');
});
