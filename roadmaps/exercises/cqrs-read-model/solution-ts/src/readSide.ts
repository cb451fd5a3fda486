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
  let waiting: { minPosition: number; resolve: (reached: boolean) => void }[] = [];

  function addLine(accountId: string, event: StoredEvent, type: Line['type'], amount: number): void {
    const account = accounts.get(accountId)!;
    account.balance += amount;
    account.lines.push({ position: event.position, type, amount, balance: account.balance });
  }

  /** Applies one event, once: an event at or below the current position is already in the views. */
  function apply(event: StoredEvent): void {
    if (event.position <= position) return;
    if (event.type === 'AccountOpened') {
      accounts.set(event.data.accountId, { accountId: event.data.accountId, owner: event.data.owner, balance: 0, lines: [] });
    } else if (event.type === 'MoneyDeposited') addLine(event.data.accountId, event, 'deposit', event.data.amount);
    else if (event.type === 'MoneyWithdrawn') addLine(event.data.accountId, event, 'withdrawal', -event.data.amount);
    else if (event.type === 'MoneyTransferred') {
      addLine(event.data.from, event, 'transfer_out', -event.data.amount);
      addLine(event.data.to, event, 'transfer_in', event.data.amount);
    }
    position = event.position;
    const reached = waiting.filter((w) => w.minPosition <= position);
    waiting = waiting.filter((w) => w.minPosition > position);
    for (const w of reached) w.resolve(true);
  }

  const summary = (a: Statement): AccountSummary => ({ accountId: a.accountId, owner: a.owner, balance: a.balance });

  return {
    apply,
    get position() {
      return position;
    },
    rebuild(events) {
      position = 0;
      accounts.clear();
      events.forEach(apply);
    },
    waitFor(minPosition, timeoutMs) {
      if (position >= minPosition) return Promise.resolve(true);
      return new Promise((resolve) => {
        const entry = { minPosition, resolve };
        waiting.push(entry);
        setTimeout(() => {
          waiting = waiting.filter((w) => w !== entry);
          resolve(false);
        }, timeoutMs);
      });
    },
    account(id) {
      const a = accounts.get(id);
      return a && summary(a);
    },
    list(minBalance) {
      return [...accounts.values()]
        .filter((a) => a.balance >= minBalance)
        .sort((x, y) => y.balance - x.balance || (x.accountId < y.accountId ? -1 : x.accountId > y.accountId ? 1 : 0))
        .map(summary);
    },
    statement(id) {
      const a = accounts.get(id);
      return a && { ...summary(a), lines: a.lines.map((l) => ({ ...l })) };
    },
  };
}
