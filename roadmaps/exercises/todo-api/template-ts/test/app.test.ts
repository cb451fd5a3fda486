// Your own tests: the check runs them before the spec. Add one for each route as you build it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { createApp } from '../src/app';

test('GET /health answers 200 { status: "ok" }', async () => {
  const res = await request(createApp({ secret: 'test-secret' })).get('/health');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { status: 'ok' });
});
