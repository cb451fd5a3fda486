const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const request = require('supertest');
const { createApp } = require('../src/app');

// WEAK: every status code the README lists, but never what a body holds.

const ana = { Authorization: 'Bearer token-ana' };
const ben = { Authorization: 'Bearer token-ben' };

async function createTasks(app, count, as = ana) {
  for (let i = 0; i < count; i++) await request(app).post('/tasks').set(as).send({ title: `task ${i + 1}` });
}

describe('status codes', () => {
  test('POST /tasks: 201, 400 for a bad title, 401 without a valid token', async () => {
    const app = createApp();
    assert.equal((await request(app).post('/tasks').set(ana).send({ title: 'ok' })).status, 201);
    assert.equal((await request(app).post('/tasks').set(ana).send({})).status, 400);
    assert.equal((await request(app).post('/tasks').set(ana).send({ title: ' ' })).status, 400);
    assert.equal((await request(app).post('/tasks').set(ana).send({ title: 'x'.repeat(201) })).status, 400);
    assert.equal((await request(app).post('/tasks').send({ title: 'ok' })).status, 401);
    assert.equal((await request(app).post('/tasks').set({ Authorization: 'Bearer nope' }).send({ title: 'ok' })).status, 401);
  });

  test('GET /tasks/:id: 200, or 404 for an unknown id', async () => {
    const app = createApp();
    await createTasks(app, 1);
    assert.equal((await request(app).get('/tasks/1')).status, 200);
    assert.equal((await request(app).get('/tasks/2')).status, 404);
  });

  test('GET /tasks: 200 on every page, 400 for bad page or pageSize', async () => {
    const app = createApp();
    await createTasks(app, 12);
    assert.equal((await request(app).get('/tasks')).status, 200);
    assert.equal((await request(app).get('/tasks?page=2')).status, 200);
    assert.equal((await request(app).get('/tasks?pageSize=50')).status, 200);
    for (const query of ['page=0', 'page=abc', 'pageSize=0', 'pageSize=51']) {
      assert.equal((await request(app).get(`/tasks?${query}`)).status, 400, query);
    }
  });

  test("DELETE /tasks/:id: 204 for the owner, 403 for someone else, 404, 401", async () => {
    const app = createApp();
    await createTasks(app, 2);
    assert.equal((await request(app).delete('/tasks/1').set(ben)).status, 403);
    assert.equal((await request(app).delete('/tasks/1')).status, 401);
    assert.equal((await request(app).delete('/tasks/1').set(ana)).status, 204);
    assert.equal((await request(app).delete('/tasks/1').set(ana)).status, 404);
  });
});
