const net = require('node:net');

/** The longest line accepted, in bytes, before its "\n" (a "\r" before the "\n" counts). */
const MAX_LINE_BYTES = 1024;

/**
 * What the server answers to one complete line: the line is its text without the line ending.
 * Returns the answer (without its "\n") and whether to close the connection once it is sent.
 */
function reply(line) {
  // TODO 1: exactly "QUIT" → { answer: 'BYE', close: true }.
  //         Anything else (an empty line too) → { answer: `ECHO ${line}`, close: false }.
  return { answer: 'ERR not implemented yet: see the TODOs in src/echoServer.js', close: false };
}

/**
 * Cuts the complete lines off the front of `pending` (a Buffer of bytes received so far).
 * Returns { lines, rest, tooLong }: each line as text, without its "\n" and without one "\r" before
 * it; `rest`, the bytes after the last "\n" (the start of a line still on its way); and `tooLong`,
 * true as soon as a line is over MAX_LINE_BYTES (then the lines before it are still in `lines`).
 */
function takeLines(pending) {
  // TODO 2: loop while pending has a "\n" (pending.indexOf(0x0a)): cut the line out as bytes,
  //         check its length, drop a final "\r" (0x0d), and only then decode it (toString('utf8')):
  //         a character may be split between two chunks, so never decode a piece of a line.
  // TODO 3: after the loop, `rest` longer than MAX_LINE_BYTES is too long already: no "\n" can
  //         make it short again, and a client must not make the server buffer without end.
  return { lines: [], rest: Buffer.alloc(0), tooLong: false };
}

/** A TCP server that answers each line a client sends. Call .listen(port, host) on it. */
function createEchoServer() {
  return net.createServer((socket) => {
    // A client that vanishes (a reset) makes its socket emit 'error'. Without a listener, that error
    // would crash the whole server, and every other client with it.
    socket.on('error', () => {});

    // TODO 4: keep the bytes received but not answered yet here, one buffer per connection.
    //         TCP delivers a stream of bytes: one 'data' chunk may hold several lines, part of a
    //         line, or both.

    socket.on('data', (chunk) => {
      // TODO 5: append `chunk` to this connection's bytes, call takeLines, write each reply
      //         with its "\n", and keep `rest` for the next chunk.
      //         - A reply with close: send it with socket.end(answer + '\n'), which closes the
      //           connection once it is sent, and ignore every line after it.
      //         - tooLong: socket.end('ERR line too long\n').
      //         Once you have ended the connection, ignore any chunk that still arrives.
      socket.write(`${reply('').answer}\n`);
    });
  });
}

module.exports = { createEchoServer, reply, takeLines, MAX_LINE_BYTES };
