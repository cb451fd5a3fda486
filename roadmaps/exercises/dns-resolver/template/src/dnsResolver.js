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
  // TODO: a length byte, then that many bytes of label, until a 0 byte.
  // TODO: a byte whose top two bits are 11 is a pointer: with the next byte, its low 14 bits are the
  //       offset where the name goes on. `next` is then just after the first pointer.
  // TODO: a malformed message must not loop forever (pointers pointing at each other).
  return { name: '', next: offset + 1 };
}

/** Decodes a response: its id, rcode and answer records ({ name, type, ttl, data }). */
function decodeMessage(buf) {
  if (buf.length < 12) throw dnsError('BAD_RESPONSE', 'shorter than a DNS header');
  // TODO: the header: id, flags (QR is the top bit, rcode the low 4 bits), the question and answer counts.
  // TODO: skip each question (a name, then type and class: 4 bytes).
  // TODO: each answer: a name, type, class, TTL, the data's length, then the data: 4 bytes of
  //       address for A, a name (possibly compressed) for CNAME.
  return { id: buf.readUInt16BE(0), isResponse: true, rcode: 0, answers: [] };
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
      // TODO: anyone can send a UDP packet to our port: only the answer to our own question counts.
      done(null, decoded);
    });
    socket.send(encodeQuery(id, name), port, host);
  });
}

/**
 * Resolves `name` to its IPv4 addresses, following CNAMEs. Resolves to { addresses, chain }, chain
 * being every name visited, `name` first. Rejects with an Error whose code is NXDOMAIN, CNAME_LOOP,
 * TOO_MANY_HOPS or TIMEOUT.
 */
async function resolve(name, { host, port, timeoutMs = 2000, maxHops = 8 }) {
  const chain = [name.replace(/\.$/, '')];
  const response = await exchange({ host, port }, name, timeoutMs);
  // TODO: rcode 3 is NXDOMAIN.
  // TODO: A records for the current name: done. A CNAME for it: add the target to the chain and go
  //       on, within this answer first, then by asking again. Names compare ignoring case.
  // TODO: a name already in the chain is a loop (CNAME_LOOP); more than maxHops CNAMEs is TOO_MANY_HOPS.
  const addresses = response.answers.filter((r) => r.type === TYPE.A).map((r) => r.data);
  return { addresses, chain };
}

module.exports = { resolve, encodeQuery, decodeMessage, readName, TYPE };
