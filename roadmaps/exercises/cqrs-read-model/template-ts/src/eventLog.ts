// The event log and the queue between the two sides. Done for you.
//
// append() gives each event the next position (1, 2, 3, … across all accounts) and keeps it for ever.
// Every appended event is also put on a queue; one loop takes them off in order and hands each to the
// subscriber delayMs after it was appended: the read side hears about a write a little later, as it
// would through a message broker.

export type EventData =
  | { type: 'AccountOpened'; data: { accountId: string; owner: string } }
  | { type: 'MoneyDeposited'; data: { accountId: string; amount: number } }
  | { type: 'MoneyWithdrawn'; data: { accountId: string; amount: number } }
  | { type: 'MoneyTransferred'; data: { from: string; to: string; amount: number } };

/** A recorded event: its position in the log, its type and its data. */
export type StoredEvent = EventData & { position: number };

export interface EventLog {
  /** Records [{ type, data }, …] in one go and returns them with their positions. */
  append(newEvents: EventData[]): StoredEvent[];
  /** The whole log, oldest first (a copy). */
  all(): StoredEvent[];
  /** The position of the last event recorded (0 when there are none). */
  readonly position: number;
  /** fn(event) is called for every event, in order, delayMs after it was appended. */
  subscribe(fn: (event: StoredEvent) => void): void;
}

export function createEventLog({ delayMs = 0 }: { delayMs?: number } = {}): EventLog {
  const events: StoredEvent[] = [];
  const queue: { event: StoredEvent; dueAt: number }[] = [];
  let subscriber: (event: StoredEvent) => void = () => {};
  let running = false;

  async function deliver(): Promise<void> {
    if (running) return;
    running = true;
    while (queue.length > 0) {
      const { event, dueAt } = queue[0];
      const wait = dueAt - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      queue.shift();
      subscriber(event);
    }
    running = false;
  }

  return {
    append(newEvents) {
      const stored = newEvents.map((e, i) => ({ position: events.length + 1 + i, ...e }) as StoredEvent);
      events.push(...stored);
      for (const event of stored) queue.push({ event, dueAt: Date.now() + delayMs });
      void deliver();
      return stored;
    },
    all: () => events.slice(),
    get position() {
      return events.length;
    },
    subscribe(fn) {
      subscriber = fn;
    },
  };
}
