// The HTTP API (done for you), on node:http:
//   POST /files      multipart/form-data with a "file" part: 201 { id, name, type, size } (400, 413, 415)
//   GET  /files/:id  the stored file, with the headers of downloadHeaders (404)
// Files are stored as <dir>/<id>, where id is 32 random hex digits: never a name from the client.
// The rules about what is accepted are yours, in ./uploads.js.
const crypto = require('node:crypto');
const fs = require('node:fs/promises');
const http = require('node:http');
const path = require('node:path');
const { acceptUpload, downloadHeaders } = require('./uploads');

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function createApp({ maxBytes, dir }) {
  const files = new Map(); // id -> { id, name, type, size }

  async function handle(req, res) {
    const send = (status, value, extra = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...extra });
      res.end(JSON.stringify(value));
    };
    const url = new URL(req.url, 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/files') {
      const body = await readBody(req);
      let form;
      try {
        // The fetch API's Request parses multipart/form-data for us.
        form = await new Request('http://localhost/', { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '' }, body }).formData();
      } catch {
        return send(400, { error: 'Send multipart/form-data' });
      }
      const part = form.get('file');
      if (!part || typeof part === 'string') return send(400, { error: 'Send the file in a part named "file"' });
      const bytes = Buffer.from(await part.arrayBuffer());
      const verdict = acceptUpload({ filename: part.name, claimedType: part.type, bytes, maxBytes });
      if (verdict.error) return send(verdict.status, { error: verdict.error });
      const id = crypto.randomBytes(16).toString('hex');
      await fs.writeFile(path.join(dir, id), bytes);
      const meta = { id, name: verdict.name, type: verdict.type, size: bytes.length };
      files.set(id, meta);
      return send(201, meta, { location: `/files/${id}` });
    }
    const route = /^\/files\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && route) {
      const meta = /^[0-9a-f]{32}$/.test(route[1]) ? files.get(route[1]) : undefined;
      if (!meta) return send(404, { error: 'No such file' });
      const bytes = await fs.readFile(path.join(dir, meta.id));
      res.writeHead(200, { ...downloadHeaders(meta), 'content-length': bytes.length });
      return res.end(bytes);
    }
    send(404, { error: `No route for ${req.method} ${url.pathname}` });
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: err.message }));
    });
  });
}

module.exports = { createApp };
