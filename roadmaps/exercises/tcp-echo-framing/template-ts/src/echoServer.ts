import * as net from 'node:net';

/** The longest line accepted, in bytes, before its "\n" (a "\r" before the "\n" counts). */
export const MAX_LINE_BYTES = 1024;

export interface Reply {
  /** What to send, without its "\n". */
  answer: string;
  /** Close the connection once the answer is sent. */
  close: boolean;
}

export interface Lines {
  /** The complete lines, as text, without "\n" and without one "\r" before it. */
  lines: string[];
  /** The bytes after the last "\n": the start of a line still on its way. */
  rest: Buffer;
  /** True as soon as a line is over MAX_LINE_BYTES; the lines before it are still in `lines`. */
  tooLong: boolean;
}

/** What the server answers to one complete line (its text without the line ending). */
export function reply(line: string): Reply {
  // TODO 1: exactly "QUIT" → { answer: 'BYE', close: true }.
  //         Anything else (an empty line too) → { answer: `ECHO ${line}`, close: false }.
  return { answer: 'ERR not implemented yet: see the TODOs in src/echoServer.ts', close: false };
}

/** Cuts the complete lines off the front of `pending`, the bytes received so far. */
export function takeLines(pending: Buffer): Lines {
  // TODO 2: loop while pending has a "\n" (pending.indexOf(0x0a)): cut the line out as bytes,
  //         check its length, drop a final "\r" (0x0d), and only then decode it (toString('utf8')):
  //         a character may be split between two chunks, so never decode a piece of a line.
  // TODO 3: after the loop, `rest` longer than MAX_LINE_BYTES is too long already: no "\n" can
  //         make it short again, and a client must not make the server buffer without end.
  return { lines: [], rest: Buffer.alloc(0), tooLong: false };
}

/** A TCP server that answers each line a client sends. Call .listen(port, host) on it. */
export function createEchoServer(): net.Server {
  return net.createServer((socket) => {
    // A client that vanishes (a reset) makes its socket emit 'error'. Without a listener, that error
    // would crash the whole server, and every other client with it.
    socket.on('error', () => {});

    // TODO 4: keep the bytes received but not answered yet here, one buffer per connection.
    //         TCP delivers a stream of bytes: one 'data' chunk may hold several lines, part of a
    //         line, or both.

    socket.on('data', (chunk: Buffer) => {
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
