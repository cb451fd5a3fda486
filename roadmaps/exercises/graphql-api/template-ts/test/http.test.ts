import { test } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { createApp } from '../src/app';

test('POST /graphql runs a query over HTTP (graphql-http on Express)', async () => {
  const res = await request(createApp())
    .post('/graphql')
    .set('content-type', 'application/json')
    .send({ query: 'query One($id: ID!) { book(id: $id) { title author { name } } }', variables: { id: '5' } });
  assert.equal(res.status, 200);
  assert.deepEqual(
    res.body,
    { data: { book: { title: 'Guards! Guards!', author: { name: 'Terry Pratchett' } } } },
    'the same schema answers over HTTP; if book is null, Query.book is not done yet',
  );
});

test('POST /graphql with a syntax error answers 400 and an errors array', async () => {
  // With this Accept header, the GraphQL over HTTP spec asks for a 4xx status on a request that cannot run.
  const res = await request(createApp())
    .post('/graphql')
    .set('content-type', 'application/json')
    .set('accept', 'application/graphql-response+json')
    .send({ query: '{ books {' });
  assert.equal(res.status, 400);
  assert.ok(Array.isArray(res.body.errors) && res.body.errors.length > 0);
});
