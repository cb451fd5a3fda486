import { test } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import type { Express } from 'express';
import { createApp } from '../src/app';

// Each request gives up after 2 s, so a handler that never answers fails its test instead of hanging the run.
const request = (app: Express) => ({
  get: (path: string) => supertest(app).get(path).timeout(2000),
  post: (path: string) => supertest(app).post(path).timeout(2000),
});

const app = createApp();
const signup = (body: object) => request(app).post('/signup').send(body);
const valid = { email: 'ann@example.com', password: 'correct horse battery' };

// Show the server's answer in failure messages.
const said = (res: supertest.Response) => `got ${res.status} ${JSON.stringify(res.body)}`;
const paths = (res: supertest.Response): unknown =>
  Array.isArray(res.body.errors) ? (res.body.errors as { path: unknown }[]).map((e) => e.path).sort() : res.body;

function assertRejected(res: supertest.Response, expectedPaths: string[], why: string) {
  assert.equal(res.status, 400, `${why} should answer 400; ${said(res)}`);
  assert.deepEqual(paths(res), expectedPaths, `${why}: expected errors for ${expectedPaths.join(', ')}; ${said(res)}`);
  for (const e of res.body.errors as { message: unknown }[]) {
    assert.equal(typeof e.message, 'string', `every error needs a message; ${said(res)}`);
    assert.ok(String(e.message).length > 0, `every error needs a message; ${said(res)}`);
  }
}

test('a valid signup answers 201 with the normalised value and no password', async () => {
  const res = await signup({ email: '  Ann@Example.COM ', password: 'correct horse battery', name: '  Ann  ', age: 30 });
  assert.equal(res.status, 201, said(res));
  assert.deepEqual(res.body, { email: 'ann@example.com', name: 'Ann', age: 30 },
    'the 201 body should be the parsed value: email trimmed and lowercased, name trimmed, no password');
});

test('name and age are optional', async () => {
  const res = await signup(valid);
  assert.equal(res.status, 201, said(res));
  assert.deepEqual(res.body, { email: 'ann@example.com' });
});

test('a malformed email is rejected', async () => {
  assertRejected(await signup({ ...valid, email: 'ann-at-example.com' }), ['email'], 'a malformed email');
  assertRejected(await signup({ ...valid, email: '   ' }), ['email'], 'a blank email');
});

test('a missing email or password is rejected', async () => {
  assertRejected(await signup({ password: valid.password }), ['email'], 'a missing email');
  assertRejected(await signup({ email: valid.email }), ['password'], 'a missing password');
});

test('a password needs at least 12 characters', async () => {
  const res = await signup({ ...valid, password: 'x'.repeat(11) });
  assertRejected(res, ['password'], 'an 11-character password');
  assert.match(res.body.errors[0].message, /12/, 'the message should say how long a password must be');
  const ok = await signup({ ...valid, password: 'x'.repeat(12) });
  assert.equal(ok.status, 201, `a 12-character password is long enough; ${said(ok)}`);
});

test('age must be a whole number from 13 to 130', async () => {
  for (const age of [13, 130]) {
    const res = await signup({ ...valid, age });
    assert.equal(res.status, 201, `age ${age} is allowed; ${said(res)}`);
    assert.equal(res.body.age, age, `the 201 body should keep age ${age}: is age in the schema?`);
  }
  for (const age of [12, 131, 20.5, '20', null]) {
    assertRejected(await signup({ ...valid, age }), ['age'], `age ${JSON.stringify(age)}`);
  }
});

test('a name of only spaces is rejected (trim first, then check)', async () => {
  assertRejected(await signup({ ...valid, name: '    ' }), ['name'], 'a blank name');
});

test('unknown keys are rejected, each with its own path', async () => {
  const res = await signup({ ...valid, isAdmin: true, role: 'owner' });
  assertRejected(res, ['isAdmin', 'role'], 'unknown keys');
});

test('every bad field is reported at once', async () => {
  const res = await signup({ email: 'nope', password: 'short', age: 5, isAdmin: true });
  assertRejected(res, ['age', 'email', 'isAdmin', 'password'], 'a body with four problems');
});

test('a body that is not an object is rejected with one error on the whole body', async () => {
  assertRejected(await request(app).post('/signup'), [''], 'a request without a body');
  assertRejected(await signup([valid]), [''], 'a JSON array');
});

test('malformed JSON gets the same error shape', async () => {
  const res = await request(app).post('/signup').set('content-type', 'application/json').send('{"email": ');
  assertRejected(res, [''], 'malformed JSON');
});
