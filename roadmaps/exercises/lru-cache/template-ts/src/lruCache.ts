// A least-recently-used (LRU) cache: it holds at most `capacity` entries, and when a new key would
// make one too many it evicts the entry that was used the longest time ago.
//
//   const cache = new LRUCache<string, number>(2, { onEvict: (key, value) => console.log('evicted', key) });
//   cache.set('a', 1);
//   cache.set('b', 2);
//   cache.get('a');      // 1, and 'a' is now the most recently used
//   cache.set('c', 3);   // evicts 'b'
//   cache.keys();        // ['c', 'a']: most recently used first
//
// Two structures, each doing what it is good at: a Map finds a key's entry in O(1), and a doubly
// linked list keeps the entries in order of use, most recent at the front, also in O(1) per change.
import { DoublyLinkedList } from './linkedList';
import type { ListNode } from './linkedList';

/** One cached key: its value, and its place in the order of use (the entry is a list node). */
export interface Entry<K, V> extends ListNode<Entry<K, V>> {
  key: K;
  value: V;
}

export interface LRUCacheOptions<K, V> {
  /** Called for each entry evicted to make room (not for delete() or an update). */
  onEvict?: (key: K, value: V) => void;
}

export class LRUCache<K, V> {
  readonly capacity: number;
  private readonly onEvict: ((key: K, value: V) => void) | undefined;
  /** key -> its entry. */
  private readonly entries = new Map<K, Entry<K, V>>();
  /** Front: most recently used; back: the next to evict. */
  private readonly recency = new DoublyLinkedList<Entry<K, V>>();

  constructor(capacity: number, { onEvict }: LRUCacheOptions<K, V> = {}) {
    // TODO: throw a RangeError unless capacity is a positive integer (1, 2, 3, …).
    this.capacity = capacity;
    this.onEvict = onEvict;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, or undefined. A hit makes the entry the most recently used. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // TODO: a hit is a use: move the entry to the front of this.recency.
    return entry.value;
  }

  /** Whether `key` is cached. Only looks: it does not count as a use. */
  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Stores `value` under `key` as the most recently used entry, evicting the least recently used one if the cache is full. */
  set(key: K, value: V): this {
    // TODO:
    // 1. If the key is cached already, update the entry's value and move it to the front. That is
    //    not a new entry, so nothing is evicted.
    // 2. Otherwise make an entry { key, value, prev: null, next: null }, put it in this.entries and
    //    push it to the front of this.recency (right now it only goes into the Map).
    // 3. Over capacity? Pop the back of this.recency, delete its key from this.entries and call
    //    this.onEvict(key, value) if there is one.
    const entry: Entry<K, V> = { key, value, prev: null, next: null };
    this.entries.set(key, entry);
    return this;
  }

  /** Removes `key`; true if it was there. Not an eviction: onEvict is not called. */
  delete(key: K): boolean {
    // TODO: also unlink the entry from this.recency, or it stays in the list as a ghost.
    return this.entries.delete(key);
  }

  /** The keys, most recently used first. */
  keys(): K[] {
    return [...this.recency].map((entry) => entry.key);
  }
}
