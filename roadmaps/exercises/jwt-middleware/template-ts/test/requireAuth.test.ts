import { test } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import jwt from 'jsonwebtoken';
import { createApp } from '../src/app';
import { requireAuth } from '../src/requireAuth';

const secret = 'test-secret-that-is-long-enough-for-hs256-0123456789';
const app = createApp({ secret }); // no state, so one app for all tests; supertest opens and closes a port per request

const sign = (payload: object = { sub: 'user-42', name: 'Ada' }, options: jwt.SignOptions = {}) =>
  jwt.sign(payload, secret, { algorithm: 'HS256', expiresIn: '5m', ...options });

const got = (res: request.Response) => `got ${res.status} ${res.text}`;

// Every rejection must look the same to the client: 401, a Bearer challenge and a JSON error.
function assertRejected(res: request.Response, why: string) {
  assert.equal(res.status, 401, `${why} should get 401 Unauthorized; ${got(res)}`);
  assert.match(
    res.headers['www-authenticate'] ?? '(none)',
    /^Bearer\b/,
    'a 401 must carry a "WWW-Authenticate: Bearer ..." header telling the client how to authenticate',
  );
  assert.equal(typeof res.body.error, 'string', 'a 401 should have a JSON body { error: "..." }');
}

test('requireAuth() without a secret throws right away', () => {
  assert.throws(() => requireAuth({}), /secret/i, 'requireAuth({}) should throw an Error mentioning the missing secret');
});

test('GET /health is public (already works)', async () => {
  const res = await request(app).get('/health');
  assert.equal(res.status, 200);
});

test('no Authorization header: 401 with WWW-Authenticate: Bearer', async () => {
  const res = await request(app).get('/me');
  assertRejected(res, 'a request without an Authorization header');
});

for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Token abc.def.ghi', 'Bearer one two', 'BEARER_TOKEN']) {
  test(`malformed header "Authorization: ${header}": 401`, async () => {
    const res = await request(app).get('/me').set('Authorization', header);
    assertRejected(res, `"Authorization: ${header}"`);
  });
}

test('a token without the "Bearer " scheme: 401', async () => {
  const res = await request(app).get('/me').set('Authorization', sign());
  assertRejected(res, 'a bare token with no "Bearer " in front');
});

test('a token that is not a JWT: 401', async () => {
  const res = await request(app).get('/me').set('Authorization', 'Bearer not-a-jwt');
  assertRejected(res, 'a garbage token');
});

test('an expired token: 401, and the error says it expired', async () => {
  // exp is in seconds since 1970; one minute ago.
  const expired = jwt.sign({ sub: 'user-42', exp: Math.floor(Date.now() / 1000) - 60 }, secret, { algorithm: 'HS256' });
  const res = await request(app).get('/me').set('Authorization', `Bearer ${expired}`);
  assertRejected(res, 'an expired token');
  assert.match(res.body.error, /expired/i, 'tell the client the token expired, so it knows to get a new one');
});

test('a token signed with another secret: 401', async () => {
  const forged = jwt.sign({ sub: 'admin' }, 'some-other-secret-the-attacker-knows-0123456789', { algorithm: 'HS256' });
  const res = await request(app).get('/me').set('Authorization', `Bearer ${forged}`);
  assertRejected(res, 'a token with a wrong signature');
  assert.doesNotMatch(res.body.error, /expired/i, 'a bad signature is not an expired token');
});

test('an unsigned token with "alg": "none": 401', async () => {
  const part = (obj: object) => Buffer.from(JSON.stringify(obj)).toString('base64url');
  const unsigned = `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'admin', exp: Math.floor(Date.now() / 1000) + 300 })}.`;
  const res = await request(app).get('/me').set('Authorization', `Bearer ${unsigned}`);
  assertRejected(res, 'a token with alg "none" and no signature');
});

test('a token signed with HS512 (not the pinned HS256): 401', async () => {
  const hs512 = sign(undefined, { algorithm: 'HS512' });
  const res = await request(app).get('/me').set('Authorization', `Bearer ${hs512}`);
  assertRejected(res, 'a token using an algorithm other than HS256');
});

test('a valid token: 200, and req.user holds its claims', async () => {
  const res = await request(app).get('/me').set('Authorization', `Bearer ${sign()}`);
  assert.equal(res.status, 200, got(res));
  assert.ok(res.body.user, `req.user should be set to the token's claims; /me answered ${res.text}`);
  assert.equal(res.body.user.sub, 'user-42', 'req.user.sub should be the "sub" claim of the token');
  assert.equal(res.body.user.name, 'Ada');
});

test('the scheme name is case-insensitive: "bearer <token>" works too', async () => {
  const res = await request(app).get('/me').set('Authorization', `bearer ${sign()}`);
  assert.equal(res.status, 200, `HTTP auth scheme names are case-insensitive (RFC 7235); ${got(res)}`);
  assert.equal(res.body.user?.sub, 'user-42');
});
