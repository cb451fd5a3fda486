import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomainError, initialState, decide, evolve, rehydrate, load, execute } from '../src/account';
import type { AccountEvent, AccountStore, Command } from '../src/account';
import { InMemoryEventStore, ConcurrencyError } from '../src/eventStore';

const opened = (owner = 'Ada'): AccountEvent => ({ type: 'AccountOpened', data: { owner } });
const deposited = (amount: number): AccountEvent => ({ type: 'MoneyDeposited', data: { amount } });
const withdrawn = (amount: number): AccountEvent => ({ type: 'MoneyWithdrawn', data: { amount } });
const closed = (): AccountEvent => ({ type: 'AccountClosed', data: {} });
/** A command as it might come in from outside, past the types (a wrong type, a missing field). */
const untyped = (command: object) => command as Command;

/** The error `fn` throws; a test failure if it returns. */
function thrown(fn: () => unknown, what: string): any {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    return error;
  }
  return assert.fail(`${what} should throw, but it returned ${JSON.stringify(result)}`);
}

/** Checks that `fn` throws a DomainError with `code`. */
function assertRule(fn: () => unknown, code: string, what: string) {
  const error = thrown(fn, what);
  assert.ok(error instanceof DomainError, `${what} should throw a DomainError, got ${String(error)}`);
  assert.equal(error.code, code, `${what} should throw a DomainError with code ${code}, got ${error.code}`);
}

const openWith = (balance: number) => rehydrate(balance > 0 ? [opened(), deposited(balance)] : [opened()]);

test('DomainError is an Error with a name and a code', () => {
  const error = new DomainError('INSUFFICIENT_FUNDS', 'not enough money');
  assert.ok(error instanceof Error);
  assert.equal(error.name, 'DomainError');
  assert.equal(error.code, 'INSUFFICIENT_FUNDS');
});

test('evolve folds events into the state; rehydrate starts from initialState', () => {
  assert.deepEqual(initialState, { status: 'new', owner: null, balance: 0 });
  assert.deepEqual(
    evolve(initialState, opened('Ada')),
    { status: 'open', owner: 'Ada', balance: 0 },
    'AccountOpened: the account is open, with its owner',
  );
  assert.deepEqual(
    rehydrate([opened('Ada'), deposited(1000), withdrawn(300), deposited(50)]),
    { status: 'open', owner: 'Ada', balance: 750 },
    'the balance is what the events add up to: 1000 - 300 + 50',
  );
  assert.deepEqual(rehydrate([opened('Ada'), closed()]).status, 'closed');
  assert.deepEqual(rehydrate([]), initialState, 'no events: the initial state');
});

test('evolve returns a new state and never changes the one it was given', () => {
  const before = rehydrate([opened('Ada'), deposited(500)]);
  const copy = structuredClone(before);
  const after = evolve(before, deposited(200));
  assert.equal(after.balance, 700);
  assert.notEqual(after, before, 'evolve should return a new object ({ ...state, balance: … })');
  assert.deepEqual(before, copy, 'evolve changed the state it was given: a fold must not mutate, or replaying history changes history');
  rehydrate([opened('Bob'), deposited(999)]);
  assert.deepEqual(
    initialState,
    { status: 'new', owner: null, balance: 0 },
    'rehydrate changed initialState, which every account starts from',
  );
});

test('evolve ignores event types it does not know', () => {
  const state = rehydrate([opened('Ada'), deposited(100)]);
  assert.deepEqual(
    evolve(state, { type: 'StatementSent', data: { month: '2026-01' } } as unknown as AccountEvent),
    state,
    'an unknown event (from a newer version, say) changes nothing',
  );
});

test('OpenAccount opens a new account, once, for an owner with a name', () => {
  assert.deepEqual(decide(initialState, { type: 'OpenAccount', owner: 'Ada' }), [opened('Ada')]);
  assertRule(() => decide(openWith(0), { type: 'OpenAccount', owner: 'Ada' }), 'ACCOUNT_EXISTS', 'opening an open account');
  assertRule(
    () => decide(rehydrate([opened(), closed()]), { type: 'OpenAccount', owner: 'Ada' }),
    'ACCOUNT_EXISTS',
    'opening a closed account again',
  );
  for (const owner of ['', '   ', undefined, 42]) {
    assertRule(
      () => decide(initialState, untyped({ type: 'OpenAccount', owner })),
      'INVALID_OWNER',
      `opening an account for the owner ${JSON.stringify(owner)}`,
    );
  }
});

test('Deposit and Withdraw record the amount', () => {
  assert.deepEqual(decide(openWith(0), { type: 'Deposit', amount: 2500 }), [deposited(2500)]);
  assert.deepEqual(decide(openWith(1000), { type: 'Withdraw', amount: 400 }), [withdrawn(400)]);
});

test('amounts are positive whole numbers of cents', () => {
  for (const amount of [0, -500, 10.5, NaN, Infinity, '100', undefined]) {
    for (const type of ['Deposit', 'Withdraw']) {
      assertRule(
        () => decide(openWith(10_000), untyped({ type, amount })),
        'INVALID_AMOUNT',
        `${type} of ${JSON.stringify(amount) ?? 'undefined'}`,
      );
    }
  }
});

test('a withdrawal may empty the account, but not overdraw it', () => {
  assert.deepEqual(
    decide(openWith(1000), { type: 'Withdraw', amount: 1000 }),
    [withdrawn(1000)],
    'withdrawing exactly the balance is fine',
  );
  assertRule(() => decide(openWith(1000), { type: 'Withdraw', amount: 1001 }), 'INSUFFICIENT_FUNDS', 'withdrawing 1001 from 1000');
});

test('an account that was never opened, or was closed, takes no money', () => {
  const commands: Command[] = [{ type: 'Deposit', amount: 100 }, { type: 'Withdraw', amount: 100 }, { type: 'CloseAccount' }];
  for (const command of commands) {
    assertRule(() => decide(initialState, command), 'ACCOUNT_NOT_FOUND', `${command.type} on an account never opened`);
    assertRule(() => decide(rehydrate([opened(), closed()]), command), 'ACCOUNT_CLOSED', `${command.type} on a closed account`);
  }
});

test('CloseAccount pays out what is left, then closes: two events', () => {
  assert.deepEqual(
    decide(openWith(1234), { type: 'CloseAccount' }),
    [withdrawn(1234), closed()],
    'closing an account with 1234 in it: first MoneyWithdrawn of 1234, then AccountClosed, so the history says where the money went',
  );
  assert.deepEqual(decide(openWith(0), { type: 'CloseAccount' }), [closed()], 'an empty account just closes');
});

test('an unknown command is refused', () => {
  assertRule(() => decide(openWith(100), untyped({ type: 'Transfer', amount: 5 })), 'UNKNOWN_COMMAND', 'a Transfer command');
});

test('decide leaves the state alone: it only returns events', () => {
  const state = openWith(1000);
  const copy = structuredClone(state);
  decide(state, { type: 'Withdraw', amount: 300 });
  decide(state, { type: 'CloseAccount' });
  assert.deepEqual(state, copy, 'decide changed the state; only evolve makes a new state, from the events');
});

test('execute: load the account, decide, and append at the version loaded', () => {
  const store = new InMemoryEventStore<AccountEvent>();
  const first = execute(store, 'acc-1', { type: 'OpenAccount', owner: 'Ada' });
  assert.equal(first.length, 1, 'execute returns the records it appended');
  assert.equal(first[0].version, 1);
  execute(store, 'acc-1', { type: 'Deposit', amount: 1000 });
  execute(store, 'acc-1', { type: 'Withdraw', amount: 250 });
  assert.deepEqual(
    store.readStream('acc-1').map((r) => r.type),
    ['AccountOpened', 'MoneyDeposited', 'MoneyWithdrawn'],
  );
  assert.deepEqual(
    load(store, 'acc-1'),
    { state: { status: 'open', owner: 'Ada', balance: 750 }, version: 3 },
    'load: the state folded from the stream, and its version',
  );
  assert.deepEqual(load(store, 'nobody'), { state: initialState, version: 0 }, 'an account with no events: initial state, version 0');
});

test('a refused command stores nothing', () => {
  const store = new InMemoryEventStore<AccountEvent>();
  execute(store, 'acc-1', { type: 'OpenAccount', owner: 'Ada' });
  execute(store, 'acc-1', { type: 'Deposit', amount: 100 });
  assertRule(() => execute(store, 'acc-1', { type: 'Withdraw', amount: 500 }), 'INSUFFICIENT_FUNDS', 'withdrawing 500 from 100');
  assert.equal(store.readStream('acc-1').length, 2, 'the refused withdrawal left no event');
});

test('two tellers decide on the same version: the second append is refused, so the account is never overdrawn', () => {
  const store = new InMemoryEventStore<AccountEvent>();
  execute(store, 'acc-1', { type: 'OpenAccount', owner: 'Ada' });
  execute(store, 'acc-1', { type: 'Deposit', amount: 100 });
  // Both tellers load the account at version 2 with 100 in it, and each may withdraw 80.
  const one = load(store, 'acc-1');
  const two = load(store, 'acc-1');
  const eventsOne = decide(one.state, { type: 'Withdraw', amount: 80 });
  const eventsTwo = decide(two.state, { type: 'Withdraw', amount: 80 });
  store.append('acc-1', eventsOne, { expectedVersion: one.version });
  const error = thrown(() => store.append('acc-1', eventsTwo, { expectedVersion: two.version }), 'the second teller’s append');
  assert.ok(error instanceof ConcurrencyError, `the stream moved on to version 3: expected a ConcurrencyError, got ${String(error)}`);
  assert.equal(load(store, 'acc-1').state.balance, 20, 'only the first withdrawal happened');
});

test('execute appends at the version it loaded, so a write in between is a conflict, and deciding again sees it', () => {
  const store = new InMemoryEventStore<AccountEvent>();
  execute(store, 'acc-1', { type: 'OpenAccount', owner: 'Ada' });
  execute(store, 'acc-1', { type: 'Deposit', amount: 100 });
  // A store that lets another writer withdraw 50 right after execute has read the stream.
  let interfered = false;
  const busy: AccountStore = {
    readStream(streamId) {
      const records = store.readStream(streamId);
      if (!interfered) {
        interfered = true;
        store.append(streamId, [withdrawn(50)], { expectedVersion: records.length });
      }
      return records;
    },
    append: (...args) => store.append(...args),
  };
  const error = thrown(() => execute(busy, 'acc-1', { type: 'Withdraw', amount: 80 }), 'execute while another writer withdraws 50');
  assert.ok(
    error instanceof ConcurrencyError,
    `execute read version 2, but the stream was at 3 when it appended: expected a ConcurrencyError, got ${String(error)}. ` +
      'Pass the version you loaded as expectedVersion, not the version the stream has when you append.',
  );
  assert.equal(load(store, 'acc-1').state.balance, 50, 'the other writer’s withdrawal stands, and the stale one was not stored');
  assertRule(
    () => execute(store, 'acc-1', { type: 'Withdraw', amount: 80 }),
    'INSUFFICIENT_FUNDS',
    'running the command again, on the fresh state (50)',
  );
});
