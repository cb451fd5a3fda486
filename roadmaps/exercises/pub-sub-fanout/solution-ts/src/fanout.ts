// The fan-out service: WebSocket clients join a room by connecting to /rooms/<room>, and every
// message PUBLISHed on that room's Redis channel is relayed to them.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { WebSocketServer, WebSocket } from 'ws';

const ROOM_PATH = /^\/rooms\/([A-Za-z0-9_-]{1,40})$/;

/** The commands a subscriber connection needs (a node-redis client fits). */
export interface SubscriberConnection {
  connect(): Promise<unknown>;
  subscribe(channel: string, listener: (message: string, channel: string) => void): Promise<unknown>;
  unsubscribe(channel: string): Promise<unknown>;
  close(): Promise<unknown>;
  on(event: 'error', listener: (err: Error) => void): unknown;
}

/** The commands the service needs from its main connection (a node-redis client fits). */
export interface FanoutRedis {
  publish(channel: string, message: string): Promise<number>;
  duplicate(): SubscriberConnection;
}

export interface FanoutOptions {
  redis: FanoutRedis;
  /** REDIS_KEY_PREFIX + "room:" */
  channelPrefix?: string;
}

interface Client {
  id: string;
  ws: WebSocket;
}

export function createFanoutServer({ redis, channelPrefix = 'room:' }: FanoutOptions): http.Server {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const rooms = new Map<string, Set<Client>>();
  // The SUBSCRIBE or UNSUBSCRIBE last started for each room: the next one for that room waits for it.
  const inFlight = new Map<string, Promise<unknown>>();

  // Subscriptions live on their own connection, shared by every room; `redis` only publishes.
  let subscriber: Promise<SubscriberConnection> | undefined;
  const getSubscriber = (): Promise<SubscriberConnection> => {
    if (!subscriber) {
      const connection = redis.duplicate();
      connection.on('error', (err) => console.error('Redis subscriber:', err.message));
      subscriber = connection.connect().then(() => connection);
    }
    return subscriber;
  };

  const channelOf = (room: string): string => channelPrefix + room;

  // Runs `command` after whatever is still in flight for the room, whether that worked or not.
  const after = (room: string, command: (sub: SubscriberConnection) => Promise<unknown>): Promise<unknown> => {
    const previous = inFlight.get(room) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(getSubscriber)
      .then(command);
    inFlight.set(room, next);
    return next;
  };

  function deliver(room: string, raw: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null) return;
    const { from, text } = parsed as { from?: unknown; text?: unknown };
    if (typeof text !== 'string') return;
    const sender = typeof from === 'string' ? from : null;
    const frame = JSON.stringify({ type: 'message', room, from: sender, text });
    for (const client of rooms.get(room) ?? []) {
      if (client.id === sender || client.ws.readyState !== WebSocket.OPEN) continue;
      client.ws.send(frame);
    }
  }

  async function join(room: string, client: Client): Promise<void> {
    const members = rooms.get(room) ?? new Set<Client>();
    rooms.set(room, members);
    members.add(client);
    if (members.size === 1) {
      after(room, (sub) => sub.subscribe(channelOf(room), (message) => deliver(room, message)));
    }
    await inFlight.get(room);
  }

  async function leave(room: string, client: Client): Promise<void> {
    const members = rooms.get(room);
    if (!members?.delete(client) || members.size > 0) return;
    rooms.delete(room);
    await after(room, (sub) => sub.unsubscribe(channelOf(room)));
  }

  wss.on('connection', (ws: WebSocket, room: string) => {
    const client: Client = { id: randomUUID(), ws };
    ws.on('close', () => {
      leave(room, client).catch((err: Error) => console.error(`Could not leave ${room}:`, err.message));
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const message = JSON.stringify({ from: client.id, text: data.toString() });
      redis.publish(channelOf(room), message).catch((err: Error) => console.error('PUBLISH failed:', err.message));
    });
    join(room, client).then(
      () => {
        if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ type: 'joined', room, id: client.id }));
      },
      (err: Error) => {
        console.error(`Could not join ${room}:`, err.message);
        ws.close(1011, 'Redis is not available');
      },
    );
  });

  const server = http.createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'Connect with a WebSocket to /rooms/<room>' }));
  });
  server.on('upgrade', (req, socket, head) => {
    const route = ROOM_PATH.exec(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!route) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, route[1]));
  });
  server.on('close', () => {
    subscriber?.then((sub) => sub.close()).catch(() => undefined);
  });
  return server;
}
