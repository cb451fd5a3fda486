// Your own tests: the check runs them before the spec. Add some as you go (a WebSocket client is
// `new WebSocket(url)` from the ws package; Redis clients come from createClient in the redis package).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { once } = require('node:events');
const { createChatServer, roomPath } = require('../src/chat');

test('roomPath splits a room path and refuses others', () => {
  assert.deepEqual(roomPath('/rooms/lobby'), { room: 'lobby', rest: '' });
  assert.deepEqual(roomPath('/rooms/lobby/messages'), { room: 'lobby', rest: '/messages' });
  assert.equal(roomPath('/rooms/Lobby'), undefined);
  assert.equal(roomPath('/elsewhere'), undefined);
});

test('an unknown HTTP path answers 404 with a JSON error', async (t) => {
  // No Redis needed for this one: the 404 answers before any Redis command.
  const server = createChatServer({ keyPrefix: 'test:', jwtSecret: 'test', rateLimit: 3, rateWindowMs: 1000 });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => server.close());
  const res = await fetch(`http://127.0.0.1:${server.address().port}/nowhere`);
  assert.equal(res.status, 404);
  assert.equal(typeof (await res.json()).error, 'string');
});
