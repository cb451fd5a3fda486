// Your nginx/books.conf, in a real nginx, in front of a small API: each test sends real requests through
// it. Each failure message starts with the rule's name.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingHttpHeaders } from 'node:http';
import { startProxy, type Proxy, type ProxyResponse } from './nginx';

/** What the API's /echo/... answers: the request as it arrived. */
interface Echo {
  method?: string;
  path?: string;
  headers?: IncomingHttpHeaders;
}

let proxy: Proxy | undefined;
before(async () => {
  proxy = await startProxy();
});
after(async () => {
  await proxy?.stop();
});

/** The running proxy (before() failing, with its message, stops the tests first). */
const nginx = (): Proxy => {
  assert.ok(proxy, 'nginx did not start');
  return proxy;
};

const json = <T>(res: ProxyResponse): T | undefined => {
  try {
    return JSON.parse(res.body) as T;
  } catch {
    return undefined;
  }
};

test('[proxy] /api/... reaches the API with the /api prefix stripped', async () => {
  const res = await nginx().request('/api/echo/books/1?fields=title');
  assert.equal(res.status, 200, `[proxy] GET /api/echo/books/1 through nginx answered ${res.status}: ${res.body.slice(0, 200)}`);
  assert.equal(
    json<Echo>(res)?.path,
    '/echo/books/1?fields=title',
    '[proxy] the API should see /echo/books/1?fields=title: proxy_pass with a URI (a trailing /) replaces the /api/ prefix',
  );
});

test('[proxy] paths outside /api/ are not sent to the API', async () => {
  const res = await nginx().request('/echo/books/1');
  assert.equal(res.status, 404, `[proxy] GET /echo/books/1 (no /api prefix) should be nginx's own 404, got ${res.status}`);
});

test('[headers] Host, X-Real-IP, X-Forwarded-For and X-Forwarded-Proto reach the API', async () => {
  const seen: IncomingHttpHeaders = json<Echo>(await nginx().request('/api/echo'))?.headers ?? {};
  assert.equal(seen.host, 'books.test', '[headers] proxy_set_header Host $host: the API should see the Host the client asked for, not "books_api"');
  assert.equal(seen['x-real-ip'], '127.0.0.1', '[headers] proxy_set_header X-Real-IP $remote_addr');
  assert.equal(seen['x-forwarded-for'], '127.0.0.1', '[headers] proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for');
  assert.equal(seen['x-forwarded-proto'], 'http', '[headers] proxy_set_header X-Forwarded-Proto $scheme');
});

test('[headers] an X-Forwarded-For from the client is kept, with the client address appended', async () => {
  const seen: IncomingHttpHeaders = json<Echo>(await nginx().request('/api/echo', { 'x-forwarded-for': '203.0.113.7' }))?.headers ?? {};
  assert.equal(
    seen['x-forwarded-for'],
    '203.0.113.7, 127.0.0.1',
    '[headers] $proxy_add_x_forwarded_for appends the address nginx saw to what the client sent; $remote_addr alone loses the chain',
  );
});

test('[gzip] large JSON is compressed for clients that accept gzip, and only for them', async () => {
  const zipped = await nginx().request('/api/books', { 'accept-encoding': 'gzip' });
  assert.equal(zipped.status, 200);
  assert.equal(
    zipped.headers['content-encoding'],
    'gzip',
    '[gzip] a 4 KB application/json response should come back with Content-Encoding: gzip (gzip on; gzip_types application/json)',
  );
  assert.ok(
    zipped.raw.length < zipped.body.length / 2,
    `[gzip] the compressed body (${zipped.raw.length} bytes) should be much smaller than the JSON (${zipped.body.length})`,
  );
  assert.equal(json<unknown[]>(zipped)?.length, 60, "[gzip] the decompressed body is the API's list");
  const plain = await nginx().request('/api/books');
  assert.equal(plain.headers['content-encoding'], undefined, '[gzip] a client that sends no Accept-Encoding gets the plain body');
});

test('[gzip] small responses are not compressed (gzip_min_length 1000)', async () => {
  const res = await nginx().request('/api/echo', { 'accept-encoding': 'gzip' });
  assert.equal(res.headers['content-encoding'], undefined, '[gzip] a response under 1000 bytes should not be compressed: gzip_min_length 1000');
});

test('[errors] when the API cannot answer, nginx replies 502 with a JSON error', async () => {
  const res = await nginx().request('/api/crash');
  assert.equal(res.status, 502, `[errors] the API hung up, so nginx should answer 502, got ${res.status}`);
  assert.match(
    res.headers['content-type'] ?? '',
    /^application\/json/,
    "[errors] the 502 should be application/json (default_type in the error location), not nginx's HTML page",
  );
  assert.deepEqual(json(res), { error: 'bad gateway' }, `[errors] the body should be {"error":"bad gateway"}, got ${res.body.slice(0, 200)}`);
});
