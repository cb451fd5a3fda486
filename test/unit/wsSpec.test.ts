import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startProgram } from '../../src/domain/exercises/spec/program';
import type { RunningProgram } from '../../src/domain/exercises/spec/program';
import { runSpec } from '../../src/domain/exercises/spec/run';
import { specSchema } from '../../src/domain/exercises/spec/schema';
import type { Spec } from '../../src/domain/exercises/spec/schema';
import { acceptFor, expandRepeats, WsClient, WsSession } from '../../src/domain/exercises/spec/ws';

// A real WebSocket server, framed by hand on node:http's upgrade so that it can do what libraries
// rarely let a test do: fragment a message around a ping, send an oversized frame, answer the
// handshake wrongly, or refuse an unmasked client frame (as RFC 6455 says a server must).
const server = `
const http = require('node:http');
const crypto = require('node:crypto');
const clients = new Set();
const u16 = (n) => { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b; };
function frame(opcode, payload, fin = true) {
  const first = (fin ? 0x80 : 0) | opcode;
  const len = payload.length;
  let head;
  if (len < 126) head = Buffer.from([first, len]);
  else if (len < 65536) { head = Buffer.alloc(4); head[0] = first; head[1] = 126; head.writeUInt16BE(len, 2); }
  else { head = Buffer.alloc(10); head[0] = first; head[1] = 127; head.writeBigUInt64BE(BigInt(len), 2); }
  return Buffer.concat([head, payload]);
}
const server = http.createServer((req, res) => { res.writeHead(404); res.end('no such page'); });
server.on('upgrade', (req, socket) => {
  socket.on('error', () => {});
  if (req.url === '/missing') return socket.end('HTTP/1.1 404 Not Found\\r\\ncontent-length: 9\\r\\n\\r\\nnot here\\n');
  const accept = req.url === '/badaccept' ? 'd3Jvbmc=' : crypto.createHash('sha1').update(req.headers['sec-websocket-key'] + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
  // /greet: the first frame goes out in the same write as the handshake answer.
  const greeting = req.url === '/greet' ? frame(1, Buffer.from('{"type":"hello"}')) : Buffer.alloc(0);
  socket.write(Buffer.concat([Buffer.from('HTTP/1.1 101 Switching Protocols\\r\\nUpgrade: websocket\\r\\nConnection: Upgrade\\r\\nSec-WebSocket-Accept: ' + accept + '\\r\\n\\r\\n'), greeting]));
  clients.add(socket);
  socket.on('close', () => clients.delete(socket));
  let buf = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    buf = Buffer.concat([buf, chunk]);
    for (;;) {
      if (buf.length < 2) return;
      const op = buf[0] & 0x0f;
      if (!(buf[1] & 0x80)) return socket.end(frame(8, u16(1002)));
      let len = buf[1] & 0x7f, off = 2;
      if (len === 126) { len = buf.readUInt16BE(2); off = 4; }
      else if (len === 127) { len = Number(buf.readBigUInt64BE(2)); off = 10; }
      if (buf.length < off + 4 + len) return;
      const mask = buf.subarray(off, off + 4);
      const payload = Buffer.from(buf.subarray(off + 4, off + 4 + len)).map((b, i) => b ^ mask[i % 4]);
      buf = buf.subarray(off + 4 + len);
      handle(op, Buffer.from(payload));
    }
  });
  function handle(op, payload) {
    if (op === 8) return socket.end(frame(8, payload.subarray(0, 2)));
    if (op === 10) return socket.write(frame(1, Buffer.from('pong:' + payload.toString())));
    if (op !== 1) return;
    const text = payload.toString();
    if (text === 'frag') {
      socket.write(frame(1, Buffer.from('hel'), false));
      socket.write(frame(9, Buffer.from('p1')));
      socket.write(frame(0, Buffer.from('l'), false));
      socket.write(frame(0, Buffer.from('o'), true));
    } else if (text.startsWith('big:')) socket.write(frame(1, Buffer.alloc(Number(text.slice(4)), 0x61)));
    else if (text.startsWith('bigfrag:')) {
      const half = Buffer.alloc(Number(text.slice(8)) / 2, 0x62);
      socket.write(frame(1, half, false));
      socket.write(frame(0, half, true));
    } else if (text === 'binary') socket.write(frame(2, Buffer.from([1, 2, 3])));
    else if (text === 'badutf8') socket.write(frame(1, Buffer.from([0xc3, 0x28])));
    else if (text === 'close') socket.end(frame(8, Buffer.concat([u16(4000), Buffer.from('bye')])));
    else if (text === 'drop') socket.destroy();
    else if (text === 'count') socket.write(frame(1, Buffer.from('clients:' + clients.size)));
    else if (text.startsWith('{')) {
      const msg = JSON.parse(text);
      for (const c of clients) if (c !== socket) c.write(frame(1, Buffer.from(JSON.stringify({ from: msg.from, said: msg.said }))));
    } else socket.write(frame(1, Buffer.from('echo:' + text.length + ':' + text.slice(0, 10))));
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1');
`;

describe('WebSocket spec steps', function () {
  this.timeout(30_000);
  let dir: string;
  let program: RunningProgram;
  const command = { command: process.execPath, args: ['server.js'] };

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ws-spec-'));
    await fs.writeFile(path.join(dir, 'server.js'), server);
    program = await startProgram(command, dir);
  });
  after(async () => {
    await program.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const open = (p = '/', options = {}) => WsClient.connect('127.0.0.1', program.port, p, options);

  describe('the client', () => {
    it('computes Sec-WebSocket-Accept as RFC 6455 section 1.3 shows', () => {
      assert.equal(acceptFor('dGhlIHNhbXBsZSBub25jZQ=='), 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
    });

    it('sends masked frames of every length encoding and reads the answers', async () => {
      const client = await open();
      // 7-bit, 16-bit and 64-bit lengths; an unmasked frame would make the server close with 1002.
      for (const size of [5, 300, 70_000]) {
        client.sendText('x'.repeat(size));
        assert.deepEqual(await client.next(2000), { kind: 'text', text: `echo:${size}:${'x'.repeat(Math.min(size, 10))}` });
      }
      await client.close();
      assert.equal(client.closed, true);
    });

    it('joins a fragmented message and answers a ping in the middle of it with a pong', async () => {
      const client = await open();
      client.sendText('frag');
      assert.deepEqual(await client.next(2000), { kind: 'text', text: 'hello' });
      assert.deepEqual(await client.next(2000), { kind: 'text', text: 'pong:p1' });
      await client.close();
    });

    it('keeps a frame that arrives together with the handshake answer', async () => {
      const client = await open('/greet');
      assert.deepEqual(await client.next(2000), { kind: 'text', text: '{"type":"hello"}' });
      await client.close();
    });

    it('closes with 1009 when a message is over the size cap, whole or in fragments', async () => {
      for (const ask of ['big:5000', 'bigfrag:5000']) {
        const client = await open('/', { maxMessageBytes: 4096 });
        client.sendText('big:4096');
        assert.deepEqual(await client.next(2000), { kind: 'text', text: 'a'.repeat(4096) }, 'a message at the cap is fine');
        client.sendText(ask);
        const event = await client.next(2000);
        assert.equal(event?.kind, 'close', ask);
        assert.equal(event.kind === 'close' && event.code, 1009);
        assert.match(event.kind === 'close' ? event.detail : '', /over the 4096-byte limit/);
      }
    });

    it('reports binary frames, invalid UTF-8, the server closing and a dropped connection', async () => {
      const client = await open();
      client.sendText('binary');
      const binary = await client.next(2000);
      assert.equal(binary?.kind, 'binary');
      assert.deepEqual(binary.kind === 'binary' && [...binary.bytes], [1, 2, 3]);
      client.sendText('close');
      assert.deepEqual(await client.next(2000), {
        kind: 'close',
        code: 4000,
        reason: 'bye',
        detail: 'the server closed the connection (code 4000, reason "bye")',
      });
      assert.equal((await client.next(10))?.kind, 'close', 'the end stays for every later wait');

      const utf = await open();
      utf.sendText('badutf8');
      const bad = await utf.next(2000);
      assert.equal(bad?.kind === 'close' && bad.code, 1007);

      const dropped = await open();
      dropped.sendText('drop');
      const gone = await dropped.next(2000);
      assert.equal(gone?.kind === 'close' && gone.code, 1006);
    });

    it('refuses a handshake that is not a proper 101', async () => {
      await assert.rejects(open('/missing'), /"HTTP\/1\.1 404 Not Found" instead of "HTTP\/1\.1 101 Switching Protocols": "not here"/);
      await assert.rejects(open('/badaccept'), /wrong Sec-WebSocket-Accept/);
    });

    it('times out a wait with nothing, without losing a later frame', async () => {
      const client = await open();
      assert.equal(await client.next(100), undefined);
      client.sendText('late');
      assert.deepEqual(await client.next(2000), { kind: 'text', text: 'echo:4:late' });
      await client.close();
    });
  });

  it('expands {"$repeat": [text, n]} in values to send', () => {
    assert.deepEqual(expandRepeats({ a: { $repeat: ['ab', 3] }, b: [{ $repeat: ['x', 0] }] }), { a: 'ababab', b: [''] });
    assert.throws(() => expandRepeats({ $repeat: ['x', -1] }), /count from 0/);
  });

  it('parses ws steps and refuses unknown keys', () => {
    const ok = specSchema.safeParse({
      version: 1,
      exercise: 'x',
      scenarios: [{ name: 'n', steps: [{ ws: { connect: 'alice' } }, { ws: { receive: 'alice', json: { a: 1 } }, save: 'got' }] }],
    });
    assert.equal(ok.success, true);
    for (const step of [
      { ws: { connect: 'alice', extra: 1 } },
      { ws: { send: 'alice', json: 1, text: 'x' } },
      { ws: { silent: 'alice' } },
    ]) {
      const parsed = specSchema.safeParse({ version: 1, exercise: 'x', scenarios: [{ name: 'n', steps: [step] }] });
      assert.equal(parsed.success, false, JSON.stringify(step));
    }
  });

  it('closes every connection of a scenario at its end', async () => {
    const session = new WsSession(program.port);
    const saved = {};
    for (const name of ['a', 'b']) assert.equal(await session.run({ ws: { connect: name } }, saved), undefined);
    await session.closeAll();
    const probe = await open();
    // The server notices a closed socket a moment after the close handshake: ask a few times.
    let answer;
    for (let i = 0; i < 20; i++) {
      probe.sendText('count');
      answer = await probe.next(2000);
      if (answer?.kind === 'text' && answer.text === 'clients:1') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(answer, { kind: 'text', text: 'clients:1' }, 'only the probe is still connected');
    await probe.close();
  });

  describe('in a spec', () => {
    const run = (spec: Spec) => runSpec(spec, { start: (env) => startProgram(command, dir, { env }) });

    it('passes a conversation between two connections, and the server closing', async () => {
      const results = await run({
        version: 1,
        exercise: 'chat',
        scenarios: [
          {
            name: 'alice talks to bob, not to herself',
            steps: [
              { ws: { connect: 'alice' } },
              { ws: { connect: 'bob', path: '/' } },
              { ws: { send: 'alice', json: { from: 'alice', said: { $repeat: ['hi', 2] } } } },
              { ws: { receive: 'bob', json: { from: 'alice', said: 'hihi' } }, save: 'heard' },
              { ws: { send: 'bob', json: { from: 'bob', said: '{{heard.json.said}}!' } } },
              { ws: { receive: 'alice', json: { from: 'bob', said: { $matches: '^hihi!$' } } } },
              { ws: { silent: 'alice', ms: 200 } },
              { ws: { send: 'bob', text: 'abc' } },
              { ws: { receive: 'bob', text: 'echo:3:abc' } },
              { ws: { send: 'bob', text: 'close' } },
              { ws: { closed: 'bob', code: 4000 } },
              { ws: { close: 'alice' } },
              { ws: { connect: 'alice' } },
              { ws: { close: 'alice', abrupt: true } },
            ],
          },
        ],
      });
      assert.deepEqual(
        results.map((r) => [r.status, r.error]),
        [['passed', undefined]],
      );
    });

    it('fails with the frames so far, a websocat command, and expected vs actual', async () => {
      const [result] = await run({
        version: 1,
        exercise: 'chat',
        scenarios: [
          {
            name: 'bob hears alice',
            hints: ['Send to the others.'],
            steps: [
              { ws: { connect: 'alice' } },
              { ws: { connect: 'bob' } },
              { ws: { send: 'alice', json: { from: 'alice', said: 'hi' } } },
              { ws: { receive: 'bob', json: { from: 'alice', said: 'bye' } }, why: 'bob gets what alice said.' },
            ],
          },
        ],
      });
      assert.equal(result?.status, 'failed');
      const error = result.error ?? '';
      assert.match(error, /^Step 4 of 4:\n {2}\$ websocat ws:\/\/127\.0\.0\.1:\d+\/ /);
      assert.match(error, /# one terminal per connection \(alice, bob\), then type the frames sent \(→\) below/);
      assert.match(error, /alice {2}→ \{"from":"alice","said":"hi"\}/);
      assert.match(error, /bob {4}← \{"from":"alice","said":"hi"\}/);
      assert.match(error, /bob gets what alice said\./);
      assert.match(error, /json\.said\n {4}- expected: "bye"\n {4}\+ actual: {3}"hi"/);
      assert.deepEqual(result.hints, [{ id: '0', text: 'Send to the others.' }]);
    });

    it('fails a silent step when a frame arrives, a receive when nothing does, and a closed when the server keeps it open', async () => {
      const results = await run({
        version: 1,
        exercise: 'chat',
        scenarios: [
          {
            name: 'silent',
            steps: [{ ws: { connect: 'a' } }, { ws: { send: 'a', text: 'x' } }, { ws: { silent: 'a', ms: 300 } }],
          },
          { name: 'receive', steps: [{ ws: { connect: 'a' } }, { ws: { receive: 'a', ms: 200 } }] },
          { name: 'closed', steps: [{ ws: { connect: 'a' } }, { ws: { closed: 'a', ms: 200 } }] },
          { name: 'connect', steps: [{ ws: { connect: 'a', path: '/missing' } }] },
          { name: 'broken', steps: [{ ws: { send: 'nobody', text: 'x' } }] },
        ],
      });
      const errors = results.map((r) => r.error ?? '');
      assert.match(errors[0] ?? '', /- expected: nothing for 300 ms\n {4}\+ actual: {3}"echo:1:x"/);
      assert.match(errors[1] ?? '', /Nothing arrived within 200 ms/);
      assert.match(errors[2] ?? '', /- expected: the server closes the connection\n {4}\+ actual: {3}still open after 200 ms/);
      assert.match(errors[3] ?? '', /The connection failed: the server answered "HTTP\/1\.1 404 Not Found"/);
      assert.match(errors[4] ?? '', /The spec is broken: the connection "nobody" is not open/);
    });
  });
});
