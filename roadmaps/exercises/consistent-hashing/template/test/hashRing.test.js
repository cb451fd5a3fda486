const { test } = require('node:test');
const assert = require('node:assert/strict');
const { HashRing } = require('../src/hashRing');
const { fnv1a32 } = require('../src/fnv1a');

/**
 * A hash the test controls: each text it may be asked about has a fixed point in `table`, so a test can
 * lay out a small ring by hand. It records what it was asked.
 */
function tableHash(table) {
  const hash = (text) => {
    hash.asked.push(text);
    if (!Object.hasOwn(table, text)) {
      throw new Error(
        `the ring hashed ${JSON.stringify(text)}, which the test did not expect: virtual node i of node n is hashed as \`\${i}#\${n}\` (e.g. '0#a', '1#a')`,
      );
    }
    return table[text];
  };
  hash.asked = [];
  return hash;
}

// Two nodes with two virtual nodes each, laid out by hand: going round the ring, a at 100, b at 200,
// a at 300, b at 400. The keys are named after their hash.
const layout = { '0#a': 100, '0#b': 200, '1#a': 300, '1#b': 400 };
const keysAt = { k0: 0, k50: 50, k100: 100, k101: 101, k250: 250, k300: 300, k399: 399, k400: 400, k401: 401, kmax: 2 ** 32 - 1 };
const smallRing = () => {
  const ring = new HashRing({ vnodes: 2, hash: tableHash({ ...layout, ...keysAt }) });
  ring.addNode('a');
  ring.addNode('b');
  return ring;
};

/** `count` keys like the ones a cache sees. */
const keys = (count) => Array.from({ length: count }, (_, i) => `user:${i}`);

/** How many of `keys` each node owns. */
function shares(ring, list) {
  const counts = {};
  for (const node of ring.nodes) counts[node] = 0;
  for (const key of list) counts[ring.nodeFor(key)]++;
  return counts;
}

test('an empty ring has no nodes and no owner for any key', () => {
  const ring = new HashRing();
  assert.deepEqual(ring.nodes, []);
  assert.equal(ring.nodeFor('user:1'), undefined, 'nodeFor() on an empty ring should return undefined');
});

test('each node gets `vnodes` points, and adding a node hashes only its own labels', () => {
  const hash = tableHash(layout);
  const ring = new HashRing({ vnodes: 2, hash });
  ring.addNode('a');
  assert.deepEqual(
    [...hash.asked].sort(),
    ['0#a', '1#a'],
    'adding node a with 2 virtual nodes hashes the labels 0#a and 1#a, and nothing else',
  );
  hash.asked.length = 0;
  ring.addNode('b');
  assert.deepEqual(
    [...hash.asked].sort(),
    ['0#b', '1#b'],
    "adding node b hashes b's labels only: the points already on the ring stay where they are, with no need to hash them again",
  );
  assert.deepEqual(ring.nodes, ['a', 'b']);
});

test('a key belongs to the first point at or after its hash, going clockwise', () => {
  const ring = smallRing();
  const expected = { k0: 'a', k50: 'a', k101: 'b', k250: 'a', k399: 'b' };
  for (const [key, node] of Object.entries(expected)) {
    assert.equal(
      ring.nodeFor(key),
      node,
      `the ring is a@100, b@200, a@300, b@400; key ${key} hashes to ${keysAt[key]}, so the first point at or after it belongs to ${node}`,
    );
  }
});

test('a key that hashes exactly onto a point belongs to that point', () => {
  const ring = smallRing();
  assert.equal(ring.nodeFor('k100'), 'a', 'k100 hashes to 100, where a has a point: "at or after" includes the point itself');
  assert.equal(ring.nodeFor('k300'), 'a', 'k300 hashes to 300, a point of a');
  assert.equal(ring.nodeFor('k400'), 'b', 'k400 hashes to 400, the last point, which is b’s');
});

test('past the last point, the ring goes round to the first one', () => {
  const ring = smallRing();
  assert.equal(ring.nodeFor('k401'), 'a', 'k401 is past the last point (b@400): round the ring to the first point, a@100');
  assert.equal(ring.nodeFor('kmax'), 'a', 'the largest hash, 2^32 - 1, goes round to the first point too');
});

test('on equal points, the node whose name sorts first wins, whatever order the nodes came in', () => {
  const table = { '0#x': 500, '0#y': 500, '0#z': 900, low: 10, same: 500, between: 700 };
  for (const order of [
    ['x', 'y', 'z'],
    ['z', 'y', 'x'],
    ['y', 'z', 'x'],
  ]) {
    const ring = new HashRing({ vnodes: 1, hash: tableHash(table) });
    for (const node of order) ring.addNode(node);
    const added = `added in the order ${order.join(', ')}`;
    assert.equal(ring.nodeFor('low'), 'x', `${added}: x and y share point 500; x sorts first, so x owns it`);
    assert.equal(ring.nodeFor('same'), 'x', `${added}: a key at 500 belongs to x, the first by name of the two nodes there`);
    assert.equal(ring.nodeFor('between'), 'z', added);
  }
  const ring = new HashRing({ vnodes: 1, hash: tableHash(table) });
  ring.addNode('y');
  ring.addNode('x');
  ring.removeNode('x');
  assert.equal(ring.nodeFor('same'), 'y', 'with x gone, y owns point 500');
});

test('adding a node that is there already changes nothing', () => {
  const hash = tableHash({ ...layout, ...keysAt });
  const ring = new HashRing({ vnodes: 2, hash });
  assert.equal(ring.addNode('a'), true, 'addNode() returns true when it adds the node');
  ring.addNode('b');
  hash.asked.length = 0;
  assert.equal(ring.addNode('a'), false, 'addNode() of a node already on the ring returns false');
  assert.deepEqual(hash.asked, [], 'a node already on the ring gets no new points');
  assert.deepEqual(ring.nodes, ['a', 'b']);
  ring.removeNode('a');
  assert.equal(ring.nodeFor('k50'), 'b', 'after removing a once, none of its points may be left, however often it was added');
});

test('removing a node hands its keys to the next points, and leaves the other keys alone', () => {
  const ring = smallRing();
  assert.equal(ring.removeNode('a'), true, 'removeNode() returns true when the node was there');
  assert.equal(ring.removeNode('a'), false, 'removeNode() returns false when it was not');
  assert.deepEqual(ring.nodes, ['b']);
  for (const key of ['k50', 'k250', 'k401', 'k101', 'k399']) {
    assert.equal(
      ring.nodeFor(key),
      'b',
      `with a gone, b@200 and b@400 are the only points left: ${key} belongs to b (remove every point of a)`,
    );
  }
  ring.removeNode('b');
  assert.equal(ring.nodeFor('k50'), undefined, 'with every node removed, the ring is empty again');
});

test('nodeFor() hashes the key and nothing else', () => {
  const hash = tableHash({ ...layout, ...keysAt });
  const ring = new HashRing({ vnodes: 2, hash });
  ring.addNode('a');
  ring.addNode('b');
  hash.asked.length = 0;
  ring.nodeFor('k250');
  assert.deepEqual(
    hash.asked,
    ['k250'],
    'a lookup should hash only the key and search the sorted points; hashing the labels again on every lookup costs O(n) per key',
  );
});

test('vnodes must be a positive integer', () => {
  for (const vnodes of [0, -1, 2.5, NaN, '100']) {
    assert.throws(() => new HashRing({ vnodes }), RangeError, `vnodes ${JSON.stringify(vnodes)} should throw a RangeError`);
  }
  assert.equal(new HashRing().nodes.length, 0, 'the defaults (100 virtual nodes, FNV-1a) are fine');
});

test('with FNV-1a and 100 virtual nodes, known keys land on known nodes', () => {
  const ring = new HashRing();
  for (const node of ['cache-a', 'cache-b', 'cache-c']) ring.addNode(node);
  const expected = {
    'user:42': 'cache-c',
    'user:1001': 'cache-a',
    'cart:1001': 'cache-b',
    'order:2026-0002': 'cache-a',
    'page:/about': 'cache-b',
    'session:9f2c': 'cache-c',
  };
  for (const [key, node] of Object.entries(expected)) {
    assert.equal(
      ring.nodeFor(key),
      node,
      `nodeFor('${key}') on the ring of cache-a, cache-b and cache-c (default options) should be ${node}. Check fnv1a32 first ` +
        '(test/fnv1a.test.js), then the labels (`${i}#${node}`, i from 0 to vnodes - 1) and the numeric sort of the points',
    );
  }
});

test('agrees with a plain scan of every point on 1,000 keys, whatever order the nodes were added in', () => {
  const nodes = ['cache-a', 'cache-b', 'cache-c', 'cache-d'];
  // The rule, slowly: sort all the points, and take the first at or after the key's hash (else the first).
  const points = nodes
    .flatMap((node) => Array.from({ length: 100 }, (_, i) => ({ point: fnv1a32(`${i}#${node}`), node })))
    .sort((p, q) => p.point - q.point || (p.node < q.node ? -1 : 1));
  const owner = (key) => (points.find((p) => p.point >= fnv1a32(key)) ?? points[0]).node;
  for (const order of [nodes, [...nodes].reverse()]) {
    const ring = new HashRing();
    for (const node of order) ring.addNode(node);
    for (const key of keys(1000)) {
      const expected = owner(key);
      const actual = ring.nodeFor(key);
      if (actual !== expected) {
        assert.fail(
          `nodes added as ${order.join(', ')}: nodeFor('${key}') (hash ${fnv1a32(key)}) is ${actual}, but the first point at or after ` +
            `that hash belongs to ${expected}. Are the points sorted as numbers ((p, q) => p.point - q.point), after every addNode?`,
        );
      }
    }
  }
});

test('100 virtual nodes spread the keys fairly evenly', () => {
  const ring = new HashRing();
  for (const node of ['cache-a', 'cache-b', 'cache-c', 'cache-d']) ring.addNode(node);
  const counts = shares(ring, keys(4000));
  for (const [node, count] of Object.entries(counts)) {
    assert.ok(
      count > 4000 / 4 / 2 && count < (4000 / 4) * 1.5,
      `${node} owns ${count} of 4,000 keys; with 4 nodes each should own roughly a quarter (between half and one and a half ` +
        `times 1,000). All shares: ${JSON.stringify(counts)}`,
    );
  }
});

test('adding a node moves only the keys the new node takes over: about 1/N of them', () => {
  const ring = new HashRing();
  for (const node of ['cache-a', 'cache-b', 'cache-c', 'cache-d']) ring.addNode(node);
  const list = keys(4000);
  const before = list.map((key) => ring.nodeFor(key));
  ring.addNode('cache-e');
  let moved = 0;
  list.forEach((key, i) => {
    const now = ring.nodeFor(key);
    if (now === before[i]) return;
    moved++;
    assert.equal(
      now,
      'cache-e',
      `'${key}' moved from ${before[i]} to ${now}: a new node may only take keys, never shuffle the others around`,
    );
  });
  const share = moved / list.length;
  assert.ok(share > 0.05, `only ${moved} of 4,000 keys moved to the new node: it should take over roughly a fifth`);
  assert.ok(
    share < 2 / 5,
    `${moved} of 4,000 keys moved (${(share * 100).toFixed(1)}%); with 5 nodes the new one should take about 1/5 of them, ` +
      'well under 2/5. (With hash(key) % nodes.length, adding a fifth node moves about 4/5 of all keys.)',
  );
});

test('removing a node moves only its keys, and spreads them over the other nodes', () => {
  const ring = new HashRing();
  for (const node of ['cache-a', 'cache-b', 'cache-c', 'cache-d']) ring.addNode(node);
  const list = keys(4000);
  const before = list.map((key) => ring.nodeFor(key));
  ring.removeNode('cache-b');
  const receivers = new Set();
  list.forEach((key, i) => {
    const now = ring.nodeFor(key);
    if (before[i] === 'cache-b') {
      assert.notEqual(now, 'cache-b', `'${key}' still maps to cache-b, which was removed`);
      receivers.add(now);
    } else {
      assert.equal(now, before[i], `'${key}' belonged to ${before[i]}, not to the removed cache-b: it must stay where it was`);
    }
  });
  assert.ok(
    receivers.size >= 2,
    `the removed node's keys all went to ${[...receivers].join(', ')}; with many virtual nodes per node they should spread over several`,
  );
});
