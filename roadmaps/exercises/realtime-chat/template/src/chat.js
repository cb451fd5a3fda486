const http = require('node:http');
const { WebSocketServer } = require('ws');
// const jwt = require('jsonwebtoken'); // milestone 3

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

/**
 * The chat service: an HTTP server whose upgrades to /rooms/<room> are WebSocket chat connections.
 * server.js passes two connected Redis clients (`redis` for commands, `subscriber` for SUBSCRIBE),
 * the key prefix, the JWT secret and the rate limit; leave them unused until the milestone that needs them.
 */
function createChatServer({ redis, subscriber, keyPrefix, jwtSecret, rateLimit, rateWindowMs }) {
  /** room -> the sockets of this instance in it; keep what you need per socket, e.g. { ws, name } */
  const rooms = new Map();

  const server = http.createServer((req, res) => {
    // TODO milestone 2: GET /rooms/:room/messages?limit=N answers { room, messages }, newest last.
    // TODO milestone 3: every route answers 401 without a valid "Authorization: Bearer <token>".
    // TODO milestone 5: GET /rooms/:room/users answers { room, users }, sorted.
    sendJson(res, 404, { error: 'not found' });
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
    // TODO milestone 1: the name is params.get('name'). Send the newcomer its welcome
    //   { type: 'welcome', room, name }, add it to the room, and tell everyone in the room (the
    //   newcomer too) { type: 'join', room, name, at }. Handle its frames and its close.
    // TODO milestone 2: with ?history=N, send { type: 'history', messages } right after the welcome.
    // TODO milestone 3: the name comes from the JWT in ?token= (its sub claim); a missing or bad
    //   token closes the connection with code 4401.
    // TODO milestone 4: subscribe (once per room) to the room's channel; events reach the sockets
    //   from there, and every event is PUBLISHed instead of sent directly.
    // TODO milestone 5: add the name to the room's users set.
    ws.on('error', () => {});
  }

  // TODO milestone 1: a frame { type: 'message', text } goes to everyone in the room (the sender too)
  //   as { type: 'message', room, from, text, at }; anything else answers { type: 'error', error: 'invalid_message' }.
  // TODO milestone 2: keep the room's last HISTORY_KEPT messages (milestone 4: in a Redis list).
  // TODO milestone 5: over the rate limit, answer { type: 'error', error: 'rate_limited' } instead.

  // TODO milestone 1: when a socket closes, tell the room { type: 'leave', room, name, at }.
  // TODO milestone 5: and take the name out of the users set if it has no other socket in the room.

  return server;
}

module.exports = { createChatServer, sendJson, roomPath, MAX_TEXT, HISTORY_KEPT };
