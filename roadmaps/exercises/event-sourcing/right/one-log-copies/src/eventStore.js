// The same store with one log for everything: a stream is the log filtered by streamId, and a Map keeps
// each stream's version so the concurrency check needs no scan. Nothing is frozen: the store copies each
// event when it comes in and every record when it goes out, so nobody outside holds the store's objects.

class ConcurrencyError extends Error {
  constructor(streamId, expectedVersion, actualVersion) {
    super(`conflict on ${streamId}: expected version ${expectedVersion}, found ${actualVersion}`);
    this.name = 'ConcurrencyError';
    this.streamId = streamId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

const copy = (value) => structuredClone(value);

class InMemoryEventStore {
  #log = [];
  #versions = new Map();
  #subscribers = [];

  append(streamId, events, options) {
    const expectedVersion = options?.expectedVersion;
    if (typeof expectedVersion !== 'number' || !Number.isSafeInteger(expectedVersion) || expectedVersion < 0) {
      throw new TypeError('append: options.expectedVersion (0 or more) is required');
    }
    if (!events.every((event) => event && typeof event.type === 'string' && event.type.length > 0)) {
      throw new TypeError('append: every event needs a type');
    }
    const actualVersion = this.#versions.get(streamId) ?? 0;
    if (actualVersion !== expectedVersion) throw new ConcurrencyError(streamId, expectedVersion, actualVersion);

    const start = this.#log.length;
    const records = events.map((event, i) => ({
      streamId,
      version: expectedVersion + i + 1,
      position: start + i + 1,
      type: event.type,
      data: copy(event.data ?? {}),
    }));
    this.#log = this.#log.concat(records);
    this.#versions.set(streamId, expectedVersion + records.length);
    for (const record of records) {
      for (const subscriber of [...this.#subscribers]) subscriber(copy(record));
    }
    return records.map(copy);
  }

  readStream(streamId) {
    return this.#log.filter((record) => record.streamId === streamId).map(copy);
  }

  readAll() {
    return this.#log.map(copy);
  }

  subscribe(listener) {
    this.#subscribers.push(listener);
    return () => {
      this.#subscribers = this.#subscribers.filter((s) => s !== listener);
    };
  }
}

module.exports = { InMemoryEventStore, ConcurrencyError };
