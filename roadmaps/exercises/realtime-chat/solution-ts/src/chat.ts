import http from 'node:http';
import { WebSocketServer, WebSocket } from 'ws';
import jwt from 'jsonwebtoken';

export const MAX_TEXT = 500;
export const HISTORY_KEPT = 100;

/** The commands the service sends on its main Redis connection (a node-redis client fits). */
export interface ChatRedis {
  publish(channel: string, message: string): Promise<number>;
  rPush(key: string, element: string): Promise<number>;
  lTrim(key: string, start: number, stop: number): Promise<unknown>;
  lRange(key: string, start: number, stop: number): Promise<string[]>;
  sAdd(key: string, member: string): Promise<number>;
  sRem(key: string, member: string): Promise<number>;
  sMembers(key: string): Promise<string[]>;
}

/** The connection that SUBSCRIBEs (it can send no other command). */
export interface ChatSubscriber {
  subscribe(channel: string, listener: (message: string, channel: string) => void): Promise<unknown>;
}

export interface ChatOptions {
  redis: ChatRedis;
  subscriber: ChatSubscriber;
  keyPrefix: string;
  jwtSecret: string;
  rateLimit: number;
  rateWindowMs: number;
}

/** A chat event as the server sends it; messages are stored as these too. */
export type ChatEvent =
  | { type: 'join' | 'leave'; room: string; name: string; at: string }
  | { type: 'message'; room: string; from: string; text: string; at: string };

interface Client {
  ws: WebSocket;
  name: string;
  joined: boolean;
  left: boolean;
}

// Helpers (done): a JSON answer, and the room named by a path such as /rooms/lobby/messages.
export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

export function roomPath(pathname: string): { room: string; rest: string } | undefined {
  const m = /^\/rooms\/([a-z0-9-]{1,32})(\/[a-z]+)?$/.exec(pathname);
  return m ? { room: m[1], rest: m[2] ?? '' } : undefined;
}

export function createChatServer({ redis, subscriber, keyPrefix, jwtSecret, rateLimit, rateWindowMs }: ChatOptions): http.Server {
  const channel = (room: string) => `${keyPrefix}chat:${room}`;
  const historyKey = (room: string) => `${keyPrefix}chat:${room}:history`;
  const usersKey = (room: string) => `${keyPrefix}chat:${room}:users`;
  const rooms = new Map<string, Set<Client>>();
  const subscriptions = new Map<string, Promise<unknown>>();
  /** user name -> the times (ms) of their messages inside the window */
  const sent = new Map<string, number[]>();

  function userFrom(token: string | null | undefined): string | undefined {
    if (!token) return undefined;
    try {
      const claims = jwt.verify(token, jwtSecret, { algorithms: ['HS256'] });
      return typeof claims === 'object' && typeof claims.sub === 'string' && claims.sub !== '' ? claims.sub : undefined;
    } catch {
      return undefined;
    }
  }

  function bearer(req: http.IncomingMessage): string | undefined {
    return /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
  }

  // Every event of a room goes through its channel, whichever instance it started on; each instance
  // passes what arrives to its own sockets in the room. One subscription per room, shared.
  function subscribe(room: string): Promise<unknown> {
    let subscription = subscriptions.get(room);
    if (!subscription) {
      subscription = subscriber.subscribe(channel(room), (message) => {
        for (const client of rooms.get(room) ?? []) if (client.ws.readyState === WebSocket.OPEN) client.ws.send(message);
      });
      subscriptions.set(room, subscription);
    }
    return subscription;
  }

  const publish = (room: string, event: ChatEvent) => redis.publish(channel(room), JSON.stringify(event));

  async function lastMessages(room: string, count: number): Promise<ChatEvent[]> {
    const items = await redis.lRange(historyKey(room), -count, -1);
    return items.map((item) => JSON.parse(item) as ChatEvent);
  }

  function allowed(name: string): boolean {
    const now = Date.now();
    const recent = (sent.get(name) ?? []).filter((t) => now - t < rateWindowMs);
    sent.set(name, recent);
    if (recent.length >= rateLimit) return false;
    recent.push(now);
    return true;
  }

  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
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
  server.on('upgrade', (req: http.IncomingMessage, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const target = roomPath(url.pathname);
    if (!target || target.rest !== '') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      join(ws, target.room, url.searchParams).catch((err: unknown) => {
        console.error(err);
        ws.close(1011, 'internal error');
      });
    });
  });

  async function join(ws: WebSocket, room: string, params: URLSearchParams): Promise<void> {
    // The name comes from the verified token, never from what the client says it is.
    const name = userFrom(params.get('token'));
    if (!name) return ws.close(4401, 'invalid or missing token');
    const client: Client = { ws, name, joined: false, left: false };
    ws.on('message', (data) => onMessage(client, room, String(data)).catch((err: unknown) => console.error(err)));
    ws.on('close', () => leave(client, room).catch((err: unknown) => console.error(err)));
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
    let members = rooms.get(room);
    if (!members) rooms.set(room, (members = new Set()));
    members.add(client);
    client.joined = true;
    await publish(room, { type: 'join', room, name, at: new Date().toISOString() });
  }

  async function onMessage(client: Client, room: string, data: string): Promise<void> {
    if (!client.joined) return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      frame = undefined;
    }
    const text =
      typeof frame === 'object' && frame !== null && (frame as { type?: unknown }).type === 'message'
        ? (frame as { text?: unknown }).text
        : undefined;
    if (typeof text !== 'string' || text.trim() === '' || text.length > MAX_TEXT) {
      client.ws.send(JSON.stringify({ type: 'error', error: 'invalid_message' }));
      return;
    }
    if (!allowed(client.name)) {
      client.ws.send(JSON.stringify({ type: 'error', error: 'rate_limited' }));
      return;
    }
    const event = JSON.stringify({ type: 'message', room, from: client.name, text, at: new Date().toISOString() });
    // Stored by this instance only; it reaches the sockets (the sender's too) back from the channel.
    // node-redis sends commands in the order they are called, so the list and the channel agree.
    await Promise.all([
      redis.rPush(historyKey(room), event),
      redis.lTrim(historyKey(room), -HISTORY_KEPT, -1),
      redis.publish(channel(room), event),
    ]);
  }

  async function leave(client: Client, room: string): Promise<void> {
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
