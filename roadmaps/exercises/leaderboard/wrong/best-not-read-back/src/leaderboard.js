// A leaderboard on one Redis sorted set: each member is a player's name, its score the player's best.
//   redis: a connected node-redis client (createClient(...).connect())
//   key:   the sorted set's key, REDIS_KEY_PREFIX + "leaderboard"
// Ranks start at 1 (the best score). Equal scores are listed in the order Redis gives them in a
// descending range: the name that sorts later comes first.
const AROUND = 2;

function createLeaderboard({ redis, key }) {
  // Records a score and answers { player, best }: the player's best score so far.
  async function submitScore(player, score) {
    // GT: a new member is added; an existing one only ever moves up.
    await redis.zAdd(key, { score, value: player }, { comparison: 'GT' });
    return { player, best: score }; // WRONG: answers the submitted score, which may not be the best
  }

  // Positions start..stop (both included, 0 = the best) as entries with 1-based ranks.
  async function range(start, stop) {
    const members = await redis.zRangeWithScores(key, start, stop, { REV: true });
    return members.map((m, i) => ({ rank: start + i + 1, player: m.value, score: m.score }));
  }

  // One page of the board, best first: { total, entries: [{ rank, player, score }, …] }.
  async function top(offset, limit) {
    const total = await redis.zCard(key);
    const entries = offset < total ? await range(offset, offset + limit - 1) : [];
    return { total, entries };
  }

  // The player's standing, or null when they are not on the board.
  async function standing(player) {
    const position = await redis.zRevRank(key, player);
    if (position === null) return null;
    const score = await redis.zScore(key, player);
    const around = await range(Math.max(0, position - AROUND), position + AROUND);
    return { player, score, rank: position + 1, around };
  }

  return { submitScore, top, standing };
}

module.exports = { createLeaderboard };
