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
  return line === 'QUIT' ? { answer: 'BYE', close: true } : { answer: `ECHO ${line}`, close: false };
}

/** Cuts the complete lines off the front of `pending`, the bytes received so far. */
export function takeLines(pending: Buffer): Lines {
  const lines: string[] = [];
  let rest = pending;
  for (;;) {
    const newline = rest.indexOf('\n');
    if (newline < 0) break;
    const line = rest.subarray(0, newline);
    rest = rest.subarray(newline + 1);
    if (line.length > MAX_LINE_BYTES) return { lines, rest: Buffer.alloc(0), tooLong: true };
    const text = line.toString('utf8');
    lines.push(text.endsWith('\r') ? text.slice(0, -1) : text);
  }
  return { lines, rest, tooLong: rest.length > MAX_LINE_BYTES };
}

/** A TCP server that answers each line a client sends. Call .listen(port, host) on it. */
export function createEchoServer(): net.Server {
  return net.createServer((socket) => {
    // A client that vanishes (a reset) makes its socket emit 'error'. Without a listener, that error
    // would crash the whole server, and every other client with it.
    socket.on('error', () => {});

    // Per connection: what has arrived of the line in progress, and whether the session is over.
    const chunks: Buffer[] = [];
    let over = false;

    const finish = (lastWords: string) => {
      over = true;
      socket.end(`${lastWords}\n`);
    };

    socket.on('data', (chunk: Buffer) => {
      if (over) return;
      chunks.push(chunk);
      const { lines, rest, tooLong } = takeLines(Buffer.concat(chunks));
      chunks.length = 0;
      if (rest.length > 0) chunks.push(rest);
      for (const line of lines) {
        const { answer, close } = reply(line);
        if (close) return finish(answer);
        socket.write(`${answer}\n`);
      }
      if (tooLong) finish('ERR line too long');
    });
  });
}
