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

function requireOpen(state) {
  if (state.status === 'new') throw new DomainError('ACCOUNT_NOT_FOUND', 'there is no such account: open it first');
  if (state.status === 'closed') throw new DomainError('ACCOUNT_CLOSED', 'the account is closed');
}

function requireAmount(amount) {
  // Money in whole cents: 0.1 + 0.2 !== 0.3 in floating point, and a ledger must add up exactly.
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new DomainError('INVALID_AMOUNT', `the amount must be a positive whole number of cents, got ${String(amount)}`);
  }
}

/** The events that `command` causes in an account in `state`; throws a DomainError if it breaks a rule. */
function decide(state, command) {
  switch (command.type) {
    case 'OpenAccount':
      if (state.status !== 'new') throw new DomainError('ACCOUNT_EXISTS', 'this account has been opened already');
      if (typeof command.owner !== 'string' || command.owner.trim() === '') {
        throw new DomainError('INVALID_OWNER', 'an account needs the name of its owner');
      }
      return [{ type: 'AccountOpened', data: { owner: command.owner } }];
    case 'Deposit':
      requireOpen(state);
      requireAmount(command.amount);
      return [{ type: 'MoneyDeposited', data: { amount: command.amount } }];
    case 'Withdraw':
      requireOpen(state);
      requireAmount(command.amount);
      if (command.amount > state.balance) {
        throw new DomainError('INSUFFICIENT_FUNDS', `cannot withdraw ${command.amount} from a balance of ${state.balance}`);
      }
      return [{ type: 'MoneyWithdrawn', data: { amount: command.amount } }];
    case 'CloseAccount':
      requireOpen(state);
      // The money left is paid out first, so the history says where it went.
      return state.balance > 0
        ? [
            { type: 'MoneyWithdrawn', data: { amount: state.balance } },
            { type: 'AccountClosed', data: {} },
          ]
        : [{ type: 'AccountClosed', data: {} }];
    default:
      throw new DomainError('UNKNOWN_COMMAND', `unknown command ${JSON.stringify(command.type)}`);
  }
}

/** The state after `event`: a new object, `state` left as it was. */
function evolve(state, event) {
  switch (event.type) {
    case 'AccountOpened':
      return { ...state, status: 'open', owner: event.data.owner };
    case 'MoneyDeposited':
      state.balance += event.data.amount; // WRONG: changes the state it was given (even initialState)
      return state;
    case 'MoneyWithdrawn':
      state.balance -= event.data.amount; // WRONG: same
      return state;
    case 'AccountClosed':
      return { ...state, status: 'closed' };
    default:
      // An event type this code does not know (written by a newer version): it changes nothing here.
      return state;
  }
}

/** The state after all of `events`, starting from initialState. */
function rehydrate(events) {
  return events.reduce(evolve, initialState);
}

/** The account's current state and the version of its stream (how many events it has). */
function load(store, accountId) {
  const records = store.readStream(accountId);
  return { state: rehydrate(records), version: records.length };
}

/** Runs `command` on the account: load, decide, append at the version loaded. Returns the new records. */
function execute(store, accountId, command) {
  const { state, version } = load(store, accountId);
  const events = decide(state, command);
  // expectedVersion is the version the decision was made on: if anyone appended in between, the
  // store refuses with a ConcurrencyError instead of storing a decision made on stale state.
  return store.append(accountId, events, { expectedVersion: version });
}

module.exports = { DomainError, initialState, decide, evolve, rehydrate, load, execute };
