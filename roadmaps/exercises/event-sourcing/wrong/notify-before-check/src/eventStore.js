// An append-only event store, in memory. Each stream (one per account) is a list of events; the store
// never changes or deletes one. Every stored event becomes a record:
//
//   { streamId: 'acc-1', version: 3, position: 17, type: 'MoneyDeposited', data: { amount: 500 } }
//
// `version` counts the events of its stream (1, 2, 3, …); `position` counts every event of the store, in
// the order they were stored, whatever their stream.
//
// Optimistic concurrency: whoever appends says which version of the stream their decision was based on
// (`expectedVersion`, 0 for a stream with no events yet). If the stream has moved on since, the append
// fails with a ConcurrencyError and stores nothing, so two writers can never both act on the same state.

class ConcurrencyError extends Error {
  constructor(streamId, expectedVersion, actualVersion) {
    super(`stream "${streamId}" is at version ${actualVersion}, not the expected ${expectedVersion}: reload it and decide again`);
    this.name = 'ConcurrencyError';
    this.streamId = streamId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

/** A deep copy of `value` that nobody can change: what goes into the history stays as it was. */
function frozenCopy(value) {
  return deepFreeze(structuredClone(value));
}
function deepFreeze(value) {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

class InMemoryEventStore {
  constructor() {
    this.streams = new Map(); // streamId -> its records, oldest first
    this.log = []; // every record, in position order
    this.listeners = new Set();
  }

  /**
   * Appends `events` ({ type, data }) to the stream, all or nothing, if the stream is at `expectedVersion`.
   * Returns the new records; subscribers get each of them once they are stored.
   */
  append(streamId, events, { expectedVersion } = {}) {
    if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
      throw new TypeError(
        `append(${JSON.stringify(streamId)}, events, { expectedVersion }) needs the version the events were decided on (0 for a new stream)`,
      );
    }
    for (const event of events) {
      if (typeof event?.type !== 'string' || event.type === '') {
        throw new TypeError(`every event needs a type, got ${JSON.stringify(event)}`);
      }
    }
    const stream = this.streams.get(streamId) ?? [];
    // WRONG: tells the subscribers before the version check, so a refused append still reaches them.
    events.forEach((event, i) => {
      const record = {
        streamId,
        version: expectedVersion + i + 1,
        position: this.log.length + i + 1,
        type: event.type,
        data: event.data ?? {},
      };
      for (const listener of this.listeners) listener(frozenCopy(record));
    });
    if (stream.length !== expectedVersion) throw new ConcurrencyError(streamId, expectedVersion, stream.length);

    // Every check has passed: build all the records, then store them together.
    const records = events.map((event, i) =>
      frozenCopy({
        streamId,
        version: expectedVersion + i + 1,
        position: this.log.length + i + 1,
        type: event.type,
        data: event.data ?? {},
      }),
    );
    this.streams.set(streamId, [...stream, ...records]);
    this.log.push(...records);
    // Only now that they are stored: a listener that reads the store sees them too.
    for (const record of records) for (const listener of this.listeners) listener(record);
    return records;
  }

  /** The records of one stream, oldest first; [] for a stream with no events. */
  readStream(streamId) {
    return [...(this.streams.get(streamId) ?? [])];
  }

  /** Every record of the store, in position order. */
  readAll() {
    return [...this.log];
  }

  /** Calls `listener(record)` for each record appended from now on; returns a function that stops it. */
  subscribe(listener) {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

module.exports = { InMemoryEventStore, ConcurrencyError, frozenCopy };
