// The event log and the queue between the two sides. Done for you.
//
// append() gives each event the next position (1, 2, 3, … across all accounts) and keeps it for ever.
// Every appended event is also put on a queue; one loop takes them off in order and hands each to the
// subscriber delayMs after it was appended: the read side hears about a write a little later, as it
// would through a message broker.

function createEventLog({ delayMs = 0 } = {}) {
  /** Every event ever recorded, oldest first: { position, type, data }. */
  const events = [];
  /** Recorded but not yet delivered: { event, dueAt }. */
  const queue = [];
  let subscriber = () => {};
  let running = false;

  async function deliver() {
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
    /** Records [{ type, data }, …] in one go and returns them with their positions. */
    append(newEvents) {
      const stored = newEvents.map((e, i) => ({ position: events.length + 1 + i, type: e.type, data: e.data }));
      events.push(...stored);
      for (const event of stored) queue.push({ event, dueAt: Date.now() + delayMs });
      deliver();
      return stored;
    },
    /** The whole log, oldest first (a copy). */
    all: () => events.slice(),
    /** The position of the last event recorded (0 when there are none). */
    get position() {
      return events.length;
    },
    /** fn(event) is called for every event, in order, delayMs after it was appended. */
    subscribe(fn) {
      subscriber = fn;
    },
  };
}

module.exports = { createEventLog };
