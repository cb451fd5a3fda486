// The HTTP API (done for you), on node:http:
//   POST /files      multipart/form-data with a "file" part: 201 { id, name, type, size } (400, 413, 415)
//   GET  /files/:id  the stored file, with the headers of downloadHeaders (404)
// Files are stored as <dir>/<id>, where id is 32 random hex digits: never a name from the client.
// The rules about what is accepted are yours, in ./uploads.ts.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import * as path from 'node:path';
import { acceptUpload, downloadHeaders } from './uploads';
import type { StoredFile } from './uploads';

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function createApp({ maxBytes, dir }: { maxBytes: number; dir: string }): http.Server {
  const files = new Map<string, StoredFile>();

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const send = (status: number, value: unknown, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...extra });
      res.end(JSON.stringify(value));
    };
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST' && url.pathname === '/files') {
      const body = await readBody(req);
      let form: FormData;
      try {
        // The fetch API's Request parses multipart/form-data for us.
        form = await new Request('http://localhost/', { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '' }, body: new Uint8Array(body) }).formData();
      } catch {
        return send(400, { error: 'Send multipart/form-data' });
      }
      const part = form.get('file');
      if (!part || typeof part === 'string') return send(400, { error: 'Send the file in a part named "file"' });
      const bytes = Buffer.from(await part.arrayBuffer());
      const verdict = acceptUpload({ filename: part.name, claimedType: part.type, bytes, maxBytes });
      if ('error' in verdict) return send(verdict.status, { error: verdict.error });
      const id = crypto.randomBytes(16).toString('hex');
      await fs.writeFile(path.join(dir, id), bytes);
      const meta: StoredFile = { id, name: verdict.name, type: verdict.type, size: bytes.length };
      files.set(id, meta);
      return send(201, meta, { location: `/files/${id}` });
    }
    const route = /^\/files\/([^/]+)$/.exec(url.pathname);
    if (req.method === 'GET' && route?.[1] !== undefined) {
      const meta = /^[0-9a-f]{32}$/.test(route[1]) ? files.get(route[1]) : undefined;
      if (!meta) return send(404, { error: 'No such file' });
      const bytes = await fs.readFile(path.join(dir, meta.id));
      res.writeHead(200, { ...downloadHeaders(meta), 'content-length': String(bytes.length) });
      res.end(bytes);
      return;
    }
    send(404, { error: `No route for ${req.method} ${url.pathname}` });
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error(err);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }));
    });
  });
}
