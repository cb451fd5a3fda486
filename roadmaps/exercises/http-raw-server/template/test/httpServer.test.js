const { test } = require('node:test');
const assert = require('node:assert/strict');
const net = require('node:net');
const { createHttpServer, parseHead, route, keepAlive, serializeResponse, GREETING } = require('../src/httpServer');

const WAIT_MS = 1000;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const get = (path = '/hello', extra = '') => `GET ${path} HTTP/1.1\r\nHost: localhost\r\n${extra}\r\n`;

/** Starts a fresh server for one test on a free port; everything it opens is closed when the test ends. */
async function startServer(t) {
  const server = createHttpServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const clients = [];
  t.after(async () => {
    for (const client of clients) client.socket.destroy();
    // close() waits for every connection to end; a connection whose 'error' crashed the server never
    // does, so wait only a moment: the test has already failed.
    await Promise.race([new Promise((resolve) => server.close(resolve)), pause(500)]);
  });
  return {
    port: () => server.address().port,
    connect: async () => {
      const client = await openClient(server.address().port);
      clients.push(client);
      return client;
    },
  };
}

/** Reads one response off the front of `bytes`: { status, headers, body, length }, or undefined if incomplete. */
function readResponse(bytes) {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const [statusLine, ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const match = /^HTTP\/1\.1 (\d{3}) /.exec(statusLine);
  assert.ok(match, `the status line ${JSON.stringify(statusLine)} should look like "HTTP/1.1 200 OK"`);
  const headers = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  assert.match(headers['content-length'] ?? '', /^\d+$/, `every response needs a Content-Length; the head was ${JSON.stringify(bytes.subarray(0, end).toString())}`);
  const length = end + 4 + Number(headers['content-length']);
  if (bytes.length < length) return undefined;
  return { status: Number(match[1]), headers, body: bytes.subarray(end + 4, length).toString('utf8'), length };
}

/** A raw TCP client that keeps what arrives, so a test can wait for responses or for the close. */
function openClient(port) {
  const socket = net.connect(port, '127.0.0.1');
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
    async sendInPieces(pieces) {
      for (const [i, piece] of pieces.entries()) {
        if (i > 0) await pause(50);
        await client.send(piece);
      }
    },
    /** The next whole response. */
    async response() {
      await until(() => readResponse(received) !== undefined, 'a whole response');
      const response = readResponse(received);
      assert.ok(response, `expected a whole response, but received ${shown()}`);
      received = received.subarray(response.length);
      return response;
    },
    async nothingFor(ms, why) {
      await pause(ms);
      assert.equal(received.length, 0, `${why}; but the server sent ${shown()}`);
    },
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

test('parseHead: the request line and the headers', () => {
  const request = parseHead('GET /hello?x=1 HTTP/1.1\r\nHost: localhost\r\nX-Tag:  a \r\nx-tag: b');
  assert.ok(request, 'a well-formed head parses');
  assert.equal(request.method, 'GET');
  assert.equal(request.target, '/hello?x=1');
  assert.equal(request.version, 'HTTP/1.1');
  assert.equal(request.headers.get('host'), 'localhost', 'header names are stored in lower case');
  assert.equal(request.headers.get('x-tag'), 'a, b', 'values are trimmed; a repeated header joins with ", "');
  assert.ok(parseHead('GET /hello HTTP/1.0'), 'HTTP/1.0 does not need a Host header');
});

test('parseHead: a malformed head is null', () => {
  for (const head of [
    'hello',
    'GET /hello',
    'GET hello HTTP/1.1\r\nHost: x',
    'GET /hello HTTP/2.0\r\nHost: x',
    'GET  /hello HTTP/1.1\r\nHost: x',
    'GET /hello HTTP/1.1\r\nHost x',
    'GET /hello HTTP/1.1\r\nHost: x\r\nX-Bad : 1',
    'GET /hello HTTP/1.1\r\nAccept: */*',
    'POST /hello HTTP/1.1\r\nHost: x\r\nContent-Length: ten',
  ])
    assert.equal(parseHead(head), null, `${JSON.stringify(head)} is malformed`);
});

test('route: GET /hello, 405 with Allow for other methods, 404 for other paths', () => {
  const request = (method, target) => ({ method, target, version: 'HTTP/1.1', headers: new Map([['host', 'x']]) });
  assert.deepEqual(route(request('GET', '/hello')), { status: 200, headers: {}, body: GREETING });
  assert.equal(route(request('GET', '/hello?name=ada')).status, 200, 'the query is not part of the path');
  const refused = route(request('POST', '/hello'));
  assert.equal(refused.status, 405);
  assert.equal(refused.headers.Allow, 'GET', '405 says which methods are allowed');
  for (const path of ['/nope', '/hello/there', '/HELLO']) assert.equal(route(request('GET', path)).status, 404, path);
});

test('keepAlive: HTTP/1.1 stays open unless Connection lists close; HTTP/1.0 the other way round', () => {
  const request = (version, connection) => ({
    method: 'GET',
    target: '/hello',
    version,
    headers: new Map(connection === undefined ? [] : [['connection', connection]]),
  });
  assert.equal(keepAlive(request('HTTP/1.1')), true);
  assert.equal(keepAlive(request('HTTP/1.1', 'Close')), false, 'compared without regard to case');
  assert.equal(keepAlive(request('HTTP/1.1', 'keep-alive, close')), false, 'a comma-separated list');
  assert.equal(keepAlive(request('HTTP/1.0')), false);
  assert.equal(keepAlive(request('HTTP/1.0', 'Keep-Alive')), true);
});

test('serializeResponse: status line, Date, Content-Type, Content-Length in bytes, then the body', () => {
  const bytes = serializeResponse(405, { Allow: 'GET' }, GREETING);
  assert.ok(Buffer.isBuffer(bytes) || typeof bytes === 'string');
  const response = readResponse(Buffer.from(bytes));
  assert.ok(response, 'the response is complete, with a Content-Length that fits its body');
  assert.equal(response.status, 405);
  assert.match(Buffer.from(bytes).toString().split('\r\n')[0], /^HTTP\/1\.1 405 Method Not Allowed$/);
  assert.equal(response.headers['content-length'], '19', `"${GREETING.trim()}" is 19 bytes in UTF-8 (the emoji alone is 4)`);
  assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8');
  assert.match(response.headers.date ?? '', /^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  assert.equal(response.headers.allow, 'GET');
  assert.equal(response.body, GREETING);
});

test('GET /hello over a real connection, and a second request on the same one', async (t) => {
  const { connect } = await startServer(t);
  const client = await connect();
  await client.send(get());
  const first = await client.response();
  assert.equal(first.status, 200);
  assert.equal(first.body, GREETING);
  await client.send(get('/nope'));
  assert.equal((await client.response()).status, 404, 'HTTP/1.1 keeps the connection open for the next request');
});

test('two requests in one write get two responses, in order', async (t) => {
  const { connect } = await startServer(t);
  const client = await connect();
  await client.send(get() + get('/nope'));
  assert.equal((await client.response()).status, 200);
  assert.equal((await client.response()).status, 404);
});

test('a request split across writes is answered once its head is complete', async (t) => {
  const { connect } = await startServer(t);
  const client = await connect();
  await client.sendInPieces(['GET /hel', 'lo HTTP/1.1\r\nHos', 't: localhost\r\n\r', '\n']);
  assert.equal((await client.response()).status, 200);
  await client.send('GET /hello HTTP/1.1\r\nHost: localhost\r\n');
  await client.nothingFor(200, 'the head has no blank line yet, so it must not be answered');
  await client.send('\r\n');
  assert.equal((await client.response()).status, 200);
});

test('a request body is skipped, so the next request is read correctly', async (t) => {
  const { connect } = await startServer(t);
  const client = await connect();
  await client.send(`POST /hello HTTP/1.1\r\nHost: localhost\r\nContent-Length: 11\r\n\r\nhello=world${get()}`);
  assert.equal((await client.response()).status, 405);
  assert.equal((await client.response()).status, 200, 'the body must not be read as the next request');
  await client.sendInPieces(['PUT /nope HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\n12345', `67890${get()}`]);
  assert.equal((await client.response()).status, 404);
  assert.equal((await client.response()).status, 200, 'a body that arrives in pieces is skipped too');
});

test('Connection: close gets Connection: close, then the server closes', async (t) => {
  const { connect } = await startServer(t);
  const client = await connect();
  await client.send(get('/hello', 'Connection: Close\r\n'));
  const response = await client.response();
  assert.equal(response.status, 200);
  assert.equal(response.headers.connection?.toLowerCase(), 'close');
  await client.closed('the server closes the connection after the response');
});

test('garbage gets 400 with Connection: close, and a head that never ends gets 431', async (t) => {
  const { connect } = await startServer(t);
  for (const garbage of ['hello\r\n\r\n', 'GET /hello HTTP/1.1\r\nHost localhost\r\n\r\n', 'GET /hello HTTP/1.1\r\n\r\n']) {
    const client = await connect();
    await client.send(garbage);
    const response = await client.response();
    assert.equal(response.status, 400, `${JSON.stringify(garbage)} is a bad request`);
    assert.equal(response.headers.connection?.toLowerCase(), 'close');
    await client.closed('after a 400 the server closes the connection');
  }
  const client = await connect();
  await client.send(`GET /hello HTTP/1.1\r\nHost: localhost\r\nX-Filler: ${'a'.repeat(9000)}`);
  assert.equal((await client.response()).status, 431, '9000 bytes and no blank line: the head is too large');
  await client.closed('after a 431 the server closes the connection');
});

test('two clients at once, each with its own unfinished request, and a reset that harms nobody', async (t) => {
  const { connect } = await startServer(t);
  const alice = await connect();
  const bob = await connect();
  await alice.send('GET /hel');
  await bob.send(get());
  assert.equal((await bob.response()).status, 200, "bob is answered while alice's request is unfinished");
  await alice.send(`lo HTTP/1.1\r\nHost: localhost\r\n\r\nGET /hel`);
  assert.equal((await alice.response()).status, 200, "alice's bytes are hers alone");
  alice.socket.resetAndDestroy();
  const carol = await connect();
  await carol.send(get());
  assert.equal((await carol.response()).status, 200, "alice's reset must not take the server down");
});
