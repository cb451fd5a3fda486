// A bank account kept as events. Nothing stores "the balance": it is worked out from what happened.
//
//   decide(state, command) -> events   checks a command against the current state; the events say what
//                                      happened (or it throws a DomainError and nothing happens)
//   evolve(state, event)   -> state    what one event does to the state: a pure function
//   rehydrate(events)      -> state    the state after all the events: a fold (reduce) with evolve
//
// Commands: { type: 'OpenAccount', owner }, { type: 'Deposit', amount }, { type: 'Withdraw', amount },
// { type: 'CloseAccount' }. Amounts are whole cents.
// Events:   AccountOpened { owner }, MoneyDeposited { amount }, MoneyWithdrawn { amount }, AccountClosed {}.

class DomainError extends Error {
  /** `code` says which rule the command broke, e.g. 'INSUFFICIENT_FUNDS'. */
  constructor(code, message) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
  }
}

/** The state of an account before its first event. */
const initialState = { status: 'new', owner: null, balance: 0 };

/** The events that `command` causes in an account in `state`; throws a DomainError if it breaks a rule. */
function decide(state, command) {
  // TODO 1: one case per command type, each returning an array of events { type, data }:
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
  throw new Error('TODO in src/account.js: decide() is not written yet');
}

/** The state after `event`: a new object, `state` left as it was. */
function evolve(state, event) {
  // TODO 2: return a new state for each event type ({ ...state, balance: state.balance + amount }):
  //   AccountOpened: status 'open' and the owner; MoneyDeposited / MoneyWithdrawn: the balance;
  //   AccountClosed: status 'closed'. An event type you do not know changes nothing: return state.
  //
  // For now every event is ignored.
  return state;
}

/** The state after all of `events`, starting from initialState. */
function rehydrate(events) {
  // TODO 3: fold the events with evolve, starting from initialState (Array.prototype.reduce).
  return initialState;
}

/** The account's current state and the version of its stream (how many events it has). */
function load(store, accountId) {
  const records = store.readStream(accountId);
  return { state: rehydrate(records), version: records.length };
}

/** Runs `command` on the account: load, decide, append at the version loaded. Returns the new records. */
function execute(store, accountId, command) {
  // TODO 4: load the account (state and version), decide the events, and append them to the stream
  //         with { expectedVersion: the version you loaded }. Return what append returns.
  throw new Error('TODO in src/account.js: execute() is not written yet');
}

module.exports = { DomainError, initialState, decide, evolve, rehydrate, load, execute };
