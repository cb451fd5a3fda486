// Content negotiation for compression. Read README.md first; it lists every rule the check tests.
const zlib = require('node:zlib');

/**
 * Accept-Encoding as a Map from coding (lower case) to its q value (0 to 1, default 1).
 * "gzip;q=0.8, br, *;q=0.1" -> Map { gzip => 0.8, br => 1, * => 0.1 }
 */
function parseAcceptEncoding(header) {
  const codings = new Map();
  for (const entry of header.split(',')) {
    const [name, ...params] = entry.split(';').map((s) => s.trim());
    if (!name) continue;
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=').map((s) => s.trim());
      if (key?.toLowerCase() === 'q') q = Number(value);
    }
    if (!Number.isNaN(q)) codings.set(name.toLowerCase(), Math.min(Math.max(q, 0), 1));
  }
  return codings;
}

const textTypes = /^(text\/|application\/json|application\/javascript|image\/svg\+xml)/i;

/** Is a body of this type and size worth compressing? Text-like types of at least 1024 bytes. */
function isCompressible(contentType, size) {
  return textTypes.test(contentType) && size >= 1024;
}

/**
 * 'gzip', 'identity', or null when no acceptable coding is left (a 406), for this Accept-Encoding
 * header (undefined when the request had none) and a body that is or is not worth compressing.
 */
function chooseEncoding(header, compressible) {
  if (header === undefined) return 'identity';
  const codings = parseAcceptEncoding(header);
  const star = codings.get('*');
  const gzip = codings.get('gzip') ?? star ?? 0;
  // identity is acceptable unless refused; when nothing mentions it, it loses to any listed coding.
  const identity = codings.get('identity') ?? star ?? 0.0001;
  if (gzip > 0 && (identity === 0 || (compressible && gzip >= identity))) return 'gzip';
  if (identity > 0) return 'identity';
  return null;
}

/** Sends the body, compressed when chooseEncoding says so, with Vary: Accept-Encoding on every answer. */
function sendNegotiated(req, res, status, contentType, body) {
  const encoding = chooseEncoding(req.headers['accept-encoding'], isCompressible(contentType, body.length));
  // Every answer depends on Accept-Encoding, so caches must key on it: identity and 406 too.
  const vary = { vary: 'Accept-Encoding' };
  if (encoding === null) {
    res.writeHead(406, { ...vary, 'content-type': 'application/json' });
    return res.end(JSON.stringify({ error: 'No acceptable content coding: this server offers gzip and identity' }));
  }
  if (encoding === 'gzip') {
    res.writeHead(status, { ...vary, 'content-type': contentType, 'content-encoding': 'gzip' });
    return res.end(zlib.gzipSync(body));
  }
  res.writeHead(status, { ...vary, 'content-type': contentType });
  res.end(body);
}

module.exports = { parseAcceptEncoding, isCompressible, chooseEncoding, sendNegotiated };
