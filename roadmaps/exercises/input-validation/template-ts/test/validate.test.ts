import { test } from 'node:test';
import assert from 'node:assert/strict';
import express, { type Express, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import supertest from 'supertest';
import { z } from 'zod';
import { validate, formatIssues } from '../src/validate';

// Each request gives up after 2 s, so a handler that never answers fails its test instead of hanging the run.
const request = (app: Express) => ({
  get: (path: string) => supertest(app).get(path).timeout(2000),
  post: (path: string) => supertest(app).post(path).timeout(2000),
});

// validate() must work with any schema, not only the signup one: a small app of its own.
function appWith(schema: z.ZodType, handler: RequestHandler = (req, res) => void res.json({ body: req.body })): Express {
  const app = express();
  app.use(express.json());
  app.post('/', validate(schema), handler);
  app.use((err: Error, req: Request, res: Response, _next: NextFunction) => void res.status(500).json({ error: err.message }));
  return app;
}
const said = (res: supertest.Response) => `got ${res.status} ${JSON.stringify(res.body)}`;

test('on success, the handler sees the parsed value instead of the raw body', async () => {
  const schema = z.object({ count: z.coerce.number(), tag: z.string().default('none') });
  const res = await request(appWith(schema)).post('/').send({ count: '3', extra: 'dropped' });
  assert.equal(res.status, 200, said(res));
  assert.deepEqual(res.body, { body: { count: 3, tag: 'none' } }, 'validate should replace req.body with the parsed data');
});

test('on failure, the handler is never called', async () => {
  let calls = 0;
  const app = appWith(z.object({ count: z.number() }), (req, res) => {
    calls += 1;
    res.end();
  });
  const res = await request(app).post('/').send({ count: 'three' });
  assert.equal(res.status, 400, `validate should answer 400 for an invalid body; ${said(res)}`);
  assert.equal(calls, 0, 'the route handler ran for an invalid body');
});

test('nested paths are joined with dots, and errors carry only path and message', async () => {
  const schema = z.object({ address: z.object({ city: z.string() }), tags: z.array(z.string()) });
  const res = await request(appWith(schema)).post('/').send({ address: { city: 7 }, tags: ['ok', 5] });
  assert.equal(res.status, 400, said(res));
  assert.ok(Array.isArray(res.body.errors), `expected { errors: [...] }; ${said(res)}`);
  assert.deepEqual((res.body.errors as { path: string }[]).map((e) => e.path).sort(), ['address.city', 'tags.1'], said(res));
  for (const e of res.body.errors as object[]) assert.deepEqual(Object.keys(e).sort(), ['message', 'path'], said(res));
});

test('formatIssues splits unknown keys into one entry each', () => {
  const result = z.strictObject({ a: z.string() }).safeParse({ a: 'x', b: 1, c: 2 });
  assert.ok(!result.success, 'the body has unknown keys');
  assert.deepEqual(formatIssues(result.error.issues).map((e) => e.path), ['b', 'c']);
});
