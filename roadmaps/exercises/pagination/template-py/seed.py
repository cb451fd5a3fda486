"""The in-memory "table" (done for you): 50 articles, the same in every language version of this
exercise, since the check compares whole pages.

Several articles share a createdAt, and ids are not in date order, so a correct sort needs both
keys. createdAt is an ISO 8601 string in UTC ("2025-01-23T00:00:00.000Z"); strings of that one
format sort in time order.
"""

from datetime import datetime, timedelta, timezone
from typing import Any

TAGS = ["node", "sql", "redis", "http", "testing"]
SUBJECTS = ["Event loop", "Indexes", "Caching", "Status codes", "Mocks", "Streams", "Joins", "TTL", "Headers", "Fixtures"]


def create_articles(count: int = 50) -> list[dict[str, Any]]:
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    articles = []
    for article_id in range(1, count + 1):
        day = (article_id * 7) % 23  # ids 1, 24 and 47 land on the same day, and so on
        tags = [TAGS[article_id % len(TAGS)]]
        if article_id % 4 == 0:
            tags.append(TAGS[(article_id + 2) % len(TAGS)])
        articles.append(
            {
                "id": article_id,
                "title": f"{SUBJECTS[article_id % len(SUBJECTS)]}, part {-(-article_id // len(SUBJECTS))}",
                "createdAt": (start + timedelta(days=day)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "tags": tags,
            }
        )
    return articles
