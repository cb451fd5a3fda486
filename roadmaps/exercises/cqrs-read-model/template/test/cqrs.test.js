const { test } = require('node:test');
const assert = require('node:assert/strict');
const supertest = require('supertest');
const { createApp } = require('../src/app');

const said = (res) => `got ${res.status} ${JSON.stringify(res.body)}`;

// One app per test; the read side gets each event 50 ms after it was recorded, and a query with
// ?min_position waits at most 400 ms.
function setup() {
  const app = createApp({ delayMs: 50, readWaitMs: 400 });
  const command = (name, body) => supertest(app).post(`/commands/${name}`).timeout(2000).send(body);
  const query = (path) => supertest(app).get(path).timeout(3000);
  const rebuild = () => supertest(app).post('/admin/rebuild').timeout(2000);
  return { command, query, rebuild };
}

test('commands are checked against the write model, even before the read side has caught up', async () => {
  const { command } = setup();
  assert.equal((await command('open-account', { accountId: 'acc-1', owner: 'Ada' })).status, 202);
  const dep = await command('deposit', { accountId: 'acc-1', amount: 100 });
  assert.equal(dep.status, 202, `the write side knows acc-1 from its own state; ${said(dep)}`);
  assert.deepEqual(dep.body, { position: 2, events: [{ position: 2, type: 'MoneyDeposited', data: { accountId: 'acc-1', amount: 100 } }] });
  assert.equal((await command('withdraw', { accountId: 'acc-1', amount: 80 })).status, 202);
  const second = await command('withdraw', { accountId: 'acc-1', amount: 80 });
  assert.equal(second.status, 409, `only 20 is left; ${said(second)}`);
  assert.equal(second.body.error, 'insufficient_funds');
  assert.equal((await command('deposit', { accountId: 'nope', amount: 1 })).body.error, 'account_not_found');
  assert.equal((await command('deposit', { accountId: 'acc-1', amount: 1.5 })).status, 400);
  assert.equal((await command('transfer', { from: 'acc-1', to: 'acc-1', amount: 1 })).status, 400);
  const next = await command('withdraw', { accountId: 'acc-1', amount: 20 });
  assert.equal(next.body.position, 4, `refused commands record nothing, so this is event 4; ${said(next)}`);
});

test('a query waits for min_position, and answers 409 stale when the read model does not get there', async () => {
  const { command, query } = setup();
  await command('open-account', { accountId: 'acc-1', owner: 'Ada' });
  const { body } = await command('deposit', { accountId: 'acc-1', amount: 500 });
  const now = await query('/accounts/acc-1');
  assert.equal(now.status, 404, `the read side has not seen the account yet; ${said(now)}`);
  const mine = await query(`/accounts/acc-1?min_position=${body.position}`);
  assert.deepEqual(mine.body, { position: 2, accountId: 'acc-1', owner: 'Ada', balance: 500 });
  const stale = await query('/accounts/acc-1?min_position=3');
  assert.equal(stale.status, 409, said(stale));
  assert.deepEqual(stale.body, { error: 'stale', position: 2 });
});

test('a statement has running balances, and a transfer shows on both accounts', async () => {
  const { command, query } = setup();
  await command('open-account', { accountId: 'a', owner: 'Ada' });
  await command('open-account', { accountId: 'b', owner: 'Bob' });
  await command('deposit', { accountId: 'a', amount: 1000 });
  const { body } = await command('transfer', { from: 'a', to: 'b', amount: 300 });
  const a = await query(`/accounts/a/statement?min_position=${body.position}`);
  assert.deepEqual(a.body.lines, [
    { position: 3, type: 'deposit', amount: 1000, balance: 1000 },
    { position: 4, type: 'transfer_out', amount: -300, balance: 700 },
  ]);
  const b = await query('/accounts/b/statement');
  assert.deepEqual(b.body.lines, [{ position: 4, type: 'transfer_in', amount: 300, balance: 300 }], said(b));
});

test('the list is sorted by balance, highest first, and min_balance keeps balances at or above it', async () => {
  const { command, query } = setup();
  for (const id of ['c', 'a', 'b']) await command('open-account', { accountId: id, owner: id.toUpperCase() });
  await command('deposit', { accountId: 'a', amount: 300 });
  await command('deposit', { accountId: 'c', amount: 300 });
  const { body } = await command('deposit', { accountId: 'b', amount: 900 });
  const all = await query(`/accounts?min_position=${body.position}`);
  assert.deepEqual(
    all.body.accounts.map((x) => [x.accountId, x.balance]),
    [
      ['b', 900],
      ['a', 300],
      ['c', 300],
    ],
  );
  const rich = await query('/accounts?min_balance=301');
  assert.deepEqual(
    rich.body.accounts.map((x) => x.accountId),
    ['b'],
  );
});

test('a rebuild from the log gives the same answers, also while events are still on their way', async () => {
  const { command, query, rebuild } = setup();
  await command('open-account', { accountId: 'a', owner: 'Ada' });
  const { body } = await command('deposit', { accountId: 'a', amount: 100 });
  const before = await query(`/accounts/a/statement?min_position=${body.position}`);
  assert.deepEqual((await rebuild()).body, { position: 2 });
  assert.deepEqual((await query('/accounts/a/statement')).body, before.body, 'after a rebuild');
  await command('deposit', { accountId: 'a', amount: 5 });
  assert.deepEqual((await rebuild()).body, { position: 3 }, 'the rebuild reads the whole log, event 3 too');
  await new Promise((resolve) => setTimeout(resolve, 150));
  const after = await query('/accounts/a');
  assert.equal(after.body.balance, 105, `the queue delivered event 3 after the rebuild had applied it; ${said(after)}`);
});
