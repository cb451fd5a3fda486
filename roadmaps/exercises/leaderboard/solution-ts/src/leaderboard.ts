// A leaderboard on one Redis sorted set: each member is a player's name, its score the player's best.
//   redis: a connected node-redis client (createClient(...).connect()), or anything with these commands
//   key:   the sorted set's key, REDIS_KEY_PREFIX + "leaderboard"
// Ranks start at 1 (the best score). Equal scores are listed in the order Redis gives them in a
// descending range: the name that sorts later comes first.

/** The Redis commands a leaderboard may need. A node-redis client has them (and many more). */
export interface LeaderboardRedis {
  zAdd(key: string, member: { score: number; value: string }, options?: { comparison?: 'GT' | 'LT' }): Promise<number>;
  zIncrBy(key: string, increment: number, member: string): Promise<number>;
  zScore(key: string, member: string): Promise<number | null>;
  zCard(key: string): Promise<number>;
  zRevRank(key: string, member: string): Promise<number | null>;
  zRangeWithScores(key: string, start: number, stop: number, options?: { REV?: boolean }): Promise<{ value: string; score: number }[]>;
}

export interface Entry {
  rank: number;
  player: string;
  score: number;
}

export interface Page {
  total: number;
  entries: Entry[];
}

export interface Standing {
  player: string;
  score: number;
  rank: number;
  around: Entry[];
}

export interface Leaderboard {
  submitScore(player: string, score: number): Promise<{ player: string; best: number }>;
  top(offset: number, limit: number): Promise<Page>;
  standing(player: string): Promise<Standing | null>;
}

/** How many ranks above and below a player `around` reaches. */
const AROUND = 2;

export function createLeaderboard({ redis, key }: { redis: LeaderboardRedis; key: string }): Leaderboard {
  async function submitScore(player: string, score: number) {
    // GT: a new member is added; an existing one only ever moves up.
    await redis.zAdd(key, { score, value: player }, { comparison: 'GT' });
    const best = await redis.zScore(key, player);
    return { player, best: best ?? score };
  }

  // Positions start..stop (both included, 0 = the best) as entries with 1-based ranks.
  async function range(start: number, stop: number): Promise<Entry[]> {
    const members = await redis.zRangeWithScores(key, start, stop, { REV: true });
    return members.map((m, i) => ({ rank: start + i + 1, player: m.value, score: m.score }));
  }

  async function top(offset: number, limit: number): Promise<Page> {
    const total = await redis.zCard(key);
    const entries = offset < total ? await range(offset, offset + limit - 1) : [];
    return { total, entries };
  }

  async function standing(player: string): Promise<Standing | null> {
    const position = await redis.zRevRank(key, player);
    if (position === null) return null;
    const score = await redis.zScore(key, player);
    if (score === null) return null; // removed between the two commands
    const around = await range(Math.max(0, position - AROUND), position + AROUND);
    return { player, score, rank: position + 1, around };
  }

  return { submitScore, top, standing };
}
