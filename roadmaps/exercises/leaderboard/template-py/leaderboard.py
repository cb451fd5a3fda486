"""A leaderboard on one Redis sorted set: each member is a player's name, its score the player's best.

    client: a redis-py client made with decode_responses=True (see main.py)
    key:    the sorted set's key, REDIS_KEY_PREFIX + "leaderboard"

Ranks start at 1 (the best score). Equal scores are listed in the order Redis gives them in a
descending range: the name that sorts later comes first. Entries are dicts
{"rank": 1, "player": "alice", "score": 300}, scores whole numbers (int, not float).
"""

from typing import Any

import redis


class Leaderboard:
    def __init__(self, client: redis.Redis, key: str) -> None:
        self.client = client
        self.key = key

    def submit_score(self, player: str, score: int) -> dict[str, Any]:
        """Records a score and answers {"player": ..., "best": ...}: the player's best score so far."""
        # TODO: add the player to the sorted set, but only ever raise the score, never lower it:
        #   ZADD key GT score player (new players are added; a lower score leaves the best alone).
        #   Then read the stored score back (ZSCORE) and answer it as best.
        return {"player": player, "best": score}

    def top(self, offset: int, limit: int) -> dict[str, Any]:
        """One page of the board, best first: {"total": n, "entries": [entry, ...]}.

        offset counts entries skipped (0 for the first page); limit is how many to answer at most.
        """
        # TODO: total is the number of players (ZCARD).
        #   entries: ZRANGE key start stop REV WITHSCORES (zrevrange), where start and stop are
        #   positions counted from the best (0) and stop is included. Each entry's rank is its
        #   position + 1. A page past the end is simply empty.
        return {"total": 0, "entries": []}

    def standing(self, player: str) -> dict[str, Any] | None:
        """The player's standing, or None when they are not on the board.

        {"player", "score", "rank", "around": [entry, ...]}, where around holds the entries from two
        ranks above the player to two ranks below (the player included), fewer at either end.
        """
        # TODO: ZREVRANK gives the player's position from the best (0), or None when absent.
        #   ZSCORE gives the score. around: the positions from position - 2 to position + 2, but
        #   never from below 0 (a negative start counts from the end of the set in Redis).
        return None
