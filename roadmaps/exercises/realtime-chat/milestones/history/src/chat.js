const http = require('node:http');
const { WebSocketServer, WebSocket } = require('ws');

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
  /** room -> the sockets in it, each { ws, name } */
  const rooms = new Map();
  /** room -> its last HISTORY_KEPT messages, oldest first */
  const history = new Map();

  const lastMessages = (room, count) => (history.get(room) ?? []).slice(-count);

  function broadcast(room, event) {
    const text = JSON.stringify(event);
    for (const client of rooms.get(room) ?? []) if (client.ws.readyState === WebSocket.OPEN) client.ws.send(text);
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const target = roomPath(url.pathname);
    if (req.method !== 'GET' || !target || target.rest !== '/messages') return sendJson(res, 404, { error: 'not found' });
    const raw = url.searchParams.get('limit') ?? '50';
    const limit = Number(raw);
    if (!/^\d+$/.test(raw) || limit < 1 || limit > HISTORY_KEPT) {
      return sendJson(res, 400, { error: `limit must be a whole number from 1 to ${HISTORY_KEPT}` });
    }
    return sendJson(res, 200, { room: target.room, messages: lastMessages(target.room, limit) });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url, 'http://localhost');
    const target = roomPath(url.pathname);
    if (!target || target.rest !== '') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => join(ws, target.room, url.searchParams));
  });

  function join(ws, room, params) {
    const name = params.get('name') || 'anonymous';
    const client = { ws, name };
    ws.on('message', (data) => onMessage(client, room, data));
    ws.on('close', () => leave(client, room));
    ws.on('error', () => {});
    ws.send(JSON.stringify({ type: 'welcome', room, name }));
    const wanted = params.get('history');
    if (wanted !== null) {
      const count = Math.min(Math.max(Number.parseInt(wanted, 10) || 0, 0), HISTORY_KEPT);
      ws.send(JSON.stringify({ type: 'history', messages: count > 0 ? lastMessages(room, count) : [] }));
    }
    if (!rooms.has(room)) rooms.set(room, new Set());
    rooms.get(room).add(client);
    broadcast(room, { type: 'join', room, name, at: new Date().toISOString() });
  }

  function onMessage(client, room, data) {
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
    const event = { type: 'message', room, from: client.name, text, at: new Date().toISOString() };
    if (!history.has(room)) history.set(room, []);
    const kept = history.get(room);
    kept.push(event);
    if (kept.length > HISTORY_KEPT) kept.shift();
    broadcast(room, event);
  }

  function leave(client, room) {
    rooms.get(room)?.delete(client);
    broadcast(room, { type: 'leave', room, name: client.name, at: new Date().toISOString() });
  }

  return server;
}

module.exports = { createChatServer, sendJson, roomPath, MAX_TEXT, HISTORY_KEPT };
