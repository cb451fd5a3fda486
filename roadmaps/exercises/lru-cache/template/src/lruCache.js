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
    // TODO: throw a RangeError unless capacity is a positive integer (1, 2, 3, …).
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
    // TODO: a hit is a use: move the entry to the front of this.recency.
    return entry.value;
  }

  /** Whether `key` is cached. Only looks: it does not count as a use. */
  has(key) {
    return this.entries.has(key);
  }

  /** Stores `value` under `key` as the most recently used entry, evicting the least recently used one if the cache is full. */
  set(key, value) {
    // TODO:
    // 1. If the key is cached already, update the entry's value and move it to the front. That is
    //    not a new entry, so nothing is evicted.
    // 2. Otherwise make an entry { key, value, prev: null, next: null }, put it in this.entries and
    //    push it to the front of this.recency (right now it only goes into the Map).
    // 3. Over capacity? Pop the back of this.recency, delete its key from this.entries and call
    //    this.onEvict(key, value) if there is one.
    this.entries.set(key, { key, value, prev: null, next: null });
    return this;
  }

  /** Removes `key`; true if it was there. Not an eviction: onEvict is not called. */
  delete(key) {
    // TODO: also unlink the entry from this.recency, or it stays in the list as a ghost.
    return this.entries.delete(key);
  }

  /** The keys, most recently used first. */
  keys() {
    return [...this.recency].map((entry) => entry.key);
  }
}

module.exports = { LRUCache };
