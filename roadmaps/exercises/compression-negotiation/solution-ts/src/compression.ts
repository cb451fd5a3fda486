// Content negotiation for compression. Read README.md first; it lists every rule the check tests.
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as zlib from 'node:zlib';

export type Encoding = 'gzip' | 'identity';

/**
 * Accept-Encoding as a Map from coding (lower case) to its q value (0 to 1, default 1).
 * "gzip;q=0.8, br, *;q=0.1" -> Map { gzip => 0.8, br => 1, * => 0.1 }
 */
export function parseAcceptEncoding(header: string): Map<string, number> {
  const codings = new Map<string, number>();
  for (const entry of header.split(',')) {
    const [name = '', ...params] = entry.split(';').map((part) => part.trim());
    if (!name) continue;
    const qParam = params.find((p) => /^q\s*=/i.test(p));
    const q = qParam === undefined ? 1 : Number(qParam.slice(qParam.indexOf('=') + 1).trim());
    if (!Number.isNaN(q)) codings.set(name.toLowerCase(), Math.min(Math.max(q, 0), 1));
  }
  return codings;
}

/** Is a body of this type and size worth compressing? Text-like types of at least 1024 bytes. */
export function isCompressible(contentType: string, size: number): boolean {
  return /^(text\/|application\/json|application\/javascript|image\/svg\+xml)/i.test(contentType) && size >= 1024;
}

/** How much identity is wanted when nothing names it: acceptable, but behind any listed coding. */
const unlistedIdentity = 0.0001;

/**
 * 'gzip', 'identity', or null when no acceptable coding is left (a 406), for this Accept-Encoding
 * header (undefined when the request had none) and a body that is or is not worth compressing.
 */
export function chooseEncoding(header: string | undefined, compressible: boolean): Encoding | null {
  if (header === undefined) return 'identity';
  const codings = parseAcceptEncoding(header);
  const star = codings.get('*');
  const gzip = codings.get('gzip') ?? star ?? 0;
  const identity = codings.get('identity') ?? star ?? unlistedIdentity;
  if (gzip > 0 && (identity === 0 || (compressible && gzip >= identity))) return 'gzip';
  return identity > 0 ? 'identity' : null;
}

/** Sends the body, compressed when chooseEncoding says so, with Vary: Accept-Encoding on every answer. */
export function sendNegotiated(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, body: Buffer): void {
  const header = req.headers['accept-encoding'];
  const encoding = chooseEncoding(header, isCompressible(contentType, body.length));
  // The answer depends on Accept-Encoding whatever was chosen: caches must key on it.
  res.setHeader('vary', 'Accept-Encoding');
  if (encoding === null) {
    res.writeHead(406, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'No acceptable content coding: this server offers gzip and identity' }));
  } else if (encoding === 'gzip') {
    res.writeHead(status, { 'content-type': contentType, 'content-encoding': 'gzip' });
    res.end(zlib.gzipSync(body));
  } else {
    res.writeHead(status, { 'content-type': contentType });
    res.end(body);
  }
}
