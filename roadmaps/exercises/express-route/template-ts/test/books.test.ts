import { test } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../src/app';

// supertest starts the app on a free port for each request and closes it afterwards.
// Every test builds its own app, so the in-memory data starts empty each time.

const ddia = { title: 'Designing Data-Intensive Applications', author: 'Martin Kleppmann', year: 2017 };

// Shows the status and body in failure messages, so a 501 "not implemented yet" is easy to spot.
const got = (res: request.Response) => `got ${res.status} ${res.text}`;

async function create(app: Express, book: object = ddia): Promise<request.Response> {
  const res = await request(app).post('/books').send(book);
  assert.equal(res.status, 201, `POST /books with a valid book should answer 201 Created; ${got(res)}`);
  return res;
}

test('GET /books answers 200 with an empty JSON array on a new app (already done)', async () => {
  const res = await request(createApp()).get('/books');
  assert.equal(res.status, 200);
  assert.match(res.headers['content-type'] ?? '', /application\/json/);
  assert.deepEqual(res.body, []);
});

test('POST /books answers 201 with the stored book and a Location header', async () => {
  const res = await create(createApp());
  assert.match(res.headers['content-type'] ?? '', /application\/json/, 'the created book should be sent as JSON');
  assert.equal(typeof res.body.id, 'number', `the created book should have a numeric id chosen by the server; ${got(res)}`);
  assert.deepEqual(res.body, { id: res.body.id, ...ddia });
  assert.equal(res.headers.location, `/books/${res.body.id}`, 'Location should point at the new book: /books/<id>');
});

test('POST /books accepts a book without a year', async () => {
  const res = await create(createApp(), { title: 'Release It!', author: 'Michael Nygard' });
  assert.equal(res.body.title, 'Release It!');
  assert.equal(res.body.year, undefined, 'year is optional; leave it out when the client did not send it');
});

test('POST /books gives each book its own id, and GET /books lists them', async () => {
  const app = createApp();
  const a = await create(app);
  const b = await create(app, { title: 'Release It!', author: 'Michael Nygard' });
  assert.notEqual(a.body.id, b.body.id, 'two books should not share an id');
  const res = await request(app).get('/books');
  assert.deepEqual(res.body, [a.body, b.body]);
});

const invalidBodies: [why: string, body: object, field: string][] = [
  ['title is missing', { author: 'Nobody' }, 'title'],
  ['title is an empty string', { title: '', author: 'Nobody' }, 'title'],
  ['author is not a string', { title: 'Untitled', author: 42 }, 'author'],
  ['year is a string', { title: 'Untitled', author: 'Nobody', year: '1999' }, 'year'],
  ['year is not a whole number', { title: 'Untitled', author: 'Nobody', year: 1999.5 }, 'year'],
];
for (const [why, body, field] of invalidBodies) {
  test(`POST /books answers 400 naming "${field}" when ${why}`, async () => {
    const app = createApp();
    const res = await request(app).post('/books').send(body);
    assert.equal(res.status, 400, `an invalid body should get 400 Bad Request; ${got(res)}`);
    assert.match(String(res.body.error), new RegExp(field), `the { error } message should name the field "${field}"`);
    const list = await request(app).get('/books');
    assert.deepEqual(list.body, [], 'an invalid book must not be stored');
  });
}

test('POST /books answers 400 when there is no JSON body at all', async () => {
  const res = await request(createApp()).post('/books');
  assert.equal(res.status, 400, `req.body is undefined without a JSON body; validate that too (no crash, no 500); ${got(res)}`);
  assert.equal(typeof res.body.error, 'string');
});

test('GET /books/:id answers 200 with the book', async () => {
  const app = createApp();
  const created = await create(app);
  const res = await request(app).get(`/books/${created.body.id}`);
  assert.equal(res.status, 200, got(res));
  assert.deepEqual(res.body, created.body);
});

for (const id of ['999', 'abc']) {
  test(`GET /books/${id} answers 404 with a JSON error`, async () => {
    const res = await request(createApp()).get(`/books/${id}`);
    assert.equal(res.status, 404, `an unknown id should get 404 Not Found; ${got(res)}`);
    assert.match(res.headers['content-type'] ?? '', /application\/json/);
    assert.match(String(res.body.error), /not found/i, 'the { error } message should say the book was not found');
  });
}

test('PUT /books/:id replaces the book and answers 200 with it', async () => {
  const app = createApp();
  const created = await create(app);
  const id = created.body.id;
  const res = await request(app)
    .put(`/books/${id}`)
    .send({ id: 12345, title: 'DDIA, 2nd edition', author: 'Martin Kleppmann and Chris Riccomini' });
  assert.equal(res.status, 200, got(res));
  assert.equal(res.body.id, id, 'the id comes from the URL, not from the body');
  assert.equal(res.body.title, 'DDIA, 2nd edition');
  assert.equal(res.body.year, undefined, 'PUT replaces the whole book: a field left out of the body is gone');
  const read = await request(app).get(`/books/${id}`);
  assert.deepEqual(read.body, res.body, 'GET after PUT should return the replaced book');
});

test('PUT /books/:id answers 400 naming the field for an invalid body', async () => {
  const app = createApp();
  const created = await create(app);
  const res = await request(app).put(`/books/${created.body.id}`).send({ title: 'No author' });
  assert.equal(res.status, 400, `PUT should validate like POST; ${got(res)}`);
  assert.match(String(res.body.error), /author/);
  const read = await request(app).get(`/books/${created.body.id}`);
  assert.deepEqual(read.body, created.body, 'a rejected PUT must leave the book unchanged');
});

test('PUT /books/:id answers 404 for an unknown id', async () => {
  const res = await request(createApp()).put('/books/999').send(ddia);
  assert.equal(res.status, 404, `PUT must not create books at ids the client picks; ${got(res)}`);
  assert.match(String(res.body.error), /not found/i);
});

test('DELETE /books/:id answers 204 with an empty body, then the book is gone', async () => {
  const app = createApp();
  const created = await create(app);
  const res = await request(app).delete(`/books/${created.body.id}`);
  assert.equal(res.status, 204, `a successful DELETE answers 204 No Content; ${got(res)}`);
  assert.equal(res.text, '', '204 means no body');
  const read = await request(app).get(`/books/${created.body.id}`);
  assert.equal(read.status, 404, 'GET after DELETE should be 404');
  const again = await request(app).delete(`/books/${created.body.id}`);
  assert.equal(again.status, 404, 'deleting the same book twice should be 404 the second time');
});

test('DELETE /books/:id answers 404 for an unknown id', async () => {
  const res = await request(createApp()).delete('/books/999');
  assert.equal(res.status, 404, got(res));
  assert.match(String(res.body.error), /not found/i);
});
