import { test } from 'node:test';
import assert from 'node:assert/strict';
import supertest from 'supertest';
import bcrypt from 'bcryptjs';
import type { Express } from 'express';
import { createApp, type User } from '../src/app';

// Each request gives up after 5 s, so a handler that never answers fails its test instead of hanging the run.
const request = (app: Express) => ({
  get: (path: string) => supertest(app).get(path).timeout(5000),
  post: (path: string) => supertest(app).post(path).timeout(5000),
});

const COST = 10; // the minimum, so the run stays fast

// Show the server's error body in failure messages: it often says which TODO is left.
const said = (res: supertest.Response) => `got ${res.status} ${JSON.stringify(res.body)}`;

async function register(app: Express, username: string, password: string): Promise<supertest.Response> {
  const res = await request(app).post('/register').send({ username, password });
  assert.equal(res.status, 201, `POST /register should answer 201; ${said(res)}`);
  return res;
}

// The stored user, or a failed test when there is none.
function stored(users: Map<string, User>, username: string): User {
  const user = users.get(username);
  assert.ok(user, `the user should be in the users map under "${username}"`);
  return user;
}

test('register answers 201 with the username and never the password or hash', async () => {
  const app = createApp({ cost: COST });
  const res = await register(app, 'ada', 'correct horse battery');
  assert.deepEqual(res.body, { username: 'ada' });
});

test('register stores a bcrypt hash, never the plaintext', async () => {
  const users = new Map<string, User>();
  await register(createApp({ users, cost: COST }), 'ada', 'correct horse battery');
  const user = stored(users, 'ada');
  assert.ok(!JSON.stringify([...users]).includes('correct horse battery'), 'the plaintext password is stored somewhere');
  assert.equal(bcrypt.getRounds(user.passwordHash), COST, 'passwordHash should be a bcrypt hash at the app cost');
});

test('register refuses a taken username with 409', async () => {
  const app = createApp({ cost: COST });
  await register(app, 'ada', 'correct horse battery');
  const res = await request(app).post('/register').send({ username: 'ada', password: 'another long password' });
  assert.equal(res.status, 409, said(res));
});

test('login with the right password answers 200', async () => {
  const app = createApp({ cost: COST });
  await register(app, 'ada', 'correct horse battery');
  const res = await request(app).post('/login').send({ username: 'ada', password: 'correct horse battery' });
  assert.equal(res.status, 200, `POST /login with the right password should answer 200; ${said(res)}`);
  assert.equal(res.body.username, 'ada');
  assert.equal(res.body.passwordHash, undefined, 'never send the hash to the client');
});

test('a wrong password and an unknown user get the same 401 answer', async () => {
  const app = createApp({ cost: COST });
  await register(app, 'ada', 'correct horse battery');
  const wrong = await request(app).post('/login').send({ username: 'ada', password: 'wrong horse battery' });
  const unknown = await request(app).post('/login').send({ username: 'grace', password: 'correct horse battery' });
  assert.equal(wrong.status, 401, `wrong password should answer 401; ${said(wrong)}`);
  assert.equal(unknown.status, 401, `unknown user should answer 401; ${said(unknown)}`);
  assert.deepEqual(unknown.body, wrong.body, 'both failures must look the same, or the API reveals which usernames exist');
});

test('login without a username or password answers 400', async () => {
  const res = await request(createApp({ cost: COST })).post('/login').send({ username: 'ada' });
  assert.equal(res.status, 400, `POST /login without a password should answer 400; ${said(res)}`);
});

test('login upgrades a hash made with a lower cost', async () => {
  const users = new Map<string, User>();
  await register(createApp({ users, cost: COST }), 'ada', 'correct horse battery');
  const oldHash = stored(users, 'ada').passwordHash;

  // The same users, served by an app configured with a higher cost (as after a config change).
  const res = await request(createApp({ users, cost: COST + 1 }))
    .post('/login')
    .send({ username: 'ada', password: 'correct horse battery' });
  assert.equal(res.status, 200, `POST /login with the right password should answer 200; ${said(res)}`);
  const newHash = stored(users, 'ada').passwordHash;
  assert.notEqual(newHash, oldHash, 'after a login, a hash below the current cost should be replaced');
  assert.equal(bcrypt.getRounds(newHash), COST + 1);
  assert.ok(await bcrypt.compare('correct horse battery', newHash), 'the new hash must still match the password');
});

test('a failed login does not touch the stored hash', async () => {
  const users = new Map<string, User>();
  await register(createApp({ users, cost: COST }), 'ada', 'correct horse battery');
  const before = stored(users, 'ada').passwordHash;
  const res = await request(createApp({ users, cost: COST + 1 }))
    .post('/login')
    .send({ username: 'ada', password: 'wrong horse battery' });
  assert.equal(res.status, 401, `POST /login with a wrong password should answer 401; ${said(res)}`);
  assert.equal(stored(users, 'ada').passwordHash, before, 'a failed login must not replace the stored hash');
});
