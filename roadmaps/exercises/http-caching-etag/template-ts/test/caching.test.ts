// Quick checks of src/caching.ts: the functions directly, and GET through the real server.
// The full behaviour is checked from outside by the exercise's spec (see README.md).
import test from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { etagOf, preconditionFailure } from '../src/caching';
import { createApp } from '../src/app';

type Get = (path: string, headers?: Record<string, string>) => Promise<Response>;

async function withServer(fn: (get: Get) => Promise<void>): Promise<void> {
  const server = createApp();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await fn((path, headers = {}) => fetch(base + path, { headers }));
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

test('etagOf is a strong, quoted tag that depends only on the bytes', () => {
  const a = etagOf(Buffer.from('{"id":1}'));
  assert.match(a, /^"[!#-~]+"$/, 'a strong ETag is "..." with no W/ in front');
  assert.equal(etagOf(Buffer.from('{"id":1}')), a, 'the same bytes give the same ETag');
  assert.notEqual(etagOf(Buffer.from('{"id":2}')), a, 'other bytes of the same size give another ETag');
});

test('GET sends ETag, Last-Modified and Cache-Control: no-cache', async () => {
  await withServer(async (get) => {
    const res = await get('/articles/1');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('etag') ?? '', /^"[!#-~]+"$/);
    assert.equal(res.headers.get('last-modified'), 'Tue, 01 Oct 2024 10:00:00 GMT');
    assert.equal(res.headers.get('cache-control'), 'no-cache');
  });
});

test('If-None-Match: the current tag, a weak copy of it, a list and * answer 304', async () => {
  await withServer(async (get) => {
    const etag = (await get('/articles/1')).headers.get('etag') ?? '';
    for (const value of [etag, `W/${etag}`, `"old", ${etag}`, '*']) {
      const res = await get('/articles/1', { 'if-none-match': value });
      assert.equal(res.status, 304, `If-None-Match: ${value} should answer 304`);
      assert.equal(res.headers.get('etag'), etag, 'a 304 repeats the ETag');
    }
    assert.equal((await get('/articles/1', { 'if-none-match': '"old"' })).status, 200);
  });
});

test('If-Modified-Since answers 304 only without If-None-Match', async () => {
  await withServer(async (get) => {
    const since = 'Tue, 01 Oct 2024 10:00:00 GMT';
    assert.equal((await get('/articles/1', { 'if-modified-since': since })).status, 304);
    assert.equal((await get('/articles/1', { 'if-modified-since': 'Tue, 01 Oct 2024 09:59:59 GMT' })).status, 200);
    assert.equal((await get('/articles/1', { 'if-modified-since': since, 'if-none-match': '"old"' })).status, 200);
  });
});

test('preconditionFailure: 428 without If-Match, 412 when stale or weak, null when current', () => {
  const current = '"abc"';
  // Only the headers are read; a plain object stands in for the request.
  const req = (ifMatch?: string) => ({ headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } }) as IncomingMessage;
  assert.equal(preconditionFailure(req(undefined), current), 428);
  assert.equal(preconditionFailure(req('"old"'), current), 412);
  assert.equal(preconditionFailure(req('W/"abc"'), current), 412);
  assert.equal(preconditionFailure(req('"abc"'), current), null);
  assert.equal(preconditionFailure(req('"old", "abc"'), current), null);
  assert.equal(preconditionFailure(req('*'), current), null);
});
