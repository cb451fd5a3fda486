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
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`capacity must be a positive integer, got ${String(capacity)}`);
    }
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
    this.recency.moveToFront(entry);
    return entry.value;
  }

  /** Whether `key` is cached. Only looks: it does not count as a use. */
  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Stores `value` under `key` as the most recently used entry, evicting the least recently used one if the cache is full. */
  set(key: K, value: V): this {
    const existing = this.entries.get(key);
    if (existing) {
      // An update: no new entry, so nothing is evicted.
      existing.value = value;
      this.recency.moveToFront(existing);
      return this;
    }
    const entry: Entry<K, V> = { key, value, prev: null, next: null };
    this.entries.set(key, entry);
    this.recency.pushFront(entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.recency.popBack();
      if (oldest) {
        this.entries.delete(oldest.key);
        this.onEvict?.(oldest.key, oldest.value);
      }
    }
    return this;
  }

  /** Removes `key`; true if it was there. Not an eviction: onEvict is not called. */
  delete(key: K): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.recency.remove(entry);
    return true;
  }

  /** The keys, most recently used first. */
  keys(): K[] {
    return [...this.recency].map((entry) => entry.key);
  }
}
