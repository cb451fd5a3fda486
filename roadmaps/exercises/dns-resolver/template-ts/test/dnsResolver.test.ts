import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve, decodeMessage, readName } from '../src/dnsResolver';
import { startFakeDns, type FakeDns, type FakeDnsOptions, type Zone } from './fakeDns';

// Every test starts its own fake DNS server (test/fakeDns.js) on a free port, with a zone of its own.
const servers: FakeDns[] = [];
async function dns(zone: Zone, options?: FakeDnsOptions): Promise<FakeDns> {
  const server = await startFakeDns(zone, options);
  servers.push(server);
  return server;
}
after(() => Promise.all(servers.map((s) => s.close())));

const zone: Zone = {
  'example.test': { a: ['192.0.2.10', '192.0.2.11'] },
  'www.example.test': { cname: 'example.test' },
  'cdn.example.test': { cname: 'edge.cdn.test' },
  'edge.cdn.test': { cname: 'pop1.cdn.test' },
  'pop1.cdn.test': { a: ['198.51.100.7'] },
  'loop-a.test': { cname: 'loop-b.test' },
  'loop-b.test': { cname: 'loop-a.test' },
  'self.test': { cname: 'self.test' },
  'no-address.test': { a: [] },
};
/** A chain of `n` CNAMEs: hop0.test → hop1.test → … → hop<n>.test, which has an address. */
function chainOf(n: number, prefix = 'hop'): Zone {
  const z: Zone = {};
  for (let i = 0; i < n; i++) z[`${prefix}${i}.test`] = { cname: `${prefix}${i + 1}.test` };
  z[`${prefix}${n}.test`] = { a: ['192.0.2.99'] };
  return z;
}
const rejectsWith = (promise: Promise<unknown>, code: string) =>
  assert.rejects(promise, (err: Error & { code?: string }) => err.code === code || assert.fail(`expected an error with code ${code}, got ${err.code ?? err}`));

describe('reading DNS messages', () => {
  test('readName reads labels up to the 0 byte, and says where the name ends', () => {
    const buf = Buffer.from([3, 0x77, 0x77, 0x77, 4, 0x74, 0x65, 0x73, 0x74, 0, 0xff]);
    assert.deepEqual(readName(buf, 0), { name: 'www.test', next: 10 });
  });

  test('readName follows a compression pointer, and `next` is just after the pointer', () => {
    // "test" at 0; then "www" followed by a pointer to offset 0.
    const buf = Buffer.from([4, 0x74, 0x65, 0x73, 0x74, 0, 3, 0x77, 0x77, 0x77, 0xc0, 0x00, 0xff]);
    assert.deepEqual(readName(buf, 6), { name: 'www.test', next: 12 });
  });

  test('decodeMessage gives the id, the rcode and the answers', () => {
    const header = Buffer.from([0x12, 0x34, 0x84, 0x00, 0, 1, 0, 1, 0, 0, 0, 0]);
    const question = Buffer.from([4, 0x74, 0x65, 0x73, 0x74, 0, 0, 1, 0, 1]);
    const answer = Buffer.from([0xc0, 12, 0, 1, 0, 1, 0, 0, 1, 0x2c, 0, 4, 192, 0, 2, 1]);
    const message = decodeMessage(Buffer.concat([header, question, answer]));
    assert.equal(message.id, 0x1234);
    assert.equal(message.rcode, 0);
    assert.deepEqual(message.answers, [{ name: 'test', type: 1, ttl: 300, data: '192.0.2.1' }]);
  });
});

describe('resolve', () => {
  test('a name with A records: its addresses', async () => {
    const server = await dns(zone);
    assert.deepEqual(await resolve('example.test', server), { addresses: ['192.0.2.10', '192.0.2.11'], chain: ['example.test'] });
  });

  test('one CNAME, answered one record at a time: asks again for the target', async () => {
    const server = await dns(zone);
    const result = await resolve('www.example.test', server);
    assert.deepEqual(result, { addresses: ['192.0.2.10', '192.0.2.11'], chain: ['www.example.test', 'example.test'] });
    assert.deepEqual(server.queries, ['www.example.test', 'example.test']);
  });

  test('a whole chain in one answer: followed without asking again', async () => {
    const server = await dns(zone, { wholeChain: true });
    const result = await resolve('cdn.example.test', server);
    assert.deepEqual(result, { addresses: ['198.51.100.7'], chain: ['cdn.example.test', 'edge.cdn.test', 'pop1.cdn.test'] });
    assert.deepEqual(server.queries, ['cdn.example.test']);
  });

  test('names are compared ignoring case (the server may answer in capitals)', async () => {
    const server = await dns(zone, { upperCaseOwners: true });
    assert.deepEqual((await resolve('www.example.test', server)).addresses, ['192.0.2.10', '192.0.2.11']);
  });

  test('a name that exists without addresses: none, and no error', async () => {
    const server = await dns(zone);
    assert.deepEqual(await resolve('no-address.test', server), { addresses: [], chain: ['no-address.test'] });
  });

  test('a name that does not exist: NXDOMAIN', async () => {
    const server = await dns(zone);
    await rejectsWith(resolve('nowhere.test', server), 'NXDOMAIN');
  });

  test('a CNAME loop is noticed, whether the chain comes whole or a record at a time', async () => {
    await rejectsWith(resolve('loop-a.test', await dns(zone)), 'CNAME_LOOP');
    await rejectsWith(resolve('loop-a.test', await dns(zone, { wholeChain: true })), 'CNAME_LOOP');
    await rejectsWith(resolve('self.test', await dns(zone)), 'CNAME_LOOP');
  });

  test('maxHops CNAMEs are followed; one more is TOO_MANY_HOPS', async () => {
    const server = await dns({ ...chainOf(3, 'three'), ...chainOf(4, 'four') });
    assert.deepEqual((await resolve('three0.test', { ...server, maxHops: 3 })).addresses, ['192.0.2.99']);
    await rejectsWith(resolve('four0.test', { ...server, maxHops: 3 }), 'TOO_MANY_HOPS');
  });

  test('the default limit is 8 CNAMEs', async () => {
    const server = await dns(chainOf(8));
    assert.equal((await resolve('hop0.test', server)).chain.length, 9);
    const longer = await dns(chainOf(9));
    await rejectsWith(resolve('hop0.test', longer), 'TOO_MANY_HOPS');
  });

  test('a packet with another id is not the answer', async () => {
    const server = await dns(zone, { spoofFirst: true });
    assert.deepEqual((await resolve('example.test', server)).addresses, ['192.0.2.10', '192.0.2.11']);
  });

  test('no answer within timeoutMs: TIMEOUT', async () => {
    const server = await dns(zone, { silent: true });
    const started = Date.now();
    await rejectsWith(resolve('example.test', { ...server, timeoutMs: 300 }), 'TIMEOUT');
    assert.ok(Date.now() - started < 2000, 'resolve should give up after timeoutMs');
  });
});
