import type { AddressInfo } from 'node:net';
import { WebSocketServer, WebSocket, type RawData } from 'ws';

const MAX_NAME = 32;
const MAX_TEXT = 1000;

/** Every message the server sends, with exactly these keys (`at` is new Date().toISOString()). */
export type ServerMessage =
  | { type: 'welcome'; name: string; users: string[] } // to the one who joined
  | { type: 'join'; name: string; at: string } // to the others
  | { type: 'message'; from: string; text: string; at: string } // to the others, never back to the sender
  | { type: 'leave'; name: string; at: string } // to the others
  | { type: 'error'; reason: string }; // the connection stays open

/** A frame from a client, once you know it is a JSON object. Its fields are unchecked. */
type ClientMessage = Record<string, unknown>;

export interface ChatServer {
  /** The port it really listens on (useful with port 0). */
  port: number;
  /** Disconnects every client and stops the server. */
  close(): Promise<void>;
}

export interface ChatServerOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
}

/**
 * Starts a chat server on `port` (0 picks a free one). Resolves once it listens, with the real port
 * and a close() that disconnects every client and stops the server.
 *
 * Protocol (JSON text frames):
 *   client → server  { type: 'join', name }            { type: 'message', text }
 *   server → client  see ServerMessage above
 */
export async function createChatServer({ port = 0, host = '127.0.0.1' }: ChatServerOptions = {}): Promise<ChatServer> {
  // maxPayload: one chat line never needs more, and ws closes a connection that sends more.
  const wss = new WebSocketServer({ port, host, maxPayload: 16 * 1024 });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });

  // Joined clients only: socket → name. A socket that has not joined yet is not in here.
  const names = new Map<WebSocket, string>();

  wss.on('connection', (socket) => {
    socket.on('message', (data, isBinary) => onMessage(socket, data, isBinary));
    socket.on('close', () => onClose(socket));
    // Without a listener, a broken connection would throw and take the whole server down.
    socket.on('error', () => {});
  });

  function onMessage(socket: WebSocket, data: RawData, isBinary: boolean): void {
    if (isBinary) return sendError(socket, 'send JSON as text frames, not binary');
    let parsed: unknown;
    try {
      // With ws's default binaryType, a text frame arrives as one Buffer.
      parsed = JSON.parse(data.toString('utf8'));
    } catch {
      return sendError(socket, 'invalid JSON');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return sendError(socket, 'expected a JSON object with a "type"');
    }
    const msg = parsed as ClientMessage;
    switch (msg.type) {
      case 'join':
        return join(socket, msg);
      case 'message':
        return say(socket, msg);
      default:
        return sendError(socket, `unknown type ${JSON.stringify(msg.type)}; use "join" or "message"`);
    }
  }

  function join(socket: WebSocket, msg: ClientMessage): void {
    const current = names.get(socket);
    if (current !== undefined) return sendError(socket, `already joined as "${current}"`);
    if (typeof msg.name !== 'string' || msg.name.trim() === '' || msg.name.trim().length > MAX_NAME) {
      return sendError(socket, `name must be a string of 1 to ${MAX_NAME} characters`);
    }
    const name = msg.name.trim();
    const users = [...names.values()];
    if (users.includes(name)) return sendError(socket, `name "${name}" is taken`);

    names.set(socket, name);
    send(socket, { type: 'welcome', name, users });
    broadcast({ type: 'join', name, at: new Date().toISOString() }, socket);
  }

  function say(socket: WebSocket, msg: ClientMessage): void {
    const from = names.get(socket);
    if (from === undefined) return sendError(socket, 'join first: send {"type":"join","name":"..."}');
    const { text } = msg;
    if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT) {
      return sendError(socket, `text must be a non-empty string of at most ${MAX_TEXT} characters`);
    }
    broadcast({ type: 'message', from, text, at: new Date().toISOString() }, socket);
  }

  function onClose(socket: WebSocket): void {
    const name = names.get(socket);
    if (name === undefined) return; // never joined: nobody knew about it
    names.delete(socket);
    broadcast({ type: 'leave', name, at: new Date().toISOString() }, socket);
  }

  /** Sends to every joined client except `except` (the sender). */
  function broadcast(msg: ServerMessage, except?: WebSocket): void {
    const data = JSON.stringify(msg);
    for (const socket of names.keys()) {
      if (socket !== except && socket.readyState === WebSocket.OPEN) socket.send(data);
    }
  }

  function close(): Promise<void> {
    // wss.close() leaves open connections alone, so end them first or the server never closes.
    for (const socket of wss.clients) socket.terminate();
    return new Promise((resolve, reject) => wss.close((err) => (err ? reject(err) : resolve())));
  }

  // Listening on a TCP port, address() is an AddressInfo (it is a string only for a Unix socket).
  return { port: (wss.address() as AddressInfo).port, close };
}

function send(socket: WebSocket, msg: ServerMessage): void {
  if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(msg));
}

function sendError(socket: WebSocket, reason: string): void {
  send(socket, { type: 'error', reason });
}
