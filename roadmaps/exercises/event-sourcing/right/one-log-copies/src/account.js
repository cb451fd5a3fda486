// The same account with one handler per command and per event, in lookup tables instead of switches.
class DomainError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
  }
}

const initialState = { status: 'new', owner: null, balance: 0 };

const refuse = (code, message) => {
  throw new DomainError(code, message);
};

function mustBeOpen(state) {
  if (state.status !== 'open') refuse(state.status === 'new' ? 'ACCOUNT_NOT_FOUND' : 'ACCOUNT_CLOSED', `account is ${state.status}`);
}

function mustBeCents(amount) {
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 1 || amount > Number.MAX_SAFE_INTEGER) {
    refuse('INVALID_AMOUNT', 'amount: whole cents, above zero');
  }
}

const commandHandlers = {
  OpenAccount(state, { owner }) {
    if (state.status !== 'new') refuse('ACCOUNT_EXISTS', 'already opened');
    if (typeof owner !== 'string' || !owner.trim()) refuse('INVALID_OWNER', 'owner required');
    return [{ type: 'AccountOpened', data: { owner } }];
  },
  Deposit(state, { amount }) {
    mustBeOpen(state);
    mustBeCents(amount);
    return [{ type: 'MoneyDeposited', data: { amount } }];
  },
  Withdraw(state, { amount }) {
    mustBeOpen(state);
    mustBeCents(amount);
    if (state.balance - amount < 0) refuse('INSUFFICIENT_FUNDS', 'not enough money');
    return [{ type: 'MoneyWithdrawn', data: { amount } }];
  },
  CloseAccount(state) {
    mustBeOpen(state);
    const payout = state.balance === 0 ? [] : [{ type: 'MoneyWithdrawn', data: { amount: state.balance } }];
    return [...payout, { type: 'AccountClosed', data: {} }];
  },
};

const eventHandlers = {
  AccountOpened: (state, { owner }) => ({ ...state, status: 'open', owner }),
  MoneyDeposited: (state, { amount }) => ({ ...state, balance: state.balance + amount }),
  MoneyWithdrawn: (state, { amount }) => ({ ...state, balance: state.balance - amount }),
  AccountClosed: (state) => ({ ...state, status: 'closed' }),
};

function decide(state, command) {
  const handler = Object.hasOwn(commandHandlers, command.type) ? commandHandlers[command.type] : undefined;
  if (!handler) refuse('UNKNOWN_COMMAND', `no such command: ${command.type}`);
  return handler(state, command);
}

function evolve(state, event) {
  const handler = Object.hasOwn(eventHandlers, event.type) ? eventHandlers[event.type] : undefined;
  return handler ? handler(state, event.data) : state;
}

function rehydrate(events) {
  let state = initialState;
  for (const event of events) state = evolve(state, event);
  return state;
}

function load(store, accountId) {
  const records = store.readStream(accountId);
  const last = records[records.length - 1];
  return { state: rehydrate(records), version: last ? last.version : 0 };
}

function execute(store, accountId, command) {
  const { state, version } = load(store, accountId);
  return store.append(accountId, decide(state, command), { expectedVersion: version });
}

module.exports = { DomainError, initialState, decide, evolve, rehydrate, load, execute };
