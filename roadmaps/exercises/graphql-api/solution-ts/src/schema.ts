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
    book: (_parent: unknown, { id }: { id: string }, { db }: Context) => db.findBook(id),
    author: (_parent: unknown, { id }: { id: string }, { loaders }: Context) => loaders.author.load(id),
  },
  Book: {
    // Called once per book: through the loader, a list of books costs one author query, not N.
    author: (book: BookRow, _args: unknown, { loaders }: Context) => loaders.author.load(book.authorId),
  },
  Author: {
    books: (author: AuthorRow, _args: unknown, { db }: Context) => db.listBooksByAuthor(author.id),
  },
  Mutation: {
    addBook: async (_parent: unknown, { input }: { input: AddBookInput }, { db, loaders }: Context) => {
      const title = input.title.trim();
      if (title === '' || title.length > 200) badInput('title', 'title must be 1 to 200 characters');
      const thisYear = new Date().getFullYear();
      if (input.year != null && (input.year < 0 || input.year > thisYear)) {
        badInput('year', `year must be between 0 and ${thisYear}`);
      }
      if (!(await loaders.author.load(input.authorId))) {
        badInput('authorId', `no author with authorId "${input.authorId}"`);
      }
      return db.insertBook({ title, authorId: input.authorId, year: input.year ?? null });
    },
  },
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
