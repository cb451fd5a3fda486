// HTTP caching rules: validators on GET, conditional GETs answered with 304, conditional PUTs.
// Read README.md first; it lists every rule the check tests.
import * as crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A strong ETag for these bytes: a hash of the content, in double quotes, e.g. "3q2-7w…".
 * The same bytes always give the same ETag; different bytes give a different one.
 */
export function etagOf(bytes: Buffer): string {
  return `"${crypto.createHash('sha256').update(bytes).digest('base64url')}"`;
}

/** The tags of an If-None-Match or If-Match header: ['*'] or each entity-tag as written. */
function tagList(header: string): string[] {
  if (header.trim() === '*') return ['*'];
  return header.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

const isWeak = (tag: string): boolean => tag.startsWith('W/');
const opaque = (tag: string): string => (isWeak(tag) ? tag.slice(2) : tag);

function notModified(req: IncomingMessage, etag: string, lastModified: Date): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    // If-None-Match decides alone; If-Modified-Since only counts without it. Weak comparison.
    return tagList(ifNoneMatch).some((tag) => tag === '*' || opaque(tag) === opaque(etag));
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && lastModified.getTime() <= since;
}

/**
 * Answers a GET with this JSON representation: 200 with the body, or 304 Not Modified with no body
 * when the client's copy is still good.
 */
export function sendCacheable(req: IncomingMessage, res: ServerResponse, bytes: Buffer, lastModified: Date): void {
  const etag = etagOf(bytes);
  const validators = { etag, 'last-modified': lastModified.toUTCString(), 'cache-control': 'no-cache' };
  if (notModified(req, etag, lastModified)) {
    res.writeHead(304, validators).end();
    return;
  }
  res.writeHead(200, { ...validators, 'content-type': 'application/json' }).end(bytes);
}

/**
 * May a PUT replace the resource whose current ETag is currentEtag? null when it may; otherwise
 * the status to answer: 428 without If-Match, 412 when If-Match does not match.
 */
export function preconditionFailure(req: IncomingMessage, currentEtag: string): 412 | 428 | null {
  const ifMatch = req.headers['if-match'];
  if (ifMatch === undefined) return 428;
  // Strong comparison: both tags strong and identical.
  const matches = (tag: string) => tag === '*' || (!isWeak(tag) && !isWeak(currentEtag) && tag === currentEtag);
  return tagList(ifMatch).some(matches) ? null : 412;
}
