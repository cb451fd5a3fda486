"""The /books routes, with the books kept in memory (a fresh start of the program has none).

A book looks like {"id": 1, "title": "...", "author": "...", "year": 2017}; "year" is optional.
The id is a whole number the server picks.
"""

from itertools import count
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response

router = APIRouter(prefix="/books")

books: dict[int, dict[str, Any]] = {}  # id -> book, in the order they were created
ids = count(1)  # next(ids) gives 1, then 2, 3, ...: an id is never handed out twice


@router.get("")
async def list_books() -> list[dict[str, Any]]:
    return list(books.values())


@router.get("/{book_id}")
async def get_book(book_id: str) -> dict[str, Any]:
    return find(book_id)


@router.post("", status_code=201)
async def create_book(request: Request, response: Response) -> dict[str, Any]:
    body = await read_json(request)
    check(body)
    book = to_book(next(ids), body)
    books[book["id"]] = book
    response.headers["Location"] = f"{router.prefix}/{book['id']}"  # router.prefix is "/books"
    return book


@router.put("/{book_id}")
async def replace_book(book_id: str, request: Request) -> dict[str, Any]:
    existing = find(book_id)
    body = await read_json(request)
    check(body)
    # A replacement, not a merge: a field the body leaves out (year) is gone afterwards.
    book = to_book(existing["id"], body)
    books[book["id"]] = book
    return book


@router.delete("/{book_id}")
async def delete_book(book_id: str) -> Response:
    book = find(book_id)
    del books[book["id"]]
    return Response(status_code=204)  # No Content: no body, and so no content type either


def find(book_id: str) -> dict[str, Any]:
    """The book with that id, or a 404. An id that is not a number ("abc") names no book either."""
    try:
        return books[int(book_id)]
    except (ValueError, KeyError):
        raise HTTPException(404, f"Book {book_id} not found") from None


def check(body: Any) -> None:
    error = validate_book(body)
    if error is not None:
        raise HTTPException(400, error)


def to_book(book_id: int, body: dict[str, Any]) -> dict[str, Any]:
    """The stored book: the fields a book has, and nothing else the client may have sent (an id...)."""
    book = {"id": book_id, "title": body["title"], "author": body["author"]}
    if "year" in body:
        book["year"] = body["year"]
    return book


def validate_book(body: Any) -> str | None:
    """An error message naming the first bad field, or None when `body` is a valid book.

    Rules: title and author are non-empty strings; year is optional, and a whole number when present.
    `body` is whatever the client sent: usually a dict, but it may be a list, a string, a number,
    or None (no body at all).
    """
    if not isinstance(body, dict):
        return 'The body must be a JSON object with "title" and "author"'
    for field in ("title", "author"):
        value = body.get(field)
        if not isinstance(value, str) or not value.strip():
            return f'"{field}" is required and must be a non-empty string'
    # bool is a subclass of int in Python (True == 1), so rule it out by name.
    if "year" in body and (not isinstance(body["year"], int) or isinstance(body["year"], bool)):
        return '"year" must be a whole number when present'
    return None


async def read_json(request: Request) -> Any:
    """The request body parsed from JSON, or None when the request has no body.

    The routes read the body themselves instead of declaring a Pydantic model parameter: for a model,
    FastAPI would check the body before your code runs, and with rules of its own (it turns "1999"
    into 1999, for one). Here validate_book decides, and says which field is wrong.
    """
    if not await request.body():
        return None
    try:
        return await request.json()
    except ValueError as e:  # not JSON (json.JSONDecodeError), or not even UTF-8 text
        raise HTTPException(400, f"The body is not valid JSON: {e}") from None
