// HTTP caching rules: validators on GET, conditional GETs answered with 304, conditional PUTs.
// Read README.md first; it lists every rule the check tests.
import * as crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A strong ETag for these bytes: a hash of the content, in double quotes, e.g. "3q2-7w…".
 * The same bytes always give the same ETag; different bytes give a different one.
 */
export function etagOf(bytes: Buffer): string {
  // TODO: hash the bytes (crypto.createHash('sha256')…), encode the digest (base64url is compact)
  // and put it in double quotes. No W/ in front: this is a strong validator.
  void crypto;
  throw new Error('TODO: etagOf is not written yet');
}

/**
 * Answers a GET with this JSON representation: 200 with the body, or 304 Not Modified with no body
 * when the client's copy is still good.
 */
export function sendCacheable(req: IncomingMessage, res: ServerResponse, bytes: Buffer, lastModified: Date): void {
  // TODO 1: headers on every answer (200 and 304): ETag (etagOf(bytes)), Last-Modified
  //   (lastModified.toUTCString()) and Cache-Control: no-cache.
  // TODO 2: If-None-Match (req.headers['if-none-match']): "*" or a comma-separated list of tags,
  //   compared weakly (W/"x" matches "x"). A match answers 304 with no body.
  // TODO 3: only when there is no If-None-Match: If-Modified-Since (an HTTP date). Not modified
  //   since then (lastModified <= that date) answers 304; a date that does not parse is ignored.
  void req;
  void lastModified;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(bytes);
}

/**
 * May a PUT replace the resource whose current ETag is currentEtag? null when it may; otherwise
 * the status to answer: 428 without If-Match, 412 when If-Match does not match.
 */
export function preconditionFailure(req: IncomingMessage, currentEtag: string): 412 | 428 | null {
  // TODO: If-Match (req.headers['if-match']) is required (428 without it). "*" or a list of tags,
  //   compared strongly: a weak tag (W/"…") never matches. No match: 412.
  void req;
  void currentEtag;
  return null;
}
