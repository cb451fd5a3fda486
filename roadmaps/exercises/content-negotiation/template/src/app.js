// GET /cities in three formats, chosen by the request's Accept header (content negotiation).
const http = require('node:http');

/** The data: names with letters outside ASCII, so bytes and characters differ. */
const CITIES = [
  { name: 'Zürich', country: 'CH' },
  { name: 'São Paulo', country: 'BR' },
  { name: '東京', country: 'JP' },
];

/** The media types GET /cities can produce, in the server's order of preference (for ties). */
const TYPES = ['application/json', 'text/csv', 'text/plain'];
const ALLOW = 'GET, HEAD, OPTIONS';

/** Each representation of the list, as text (done for you). */
const RENDER = {
  'application/json': (cities) => JSON.stringify(cities),
  'text/csv': (cities) => ['name,country', ...cities.map((c) => `${c.name},${c.country}`)].map((line) => `${line}\r\n`).join(''),
  'text/plain': (cities) => cities.map((c) => `${c.name} (${c.country})\n`).join(''),
};

/**
 * The Accept header's media ranges: [{ type: 'text', subtype: 'csv', q: 0.5 }, …]. A range without
 * q has q=1; a range whose q is not a number from 0 to 1 is left out.
 */
function parseAccept(header) {
  // TODO: split on commas; each part is "type/subtype" and optional ";name=value" parameters.
  //       Lower-case the type and subtype. Keep q as a number.
  return [];
}

/**
 * The type to answer with for this Accept header, or undefined when none is acceptable. Each type
 * takes the q of the most specific range that matches it (text/csv before text/* before *\/*); q=0
 * means "not this one"; the highest q wins, ties going to the earlier type in TYPES.
 */
function negotiate(acceptHeader) {
  // TODO: no header (or an empty one) accepts anything: JSON.
  // TODO: otherwise find each type's q from parseAccept(acceptHeader), and pick.
  return TYPES[0];
}

function createServer() {
  return http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    if (pathname !== '/cities') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    // TODO: OPTIONS → 204 with an Allow header; any method but GET, HEAD and OPTIONS → 405 with Allow.
    // TODO: Vary: Accept on every answer from here on.
    const chosen = negotiate(req.headers.accept);
    // TODO: nothing acceptable (chosen is undefined) → 406.
    const body = RENDER[chosen](CITIES);
    // TODO: Content-Type with "; charset=utf-8"; a Content-Length that counts bytes; no body for HEAD.
    res.writeHead(200, { 'Content-Type': chosen });
    res.end(body);
  });
}

module.exports = { createServer, negotiate, parseAccept, CITIES, TYPES };
