import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { match } from '../../src/domain/exercises/spec/match';
import { startProgram } from '../../src/domain/exercises/spec/program';
import {
  connectRedis,
  deleteKeysUnder,
  newKeyPrefix,
  parseRedisUrl,
  parseReply,
  redactRedisUrl,
  redisCliCommand,
  refuseCommand,
} from '../../src/domain/exercises/spec/redis';
import type { RedisClient } from '../../src/domain/exercises/spec/redis';
import { runSpec } from '../../src/domain/exercises/spec/run';
import { specSchema } from '../../src/domain/exercises/spec/schema';
import type { Spec } from '../../src/domain/exercises/spec/schema';

describe('spec: Redis steps, without a server', () => {
  it('reads REDIS_URL: host, port, TLS, user, password, database', () => {
    assert.deepEqual(parseRedisUrl('redis://127.0.0.1:63799'), { host: '127.0.0.1', port: 63799, tls: false, db: 0 });
    assert.deepEqual(parseRedisUrl('rediss://me:p%40ss@cache.example:6380/3'), {
      host: 'cache.example',
      port: 6380,
      tls: true,
      username: 'me',
      password: 'p@ss',
      db: 3,
    });
    assert.deepEqual(parseRedisUrl('redis://:secret@localhost'), { host: 'localhost', port: 6379, tls: false, password: 'secret', db: 0 });
    assert.throws(() => parseRedisUrl('http://localhost'), /redis:\/\//);
    assert.throws(() => parseRedisUrl('redis://localhost/x'), /database/);
    assert.equal(redactRedisUrl('redis://me:secret@h:1/2'), 'redis://me:***@h:1/2');
  });

  it('prints a redis-cli command a learner can paste, asking for a password instead of printing it', () => {
    assert.equal(redisCliCommand(parseRedisUrl('redis://127.0.0.1:6379'), ['GET', 'product:1']), 'redis-cli GET product:1');
    assert.equal(
      redisCliCommand(parseRedisUrl('redis://me:secret@db.local:63799/2'), ['SET', 'k', '{"a": 1}']),
      `redis-cli -h db.local -p 63799 -n 2 --user me --askpass SET k '{"a": 1}'`,
    );
  });

  it('parses RESP2 and RESP3 replies, and waits for a reply that has not fully arrived', () => {
    const one = (text: string) => parseReply(Buffer.from(text))?.value;
    assert.equal(one('+OK\r\n'), 'OK');
    assert.deepEqual(one('-ERR wrong\r\n'), { error: 'ERR wrong' });
    assert.equal(one(':-2\r\n'), -2);
    assert.equal(one('$4\r\nhé!\r\n'), 'hé!');
    assert.equal(one('$-1\r\n'), null);
    assert.equal(one('_\r\n'), null);
    assert.deepEqual(one('*2\r\n$1\r\na\r\n:1\r\n'), ['a', 1]);
    assert.deepEqual(one('%1\r\n+k\r\n#t\r\n'), { k: true });
    assert.equal(one(',1.5\r\n'), 1.5);
    assert.equal(one('=8\r\ntxt:abcd\r\n'), 'abcd');
    assert.deepEqual(one('|1\r\n+ttl\r\n:3\r\n:7\r\n'), 7);
    assert.equal(parseReply(Buffer.from('>2\r\n+message\r\n+x\r\n'))?.push, true);
    for (const partial of ['$5\r\nab', '*2\r\n:1\r\n', '+OK', '%1\r\n+k\r\n'])
      assert.equal(parseReply(Buffer.from(partial)), undefined, partial);
    assert.throws(() => parseReply(Buffer.from('HTTP/1.1 400 Bad Request\r\n')), /not Redis/);
    assert.throws(() => parseReply(Buffer.from('*1\r\n'.repeat(40) + ':1\r\n')), /nested/);
  });

  it('refuses commands that could touch data outside the scenario', () => {
    const prefix = 'br-check-0123456789ab:';
    assert.equal(refuseCommand(['GET', `${prefix}product:1`], prefix), undefined);
    assert.equal(refuseCommand(['del', `${prefix}a`, `${prefix}b`], prefix), undefined);
    assert.equal(refuseCommand(['PUBLISH', `${prefix}room:1`, 'hi'], prefix), undefined);
    assert.equal(refuseCommand(['pubsub', 'numsub', `${prefix}room:1`, `${prefix}room:2`], prefix), undefined);
    assert.match(refuseCommand(['PUBLISH', 'room:1', 'hi'], prefix) ?? '', /not under the scenario's prefix/);
    assert.match(refuseCommand(['PUBSUB', 'NUMSUB', `${prefix}a`, 'other'], prefix) ?? '', /channel "other"/);
    assert.match(refuseCommand(['PUBSUB', 'CHANNELS'], prefix) ?? '', /only NUMSUB/);
    assert.match(refuseCommand(['FLUSHDB'], prefix) ?? '', /not a command/);
    assert.match(refuseCommand(['FLUSHALL', 'ASYNC'], prefix) ?? '', /not a command/);
    assert.match(refuseCommand(['KEYS', '*'], prefix) ?? '', /not a command/);
    assert.match(refuseCommand(['GET', 'product:1'], prefix) ?? '', /not under/);
    assert.match(refuseCommand(['DEL', `${prefix}a`, 'other'], prefix) ?? '', /"other"/);
    assert.match(refuseCommand(['MSET', `${prefix}a`, 'v', 'b', 'v'], prefix) ?? '', /"b"/);
    assert.match(refuseCommand(['TTL'], prefix) ?? '', /needs a key/);
    assert.match(newKeyPrefix(), /^br-check-[0-9a-f]{12}:$/);
  });

  it('checks numbers against a range', () => {
    assert.deepEqual(match({ $between: [1, 60] }, 60, {}, 'reply'), []);
    assert.deepEqual(match({ $between: [1, 60] }, 1, {}, 'reply'), []);
    assert.equal(match({ $between: [1, 60] }, -1, {}, 'reply')[0]?.expected, 'a number from 1 to 60');
    assert.equal(match({ $between: [1, 60] }, '30', {}, 'reply').length, 1);
  });

  it('accepts Redis steps in a spec, with keys that name the prefix', () => {
    const parsed = specSchema.safeParse({
      version: 1,
      exercise: 'x',
      scenarios: [{ name: 'n', steps: [{ redis: ['TTL', '{{redisKeyPrefix}}k'], expect: { reply: { $between: [1, 5] } } }] }],
    });
    assert.ok(parsed.success);
    assert.equal(specSchema.safeParse({ version: 1, exercise: 'x', scenarios: [{ name: 'n', steps: [{ redis: [] }] }] }).success, false);
  });

  it('gives up on a server that never answers, and on one that is not there', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const client = await connectRedis(`redis://127.0.0.1:${port}`, { commandTimeoutMs: 200 });
      await assert.rejects(client.command(['PING']), /no answer to PING within 200 ms/);
      await assert.rejects(client.command(['PING']), /no answer/);
      client.close();
    } finally {
      silent.close();
    }
    await assert.rejects(connectRedis(`redis://127.0.0.1:${port}`), /ECONNREFUSED/);
  });
});

// The real Redis `npm test` starts (REDIS_URL). Keys live under a fresh prefix and are deleted after.
describe('spec: Redis steps, on the real Redis', function () {
  const url = process.env.REDIS_URL ?? '';
  let client: RedisClient;
  const prefix = newKeyPrefix();
  const key = (k: string) => `${prefix}${k}`;

  before(async function () {
    if (!url) {
      if (process.env.BACKEND_ROADMAP_REQUIRE_SERVICES === '1') assert.fail('REDIS_URL is not set');
      this.skip();
    }
    client = await connectRedis(url);
  });
  after(async () => {
    if (!client) return;
    await deleteKeysUnder(client, prefix);
    client.close();
  });

  it('sends commands and reads their replies in order', async () => {
    const replies = await Promise.all([
      client.command(['SET', key('a'), '{"id":1}', 'EX', '60']),
      client.command(['GET', key('a')]),
      client.command(['TTL', key('a')]),
      client.command(['GET', key('missing')]),
      client.command(['TTL', key('missing')]),
      client.command(['INCR', key('a')]),
      client.command(['RPUSH', key('list'), 'x', 'y']),
      client.command(['LRANGE', key('list'), '0', '-1']),
    ]);
    assert.deepEqual(replies.slice(0, 2), ['OK', '{"id":1}']);
    assert.ok(typeof replies[2] === 'number' && replies[2] > 55 && replies[2] <= 60);
    assert.deepEqual(replies.slice(3), [null, -2, { error: 'ERR value is not an integer or out of range' }, 2, ['x', 'y']]);
  });

  it('fails AUTH on a server without that password, and selects the URL database', async () => {
    await assert.rejects(connectRedis(url.replace('redis://', 'redis://:wrong-password@')), /AUTH failed/);
    const db1 = await connectRedis(`${url.replace(/\/\d*$/, '')}/1`);
    try {
      await db1.command(['SET', key('in-db-1'), 'v']);
      assert.equal(await client.command(['EXISTS', key('in-db-1')]), 0);
      assert.equal(await db1.command(['EXISTS', key('in-db-1')]), 1);
      assert.equal(await deleteKeysUnder(db1, prefix), 1);
    } finally {
      db1.close();
    }
  });

  it('closes the connection when a reply is larger than the cap', async () => {
    await client.command(['SET', key('big'), 'x'.repeat(4096)]);
    const small = await connectRedis(url, { maxReplyBytes: 1024 });
    await assert.rejects(small.command(['GET', key('big')]), /larger than 1024 bytes/);
    small.close();
  });

  it('deletes the keys under a prefix and no others', async () => {
    const other = newKeyPrefix();
    await client.command(['SET', `${other}keep`, '1']);
    for (let i = 0; i < 450; i++) await client.command(['SET', key(`many:${i}`), String(i)]);
    try {
      assert.ok((await deleteKeysUnder(client, prefix)) >= 450);
      assert.deepEqual((await client.command(['SCAN', '0', 'MATCH', `${prefix}*`, 'COUNT', '10000']))?.toString(), '0,');
      assert.equal(await client.command(['GET', `${other}keep`]), '1');
    } finally {
      await client.command(['DEL', `${other}keep`]);
    }
  });

  it('runs Redis steps beside HTTP steps: the program gets the prefix, a failure prints redis-cli, the keys go', async function () {
    this.timeout(30_000);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'spec-redis-'));
    // A program that caches in Redis with the raw protocol (no dependency): PUT /v stores under
    // REDIS_KEY_PREFIX, with a TTL unless BUG=forever.
    await fs.writeFile(
      path.join(dir, 'server.js'),
      `
const http = require('node:http');
const net = require('node:net');
const u = new URL(process.env.REDIS_URL);
const send = (args) => new Promise((resolve) => {
  const s = net.connect(Number(u.port), u.hostname, () => s.write('*' + args.length + '\\r\\n' + args.map((a) => '$' + Buffer.byteLength(a) + '\\r\\n' + a + '\\r\\n').join('')));
  s.once('data', (d) => { s.end(); resolve(String(d)); });
});
http.createServer(async (req, res) => {
  const key = process.env.REDIS_KEY_PREFIX + 'v';
  await send(process.env.BUG === 'forever' ? ['SET', key, '{"n": 1}'] : ['SET', key, '{"n": 1}', 'EX', '30']);
  res.end('{}');
}).listen(Number(process.env.PORT), '127.0.0.1');
`,
    );
    const spec: Spec = {
      version: 1,
      exercise: 'cache',
      scenarios: [
        {
          name: 'PUT caches the value with a TTL',
          steps: [
            { request: { method: 'PUT', path: '/v' }, expect: { status: 200 } },
            { redis: ['GET', '{{redisKeyPrefix}}v'], expect: { json: { n: 1 } }, save: 'cached' },
            { redis: ['TTL', '{{redisKeyPrefix}}v'], expect: { reply: { $between: [25, 30] } }, why: 'Cached values expire.' },
          ],
        },
      ],
    };
    const prefixes: string[] = [];
    const run = (bug: string) =>
      runSpec(spec, {
        start: (env) => {
          prefixes.push(env.REDIS_KEY_PREFIX ?? '');
          return startProgram({ command: process.execPath, args: ['server.js'] }, dir, { env: { ...env, BUG: bug } });
        },
      });
    try {
      const good = await run('');
      assert.equal(good[0]?.status, 'passed', good[0]?.error);
      const bad = await run('forever');
      assert.equal(bad[0]?.status, 'failed');
      const error = bad[0]?.error ?? '';
      assert.match(error, /Step 3 of 3:\n {2}\$ redis-cli .*TTL br-check-[0-9a-f]{12}:v\n {2}Cached values expire\./);
      assert.match(error, /- expected: a number from 25 to 30\n {4}\+ actual: {3}-1/);
      assert.equal(new Set(prefixes).size, 2, 'each scenario run has its own prefix');
      for (const p of prefixes) assert.equal(await client.command(['EXISTS', `${p}v`]), 0, `${p}v was deleted`);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
