const { test } = require('node:test');
const assert = require('node:assert/strict');
const { createApp } = require('../src/app');

const PASSWORD = 'correct horse battery staple';

/** A fresh app on a free port, with a clock the test moves by hand; closed when the test ends. */
async function start(t, { secure = true } = {}) {
  const clock = { ms: 1_000_000 };
  const server = createApp({ idleSeconds: 60, secure, now: () => clock.ms });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  const base = `http://127.0.0.1:${server.address().port}`;
  const call = async (method, path, { cookie, json } = {}) => {
    const headers = { ...(cookie ? { cookie } : {}), ...(json ? { 'content-type': 'application/json' } : {}) };
    const res = await fetch(base + path, { method, headers, ...(json ? { body: JSON.stringify(json) } : {}) });
    const text = await res.text();
    return { status: res.status, setCookie: res.headers.get('set-cookie'), body: text ? JSON.parse(text) : undefined };
  };
  return { clock, call };
}

/** "sid=abc" from a Set-Cookie header, as a browser would send it back. */
const sent = (setCookie) => setCookie?.split(';')[0];

test('login sets sid with a long random id, HttpOnly, SameSite=Lax, Path=/ and Secure', async (t) => {
  const { call } = await start(t);
  const res = await call('POST', '/login', { json: { username: 'ada', password: PASSWORD } });
  assert.equal(res.status, 200);
  assert.match(res.setCookie ?? '', /^sid=[A-Za-z0-9_-]{43}(;|$)/, 'the id: 32 random bytes as base64url (43 characters)');
  const attributes = res.setCookie.split(';').slice(1).map((a) => a.trim().toLowerCase());
  for (const wanted of ['httponly', 'samesite=lax', 'path=/', 'secure']) assert.ok(attributes.includes(wanted), `Set-Cookie should have ${wanted}: ${res.setCookie}`);
  const other = await call('POST', '/login', { json: { username: 'ada', password: PASSWORD } });
  assert.notEqual(sent(other.setCookie), sent(res.setCookie), 'two logins get two different ids');
  assert.deepEqual((await call('GET', '/me', { cookie: sent(res.setCookie) })).body, { user: 'ada', cart: [] });
});

test('without COOKIE_SECURE the cookie has no Secure attribute', async (t) => {
  const { call } = await start(t, { secure: false });
  const res = await call('POST', '/login', { json: { username: 'ada', password: PASSWORD } });
  assert.doesNotMatch(res.setCookie ?? '', /;\s*secure\s*(;|$)/i);
});

test('login rotates the id: the old one is dead, the cart moves over', async (t) => {
  const { call } = await start(t);
  const anon = sent((await call('POST', '/cart', { json: { item: 'tea' } })).setCookie);
  assert.ok(anon, 'adding to the cart starts a session');
  const login = await call('POST', '/login', { cookie: anon, json: { username: 'ada', password: PASSWORD } });
  const ada = sent(login.setCookie);
  assert.ok(ada && ada !== anon, 'login must set a NEW session id');
  assert.deepEqual((await call('GET', '/me', { cookie: ada })).body, { user: 'ada', cart: ['tea'] });
  assert.equal((await call('GET', '/me', { cookie: anon })).status, 401, 'the id from before login must no longer work');
});

test('logout deletes the session on the server', async (t) => {
  const { call } = await start(t);
  const ada = sent((await call('POST', '/login', { json: { username: 'ada', password: PASSWORD } })).setCookie);
  const out = await call('POST', '/logout', { cookie: ada });
  assert.equal(out.status, 204);
  assert.match(out.setCookie ?? '', /^sid=;.*Max-Age=0/i, 'the cookie is cleared');
  assert.equal((await call('GET', '/me', { cookie: ada })).status, 401, 'a copy of the old cookie must not work after logout');
});

test('sessions end after idleSeconds without a request; requests keep them alive', async (t) => {
  const { clock, call } = await start(t);
  const ada = sent((await call('POST', '/login', { json: { username: 'ada', password: PASSWORD } })).setCookie);
  clock.ms += 50_000;
  assert.equal((await call('GET', '/me', { cookie: ada })).status, 200, '50 s idle: alive');
  clock.ms += 50_000;
  assert.equal((await call('GET', '/me', { cookie: ada })).status, 200, '100 s after login but 50 s idle: alive');
  clock.ms += 60_001;
  assert.equal((await call('GET', '/me', { cookie: ada })).status, 401, 'more than 60 s idle: ended');
});

test('a wrong password is 401 without a cookie', async (t) => {
  const { call } = await start(t);
  const res = await call('POST', '/login', { json: { username: 'ada', password: 'nope' } });
  assert.equal(res.status, 401);
  assert.equal(res.setCookie, null);
});
