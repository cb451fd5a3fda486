// The HTTP API (done for you): JSON in, JSON out, on node:http. Your work is in totp.ts and mfa.ts.
//
//   POST /mfa/enroll  { "user": "ada", "digits": 6 }  -> 201 { user, secret, digits, otpauthUrl }
//   POST /mfa/verify  { "user": "ada", "code": "287082" } -> 200 { ok: true }, 401, 404 or 429
import http, { type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import * as base32 from './base32';
import { createMfa } from './mfa';

const ISSUER = 'Backend Roadmap';

/**
 * createApp({ maxFailures, lockoutSeconds, testMode }) -> a node:http server (not yet listening).
 * In test mode the clock can be set per request with an X-Test-Now header (Unix seconds), and an
 * enrolment may bring its own secret; otherwise both are refused.
 */
export interface AppOptions {
  maxFailures?: number;
  lockoutSeconds?: number;
  testMode?: boolean;
}

type Answer = [status: number, payload: unknown, headers?: OutgoingHttpHeaders];

export function createApp({ maxFailures = 5, lockoutSeconds = 900, testMode = false }: AppOptions = {}): http.Server {
  const mfa = createMfa({ maxFailures, lockoutSeconds });

  /** Unix time in seconds: the real clock, or X-Test-Now in test mode. */
  function now(req: IncomingMessage): number {
    const header = req.headers['x-test-now'];
    if (testMode && header !== undefined) return Number(header);
    return Date.now() / 1000;
  }

  const routes: Record<string, (req: IncomingMessage, body: Record<string, unknown>) => Answer> = {
    'POST /mfa/enroll': (req, body) => {
      const { user, secret } = body;
      const digits = body.digits ?? 6;
      if (typeof user !== 'string' || user === '') return [400, { error: 'user must be a non-empty string' }];
      if (digits !== 6 && digits !== 8) return [400, { error: 'digits must be 6 or 8' }];
      let key: Buffer | undefined;
      if (secret !== undefined) {
        if (!testMode) return [400, { error: 'the server chooses the secret' }];
        try {
          key = base32.decode(String(secret));
        } catch {
          return [400, { error: 'secret must be base32' }];
        }
        if (key.length < 16) return [400, { error: 'secret must be at least 16 bytes (128 bits)' }];
      }
      const enrolled = mfa.enroll(user, { ...(key ? { secret: key } : {}), digits });
      if (!enrolled) return [409, { error: `${user} is enrolled already` }];
      const encoded = base32.encode(enrolled.secret);
      const label = encodeURIComponent(`${ISSUER}:${user}`);
      const query = new URLSearchParams({ secret: encoded, issuer: ISSUER, algorithm: 'SHA1', digits: String(enrolled.digits), period: '30' });
      return [201, { user, secret: encoded, digits: enrolled.digits, otpauthUrl: `otpauth://totp/${label}?${query}` }];
    },
    'POST /mfa/verify': (req, body) => {
      const { user, code } = body;
      if (typeof user !== 'string' || typeof code !== 'string') return [400, { error: 'user and code must be strings' }];
      const result = mfa.verify(user, code, now(req));
      switch (result.status) {
        case 'ok':
          return [200, { ok: true }];
        case 'invalid':
          return [401, { ok: false, error: 'invalid code' }];
        case 'unknown-user':
          return [404, { error: `${user} has not enrolled` }];
        case 'locked':
          return [429, { ok: false, error: 'locked' }, { 'Retry-After': String(result.retryAfter) }];
        default:
          throw new Error(`verify returned an unknown status: ${JSON.stringify(result)}`);
      }
    },
  };

  return http.createServer(async (req, res) => {
    const send = (status: number, payload: unknown, headers: OutgoingHttpHeaders = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
      res.end(JSON.stringify(payload));
    };
    try {
      const route = routes[`${req.method} ${(req.url ?? '/').split('?')[0]}`];
      if (!route) return send(404, { error: `no route for ${req.method} ${req.url}` });
      let body: unknown;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return send(400, { error: 'the body must be JSON' });
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) return send(400, { error: 'the body must be a JSON object' });
      send(...route(req, body as Record<string, unknown>));
    } catch (error) {
      console.error(error);
      send(500, { error: error instanceof Error ? error.message : String(error) });
    }
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 64 * 1024) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
