// Raw TCP steps of a behavioural spec: named connections to the program's port, bytes sent whole or
// split across writes (a pause between them, so one message crosses packets), and what comes back
// read as lines, as exact bytes or as one HTTP/1.x response. TCP is a byte stream with no message
// boundaries, so each receive takes what it needs from the front of what arrived. A failing step
// shows the bytes so far and a `printf … | nc` command that sends the same bytes, to try by hand.
import * as net from 'node:net';
import { shellQuote } from './curl';
import { match, resolve, show } from './match';
import type { Mismatch, Saved } from './match';
import { checkResponse, parseJsonBody } from './response';
import type { HttpResponse } from './response';
import type { Expected, ResponseExpect, TcpAction, TcpStep } from './schema';

const defaultWaitMs = 2000;
const defaultPauseMs = 100;
const connectTimeoutMs = 5000;
/** A program flooding a connection the spec is not reading must not fill the editor's memory. */
const maxUnreadBytes = 1024 * 1024;
const maxHeadBytes = 64 * 1024;
const transcriptLines = 40;

/** How a connection ended, from the client's side. */
interface Ended {
  reset: boolean;
  detail: string;
}

export interface TcpConnectOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** One TCP connection: what arrived and was not read yet, and whether the server ended it. */
export class TcpClient {
  private buffer: Buffer = Buffer.alloc(0);
  private endedBy: Ended | undefined;
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly socket: net.Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      if (this.endedBy) return;
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      if (this.buffer.length > maxUnreadBytes) {
        this.end(false, `the server sent more than ${maxUnreadBytes} bytes that were not read`);
        socket.destroy();
      }
      this.wake();
    });
    // The server's FIN; Node then closes our side too (allowHalfOpen is off).
    socket.on('end', () => this.end(false, 'the server closed the connection'));
    socket.on('error', (e: NodeJS.ErrnoException) =>
      this.end(
        e.code === 'ECONNRESET' || e.code === 'EPIPE',
        e.code === 'ECONNRESET' ? 'the server reset the connection (ECONNRESET)' : `the connection failed: ${e.message}`,
      ),
    );
    socket.on('close', () => this.end(false, 'the connection closed'));
  }

  /** Opens a TCP connection to host:port. */
  static connect(host: string, port: number, options: TcpConnectOptions = {}): Promise<TcpClient> {
    const ms = options.timeoutMs ?? connectTimeoutMs;
    return new Promise<TcpClient>((resolvePromise, reject) => {
      const socket = net.connect({ host, port });
      const timer = setTimeout(() => fail(new Error(`no connection within ${ms} ms`)), ms);
      const onAbort = () => fail(new Error('cancelled'));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      function settle() {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        socket.off('error', fail);
      }
      function fail(e: Error) {
        settle();
        socket.destroy();
        reject(e);
      }
      socket.once('error', fail);
      socket.once('connect', () => {
        settle();
        resolvePromise(new TcpClient(socket));
      });
    });
  }

  /** How the connection ended, or undefined while it is open. */
  get ended(): Ended | undefined {
    return this.endedBy;
  }

  /** What arrived and was not taken yet. */
  get unread(): Buffer {
    return this.buffer;
  }

  /** Removes the first `length` unread bytes and returns them. */
  take(length: number): Buffer {
    const taken = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return taken;
  }

  /** Resolves once `ready()` holds, the connection ends, `ms` pass or the signal aborts. */
  until(ready: () => boolean, ms: number, signal?: AbortSignal): Promise<void> {
    if (ready() || this.endedBy || signal?.aborted) return Promise.resolve();
    return new Promise((resolvePromise) => {
      const finish = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        signal?.removeEventListener('abort', finish);
        resolvePromise();
      };
      const wake = () => {
        if (ready() || this.endedBy) finish();
      };
      const timer = setTimeout(finish, ms);
      this.waiters.add(wake);
      signal?.addEventListener('abort', finish, { once: true });
    });
  }

  /** Resolves once the bytes are handed to the operating system. */
  write(bytes: Buffer): Promise<void> {
    return new Promise((resolvePromise, reject) => {
      if (this.endedBy || this.socket.destroyed || this.socket.writableEnded) {
        reject(new Error(this.endedBy?.detail ?? 'the connection is closed'));
        return;
      }
      this.socket.write(bytes, (e) => (e ? reject(e) : resolvePromise()));
    });
  }

  /** Closes our side (a FIN) and waits up to `ms` for the server to close its side too. */
  async close(ms = 1000): Promise<void> {
    if (!this.endedBy && !this.socket.destroyed) {
      this.socket.end();
      await this.until(() => false, ms);
    }
    this.socket.destroy();
  }

  /** Drops the connection with a reset (an RST), as a client that crashes does. */
  reset(): void {
    this.socket.resetAndDestroy();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private end(reset: boolean, detail: string): void {
    if (this.endedBy) return;
    this.endedBy = { reset, detail };
    this.wake();
  }

  private wake(): void {
    for (const wake of [...this.waiters]) wake();
  }
}

/** One HTTP/1.x response read off the front of a byte stream, if it is all there. */
export type ResponseRead =
  | { kind: 'done'; response: HttpResponse; length: number }
  /** More bytes are needed (or the close, for a body that runs to it); `why` says what is missing. */
  | { kind: 'waiting'; why: string }
  | { kind: 'bad'; why: string };

const noBodyStatus = (status: number) => status < 200 || status === 204 || status === 304;

/**
 * Reads the response at the start of `bytes` by HTTP/1.1's framing (RFC 9112): the head up to the
 * blank line, then Content-Length bytes of body, or a chunked body, or (with neither) everything up
 * to the close. `ended`: the server closed the connection, so no more bytes will come.
 */
export function readHttpResponse(bytes: Buffer, ended: boolean): ResponseRead {
  const headEnd = bytes.indexOf('\r\n\r\n');
  if (headEnd < 0) {
    if (bytes.length > maxHeadBytes) return { kind: 'bad', why: `the response head is over ${maxHeadBytes} bytes without a blank line` };
    const bareLf = bytes.includes('\n\n') && !bytes.includes('\r\n');
    return {
      kind: 'waiting',
      why: bareLf
        ? 'the head ends with "\\n\\n", but HTTP lines end with "\\r\\n", so the head must end with "\\r\\n\\r\\n"'
        : bytes.length === 0
          ? 'no response arrived'
          : 'the response head is not complete: no blank line ("\\r\\n\\r\\n") after the headers yet',
    };
  }
  const [statusLine = '', ...headerLines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.[01] ([1-9]\d\d)(?: .*)?$/.exec(statusLine);
  if (!status) return { kind: 'bad', why: `the status line ${show(statusLine)} is not of the form "HTTP/1.1 200 OK"` };
  const headers: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    const name = line.slice(0, Math.max(colon, 0)).toLowerCase();
    if (colon <= 0 || !/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name))
      return { kind: 'bad', why: `the header line ${show(line)} is not "Name: value"` };
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length' && Object.hasOwn(headers, name) && headers[name] !== value)
      return { kind: 'bad', why: `two different Content-Length headers (${show(headers[name])} and ${show(value)})` };
    headers[name] = Object.hasOwn(headers, name) && name !== 'content-length' ? `${headers[name]}, ${value}` : value;
  }
  const code = Number(status[1]);
  const start = headEnd + 4;
  let body: Buffer;
  let length: number;
  const transferEncoding = headers['transfer-encoding'];
  const contentLength = headers['content-length'];
  if (noBodyStatus(code)) {
    body = Buffer.alloc(0);
    length = start;
  } else if (transferEncoding !== undefined) {
    if (!/(^|,)\s*chunked\s*$/i.test(transferEncoding))
      return { kind: 'bad', why: `Transfer-Encoding ${show(transferEncoding)} does not end in chunked, which this check reads` };
    const chunked = readChunked(bytes, start, ended);
    if (chunked.kind !== 'done') return chunked;
    body = chunked.body;
    length = chunked.length;
  } else if (contentLength !== undefined) {
    if (!/^\d{1,15}$/.test(contentLength)) return { kind: 'bad', why: `Content-Length ${show(contentLength)} is not a number of bytes` };
    const want = Number(contentLength);
    const have = bytes.length - start;
    if (have < want)
      return {
        kind: 'waiting',
        why: `the body has ${have} of the ${want} bytes its Content-Length promises${ended ? ', and the connection ended' : ''}`,
      };
    body = bytes.subarray(start, start + want);
    length = start + want;
  } else {
    if (!ended)
      return {
        kind: 'waiting',
        why: 'the response has neither Content-Length nor Transfer-Encoding: chunked, so its body runs until the server closes the connection, which it has not',
      };
    body = bytes.subarray(start);
    length = bytes.length;
  }
  const text = body.toString('utf8');
  const json = parseJsonBody(text);
  return { kind: 'done', response: { status: code, headers, text, ...(json === undefined ? {} : { json }) }, length };
}

function readChunked(
  bytes: Buffer,
  from: number,
  ended: boolean,
): { kind: 'done'; body: Buffer; length: number } | Extract<ResponseRead, { kind: 'waiting' | 'bad' }> {
  const parts: Buffer[] = [];
  let at = from;
  const waiting = { kind: 'waiting' as const, why: `the chunked body is not complete${ended ? ', and the connection ended' : ''}` };
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd < 0) return waiting;
    const sizeText = bytes.subarray(at, lineEnd).toString('latin1').split(';')[0]?.trim() ?? '';
    if (!/^[0-9a-fA-F]{1,8}$/.test(sizeText)) return { kind: 'bad', why: `the chunk size ${show(sizeText)} is not hexadecimal` };
    const size = parseInt(sizeText, 16);
    at = lineEnd + 2;
    if (size === 0) {
      // Trailer fields, if any, end with a blank line like the head does.
      if (bytes.subarray(at, at + 2).toString('latin1') === '\r\n') return { kind: 'done', body: Buffer.concat(parts), length: at + 2 };
      const end = bytes.indexOf('\r\n\r\n', at);
      return end < 0 ? waiting : { kind: 'done', body: Buffer.concat(parts), length: end + 4 };
    }
    if (bytes.length < at + size + 2) return waiting;
    parts.push(bytes.subarray(at, at + size));
    if (bytes.subarray(at + size, at + size + 2).toString('latin1') !== '\r\n')
      return { kind: 'bad', why: `a chunk of ${size} bytes is not followed by "\\r\\n"` };
    at += size + 2;
  }
}

/** What a send step sends, as one text: its parts joined, `$repeat`s spelled out, saved values filled in. */
export function payloadText(text: Extract<TcpAction, { send: string }>['text'], saved: Saved): string {
  const parts = typeof text === 'string' ? [text] : text;
  return parts.map((p) => (typeof p === 'string' ? String(resolve(p, saved)) : p.$repeat[0].repeat(p.$repeat[1]))).join('');
}

/** The writes of a send step: the bytes split at the given offsets. */
export function splitBytes(bytes: Buffer, splitAt: readonly number[] | undefined): Buffer[] {
  if (!splitAt) return [bytes];
  const chunks: Buffer[] = [];
  let from = 0;
  for (const at of splitAt) {
    if (at <= from || at >= bytes.length)
      throw new Error(`splitAt must be increasing byte offsets inside the ${bytes.length} bytes sent; ${at} is not`);
    chunks.push(bytes.subarray(from, at));
    from = at;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

/** What went out on a connection, for the command that replays it: bytes, and pauses between writes. */
export type Sent = { bytes: Buffer } | { pauseMs: number };

/** A run of one byte at least this long is written with `printf '%Ns' '' | tr`, not spelled out. */
const longRun = 40;

/** A printf format that prints exactly these bytes (no run of one byte as long as `longRun`). */
function printfFormat(bytes: Buffer): string {
  let out = '';
  for (const [i, b] of [...bytes].entries()) {
    if (b === 0x25) out += '%%';
    else if (b === 0x5c) out += '\\\\';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b === 0x09) out += '\\t';
    // A format starting with "-" would be read as an option.
    else if (b >= 0x20 && b < 0x7f && !(i === 0 && b === 0x2d)) out += String.fromCharCode(b);
    else out += `\\${b.toString(8).padStart(3, '0')}`;
  }
  return out;
}

/** Shell commands that print exactly these bytes, joined by `; `. */
export function printfCommands(bytes: Buffer): string[] {
  const commands: string[] = [];
  let plain: number[] = [];
  const flush = () => {
    if (plain.length > 0) commands.push(`printf ${shellQuote(printfFormat(Buffer.from(plain)))}`);
    plain = [];
  };
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0;
    let run = 1;
    while (bytes[i + run] === b) run++;
    if (run >= longRun && b >= 0x20 && b < 0x7f) {
      flush();
      commands.push(`printf '%${run}s' ''${b === 0x20 ? '' : ` | tr ' ' ${shellQuote(String.fromCharCode(b))}`}`);
    } else for (let k = 0; k < run; k++) plain.push(b);
    i += run;
  }
  flush();
  return commands;
}

/** A command to paste into a terminal that opens the connection and sends what the spec sent on it. */
export function ncCommand(port: number, sent: readonly Sent[]): string {
  const commands = sent.flatMap((s) => ('bytes' in s ? printfCommands(s.bytes) : [`sleep ${s.pauseMs / 1000}`]));
  if (commands.length === 0) return `nc 127.0.0.1 ${port}`;
  const send = commands.length === 1 ? commands[0] : `{ ${commands.join('; ')}; }`;
  return `${send} | nc -w 2 127.0.0.1 ${port}`;
}

/** Bytes as the transcript shows them: a JSON string (so "\r\n" is visible), shortened. */
export function showBytes(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.length > 200 ? `${JSON.stringify(text.slice(0, 200))}… (${bytes.length} bytes)` : JSON.stringify(text);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted) return Promise.resolve();
  return new Promise((resolvePromise) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolvePromise();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** The TCP connections of one scenario, by name, and what went over them. */
export class TcpSession {
  private readonly connections = new Map<string, TcpClient>();
  private readonly sent = new Map<string, Sent[]>();
  private readonly transcript: string[] = [];

  constructor(
    private readonly port: number,
    private readonly signal?: AbortSignal,
  ) {}

  /** Undefined when the step passes; otherwise the failure as the learner sees it. */
  async run(step: TcpStep, saved: Saved): Promise<string | undefined> {
    const action = step.tcp;
    let problem: string | Mismatch[] | undefined;
    try {
      problem = await this.act(action, saved);
    } catch (e) {
      problem = `The spec is broken: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (problem === undefined) return undefined;
    return this.report(action, step, problem);
  }

  /** Drops every connection still open; the program is stopped next. */
  closeAll(): void {
    for (const client of this.connections.values()) client.destroy();
    this.connections.clear();
  }

  private note(name: string, line: string): void {
    this.transcript.push(`${name.padEnd(6)} ${line}`);
  }

  private connection(name: string): TcpClient {
    const client = this.connections.get(name);
    if (!client) throw new Error(`the connection "${name}" is not open; connect it first`);
    return client;
  }

  /** What arrived unread, and how the connection ended, for a failure. */
  private leftover(client: TcpClient): string {
    const unread = client.unread.length > 0 ? `${showBytes(client.unread)}` : 'nothing';
    return `${unread}${client.ended ? `, then ${client.ended.detail}` : ''}`;
  }

  private async act(action: TcpAction, saved: Saved): Promise<string | Mismatch[] | undefined> {
    const wait = 'ms' in action && action.ms !== undefined ? action.ms : defaultWaitMs;
    if ('connect' in action) {
      // A name whose connection the server closed may connect again.
      if (this.connections.get(action.connect)?.ended === undefined && this.connections.has(action.connect))
        throw new Error(`the connection "${action.connect}" is already open`);
      this.connections.get(action.connect)?.destroy();
      this.sent.set(action.connect, []);
      try {
        this.connections.set(action.connect, await TcpClient.connect('127.0.0.1', this.port, { signal: this.signal }));
        this.note(action.connect, `connected to 127.0.0.1:${this.port}`);
        return undefined;
      } catch (e) {
        this.note(action.connect, `could not connect to 127.0.0.1:${this.port}`);
        return `The connection failed: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    if ('send' in action) {
      const client = this.connection(action.send);
      const chunks = splitBytes(Buffer.from(payloadText(action.text, saved), 'utf8'), action.splitAt);
      const pauseMs = action.pauseMs ?? defaultPauseMs;
      const log = this.sent.get(action.send) ?? [];
      this.note(action.send, `→ ${chunks.map(showBytes).join(` (${pauseMs} ms pause) `)}`);
      if (client.ended) return `The server had already closed this connection (${client.ended.detail}), so nothing could be sent.`;
      for (const [i, chunk] of chunks.entries()) {
        if (i > 0) {
          log.push({ pauseMs });
          await sleep(pauseMs, this.signal);
        }
        log.push({ bytes: chunk });
        try {
          await client.write(chunk);
        } catch (e) {
          return `Sending failed after ${i} of ${chunks.length} writes: ${e instanceof Error ? e.message : String(e)}`;
        }
      }
      return undefined;
    }
    if ('receive' in action) {
      const client = this.connection(action.receive);
      if ('lines' in action) return this.receiveLines(client, action.receive, action.lines, wait, saved);
      if ('text' in action) {
        const want = Buffer.from(String(resolve(action.text, saved)), 'utf8');
        await client.until(() => client.unread.length >= want.length, wait, this.signal);
        const got = client.take(Math.min(want.length, client.unread.length));
        if (got.length > 0) this.note(action.receive, `← ${showBytes(got)}`);
        if (got.equals(want)) return undefined;
        const short = got.length < want.length ? `; ${client.ended ? client.ended.detail : `nothing more within ${wait} ms`}` : '';
        return [{ path: 'bytes', expected: showBytes(want), actual: `${got.length > 0 ? showBytes(got) : '(nothing)'}${short}` }];
      }
      return this.receiveResponse(client, action.receive, action.response, wait, saved);
    }
    if ('silent' in action) {
      const client = this.connection(action.silent);
      await client.until(() => client.unread.length > 0, action.ms, this.signal);
      if (client.unread.length === 0 && !client.ended) {
        this.note(action.silent, `  (nothing for ${action.ms} ms, as expected)`);
        return undefined;
      }
      const what = this.leftover(client);
      this.note(action.silent, `← ${what}`);
      return [{ path: 'connection', expected: `nothing for ${action.ms} ms, and the connection still open`, actual: what }];
    }
    if ('close' in action) {
      const client = this.connection(action.close);
      this.connections.delete(action.close);
      if (action.abrupt) {
        client.reset();
        this.note(action.close, 'reset the connection (an RST, as a crashed client does)');
      } else {
        await client.close();
        this.note(action.close, 'closed its side of the connection (a FIN)');
      }
      return undefined;
    }
    const client = this.connection(action.closed);
    await client.until(() => false, wait, this.signal);
    const ended = client.ended;
    if (ended && client.unread.length === 0) {
      // Kept by name: a later send on it says the server closed it.
      this.note(action.closed, `← (${ended.detail})`);
      return undefined;
    }
    const what = client.unread.length > 0 ? this.leftover(client) : `still open after ${wait} ms`;
    this.note(action.closed, `← ${what}`);
    return [{ path: 'connection', expected: 'the server closes the connection, with nothing more sent first', actual: what }];
  }

  private async receiveLines(
    client: TcpClient,
    name: string,
    expected: readonly Expected[],
    wait: number,
    saved: Saved,
  ): Promise<string | Mismatch[] | undefined> {
    const count = () => {
      let n = 0;
      for (let at = client.unread.indexOf(0x0a); at >= 0 && n < expected.length; at = client.unread.indexOf(0x0a, at + 1)) n++;
      return n;
    };
    await client.until(() => count() >= expected.length, wait, this.signal);
    const lines: string[] = [];
    for (let n = count(); n > 0; n--) {
      const end = client.unread.indexOf(0x0a);
      lines.push(client.take(end + 1).toString('utf8'));
    }
    for (const line of lines) this.note(name, `← ${JSON.stringify(line)}`);
    const bare = lines.map((l) => l.slice(0, -1));
    if (lines.length < expected.length) {
      const partial = client.unread.length > 0 ? `, then ${showBytes(client.unread)} with no "\\n" after it` : '';
      const how = client.ended ? `; ${client.ended.detail}` : ` within ${wait} ms`;
      return `Only ${lines.length} of the ${expected.length} lines expected arrived${partial}${how}.\n  Expected: ${show(expected)}\n  Arrived:  ${show(bare)}`;
    }
    const out: Mismatch[] = [];
    for (const [i, want] of expected.entries()) out.push(...match(want, bare[i], saved, `line ${i + 1}`));
    return out.length > 0 ? out : undefined;
  }

  private async receiveResponse(
    client: TcpClient,
    name: string,
    expect: ResponseExpect,
    wait: number,
    saved: Saved,
  ): Promise<string | Mismatch[] | undefined> {
    await client.until(() => readHttpResponse(client.unread, client.ended !== undefined).kind !== 'waiting', wait, this.signal);
    const read = readHttpResponse(client.unread, client.ended !== undefined);
    if (read.kind !== 'done') {
      const what = this.leftover(client);
      this.note(name, `← ${what}`);
      return read.kind === 'bad'
        ? `The response is not valid HTTP/1.1: ${read.why}.\n  Arrived: ${what}`
        : `No complete HTTP response within ${wait} ms: ${read.why}.\n  Arrived: ${what}`;
    }
    this.note(name, `← ${showBytes(client.take(read.length))}`);
    const mismatches = checkResponse(expect, read.response, saved);
    return mismatches.length > 0 ? mismatches : undefined;
  }

  private report(action: TcpAction, step: TcpStep, problem: string | Mismatch[]): string {
    const name = connectionOf(action);
    const names = [...this.sent.keys()];
    const others = names.length > 1 ? `; one terminal per connection (${names.join(', ')})` : '';
    const lines = [`  $ ${ncCommand(this.port, this.sent.get(name) ?? [])}    # the bytes ${name} sent${others}`];
    const shown = this.transcript.slice(-transcriptLines);
    if (shown.length > 0) {
      lines.push(`  Bytes so far (→ sent, ← received)${this.transcript.length > shown.length ? `, the last ${shown.length}` : ''}:`);
      lines.push(...shown.map((l) => `    ${l}`));
    }
    lines.push(`  Step: ${describe(action)}`);
    if (step.why) lines.push(`  ${step.why}`);
    if (typeof problem === 'string') lines.push(`  ${problem}`);
    else lines.push(...problem.map((m) => `  ${m.path}\n    - expected: ${m.expected}\n    + actual:   ${m.actual}`));
    return lines.join('\n');
  }
}

function connectionOf(action: TcpAction): string {
  if ('connect' in action) return action.connect;
  if ('send' in action) return action.send;
  if ('receive' in action) return action.receive;
  if ('silent' in action) return action.silent;
  if ('close' in action) return action.close;
  return action.closed;
}

/** A step in plain words, for a failure message. */
export function describe(action: TcpAction): string {
  if ('connect' in action) return `${action.connect} connects`;
  if ('send' in action) {
    const split = action.splitAt ? `, split at byte ${action.splitAt.join(', ')} with ${action.pauseMs ?? defaultPauseMs} ms pauses` : '';
    return `${action.send} sends ${show(action.text)}${split}`;
  }
  if ('receive' in action) {
    const within = `within ${action.ms ?? defaultWaitMs} ms`;
    if ('lines' in action)
      return `${action.receive} receives the line${action.lines.length > 1 ? 's' : ''} ${show(action.lines)} ${within}`;
    if ('text' in action) return `${action.receive} receives exactly ${show(action.text)} ${within}`;
    return `${action.receive} receives an HTTP response ${show(action.response)} ${within}`;
  }
  if ('silent' in action) return `${action.silent} receives nothing for ${action.ms} ms`;
  if ('close' in action) return `${action.close} ${action.abrupt ? 'resets the connection' : 'closes its side of the connection'}`;
  return `the server closes ${action.closed}'s connection within ${action.ms ?? defaultWaitMs} ms`;
}
