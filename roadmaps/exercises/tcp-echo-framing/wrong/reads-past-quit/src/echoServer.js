const net = require('node:net');

/** The longest line accepted, in bytes, before its "\n" (a "\r" before the "\n" counts). */
const MAX_LINE_BYTES = 1024;
const LF = 0x0a;
const CR = 0x0d;

/**
 * What the server answers to one complete line: the line is its text without the line ending.
 * Returns the answer (without its "\n") and whether to close the connection once it is sent.
 */
function reply(line) {
  if (line === 'QUIT') return { answer: 'BYE', close: true };
  return { answer: `ECHO ${line}`, close: false };
}

/**
 * Cuts the complete lines off the front of `pending` (a Buffer of bytes received so far).
 * Returns { lines, rest, tooLong }: each line as text, without its "\n" and without one "\r" before
 * it; `rest`, the bytes after the last "\n" (the start of a line still on its way); and `tooLong`,
 * true as soon as a line is over MAX_LINE_BYTES (then the lines before it are still in `lines`).
 */
function takeLines(pending) {
  const lines = [];
  let start = 0;
  for (let end = pending.indexOf(LF); end >= 0; end = pending.indexOf(LF, start)) {
    if (end - start > MAX_LINE_BYTES) return { lines, rest: Buffer.alloc(0), tooLong: true };
    // Bytes first, text last: a line is decoded only once all of its bytes are here.
    const last = end > start && pending[end - 1] === CR ? end - 1 : end;
    lines.push(pending.subarray(start, last).toString('utf8'));
    start = end + 1;
  }
  const rest = pending.subarray(start);
  return { lines, rest, tooLong: rest.length > MAX_LINE_BYTES };
}

/** A TCP server that answers each line a client sends. Call .listen(port, host) on it. */
function createEchoServer() {
  return net.createServer((socket) => {
    // A client that vanishes (a reset) makes its socket emit 'error'. Without a listener, that error
    // would crash the whole server, and every other client with it.
    socket.on('error', () => {});

    // This connection's bytes that do not end in a newline yet.
    let pending = Buffer.alloc(0);
    let ended = false;

    socket.on('data', (chunk) => {
      if (ended) return;
      const { lines, rest, tooLong } = takeLines(pending.length === 0 ? chunk : Buffer.concat([pending, chunk]));
      pending = rest;
      for (const line of lines) {
        const { answer, close } = reply(line);
        if (close) {
          ended = true;
          // WRONG: the lines after QUIT in the same chunk are still answered before the close.
          for (const after of lines.slice(lines.indexOf(line) + 1)) socket.write(`${reply(after).answer}\n`);
          socket.end(`${answer}\n`);
          return;
        }
        socket.write(`${answer}\n`);
      }
      if (tooLong) {
        ended = true;
        socket.end('ERR line too long\n');
      }
    });
  });
}

module.exports = { createEchoServer, reply, takeLines, MAX_LINE_BYTES };
