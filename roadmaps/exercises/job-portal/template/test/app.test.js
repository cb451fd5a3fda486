// Your own tests: the check runs them before the spec. These need no database; add some as you go
// (for routes that do, start PostgreSQL and build the app with createApp({ db: new Pool(...), secret })).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { once } = require('node:events');
const { createApp } = require('../src/app');
const { parseId, validateJob } = require('../src/validation');

test('parseId reads whole numbers that fit an integer column and refuses the rest', () => {
  assert.equal(parseId('42'), 42);
  for (const bad of ['0', '-1', '1.5', 'abc', '042', '12345678901']) assert.equal(parseId(bad), null, bad);
});

test('validateJob refuses a body that is not a JSON object', () => {
  assert.equal(typeof validateJob([1, 2]), 'string');
  assert.equal(typeof validateJob(null), 'string');
});

test('an unknown route answers 404 with a JSON error', async (t) => {
  // The database is never reached for this route.
  const server = createApp({ db: null, secret: 'test-secret' }).listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => server.close());
  const res = await fetch(`http://127.0.0.1:${server.address().port}/nowhere`);
  assert.equal(res.status, 404);
  assert.equal(typeof (await res.json()).error, 'string');
});
