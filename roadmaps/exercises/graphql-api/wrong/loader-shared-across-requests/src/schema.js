const { buildSchema, GraphQLError, GraphQLObjectType } = require('graphql');
const { createLoader } = require('./loader');

const typeDefs = /* GraphQL */ `
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

// Resolvers: (parent, args, context) → value. A field without one returns parent[fieldName].
const resolvers = {
  Query: {
    books: (_parent, _args, { db }) => db.listBooks(),
    book: (_parent, { id }, { db }) => db.findBook(id),
    author: (_parent, { id }, { loaders }) => loaders.author.load(id),
  },
  Book: {
    // Called once per book: through the loader, a list of books costs one author query, not N.
    author: (book, _args, { loaders }) => loaders.author.load(book.authorId),
  },
  Author: {
    books: (author, _args, { db }) => db.listBooksByAuthor(author.id),
  },
  Mutation: {
    addBook: async (_parent, { input }, { db, loaders }) => {
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
function badInput(field, message) {
  throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/** Per-request context: the data source, and loaders whose cache lives as long as one request. */
// WRONG: one loader per database, made once and kept: its cache outlives the request, so a later
// request gets stale authors (and another user's data), and the cache grows forever.
const sharedLoaders = new WeakMap();
function createContext({ db }) {
  if (!sharedLoaders.has(db)) sharedLoaders.set(db, { author: createLoader((ids) => db.findAuthorsByIds(ids)) });
  return { db, loaders: sharedLoaders.get(db) };
}

/**
 * buildSchema() gives types without resolvers; this puts each resolver on its field, the way
 * Apollo Server and GraphQL Yoga do with a resolver map. A resolver for a field that is not in the
 * SDL is an error, so a typo cannot pass silently.
 */
function attachResolvers(schema, resolverMap) {
  for (const [typeName, fieldResolvers] of Object.entries(resolverMap)) {
    const type = schema.getType(typeName);
    if (!(type instanceof GraphQLObjectType)) {
      throw new Error(`resolvers.${typeName}: the schema has no object type "${typeName}"; add it to typeDefs`);
    }
    const fields = type.getFields();
    for (const [fieldName, resolve] of Object.entries(fieldResolvers)) {
      if (!fields[fieldName]) {
        throw new Error(`resolvers.${typeName}.${fieldName}: "${typeName}" has no field "${fieldName}" in typeDefs`);
      }
      fields[fieldName].resolve = resolve;
    }
  }
  return schema;
}

const schema = attachResolvers(buildSchema(typeDefs), resolvers);

module.exports = { schema, typeDefs, resolvers, createContext };
