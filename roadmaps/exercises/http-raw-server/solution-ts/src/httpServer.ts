import * as net from 'node:net';

/** The longest request head accepted, in bytes, up to and including its blank line. */
export const MAX_HEAD_BYTES = 8192;
/** The body of GET /hello. Count its bytes for Content-Length, not its characters. */
export const GREETING = 'Hello, world! 👋\n';
const REASONS: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  431: 'Request Header Fields Too Large',
};
/** A method or a header name: one or more of these characters (RFC 9110's "token"). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const REQUEST_LINE = /^([^ ]+) (\/[^ ]*) (HTTP\/1\.[01])$/;
const HEAD_END = Buffer.from('\r\n\r\n');

export interface Request {
  method: string;
  /** The path and, after "?", the query: /hello?name=ada. */
  target: string;
  version: 'HTTP/1.1' | 'HTTP/1.0';
  /** Lower-case names; a repeated header's values joined with ", ". */
  headers: Map<string, string>;
}

export interface Response {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Parses a request head: the request line and the header lines, without the blank line that ends
 * them. Returns the request, or null when the head is malformed.
 */
export function parseHead(head: string): Request | null {
  const lines = head.split('\r\n');
  const requestLine = REQUEST_LINE.exec(lines[0] ?? '');
  if (!requestLine) return null;
  const [, method = '', target = '', version] = requestLine;
  if (!TOKEN.test(method)) return null;
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const header = /^([^:]*):(.*)$/.exec(line);
    if (!header || !TOKEN.test(header[1] ?? '')) return null;
    const name = (header[1] ?? '').toLowerCase();
    const value = (header[2] ?? '').replace(/^[ \t]+|[ \t]+$/g, '');
    const earlier = headers.get(name);
    headers.set(name, earlier === undefined ? value : `${earlier}, ${value}`);
  }
  if (version === 'HTTP/1.1' && !headers.has('host')) return null;
  const length = headers.get('content-length');
  if (length !== undefined && !/^[0-9]+$/.test(length)) return null;
  return { method, target, version: version as Request['version'], headers };
}

/** What to answer to a well-formed request. */
export function route(request: Request): Response {
  const [path] = request.target.split('?');
  if (path !== '/hello') return { status: 404, headers: {}, body: 'Not Found\n' };
  if (request.method === 'GET') return { status: 200, headers: {}, body: GREETING };
  return { status: 405, headers: { Allow: 'GET' }, body: 'Only GET is allowed here.\n' };
}

/** Whether the connection stays open after answering this request. */
export function keepAlive(request: Request): boolean {
  const options = new Set(
    (request.headers.get('connection') ?? '')
      .split(',')
      .map((option) => option.trim().toLowerCase())
      .filter(Boolean),
  );
  return request.version === 'HTTP/1.1' ? !options.has('close') : options.has('keep-alive');
}

/** The bytes of a response: status line, headers (Date, Content-Type and Content-Length added), body. */
export function serializeResponse(status: number, headers: Record<string, string>, body: string): Buffer {
  const payload = Buffer.from(body, 'utf8');
  let head = `HTTP/1.1 ${status} ${REASONS[status] ?? ''}\r\n`;
  head += `Date: ${new Date().toUTCString()}\r\n`;
  head += 'Content-Type: text/plain; charset=utf-8\r\n';
  head += `Content-Length: ${payload.byteLength}\r\n`;
  for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
  return Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), payload]);
}

/** One connection: what arrived, what is left of a body to skip, and whether it is over. */
class Connection {
  private buffered = Buffer.alloc(0);
  private bodyLeft = 0;
  private done = false;

  constructor(private readonly socket: net.Socket) {}

  receive(chunk: Buffer): void {
    if (this.done) return;
    this.buffered = Buffer.concat([this.buffered, chunk]);
    while (!this.done && this.next()) {
      // Each turn answers one request; next() says whether another may be complete already.
    }
  }

  /** Handles what the buffer holds; true when it should be looked at again. */
  private next(): boolean {
    if (this.bodyLeft > 0) {
      const skipped = Math.min(this.bodyLeft, this.buffered.length);
      this.buffered = this.buffered.subarray(skipped);
      this.bodyLeft -= skipped;
      if (this.bodyLeft > 0) return false;
    }
    const end = this.buffered.indexOf(HEAD_END);
    if (end < 0) {
      if (this.buffered.length > MAX_HEAD_BYTES) this.refuse(431);
      return false;
    }
    if (end + HEAD_END.length > MAX_HEAD_BYTES) {
      this.refuse(431);
      return false;
    }
    const request = parseHead(this.buffered.subarray(0, end).toString('latin1'));
    if (!request) {
      this.refuse(400);
      return false;
    }
    this.buffered = this.buffered.subarray(end + HEAD_END.length);
    this.bodyLeft = Number(request.headers.get('content-length') ?? '0');
    const response = route(request);
    if (!keepAlive(request)) {
      this.finish(response.status, { ...response.headers, Connection: 'close' }, response.body);
      return false;
    }
    const headers = request.version === 'HTTP/1.0' ? { ...response.headers, Connection: 'keep-alive' } : response.headers;
    this.socket.write(serializeResponse(response.status, headers, response.body));
    return true;
  }

  private refuse(status: number): void {
    this.finish(status, { Connection: 'close' }, `${REASONS[status]}\n`);
  }

  /** Sends the last response, then closes the connection once it is out. */
  private finish(status: number, headers: Record<string, string>, body: string): void {
    this.done = true;
    this.socket.end(serializeResponse(status, headers, body));
  }
}

/** An HTTP/1.1 server on a bare TCP socket. Call .listen(port, host) on it. */
export function createHttpServer(): net.Server {
  return net.createServer((socket) => {
    // A client that vanishes makes its socket emit 'error'. Without a listener, that error would
    // crash the whole server, and every other client with it.
    socket.on('error', () => {});
    const connection = new Connection(socket);
    socket.on('data', (chunk: Buffer) => connection.receive(chunk));
  });
}
