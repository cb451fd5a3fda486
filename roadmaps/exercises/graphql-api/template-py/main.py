"""The app (done for you): the GraphQL endpoint and GET /stats, on FastAPI.

Run it with `python main.py`: it listens on the port in the PORT environment variable (8000 if
unset), on 127.0.0.1 unless HOST says otherwise.
"""

import os

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from graphql import GraphQLError, execute, parse, validate
from graphql.pyutils import is_awaitable

import schema
from db import Db

app = FastAPI(title="Books GraphQL API")
db = Db()  # the program's one database; the loaders are per request (see schema.create_context)


@app.post("/graphql")
async def graphql_endpoint(request: Request) -> JSONResponse:
    try:
        body = await request.json()
    except ValueError:
        return bad_request('The body must be JSON: {"query": "...", "variables": {...}}')
    if not isinstance(body, dict) or not isinstance(body.get("query"), str):
        return bad_request('The body must be a JSON object with a "query" string')
    variables = body.get("variables")
    if variables is not None and not isinstance(variables, dict):
        return bad_request('"variables" must be a JSON object')

    # A request that cannot run (a syntax error, a field the schema does not have) answers 400.
    try:
        document = parse(body["query"])
    except GraphQLError as error:
        return JSONResponse({"errors": [error.formatted]}, status_code=400)
    errors = validate(schema.schema, document)
    if errors:
        return JSONResponse({"errors": [e.formatted for e in errors]}, status_code=400)

    # It runs: 200, with `data`, and `errors` when a resolver raised. A fresh context per request.
    result = execute(
        schema.schema,
        document,
        variable_values=variables,
        operation_name=body.get("operationName"),
        context_value=schema.create_context(db),
    )
    if is_awaitable(result):
        result = await result
    return JSONResponse(result.formatted)


@app.get("/stats")
async def stats() -> dict:
    """What the data source counted itself: how often the author source was called, for how many ids."""
    return {"authorQueries": db.stats.author_queries, "authorIdsRequested": db.stats.author_ids_requested}


def bad_request(message: str) -> JSONResponse:
    return JSONResponse({"errors": [{"message": message}]}, status_code=400)


if __name__ == "__main__":
    uvicorn.run(
        app,
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8000")),
    )
