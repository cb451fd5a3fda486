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

/** An event as it is appended: what happened, and its details. */
export interface EventData {
  type: string;
  data: unknown;
}

/** An event as the store keeps it: the event, plus where it sits in its stream and in the store. */
export type EventRecord<E extends EventData = EventData> = Readonly<E> & {
  readonly streamId: string;
  readonly version: number;
  readonly position: number;
};

export interface AppendOptions {
  /** How many events the stream held when the events were decided: 0 for a new stream. */
  expectedVersion: number;
}

export class ConcurrencyError extends Error {
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly actualVersion: number;

  constructor(streamId: string, expectedVersion: number, actualVersion: number) {
    super(`stream "${streamId}" is at version ${actualVersion}, not the expected ${expectedVersion}: reload it and decide again`);
    this.name = 'ConcurrencyError';
    this.streamId = streamId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

/** A deep copy of `value` that nobody can change: what goes into the history stays as it was. */
export function frozenCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export class InMemoryEventStore<E extends EventData = EventData> {
  /** streamId -> its records, oldest first. */
  private readonly streams = new Map<string, EventRecord<E>[]>();
  /** Every record, in position order. */
  private readonly log: EventRecord<E>[] = [];
  private readonly listeners = new Set<(record: EventRecord<E>) => void>();

  /**
   * Appends `events` to the stream, all or nothing, if the stream is at `expectedVersion`.
   * Returns the new records; subscribers get each of them once they are stored.
   */
  append(streamId: string, events: readonly E[], { expectedVersion }: AppendOptions): EventRecord<E>[] {
    // TODO 5: check everything before storing anything:
    //   - expectedVersion must be a whole number, 0 or more: else throw a TypeError (the types ask
    //     for a number, but a -1, a 1.5 or a value from JSON still gets through them);
    //   - every event needs a non-empty string `type`: else throw a TypeError;
    //   - the stream must have exactly expectedVersion events: else throw
    //     new ConcurrencyError(streamId, expectedVersion, actualVersion).
    // TODO 6: store frozenCopy(record) rather than an object the caller still holds, so nobody can
    //         change history afterwards.
    // TODO 7: once the records are stored, call every subscriber with each new record, in order.
    //
    // For now: no checks, no copies, no subscribers; the records go straight in.
    const stream = this.streams.get(streamId) ?? [];
    const records = events.map(
      (event, i) =>
        ({
          streamId,
          version: stream.length + i + 1,
          position: this.log.length + i + 1,
          type: event.type,
          data: event.data ?? {},
        }) as EventRecord<E>,
    );
    this.streams.set(streamId, [...stream, ...records]);
    this.log.push(...records);
    return records;
  }

  /** The records of one stream, oldest first; [] for a stream with no events. */
  readStream(streamId: string): EventRecord<E>[] {
    // TODO 8: return a copy of the list, so that a caller who pushes to it changes nothing here.
    return this.streams.get(streamId) ?? [];
  }

  /** Every record of the store, in position order. */
  readAll(): EventRecord<E>[] {
    // TODO 8: a copy here too.
    return this.log;
  }

  /** Calls `listener(record)` for each record appended from now on; returns a function that stops it. */
  subscribe(listener: (record: EventRecord<E>) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}
