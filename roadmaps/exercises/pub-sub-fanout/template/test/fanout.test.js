const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { WebSocket } = require('ws');
const { connectRedis } = require('./redis');
const { createFanoutServer } = require('../src/fanout');

// A random prefix per run, so runs never hear each other's channels.
const channelPrefix = `exercise:pub-sub-fanout:${crypto.randomBytes(6).toString('hex')}:room:`;
let redis;
let server;
let port;
const sockets = [];

before(async () => {
  redis = await connectRedis();
  server = createFanoutServer({ redis, channelPrefix });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = server.address().port;
});

after(async () => {
  // Drop any client a failed test left open, or the server would wait for it forever.
  for (const ws of sockets) ws.terminate();
  await new Promise((resolve) => server.close(resolve));
  if (redis) await redis.close();
});

// A client that queues the frames it receives, so a test can wait for the next one.
async function connect(room) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/rooms/${room}`);
  sockets.push(ws);
  const frames = [];
  const waiting = [];
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    const next = waiting.shift();
    if (next) next(frame);
    else frames.push(frame);
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const client = {
    ws,
    next(ms = 2000) {
      if (frames.length > 0) return Promise.resolve(frames.shift());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(done), 1);
          reject(new Error(`No frame within ${ms} ms in room ${room}.`));
        }, ms);
        const done = (frame) => {
          clearTimeout(timer);
          resolve(frame);
        };
        waiting.push(done);
      });
    },
    async nothingFor(ms) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      assert.equal(frames.length, 0, `Room ${room} got a frame it should not have: ${JSON.stringify(frames[0])}`);
    },
    close() {
      ws.close();
      return new Promise((resolve) => ws.once('close', resolve));
    },
  };
  const joined = await client.next().catch(() => {
    throw new Error(`The client got no joined frame: send {"type":"joined",…} once the room's channel is subscribed.`);
  });
  assert.deepEqual(joined, { type: 'joined', room, id: joined.id }, 'The first frame should be the joined frame.');
  client.id = joined.id;
  return client;
}

const numsub = async (room) => (await redis.pubSubNumSub(`${channelPrefix}${room}`))[`${channelPrefix}${room}`];

test('a message published on a room channel reaches the clients of that room only', async () => {
  const ann = await connect('kitchen');
  const bob = await connect('kitchen');
  const cat = await connect('garden');
  assert.equal(await numsub('kitchen'), 1, 'The kitchen channel should have one subscriber: the service, once for all its clients.');
  await redis.publish(`${channelPrefix}kitchen`, JSON.stringify({ from: 'chef', text: 'Soup is ready' }));
  const expected = { type: 'message', room: 'kitchen', from: 'chef', text: 'Soup is ready' };
  assert.deepEqual(await ann.next(), expected);
  assert.deepEqual(await bob.next(), expected);
  await cat.nothingFor(300);
  await Promise.all([ann.close(), bob.close(), cat.close()]);
});

test("a client's text goes to the others in its room, not back to itself", async () => {
  const ann = await connect('hall');
  const bob = await connect('hall');
  ann.ws.send('Who took my spoon?');
  assert.deepEqual(await bob.next(), { type: 'message', room: 'hall', from: ann.id, text: 'Who took my spoon?' });
  await ann.nothingFor(300);
  await Promise.all([ann.close(), bob.close()]);
});

test('the channel is unsubscribed when the last client leaves, not the first', async () => {
  const ann = await connect('attic');
  const bob = await connect('attic');
  await ann.close();
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(await numsub('attic'), 1, 'bob is still in the room, so its channel should still be subscribed.');
  await bob.close();
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(await numsub('attic'), 0, 'The room is empty: its channel should be unsubscribed.');
});
