// A leaderboard on one Redis sorted set: each member is a player's name, its score the player's best.
//   redis: a connected node-redis client (createClient(...).connect())
//   key:   the sorted set's key, REDIS_KEY_PREFIX + "leaderboard"
// Ranks start at 1 (the best score). Equal scores are listed in the order Redis gives them in a
// descending range: the name that sorts later comes first.
function createLeaderboard({ redis, key }) {
  // Records a score and answers { player, best }: the player's best score so far.
  async function submitScore(player, score) {
    // TODO: add the player to the sorted set, but only ever raise the score, never lower it:
    //   ZADD key GT score player (new players are added; a lower score leaves the best alone).
    //   Then read the stored score back (ZSCORE) and answer it as best.
    return { player, best: score };
  }

  // One page of the board, best first: { total, entries: [{ rank, player, score }, …] }.
  // offset counts entries skipped (0 for the first page); limit is how many to answer at most.
  async function top(offset, limit) {
    // TODO: total is the number of players (ZCARD).
    //   entries: ZRANGE key start stop REV WITHSCORES, where start and stop are positions counted
    //   from the best (0) and stop is included. Each entry's rank is its position + 1.
    //   A page past the end is simply empty.
    return { total: 0, entries: [] };
  }

  // The player's standing, or null when they are not on the board:
  // { player, score, rank, around: [{ rank, player, score }, …] }, where around holds the entries
  // from two ranks above the player to two ranks below (the player included), fewer at either end.
  async function standing(player) {
    // TODO: ZREVRANK gives the player's position from the best (0), or null when absent.
    //   ZSCORE gives the score. around: the positions from position - 2 to position + 2, but never
    //   from below 0 (a negative start counts from the end of the set in Redis).
    return null;
  }

  return { submitScore, top, standing };
}

module.exports = { createLeaderboard };
