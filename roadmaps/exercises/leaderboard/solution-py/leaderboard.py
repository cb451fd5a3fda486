"""A leaderboard on one Redis sorted set: each member is a player's name, its score the player's best.

    client: a redis-py client made with decode_responses=True (see main.py)
    key:    the sorted set's key, REDIS_KEY_PREFIX + "leaderboard"

Ranks start at 1 (the best score). Equal scores are listed in the order Redis gives them in a
descending range: the name that sorts later comes first. Entries are dicts
{"rank": 1, "player": "alice", "score": 300}, scores whole numbers (int, not float).
"""

from typing import Any

import redis

AROUND = 2  # how many ranks above and below a player "around" reaches


class Leaderboard:
    def __init__(self, client: redis.Redis, key: str) -> None:
        self.client = client
        self.key = key

    def submit_score(self, player: str, score: int) -> dict[str, Any]:
        # gt=True: a new member is added, an existing one only ever moves up, and the comparison
        # happens inside Redis, so two requests for one player cannot undo each other.
        self.client.zadd(self.key, {player: score}, gt=True)
        best = self.client.zscore(self.key, player)
        return {"player": player, "best": int(best if best is not None else score)}

    def _range(self, start: int, stop: int) -> list[dict[str, Any]]:
        """Positions start..stop (both included, 0 = the best) as entries with 1-based ranks."""
        members = self.client.zrevrange(self.key, start, stop, withscores=True)
        return [
            {"rank": start + i + 1, "player": member, "score": int(score)}
            for i, (member, score) in enumerate(members)
        ]

    def top(self, offset: int, limit: int) -> dict[str, Any]:
        total = self.client.zcard(self.key)
        entries = self._range(offset, offset + limit - 1) if offset < total else []
        return {"total": total, "entries": entries}

    def standing(self, player: str) -> dict[str, Any] | None:
        position = self.client.zrevrank(self.key, player)
        if position is None:
            return None
        score = self.client.zscore(self.key, player)
        if score is None:  # removed between the two commands
            return None
        around = self._range(max(0, position - AROUND), position + AROUND)
        return {"player": player, "score": int(score), "rank": position + 1, "around": around}
