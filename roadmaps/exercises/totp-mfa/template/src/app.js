// The HTTP API (done for you): JSON in, JSON out, on node:http. Your work is in totp.js and mfa.js.
//
//   POST /mfa/enroll  { "user": "ada", "digits": 6 }  -> 201 { user, secret, digits, otpauthUrl }
//   POST /mfa/verify  { "user": "ada", "code": "287082" } -> 200 { ok: true }, 401, 404 or 429
const http = require('node:http');
const base32 = require('./base32');
const { createMfa } = require('./mfa');

const ISSUER = 'Backend Roadmap';

/**
 * createApp({ maxFailures, lockoutSeconds, testMode }) -> a node:http server (not yet listening).
 * In test mode the clock can be set per request with an X-Test-Now header (Unix seconds), and an
 * enrolment may bring its own secret; otherwise both are refused.
 */
function createApp({ maxFailures = 5, lockoutSeconds = 900, testMode = false } = {}) {
  const mfa = createMfa({ maxFailures, lockoutSeconds });

  /** Unix time in seconds: the real clock, or X-Test-Now in test mode. */
  function now(req) {
    const header = req.headers['x-test-now'];
    if (testMode && header !== undefined) return Number(header);
    return Date.now() / 1000;
  }

  const routes = {
    'POST /mfa/enroll': (req, body) => {
      const { user, secret, digits = 6 } = body;
      if (typeof user !== 'string' || user === '') return [400, { error: 'user must be a non-empty string' }];
      if (digits !== 6 && digits !== 8) return [400, { error: 'digits must be 6 or 8' }];
      let key;
      if (secret !== undefined) {
        if (!testMode) return [400, { error: 'the server chooses the secret' }];
        try {
          key = base32.decode(secret);
        } catch {
          return [400, { error: 'secret must be base32' }];
        }
        if (key.length < 16) return [400, { error: 'secret must be at least 16 bytes (128 bits)' }];
      }
      const enrolled = mfa.enroll(user, { secret: key, digits });
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
    const send = (status, payload, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
      res.end(JSON.stringify(payload));
    };
    try {
      const route = routes[`${req.method} ${req.url.split('?')[0]}`];
      if (!route) return send(404, { error: `no route for ${req.method} ${req.url}` });
      let body;
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        return send(400, { error: 'the body must be JSON' });
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) return send(400, { error: 'the body must be a JSON object' });
      send(...route(req, body));
    } catch (error) {
      console.error(error);
      send(500, { error: String(error.message ?? error) });
    }
  });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > 64 * 1024) req.destroy(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

module.exports = { createApp };
