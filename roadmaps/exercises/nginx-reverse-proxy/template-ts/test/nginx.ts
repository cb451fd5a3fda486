// Starts a real nginx with your nginx/books.conf in front of a small API the test runs itself, each on
// a free loopback port, in a temporary prefix folder. nginx must be installed (Debian/Ubuntu:
// `apt-get install nginx`; macOS: `brew install nginx`); without it the tests fail and say so.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

/** One answer from nginx: the body decompressed to text, and `raw` the bytes as they were sent. */
export interface ProxyResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  raw: Buffer;
}

/** A running nginx in front of the test API. */
export interface Proxy {
  port: number;
  request(pathname: string, headers?: Record<string, string>): Promise<ProxyResponse>;
  stop(): Promise<void>;
  log(): string;
}

export function findNginx(): string | undefined {
  for (const candidate of [process.env.NGINX, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/opt/homebrew/bin/nginx', '/usr/local/bin/nginx']) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

/** The port of a server listening on TCP (as these all do). */
function portOf(server: net.Server): number {
  return (server.address() as net.AddressInfo).port;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = portOf(server);
      server.close(() => resolve(port));
    });
  });
}

/** The API behind nginx: /echo/* answers what it received, /books a large JSON list, /crash hangs up. */
function startApi(): Promise<http.Server> {
  const books = Array.from({ length: 60 }, (_, i) => ({ id: i + 1, title: `Book number ${i + 1}`, tags: ['fiction', 'classic'] }));
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/crash') return req.socket.destroy();
    const json = (value: unknown) => {
      const body = JSON.stringify(value);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    };
    if (url === '/books') return json(books);
    if (url.startsWith('/echo')) return json({ method: req.method, path: url, headers: req.headers });
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `the API has no ${url}` }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 5000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}:\n${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port} within 5 s:\n${log()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts the API and nginx with nginx/books.conf. */
export async function startProxy(): Promise<Proxy> {
  const nginx = findNginx();
  if (!nginx)
    throw new Error(
      'nginx is not installed, so the config cannot be tried. Install it (Debian/Ubuntu: sudo apt-get install nginx; macOS: brew install nginx) and run the tests again. Set NGINX=/path/to/nginx if it is somewhere unusual.',
    );
  const api = await startApi();
  const port = await freePort();
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-exercise-'));
  const conf = path.join(prefix, 'nginx.conf');
  const yours = path.join(__dirname, '..', 'nginx', 'books.conf');
  const root = process.getuid?.() === 0;
  fs.writeFileSync(
    conf,
    `${root ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  default_type application/octet-stream;
  client_body_temp_path ${prefix}/client_body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream books_api { server 127.0.0.1:${portOf(api)}; }
  server {
    listen 127.0.0.1:${port};
    server_name books.test;
    include ${yours};
  }
}
`,
  );
  const test = spawnSync(nginx, ['-t', '-p', prefix, '-c', conf, '-e', `${prefix}/error.log`], { encoding: 'utf8' });
  if (test.status !== 0) {
    api.close();
    throw new Error(`nginx refuses the config (nginx -t):\n${test.stderr.trim()}`);
  }
  const child = spawn(nginx, ['-p', prefix, '-c', conf, '-e', `${prefix}/error.log`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c));
  const log = () => `${stderr}${fs.existsSync(`${prefix}/error.log`) ? fs.readFileSync(`${prefix}/error.log`, 'utf8') : ''}`.trim();
  try {
    await waitForPort(port, child, log);
  } catch (e) {
    child.kill('SIGKILL');
    api.close();
    throw e;
  }

  /** One request through nginx. */
  function request(pathname: string, headers: Record<string, string> = {}): Promise<ProxyResponse> {
    return new Promise((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: pathname, headers: { host: 'books.test', ...headers }, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const body = res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw).toString('utf8') : raw.toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, raw });
        });
      });
      req.setTimeout(5000, () => req.destroy(new Error(`no answer from nginx for ${pathname} within 5 s`)));
      req.on('error', reject);
    });
  }

  async function stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(killer);
    await new Promise<void>((resolve) => api.close(() => resolve()));
    fs.rmSync(prefix, { recursive: true, force: true });
  }

  return { port, request, stop, log };
}
