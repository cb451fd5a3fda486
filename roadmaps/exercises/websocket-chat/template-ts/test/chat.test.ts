import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { createChatServer, type ChatServer } from '../src/chatServer';

const WAIT_MS = 1000;

/** What a test sees of a server message: parsed JSON, or the raw text when it was not JSON. */
type Received = { type?: unknown; [key: string]: any };

interface Client {
  ws: WebSocket;
  send(value: string | object): void;
  next(what: string): Promise<Received>;
  expect(type: string, what: string): Promise<Received>;
  join(name: string): Promise<Received>;
  close(): Promise<void>;
}

/** Starts a fresh server for one test; everything it opens is closed when the test ends. */
async function startChat(t: TestContext): Promise<{ chat: ChatServer; connect: () => Promise<Client> }> {
  const chat = await createChatServer({ port: 0 });
  const clients: Client[] = [];
  t.after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await chat.close();
  });
  return {
    chat,
    connect: async () => {
      const client = await openClient(chat.port);
      clients.push(client);
      return client;
    },
  };
}

/** A real ws client that queues what it receives, so a test can await messages in order. */
function openClient(port: number): Promise<Client> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}`);
  ws.on('error', () => {}); // a refused or reset connection shows up as a failed await below, not a crash
  const inbox: Received[] = [];
  const waiting: ((msg: Received) => void)[] = [];
  ws.on('message', (data) => {
    let msg: Received;
    try {
      msg = JSON.parse(data.toString());
    } catch {
      msg = { notJson: data.toString() };
    }
    const waiter = waiting.shift();
    if (waiter) waiter(msg);
    else inbox.push(msg);
  });

  const client: Client = {
    ws,
    send: (value) => ws.send(typeof value === 'string' ? value : JSON.stringify(value)),
    /** The next message, or a failure that says what we were waiting for. */
    next(what) {
      const queued = inbox.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const done = (msg: Received) => {
          clearTimeout(timer);
          resolve(msg);
        };
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(done), 1);
          reject(new Error(`waited ${WAIT_MS} ms for ${what}, but the server sent nothing`));
        }, WAIT_MS);
        waiting.push(done);
      });
    },
    /** The next message, which must have this type. */
    async expect(type, what) {
      const msg = await client.next(what);
      assert.equal(msg.type, type, `expected ${what} ({"type":"${type}", ...}) but got ${JSON.stringify(msg)}`);
      return msg;
    },
    async join(name) {
      client.send({ type: 'join', name });
      const welcome = await client.expect('welcome', `a welcome after joining as "${name}"`);
      assert.equal(welcome.name, name, 'the welcome message repeats the name you joined with');
      return welcome;
    },
    close() {
      if (ws.readyState === WebSocket.CLOSED) return Promise.resolve();
      return new Promise((resolve) => {
        ws.once('close', () => resolve());
        ws.terminate();
      });
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('error', reject);
  });
}

function assertRecentTimestamp(at: unknown): void {
  assert.ok(typeof at === 'string', '`at` is a string from new Date().toISOString()');
  assert.equal(new Date(at).toISOString(), at, '`at` is an ISO 8601 timestamp such as 2025-01-31T12:00:00.000Z');
  assert.ok(Math.abs(Date.now() - Date.parse(at)) < 5000, '`at` is the time the server handled the message');
}

test('createChatServer({ port: 0 }) listens on a free port', async (t) => {
  const { chat, connect } = await startChat(t);
  assert.ok(Number.isInteger(chat.port) && chat.port > 0, 'the returned object has the real port');
  const client = await connect();
  assert.equal(client.ws.readyState, WebSocket.OPEN);
});

test('joining: a welcome for you with who is here, a join announcement for the others', async (t) => {
  const { connect } = await startChat(t);
  const ada = await connect();
  const first = await ada.join('ada');
  assert.deepEqual(first.users, [], 'the first one in sees an empty users list');

  const bob = await connect();
  const second = await bob.join('bob');
  assert.deepEqual(second.users, ['ada'], 'users lists the names that joined before you, not yours');

  const announced = await ada.expect('join', 'ada to hear that bob joined');
  assert.equal(announced.name, 'bob', 'ada should hear only about bob: the one who joins gets the welcome, not a join announcement');
  assertRecentTimestamp(announced.at);
});

test('a message goes to the other clients as { type, from, text, at }, not back to the sender', async (t) => {
  const { connect } = await startChat(t);
  const ada = await connect();
  const bob = await connect();
  const cy = await connect();
  await ada.join('ada');
  await bob.join('bob');
  await ada.expect('join', 'ada to hear that bob joined');
  await cy.join('cy');
  await ada.expect('join', 'ada to hear that cy joined');
  await bob.expect('join', 'bob to hear that cy joined');

  ada.send({ type: 'message', text: 'hello, room' });
  for (const [name, client] of [['bob', bob], ['cy', cy]] as const) {
    const msg = await client.expect('message', `${name} to get ada's message`);
    assert.equal(msg.from, 'ada', 'from is the name the sender joined with');
    assert.equal(msg.text, 'hello, room');
    assertRecentTimestamp(msg.at);
    assert.deepEqual(Object.keys(msg).sort(), ['at', 'from', 'text', 'type']);
  }

  // If ada got her own message back, it would arrive before bob's reply.
  bob.send({ type: 'message', text: 'hi ada' });
  const next = await ada.expect('message', "ada to get bob's reply");
  assert.equal(next.from, 'bob', 'the sender must not get its own message back; broadcast to the others only');
  assert.equal(next.text, 'hi ada');
});

test('messages before join are refused with an error, and nobody receives them', async (t) => {
  const { connect } = await startChat(t);
  const ada = await connect();
  const bob = await connect();
  const stranger = await connect();
  await ada.join('ada');
  await bob.join('bob');
  await ada.expect('join', 'ada to hear that bob joined');

  stranger.send({ type: 'message', text: 'who am I?' });
  const error = await stranger.expect('error', 'an error for a message sent before join');
  assert.match(error.reason, /join/i, 'the reason tells the client to join first');

  bob.send({ type: 'message', text: 'after the stranger' });
  const next = await ada.expect('message', "ada to get bob's message");
  assert.equal(next.from, 'bob', "a message from a client that has not joined must not be broadcast");

  assert.equal(stranger.ws.readyState, WebSocket.OPEN, 'the connection stays open after an error');
  await stranger.join('stranger');
});

test('invalid JSON gets { type: "error", reason } and the connection stays usable', async (t) => {
  const { connect } = await startChat(t);
  const client = await connect();
  client.send('this is {not json');
  const error = await client.expect('error', 'an error for invalid JSON');
  assert.match(error.reason, /json/i, 'the reason says the JSON was invalid');
  assert.equal(client.ws.readyState, WebSocket.OPEN, 'do not close the connection for a bad message');
  await client.join('still-here');
});

test('JSON that is not an object, and unknown types, get an error too', async (t) => {
  const { connect } = await startChat(t);
  const client = await connect();
  for (const bad of ['42', 'null', '[1,2]', '"join"']) {
    client.send(bad);
    const error = await client.expect('error', `an error for ${bad}`);
    assert.equal(typeof error.reason, 'string');
  }
  client.send({ type: 'shout', text: 'HELLO' });
  const error = await client.expect('error', 'an error for the unknown type "shout"');
  assert.match(error.reason, /shout/, 'the reason names the unknown type');
  client.send({ text: 'no type at all' });
  await client.expect('error', 'an error for a message without a type');
  await client.join('ada');
});

test('join needs a usable name that nobody else has, and only once', async (t) => {
  const { connect } = await startChat(t);
  const ada = await connect();
  for (const join of [{ type: 'join' }, { type: 'join', name: '' }, { type: 'join', name: '   ' }, { type: 'join', name: 7 }, { type: 'join', name: 'x'.repeat(33) }]) {
    ada.send(join);
    await ada.expect('error', `an error for the join ${JSON.stringify(join)}`);
  }
  await ada.join('ada');
  ada.send({ type: 'join', name: 'ada2' });
  await ada.expect('error', 'an error when the same connection joins twice');

  const other = await connect();
  other.send({ type: 'join', name: 'ada' });
  const taken = await other.expect('error', 'an error when the name is already taken');
  assert.match(taken.reason, /taken|use/i, 'the reason says the name is taken');
});

test('empty or missing text is refused and not broadcast', async (t) => {
  const { connect } = await startChat(t);
  const ada = await connect();
  const bob = await connect();
  await ada.join('ada');
  await bob.join('bob');
  await ada.expect('join', 'ada to hear that bob joined');

  for (const bad of [{ type: 'message' }, { type: 'message', text: '' }, { type: 'message', text: 42 }]) {
    bob.send(bad);
    await bob.expect('error', `an error for ${JSON.stringify(bad)}`);
  }
  bob.send({ type: 'message', text: 'a real one' });
  const next = await ada.expect('message', "ada to get bob's real message");
  assert.equal(next.text, 'a real one', 'refused messages must not reach the others');
});

test('when a client that joined disconnects, the others get { type: "leave", name, at }', async (t) => {
  const { connect } = await startChat(t);
  const ada = await connect();
  const bob = await connect();
  await ada.join('ada');
  await bob.join('bob');
  await ada.expect('join', 'ada to hear that bob joined');

  await bob.close();
  const leave = await ada.expect('leave', 'ada to hear that bob left');
  assert.equal(leave.name, 'bob');
  assertRecentTimestamp(leave.at);

  // The name is free again.
  const bob2 = await connect();
  await bob2.join('bob');
});

test('close() disconnects the clients and stops the server', async () => {
  const chat = await createChatServer({ port: 0 });
  const client = await openClient(chat.port);
  const closed = new Promise<void>((resolve) => client.ws.once('close', () => resolve()));
  await chat.close();
  await closed;
  await assert.rejects(openClient(chat.port), 'no new connections after close()');
});
