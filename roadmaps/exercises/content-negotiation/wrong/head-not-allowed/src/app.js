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

/** Each representation of the list, as text. */
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
  const ranges = [];
  for (const part of header.split(',')) {
    const [range, ...params] = part.split(';').map((s) => s.trim());
    const [type, subtype] = range.toLowerCase().split('/');
    if (!type || !subtype) continue;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((s) => s.trim());
      if (name.toLowerCase() === 'q') q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value ?? '') ? Number(value) : NaN;
    }
    if (!Number.isNaN(q)) ranges.push({ type, subtype, q });
  }
  return ranges;
}

/**
 * The type to answer with for this Accept header, or undefined when none is acceptable. Each type
 * takes the q of the most specific range that matches it (text/csv before text/* before *\/*); q=0
 * means "not this one"; the highest q wins, ties going to the earlier type in TYPES.
 */
function negotiate(acceptHeader) {
  if (acceptHeader === undefined || acceptHeader.trim() === '') return TYPES[0];
  const ranges = parseAccept(acceptHeader);
  let best;
  let bestQ = 0;
  for (const mediaType of TYPES) {
    const [type, subtype] = mediaType.split('/');
    const specificity = (r) => (r.type === type && r.subtype === subtype ? 3 : r.type === type && r.subtype === '*' ? 2 : r.type === '*' && r.subtype === '*' ? 1 : 0);
    let match;
    for (const r of ranges) if (specificity(r) > 0 && (!match || specificity(r) > specificity(match))) match = r;
    if (match && match.q > bestQ) {
      best = mediaType;
      bestQ = match.q;
    }
  }
  return best;
}

function createServer() {
  return http.createServer((req, res) => {
    const { pathname } = new URL(req.url, 'http://localhost');
    if (pathname !== '/cities') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { Allow: ALLOW }).end();
      return;
    }
    if (req.method !== 'GET') { // WRONG: HEAD is answered 405, though Allow lists it
      res.writeHead(405, { Allow: ALLOW, 'Content-Type': 'text/plain; charset=utf-8' }).end(`${req.method} is not allowed here\n`);
      return;
    }
    // The answer depends on Accept: caches must keep one copy per Accept value.
    res.setHeader('Vary', 'Accept');
    const chosen = negotiate(req.headers.accept);
    let status = 200;
    let contentType;
    let body;
    if (chosen) {
      contentType = `${chosen}; charset=utf-8`;
      body = Buffer.from(RENDER[chosen](CITIES), 'utf8');
    } else {
      status = 406;
      contentType = 'text/plain; charset=utf-8';
      body = Buffer.from(`Not acceptable. Available: ${TYPES.join(', ')}\n`, 'utf8');
    }
    // Content-Length counts bytes: "Zürich" is 6 characters and 7 bytes in UTF-8.
    res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': body.length });
    // HEAD: the same headers as GET, and no body.
    res.end(req.method === 'HEAD' ? undefined : body);
  });
}

module.exports = { createServer, negotiate, parseAccept, CITIES, TYPES };
