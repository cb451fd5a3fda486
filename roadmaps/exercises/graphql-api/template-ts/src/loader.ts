/**
 * A tiny DataLoader. `load(key)` should not query at once: it waits until the current tick is over,
 * so every load() made meanwhile (one per book in a list, say) lands in one batchFn(keys) call.
 *
 * batchFn(keys) gets each distinct key once and must resolve to an array of the same length, in
 * the same order (null for a key with no value). Results are cached for the loader's lifetime, so
 * create one loader per request: a long-lived cache would serve stale data and leak memory.
 */
export type BatchFn<K, V> = (keys: K[]) => Promise<readonly V[]>;

export interface Loader<K, V> {
  load(key: K): Promise<V>;
}

export function createLoader<K, V>(batchFn: BatchFn<K, V>): Loader<K, V> {
  return {
    // TODO: this works, but it calls batchFn once per load() and caches nothing. Make it:
    //   1. cache: keep key → promise in a Map<K, Promise<V>>; a second load(key) returns the same promise.
    //   2. batch: put new keys in a queue. On the first key of a batch, schedule one dispatch with
    //      process.nextTick(...). The dispatch calls batchFn(allQueuedKeys) once and settles each
    //      key's promise with the value at its index.
    //   3. errors: if batchFn rejects, or returns an array of the wrong length, reject every load
    //      of that batch, and forget those keys, so a later load() tries again.
    load: async (key: K) => (await batchFn([key]))[0] as V,
  };
}
