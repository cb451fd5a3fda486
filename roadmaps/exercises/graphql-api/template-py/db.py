"""A pretend database (done for you): async like a real one, with a `stats` counter of the queries it
ran, so an N+1 problem shows. Each Db() starts from the same sample data.

Rows are plain dicts. A book row has `author_id`, not an `author`: resolving the author is the
schema's job.
"""

import asyncio
from dataclasses import dataclass


@dataclass
class Stats:
    book_queries: int = 0
    # Calls to find_authors_by_ids, and the ids they asked for in all: GET /stats shows both.
    author_queries: int = 0
    author_ids_requested: int = 0


class Db:
    def __init__(self) -> None:
        self.stats = Stats()
        self._authors = {
            a["id"]: a
            for a in [
                {"id": "1", "name": "Ursula K. Le Guin"},
                {"id": "2", "name": "Octavia E. Butler"},
                {"id": "3", "name": "Terry Pratchett"},
            ]
        }
        self._books = [
            {"id": "1", "title": "A Wizard of Earthsea", "year": 1968, "author_id": "1"},
            {"id": "2", "title": "The Left Hand of Darkness", "year": 1969, "author_id": "1"},
            {"id": "3", "title": "Kindred", "year": 1979, "author_id": "2"},
            {"id": "4", "title": "Parable of the Sower", "year": 1993, "author_id": "2"},
            {"id": "5", "title": "Guards! Guards!", "year": 1989, "author_id": "3"},
        ]

    async def list_books(self) -> list[dict]:
        await asyncio.sleep(0)  # a real database answers later, not at once
        self.stats.book_queries += 1
        return [dict(b) for b in self._books]

    async def find_book(self, book_id: str) -> dict | None:
        await asyncio.sleep(0)
        self.stats.book_queries += 1
        return next((dict(b) for b in self._books if b["id"] == str(book_id)), None)

    async def list_books_by_author(self, author_id: str) -> list[dict]:
        await asyncio.sleep(0)
        self.stats.book_queries += 1
        return [dict(b) for b in self._books if b["author_id"] == str(author_id)]

    async def find_authors_by_ids(self, ids: list[str]) -> list[dict | None]:
        """One query for many ids, like `SELECT ... WHERE id = ANY(%s)`. The results follow the order
        of `ids`, with None for an id that has no author."""
        await asyncio.sleep(0)
        self.stats.author_queries += 1
        self.stats.author_ids_requested += len(ids)
        return [dict(self._authors[str(i)]) if str(i) in self._authors else None for i in ids]

    async def find_author(self, author_id: str) -> dict | None:
        """One query for one id. Called once per book, this is the N+1 problem."""
        [author] = await self.find_authors_by_ids([author_id])
        return author

    async def insert_book(self, title: str, author_id: str, year: int | None = None) -> dict:
        await asyncio.sleep(0)
        self.stats.book_queries += 1
        book = {"id": str(len(self._books) + 1), "title": title, "year": year, "author_id": str(author_id)}
        self._books.append(book)
        return dict(book)
