import { buildSchema, GraphQLError, GraphQLObjectType } from 'graphql';
import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import { createLoader } from './loader';
import type { Loader } from './loader';
import type { AuthorRow, BookRow, Db } from './db';

export const typeDefs = /* GraphQL */ `
  type Book {
    id: ID!
    title: String!
    year: Int
    author: Author!
  }

  type Author {
    id: ID!
    name: String!
    # TODO 1: add books: [Book!]! (and its resolver below: Author.books)
  }

  type Query {
    books: [Book!]!
    book(id: ID!): Book
    author(id: ID!): Author
  }

  # TODO 2: add an input type and a mutation:
  #   input AddBookInput { title: String!, authorId: ID!, year: Int }   (one field per line)
  #   type Mutation { addBook(input: AddBookInput!): Book! }
`;

/** What every resolver gets as its third argument: made fresh for each request by createContext(). */
export type Context = {
  db: Db;
  loaders: { author: Loader<string, AuthorRow | null> };
};

/** The arguments of addBook, as the SDL's AddBookInput describes them (GraphQL has checked the types). */
interface AddBookInput {
  title: string;
  authorId: string;
  year?: number | null;
}

/** A resolver map: type name → field name → resolver. Each resolver declares its own parent and args. */
type ResolverMap = Record<string, Record<string, GraphQLFieldResolver<never, Context, never>>>;

// Resolvers: (parent, args, context) → value. A field without one returns parent[fieldName].
export const resolvers: ResolverMap = {
  Query: {
    books: (_parent: unknown, _args: unknown, { db }: Context) => db.listBooks(),
    // TODO 3: find the book with db.findBook(id); it resolves to null for an unknown id.
    book: (_parent: unknown, { id }: { id: string }, { db }: Context) => null,
    author: (_parent: unknown, { id }: { id: string }, { loaders }: Context) => loaders.author.load(id),
  },
  Book: {
    // TODO 4: this runs once per book, so a list of N books makes N author queries (N+1).
    //         Use the per-request loader instead: loaders.author.load(book.authorId).
    author: (book: BookRow, _args: unknown, { db }: Context) => db.findAuthor(book.authorId),
  },
  // TODO 1 (continued): Author: { books: ... } with db.listBooksByAuthor(author.id).
  // TODO 5: Mutation: { addBook } that checks the input before db.insertBook({ title, authorId, year }):
  //   title trimmed, 1 to 200 characters; year (when given) between 0 and this year; the author
  //   exists. For bad input, call badInput(field, message). The error lands in the response's `errors`.
  //   Its arguments are { input: AddBookInput }.
};

/** A GraphQL error the client can act on: it lands in the response's `errors`, with a code and the field. */
function badInput(field: string, message: string): never {
  throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/** Per-request context: the data source, and loaders whose cache lives as long as one request. */
export function createContext({ db }: { db: Db }): Context {
  return {
    db,
    loaders: { author: createLoader((ids: string[]) => db.findAuthorsByIds(ids)) },
  };
}

/**
 * buildSchema() gives types without resolvers; this puts each resolver on its field, the way
 * Apollo Server and GraphQL Yoga do with a resolver map. A resolver for a field that is not in the
 * SDL is an error, so a typo cannot pass silently.
 */
function attachResolvers(schema: GraphQLSchema, resolverMap: ResolverMap): GraphQLSchema {
  for (const [typeName, fieldResolvers] of Object.entries(resolverMap)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) {
      throw new Error(`resolvers.${typeName}: the schema has no object type "${typeName}"; add it to typeDefs`);
    }
    const fields = type.getFields();
    for (const [fieldName, resolve] of Object.entries(fieldResolvers)) {
      const field = fields[fieldName];
      if (!field) {
        throw new Error(`resolvers.${typeName}.${fieldName}: "${typeName}" has no field "${fieldName}" in typeDefs`);
      }
      field.resolve = resolve as GraphQLFieldResolver<unknown, Context>;
    }
  }
  return schema;
}

export const schema = attachResolvers(buildSchema(typeDefs), resolvers);
