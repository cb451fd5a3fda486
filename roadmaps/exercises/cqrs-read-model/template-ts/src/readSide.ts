// The read side: a projection of the events into views shaped for readers. It only ever learns about
// the accounts from events; it never looks at the write side's state.
import type { StoredEvent } from './eventLog';

export interface Line {
  position: number;
  type: 'deposit' | 'withdrawal' | 'transfer_in' | 'transfer_out';
  amount: number;
  balance: number;
}
export interface AccountSummary {
  accountId: string;
  owner: string;
  balance: number;
}
export interface Statement extends AccountSummary {
  lines: Line[];
}

export interface ReadSide {
  apply(event: StoredEvent): void;
  /** The position of the last event applied (0: none yet). */
  readonly position: number;
  /** Throws the views away and applies every event of the log again, in order. */
  rebuild(events: StoredEvent[]): void;
  /** Resolves true once the read model has reached minPosition, or false after timeoutMs. */
  waitFor(minPosition: number, timeoutMs: number): Promise<boolean>;
  account(id: string): AccountSummary | undefined;
  /** Accounts whose balance is at least minBalance, highest balance first (ties: by id). */
  list(minBalance: number): AccountSummary[];
  statement(id: string): Statement | undefined;
}

export function createReadSide(): ReadSide {
  let position = 0;
  const accounts = new Map<string, Statement>();
  /** Queries waiting for the read model to reach a position. */
  // eslint-disable-next-line prefer-const -- TODO 4 reassigns it
  let waiting: { minPosition: number; resolve: (reached: boolean) => void }[] = [];

  function addLine(accountId: string, event: StoredEvent, type: Line['type'], amount: number): void {
    const account = accounts.get(accountId)!;
    account.balance += amount;
    account.lines.push({ position: event.position, type, amount, balance: account.balance });
  }

  /** Applies one event, once: an event at or below the current position is already in the views. */
  function apply(event: StoredEvent): void {
    // TODO 5: skip an event the read model already has (its position is not above `position`): after
    // a rebuild, the queue still delivers events the rebuild has applied.
    if (event.type === 'AccountOpened') {
      accounts.set(event.data.accountId, { accountId: event.data.accountId, owner: event.data.owner, balance: 0, lines: [] });
    }
    // TODO 3: MoneyDeposited adds a 'deposit' line, MoneyWithdrawn a 'withdrawal' line (negative amount),
    // MoneyTransferred a 'transfer_out' line on `from` AND a 'transfer_in' line on `to`. Use addLine().
    position = event.position;
    // TODO 4: wake up the queries in `waiting` whose minPosition has been reached (resolve(true)).
  }

  const summary = (a: Statement): AccountSummary => ({ accountId: a.accountId, owner: a.owner, balance: a.balance });

  return {
    apply,
    get position() {
      return position;
    },
    rebuild(events) {
      // TODO 5: start from empty views and position 0, then apply every event in order.
      events.forEach(apply);
    },
    waitFor(minPosition, timeoutMs) {
      // TODO 4: resolve at once when position >= minPosition; otherwise add { minPosition, resolve } to
      // `waiting` (apply() resolves it with true) and resolve false after timeoutMs (and forget it).
      void [minPosition, timeoutMs, waiting];
      return Promise.resolve(true);
    },
    account(id) {
      const a = accounts.get(id);
      return a && summary(a);
    },
    list(minBalance) {
      // TODO 6: only balances >= minBalance, highest balance first, equal balances by accountId (A to Z).
      void minBalance;
      return [...accounts.values()].map(summary);
    },
    statement(id) {
      const a = accounts.get(id);
      return a && { ...summary(a), lines: a.lines.map((l) => ({ ...l })) };
    },
  };
}
