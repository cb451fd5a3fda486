const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { connectRedis, deleteKeys } = require('./redis');
const { createLeaderboard } = require('../src/leaderboard');

// A random prefix per run: runs never see each other's keys, and cleanup deletes only ours.
const runPrefix = `exercise:leaderboard:${crypto.randomBytes(6).toString('hex')}:`;
let redis;
let n = 0;

before(async () => {
  redis = await connectRedis();
});

after(async () => {
  if (!redis) return;
  await deleteKeys(redis, runPrefix);
  await redis.close();
});

// A fresh, empty board for each test, optionally filled by hand: { alice: 300, bob: 120 }.
async function setup(scores = {}) {
  const key = `${runPrefix}${++n}:leaderboard`;
  const members = Object.entries(scores).map(([value, score]) => ({ value, score }));
  if (members.length > 0) await redis.zAdd(key, members);
  return { key, board: createLeaderboard({ redis, key }) };
}

test('submitScore stores the score in the sorted set and answers it as best', async () => {
  const { key, board } = await setup();
  const answer = await board.submitScore('alice', 120);
  assert.deepEqual(answer, { player: 'alice', best: 120 });
  assert.equal(
    await redis.zScore(key, 'alice'),
    120,
    `After submitScore('alice', 120), ZSCORE ${key} alice should be 120. Use ZADD on the key you were given.`,
  );
});

test('a lower score never replaces the best one; a higher one does', async () => {
  const { key, board } = await setup();
  await board.submitScore('alice', 300);
  assert.deepEqual(await board.submitScore('alice', 100), { player: 'alice', best: 300 }, 'A lower score must leave the best (300) alone: ZADD … GT.');
  assert.equal(await redis.zScore(key, 'alice'), 300, 'Scores are not added up: the stored score is the best one.');
  assert.deepEqual(await board.submitScore('alice', 450), { player: 'alice', best: 450 }, 'A higher score becomes the new best.');
});

test('top lists the best first with ranks from 1, a page at a time', async () => {
  const { board } = await setup({ dave: 50, alice: 300, bob: 120, carol: 200, erin: 10 });
  assert.deepEqual(
    await board.top(0, 3),
    {
      total: 5,
      entries: [
        { rank: 1, player: 'alice', score: 300 },
        { rank: 2, player: 'carol', score: 200 },
        { rank: 3, player: 'bob', score: 120 },
      ],
    },
    'top(0, 3): the three best, highest score first, ranks 1 to 3 (ZRANGE … REV, stop is included).',
  );
  assert.deepEqual(
    await board.top(3, 3),
    {
      total: 5,
      entries: [
        { rank: 4, player: 'dave', score: 50 },
        { rank: 5, player: 'erin', score: 10 },
      ],
    },
    'top(3, 3): the last two, with ranks 4 and 5.',
  );
  assert.deepEqual(await board.top(5, 3), { total: 5, entries: [] }, 'A page past the end is empty.');
});

test('standing gives the 1-based rank and up to two neighbours on each side', async () => {
  const { board } = await setup({ p1: 600, p2: 500, p3: 400, p4: 300, p5: 200, p6: 100 });
  const p3 = await board.standing('p3');
  assert.equal(p3?.rank, 3, 'p3 has the third best score: rank 3 (ZREVRANK + 1).');
  assert.equal(p3.score, 400);
  assert.deepEqual(
    p3.around.map((e) => e.rank),
    [1, 2, 3, 4, 5],
  );
  const p1 = await board.standing('p1');
  assert.deepEqual(
    p1?.around,
    [
      { rank: 1, player: 'p1', score: 600 },
      { rank: 2, player: 'p2', score: 500 },
      { rank: 3, player: 'p3', score: 400 },
    ],
    'At the top there is nobody above: around starts at position 0, never at a negative one.',
  );
  assert.equal(await board.standing('nobody'), null, 'A player who is not on the board has no standing (null).');
});
