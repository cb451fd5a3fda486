import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { newToken, csrfProblem } from '../src/csrf';
import { createApp } from '../src/app';

const ORIGIN = 'http://bank.test';
const request = (method: string, headers: Record<string, string> = {}) => ({ method, headers });

test('newToken gives 32 random bytes as base64url, a new one each time', () => {
  const a = newToken();
  assert.match(a, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(newToken(), a);
});

test('safe methods pass; a POST needs the session token and, if it has one, the right Origin', () => {
  const session = { csrfToken: newToken() };
  assert.equal(csrfProblem(request('GET', { origin: 'http://evil.example' }), session, ORIGIN), undefined);
  assert.equal(csrfProblem(request('POST', { 'x-csrf-token': session.csrfToken, origin: ORIGIN }), session, ORIGIN), undefined);
  assert.equal(csrfProblem(request('POST', { 'x-csrf-token': session.csrfToken }), session, ORIGIN), undefined, 'no Origin: the token decides');
  const refused: Record<string, string>[] = [
    {},
    { 'x-csrf-token': '' },
    { 'x-csrf-token': 'token' },
    { 'x-csrf-token': newToken() },
    { 'x-csrf-token': session.csrfToken, origin: 'http://evil.example' },
    { 'x-csrf-token': session.csrfToken, origin: 'http://bank.test.evil.example' },
    { 'x-csrf-token': session.csrfToken, origin: 'null' },
  ];
  for (const headers of refused) {
    assert.equal(typeof csrfProblem(request('POST', headers), session, ORIGIN), 'string', `should refuse ${JSON.stringify(headers)}`);
  }
});

test('over HTTP: a forged transfer is 403 and moves nothing; the real one goes through', async (t) => {
  const server = createApp({ appOrigin: ORIGIN });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const login = await fetch(`${base}/login`, { method: 'POST', body: JSON.stringify({ username: 'ada', password: 'correct horse battery staple' }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const transfer = (headers: Record<string, string>) => fetch(`${base}/transfer`, { method: 'POST', headers: { cookie, ...headers }, body: JSON.stringify({ to: 'grace', amount: 100 }) });
  assert.equal((await transfer({ origin: 'http://evil.example' })).status, 403, 'cookie only, from another site');
  assert.equal((await transfer({ 'x-csrf-token': csrfToken, origin: ORIGIN })).status, 200);
  const account = (await (await fetch(`${base}/account`, { headers: { cookie } })).json()) as { balance: number };
  assert.equal(account.balance, 900);
});
