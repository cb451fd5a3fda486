"""The /books routes, with the books kept in memory (a fresh start of the program has none).

A book looks like {"id": 1, "title": "...", "author": "...", "year": 2017}; "year" is optional.
The id is a whole number the server picks.
"""

from itertools import count
from typing import Any, NoReturn

from fastapi import APIRouter, HTTPException, Request

router = APIRouter(prefix="/books")

books: dict[int, dict[str, Any]] = {}  # id -> book, in the order they were created
ids = count(1)  # next(ids) gives 1, then 2, 3, ...: an id is never handed out twice


# Done, as an example: GET /books lists every book. FastAPI turns the list into a JSON answer.
@router.get("")
async def list_books() -> list[dict[str, Any]]:
    return list(books.values())


# TODO: GET /books/{book_id} answers 200 with the book, or 404 {"error": "Book 7 not found"} when
#       there is no such id: raise HTTPException(404, ...) and main.py turns it into that JSON.
#       book_id is the text from the URL ("7", or "abc"); the keys of `books` are ints.
@router.get("/{book_id}")
async def get_book(book_id: str):
    not_implemented("GET /books/{book_id}")


# TODO: POST /books reads the body with `await read_json(request)`, checks it with validate_book
#       (below) and answers 400 {"error": ...} when it is invalid; otherwise it stores the book and
#       answers 201 with the book and a Location header pointing at it (/books/<id>).
@router.post("")
async def create_book(request: Request):
    not_implemented("POST /books")


# TODO: PUT /books/{book_id} replaces the whole book: 404 for an unknown id, 400 for an invalid
#       body (read and validated like POST), else 200 with the new book. The id comes from the
#       URL, never from the body.
@router.put("/{book_id}")
async def replace_book(book_id: str, request: Request):
    not_implemented("PUT /books/{book_id}")


# TODO: DELETE /books/{book_id} removes the book and answers 204 with no body; 404 for an unknown id.
@router.delete("/{book_id}")
async def delete_book(book_id: str):
    not_implemented("DELETE /books/{book_id}")


def validate_book(body: Any) -> str | None:
    """An error message naming the first bad field, or None when `body` is a valid book.

    Rules: title and author are non-empty strings; year is optional, and a whole number when present.
    `body` is whatever the client sent: usually a dict, but it may be a list, a string, a number,
    or None (no body at all).
    """
    # TODO
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


def not_implemented(route: str) -> NoReturn:
    """Placeholder for the routes still to write; remove it when you are done."""
    raise HTTPException(501, f"{route} is not implemented yet: see the TODO in books.py")
