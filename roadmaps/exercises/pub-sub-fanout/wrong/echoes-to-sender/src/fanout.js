// The fan-out service: WebSocket clients join a room by connecting to /rooms/<room>, and every
// message PUBLISHed on that room's Redis channel is relayed to them.
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { WebSocketServer } = require('ws');

const ROOM_PATH = /^\/rooms\/([A-Za-z0-9_-]{1,40})$/;

function createFanoutServer({ redis, channelPrefix = 'room:' }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  // room name -> the clients in it (on this instance)
  const rooms = new Map();
  // room name -> the SUBSCRIBE (or UNSUBSCRIBE) in flight for it, so joins wait for it
  const pending = new Map();

  // A connection in subscribe mode takes no other commands, so subscriptions get their own
  // connection, one for the whole service; `redis` stays free for PUBLISH.
  let subscriber;
  function getSubscriber() {
    if (!subscriber) {
      const client = redis.duplicate();
      client.on('error', (err) => console.error('Redis subscriber:', err.message));
      subscriber = client.connect().then(() => client);
    }
    return subscriber;
  }

  function channelOf(room) {
    return `${channelPrefix}${room}`;
  }

  function deliver(room, raw) {
    let message;
    try {
      message = JSON.parse(raw);
    } catch {
      return; // not JSON: skipped
    }
    if (message === null || typeof message !== 'object' || typeof message.text !== 'string') return;
    const from = typeof message.from === 'string' ? message.from : null;
    const frame = JSON.stringify({ type: 'message', room, from, text: message.text });
    for (const client of rooms.get(room) ?? []) {
      // WRONG: the sender gets its own message back.
      if (client.ws.readyState === client.ws.OPEN) client.ws.send(frame);
    }
  }

  async function join(room, client) {
    let members = rooms.get(room);
    if (!members) {
      members = new Set();
      rooms.set(room, members);
    }
    members.add(client);
    if (members.size === 1) {
      // The first client of the room: SUBSCRIBE, after any UNSUBSCRIBE still in flight for it.
      const before = pending.get(room) ?? Promise.resolve();
      const subscribed = before
        .catch(() => {})
        .then(getSubscriber)
        .then((sub) => sub.subscribe(channelOf(room), (message) => deliver(room, message)));
      pending.set(room, subscribed);
    }
    await pending.get(room);
  }

  async function leave(room, client) {
    const members = rooms.get(room);
    if (!members || !members.delete(client)) return;
    if (members.size > 0) return;
    // The last client left: UNSUBSCRIBE, so Redis stops sending this instance the room's messages.
    rooms.delete(room);
    const before = pending.get(room) ?? Promise.resolve();
    const unsubscribed = before
      .catch(() => {})
      .then(getSubscriber)
      .then((sub) => sub.unsubscribe(channelOf(room)));
    pending.set(room, unsubscribed);
    await unsubscribed;
  }

  wss.on('connection', (ws, room) => {
    const client = { id: randomUUID(), ws };
    ws.on('close', () => {
      leave(room, client).catch((err) => console.error(`Could not leave ${room}:`, err.message));
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const message = JSON.stringify({ from: client.id, text: data.toString() });
      redis.publish(channelOf(room), message).catch((err) => console.error('PUBLISH failed:', err.message));
    });
    join(room, client).then(
      () => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ type: 'joined', room, id: client.id }));
      },
      (err) => {
        console.error(`Could not join ${room}:`, err.message);
        ws.close(1011, 'Redis is not available');
      },
    );
  });

  const server = http.createServer((req, res) => {
    res.writeHead(426, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'Connect with a WebSocket to /rooms/<room>' }));
  });
  server.on('upgrade', (req, socket, head) => {
    const route = ROOM_PATH.exec(new URL(req.url, 'http://localhost').pathname);
    if (!route) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, route[1]));
  });
  server.on('close', () => {
    if (subscriber) subscriber.then((sub) => sub.quit()).catch(() => {});
  });
  return server;
}

module.exports = { createFanoutServer };
