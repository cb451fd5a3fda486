const { test } = require('node:test');
const assert = require('node:assert/strict');
const express = require('express');
const supertest = require('supertest');
const { z } = require('zod');
const { validate, formatIssues } = require('../src/validate');

// Each request gives up after 2 s, so a handler that never answers fails its test instead of hanging the run.
const request = (app) => ({
  get: (path) => supertest(app).get(path).timeout(2000),
  post: (path) => supertest(app).post(path).timeout(2000),
});

// validate() must work with any schema, not only the signup one: a small app of its own.
function appWith(schema, handler = (req, res) => res.json({ body: req.body })) {
  const app = express();
  app.use(express.json());
  app.post('/', validate(schema), handler);
  app.use((err, req, res, next) => res.status(500).json({ error: err.message }));
  return app;
}
const said = (res) => `got ${res.status} ${JSON.stringify(res.body)}`;

test('on success, the handler sees the parsed value instead of the raw body', async () => {
  const schema = z.object({ count: z.coerce.number(), tag: z.string().default('none') });
  const res = await request(appWith(schema)).post('/').send({ count: '3', extra: 'dropped' });
  assert.equal(res.status, 200, said(res));
  assert.deepEqual(res.body, { body: { count: 3, tag: 'none' } }, 'validate should replace req.body with the parsed data');
});

test('on failure, the handler is never called', async () => {
  let calls = 0;
  const app = appWith(z.object({ count: z.number() }), (req, res) => { calls += 1; res.end(); });
  const res = await request(app).post('/').send({ count: 'three' });
  assert.equal(res.status, 400, `validate should answer 400 for an invalid body; ${said(res)}`);
  assert.equal(calls, 0, 'the route handler ran for an invalid body');
});

test('nested paths are joined with dots, and errors carry only path and message', async () => {
  const schema = z.object({ address: z.object({ city: z.string() }), tags: z.array(z.string()) });
  const res = await request(appWith(schema)).post('/').send({ address: { city: 7 }, tags: ['ok', 5] });
  assert.equal(res.status, 400, said(res));
  assert.ok(Array.isArray(res.body.errors), `expected { errors: [...] }; ${said(res)}`);
  assert.deepEqual(res.body.errors.map((e) => e.path).sort(), ['address.city', 'tags.1'], said(res));
  for (const e of res.body.errors) assert.deepEqual(Object.keys(e).sort(), ['message', 'path'], said(res));
});

test('formatIssues splits unknown keys into one entry each', () => {
  const result = z.strictObject({ a: z.string() }).safeParse({ a: 'x', b: 1, c: 2 });
  assert.deepEqual(formatIssues(result.error.issues).map((e) => e.path), ['b', 'c']);
});
