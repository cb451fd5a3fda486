// A bank account kept as events. Nothing stores "the balance": it is worked out from what happened.
//
//   decide(state, command) -> events   checks a command against the current state; the events say what
//                                      happened (or it throws a DomainError and nothing happens)
//   evolve(state, event)   -> state    what one event does to the state: a pure function
//   rehydrate(events)      -> state    the state after all the events: a fold (reduce) with evolve
//
// Amounts are whole cents.
import type { EventRecord, InMemoryEventStore } from './eventStore';

export type Command =
  | { type: 'OpenAccount'; owner: string }
  | { type: 'Deposit'; amount: number }
  | { type: 'Withdraw'; amount: number }
  | { type: 'CloseAccount' };

export type AccountEvent =
  | { type: 'AccountOpened'; data: { owner: string } }
  | { type: 'MoneyDeposited'; data: { amount: number } }
  | { type: 'MoneyWithdrawn'; data: { amount: number } }
  | { type: 'AccountClosed'; data: Record<string, never> };

export interface AccountState {
  readonly status: 'new' | 'open' | 'closed';
  readonly owner: string | null;
  readonly balance: number;
}

/** What load and execute need from a store. */
export type AccountStore = Pick<InMemoryEventStore<AccountEvent>, 'readStream' | 'append'>;

export type DomainErrorCode =
  'ACCOUNT_EXISTS' | 'INVALID_OWNER' | 'ACCOUNT_NOT_FOUND' | 'ACCOUNT_CLOSED' | 'INVALID_AMOUNT' | 'INSUFFICIENT_FUNDS' | 'UNKNOWN_COMMAND';

export class DomainError extends Error {
  /** Which rule the command broke. */
  readonly code: DomainErrorCode;

  constructor(code: DomainErrorCode, message: string) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
  }
}

/** The state of an account before its first event. */
export const initialState: AccountState = { status: 'new', owner: null, balance: 0 };

/** The events that `command` causes in an account in `state`; throws a DomainError if it breaks a rule. */
export function decide(state: AccountState, command: Command): AccountEvent[] {
  // TODO 1: one case per command type (switch (command.type)), each returning an array of events:
  //   OpenAccount   only on a 'new' account (else ACCOUNT_EXISTS), for an owner that is a string
  //                 with more than spaces in it (else INVALID_OWNER) -> AccountOpened { owner }
  //   Deposit       -> MoneyDeposited { amount }
  //   Withdraw      at most the balance (else INSUFFICIENT_FUNDS) -> MoneyWithdrawn { amount }
  //   CloseAccount  -> MoneyWithdrawn { amount: balance } first if there is money left, then AccountClosed {}
  //   anything else UNKNOWN_COMMAND
  // Deposit, Withdraw and CloseAccount need an open account: ACCOUNT_NOT_FOUND while it is 'new',
  // ACCOUNT_CLOSED once it is 'closed'. Amounts must be positive whole numbers (Number.isSafeInteger),
  // else INVALID_AMOUNT. Check in that order: the account, then the amount, then the balance.
  // Break a rule with `throw new DomainError(code, message)`. Never change `state` here.
  throw new Error('TODO in src/account.ts: decide() is not written yet');
}

/** The state after `event`: a new object, `state` left as it was. */
export function evolve(state: AccountState, event: AccountEvent): AccountState {
  // TODO 2: return a new state for each event type ({ ...state, balance: state.balance + amount }):
  //   AccountOpened: status 'open' and the owner; MoneyDeposited / MoneyWithdrawn: the balance;
  //   AccountClosed: status 'closed'. An event type you do not know changes nothing: return state.
  //
  // For now every event is ignored.
  return state;
}

/** The state after all of `events`, starting from initialState. */
export function rehydrate(events: readonly AccountEvent[]): AccountState {
  // TODO 3: fold the events with evolve, starting from initialState (Array.prototype.reduce).
  return initialState;
}

/** The account's current state and the version of its stream (how many events it has). */
export function load(store: AccountStore, accountId: string): { state: AccountState; version: number } {
  const records = store.readStream(accountId);
  return { state: rehydrate(records), version: records.length };
}

/** Runs `command` on the account: load, decide, append at the version loaded. Returns the new records. */
export function execute(store: AccountStore, accountId: string, command: Command): EventRecord<AccountEvent>[] {
  // TODO 4: load the account (state and version), decide the events, and append them to the stream
  //         with { expectedVersion: the version you loaded }. Return what append returns.
  throw new Error('TODO in src/account.ts: execute() is not written yet');
}
