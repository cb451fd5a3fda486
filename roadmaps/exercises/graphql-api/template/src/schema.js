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

// Resolvers: (parent, args, context) → value. A field without one returns parent[fieldName].
const resolvers = {
  Query: {
    books: (_parent, _args, { db }) => db.listBooks(),
    // TODO 3: find the book with db.findBook(id); it resolves to null for an unknown id.
    book: (_parent, { id }, { db }) => null,
    author: (_parent, { id }, { loaders }) => loaders.author.load(id),
  },
  Book: {
    // TODO 4: this runs once per book, so a list of N books makes N author queries (N+1).
    //         Use the per-request loader instead: loaders.author.load(book.authorId).
    author: (book, _args, { db }) => db.findAuthor(book.authorId),
  },
  // TODO 1 (continued): Author: { books: ... } with db.listBooksByAuthor(author.id).
  // TODO 5: Mutation: { addBook } that checks the input before db.insertBook({ title, authorId, year }):
  //   title trimmed, 1 to 200 characters; year (when given) between 0 and this year; the author
  //   exists. For bad input, call badInput(field, message). The error lands in the response's `errors`.
};

/** A GraphQL error the client can act on: it lands in the response's `errors`, with a code and the field. */
function badInput(field, message) {
  throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field } });
}

/** Per-request context: the data source, and loaders whose cache lives as long as one request. */
function createContext({ db }) {
  return {
    db,
    loaders: { author: createLoader((ids) => db.findAuthorsByIds(ids)) },
  };
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
