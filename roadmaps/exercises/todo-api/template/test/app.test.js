// Your own tests: the check runs them before the spec. Add one for each route as you build it.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const request = require('supertest');
const { createApp } = require('../src/app');

test('GET /health answers 200 { status: "ok" }', async () => {
  const res = await request(createApp({ secret: 'test-secret' })).get('/health');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { status: 'ok' });
});
