import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LRUCache } from '../src/lruCache';
import { DoublyLinkedList } from '../src/linkedList';

const keysOf = <K, V>(cache: LRUCache<K, V>) => [...cache.keys()];
/** A cache that records what it evicts. */
function recording<V>(capacity: number) {
  const evicted: [string, V][] = [];
  const cache = new LRUCache<string, V>(capacity, { onEvict: (key, value) => evicted.push([key, value]) });
  return { cache, evicted };
}
function filled(capacity: number, keys: string[]) {
  const made = recording<string>(capacity);
  for (const key of keys) made.cache.set(key, key.toUpperCase());
  return made;
}

test('the capacity must be a positive integer', () => {
  for (const bad of [0, -1, 1.5, NaN, Infinity, '3', undefined]) {
    assert.throws(() => new LRUCache(bad as number), RangeError, `new LRUCache(${String(bad)}) should throw a RangeError`);
  }
  assert.equal(new LRUCache(1).size, 0, 'new LRUCache(1) is fine, and starts empty');
});

test('get() returns what set() stored, and undefined for a key it does not hold', () => {
  const cache = new LRUCache<string, unknown>(10);
  cache.set('a', 1);
  cache.set('b', 'two');
  assert.equal(cache.get('a'), 1);
  assert.equal(cache.get('b'), 'two');
  assert.equal(cache.get('missing'), undefined);
  assert.equal(cache.size, 2, 'size is the number of keys held');
  assert.equal(cache.has('a'), true);
  assert.equal(cache.has('missing'), false);
  for (const [key, value] of [['zero', 0], ['empty', ''], ['null', null], ['false', false]] as const) {
    cache.set(key, value);
    assert.equal(cache.get(key), value, `a stored ${JSON.stringify(value)} should come back as it is`);
  }
});

test('keys are compared as a Map compares them: 1 and "1" differ, objects by identity', () => {
  const cache = new LRUCache<unknown, string>(10);
  const user = { id: 1 };
  cache.set(1, 'number');
  cache.set('1', 'string');
  cache.set(user, 'object');
  assert.equal(cache.size, 3, 'the number 1, the string "1" and an object are three different keys');
  assert.equal(cache.get(1), 'number');
  assert.equal(cache.get('1'), 'string');
  assert.equal(cache.get(user), 'object');
  assert.equal(cache.get({ id: 1 }), undefined, 'another object with the same contents is a different key');
});

test('keys() lists the keys, most recently used first', () => {
  const { cache } = filled(5, ['a', 'b', 'c']);
  assert.deepEqual(keysOf(cache), ['c', 'b', 'a'], 'after set a, b, c: the last one set is the most recent');
  cache.get('a');
  assert.deepEqual(keysOf(cache), ['a', 'c', 'b'], 'get(a) should make a the most recently used');
});

test('when full, setting a new key evicts the least recently used entry, and only that one', () => {
  const { cache, evicted } = filled(3, ['a', 'b', 'c']);
  assert.deepEqual(evicted, [], 'nothing is evicted while the cache has room');
  cache.set('d', 'D');
  assert.equal(cache.size, 3, `a cache of capacity 3 should hold 3 keys, holds ${cache.size}`);
  assert.equal(cache.has('a'), false, 'a, the least recently used, should be evicted when d comes in');
  assert.deepEqual(keysOf(cache), ['d', 'c', 'b']);
  assert.deepEqual(evicted, [['a', 'A']], 'onEvict(key, value) should be called once, for a');
  cache.set('e', 'E');
  assert.deepEqual(keysOf(cache), ['e', 'd', 'c'], 'then b goes');
  assert.deepEqual(evicted, [['a', 'A'], ['b', 'B']]);
});

test('get() counts as a use: the entry read is not the next to go', () => {
  const { cache, evicted } = filled(3, ['a', 'b', 'c']);
  assert.equal(cache.get('a'), 'A');
  cache.set('d', 'D');
  assert.deepEqual(evicted, [['b', 'B']], 'after get(a), b is the least recently used and should be the one evicted');
  assert.deepEqual(keysOf(cache), ['d', 'a', 'c']);
  assert.equal(cache.get('zzz'), undefined);
  assert.deepEqual(keysOf(cache), ['d', 'a', 'c'], 'a get() that misses changes nothing');
});

test('set() of a key already cached updates it, counts as a use and evicts nothing', () => {
  const { cache, evicted } = filled(3, ['a', 'b', 'c']);
  cache.set('a', 'A2');
  assert.deepEqual(evicted, [], 'updating a key is not a new entry: nothing should be evicted');
  assert.equal(cache.size, 3);
  assert.deepEqual(keysOf(cache), ['a', 'c', 'b'], 'the updated key becomes the most recently used');
  cache.set('d', 'D');
  assert.deepEqual(evicted, [['b', 'B']], 'so b, not a, goes next');
  assert.equal(cache.get('a'), 'A2', 'get() returns the new value');
});

test('has() only looks: it does not count as a use', () => {
  const { cache, evicted } = filled(3, ['a', 'b', 'c']);
  assert.equal(cache.has('a'), true);
  cache.set('d', 'D');
  assert.deepEqual(evicted, [['a', 'A']], 'has(a) should not refresh a, so a is still the one evicted');
});

test('delete() removes a key and frees its slot; that is not an eviction', () => {
  const { cache, evicted } = filled(2, ['a', 'b']);
  assert.equal(cache.delete('a'), true, 'delete() of a cached key returns true');
  assert.equal(cache.delete('a'), false, 'delete() of a key no longer there returns false');
  assert.equal(cache.delete('never'), false);
  assert.equal(cache.size, 1);
  assert.deepEqual(keysOf(cache), ['b'], 'the deleted key must leave the recency list too');
  cache.set('c', 'C');
  assert.deepEqual(evicted, [], 'after deleting a, the cache has room for c: nothing should be evicted');
  assert.deepEqual(keysOf(cache), ['c', 'b']);
  cache.set('d', 'D');
  assert.deepEqual(evicted, [['b', 'B']], 'then b is the least recently used, and the one evicted');
  cache.delete('d');
  cache.delete('c');
  assert.equal(cache.size, 0);
  assert.deepEqual(keysOf(cache), []);
});

test('capacity 1 keeps only the last key set', () => {
  const { cache, evicted } = filled(1, ['a']);
  cache.set('b', 'B');
  assert.deepEqual(keysOf(cache), ['b']);
  assert.deepEqual(evicted, [['a', 'A']]);
  cache.set('b', 'B2');
  assert.deepEqual(evicted, [['a', 'A']], 'updating the only key evicts nothing');
  assert.equal(cache.get('b'), 'B2');
});

test('two caches keep their entries apart', () => {
  const one = new LRUCache<string, number>(2);
  const two = new LRUCache<string, number>(2);
  one.set('a', 1);
  assert.equal(two.has('a'), false, 'each cache needs its own Map and list, made in the constructor');
  assert.equal(two.size, 0);
});

// A deterministic pseudo-random generator (mulberry32), so every run makes the same operations.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The same rules with an array, most recently used first: slow (every operation scans it), but plainly right.
class ArrayModel {
  items: [string, number][] = [];
  evicted: [string, number][] = [];
  constructor(readonly capacity: number) {}
  take(key: string) {
    const i = this.items.findIndex(([k]) => k === key);
    return i < 0 ? undefined : this.items.splice(i, 1)[0];
  }
  get(key: string) {
    const item = this.take(key);
    if (item) this.items.unshift(item);
    return item?.[1];
  }
  has(key: string) {
    return this.items.some(([k]) => k === key);
  }
  set(key: string, value: number) {
    this.take(key);
    this.items.unshift([key, value]);
    if (this.items.length > this.capacity) this.evicted.push(this.items.pop()!);
  }
  delete(key: string) {
    return this.take(key) !== undefined;
  }
  keys() {
    return this.items.map(([k]) => k);
  }
}

test('agrees with a simple model over 3,000 random operations', () => {
  const next = random(20260101);
  const model = new ArrayModel(5);
  const { cache, evicted } = recording<number>(5);
  const history: string[] = [];
  for (let step = 0; step < 3000; step++) {
    const key = `k${Math.floor(next() * 12)}`;
    const r = next();
    const op = r < 0.4 ? 'set' : r < 0.7 ? 'get' : r < 0.85 ? 'has' : 'delete';
    history.push(op === 'set' ? `set(${key}, ${step})` : `${op}(${key})`);
    const expected = op === 'set' ? model.set(key, step) : model[op](key);
    const actual: unknown = op === 'set' ? cache.set(key, step) : cache[op](key);
    const where = () =>
      `after ${history.slice(-6).join(', ')} (operations ${Math.max(1, step - 4)}–${step + 1} of a cache of capacity 5)`;
    if (op !== 'set') assert.deepEqual(actual, expected, `${op}(${key}) returned ${String(actual)}, expected ${String(expected)}, ${where()}`);
    assert.deepEqual(keysOf(cache), model.keys(), `keys() (most recent first) differ ${where()}`);
    assert.equal(cache.size, model.items.length, `size differs ${where()}`);
    assert.deepEqual(evicted, model.evicted, `the evictions (onEvict calls) differ ${where()}`);
  }
});

// Replaces methods of `object` with wrappers that record each call, until the returned function is called.
function spy(target: object, names: (string | symbol)[], calls: string[]): () => void {
  const object = target as Record<string | symbol, unknown>;
  const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(object, name)] as const);
  for (const name of names) {
    const original = object[name];
    if (typeof original !== 'function') continue;
    object[name] = function (this: unknown, ...args: unknown[]) {
      calls.push(String(name));
      return original.apply(this, args);
    };
  }
  return () => {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(object, name, descriptor);
      else delete object[name];
    }
  };
}

test('get, set, has and delete take a few steps on a full cache (O(1)): they use the list and never walk the entries', () => {
  const n = 1000;
  const cache = new LRUCache<string, number | string>(n);
  for (let i = 0; i < n; i++) cache.set(`k${i}`, i);
  const listMethods = ['pushFront', 'remove', 'moveToFront', 'popBack'];
  const walks = ['forEach', 'keys', 'values', 'entries', Symbol.iterator];
  const watch = (what: string, op: () => unknown) => {
    const listCalls: string[] = [];
    const walkCalls: string[] = [];
    const restore = [
      spy(DoublyLinkedList.prototype, listMethods, listCalls),
      spy(DoublyLinkedList.prototype, [Symbol.iterator], walkCalls),
      spy(Map.prototype, walks, walkCalls),
    ];
    try {
      op();
    } finally {
      for (const undo of restore) undo();
    }
    assert.deepEqual(
      walkCalls,
      [],
      `${what} walked the entries (it called ${[...new Set(walkCalls)].join(', ')} on a Map or the list). Each operation ` +
        'should take a few steps whatever the size: find the entry with this.entries.get(key), and the least ' +
        'recently used one at the back of the list (popBack), with no search.',
    );
    return listCalls;
  };
  const uses = (what: string, calls: string[], most: number) => {
    assert.ok(
      calls.length >= 1 && calls.length <= most,
      `${what} called the list's methods ${calls.length} time(s) (${calls.join(', ') || 'none'}); it should keep the order ` +
        `of use in the list with a few calls (at most ${most}): moveToFront, pushFront, remove, popBack`,
    );
  };
  uses('get() of a cached key', watch('get() of a cached key', () => cache.get('k500')), 3);
  watch('get() of a missing key', () => cache.get('missing'));
  assert.deepEqual(watch('has()', () => cache.has('k10')), [], 'has() should not touch the list: it is not a use');
  uses("set() of a key that's cached", watch("set() of a key that's cached", () => cache.set('k700', 'seven hundred')), 3);
  uses('set() of a new key into a full cache', watch('set() of a new key into a full cache', () => cache.set('new', 'new')), 6);
  uses('delete()', watch('delete()', () => cache.delete('k200')), 3);
  assert.equal(cache.size, n - 1);
  assert.equal(cache.has('k0'), false, 'k0, the least recently used, was evicted');
  assert.deepEqual(keysOf(cache).slice(0, 3), ['new', 'k700', 'k500']);
});
