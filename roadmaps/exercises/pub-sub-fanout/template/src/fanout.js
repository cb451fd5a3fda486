// The fan-out service: WebSocket clients join a room by connecting to /rooms/<room>, and every
// message PUBLISHed on that room's Redis channel is relayed to them. See README.md for the rules.
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { WebSocketServer } = require('ws');

const ROOM_PATH = /^\/rooms\/([A-Za-z0-9_-]{1,40})$/;

function createFanoutServer({ redis, channelPrefix = 'room:' }) {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  // room name -> the clients ({ id, ws }) in it, on this instance
  const rooms = new Map();

  // TODO: a connection that has SUBSCRIBEd takes no other commands (on RESP2), so subscriptions need their own
  // connection: one for the whole service, made with redis.duplicate() and connected once.

  function channelOf(room) {
    // TODO: the room's channel is channelPrefix + the room's name (channelPrefix is
    // REDIS_KEY_PREFIX + "room:").
    return room;
  }

  // Called with each message that arrives on the channel of `room`.
  function deliver(room, raw) {
    // TODO: parse raw as JSON { from, text }; skip it if it is not an object with a string text.
    // Send {"type":"message","room":…,"from":…,"text":…} to every client of the room, except the
    // client whose id is `from`.
  }

  async function join(room, client) {
    // TODO: add the client to its room. If it is the room's first client, SUBSCRIBE to the room's
    // channel (with a listener that calls deliver). Resolve only once the subscription is confirmed.
    let members = rooms.get(room);
    if (!members) {
      members = new Set();
      rooms.set(room, members);
    }
    members.add(client);
  }

  async function leave(room, client) {
    // TODO: remove the client from its room. If it was the last one, forget the room and
    // UNSUBSCRIBE from its channel.
  }

  wss.on('connection', (ws, room) => {
    const client = { id: randomUUID(), ws };
    ws.on('close', () => {
      leave(room, client).catch((err) => console.error(`Could not leave ${room}:`, err.message));
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      // TODO: PUBLISH {"from": client.id, "text": <the frame's text>} on the room's channel.
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

  // The HTTP side (done for you): WebSocket upgrades on /rooms/<room>, 404 for any other path.
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
  return server;
}

module.exports = { createFanoutServer };
