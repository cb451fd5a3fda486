/**
 * A pretend database: async like a real one, with a `stats` counter of the queries it ran, so the
 * tests can see an N+1 problem. Each createDb() starts from the same sample data.
 */
function createDb() {
  const authors = new Map(
    [
      { id: '1', name: 'Ursula K. Le Guin' },
      { id: '2', name: 'Octavia E. Butler' },
      { id: '3', name: 'Terry Pratchett' },
    ].map((a) => [a.id, a]),
  );
  const books = [
    { id: '1', title: 'A Wizard of Earthsea', year: 1968, authorId: '1' },
    { id: '2', title: 'The Left Hand of Darkness', year: 1969, authorId: '1' },
    { id: '3', title: 'Kindred', year: 1979, authorId: '2' },
    { id: '4', title: 'Parable of the Sower', year: 1993, authorId: '2' },
    { id: '5', title: 'Guards! Guards!', year: 1989, authorId: '3' },
  ];
  const stats = { bookQueries: 0, authorQueries: 0, authorIdsRequested: 0 };
  const copy = (row) => (row ? { ...row } : null);

  return {
    stats,
    async listBooks() {
      stats.bookQueries++;
      return books.map(copy);
    },
    async findBook(id) {
      stats.bookQueries++;
      return copy(books.find((b) => b.id === String(id)));
    },
    async listBooksByAuthor(authorId) {
      stats.bookQueries++;
      return books.filter((b) => b.authorId === String(authorId)).map(copy);
    },
    /** One query for many ids, like `SELECT ... WHERE id = ANY($1)`. Results follow `ids`' order; null when missing. */
    async findAuthorsByIds(ids) {
      stats.authorQueries++;
      stats.authorIdsRequested += ids.length;
      return ids.map((id) => copy(authors.get(String(id))));
    },
    /** One query for one id. Called once per book, this is the N+1 problem. */
    async findAuthor(id) {
      const [author] = await this.findAuthorsByIds([id]);
      return author;
    },
    async insertBook({ title, authorId, year = null }) {
      stats.bookQueries++;
      const book = { id: String(books.length + 1), title, year, authorId: String(authorId) };
      books.push(book);
      return copy(book);
    },
  };
}

module.exports = { createDb };
