// Redis steps of a behavioural spec: a small client on node:net (RESP2, tolerant of RESP3 replies) and
// the step runner. The Redis is the learner's own, so a spec only ever touches keys under a prefix
// picked for the scenario (the program gets it as REDIS_KEY_PREFIX), and afterwards deletes those keys
// and nothing else. There is no FLUSHDB here, by design.
import { randomBytes } from 'node:crypto';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { shellQuote } from './curl';
import { match, resolve, show } from './match';
import type { Mismatch, Saved } from './match';
import type { RedisStep, Spec } from './schema';

/** What a command answered. Error replies become `{ error: "ERR …" }` so a spec can expect them. */
export type RedisReply = null | boolean | number | string | RedisReply[] | { [key: string]: RedisReply };

export class RedisError extends Error {}

export interface RedisTarget {
  host: string;
  port: number;
  tls: boolean;
  username?: string;
  password?: string;
  db: number;
}

export interface RedisOptions {
  connectTimeoutMs?: number;
  /** Per command. */
  commandTimeoutMs?: number;
  /** A reply larger than this closes the connection: a spec never needs a big value. */
  maxReplyBytes?: number;
}

export interface RedisClient {
  command(args: readonly string[]): Promise<RedisReply>;
  close(): void;
}

/** The environment variable every flavour prepends to its keys. */
export const keyPrefixEnv = 'REDIS_KEY_PREFIX';
export const defaultRedisUrl = 'redis://127.0.0.1:6379';

/** `redis://[user[:password]@]host[:port][/db]`, or `rediss://` for TLS. */
export function parseRedisUrl(text: string): RedisTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new RedisError(`REDIS_URL is not a URL (redis://host:port/db)`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new RedisError(`REDIS_URL must start with redis:// or rediss://, not ${url.protocol}//`);
  const dbText = url.pathname.replace(/^\//, '');
  const db = dbText === '' ? 0 : Number(dbText);
  if (!Number.isInteger(db) || db < 0) throw new RedisError(`REDIS_URL names database "${dbText}", which is not a number`);
  const username = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  return {
    host: url.hostname.replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: url.port ? Number(url.port) : 6379,
    tls: url.protocol === 'rediss:',
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
    db,
  };
}

/** The URL without its password, for messages. */
export function redactRedisUrl(text: string): string {
  try {
    const url = new URL(text);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(an unreadable REDIS_URL)';
  }
}

/** The command as a learner would type it; a password is asked for, never printed. */
export function redisCliCommand(target: RedisTarget, args: readonly string[]): string {
  const parts = ['redis-cli'];
  if (target.host !== '127.0.0.1' && target.host !== 'localhost') parts.push('-h', shellQuote(target.host));
  if (target.port !== 6379) parts.push('-p', String(target.port));
  if (target.tls) parts.push('--tls');
  if (target.db !== 0) parts.push('-n', String(target.db));
  if (target.username) parts.push('--user', shellQuote(target.username));
  if (target.password) parts.push('--askpass');
  parts.push(...args.map(shellQuote));
  return parts.join(' ');
}

// ---- RESP parsing ----------------------------------------------------------------------------

interface Parsed {
  value: RedisReply;
  end: number;
  /** RESP3 out-of-band data (a push): not the answer to a command. */
  push?: boolean;
}

const maxDepth = 32;

/** One reply from `buf` at `at`, or undefined when it has not fully arrived yet. */
export function parseReply(buf: Buffer, at = 0, depth = 0): Parsed | undefined {
  if (depth > maxDepth) throw new RedisError('the reply is nested too deeply');
  if (at >= buf.length) return undefined;
  const lineEnd = buf.indexOf('\r\n', at);
  if (lineEnd < 0) return undefined;
  const type = String.fromCharCode(buf[at] ?? 0);
  const line = buf.toString('utf8', at + 1, lineEnd);
  const next = lineEnd + 2;
  const count = () => {
    const n = Number(line);
    if (!Number.isInteger(n) || n < -1) throw new RedisError(`a malformed length in the reply: ${line}`);
    return n;
  };
  switch (type) {
    case '+':
      return { value: line, end: next };
    case '-':
    case '!': {
      // RESP3 blob errors carry a length; simple errors are the line itself.
      if (type === '!') {
        const n = count();
        if (buf.length < next + n + 2) return undefined;
        return { value: { error: buf.toString('utf8', next, next + n) }, end: next + n + 2 };
      }
      return { value: { error: line }, end: next };
    }
    case ':':
    case '(':
      return { value: type === ':' ? Number(line) : line, end: next };
    case ',':
      return { value: line === 'inf' ? Infinity : line === '-inf' ? -Infinity : Number(line), end: next };
    case '#':
      return { value: line === 't', end: next };
    case '_':
      return { value: null, end: next };
    case '$':
    case '=': {
      const n = count();
      if (n === -1) return { value: null, end: next };
      if (buf.length < next + n + 2) return undefined;
      // A verbatim string starts with its format (`txt:`), which is not part of the value.
      const value = buf.toString('utf8', next + (type === '=' ? 4 : 0), next + n);
      return { value, end: next + n + 2 };
    }
    case '*':
    case '~':
    case '>': {
      const n = count();
      if (n === -1) return { value: null, end: next };
      const items: RedisReply[] = [];
      let end = next;
      for (let i = 0; i < n; i++) {
        const item = parseReply(buf, end, depth + 1);
        if (!item) return undefined;
        items.push(item.value);
        end = item.end;
      }
      return { value: items, end, ...(type === '>' ? { push: true } : {}) };
    }
    case '%':
    case '|': {
      const n = count();
      const entries: Record<string, RedisReply> = {};
      let end = next;
      for (let i = 0; i < n; i++) {
        const key = parseReply(buf, end, depth + 1);
        if (!key) return undefined;
        const value = parseReply(buf, key.end, depth + 1);
        if (!value) return undefined;
        Object.defineProperty(entries, typeof key.value === 'string' ? key.value : JSON.stringify(key.value), {
          value: value.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
        end = value.end;
      }
      // An attribute annotates the reply that follows it; the reply is what counts.
      if (type === '|') return parseReply(buf, end, depth);
      return { value: entries, end };
    }
    default:
      throw new RedisError(`the server answered something that is not Redis (${JSON.stringify(buf.toString('latin1', at, at + 16))})`);
  }
}

function encode(args: readonly string[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) {
    const bytes = Buffer.from(arg, 'utf8');
    parts.push(Buffer.from(`$${bytes.length}\r\n`), bytes, Buffer.from('\r\n'));
  }
  return Buffer.concat(parts);
}

/** Connects, authenticates and selects the URL's database. Commands are answered in order. */
export async function connectRedis(url: string, options: RedisOptions = {}): Promise<RedisClient> {
  const target = parseRedisUrl(url);
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000;
  const commandTimeoutMs = options.commandTimeoutMs ?? 5000;
  const maxReplyBytes = options.maxReplyBytes ?? 1024 * 1024;
  const socket = await new Promise<net.Socket>((resolvePromise, reject) => {
    const s = target.tls
      ? tls.connect({ host: target.host, port: target.port, servername: net.isIP(target.host) ? undefined : target.host })
      : net.connect({ host: target.host, port: target.port });
    const timer = setTimeout(() => {
      s.destroy();
      reject(new RedisError(`no answer within ${connectTimeoutMs} ms`));
    }, connectTimeoutMs);
    s.once(target.tls ? 'secureConnect' : 'connect', () => {
      clearTimeout(timer);
      resolvePromise(s);
    });
    s.once('error', (e) => {
      clearTimeout(timer);
      reject(new RedisError(e.message));
    });
  });
  socket.setNoDelay(true);

  const pending: { resolve(r: RedisReply): void; reject(e: Error): void; timer: NodeJS.Timeout }[] = [];
  let buffer: Buffer = Buffer.alloc(0);
  let broken: Error | undefined;
  const fail = (e: Error) => {
    broken ??= e;
    for (const p of pending.splice(0)) {
      clearTimeout(p.timer);
      p.reject(broken);
    }
    socket.destroy();
  };
  socket.on('data', (chunk: Buffer) => {
    buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
    if (buffer.length > maxReplyBytes) return fail(new RedisError(`a reply is larger than ${maxReplyBytes} bytes`));
    for (;;) {
      let parsed: Parsed | undefined;
      try {
        parsed = parseReply(buffer);
      } catch (e) {
        return fail(e instanceof Error ? e : new RedisError(String(e)));
      }
      if (!parsed) return;
      buffer = buffer.subarray(parsed.end);
      if (parsed.push) continue;
      const head = pending.shift();
      if (!head) return fail(new RedisError('the server answered a command nobody sent'));
      clearTimeout(head.timer);
      head.resolve(parsed.value);
    }
  });
  socket.on('error', (e) => fail(new RedisError(e.message)));
  socket.on('close', () => fail(new RedisError('the connection closed')));

  const command = (args: readonly string[]): Promise<RedisReply> => {
    if (broken) return Promise.reject(broken);
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => fail(new RedisError(`no answer to ${args[0] ?? ''} within ${commandTimeoutMs} ms`)), commandTimeoutMs);
      pending.push({ resolve: resolvePromise, reject, timer });
      socket.write(encode(args));
    });
  };
  const client: RedisClient = { command, close: () => socket.destroy() };
  const must = async (args: string[], what: string) => {
    const reply = await command(args);
    if (reply !== null && typeof reply === 'object' && !Array.isArray(reply) && typeof reply.error === 'string') {
      client.close();
      throw new RedisError(`${what} failed: ${reply.error}`);
    }
  };
  try {
    if (target.password !== undefined)
      await must(target.username ? ['AUTH', target.username, target.password] : ['AUTH', target.password], 'AUTH');
    if (target.db !== 0) await must(['SELECT', String(target.db)], `SELECT ${target.db}`);
  } catch (e) {
    client.close();
    throw e;
  }
  return client;
}

/** The reply's error text, when it is an error reply. */
export function replyError(reply: RedisReply): string | undefined {
  if (reply === null || typeof reply !== 'object' || Array.isArray(reply)) return undefined;
  return typeof reply.error === 'string' && Object.keys(reply).length === 1 ? reply.error : undefined;
}

/** Glob-escapes text for SCAN MATCH. */
function globEscape(text: string): string {
  return text.replace(/[*?[\]\\]/g, (c) => `\\${c}`);
}

/** Deletes every key under `prefix` (SCAN walks the keyspace in steps, unlike KEYS); the count deleted. */
export async function deleteKeysUnder(client: RedisClient, prefix: string): Promise<number> {
  if (prefix.length < 8) throw new RedisError('refusing to delete under a short prefix');
  let cursor = '0';
  let deleted = 0;
  do {
    const reply = await client.command(['SCAN', cursor, 'MATCH', `${globEscape(prefix)}*`, 'COUNT', '200']);
    if (!Array.isArray(reply) || typeof reply[0] !== 'string' || !Array.isArray(reply[1]))
      throw new RedisError(`SCAN answered ${show(reply)}`);
    cursor = reply[0];
    const keys = reply[1].filter((k): k is string => typeof k === 'string' && k.startsWith(prefix));
    if (keys.length > 0) {
      const n = await client.command(['DEL', ...keys]);
      if (typeof n === 'number') deleted += n;
    }
  } while (cursor !== '0');
  return deleted;
}

// ---- Which commands a spec may send ----------------------------------------------------------

/**
 * Commands a spec may send, and where their keys are: `1` the first argument only, `all` every
 * argument, `pairs` every other one (MSET). Anything else (FLUSHDB, CONFIG, KEYS, SELECT…) is refused,
 * and every key must lie under the scenario's prefix.
 */
const allowed: Readonly<Record<string, 1 | 'all' | 'pairs'>> = {
  GET: 1,
  SET: 1,
  GETRANGE: 1,
  STRLEN: 1,
  INCR: 1,
  DEL: 'all',
  UNLINK: 'all',
  EXISTS: 'all',
  MGET: 'all',
  MSET: 'pairs',
  TYPE: 1,
  TTL: 1,
  PTTL: 1,
  EXPIRE: 1,
  PEXPIRE: 1,
  PERSIST: 1,
  HGET: 1,
  HGETALL: 1,
  HSET: 1,
  HDEL: 1,
  HLEN: 1,
  LRANGE: 1,
  LLEN: 1,
  LPUSH: 1,
  RPUSH: 1,
  SMEMBERS: 1,
  SISMEMBER: 1,
  SCARD: 1,
  SADD: 1,
  ZRANGE: 1,
  ZSCORE: 1,
  ZCARD: 1,
  ZADD: 1,
  XLEN: 1,
  XRANGE: 1,
  // Channels are not keys, but every database shares them: they lie under the prefix too.
  PUBLISH: 1,
};

/** Why a spec may not send `args` in a scenario whose keys start with `prefix`, or undefined. */
export function refuseCommand(args: readonly string[], prefix: string): string | undefined {
  const name = (args[0] ?? '').toUpperCase();
  // PUBSUB NUMSUB <channel>…: how many subscribers each channel has (a learner's unsubscribe shows there).
  if (name === 'PUBSUB') {
    if ((args[1] ?? '').toUpperCase() !== 'NUMSUB') return 'PUBSUB takes only NUMSUB in a spec';
    const channels = args.slice(2);
    if (channels.length === 0) return 'PUBSUB NUMSUB needs a channel';
    const outside = channels.find((c) => !c.startsWith(prefix));
    return outside === undefined
      ? undefined
      : `the channel ${JSON.stringify(outside)} is not under the scenario's prefix {{redisKeyPrefix}}`;
  }
  const where = allowed[name];
  if (!where) return `${name || 'an empty command'} is not a command a spec may send to a learner's Redis`;
  const rest = args.slice(1);
  const keys = where === 1 ? rest.slice(0, 1) : where === 'all' ? rest : rest.filter((_, i) => i % 2 === 0);
  if (keys.length === 0) return `${name} needs a key`;
  const outside = keys.find((k) => !k.startsWith(prefix));
  return outside === undefined ? undefined : `the key ${JSON.stringify(outside)} is not under the scenario's prefix {{redisKeyPrefix}}`;
}

// ---- The step runner -------------------------------------------------------------------------

export function specUsesRedis(spec: Spec): boolean {
  return spec.scenarios.some((s) => s.steps.some((step) => 'redis' in step));
}

/** A fresh prefix per scenario: `br-check-<12 hex>:`. */
export function newKeyPrefix(): string {
  return `br-check-${randomBytes(6).toString('hex')}:`;
}

export interface RedisSession {
  prefix: string;
  /** Undefined when the step passes; otherwise the failure as the learner sees it. */
  run(step: RedisStep, saved: Saved): Promise<string | undefined>;
  /** Deletes the scenario's keys (after the program stopped) and disconnects. */
  close(): Promise<void>;
}

export function redisSession(url: string, prefix: string, options: RedisOptions = {}): RedisSession {
  let client: Promise<RedisClient> | undefined;
  const connect = () => (client ??= connectRedis(url, options));
  let target: RedisTarget | undefined;
  try {
    target = parseRedisUrl(url);
  } catch {
    target = undefined;
  }
  return {
    prefix,
    async run(step, saved) {
      let args: string[];
      try {
        args = step.redis.map((a) => String(resolve(a, saved)));
      } catch (e) {
        return `The spec is broken: ${e instanceof Error ? e.message : String(e)}`;
      }
      const refused = refuseCommand(args, prefix);
      if (refused) return `The spec is broken: ${refused}`;
      const cli = `  $ ${target ? redisCliCommand(target, args) : `redis-cli ${args.map(shellQuote).join(' ')}`}`;
      let reply: RedisReply;
      try {
        reply = await (await connect()).command(args);
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        return `${cli}\n  Redis is not reachable at ${redactRedisUrl(url)} (from REDIS_URL): ${why}`;
      }
      const scope: Saved = step.save ? { ...saved, [step.save]: { reply } } : saved;
      const mismatches: Mismatch[] = [];
      try {
        if (step.expect?.reply !== undefined) mismatches.push(...match(step.expect.reply, reply, scope, 'reply'));
        if (step.expect?.json !== undefined) {
          let json: unknown;
          let parsed = typeof reply === 'string';
          if (typeof reply === 'string') {
            try {
              json = JSON.parse(reply) as unknown;
            } catch {
              parsed = false;
            }
          }
          if (!parsed) mismatches.push({ path: 'reply', expected: 'a string holding JSON', actual: show(reply) });
          else mismatches.push(...match(step.expect.json, json, scope, 'json'));
        }
      } catch (e) {
        return `${cli}\n  The spec is broken: ${e instanceof Error ? e.message : String(e)}`;
      }
      if (mismatches.length === 0) {
        if (step.save) saved[step.save] = { reply };
        return undefined;
      }
      const lines = mismatches.map((m) => `  ${m.path}\n    - expected: ${m.expected}\n    + actual:   ${m.actual}`);
      return [
        cli,
        ...(step.why ? [`  ${step.why}`] : []),
        ...lines,
        `  (Redis answered ${show(reply)}. The check deletes its ${prefix}… keys afterwards: to look yourself, start your program with ${keyPrefixEnv}=${prefix} and repeat the steps.)`,
      ].join('\n');
    },
    async close() {
      // Even a scenario with no Redis step of its own may have had the program write keys.
      try {
        const c = await connect();
        try {
          await deleteKeysUnder(c, prefix);
        } finally {
          c.close();
        }
      } catch {
        // Unreachable Redis: a step already said so, or there is nothing to delete.
      }
    },
  };
}
