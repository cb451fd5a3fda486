// A read model (a projection): a table of account summaries, built from the records of the event store
// and kept up to date as new ones arrive. It is shaped for reading, such as a page that lists accounts,
// and it holds nothing the log does not: throw it away and rebuild it from readAll() at any time.
//
//   const summaries = AccountSummaries.rebuild(store);   // catch up from the log…
//   store.subscribe((record) => summaries.apply(record)); // …then follow it live
//   summaries.get('acc-1'); // { accountId: 'acc-1', owner: 'Ada', balance: 700, status: 'open', transactions: 2 }
//
// Records can be delivered more than once (a subscriber that restarts, a replay that overlaps the live
// feed), so apply() remembers the last position it applied and skips any record at or before it.
import type { AccountEvent } from './account';
import type { EventRecord, InMemoryEventStore } from './eventStore';

export interface AccountSummary {
  accountId: string;
  owner: string;
  balance: number;
  status: 'open' | 'closed';
  /** Deposits and withdrawals. */
  transactions: number;
}

export class AccountSummaries {
  /** accountId -> summary. */
  private readonly accounts = new Map<string, AccountSummary>();
  /** The position of the last record applied. */
  private position = 0;

  /** Applies one record from the store; false (and no change) if it was applied already. */
  apply(record: EventRecord<AccountEvent>): boolean {
    if (record.position <= this.position) return false;
    const id = record.streamId;
    const summary = this.accounts.get(id);
    switch (record.type) {
      case 'AccountOpened':
        this.accounts.set(id, { accountId: id, owner: record.data.owner, balance: 0, status: 'open', transactions: 0 });
        break;
      case 'MoneyDeposited':
        if (summary) {
          summary.balance += record.data.amount;
          summary.transactions++;
        }
        break;
      case 'MoneyWithdrawn':
        if (summary) {
          summary.balance -= record.data.amount;
          summary.transactions++;
        }
        break;
      case 'AccountClosed':
        if (summary) summary.status = 'closed';
        break;
      default:
      // Not an event this read model cares about.
    }
    this.position = record.position;
    return true;
  }

  /** The summary of one account (a copy), or undefined. */
  get(accountId: string): AccountSummary | undefined {
    const summary = this.accounts.get(accountId);
    return summary && { ...summary };
  }

  /** Every summary (copies), sorted by accountId. */
  list(): AccountSummary[] {
    return [...this.accounts.values()]
      .map((summary) => ({ ...summary }))
      .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
  }

  /** The money in all accounts together. */
  get totalBalance(): number {
    let total = 0;
    for (const summary of this.accounts.values()) total += summary.balance;
    return total;
  }

  /** A new projection fed with every record of `store`, in order. */
  static rebuild(store: Pick<InMemoryEventStore<AccountEvent>, 'readAll'>): AccountSummaries {
    const summaries = new AccountSummaries();
    for (const record of store.readAll()) summaries.apply(record);
    return summaries;
  }
}
