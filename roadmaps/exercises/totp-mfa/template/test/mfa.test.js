const { test } = require('node:test');
const assert = require('node:assert/strict');
const { createMfa } = require('../src/mfa');
const { createApp } = require('../src/app');

const RFC_KEY = Buffer.from('12345678901234567890', 'ascii');
const RFC_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
// HOTP codes of RFC_KEY by step (RFC 4226, Appendix D, and beyond).
const CODE = { 1: '287082', 2: '359152', 33: '841346', 36: '003784', 44: '000152' };

function enrolled(options = { maxFailures: 3, lockoutSeconds: 300 }) {
  const mfa = createMfa(options);
  mfa.enroll('ada', { secret: RFC_KEY, digits: 6 });
  return mfa;
}

test('enroll makes a new 20-byte random secret per user, and refuses a second enrolment', () => {
  const mfa = createMfa({ maxFailures: 3, lockoutSeconds: 300 });
  const ada = mfa.enroll('ada', { digits: 6 });
  const grace = mfa.enroll('grace', { digits: 6 });
  assert.ok(Buffer.isBuffer(ada.secret) && ada.secret.length === 20, 'the secret should be 20 random bytes');
  assert.notDeepEqual(ada.secret, grace.secret, 'two users should not share a secret');
  assert.equal(mfa.enroll('ada', { digits: 6 }), undefined, 'enrolling ada again should return undefined');
});

test('the right code is ok, a wrong one invalid, an unknown user unknown-user', () => {
  const mfa = enrolled();
  assert.deepEqual(mfa.verify('ada', '287083', 59), { status: 'invalid' });
  assert.deepEqual(mfa.verify('ada', CODE[1], 59), { status: 'ok' });
  assert.deepEqual(mfa.verify('nobody', CODE[1], 59), { status: 'unknown-user' });
});

test('codes are compared as strings of the right length, never as numbers', () => {
  const mfa = enrolled();
  assert.deepEqual(mfa.verify('ada', '81804', 1111111109), { status: 'invalid' }, '"81804" is not "081804"');
  assert.deepEqual(mfa.verify('ada', '081804', 1111111109), { status: 'ok' });
});

test('the window is one step either side, no more', () => {
  assert.deepEqual(enrolled().verify('ada', CODE[1], 89), { status: 'ok' }, 'at 89 (step 2) the code of step 1 is one behind');
  assert.deepEqual(enrolled().verify('ada', CODE[1], 29), { status: 'ok' }, 'at 29 (step 0) the code of step 1 is one ahead');
  assert.deepEqual(enrolled().verify('ada', CODE[1], 90), { status: 'invalid' }, 'at 90 (step 3) the code of step 1 is two behind');
  assert.deepEqual(enrolled().verify('ada', CODE[2], 29), { status: 'invalid' }, 'at 29 (step 0) the code of step 2 is two ahead');
});

test('an accepted code cannot be replayed, nor an older one', () => {
  const mfa = enrolled();
  assert.deepEqual(mfa.verify('ada', CODE[1], 59), { status: 'ok' });
  assert.deepEqual(mfa.verify('ada', CODE[1], 60), { status: 'invalid' }, 'the same code again');
  assert.deepEqual(mfa.verify('ada', CODE[2], 60), { status: 'ok' });
  assert.deepEqual(mfa.verify('ada', CODE[1], 61), { status: 'invalid' }, 'an older code than the last accepted one');
});

test('maxFailures wrong codes in a row lock the account for lockoutSeconds, then the count restarts', () => {
  const mfa = enrolled();
  assert.deepEqual(mfa.verify('ada', '000000', 1000), { status: 'invalid' });
  assert.deepEqual(mfa.verify('ada', '111111', 1000), { status: 'invalid' });
  assert.deepEqual(mfa.verify('ada', '222222', 1001), { status: 'invalid' }, 'the third failure is still invalid, and locks');
  assert.deepEqual(mfa.verify('ada', CODE[33], 1001), { status: 'locked', retryAfter: 300 }, 'locked even for the right code');
  assert.deepEqual(mfa.verify('ada', CODE[33], 1300.5), { status: 'locked', retryAfter: 1 }, 'retryAfter rounds up');
  assert.deepEqual(mfa.verify('ada', CODE[44], 1320), { status: 'ok' }, 'the lock has run out');
  assert.deepEqual(mfa.verify('ada', '000000', 1330), { status: 'invalid' });
  assert.deepEqual(mfa.verify('ada', '111111', 1330), { status: 'invalid' }, 'two failures after the lock: not locked yet');
});

test('a right code resets the count of wrong codes', () => {
  const mfa = enrolled();
  mfa.verify('ada', '000000', 1000);
  mfa.verify('ada', '111111', 1000);
  assert.deepEqual(mfa.verify('ada', CODE[33], 1000), { status: 'ok' });
  mfa.verify('ada', '000000', 1050);
  mfa.verify('ada', '111111', 1050);
  assert.deepEqual(mfa.verify('ada', CODE[36], 1080), { status: 'ok' });
});

test('over HTTP: enroll with the RFC secret in test mode, then verify with X-Test-Now', async (t) => {
  const server = createApp({ maxFailures: 3, lockoutSeconds: 300, testMode: true });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise((resolve) => server.close(resolve)));
  const base = `http://127.0.0.1:${server.address().port}`;
  const post = (path, body, now) =>
    fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(now === undefined ? {} : { 'x-test-now': String(now) }) },
      body: JSON.stringify(body),
    });

  const enroll = await post('/mfa/enroll', { user: 'rfc', secret: RFC_BASE32, digits: 8 });
  assert.equal(enroll.status, 201);
  const body = await enroll.json();
  assert.equal(body.secret, RFC_BASE32);
  assert.match(body.otpauthUrl, /^otpauth:\/\/totp\/.+secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ/);

  const ok = await post('/mfa/verify', { user: 'rfc', code: '07081804' }, 1111111109);
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { ok: true });
  const again = await post('/mfa/verify', { user: 'rfc', code: '07081804' }, 1111111109);
  assert.equal(again.status, 401, 'the same code twice');
});
