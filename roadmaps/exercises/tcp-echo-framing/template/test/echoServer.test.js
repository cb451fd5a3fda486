const { test } = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const { createEchoServer, reply, takeLines, MAX_LINE_BYTES } = require('../src/echoServer');

const WAIT_MS = 1000;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a fresh server for one test on a free port; everything it opens is closed when the test ends. */
async function startServer(t) {
  const server = createEchoServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const clients = [];
  t.after(async () => {
    for (const client of clients) client.socket.destroy();
    // close() waits for every connection to end. A connection whose 'error' crashed the server never
    // does, so wait only a moment: the test has already failed.
    await Promise.race([new Promise((resolve) => server.close(resolve)), pause(500)]);
  });
  return {
    connect: async () => {
      const client = await openClient(server.address().port);
      clients.push(client);
      return client;
    },
  };
}

/** A raw TCP client that keeps what arrives, so a test can wait for lines or for the close. */
function openClient(port) {
  const socket = net.connect(port, '127.0.0.1');
  // Each write goes out at once, as its own packet: no waiting to merge small writes.
  socket.setNoDelay(true);
  let received = Buffer.alloc(0);
  let ended = false;
  const waiters = new Set();
  const wake = () => waiters.forEach((check) => check());
  socket.on('data', (chunk) => {
    received = Buffer.concat([received, chunk]);
    wake();
  });
  socket.on('end', () => {
    ended = true;
    wake();
  });
  socket.on('close', () => {
    ended = true;
    wake();
  });
  socket.on('error', () => {});
  const shown = () => `${JSON.stringify(received.toString('utf8'))}${ended ? ', then the server closed the connection' : ''}`;
  const newlines = () => received.toString('latin1').split('\n').length - 1;

  /** Resolves when ready() holds or the connection ends; fails after WAIT_MS, saying what came. */
  function until(ready, what) {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!ready() && !ended) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`waited ${WAIT_MS} ms for ${what}, but received only ${shown()}`));
      }, WAIT_MS);
      waiters.add(check);
      check();
    });
  }

  const client = {
    socket,
    send: (data) => new Promise((resolve) => socket.write(data, resolve)),
    /** Sends the pieces one by one with a pause between them, as a slow network delivers a message. */
    async sendInPieces(pieces) {
      for (const [i, piece] of pieces.entries()) {
        if (i > 0) await pause(50);
        await client.send(piece);
      }
    },
    /** The next n lines, without their "\n". */
    async lines(n) {
      await until(() => newlines() >= n, `${n} line${n === 1 ? '' : 's'}`);
      assert.ok(newlines() >= n, `expected ${n} line${n === 1 ? '' : 's'}, but received ${shown()}`);
      const out = [];
      for (let i = 0; i < n; i++) {
        const end = received.indexOf(0x0a);
        out.push(received.subarray(0, end).toString('utf8'));
        received = received.subarray(end + 1);
      }
      return out;
    },
    /** Nothing arrives for ms, and the connection stays open. */
    async nothingFor(ms, why) {
      await pause(ms);
      assert.equal(received.length, 0, `${why}; but the server sent ${shown()}`);
      assert.equal(ended, false, `${why}; but the server closed the connection`);
    },
    /** The server closes the connection, with nothing more sent first. */
    async closed(why) {
      await until(() => false, 'the server to close the connection');
      assert.equal(received.length, 0, `${why}; but first the server sent ${shown()}`);
    },
  };
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('error', reject);
  });
}

test('reply: QUIT ends the session with BYE, any other line is echoed', () => {
  assert.deepEqual(reply('hello'), { answer: 'ECHO hello', close: false });
  assert.deepEqual(reply(''), { answer: 'ECHO ', close: false }, 'an empty line is a message too');
  assert.deepEqual(reply('QUIT'), { answer: 'BYE', close: true });
  assert.deepEqual(reply('quit'), { answer: 'ECHO quit', close: false }, 'only the exact line QUIT ends the session');
  assert.deepEqual(reply('QUITTING'), { answer: 'ECHO QUITTING', close: false });
});

test('takeLines: cuts complete lines, drops a "\\r" before the "\\n", keeps the rest as bytes', () => {
  const { lines, rest, tooLong } = takeLines(Buffer.from('one\r\ntwo\n\nthr'));
  assert.deepEqual(lines, ['one', 'two', ''], 'three complete lines; "\\r\\n" ends a line like "\\n"');
  assert.ok(Buffer.isBuffer(rest), 'rest is a Buffer: the start of the next line, still as bytes');
  assert.equal(rest.toString(), 'thr');
  assert.equal(tooLong, false);
});

test('takeLines: a character cut in half stays bytes until its line is complete', () => {
  const bytes = Buffer.from('héllo\n');
  const first = takeLines(bytes.subarray(0, 2));
  assert.deepEqual(first.lines, [], 'no newline yet, so no line');
  assert.deepEqual([...first.rest], [0x68, 0xc3], '"h" and the first byte of "é", not decoded yet');
  const second = takeLines(Buffer.concat([first.rest, bytes.subarray(2)]));
  assert.deepEqual(second.lines, ['héllo']);
});

test(`takeLines: a line may hold ${MAX_LINE_BYTES} bytes, not one more`, () => {
  assert.deepEqual(takeLines(Buffer.from(`${'a'.repeat(1024)}\n`)).lines, ['a'.repeat(1024)], 'exactly 1024 bytes is allowed');
  assert.equal(takeLines(Buffer.from(`${'a'.repeat(1025)}\n`)).tooLong, true, 'a complete line of 1025 bytes is too long');
  assert.equal(takeLines(Buffer.from('a'.repeat(1025))).tooLong, true, '1025 bytes without a newline are too long already');
  assert.equal(takeLines(Buffer.from('a'.repeat(1024))).tooLong, false, '1024 bytes without a newline may still become a line');
  const before = takeLines(Buffer.from(`ok\n${'a'.repeat(2000)}\n`));
  assert.deepEqual([before.lines, before.tooLong], [['ok'], true], 'the lines before a long one are still answered');
});

test('a line gets ECHO and the line back', async (t) => {
  const { connect } = await startServer(t);
  const client = await connect();
  await client.send('hello\n');
  assert.deepEqual(await client.lines(1), ['ECHO hello']);
  await client.send('\n');
  assert.deepEqual(await client.lines(1), ['ECHO '], 'an empty line is answered with "ECHO " (with the space)');
});

test('several lines in one write get one answer each, in order', async (t) => {
  const { connect } = await startServer(t);
  const client = await connect();
  await client.send('one\ntwo\nthree\n');
  assert.deepEqual(await client.lines(3), ['ECHO one', 'ECHO two', 'ECHO three']);
});

test('a line split across writes is answered once, when its newline arrives', async (t) => {
  const { connect } = await startServer(t);
  const client = await connect();
  await client.sendInPieces(['hel', 'lo wo', 'rld\n']);
  assert.deepEqual(await client.lines(1), ['ECHO hello world']);
  await client.send('abc');
  await client.nothingFor(200, '"abc" has no newline yet, so it must not be answered');
  await client.send('def\nsec');
  assert.deepEqual(await client.lines(1), ['ECHO abcdef']);
  await client.send('ond\r\n');
  assert.deepEqual(await client.lines(1), ['ECHO second'], 'a "\\r" before the "\\n" is not part of the line');
});

test('a character split between writes arrives whole', async (t) => {
  const { connect } = await startServer(t);
  const client = await connect();
  const bytes = Buffer.from('héllo wörld\n');
  await client.sendInPieces([bytes.subarray(0, 2), bytes.subarray(2)]);
  assert.deepEqual(await client.lines(1), ['ECHO héllo wörld'], 'decode a line only once all its bytes are there');
});

test('QUIT gets BYE, then the server closes the connection and ignores what came after', async (t) => {
  const { connect } = await startServer(t);
  const client = await connect();
  await client.send('last one\nQUIT\nignored\n');
  assert.deepEqual(await client.lines(2), ['ECHO last one', 'BYE']);
  await client.closed('after BYE the server closes the connection without answering "ignored"');
});

test('clients are served at the same time, each with its own unfinished line', async (t) => {
  const { connect } = await startServer(t);
  const alice = await connect();
  const bob = await connect();
  await alice.send('hel');
  await bob.send('bob here\n');
  assert.deepEqual(await bob.lines(1), ['ECHO bob here'], "bob's line must not pick up alice's bytes");
  await alice.send('lo\n');
  assert.deepEqual(await alice.lines(1), ['ECHO hello']);
});

test('too long: ERR line too long, then the server closes the connection', async (t) => {
  const { connect } = await startServer(t);
  const client = await connect();
  await client.send('b'.repeat(1025));
  assert.deepEqual(await client.lines(1), ['ERR line too long'], '1025 bytes without a newline are already too long');
  await client.closed('after ERR the server closes the connection');

  const other = await connect();
  await other.send(`${'c'.repeat(1500)}\nhello\n`);
  assert.deepEqual(await other.lines(1), ['ERR line too long'], 'a complete line of 1500 bytes is too long too');
  await other.closed('the line after the long one is not answered');
});

test('a client that resets its connection mid-line does not take the server down', async (t) => {
  const { connect } = await startServer(t);
  const gone = await connect();
  await gone.send('hi\nhalf a li');
  // Once the answer is here, the server has read the unfinished line too; then the reset.
  assert.deepEqual(await gone.lines(1), ['ECHO hi']);
  gone.socket.resetAndDestroy();
  const client = await connect();
  await client.send('still there?\n');
  assert.deepEqual(await client.lines(1), ['ECHO still there?']);
});
