// WebSocket steps of a behavioural spec, on a small RFC 6455 client of our own (node:net and
// node:crypto): Node 20, where the extension host and the CLI may run, has no dependable global
// WebSocket. A failing step shows the frames so far and a websocat command to replay them by hand.
import { createHash, randomBytes } from 'node:crypto';
import * as net from 'node:net';
import { shellQuote } from './curl';
import { match, resolve, show } from './match';
import type { Mismatch, Saved } from './match';
import type { WsAction, WsStep } from './schema';

const acceptGuid = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const maxHeadBytes = 16 * 1024;
const defaultMaxMessageBytes = 1024 * 1024;
const defaultWaitMs = 2000;
const transcriptLines = 40;

/** What arrives on a connection: a whole message, or its end (sticky: every later wait sees it). */
export type WsEvent =
  { kind: 'text'; text: string } | { kind: 'binary'; bytes: Buffer } | { kind: 'close'; code: number; reason: string; detail: string };

export interface WsConnectOptions {
  timeoutMs?: number;
  /** Largest message (all its fragments) accepted; a bigger one closes the connection with 1009. */
  maxMessageBytes?: number;
  signal?: AbortSignal;
}

/** A client frame: always masked, as RFC 6455 requires of clients. */
export function encodeFrame(opcode: number, payload: Buffer, fin = true): Buffer {
  const length = payload.length;
  const head = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.alloc(head + 4 + length);
  frame[0] = (fin ? 0x80 : 0) | opcode;
  if (length < 126) frame[1] = 0x80 | length;
  else if (length < 65_536) {
    frame[1] = 0x80 | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 0x80 | 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  const mask = randomBytes(4);
  mask.copy(frame, head);
  for (let i = 0; i < length; i++) frame[head + 4 + i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return frame;
}

export function acceptFor(key: string): string {
  return createHash('sha1')
    .update(key + acceptGuid)
    .digest('base64');
}

/** Unread messages kept per connection (each at most the message cap). */
const maxUnreadMessages = 1000;

export class WsClient {
  private buffer: Buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  private fragmentOpcode = 0;
  private fragmentBytes = 0;
  private readonly inbox: WsEvent[] = [];
  private readonly waiters = new Set<() => void>();
  private ended: Extract<WsEvent, { kind: 'close' }> | undefined;
  private closeSent = false;

  private constructor(
    private readonly socket: net.Socket,
    private readonly maxMessageBytes: number,
  ) {}

  /** Opens `ws://host:port<path>`: the HTTP upgrade, checked down to Sec-WebSocket-Accept. */
  static connect(host: string, port: number, path: string, options: WsConnectOptions = {}): Promise<WsClient> {
    const key = randomBytes(16).toString('base64');
    return new Promise<WsClient>((resolvePromise, reject) => {
      const socket = net.connect({ host, port });
      let head = Buffer.alloc(0);
      let settled = false;
      const timer = setTimeout(() => fail(`no handshake answer within ${options.timeoutMs ?? 5000} ms`), options.timeoutMs ?? 5000);
      const onAbort = () => fail('cancelled');
      options.signal?.addEventListener('abort', onAbort, { once: true });
      function finish() {
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        socket.off('data', onData);
      }
      function fail(why: string) {
        if (settled) return;
        finish();
        socket.destroy();
        reject(new Error(why));
      }
      function onData(chunk: Buffer) {
        head = Buffer.concat([head, chunk]);
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) {
          if (head.length > maxHeadBytes) fail(`the handshake answer's headers are over ${maxHeadBytes} bytes`);
          return;
        }
        const lines = head.subarray(0, end).toString('latin1').split('\r\n');
        const status = lines[0] ?? '';
        const headers = new Map<string, string>();
        for (const line of lines.slice(1)) {
          const colon = line.indexOf(':');
          if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
        }
        if (!/^HTTP\/1\.1 101\b/.test(status)) {
          const body = head
            .subarray(end + 4)
            .toString('utf8')
            .trim();
          return fail(`the server answered "${status}" instead of "HTTP/1.1 101 Switching Protocols"${body ? `: ${show(body)}` : ''}`);
        }
        if ((headers.get('upgrade') ?? '').toLowerCase() !== 'websocket') return fail('the 101 answer has no "Upgrade: websocket" header');
        if (!/\bupgrade\b/i.test(headers.get('connection') ?? '')) return fail('the 101 answer has no "Connection: Upgrade" header');
        if (headers.get('sec-websocket-accept') !== acceptFor(key)) return fail('the 101 answer has a wrong Sec-WebSocket-Accept');
        if (headers.has('sec-websocket-extensions')) return fail('the server chose an extension the client did not offer');
        finish();
        const client = new WsClient(socket, options.maxMessageBytes ?? defaultMaxMessageBytes);
        socket.on('data', (data: Buffer) => client.onData(data));
        socket.on('close', () => client.end(1006, '', 'the connection dropped without a close frame'));
        socket.on('error', () => undefined); // 'close' follows and says it.
        resolvePromise(client);
        const rest = head.subarray(end + 4);
        if (rest.length > 0) client.onData(rest);
      }
      socket.on('data', onData);
      socket.once('error', (e) => fail(e.message));
      socket.once('close', () => fail('the server closed the connection during the handshake'));
      socket.write(
        [
          `GET ${path} HTTP/1.1`,
          `Host: ${host}:${port}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          `Sec-WebSocket-Key: ${key}`,
          'Sec-WebSocket-Version: 13',
          '',
          '',
        ].join('\r\n'),
      );
    });
  }

  get closed(): boolean {
    return this.ended !== undefined;
  }

  sendText(text: string): void {
    this.write(0x1, Buffer.from(text, 'utf8'));
  }

  sendBinary(bytes: Buffer): void {
    this.write(0x2, bytes);
  }

  /** The next message or the end, or undefined when nothing came within `ms`. */
  next(ms: number, signal?: AbortSignal): Promise<WsEvent | undefined> {
    const queued = this.inbox.shift();
    if (queued) return Promise.resolve(queued);
    if (this.ended) return Promise.resolve(this.ended);
    if (signal?.aborted) return Promise.resolve(undefined);
    return new Promise((resolvePromise) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        signal?.removeEventListener('abort', wake);
        resolvePromise(this.inbox.shift() ?? this.ended);
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }

  /** A close handshake (our close frame, then the server's, or the end of `ms`), then the socket is gone. */
  async close(code = 1000, ms = 1000): Promise<void> {
    if (!this.ended) {
      const payload = Buffer.alloc(2);
      payload.writeUInt16BE(code);
      this.write(0x8, payload);
      const deadline = Date.now() + ms;
      while (!this.ended && Date.now() < deadline) await this.next(deadline - Date.now());
    }
    this.socket.destroy();
  }

  /** Drops the TCP connection without a close frame, as a client that vanishes does. */
  destroy(): void {
    this.socket.destroy();
  }

  private write(opcode: number, payload: Buffer): void {
    if (this.closeSent || this.socket.destroyed) return;
    if (opcode === 0x8) this.closeSent = true;
    this.socket.write(encodeFrame(opcode, payload));
  }

  private push(event: WsEvent): void {
    // A program flooding a connection the spec is not reading must not fill the editor's memory.
    if (this.inbox.length >= maxUnreadMessages) {
      this.fail(1008, `the server sent more than ${maxUnreadMessages} messages that were not read yet`);
      return;
    }
    this.inbox.push(event);
    for (const wake of [...this.waiters]) wake();
  }

  private end(code: number, reason: string, detail: string): void {
    if (this.ended) return;
    this.ended = { kind: 'close', code, reason, detail };
    for (const wake of [...this.waiters]) wake();
  }

  /** We end the connection for a broken or oversized frame, and say why. */
  private fail(code: number, detail: string): void {
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code);
    this.write(0x8, payload);
    this.end(code, '', detail);
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    // After the end (a close frame, a failure) nothing more is read or kept.
    if (this.ended) return;
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    while (!this.ended && this.buffer.length >= 2) {
      const b0 = this.buffer[0] ?? 0;
      const b1 = this.buffer[1] ?? 0;
      const fin = (b0 & 0x80) !== 0;
      const opcode = b0 & 0x0f;
      let length = b1 & 0x7f;
      let offset = 2;
      if ((b0 & 0x70) !== 0) return this.fail(1002, 'the server set a reserved bit (RSV1-3) without an extension');
      if ((b1 & 0x80) !== 0) return this.fail(1002, 'the server masked a frame (only clients mask)');
      if (length === 126) {
        if (this.buffer.length < 4) return;
        length = this.buffer.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (this.buffer.length < 10) return;
        const big = this.buffer.readBigUInt64BE(2);
        if (big > BigInt(this.maxMessageBytes))
          return this.fail(1009, `the server sent a frame of ${big} bytes, over the ${this.maxMessageBytes}-byte limit`);
        length = Number(big);
        offset = 10;
      }
      const control = opcode >= 0x8;
      if (control && (!fin || length > 125)) return this.fail(1002, 'the server sent a fragmented or over-long control frame');
      if (!control && length + this.fragmentBytes > this.maxMessageBytes)
        return this.fail(1009, `the server sent a message over the ${this.maxMessageBytes}-byte limit`);
      if (this.buffer.length < offset + length) return;
      const payload = this.buffer.subarray(offset, offset + length);
      this.buffer = this.buffer.subarray(offset + length);
      this.onFrame(fin, opcode, payload);
    }
  }

  private onFrame(fin: boolean, opcode: number, payload: Buffer): void {
    switch (opcode) {
      case 0x9: // ping: answer with the same payload
        return this.write(0xa, Buffer.from(payload));
      case 0xa: // pong
        return;
      case 0x8: {
        const code = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
        const reason = payload.subarray(2).toString('utf8');
        if (!this.closeSent) this.write(0x8, payload.length >= 2 ? payload.subarray(0, 2) : Buffer.alloc(0));
        this.end(code, reason, `the server closed the connection (code ${code}${reason ? `, reason ${show(reason)}` : ''})`);
        this.socket.end();
        return;
      }
      case 0x1:
      case 0x2:
        if (this.fragmentOpcode !== 0) return this.fail(1002, 'the server started a new message before finishing the last one');
        this.fragmentOpcode = opcode;
        break;
      case 0x0:
        if (this.fragmentOpcode === 0) return this.fail(1002, 'the server sent a continuation frame with no message to continue');
        break;
      default:
        return this.fail(1002, `the server sent an unknown opcode ${opcode}`);
    }
    this.fragments.push(Buffer.from(payload));
    this.fragmentBytes += payload.length;
    if (!fin) return;
    const whole = Buffer.concat(this.fragments);
    const kind = this.fragmentOpcode;
    this.fragments = [];
    this.fragmentBytes = 0;
    this.fragmentOpcode = 0;
    if (kind === 0x2) return this.push({ kind: 'binary', bytes: whole });
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(whole);
    } catch {
      return this.fail(1007, 'the server sent a text frame that is not valid UTF-8');
    }
    this.push({ kind: 'text', text });
  }
}

/** Replaces `{"$repeat": ["x", n]}` in a value to send by the string repeated n times. */
export function expandRepeats(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(expandRepeats);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const [only] = entries;
  if (entries.length === 1 && only?.[0] === '$repeat') {
    const operand = only[1] as unknown;
    if (
      !Array.isArray(operand) ||
      typeof operand[0] !== 'string' ||
      !Number.isInteger(operand[1]) ||
      Number(operand[1]) < 0 ||
      Number(operand[1]) > 1_000_000
    )
      throw new Error('$repeat takes ["text", count] with a count from 0 to 1000000');
    return operand[0].repeat(Number(operand[1]));
  }
  return Object.fromEntries(entries.map(([k, v]) => [k, expandRepeats(v)]));
}

function showEvent(event: WsEvent): string {
  if (event.kind === 'text') return show(event.text.startsWith('{') || event.text.startsWith('[') ? tryJson(event.text) : event.text);
  if (event.kind === 'binary') return `(a binary frame of ${event.bytes.length} bytes)`;
  return `(${event.detail})`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function tryJson(text: string): unknown {
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : text;
}

/** How a sent text appears in the transcript and in a websocat session: one line. */
function shownSent(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text;
}

/** The WebSocket connections of one scenario, by name, and what went over them. */
export class WsSession {
  private readonly connections = new Map<string, WsClient>();
  private readonly urls = new Map<string, string>();
  private readonly transcript: string[] = [];

  constructor(
    private readonly port: number,
    private readonly signal?: AbortSignal,
  ) {}

  /** Undefined when the step passes; otherwise the failure as the learner sees it. */
  async run(step: WsStep, saved: Saved): Promise<string | undefined> {
    const action = step.ws;
    let problem: string | Mismatch[] | undefined;
    try {
      problem = await this.act(action, step, saved);
    } catch (e) {
      problem = `The spec is broken: ${e instanceof Error ? e.message : String(e)}`;
    }
    if (problem === undefined) return undefined;
    return this.report(action, step, problem);
  }

  /** Closes every connection still open; the program is stopped next. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.connections.values()].map((c) => c.close(1000, 500).catch(() => undefined)));
    this.connections.clear();
  }

  private note(name: string, line: string): void {
    this.transcript.push(`${name.padEnd(6)} ${line}`);
  }

  private connection(name: string): WsClient {
    const client = this.connections.get(name);
    if (!client) throw new Error(`the connection "${name}" is not open; connect it first`);
    return client;
  }

  private async act(action: WsAction, step: WsStep, saved: Saved): Promise<string | Mismatch[] | undefined> {
    if ('connect' in action) {
      const path = String(resolve(action.path ?? '/', saved));
      const url = `ws://127.0.0.1:${this.port}${path}`;
      if (this.connections.has(action.connect)) throw new Error(`the connection "${action.connect}" is already open`);
      this.urls.set(action.connect, url);
      try {
        const client = await WsClient.connect('127.0.0.1', this.port, path, { signal: this.signal });
        this.connections.set(action.connect, client);
        this.note(action.connect, `connected to ${url}`);
        return undefined;
      } catch (e) {
        this.note(action.connect, `could not connect to ${url}`);
        return `The connection failed: ${e instanceof Error ? e.message : String(e)}`;
      }
    }
    if ('send' in action) {
      const client = this.connection(action.send);
      const text = 'json' in action ? JSON.stringify(expandRepeats(resolve(action.json, saved))) : String(resolve(action.text, saved));
      this.note(action.send, `→ ${shownSent(text)}`);
      if (client.closed) return 'The server had already closed this connection, so the frame could not be sent.';
      client.sendText(text);
      return undefined;
    }
    if ('receive' in action) {
      const client = this.connection(action.receive);
      const ms = action.ms ?? defaultWaitMs;
      const event = await client.next(ms, this.signal);
      if (!event) {
        this.note(action.receive, `← (nothing within ${ms} ms)`);
        return `Nothing arrived within ${ms} ms.`;
      }
      this.note(action.receive, `← ${showEvent(event)}`);
      if (event.kind !== 'text') return [{ path: 'frame', expected: 'a text frame', actual: showEvent(event) }];
      const parsed = parseJson(event.text);
      if (step.save) saved[step.save] = { text: event.text, ...(parsed.ok ? { json: parsed.value } : {}) };
      const out: Mismatch[] = [];
      if (action.json !== undefined) {
        if (!parsed.ok) return [{ path: 'frame', expected: 'a text frame holding JSON', actual: show(event.text) }];
        out.push(...match(action.json, parsed.value, saved, 'json'));
      }
      if (action.text !== undefined) out.push(...match(action.text, event.text, saved, 'text'));
      return out.length > 0 ? out : undefined;
    }
    if ('silent' in action) {
      const client = this.connection(action.silent);
      const event = await client.next(action.ms, this.signal);
      if (!event) {
        this.note(action.silent, `  (nothing for ${action.ms} ms, as expected)`);
        return undefined;
      }
      this.note(action.silent, `← ${showEvent(event)}`);
      return [{ path: 'frame', expected: `nothing for ${action.ms} ms`, actual: showEvent(event) }];
    }
    if ('close' in action) {
      const client = this.connection(action.close);
      this.connections.delete(action.close);
      if (action.abrupt) {
        client.destroy();
        this.note(action.close, 'dropped the connection (no close frame)');
      } else {
        await client.close();
        this.note(action.close, 'closed the connection (close frame, code 1000)');
      }
      return undefined;
    }
    const client = this.connection(action.closed);
    const ms = action.ms ?? defaultWaitMs;
    const event = await client.next(ms, this.signal);
    this.note(action.closed, `← ${event ? showEvent(event) : `(nothing within ${ms} ms)`}`);
    const expected = `the server closes the connection${action.code === undefined ? '' : ` with code ${action.code}`}`;
    if (!event || event.kind !== 'close')
      return [{ path: 'connection', expected, actual: event ? showEvent(event) : `still open after ${ms} ms` }];
    if (action.code !== undefined && event.code !== action.code)
      return [{ path: 'close code', expected: String(action.code), actual: `${event.code} (${event.detail})` }];
    this.connections.delete(action.closed);
    client.destroy();
    return undefined;
  }

  private report(action: WsAction, step: WsStep, problem: string | Mismatch[]): string {
    const name = connectionOf(action);
    const url = this.urls.get(name) ?? `ws://127.0.0.1:${this.port}/`;
    const names = [...this.urls.keys()];
    const who = names.length > 1 ? `one terminal per connection (${names.join(', ')}), ` : '';
    const lines = [`  $ websocat ${shellQuote(url)}    # ${who}then type the frames sent (→) below; or: npx wscat -c ${shellQuote(url)}`];
    const shown = this.transcript.slice(-transcriptLines);
    if (shown.length > 0) {
      lines.push(`  Frames so far (→ sent, ← received)${this.transcript.length > shown.length ? `, the last ${shown.length}` : ''}:`);
      lines.push(...shown.map((l) => `    ${l}`));
    }
    lines.push(`  Step: ${describe(action)}`);
    if (step.why) lines.push(`  ${step.why}`);
    if (typeof problem === 'string') lines.push(`  ${problem}`);
    else lines.push(...problem.map((m) => `  ${m.path}\n    - expected: ${m.expected}\n    + actual:   ${m.actual}`));
    return lines.join('\n');
  }
}

function connectionOf(action: WsAction): string {
  if ('connect' in action) return action.connect;
  if ('send' in action) return action.send;
  if ('receive' in action) return action.receive;
  if ('silent' in action) return action.silent;
  if ('close' in action) return action.close;
  return action.closed;
}

/** A step in plain words, for a failure message. */
export function describe(action: WsAction): string {
  if ('connect' in action) return `${action.connect} connects to ${action.path ?? '/'}`;
  if ('send' in action) return `${action.send} sends ${'json' in action ? show(action.json) : show(action.text)}`;
  if ('receive' in action) {
    const what = action.json !== undefined ? show(action.json) : action.text !== undefined ? `text ${show(action.text)}` : 'a frame';
    return `${action.receive} receives ${what} within ${action.ms ?? defaultWaitMs} ms`;
  }
  if ('silent' in action) return `${action.silent} receives nothing for ${action.ms} ms`;
  if ('close' in action) return `${action.close} ${action.abrupt ? 'drops the connection' : 'closes the connection'}`;
  return `the server closes ${action.closed}'s connection${action.code === undefined ? '' : ` with code ${action.code}`}`;
}
