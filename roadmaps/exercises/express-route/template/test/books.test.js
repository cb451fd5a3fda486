const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { createApp } = require('../src/app');

let server;
let base;

before(async () => {
  server = createApp().listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => new Promise((resolve) => server.close(resolve)));

const post = (body) =>
  fetch(`${base}/books`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

test('POST /books creates a book and answers 201 with a Location header', async () => {
  const res = await post({ title: 'Designing Data-Intensive Applications', author: 'Martin Kleppmann' });
  assert.equal(res.status, 201);
  const book = await res.json();
  assert.equal(book.title, 'Designing Data-Intensive Applications');
  assert.match(res.headers.get('location'), new RegExp(`/books/${book.id}$`));
});

test('POST /books rejects a missing title with 400 and says which field', async () => {
  const res = await post({ author: 'Nobody' });
  assert.equal(res.status, 400);
  assert.match((await res.json()).error, /title/);
});

test('GET /books/:id returns the book that was created', async () => {
  const created = await (await post({ title: 'Release It!', author: 'Michael Nygard' })).json();
  const res = await fetch(`${base}/books/${created.id}`);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), created);
});

test('GET /books/:id answers 404 with a JSON error for an unknown id', async () => {
  const res = await fetch(`${base}/books/999999`);
  assert.equal(res.status, 404);
  assert.match((await res.json()).error, /not found/);
});

test('GET /books lists created books', async () => {
  const res = await fetch(`${base}/books`);
  assert.equal(res.status, 200);
  const list = await res.json();
  assert.ok(Array.isArray(list) && list.length >= 2);
});
