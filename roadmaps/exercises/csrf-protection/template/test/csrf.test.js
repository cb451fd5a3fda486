const { test } = require('node:test');
const assert = require('node:assert/strict');
const { newToken, csrfProblem } = require('../src/csrf');
const { createApp } = require('../src/app');

const ORIGIN = 'http://bank.test';
const request = (method, headers = {}) => ({ method, headers });

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
  for (const headers of [
    {},
    { 'x-csrf-token': '' },
    { 'x-csrf-token': 'token' },
    { 'x-csrf-token': newToken() },
    { 'x-csrf-token': session.csrfToken, origin: 'http://evil.example' },
    { 'x-csrf-token': session.csrfToken, origin: 'http://bank.test.evil.example' },
    { 'x-csrf-token': session.csrfToken, origin: 'null' },
  ]) {
    assert.equal(typeof csrfProblem(request('POST', headers), session, ORIGIN), 'string', `should refuse ${JSON.stringify(headers)}`);
  }
});

test('over HTTP: a forged transfer is 403 and moves nothing; the real one goes through', async (t) => {
  const server = createApp({ appOrigin: ORIGIN });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  const base = `http://127.0.0.1:${server.address().port}`;
  const login = await fetch(`${base}/login`, { method: 'POST', body: JSON.stringify({ username: 'ada', password: 'correct horse battery staple' }) });
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { csrfToken } = await login.json();
  const transfer = (headers) => fetch(`${base}/transfer`, { method: 'POST', headers: { cookie, ...headers }, body: JSON.stringify({ to: 'grace', amount: 100 }) });
  assert.equal((await transfer({ origin: 'http://evil.example' })).status, 403, 'cookie only, from another site');
  assert.equal((await transfer({ 'x-csrf-token': csrfToken, origin: ORIGIN })).status, 200);
  const account = await (await fetch(`${base}/account`, { headers: { cookie } })).json();
  assert.equal(account.balance, 900);
});
