import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startProgram } from '../../src/domain/exercises/spec/program';
import type { RunningProgram } from '../../src/domain/exercises/spec/program';
import { runSpec } from '../../src/domain/exercises/spec/run';
import { specSchema } from '../../src/domain/exercises/spec/schema';
import type { Spec } from '../../src/domain/exercises/spec/schema';
import {
  ncCommand,
  payloadText,
  printfCommands,
  readHttpResponse,
  splitBytes,
  TcpClient,
  TcpSession,
} from '../../src/domain/exercises/spec/tcp';

// A real TCP server, one line per command: it echoes, and on request answers with HTTP responses
// (framed right and wrong), a line without its newline, a reset or a close, so that every way a
// tcp step reads and fails can be seen against real sockets.
const server = `
const net = require('node:net');
const clients = new Set();
net.createServer((socket) => {
  clients.add(socket);
  socket.on('close', () => clients.delete(socket));
  socket.on('error', () => {});
  socket.setEncoding('utf8');
  let buf = '';
  socket.on('data', (data) => {
    buf += data;
    for (let nl = buf.indexOf('\\n'); nl >= 0; nl = buf.indexOf('\\n')) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line === 'QUIT') return socket.end('BYE\\n');
      if (line === 'COUNT') socket.write('clients:' + clients.size + '\\n');
      else if (line === 'HTTP') socket.write('HTTP/1.1 200 OK\\r\\nContent-Type: text/plain\\r\\nContent-Length: 6\\r\\n\\r\\nhello\\n');
      else if (line === 'CHUNKED') socket.write('HTTP/1.1 201 Created\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n3\\r\\n{"a\\r\\n4\\r\\n":1}\\r\\n0\\r\\n\\r\\n');
      else if (line === 'SHORT') socket.write('HTTP/1.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\nhello');
      else if (line === 'NOLEN') socket.end('HTTP/1.1 500 Oops\\r\\n\\r\\nuntil the close');
      else if (line === 'LF') socket.write('HTTP/1.1 200 OK\\nContent-Length: 0\\n\\n');
      else if (line === 'PARTIAL') socket.write('no newline');
      else if (line === 'RESET') return socket.resetAndDestroy();
      else if (line === 'CLOSE') return socket.end();
      else socket.write('ECHO ' + line + '\\n');
    }
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

const step = (tcp: unknown, extra: Record<string, unknown> = {}) => ({ tcp, ...extra }) as Spec['scenarios'][number]['steps'][number];

describe('TCP spec steps', function () {
  this.timeout(30_000);
  let dir: string;
  let program: RunningProgram;
  const command = { command: process.execPath, args: ['server.js'] };

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tcp-spec-'));
    await fs.writeFile(path.join(dir, 'server.js'), server);
    program = await startProgram(command, dir);
  });
  after(async () => {
    await program.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  describe('reading an HTTP response off a byte stream', () => {
    const bytes = (text: string) => Buffer.from(text, 'latin1');

    it('takes exactly Content-Length bytes of body, and leaves the next response where it is', () => {
      const two = bytes('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-A: 1\r\nx-a: 2\r\n\r\nhelloHTTP/1.1 404 Not Found\r\n');
      const read = readHttpResponse(two, false);
      assert.equal(read.kind, 'done');
      assert.deepEqual(read.kind === 'done' && read.response, {
        status: 200,
        headers: { 'content-length': '5', 'x-a': '1, 2' },
        text: 'hello',
      });
      assert.equal(read.kind === 'done' && two.subarray(read.length).toString(), 'HTTP/1.1 404 Not Found\r\n');
    });

    it('decodes a chunked body, parses JSON, and knows 204 and 304 have no body', () => {
      const chunked = readHttpResponse(
        bytes('HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{"a\r\n4;x=y\r\n":1}\r\n0\r\n\r\n'),
        false,
      );
      assert.deepEqual(chunked.kind === 'done' && chunked.response.json, { a: 1 });
      const empty = readHttpResponse(bytes('HTTP/1.1 204 No Content\r\nContent-Length: 3\r\n\r\n'), false);
      assert.deepEqual(empty.kind === 'done' && [empty.response.text, empty.length], ['', 46]);
    });

    it('waits for a short body or the close, and says what is missing', () => {
      const short = readHttpResponse(bytes('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello'), true);
      assert.deepEqual(short, {
        kind: 'waiting',
        why: 'the body has 5 of the 10 bytes its Content-Length promises, and the connection ended',
      });
      const open = readHttpResponse(bytes('HTTP/1.1 200 OK\r\n\r\nabc'), false);
      assert.match(open.kind === 'waiting' ? open.why : '', /neither Content-Length nor Transfer-Encoding: chunked/);
      const closed = readHttpResponse(bytes('HTTP/1.1 200 OK\r\n\r\nabc'), true);
      assert.equal(closed.kind === 'done' && closed.response.text, 'abc');
      const lf = readHttpResponse(bytes('HTTP/1.1 200 OK\nContent-Length: 0\n\n'), false);
      assert.match(lf.kind === 'waiting' ? lf.why : '', /HTTP lines end with "\\r\\n"/);
    });

    it('refuses a response that is not HTTP/1.1', () => {
      for (const [text, why] of [
        ['HTTP/2 200 OK\r\n\r\n', /status line "HTTP\/2 200 OK" is not of the form/],
        ['HTTP/1.1 200 OK\r\nno colon here\r\n\r\n', /header line "no colon here" is not "Name: value"/],
        ['HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab', /two different Content-Length headers/],
        ['HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n', /Content-Length "-1" is not a number of bytes/],
      ] as const) {
        const read = readHttpResponse(bytes(text), false);
        assert.equal(read.kind, 'bad', text);
        assert.match(read.kind === 'bad' ? read.why : '', why);
      }
    });
  });

  describe('the command to try it by hand', () => {
    it('prints exactly the bytes sent, escaped for printf and the shell', () => {
      const sent = Buffer.from("-50% of 'a\\b'\r\né\n", 'utf8');
      const [command = ''] = printfCommands(sent);
      assert.equal(command, `printf '\\05550%% of '\\''a\\\\b'\\''\\r\\n\\303\\251\\n'`);
      // The shell gives back the very same bytes.
      assert.deepEqual(execFileSync('sh', ['-c', command]), sent);
    });

    it('writes a long run of one character with printf and tr, and pauses with sleep', () => {
      const bytes = Buffer.from(`${'a'.repeat(1025)}\n`);
      assert.deepEqual(printfCommands(bytes), [`printf '%1025s' '' | tr ' ' a`, `printf '\\n'`]);
      assert.deepEqual(execFileSync('sh', ['-c', printfCommands(bytes).join('; ')]), bytes);
      assert.equal(
        ncCommand(4000, [{ bytes: Buffer.from('hel') }, { pauseMs: 100 }, { bytes: Buffer.from('lo\n') }]),
        `{ printf hel; sleep 0.1; printf 'lo\\n'; } | nc -w 2 127.0.0.1 4000`,
      );
      assert.equal(ncCommand(4000, []), 'nc 127.0.0.1 4000');
    });

    it('splits bytes at increasing offsets only, and spells out $repeat', () => {
      assert.deepEqual(
        splitBytes(Buffer.from('abcdef'), [2, 4]).map((b) => b.toString()),
        ['ab', 'cd', 'ef'],
      );
      assert.throws(() => splitBytes(Buffer.from('abc'), [2, 1]), /increasing byte offsets inside the 3 bytes/);
      assert.throws(() => splitBytes(Buffer.from('abc'), [3]), /3 is not/);
      assert.equal(payloadText(['x', { $repeat: ['ab', 3] }, '{{who}}'], { who: 'ada' }), 'xabababada');
    });
  });

  it('parses tcp steps and refuses unknown keys', () => {
    const parse = (tcp: unknown) =>
      specSchema.safeParse({ version: 1, exercise: 'x', scenarios: [{ name: 'n', steps: [{ tcp }] }] }).success;
    assert.equal(parse({ send: 'a', text: 'hello\n', splitAt: [2], pauseMs: 50 }), true);
    assert.equal(parse({ receive: 'a', response: { status: 200, headers: { 'content-length': '5' } } }), true);
    assert.equal(parse({ send: 'a', text: [{ $repeat: ['a', 1025] }, '\n'] }), true);
    for (const bad of [
      { connect: 'a', extra: 1 },
      { silent: 'a' },
      { receive: 'a', lines: [] },
      { send: 'a', text: 'x', splitAt: [0] },
      { receive: 'a', lines: ['x'], text: 'x' },
    ])
      assert.equal(parse(bad), false, JSON.stringify(bad));
  });

  it('drops every connection of a scenario at its end', async () => {
    const session = new TcpSession(program.port);
    for (const name of ['a', 'b']) assert.equal(await session.run({ tcp: { connect: name } }, {}), undefined);
    session.closeAll();
    const probe = await TcpClient.connect('127.0.0.1', program.port);
    // The server notices the closed sockets a moment later: ask until it has (at most 20 times).
    let answer = '';
    for (let i = 0; i < 20 && answer !== 'clients:1\n'; i++) {
      await probe.write(Buffer.from('COUNT\n'));
      await probe.until(() => probe.unread.includes('\n'), 2000);
      answer = probe.take(probe.unread.length).toString();
      if (answer !== 'clients:1\n') await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(answer, 'clients:1\n', 'only the probe is still connected');
    probe.destroy();
  });

  describe('in a spec', () => {
    const run = (spec: Spec) => runSpec(spec, { start: (env) => startProgram(command, dir, { env }) });

    it('passes a conversation: split and merged messages, raw bytes, HTTP responses, a polite close', async () => {
      const started = performance.now();
      const results = await run({
        version: 1,
        exercise: 'echo',
        scenarios: [
          {
            name: 'alice and bob talk to the echo server',
            steps: [
              step({ connect: 'alice' }),
              step({ connect: 'bob' }),
              // Split inside "é" (bytes 1-2): the server must join the bytes before decoding them.
              step({ send: 'alice', text: 'héllo\nwor', splitAt: [2, 5], pauseMs: 150 }),
              step({ send: 'bob', text: 'one\ntwo\n' }),
              step({ receive: 'bob', lines: ['ECHO one', { $matches: '^ECHO t' }] }),
              step({ send: 'alice', text: 'ld\n' }),
              step({ receive: 'alice', lines: ['ECHO héllo', 'ECHO world'] }),
              step({ send: 'alice', text: 'PARTIAL\n' }),
              step({ receive: 'alice', text: 'no newline' }),
              step({ silent: 'alice', ms: 200 }),
              step({ send: 'alice', text: ['HTTP\nCHUNKED\n', { $repeat: ['x', 3] }, '\n'] }),
              step({ receive: 'alice', response: { status: 200, headers: { 'Content-Type': 'text/plain' }, text: 'hello\n' } }),
              step({ receive: 'alice', response: { status: 201, json: { a: 1 } } }),
              step({ receive: 'alice', lines: ['ECHO xxx'] }),
              step({ send: 'alice', text: 'QUIT\nnever read\n' }),
              step({ receive: 'alice', lines: ['BYE'] }),
              step({ closed: 'alice' }),
              step({ send: 'bob', text: 'NOLEN\n' }),
              step({ receive: 'bob', response: { status: 500, text: 'until the close' } }),
              step({ closed: 'bob' }),
              step({ connect: 'bob' }),
              step({ send: 'bob', text: 'again\n' }),
              step({ receive: 'bob', lines: ['ECHO again'] }),
              step({ connect: 'carol' }),
              step({ close: 'carol', abrupt: true }),
              step({ connect: 'carol' }),
              step({ close: 'carol' }),
            ],
          },
        ],
      });
      assert.deepEqual(
        results.map((r) => [r.status, r.error]),
        [['passed', undefined]],
      );
      // The two pauses of the split send happened.
      assert.ok(performance.now() - started >= 300);
    });

    it('fails with the bytes so far, an nc command, and expected vs actual', async () => {
      const [result] = await run({
        version: 1,
        exercise: 'echo',
        scenarios: [
          {
            name: 'echoes',
            hints: ['Answer every line.'],
            steps: [
              step({ connect: 'alice' }),
              step({ connect: 'bob' }),
              step({ send: 'alice', text: 'hi\n', splitAt: [1] }),
              step({ receive: 'alice', lines: ['ECHO ho'] }, { why: 'alice hears her line back.' }),
            ],
          },
        ],
      });
      assert.equal(result?.status, 'failed');
      const error = result.error ?? '';
      assert.match(
        error,
        /^Step 4 of 4:\n {2}\$ \{ printf h; sleep 0\.1; printf 'i\\n'; \} \| nc -w 2 127\.0\.0\.1 \d+ {4}# the bytes alice sent; one terminal per connection \(alice, bob\)\n/,
      );
      assert.match(error, /alice {2}→ "h" \(100 ms pause\) "i\\n"/);
      assert.match(error, /alice {2}← "ECHO hi\\n"/);
      assert.match(error, /Step: alice receives the line \["ECHO ho"\] within 2000 ms\n {2}alice hears her line back\./);
      assert.match(error, /line 1\n {4}- expected: "ECHO ho"\n {4}\+ actual: {3}"ECHO hi"/);
      assert.deepEqual(result.hints, [{ id: '0', text: 'Answer every line.' }]);
    });

    it('says what is missing: lines, bytes, a response, the close, or silence', async () => {
      const results = await run({
        version: 1,
        exercise: 'echo',
        scenarios: [
          {
            name: 'lines',
            steps: [step({ connect: 'a' }), step({ send: 'a', text: 'x\n' }), step({ receive: 'a', lines: ['ECHO x', 'ECHO y'], ms: 200 })],
          },
          {
            name: 'partial',
            steps: [step({ connect: 'a' }), step({ send: 'a', text: 'PARTIAL\n' }), step({ receive: 'a', lines: ['x'], ms: 200 })],
          },
          { name: 'text', steps: [step({ connect: 'a' }), step({ send: 'a', text: 'x\n' }), step({ receive: 'a', text: 'ECHO y\n' })] },
          {
            name: 'short',
            steps: [step({ connect: 'a' }), step({ send: 'a', text: 'SHORT\n' }), step({ receive: 'a', response: {}, ms: 200 })],
          },
          { name: 'lf', steps: [step({ connect: 'a' }), step({ send: 'a', text: 'LF\n' }), step({ receive: 'a', response: {}, ms: 200 })] },
          { name: 'open', steps: [step({ connect: 'a' }), step({ closed: 'a', ms: 200 })] },
          { name: 'more', steps: [step({ connect: 'a' }), step({ send: 'a', text: 'x\nCLOSE\n' }), step({ closed: 'a' })] },
          { name: 'silent', steps: [step({ connect: 'a' }), step({ send: 'a', text: 'x\n' }), step({ silent: 'a', ms: 300 })] },
          { name: 'reset', steps: [step({ connect: 'a' }), step({ send: 'a', text: 'RESET\n' }), step({ receive: 'a', lines: ['x'] })] },
          { name: 'broken', steps: [step({ send: 'nobody', text: 'x' })] },
        ],
      });
      const errors = Object.fromEntries(results.map((r) => [r.name, r.error ?? '']));
      assert.match(
        errors.lines ?? '',
        /Only 1 of the 2 lines expected arrived within 200 ms\.\n {2}Expected: \["ECHO x","ECHO y"\]\n {2}Arrived: {2}\["ECHO x"\]/,
      );
      assert.match(errors.partial ?? '', /Only 0 of the 1 lines expected arrived, then "no newline" with no "\\n" after it within 200 ms/);
      assert.match(errors.text ?? '', /bytes\n {4}- expected: "ECHO y\\n"\n {4}\+ actual: {3}"ECHO x\\n"/);
      assert.match(
        errors.short ?? '',
        /No complete HTTP response within 200 ms: the body has 5 of the 10 bytes its Content-Length promises\.\n {2}Arrived: "HTTP\/1\.1 200 OK\\r\\nContent-Length: 10\\r\\n\\r\\nhello"/,
      );
      assert.match(errors.lf ?? '', /HTTP lines end with "\\r\\n"/);
      assert.match(
        errors.open ?? '',
        /- expected: the server closes the connection, with nothing more sent first\n {4}\+ actual: {3}still open after 200 ms/,
      );
      assert.match(errors.more ?? '', /\+ actual: {3}"ECHO x\\n", then the server closed the connection/);
      assert.match(errors.silent ?? '', /- expected: nothing for 300 ms, and the connection still open\n {4}\+ actual: {3}"ECHO x\\n"/);
      assert.match(errors.reset ?? '', /Only 0 of the 1 lines expected arrived; the server reset the connection \(ECONNRESET\)/);
      assert.match(errors.broken ?? '', /The spec is broken: the connection "nobody" is not open/);
    });

    it('fails a send on a connection the server closed, and a connect to a port where nothing listens', async () => {
      const [result, gone] = await run({
        version: 1,
        exercise: 'echo',
        scenarios: [
          {
            name: 'closed',
            steps: [step({ connect: 'a' }), step({ send: 'a', text: 'CLOSE\n' }), step({ silent: 'a', ms: 300 })],
          },
          {
            name: 'gone',
            steps: [step({ connect: 'a' }), step({ send: 'a', text: 'CLOSE\n' }), step({ closed: 'a' }), step({ send: 'a', text: 'x' })],
          },
        ],
      });
      assert.match(
        result?.error ?? '',
        /- expected: nothing for 300 ms, and the connection still open\n {4}\+ actual: {3}nothing, then the server closed the connection/,
      );
      assert.match(
        gone?.error ?? '',
        /The server had already closed this connection \(the server closed the connection\), so nothing could be sent\./,
      );

      const nowhere = new TcpSession(1);
      assert.match(
        (await nowhere.run({ tcp: { connect: 'a' } }, {})) ?? '',
        /\$ nc 127\.0\.0\.1 1 .*\n[\s\S]*The connection failed: connect ECONNREFUSED 127\.0\.0\.1:1/,
      );
    });
  });
});
