// Your own tests: the check runs them before the spec. The second one looks where the spec cannot:
// inside the store. Add your own as you go.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { createApp } from '../src/app';
import { createUserStore } from '../src/users';

test('GET /health answers 200 { status: "ok" }', async () => {
  const res = await request(createApp({ secret: 'test-secret' })).get('/health');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { status: 'ok' });
});

test('milestone 1: the store keeps a salted hash, never the password', async () => {
  const users = createUserStore();
  const app = createApp({ secret: 'test-secret', users });
  const password = 'correct horse battery';
  for (const email of ['ada@example.com', 'bob@example.com']) {
    const res = await request(app).post('/auth/register').send({ email, password });
    assert.equal(res.status, 201);
  }
  const [ada, bob] = users.all();
  assert.ok(ada && bob, 'both users are stored');
  for (const user of [ada, bob]) {
    assert.equal(typeof user.passwordHash, 'string');
    assert.ok(!user.passwordHash.includes(password), 'the password is in the stored hash as it was typed');
    assert.ok(!user.passwordHash.includes(Buffer.from(password).toString('base64')), 'base64 is an encoding, not a hash');
  }
  assert.notEqual(ada.passwordHash, bob.passwordHash, 'the same password gives the same hash: add a random salt');
});
