const { test } = require('node:test');
const assert = require('node:assert/strict');
const { InMemoryEventStore, ConcurrencyError } = require('../src/eventStore');

const deposited = (amount) => ({ type: 'MoneyDeposited', data: { amount } });

function thrown(fn, what) {
  let result;
  try {
    result = fn();
  } catch (error) {
    return error;
  }
  return assert.fail(`${what} should throw, but it returned ${JSON.stringify(result)}`);
}

test('a stream with no events reads as empty', () => {
  const store = new InMemoryEventStore();
  assert.deepEqual(store.readStream('acc-1'), []);
  assert.deepEqual(store.readAll(), []);
});

test('append stores records with the stream, a version, a position, the type and the data, and returns them', () => {
  const store = new InMemoryEventStore();
  const records = store.append('acc-1', [{ type: 'AccountOpened', data: { owner: 'Ada' } }, deposited(500)], { expectedVersion: 0 });
  const expected = [
    { streamId: 'acc-1', version: 1, position: 1, type: 'AccountOpened', data: { owner: 'Ada' } },
    { streamId: 'acc-1', version: 2, position: 2, type: 'MoneyDeposited', data: { amount: 500 } },
  ];
  assert.deepEqual(records, expected, 'append returns the new records, with exactly these fields');
  assert.deepEqual(store.readStream('acc-1'), expected, 'readStream returns the same records, oldest first');
});

test('versions count the events of a stream; positions count every event of the store', () => {
  const store = new InMemoryEventStore();
  store.append('acc-1', [deposited(1)], { expectedVersion: 0 });
  store.append('acc-2', [deposited(2), deposited(3)], { expectedVersion: 0 });
  store.append('acc-1', [deposited(4)], { expectedVersion: 1 });
  assert.deepEqual(
    store.readStream('acc-1').map((r) => [r.version, r.position]),
    [
      [1, 1],
      [2, 4],
    ],
    "acc-1's events are versions 1 and 2 of its stream, at positions 1 and 4 of the whole store",
  );
  assert.deepEqual(
    store.readStream('acc-2').map((r) => [r.version, r.position]),
    [
      [1, 2],
      [2, 3],
    ],
  );
  assert.deepEqual(
    store.readAll().map((r) => `${r.streamId}@${r.version}`),
    ['acc-1@1', 'acc-2@1', 'acc-2@2', 'acc-1@2'],
    'readAll returns every record in the order it was stored',
  );
});

test('an append at the wrong version is a ConcurrencyError, and stores nothing', () => {
  const store = new InMemoryEventStore();
  store.append('acc-1', [deposited(1), deposited(2)], { expectedVersion: 0 });
  for (const expectedVersion of [0, 1, 3]) {
    const error = thrown(
      () => store.append('acc-1', [deposited(99)], { expectedVersion }),
      `an append expecting version ${expectedVersion}`,
    );
    assert.ok(
      error instanceof ConcurrencyError,
      `the stream is at version 2, so expecting ${expectedVersion} should throw a ConcurrencyError, got ${String(error)}`,
    );
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'ConcurrencyError');
    assert.deepEqual(
      [error.streamId, error.expectedVersion, error.actualVersion],
      ['acc-1', expectedVersion, 2],
      'the error says which stream, the version expected and the version it is at',
    );
  }
  assert.equal(store.readStream('acc-1').length, 2, 'a refused append must store none of its events');
  assert.equal(store.readAll().length, 2);
  store.append('acc-1', [deposited(3)], { expectedVersion: 2 });
  assert.equal(store.readStream('acc-1').length, 3, 'at the right version, the append goes through');
});

test('expectedVersion 0 means "this stream must not exist yet"', () => {
  const store = new InMemoryEventStore();
  store.append('acc-1', [{ type: 'AccountOpened', data: { owner: 'Ada' } }], { expectedVersion: 0 });
  const error = thrown(
    () => store.append('acc-1', [{ type: 'AccountOpened', data: { owner: 'Eve' } }], { expectedVersion: 0 }),
    'a second "new stream" append',
  );
  assert.ok(error instanceof ConcurrencyError, `acc-1 exists already: expected a ConcurrencyError, got ${String(error)}`);
});

test('an append without an expectedVersion is refused', () => {
  const store = new InMemoryEventStore();
  for (const options of [undefined, {}, { expectedVersion: -1 }, { expectedVersion: 1.5 }, { expectedVersion: '0' }]) {
    const error = thrown(() => store.append('acc-1', [deposited(1)], options), `append with options ${JSON.stringify(options)}`);
    assert.ok(
      error instanceof TypeError,
      `an append must say which version it expects (a whole number, 0 or more): expected a TypeError, got ${String(error)}`,
    );
  }
  assert.deepEqual(store.readAll(), []);
});

test('a batch is all or nothing: one bad event, and none of them is stored', () => {
  const store = new InMemoryEventStore();
  const error = thrown(
    () => store.append('acc-1', [deposited(1), { data: { amount: 2 } }], { expectedVersion: 0 }),
    'a batch with an event that has no type',
  );
  assert.ok(error instanceof TypeError, `an event without a type should be refused with a TypeError, got ${String(error)}`);
  assert.deepEqual(
    store.readStream('acc-1'),
    [],
    'the good event before the bad one must not be stored either: check the whole batch first',
  );
  assert.deepEqual(store.readAll(), []);
});

test('history cannot be changed afterwards, through the objects appended or the records read', () => {
  const store = new InMemoryEventStore();
  const event = deposited(500);
  store.append('acc-1', [event], { expectedVersion: 0 });
  event.data.amount = 1_000_000;
  event.type = 'Tampered';
  assert.deepEqual(
    store.readStream('acc-1')[0].data,
    { amount: 500 },
    'changing the object you appended changed the store: keep a copy of each event',
  );
  assert.equal(store.readStream('acc-1')[0].type, 'MoneyDeposited');

  const [record] = store.readStream('acc-1');
  try {
    record.data.amount = 1;
    record.version = 42;
  } catch {
    // A frozen record refuses the change with a TypeError in strict mode: that is fine too.
  }
  const list = store.readStream('acc-1');
  list.push({ streamId: 'acc-1', version: 2, position: 2, type: 'Forged', data: {} });
  store.readAll().length = 0;
  assert.deepEqual(
    store.readStream('acc-1'),
    [{ streamId: 'acc-1', version: 1, position: 1, type: 'MoneyDeposited', data: { amount: 500 } }],
    'changing what readStream or readAll returned changed the store: return copies of the list, and records nobody can change (frozen, or copied)',
  );
  assert.equal(store.readAll().length, 1);
});

test('subscribers get each new record once it is stored, in order, until they unsubscribe', () => {
  const store = new InMemoryEventStore();
  const seen = [];
  const unsubscribe = store.subscribe((record) => {
    seen.push(`${record.streamId}@${record.version}`);
    assert.ok(
      store.readAll().some((r) => r.position === record.position),
      'a subscriber was called before its record was in the store: store the records first, then tell the subscribers',
    );
  });
  store.append('acc-1', [deposited(1), deposited(2)], { expectedVersion: 0 });
  store.append('acc-2', [deposited(3)], { expectedVersion: 0 });
  assert.deepEqual(seen, ['acc-1@1', 'acc-1@2', 'acc-2@1'], 'each record once, in order');
  thrown(() => store.append('acc-1', [deposited(4)], { expectedVersion: 0 }), 'a conflicting append');
  assert.deepEqual(seen, ['acc-1@1', 'acc-1@2', 'acc-2@1'], 'a refused append must not reach the subscribers: nothing was stored');
  unsubscribe();
  store.append('acc-1', [deposited(5)], { expectedVersion: 2 });
  assert.equal(seen.length, 3, 'after unsubscribe() the subscriber hears nothing more');
});

test('two stores keep their events apart', () => {
  const one = new InMemoryEventStore();
  const two = new InMemoryEventStore();
  one.append('acc-1', [deposited(1)], { expectedVersion: 0 });
  assert.deepEqual(two.readAll(), [], 'each store needs its own streams and log, made in the constructor');
});
