const http = require('node:http');
const { WebSocketServer, WebSocket } = require('ws');
const jwt = require('jsonwebtoken');

const MAX_TEXT = 500;
const HISTORY_KEPT = 100;

// Helpers (done): a JSON answer, and the room named by a path such as /rooms/lobby/messages.
function sendJson(res, status, body) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function roomPath(pathname) {
  const m = /^\/rooms\/([a-z0-9-]{1,32})(\/[a-z]+)?$/.exec(pathname);
  return m ? { room: m[1], rest: m[2] ?? '' } : undefined;
}

function createChatServer({ redis, subscriber, keyPrefix, jwtSecret, rateLimit, rateWindowMs }) {
  const channel = (room) => `${keyPrefix}chat:${room}`;
  const historyKey = (room) => `${keyPrefix}chat:${room}:history`;
  const usersKey = (room) => `${keyPrefix}chat:${room}:users`;
  /** room -> the sockets of this instance in it, each { ws, name } */
  const rooms = new Map();
  /** room -> the promise of this instance's one subscription to its channel */
  const subscriptions = new Map();
  /** user name -> the times (ms) of their recent messages */
  const sent = new Map();

  function userFrom(token) {
    if (!token) return undefined;
    try {
      const claims = jwt.verify(token, jwtSecret, { algorithms: ['HS256'] });
      return typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : undefined;
    } catch {
      return undefined;
    }
  }

  function bearer(req) {
    const m = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    return m ? m[1] : undefined;
  }

  // Every event of a room goes through its Redis channel, whichever instance it started on; each
  // instance passes what arrives to its own sockets in that room.
  function subscribe(room) {
    if (!subscriptions.has(room)) {
      subscriptions.set(
        room,
        subscriber.subscribe(channel(room), (message) => {
          for (const client of rooms.get(room) ?? []) if (client.ws.readyState === WebSocket.OPEN) client.ws.send(message);
        }),
      );
    }
    return subscriptions.get(room);
  }

  const publish = (room, event) => redis.publish(channel(room), JSON.stringify(event));

  async function lastMessages(room, count) {
    const items = await redis.lRange(historyKey(room), -count, -1);
    return items.map((item) => JSON.parse(item));
  }

  function allowed(name) {
    const now = Date.now();
    const recent = (sent.get(name) ?? []).filter((t) => now - t < rateWindowMs);
    if (recent.length >= rateLimit) {
      sent.set(name, recent);
      return false;
    }
    recent.push(now);
    sent.set(name, recent);
    return true;
  }

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://localhost');
      const target = roomPath(url.pathname);
      if (req.method !== 'GET' || !target || !['/messages', '/users'].includes(target.rest)) {
        return sendJson(res, 404, { error: 'not found' });
      }
      if (!userFrom(bearer(req))) return sendJson(res, 401, { error: 'a valid bearer token is required' });
      if (target.rest === '/users') {
        const users = (await redis.sMembers(usersKey(target.room))).sort();
        return sendJson(res, 200, { room: target.room, users });
      }
      const raw = url.searchParams.get('limit') ?? '50';
      const limit = Number(raw);
      if (!/^\d+$/.test(raw) || limit < 1 || limit > HISTORY_KEPT) {
        return sendJson(res, 400, { error: `limit must be a whole number from 1 to ${HISTORY_KEPT}` });
      }
      return sendJson(res, 200, { room: target.room, messages: await lastMessages(target.room, limit) });
    } catch (err) {
      console.error(err);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    }
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url, 'http://localhost');
    const target = roomPath(url.pathname);
    if (!target || target.rest !== '') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      join(ws, target.room, url.searchParams).catch((err) => {
        console.error(err);
        ws.close(1011, 'internal error');
      });
    });
  });

  async function join(ws, room, params) {
    // The name comes from the verified token, never from what the client says it is.
    const user = userFrom(params.get('token'));
    if (!user) return ws.close(4401, 'invalid or missing token');
    // WRONG: the token is checked, but the name the client chose still wins over the token's subject.
    const name = params.get('name') || user;
    const client = { ws, name, joined: false, left: false };
    ws.on('message', (data) => onMessage(client, room, data).catch((err) => console.error(err)));
    ws.on('close', () => leave(client, room).catch((err) => console.error(err)));
    ws.on('error', () => {});

    await redis.sAdd(usersKey(room), name);
    await subscribe(room);
    if (client.left) return;
    ws.send(JSON.stringify({ type: 'welcome', room, name }));
    const wanted = params.get('history');
    if (wanted !== null) {
      const count = Math.min(Math.max(Number.parseInt(wanted, 10) || 0, 0), HISTORY_KEPT);
      ws.send(JSON.stringify({ type: 'history', messages: count > 0 ? await lastMessages(room, count) : [] }));
    }
    if (!rooms.has(room)) rooms.set(room, new Set());
    rooms.get(room).add(client);
    client.joined = true;
    await publish(room, { type: 'join', room, name, at: new Date().toISOString() });
  }

  async function onMessage(client, room, data) {
    if (!client.joined) return;
    let frame;
    try {
      frame = JSON.parse(String(data));
    } catch {
      frame = undefined;
    }
    const text = frame && typeof frame === 'object' && frame.type === 'message' ? frame.text : undefined;
    if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT) {
      client.ws.send(JSON.stringify({ type: 'error', error: 'invalid_message' }));
      return;
    }
    if (!allowed(client.name)) {
      client.ws.send(JSON.stringify({ type: 'error', error: 'rate_limited' }));
      return;
    }
    const event = JSON.stringify({ type: 'message', room, from: client.name, text, at: new Date().toISOString() });
    // Stored and published in one round trip, in order; the message reaches the sockets (the
    // sender's too) when it comes back from the channel.
    await redis
      .multi()
      .rPush(historyKey(room), event)
      .lTrim(historyKey(room), -HISTORY_KEPT, -1)
      .publish(channel(room), event)
      .exec();
  }

  async function leave(client, room) {
    client.left = true;
    if (!client.joined) return;
    const members = rooms.get(room);
    members?.delete(client);
    const stillHere = [...(members ?? [])].some((c) => c.name === client.name);
    if (!stillHere) await redis.sRem(usersKey(room), client.name);
    await publish(room, { type: 'leave', room, name: client.name, at: new Date().toISOString() });
  }

  return server;
}

module.exports = { createChatServer, sendJson, roomPath, MAX_TEXT, HISTORY_KEPT };
