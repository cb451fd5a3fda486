// Content negotiation for compression. Read README.md first; it lists every rule the check tests.
const zlib = require('node:zlib'); // for TODO 4

/**
 * Accept-Encoding as a Map from coding (lower case) to its q value (0 to 1, default 1).
 * "gzip;q=0.8, br, *;q=0.1" -> Map { gzip => 0.8, br => 1, * => 0.1 }
 */
function parseAcceptEncoding(header) {
  // TODO 1: split on commas; each entry is a coding and optional parameters after ";" (q=...).
  return new Map();
}

/** Is a body of this type and size worth compressing? Text-like types of at least 1024 bytes. */
function isCompressible(contentType, size) {
  // TODO 2: text/*, application/json, application/javascript, image/svg+xml; size >= 1024.
  return true;
}

/**
 * 'gzip', 'identity', or null when no acceptable coding is left (a 406), for this Accept-Encoding
 * header (undefined when the request had none) and a body that is or is not worth compressing.
 */
function chooseEncoding(header, compressible) {
  // TODO 3: the rules of the README: the q of gzip and of identity (own entry, else "*", else the
  //   defaults), then gzip, identity or null.
  return 'identity';
}

/** Sends the body, compressed when chooseEncoding says so, with Vary: Accept-Encoding on every answer. */
function sendNegotiated(req, res, status, contentType, body) {
  // TODO 4: Vary: Accept-Encoding; gzip: Content-Encoding: gzip and zlib.gzipSync(body);
  //   null: 406 with a JSON error.
  res.writeHead(status, { 'content-type': contentType });
  res.end(body);
}

module.exports = { parseAcceptEncoding, isCompressible, chooseEncoding, sendNegotiated };
