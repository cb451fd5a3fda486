// Your own tests: the check runs them before the spec. These need no database; add your own as you
// go (verifySignature in milestone 4 is a good one to test here).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { isWholeNumber, parseId } from '../src/http';
import { createApp } from '../src/app';

test('isWholeNumber accepts whole numbers from 0 and nothing else', () => {
  for (const value of [0, 1, 1500, 2147483647]) assert.equal(isWholeNumber(value), true, String(value));
  for (const value of [-1, 1.5, '15', null, undefined, true, 2147483648]) assert.equal(isWholeNumber(value), false, String(value));
});

test('parseId reads path ids and refuses what cannot be one', () => {
  assert.equal(parseId('12'), 12);
  for (const text of ['0', 'abc', '1.5', '-1', '99999999999']) assert.equal(parseId(text), null, text);
});

test('an unknown route answers 404 with a JSON error', async () => {
  // No database is needed to answer an unknown route.
  const server = createApp({ db: undefined as never, webhookSecret: 'test' }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/nowhere`);
    assert.equal(res.status, 404);
    assert.equal(typeof ((await res.json()) as { error?: unknown }).error, 'string');
  } finally {
    server.close();
  }
});
