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
    // TODO 1: refuse binary frames, then parse `data` (a Buffer) as JSON. On a parse error, call
    //         sendError(socket, 'invalid JSON') and return: never throw here, never close the socket.
    //         Anything that is not a plain object (null, 42, [1]) is an error too.
    // TODO 2: dispatch on msg.type: 'join' → join(), 'message' → say(), anything else → an error
    //         that names the unknown type.
    sendError(socket, 'not implemented yet: see the TODOs in src/chatServer.ts');
  }

  function join(socket: WebSocket, msg: ClientMessage): void {
    // TODO 3: check msg.name (a string, 1 to MAX_NAME characters after trim, not already used,
    //         and this socket has not joined yet), then remember it in `names`,
    //         send { type: 'welcome', name, users } to this socket (users: the names already here),
    //         and broadcast { type: 'join', name, at } to the others.
  }

  function say(socket: WebSocket, msg: ClientMessage): void {
    // TODO 4: refuse with an error that says "join first" when this socket has no name yet.
    //         Check msg.text (a non-empty string of at most MAX_TEXT characters), then broadcast
    //         { type: 'message', from, text, at } to the others. `at` is new Date().toISOString().
  }

  function onClose(socket: WebSocket): void {
    // TODO 5: if this socket had joined, forget its name and broadcast { type: 'leave', name, at }.
  }

  /** Sends to every joined client except `except` (the sender). */
  function broadcast(msg: ServerMessage, except?: WebSocket): void {
    // TODO 6: send JSON.stringify(msg) to each joined socket that is not `except` and is still open
    //         (socket.readyState === WebSocket.OPEN).
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
