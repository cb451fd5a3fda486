const { test } = require('node:test');
const assert = require('node:assert/strict');
const request = require('supertest');
const { createApp } = require('../src/app');

// WEAK: one request per route, each one that should succeed, checked loosely.

const ana = { Authorization: 'Bearer token-ana' };

test('a task can be created and read back', async () => {
  const app = createApp();
  const created = await request(app).post('/tasks').set(ana).send({ title: 'Buy milk' });
  assert.ok(created.status < 300);
  assert.equal(created.body.title, 'Buy milk');
  const read = await request(app).get(`/tasks/${created.body.id}`);
  assert.equal(read.status, 200);
  assert.equal(read.body.title, 'Buy milk');
});

test('the list shows the tasks', async () => {
  const app = createApp();
  await request(app).post('/tasks').set(ana).send({ title: 'one' });
  const res = await request(app).get('/tasks');
  assert.equal(res.status, 200);
  assert.equal(res.body.data.length, 1);
});

test('the owner can delete a task', async () => {
  const app = createApp();
  const created = await request(app).post('/tasks').set(ana).send({ title: 'bye' });
  const res = await request(app).delete(`/tasks/${created.body.id}`).set(ana);
  assert.equal(res.status, 204);
});
