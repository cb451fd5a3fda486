// A DNS stub resolver that speaks the wire protocol (RFC 1035) over UDP itself: it asks for A
// records, follows CNAME chains with a hop limit, and notices loops.
const dgram = require('node:dgram');
const crypto = require('node:crypto');

const TYPE = { A: 1, CNAME: 5 };
const CLASS_IN = 1;

/** An Error with a `code` the caller can test: NXDOMAIN, CNAME_LOOP, TOO_MANY_HOPS, TIMEOUT, BAD_RESPONSE. */
function dnsError(code, message) {
  return Object.assign(new Error(message), { code });
}

/** A query for `name`'s records of `type`, recursion desired (done for you). */
function encodeQuery(id, name, type = TYPE.A) {
  const labels = name.replace(/\.$/, '').split('.');
  const parts = [];
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100, 2); // RD: recursion desired
  header.writeUInt16BE(1, 4); // one question
  parts.push(header);
  for (const label of labels) {
    const bytes = Buffer.from(label, 'ascii');
    if (bytes.length === 0 || bytes.length > 63) throw dnsError('BAD_NAME', `"${name}" is not a valid name`);
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  const tail = Buffer.alloc(5);
  tail.writeUInt16BE(type, 1);
  tail.writeUInt16BE(CLASS_IN, 3);
  parts.push(tail);
  return Buffer.concat(parts);
}

/**
 * Reads the name at `offset`: labels, each a length byte then that many bytes, ending in a 0 byte,
 * or in a pointer (two bytes starting with the bits 11) to the rest of the name elsewhere in the
 * message. Returns { name, next }, `next` being the offset just after the name where it started.
 */
function readName(buf, offset) {
  const labels = [];
  let next;
  let jumps = 0;
  for (;;) {
    if (offset >= buf.length) throw dnsError('BAD_RESPONSE', 'a name runs past the end of the message');
    const length = buf[offset];
    if ((length & 0xc0) === 0xc0) {
      if (++jumps > 20) throw dnsError('BAD_RESPONSE', 'compression pointers loop');
      next ??= offset + 2;
      offset = ((length & 0x3f) << 8) | buf[offset + 1];
      continue;
    }
    if (length === 0) break;
    labels.push(buf.toString('ascii', offset + 1, offset + 1 + length));
    offset += 1 + length;
  }
  return { name: labels.join('.'), next: next ?? offset + 1 };
}

/** Decodes a response: its id, rcode and answer records ({ name, type, ttl, data }). */
function decodeMessage(buf) {
  if (buf.length < 12) throw dnsError('BAD_RESPONSE', 'shorter than a DNS header');
  const id = buf.readUInt16BE(0);
  const flags = buf.readUInt16BE(2);
  const qdcount = buf.readUInt16BE(4);
  const ancount = buf.readUInt16BE(6);
  let offset = 12;
  for (let i = 0; i < qdcount; i++) offset = readName(buf, offset).next + 4;
  const answers = [];
  for (let i = 0; i < ancount; i++) {
    const { name, next } = readName(buf, offset);
    const type = buf.readUInt16BE(next);
    const ttl = buf.readUInt32BE(next + 4);
    const rdlength = buf.readUInt16BE(next + 8);
    const rdata = next + 10;
    let data;
    if (type === TYPE.A) data = [...buf.subarray(rdata, rdata + 4)].join('.');
    else if (type === TYPE.CNAME) data = readName(buf, rdata).name;
    answers.push({ name, type, ttl, data });
    offset = rdata + rdlength;
  }
  return { id, isResponse: (flags & 0x8000) !== 0, rcode: flags & 0x000f, answers };
}

/** Sends one query to the server and resolves to the decoded response with the same id. */
function exchange({ host, port }, name, timeoutMs) {
  return new Promise((resolve, reject) => {
    const id = crypto.randomInt(0, 0x10000);
    const socket = dgram.createSocket(host.includes(':') ? 'udp6' : 'udp4');
    const done = (err, value) => {
      clearTimeout(timer);
      socket.close();
      if (err) reject(err);
      else resolve(value);
    };
    const timer = setTimeout(() => done(dnsError('TIMEOUT', `no answer from ${host}:${port} within ${timeoutMs} ms`)), timeoutMs);
    socket.on('error', (err) => done(err));
    socket.on('message', (msg) => {
      let decoded;
      try {
        decoded = decodeMessage(msg);
      } catch {
        return; // not a DNS message we can read: keep waiting for ours
      }
      // Anyone can send a UDP packet to our port: only the answer to our own question counts.
      if (decoded.id !== id || !decoded.isResponse) return;
      done(null, decoded);
    });
    socket.send(encodeQuery(id, name), port, host);
  });
}

const same = (a, b) => a === b; // WRONG: DNS names ignore case

/**
 * Resolves `name` to its IPv4 addresses, following CNAMEs. Resolves to { addresses, chain }, chain
 * being every name visited, `name` first. Rejects with an Error whose code is NXDOMAIN, CNAME_LOOP,
 * TOO_MANY_HOPS or TIMEOUT.
 */
async function resolve(name, { host, port, timeoutMs = 2000, maxHops = 8 }) {
  const chain = [name.replace(/\.$/, '')];
  for (;;) {
    const current = chain[chain.length - 1];
    const response = await exchange({ host, port }, current, timeoutMs);
    if (response.rcode === 3) throw dnsError('NXDOMAIN', `${current} does not exist`);
    if (response.rcode !== 0) throw dnsError('BAD_RESPONSE', `the server answered rcode ${response.rcode} for ${current}`);
    // Follow the chain inside this answer as far as it goes (servers often send it whole).
    let target = current;
    for (;;) {
      const addresses = response.answers.filter((r) => r.type === TYPE.A && same(r.name, target)).map((r) => r.data);
      if (addresses.length > 0) return { addresses, chain };
      const cname = response.answers.find((r) => r.type === TYPE.CNAME && same(r.name, target));
      if (!cname) break;
      if (chain.some((seen) => same(seen, cname.data))) throw dnsError('CNAME_LOOP', `${cname.data} is already in the chain ${chain.join(' → ')}`);
      if (chain.length > maxHops) throw dnsError('TOO_MANY_HOPS', `more than ${maxHops} CNAMEs from ${chain[0]}`);
      chain.push(cname.data);
      target = cname.data;
    }
    // No address and no further CNAME in this answer: a name that exists with no A records ends here,
    // a chain that stopped at a CNAME is asked about again.
    if (same(target, current)) return { addresses: [], chain };
  }
}

module.exports = { resolve, encodeQuery, decodeMessage, readName, TYPE };
