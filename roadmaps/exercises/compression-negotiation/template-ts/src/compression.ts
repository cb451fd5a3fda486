// Content negotiation for compression. Read README.md first; it lists every rule the check tests.
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as zlib from 'node:zlib';

export type Encoding = 'gzip' | 'identity';

/**
 * Accept-Encoding as a Map from coding (lower case) to its q value (0 to 1, default 1).
 * "gzip;q=0.8, br, *;q=0.1" -> Map { gzip => 0.8, br => 1, * => 0.1 }
 */
export function parseAcceptEncoding(header: string): Map<string, number> {
  // TODO 1: split on commas; each entry is a coding and optional parameters after ";" (q=...).
  void header;
  return new Map();
}

/** Is a body of this type and size worth compressing? Text-like types of at least 1024 bytes. */
export function isCompressible(contentType: string, size: number): boolean {
  // TODO 2: text/*, application/json, application/javascript, image/svg+xml; size >= 1024.
  void [contentType, size];
  return true;
}

/**
 * 'gzip', 'identity', or null when no acceptable coding is left (a 406), for this Accept-Encoding
 * header (undefined when the request had none) and a body that is or is not worth compressing.
 */
export function chooseEncoding(header: string | undefined, compressible: boolean): Encoding | null {
  // TODO 3: the rules of the README: the q of gzip and of identity (own entry, else "*", else the
  //   defaults), then gzip, identity or null.
  void [header, compressible];
  return 'identity';
}

/** Sends the body, compressed when chooseEncoding says so, with Vary: Accept-Encoding on every answer. */
export function sendNegotiated(req: IncomingMessage, res: ServerResponse, status: number, contentType: string, body: Buffer): void {
  // TODO 4: Vary: Accept-Encoding; gzip: Content-Encoding: gzip and zlib.gzipSync(body);
  //   null: 406 with a JSON error.
  void [req, zlib];
  res.writeHead(status, { 'content-type': contentType });
  res.end(body);
}
