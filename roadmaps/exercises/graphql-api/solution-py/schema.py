"""The GraphQL schema: the types in SDL (the schema language), and a resolver for each field that
needs one. main.py (done for you) runs it for every POST /graphql."""

from datetime import date

from graphql import GraphQLError, GraphQLObjectType, build_schema

from loader import Loader

TYPE_DEFS = """
  type Book {
    id: ID!
    title: String!
    year: Int
    author: Author!
  }

  type Author {
    id: ID!
    name: String!
    books: [Book!]!
  }

  input AddBookInput {
    title: String!
    authorId: ID!
    year: Int
  }

  type Query {
    books: [Book!]!
    book(id: ID!): Book
    author(id: ID!): Author
  }

  type Mutation {
    addBook(input: AddBookInput!): Book!
  }
"""

# A resolver is resolve(parent, info, **args) -> value, or an awaitable of one; info.context is the
# per-request context from create_context. A field without a resolver returns parent[field_name].


def resolve_books(_parent, info):
    return info.context["db"].list_books()


def resolve_book(_parent, info, id):
    return info.context["db"].find_book(id)


def resolve_author(_parent, info, id):
    return info.context["loaders"]["author"].load(id)


def resolve_book_author(book, info):
    # Called once per book: through the loader, a whole list of books costs one author query, not N.
    return info.context["loaders"]["author"].load(book["author_id"])


def resolve_author_books(author, info):
    return info.context["db"].list_books_by_author(author["id"])


async def resolve_add_book(_parent, info, input):
    title = input["title"].strip()
    if not 1 <= len(title) <= 200:
        bad_input("title", "title must be 1 to 200 characters")
    year = input.get("year")
    this_year = date.today().year
    if year is not None and not 0 <= year <= this_year:
        bad_input("year", f"year must be between 0 and {this_year}")
    if await info.context["loaders"]["author"].load(input["authorId"]) is None:
        bad_input("authorId", f'no author with authorId "{input["authorId"]}"')
    return await info.context["db"].insert_book(title, input["authorId"], year)


RESOLVERS = {
    "Query": {
        "books": resolve_books,
        "book": resolve_book,
        "author": resolve_author,
    },
    "Book": {
        "author": resolve_book_author,
    },
    "Author": {
        "books": resolve_author_books,
    },
    "Mutation": {
        "addBook": resolve_add_book,
    },
}


def bad_input(field: str, message: str):
    """A GraphQL error the client can act on: it lands in the response's `errors`, with a code and the field."""
    raise GraphQLError(message, extensions={"code": "BAD_USER_INPUT", "field": field})


def create_context(db) -> dict:
    """Per-request context: the data source, and loaders whose cache lives as long as one request."""
    return {
        "db": db,
        "loaders": {"author": Loader(db.find_authors_by_ids)},
    }


def attach_resolvers(schema, resolver_map):
    """build_schema() gives types without resolvers; this puts each resolver on its field, the way
    Ariadne and Apollo Server do with a resolver map. A resolver for a field that is not in the SDL is
    an error, so a typo cannot pass silently."""
    for type_name, field_resolvers in resolver_map.items():
        type_ = schema.get_type(type_name)
        if not isinstance(type_, GraphQLObjectType):
            raise ValueError(f'RESOLVERS["{type_name}"]: the schema has no object type "{type_name}"; add it to TYPE_DEFS')
        for field_name, resolve in field_resolvers.items():
            if field_name not in type_.fields:
                raise ValueError(f'RESOLVERS["{type_name}"]["{field_name}"]: "{type_name}" has no field "{field_name}" in TYPE_DEFS')
            type_.fields[field_name].resolve = resolve
    return schema


schema = attach_resolvers(build_schema(TYPE_DEFS), RESOLVERS)
