const { test, describe } = require('node:test');
const assert = require('node:assert/strict');
const request = require('supertest');
const { createApp } = require('../src/app');

// Every test starts from a new app with no tasks, so the tests pass in any order, alone or together.
const ana = { Authorization: 'Bearer token-ana' };
const ben = { Authorization: 'Bearer token-ben' };

/** Creates tasks through the API itself, as a client would; returns their bodies. */
async function createTasks(app, titles, as = ana) {
  const created = [];
  for (const title of titles) {
    const res = await request(app).post('/tasks').set(as).send({ title });
    assert.equal(res.status, 201, `setting up: POST /tasks answered ${res.status}`);
    created.push(res.body);
  }
  return created;
}

describe('POST /tasks', () => {
  test('creates a task: 201, a Location header, and exactly the task in the body', async () => {
    const app = createApp();
    const res = await request(app).post('/tasks').set(ana).send({ title: 'Buy milk' });
    assert.equal(res.status, 201);
    assert.equal(res.headers.location, '/tasks/1');
    assert.match(res.headers['content-type'], /application\/json/);
    assert.deepEqual(res.body, { id: 1, title: 'Buy milk', done: false, owner: 'ana' });
  });

  test('the new task can be read back, and the ids count up', async () => {
    const app = createApp();
    await createTasks(app, ['first', 'second']);
    const res = await request(app).get('/tasks/2');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { id: 2, title: 'second', done: false, owner: 'ana' });
  });

  test('trims the title', async () => {
    const res = await request(createApp()).post('/tasks').set(ana).send({ title: '  Buy milk \n' });
    assert.equal(res.status, 201);
    assert.equal(res.body.title, 'Buy milk');
  });

  test('a title of 200 characters is fine', async () => {
    const res = await request(createApp()).post('/tasks').set(ana).send({ title: 'x'.repeat(200) });
    assert.equal(res.status, 201);
  });

  const invalid = [
    ['no title', {}],
    ['an empty title', { title: '' }],
    ['a title of spaces', { title: '   ' }],
    ['a title of 201 characters', { title: 'x'.repeat(201) }],
    ['a title that is a number', { title: 42 }],
    ['a title that is null', { title: null }],
  ];
  for (const [what, body] of invalid) {
    test(`${what} is a 400 with an error message, and nothing is created`, async () => {
      const app = createApp();
      const res = await request(app).post('/tasks').set(ana).send(body);
      assert.equal(res.status, 400);
      assert.equal(typeof res.body.error, 'string');
      assert.equal((await request(app).get('/tasks')).body.total, 0);
    });
  }

  test('no body at all, or a body that is not JSON, is a 400 too', async () => {
    const app = createApp();
    assert.equal((await request(app).post('/tasks').set(ana)).status, 400);
    const broken = await request(app).post('/tasks').set(ana).set('Content-Type', 'application/json').send('{"title": ');
    assert.equal(broken.status, 400);
    assert.equal(typeof broken.body.error, 'string');
  });

  const unauthenticated = [
    ['no Authorization header', {}],
    ['an unknown token', { Authorization: 'Bearer token-eve' }],
    ['another scheme', { Authorization: 'Basic YW5hOnNlY3JldA==' }],
  ];
  for (const [what, headers] of unauthenticated) {
    test(`${what} is a 401 with WWW-Authenticate: Bearer, and nothing is created`, async () => {
      const app = createApp();
      const res = await request(app).post('/tasks').set(headers).send({ title: 'Buy milk' });
      assert.equal(res.status, 401);
      assert.equal(res.headers['www-authenticate'], 'Bearer');
      assert.equal(typeof res.body.error, 'string');
      assert.equal((await request(app).get('/tasks')).body.total, 0);
    });
  }
});

describe('GET /tasks/:id', () => {
  test('an unknown id is a 404 with an error message', async () => {
    const app = createApp();
    await createTasks(app, ['only one']);
    for (const id of ['2', '999', 'abc']) {
      const res = await request(app).get(`/tasks/${id}`);
      assert.equal(res.status, 404, `GET /tasks/${id}`);
      assert.equal(typeof res.body.error, 'string');
    }
  });

  test('is public: no token needed', async () => {
    const app = createApp();
    await createTasks(app, ['read me']);
    assert.equal((await request(app).get('/tasks/1')).status, 200);
  });
});

describe('GET /tasks', () => {
  test('a new app has no tasks: an empty first page', async () => {
    const res = await request(createApp()).get('/tasks');
    assert.equal(res.status, 200);
    assert.deepEqual(res.body, { data: [], page: 1, pageSize: 10, total: 0 });
  });

  test('lists the tasks as clients see them, oldest first', async () => {
    const app = createApp();
    await createTasks(app, ['one']);
    await createTasks(app, ['two'], ben);
    const res = await request(app).get('/tasks');
    assert.deepEqual(res.body.data, [
      { id: 1, title: 'one', done: false, owner: 'ana' },
      { id: 2, title: 'two', done: false, owner: 'ben' },
    ]);
  });

  test('pages through 12 tasks, 10 at a time by default, each exactly once', async () => {
    const app = createApp();
    await createTasks(app, Array.from({ length: 12 }, (_, i) => `task ${i + 1}`));
    const first = await request(app).get('/tasks');
    assert.deepEqual(
      first.body.data.map((t) => t.id),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    assert.equal(first.body.total, 12);
    const second = await request(app).get('/tasks?page=2');
    assert.deepEqual(second.body, {
      data: [
        { id: 11, title: 'task 11', done: false, owner: 'ana' },
        { id: 12, title: 'task 12', done: false, owner: 'ana' },
      ],
      page: 2,
      pageSize: 10,
      total: 12,
    });
    const past = await request(app).get('/tasks?page=3');
    assert.equal(past.status, 200);
    assert.deepEqual(past.body.data, []);
  });

  test('pageSize picks the page length, up to 50', async () => {
    const app = createApp();
    await createTasks(app, ['a', 'b', 'c', 'd', 'e']);
    const res = await request(app).get('/tasks?page=2&pageSize=2');
    assert.deepEqual(
      res.body.data.map((t) => t.title),
      ['c', 'd'],
    );
    assert.equal(res.body.pageSize, 2);
    assert.equal((await request(app).get('/tasks?pageSize=50')).status, 200);
  });

  for (const query of ['page=0', 'page=-1', 'page=abc', 'page=1.5', 'pageSize=0', 'pageSize=51', 'pageSize=1000', 'pageSize=']) {
    test(`${query} is a 400 with an error message`, async () => {
      const res = await request(createApp()).get(`/tasks?${query}`);
      assert.equal(res.status, 400);
      assert.equal(typeof res.body.error, 'string');
    });
  }
});

describe('DELETE /tasks/:id', () => {
  test('the owner deletes a task: 204 with no body, and then it is gone', async () => {
    const app = createApp();
    await createTasks(app, ['done soon']);
    const res = await request(app).delete('/tasks/1').set(ana);
    assert.equal(res.status, 204);
    assert.equal(res.text, '');
    assert.equal((await request(app).get('/tasks/1')).status, 404);
  });

  test("someone else's task is a 403, and it stays", async () => {
    const app = createApp();
    await createTasks(app, ["ana's"]);
    const res = await request(app).delete('/tasks/1').set(ben);
    assert.equal(res.status, 403);
    assert.equal(typeof res.body.error, 'string');
    assert.equal((await request(app).get('/tasks/1')).status, 200);
  });

  test('an unknown task is a 404', async () => {
    const res = await request(createApp()).delete('/tasks/7').set(ana);
    assert.equal(res.status, 404);
  });

  test('without a token it is a 401, and the task stays', async () => {
    const app = createApp();
    await createTasks(app, ['keep me']);
    const res = await request(app).delete('/tasks/1');
    assert.equal(res.status, 401);
    assert.equal((await request(app).get('/tasks/1')).status, 200);
  });
});

describe('responses never leak what stays on the server', () => {
  test("no task in any response carries the owner's e-mail address", async () => {
    const app = createApp();
    const [created] = await createTasks(app, ['private']);
    const responses = [created, (await request(app).get('/tasks/1')).body, ...(await request(app).get('/tasks')).body.data];
    for (const task of responses) {
      assert.deepEqual(Object.keys(task).sort(), ['done', 'id', 'owner', 'title']);
      assert.doesNotMatch(JSON.stringify(task), /@example\.com/);
    }
  });
});
