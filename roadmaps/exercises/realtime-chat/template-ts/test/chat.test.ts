// Your own tests: the check runs them before the spec. Add some as you go (a WebSocket client is
// `new WebSocket(url)` from the ws package; Redis clients come from createClient in the redis package).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createChatServer, roomPath, type ChatRedis, type ChatSubscriber } from '../src/chat';

test('roomPath splits a room path and refuses others', () => {
  assert.deepEqual(roomPath('/rooms/lobby'), { room: 'lobby', rest: '' });
  assert.deepEqual(roomPath('/rooms/lobby/messages'), { room: 'lobby', rest: '/messages' });
  assert.equal(roomPath('/rooms/Lobby'), undefined);
  assert.equal(roomPath('/elsewhere'), undefined);
});

test('an unknown HTTP path answers 404 with a JSON error', async (t) => {
  // No Redis needed for this one: the 404 answers before any Redis command.
  const unused = new Proxy({}, { get: () => () => Promise.reject(new Error('Redis is not used here')) });
  const server = createChatServer({
    redis: unused as ChatRedis,
    subscriber: unused as ChatSubscriber,
    keyPrefix: 'test:',
    jwtSecret: 'test',
    rateLimit: 3,
    rateWindowMs: 1000,
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  t.after(() => server.close());
  const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/nowhere`);
  assert.equal(res.status, 404);
  assert.equal(typeof ((await res.json()) as { error?: unknown }).error, 'string');
});
