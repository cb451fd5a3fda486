import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AccountSummaries } from '../src/accountSummaries';
import { InMemoryEventStore } from '../src/eventStore';
import { DomainError, execute, load } from '../src/account';
import type { AccountEvent, Command } from '../src/account';

/** A store with a projection that follows it from the start. */
function liveSetup() {
  const store = new InMemoryEventStore<AccountEvent>();
  const live = new AccountSummaries();
  store.subscribe((record) => live.apply(record));
  return { store, live };
}

test('apply builds one summary per account: owner, balance, status and number of transactions', () => {
  const { store, live } = liveSetup();
  execute(store, 'acc-1', { type: 'OpenAccount', owner: 'Ada' });
  execute(store, 'acc-1', { type: 'Deposit', amount: 1000 });
  execute(store, 'acc-1', { type: 'Withdraw', amount: 300 });
  assert.deepEqual(live.get('acc-1'), { accountId: 'acc-1', owner: 'Ada', balance: 700, status: 'open', transactions: 2 });
  execute(store, 'acc-1', { type: 'CloseAccount' });
  assert.deepEqual(
    live.get('acc-1'),
    { accountId: 'acc-1', owner: 'Ada', balance: 0, status: 'closed', transactions: 3 },
    'closing pays out the 700 (a third transaction) and closes the account',
  );
  assert.equal(live.get('nobody'), undefined, 'get() of an account it has never seen: undefined');
});

test('list() gives every summary sorted by account id, and totalBalance adds up the balances', () => {
  const { store, live } = liveSetup();
  const accounts: [string, string, number][] = [
    ['acc-3', 'Cy', 300],
    ['acc-1', 'Ada', 100],
    ['acc-2', 'Bo', 200],
  ];
  for (const [id, owner, amount] of accounts) {
    execute(store, id, { type: 'OpenAccount', owner });
    execute(store, id, { type: 'Deposit', amount });
  }
  assert.deepEqual(
    live.list().map((s) => [s.accountId, s.owner, s.balance]),
    [
      ['acc-1', 'Ada', 100],
      ['acc-2', 'Bo', 200],
      ['acc-3', 'Cy', 300],
    ],
  );
  assert.equal(live.totalBalance, 600);
});

test('a record delivered twice is applied once', () => {
  const store = new InMemoryEventStore<AccountEvent>();
  execute(store, 'acc-1', { type: 'OpenAccount', owner: 'Ada' });
  execute(store, 'acc-1', { type: 'Deposit', amount: 500 });
  const summaries = new AccountSummaries();
  const [open, deposit] = store.readAll();
  assert.equal(summaries.apply(open), true, 'apply() returns true for a record it applied');
  assert.equal(summaries.apply(deposit), true);
  assert.equal(summaries.apply(deposit), false, 'the same record again: apply() returns false and changes nothing');
  assert.equal(summaries.apply(open), false, 'an older record than the last one applied: skipped too');
  assert.deepEqual(
    summaries.get('acc-1'),
    { accountId: 'acc-1', owner: 'Ada', balance: 500, status: 'open', transactions: 1 },
    'the deposit counts once',
  );
});

// A deterministic pseudo-random generator (mulberry32), so every run makes the same commands.
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 400 random commands on 8 accounts; refused ones (a DomainError) are part of the game. */
function randomHistory(store: InMemoryEventStore<AccountEvent>) {
  const next = random(20260301);
  const owners = ['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Flo', 'Gus', 'Hal'];
  let refused = 0;
  for (let step = 0; step < 400; step++) {
    const i = Math.floor(next() * owners.length);
    const r = next();
    const amount = 1 + Math.floor(next() * 5000);
    const command: Command =
      r < 0.1
        ? { type: 'OpenAccount', owner: owners[i] }
        : r < 0.55
          ? { type: 'Deposit', amount }
          : r < 0.99
            ? { type: 'Withdraw', amount }
            : { type: 'CloseAccount' };
    try {
      execute(store, `acc-${i}`, command);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refused++;
    }
  }
  return refused;
}

test('after 400 random commands, a projection rebuilt from the log matches the live one, and the accounts', () => {
  const { store, live } = liveSetup();
  const refused = randomHistory(store);
  assert.ok(refused > 0 && store.readAll().length > 100, 'the random history should mix accepted and refused commands');
  const rebuilt = AccountSummaries.rebuild(store);
  assert.deepEqual(
    rebuilt.list(),
    live.list(),
    'AccountSummaries.rebuild(store) (every record from readAll(), in order) should give exactly the summaries the live projection built',
  );
  assert.equal(rebuilt.totalBalance, live.totalBalance);
  for (const summary of live.list()) {
    const { state } = load(store, summary.accountId);
    assert.equal(
      summary.balance,
      state.balance,
      `${summary.accountId}: the read model's balance should match the account's state folded from its stream`,
    );
    assert.equal(summary.status, state.status, `${summary.accountId}: status`);
  }
});

test('a projection started late catches up from the log, then follows the live records', () => {
  const { store, live } = liveSetup();
  execute(store, 'acc-1', { type: 'OpenAccount', owner: 'Ada' });
  execute(store, 'acc-1', { type: 'Deposit', amount: 900 });
  const late = AccountSummaries.rebuild(store);
  store.subscribe((record) => late.apply(record));
  execute(store, 'acc-1', { type: 'Withdraw', amount: 400 });
  execute(store, 'acc-2', { type: 'OpenAccount', owner: 'Bo' });
  assert.deepEqual(late.list(), live.list());
  // A restart that resumes from an old checkpoint (after position 1) replays records it has seen: no change.
  for (const record of store.readAll().slice(1)) late.apply(record);
  assert.deepEqual(late.list(), live.list(), 'replaying records it has seen already must not count them twice');
});

test('a refused append never reaches the read model', () => {
  const { store, live } = liveSetup();
  execute(store, 'acc-1', { type: 'OpenAccount', owner: 'Ada' });
  assert.throws(() => store.append('acc-1', [{ type: 'MoneyDeposited', data: { amount: 100 } }], { expectedVersion: 0 }));
  assert.equal(live.get('acc-1')?.balance, 0, 'the deposit was refused (wrong version), so the live read model must not show it');
  assert.deepEqual(AccountSummaries.rebuild(store).list(), live.list());
});

test('each projection keeps its own summaries', () => {
  const { store, live } = liveSetup();
  execute(store, 'acc-1', { type: 'OpenAccount', owner: 'Ada' });
  assert.equal(live.list().length, 1);
  assert.deepEqual(new AccountSummaries().list(), [], 'a new projection starts empty: make its Map in the constructor');
  assert.equal(new AccountSummaries().totalBalance, 0);
});
