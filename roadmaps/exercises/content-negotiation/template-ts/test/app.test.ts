import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createServer, negotiate } from '../src/app';

// The server on a free port for this file; fetch() as the client.
let server: Server;
let base: string;
before(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

const CSV = 'name,country\r\nZürich,CH\r\nSão Paulo,BR\r\n東京,JP\r\n';
const TEXT = 'Zürich (CH)\nSão Paulo (BR)\n東京 (JP)\n';
const cities = (accept?: string, method = 'GET') => fetch(`${base}/cities`, { method, headers: accept === undefined ? {} : { accept } });

describe('negotiate(accept)', () => {
  const cases: [string | undefined, string | undefined][] = [
    [undefined, 'application/json'],
    ['*/*', 'application/json'],
    ['text/csv', 'text/csv'],
    ['text/plain;q=0.5, text/csv;q=0.9, application/json;q=0.1', 'text/csv'],
    ['text/plain, application/json;q=0.9', 'text/plain'],
    ['text/*;q=0.8, application/json;q=0.5', 'text/csv'],
    ['text/*;q=0.2, text/plain;q=0.9, application/json;q=0.5', 'text/plain'],
    ['application/json;q=0, */*', 'text/csv'],
    ['text/*, text/csv;q=0', 'text/plain'],
    ['image/png', undefined],
    ['application/json;q=0', undefined],
  ];
  for (const [accept, expected] of cases) {
    test(`${JSON.stringify(accept)} → ${expected ?? 'nothing (406)'}`, () => {
      assert.equal(negotiate(accept), expected);
    });
  }
});

describe('GET /cities', () => {
  test('JSON by default, with a charset and Vary: Accept', async () => {
    const res = await cities();
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json; ?charset=utf-8$/i);
    assert.match(res.headers.get('vary') ?? '', /\baccept\b/i);
    const body = Buffer.from(await res.arrayBuffer());
    assert.equal(Number(res.headers.get('content-length')), body.length, 'Content-Length counts the bytes sent');
    assert.deepEqual(JSON.parse(body.toString('utf8')), [
      { name: 'Zürich', country: 'CH' },
      { name: 'São Paulo', country: 'BR' },
      { name: '東京', country: 'JP' },
    ]);
  });

  test('CSV, Content-Length in bytes', async () => {
    const res = await cities('text/csv');
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv; ?charset=utf-8$/i);
    assert.equal(res.headers.get('content-length'), '52');
    assert.equal(await res.text(), CSV);
  });

  test('plain text, Content-Length in bytes', async () => {
    const res = await cities('text/plain');
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; ?charset=utf-8$/i);
    assert.equal(res.headers.get('content-length'), '41');
    assert.equal(await res.text(), TEXT);
  });

  test('406 with Vary: Accept when nothing fits', async () => {
    const res = await cities('image/png');
    assert.equal(res.status, 406);
    assert.match(res.headers.get('vary') ?? '', /\baccept\b/i);
  });
});

describe('other methods', () => {
  test('HEAD: the headers of GET, no body', async () => {
    const res = await cities('text/plain', 'HEAD');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-length'), '41');
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; ?charset=utf-8$/i);
    assert.equal(await res.text(), '');
  });

  test('OPTIONS: 204 with Allow', async () => {
    const res = await cities(undefined, 'OPTIONS');
    assert.equal(res.status, 204);
    for (const method of ['GET', 'HEAD', 'OPTIONS']) assert.match(res.headers.get('allow') ?? '', new RegExp(`\\b${method}\\b`));
  });

  test('POST and DELETE: 405 with Allow', async () => {
    for (const method of ['POST', 'DELETE']) {
      const res = await cities(undefined, method);
      assert.equal(res.status, 405, method);
      assert.match(res.headers.get('allow') ?? '', /\bGET\b/);
    }
  });
});
