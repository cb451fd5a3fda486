const { test } = require('node:test');
const assert = require('node:assert/strict');
const { graphql } = require('graphql');
const { schema, createContext } = require('../src/schema');
const { createDb } = require('../src/db');

/** Runs one operation the way a server does for one request: a fresh context with fresh loaders. */
async function run(db, source, variableValues) {
  return graphql({ schema, source, variableValues, contextValue: createContext({ db }) });
}

/** Runs an operation that must succeed, and explains GraphQL's errors when it does not. */
async function ok(db, source, variableValues) {
  const result = await run(db, source, variableValues);
  if (result.errors) assert.fail(`GraphQL answered with errors: ${JSON.stringify(result.errors.map((e) => e.message))}`);
  return JSON.parse(JSON.stringify(result.data)); // plain objects, for deepEqual
}

test('books lists every book with its scalar fields', async () => {
  const data = await ok(createDb(), '{ books { id title year } }');
  assert.equal(data.books.length, 5);
  assert.deepEqual(data.books[2], { id: '3', title: 'Kindred', year: 1979 });
});

test('nested fields: each book has its author', async () => {
  const data = await ok(createDb(), '{ books { title author { id name } } }');
  const byTitle = Object.fromEntries(data.books.map((b) => [b.title, b.author]));
  assert.deepEqual(byTitle['Kindred'], { id: '2', name: 'Octavia E. Butler' });
  assert.deepEqual(byTitle['Guards! Guards!'], { id: '3', name: 'Terry Pratchett' });
});

test('book(id) finds one book, and an author lists their books (Author.books)', async () => {
  const data = await ok(createDb(), '{ book(id: "3") { title author { name books { title } } } }');
  assert.ok(data.book, 'book(id: "3") returned null: resolve Query.book with db.findBook(id)');
  assert.equal(data.book.title, 'Kindred');
  assert.equal(data.book.author.name, 'Octavia E. Butler');
  assert.deepEqual(
    data.book.author.books.map((b) => b.title),
    ['Kindred', 'Parable of the Sower'],
  );
});

test('book(id) with an unknown id answers null, without an error', async () => {
  const data = await ok(createDb(), '{ book(id: "999") { title } }');
  assert.equal(data.book, null);
});

test('author(id) with books, and null for an unknown author', async () => {
  const data = await ok(createDb(), '{ a: author(id: "1") { name books { year } } none: author(id: "42") { name } }');
  assert.equal(data.a.name, 'Ursula K. Le Guin');
  assert.deepEqual(data.a.books.map((b) => b.year), [1968, 1969]);
  assert.equal(data.none, null);
});

const ADD_BOOK = `
  mutation AddBook($input: AddBookInput!) {
    addBook(input: $input) { id title year author { name } }
  }
`;

test('addBook returns the new book, and books lists it afterwards', async () => {
  const db = createDb();
  const data = await ok(db, ADD_BOOK, { input: { title: '  Small Gods ', authorId: '3', year: 1992 } });
  assert.deepEqual(data.addBook, { id: '6', title: 'Small Gods', year: 1992, author: { name: 'Terry Pratchett' } });

  const after = await ok(db, '{ books { title } }');
  assert.ok(after.books.some((b) => b.title === 'Small Gods'), 'the new book is in the list');

  const noYear = await ok(db, ADD_BOOK, { input: { title: 'Mort', authorId: '3' } });
  assert.equal(noYear.addBook.year, null, 'year is optional');

  // The limits are included: this year is not in the future, and year 0 is allowed.
  const thisYear = new Date().getFullYear();
  const fresh = await run(db, ADD_BOOK, { input: { title: 'Published this year', authorId: '2', year: thisYear } });
  assert.equal(fresh.errors, undefined, `a book from this year (${thisYear}) is allowed: only years after it are in the future`);
  const ancient = await run(db, ADD_BOOK, { input: { title: 'Very old', authorId: '2', year: 0 } });
  assert.equal(ancient.errors, undefined, 'year 0 is allowed (between 0 and this year, both included)');
});

test('addBook with bad input answers an errors array with BAD_USER_INPUT, and adds nothing', async () => {
  const db = createDb();
  const cases = [
    [{ title: '   ', authorId: '1' }, /title/, 'title'],
    [{ title: 'x'.repeat(201), authorId: '1' }, /title/, 'title'],
    [{ title: 'Ghost book', authorId: '99' }, /author/i, 'authorId'],
    [{ title: 'From the future', authorId: '1', year: new Date().getFullYear() + 1 }, /year/, 'year'],
    [{ title: 'Before year zero', authorId: '1', year: -1 }, /year/, 'year'],
  ];
  for (const [input, message, field] of cases) {
    const result = await run(db, ADD_BOOK, { input });
    assert.ok(result.errors?.length, `addBook(${JSON.stringify(input)}) should fail with an error, got ${JSON.stringify(result.data)}`);
    const [error] = result.errors;
    assert.match(error.message, message, `the error for ${JSON.stringify(input)} should say what is wrong, got "${error.message}"`);
    assert.equal(error.extensions?.code, 'BAD_USER_INPUT', 'throw a GraphQLError with extensions.code "BAD_USER_INPUT" (see badInput)');
    assert.equal(error.extensions?.field, field);
    assert.deepEqual(error.path, ['addBook']);
  }
  const { books } = await ok(db, '{ books { id } }');
  assert.equal(books.length, 5, 'a refused addBook must not insert anything');
});

test('addBook without a required input field is refused by GraphQL itself', async () => {
  const result = await run(createDb(), ADD_BOOK, { input: { authorId: '1' } });
  assert.ok(result.errors?.length, 'title is String! in AddBookInput, so leaving it out is an error');
  assert.match(result.errors[0].message, /title/);
});

test('N+1: the authors of a list of books come from ONE data source query', async () => {
  const db = createDb();
  await ok(db, '{ books { title author { name } } }');
  assert.equal(
    db.stats.authorQueries,
    1,
    `5 books made ${db.stats.authorQueries} author queries. Book.author should call loaders.author.load(), ` +
      'and createLoader (src/loader.js) should batch every load() of the same tick into one batchFn call',
  );
  assert.equal(db.stats.authorIdsRequested, 3, 'the 5 books have 3 distinct authors: the loader asks for each id once');
});

test('the loader cache lives for one request only', async () => {
  const db = createDb();
  await ok(db, '{ books { author { name } } }');
  await ok(db, '{ books { author { name } } }');
  assert.equal(db.stats.authorQueries, 2, 'each request gets fresh loaders from createContext(), so it queries again');
});
