const { test } = require('node:test');
const assert = require('node:assert/strict');
const request = require('supertest');
const { createApp } = require('../src/app');

// Your tests go here. src/app.js is correct: every test you write must pass against it. The check then
// runs your tests against broken copies of src/app.js ("seeded bugs"), and passes when each broken
// copy makes at least one of your tests fail.
//
// request(app) from supertest starts the app on a free port for one request: no server to run.
// createApp() gives a new app with no tasks, so each test can start from known data.
// Signing in: .set({ Authorization: 'Bearer token-ana' }) (or token-ben, another user).
//
// One example to start from (it passes, and it catches none of the seeded bugs yet):

test('GET /tasks on a new app answers an empty first page', async () => {
  const res = await request(createApp()).get('/tasks');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { data: [], page: 1, pageSize: 10, total: 0 });
});

// TODO: POST /tasks: what a created task looks like (status, Location, the body).
// TODO: POST /tasks with bad input, and without signing in.
// TODO: GET /tasks/:id, for a task that exists and one that does not.
// TODO: GET /tasks with more tasks than fit on one page, and bad page or pageSize values.
// TODO: DELETE /tasks/:id, by the owner, by someone else, and without signing in.
