const net = require('node:net');

/** The longest request head accepted, in bytes, up to and including its blank line. */
const MAX_HEAD_BYTES = 8192;
/** The body of GET /hello: 19 bytes in UTF-8, though JavaScript counts it as 17 characters. */
const GREETING = 'Hello, world! 👋\n';
const REASONS = {
  200: 'OK',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  431: 'Request Header Fields Too Large',
};
/** A method or a header name: one or more of these characters (RFC 9110's "token"). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Parses a request head: the request line and the header lines, without the blank line that ends
 * them. Returns { method, target, version, headers } (headers: a Map from lower-case name to value),
 * or null when the head is malformed.
 */
function parseHead(head) {
  const [requestLine, ...headerLines] = head.split('\r\n');
  const parts = requestLine.split(' ');
  if (parts.length !== 3) return null;
  const [method, target, version] = parts;
  if (!TOKEN.test(method) || !target.startsWith('/') || (version !== 'HTTP/1.1' && version !== 'HTTP/1.0')) return null;
  const headers = new Map();
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    // No space is allowed before the colon: "Host : x" is how request smuggling starts.
    if (colon < 1 || !TOKEN.test(name)) return null;
    const key = name.toLowerCase();
    const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, '');
    headers.set(key, headers.has(key) ? `${headers.get(key)}, ${value}` : value);
  }
  if (version === 'HTTP/1.1' && !headers.has('host')) return null;
  if (headers.has('content-length') && !/^\d+$/.test(headers.get('content-length'))) return null;
  return { method, target, version, headers };
}

/** What to answer to a well-formed request: { status, headers, body }. */
function route(request) {
  const path = request.target.split('?')[0];
  if (path !== '/hello') return { status: 404, headers: {}, body: 'Not Found\n' };
  if (request.method !== 'GET') return { status: 405, headers: { Allow: 'GET' }, body: 'Method Not Allowed\n' };
  return { status: 200, headers: {}, body: GREETING };
}

/** Whether the connection stays open after answering this request. */
function keepAlive(request) {
  const tokens = (request.headers.get('connection') ?? '').toLowerCase().split(',').map((t) => t.trim());
  if (request.version === 'HTTP/1.0') return tokens.includes('keep-alive');
  return !tokens.includes('close');
}

/** The bytes of a response: status line, headers (Date, Content-Type and Content-Length added), body. */
function serializeResponse(status, headers, body) {
  const bytes = Buffer.from(body, 'utf8');
  const all = {
    Date: new Date().toUTCString(),
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': String(bytes.length),
    ...headers,
  };
  const head = [`HTTP/1.1 ${status} ${REASONS[status]}`, ...Object.entries(all).map(([name, value]) => `${name}: ${value}`)];
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), bytes]);
}

// WRONG: one buffer for every connection, so clients' unfinished requests mix.
let pending = Buffer.alloc(0);

/** An HTTP/1.1 server on a bare TCP socket. Call .listen(port, host) on it. */
function createHttpServer() {
  return net.createServer((socket) => {
    // A client that vanishes makes its socket emit 'error'; without a listener the process crashes.
    socket.on('error', () => {});
    // Body bytes of the last request still to come: read and thrown away.
    let skip = 0;
    let closed = false;

    const answer = (status, headers, body, close) => {
      socket.write(serializeResponse(status, close ? { ...headers, Connection: 'close' } : headers, body));
      if (close) {
        closed = true;
        socket.end();
      }
    };
    const refuse = (status) => answer(status, {}, `${REASONS[status]}\n`, true);

    socket.on('data', (chunk) => {
      if (closed) return;
      pending = Buffer.concat([pending, chunk]);
      while (!closed) {
        if (skip > 0) {
          const n = Math.min(skip, pending.length);
          pending = pending.subarray(n);
          skip -= n;
          if (skip > 0) return;
        }
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0) {
          if (pending.length > MAX_HEAD_BYTES) refuse(431);
          return;
        }
        if (end + 4 > MAX_HEAD_BYTES) return refuse(431);
        const request = parseHead(pending.subarray(0, end).toString('latin1'));
        if (!request) return refuse(400);
        pending = pending.subarray(end + 4);
        skip = Number(request.headers.get('content-length') ?? 0);
        const { status, headers, body } = route(request);
        const stay = keepAlive(request);
        answer(status, stay && request.version === 'HTTP/1.0' ? { ...headers, Connection: 'keep-alive' } : headers, body, !stay);
      }
    });
  });
}

module.exports = { createHttpServer, parseHead, route, keepAlive, serializeResponse, GREETING, MAX_HEAD_BYTES };
