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
    // TODO 9: skip a record at or before this.position (return false): it was applied already.
    //         Otherwise update the summary of record.streamId (switch (record.type) narrows
    //         record.data for you):
    //   AccountOpened   a new summary { accountId, owner, balance: 0, status: 'open', transactions: 0 }
    //   MoneyDeposited  balance up, one more transaction
    //   MoneyWithdrawn  balance down, one more transaction
    //   AccountClosed   status 'closed'
    //   (other types change nothing). Then remember this.position = record.position; return true.
    throw new Error('TODO in src/accountSummaries.ts: apply() is not written yet');
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
    // TODO 10: a new AccountSummaries, fed every record of store.readAll() in order.
    throw new Error('TODO in src/accountSummaries.ts: AccountSummaries.rebuild() is not written yet');
  }
}
