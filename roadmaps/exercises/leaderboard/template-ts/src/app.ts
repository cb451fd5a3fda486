// The HTTP API (done for you), on node:http:
//   POST /scores              { "player": "alice", "score": 120 }: records a score, keeps the best
//   GET  /leaderboard         ?limit=10&offset=0: one page of the board, best first
//   GET  /players/:player     the player's score, rank and neighbours (404 when not on the board)
// Every answer is JSON; errors are { "error": "..." }. The input is checked here, so the functions in
// leaderboard.js only ever get a valid player name, score, offset and limit.
import * as http from 'node:http';
import { createLeaderboard } from './leaderboard';
import type { LeaderboardRedis } from './leaderboard';

const PLAYER = /^[A-Za-z0-9_-]{1,32}$/;
const MAX_SCORE = 1_000_000_000;
const MAX_LIMIT = 100;

export interface AppOptions {
  redis: LeaderboardRedis;
  key?: string;
}

export function createApp({ redis, key = 'leaderboard' }: AppOptions): http.Server {
  const board = createLeaderboard({ redis, key });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    const url = new URL(req.url ?? '/', 'http://localhost');

    if (url.pathname === '/scores') {
      if (req.method !== 'POST') return send(405, { error: `${req.method} is not allowed here` });
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return send(400, { error: 'The body must be JSON' });
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        return send(400, { error: 'The body must be a JSON object' });
      }
      const { player, score } = body as { player?: unknown; score?: unknown };
      if (typeof player !== 'string' || !PLAYER.test(player)) {
        return send(400, { error: 'player must be 1 to 32 letters, digits, _ or -' });
      }
      if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > MAX_SCORE) {
        return send(400, { error: `score must be a whole number from 0 to ${MAX_SCORE}` });
      }
      return send(200, await board.submitScore(player, score));
    }

    if (url.pathname === '/leaderboard') {
      if (req.method !== 'GET') return send(405, { error: `${req.method} is not allowed here` });
      const limit = whole(url.searchParams.get('limit'), 10);
      const offset = whole(url.searchParams.get('offset'), 0);
      if (limit === undefined || limit < 1 || limit > MAX_LIMIT) {
        return send(400, { error: `limit must be a whole number from 1 to ${MAX_LIMIT}` });
      }
      if (offset === undefined || offset < 0) return send(400, { error: 'offset must be a whole number, 0 or more' });
      return send(200, await board.top(offset, limit));
    }

    const route = /^\/players\/([^/]+)$/.exec(url.pathname);
    if (route) {
      if (req.method !== 'GET') return send(405, { error: `${req.method} is not allowed here` });
      let player: string;
      try {
        player = decodeURIComponent(route[1] ?? '');
      } catch {
        player = '';
      }
      const standing = PLAYER.test(player) ? await board.standing(player) : null;
      return standing ? send(200, standing) : send(404, { error: `${player} is not on the leaderboard` });
    }

    return send(404, { error: `No route for ${req.method} ${url.pathname}` });
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Internal Server Error' }));
    });
  });
}

// A query parameter as a whole number: the fallback when it is absent, undefined when it is not one.
function whole(text: string | null, fallback: number): number | undefined {
  if (text === null) return fallback;
  return /^-?\d{1,9}$/.test(text) ? Number(text) : undefined;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > 64 * 1024) req.destroy(new Error('body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

