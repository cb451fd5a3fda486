// The fan-out service: WebSocket clients join a room by connecting to /rooms/<room>, and every
// message PUBLISHed on that room's Redis channel is relayed to them. See README.md for the rules.
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

  // TODO: a connection that has SUBSCRIBEd takes no other commands (on RESP2), so subscriptions need their own
  // connection: one for the whole service, made with redis.duplicate() and connected once.

  function channelOf(room: string): string {
    // TODO: the room's channel is channelPrefix + the room's name (channelPrefix is
    // REDIS_KEY_PREFIX + "room:").
    return room;
  }

  // Called with each message that arrives on the channel of `room`.
  function deliver(room: string, raw: string): void {
    // TODO: parse raw as JSON { from, text }; skip it if it is not an object with a string text.
    // Send {"type":"message","room":…,"from":…,"text":…} to every client of the room, except the
    // client whose id is `from`.
  }

  async function join(room: string, client: Client): Promise<void> {
    // TODO: add the client to its room. If it is the room's first client, SUBSCRIBE to the room's
    // channel (with a listener that calls deliver). Resolve only once the subscription is confirmed.
    const members = rooms.get(room) ?? new Set<Client>();
    rooms.set(room, members);
    members.add(client);
  }

  async function leave(room: string, client: Client): Promise<void> {
    // TODO: remove the client from its room. If it was the last one, forget the room and
    // UNSUBSCRIBE from its channel.
  }

  wss.on('connection', (ws: WebSocket, room: string) => {
    const client: Client = { id: randomUUID(), ws };
    ws.on('close', () => {
      leave(room, client).catch((err: Error) => console.error(`Could not leave ${room}:`, err.message));
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      // TODO: PUBLISH {"from": client.id, "text": <the frame's text>} on the room's channel.
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

  // The HTTP side (done for you): WebSocket upgrades on /rooms/<room>, 404 for any other path.
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
  return server;
}
