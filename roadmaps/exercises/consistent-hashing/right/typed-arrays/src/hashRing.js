// The same ring kept in two parallel arrays: the points in a Uint32Array (sorted) and the owner of
// each point in a plain array. addNode merges the new sorted points in (O(n) instead of a full sort),
// removeNode copies the points that stay, and the lookup's binary search keeps the gap (below, above]
// around the answer. Private fields; nothing but the API is visible.
const { fnv1a32 } = require('./fnv1a');

const compare = (pointA, ownerA, pointB, ownerB) => pointA - pointB || (ownerA < ownerB ? -1 : ownerA > ownerB ? 1 : 0);

class HashRing {
  #vnodes;
  #hash;
  #points = new Uint32Array(0);
  #owners = [];
  #names = new Set();

  constructor(options = {}) {
    const vnodes = options.vnodes === undefined ? 100 : options.vnodes;
    if (typeof vnodes !== 'number' || !Number.isSafeInteger(vnodes) || vnodes <= 0) throw new RangeError('vnodes: a positive integer');
    this.#vnodes = vnodes;
    this.#hash = options.hash || fnv1a32;
  }

  get nodes() {
    return Array.from(this.#names).sort();
  }

  addNode(node) {
    if (this.#names.has(node)) return false;
    this.#names.add(node);
    const fresh = [];
    for (let i = 0; i < this.#vnodes; i++) fresh.push(this.#hash(`${i}#${node}`));
    fresh.sort((a, b) => a - b);
    const old = this.#points;
    const oldOwners = this.#owners;
    const points = new Uint32Array(old.length + fresh.length);
    const owners = new Array(points.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < points.length; k++) {
      const fromOld = j === fresh.length || (i < old.length && compare(old[i], oldOwners[i], fresh[j], node) <= 0);
      if (fromOld) {
        points[k] = old[i];
        owners[k] = oldOwners[i++];
      } else {
        points[k] = fresh[j++];
        owners[k] = node;
      }
    }
    this.#points = points;
    this.#owners = owners;
    return true;
  }

  removeNode(node) {
    if (!this.#names.has(node)) return false;
    this.#names.delete(node);
    const keep = [];
    this.#owners.forEach((owner, index) => {
      if (owner !== node) keep.push(index);
    });
    this.#points = Uint32Array.from(keep, (index) => this.#points[index]);
    this.#owners = keep.map((index) => this.#owners[index]);
    return true;
  }

  nodeFor(key) {
    const count = this.#points.length;
    if (count === 0) return undefined;
    const h = this.#hash(key);
    let below = -1; // points[below] < h, or the start
    let above = count; // points[above] >= h, or one past the end
    while (above - below > 1) {
      const middle = (below + above) >> 1;
      if (this.#points[middle] < h) below = middle;
      else above = middle;
    }
    return this.#owners[above % count];
  }
}

module.exports = { HashRing };
