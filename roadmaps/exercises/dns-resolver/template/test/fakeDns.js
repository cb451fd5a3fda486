// A tiny authoritative DNS server for the tests, on UDP on a free port of 127.0.0.1 (done for you).
// It answers A queries from a zone given as { name: { cname } | { a: [addresses] } }, the way real
// servers do: owner names compressed as pointers to the question, and, with `wholeChain`, every
// CNAME of a chain (and the final addresses) in one answer; otherwise one record per answer.
const dgram = require('node:dgram');

function encodeName(name) {
  const parts = name.split('.').filter(Boolean).map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')]));
  return Buffer.concat([...parts, Buffer.from([0])]);
}

/** One answer record; `owner` is a name or a Buffer (a compression pointer). */
function record(owner, type, data) {
  const head = Buffer.alloc(10);
  head.writeUInt16BE(type, 0);
  head.writeUInt16BE(1, 2); // IN
  head.writeUInt32BE(300, 4); // TTL
  head.writeUInt16BE(data.length, 8);
  return Buffer.concat([typeof owner === 'string' ? encodeName(owner) : owner, head, data]);
}

/**
 * @param {Record<string, { cname?: string, a?: string[] }>} zone names in lower case
 * @param {{ wholeChain?: boolean, upperCaseOwners?: boolean, spoofFirst?: boolean, silent?: boolean }} [options]
 */
async function startFakeDns(zone, options = {}) {
  const socket = dgram.createSocket('udp4');
  const queries = [];
  socket.on('message', (msg, peer) => {
    const id = msg.readUInt16BE(0);
    // The question: labels from offset 12, then type and class.
    let offset = 12;
    const labels = [];
    while (msg[offset] !== 0) {
      labels.push(msg.toString('ascii', offset + 1, offset + 1 + msg[offset]));
      offset += 1 + msg[offset];
    }
    const question = msg.subarray(12, offset + 5);
    const qname = labels.join('.');
    queries.push(qname);
    if (options.silent) return;

    const answers = [];
    let name = qname.toLowerCase();
    let owner = Buffer.from([0xc0, 12]); // a pointer to the name in the question
    let rcode = zone[name] ? 0 : 3;
    const seen = new Set();
    while (zone[name] && !seen.has(name)) {
      seen.add(name);
      const entry = zone[name];
      const ownerName = typeof owner === 'string' && options.upperCaseOwners ? owner.toUpperCase() : owner;
      if (entry.cname) {
        answers.push(record(ownerName, 5, encodeName(entry.cname)));
        if (!options.wholeChain) break;
        name = entry.cname.toLowerCase();
        owner = entry.cname;
      } else {
        for (const address of entry.a ?? []) answers.push(record(ownerName, 1, Buffer.from(address.split('.').map(Number))));
        break;
      }
    }
    if (options.upperCaseOwners && answers.length > 0 && !options.wholeChain) {
      // Spell the first owner out in capitals instead of pointing at the question.
      const first = answers[0];
      answers[0] = Buffer.concat([encodeName(qname.toUpperCase()), first.subarray(2)]);
    }
    const header = Buffer.alloc(12);
    header.writeUInt16BE(id, 0);
    header.writeUInt16BE(0x8400 | 0x0100 | rcode, 2); // QR, AA, RD copied, rcode
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(answers.length, 6);
    const response = Buffer.concat([header, question, ...answers]);
    if (options.spoofFirst) {
      // Someone else's packet first: a different id, and an address that must not be believed.
      const spoof = Buffer.concat([header, question, record(Buffer.from([0xc0, 12]), 1, Buffer.from([203, 0, 113, 66]))]);
      spoof.writeUInt16BE((id + 1) & 0xffff, 0);
      spoof.writeUInt16BE(1, 6);
      socket.send(spoof, peer.port, peer.address);
    }
    socket.send(response, peer.port, peer.address);
  });
  await new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { host: '127.0.0.1', port: socket.address().port, queries, close: () => new Promise((resolve) => socket.close(resolve)) };
}

module.exports = { startFakeDns };
