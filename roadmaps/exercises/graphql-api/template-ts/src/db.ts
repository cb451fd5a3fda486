/**
 * A pretend database: async like a real one, with a `stats` counter of the queries it ran, so the
 * tests can see an N+1 problem. Each createDb() starts from the same sample data.
 */
export interface AuthorRow {
  id: string;
  name: string;
}

export interface BookRow {
  id: string;
  title: string;
  year: number | null;
  authorId: string;
}

export interface Db {
  stats: { bookQueries: number; authorQueries: number; authorIdsRequested: number };
  listBooks(): Promise<BookRow[]>;
  findBook(id: string): Promise<BookRow | null>;
  listBooksByAuthor(authorId: string): Promise<BookRow[]>;
  /** One query for many ids, like `SELECT ... WHERE id = ANY($1)`. Results follow `ids`' order; null when missing. */
  findAuthorsByIds(ids: readonly string[]): Promise<Array<AuthorRow | null>>;
  /** One query for one id. Called once per book, this is the N+1 problem. */
  findAuthor(id: string): Promise<AuthorRow | null>;
  insertBook(book: { title: string; authorId: string; year?: number | null }): Promise<BookRow>;
}

export function createDb(): Db {
  const authors = new Map<string, AuthorRow>(
    [
      { id: '1', name: 'Ursula K. Le Guin' },
      { id: '2', name: 'Octavia E. Butler' },
      { id: '3', name: 'Terry Pratchett' },
    ].map((a) => [a.id, a]),
  );
  const books: BookRow[] = [
    { id: '1', title: 'A Wizard of Earthsea', year: 1968, authorId: '1' },
    { id: '2', title: 'The Left Hand of Darkness', year: 1969, authorId: '1' },
    { id: '3', title: 'Kindred', year: 1979, authorId: '2' },
    { id: '4', title: 'Parable of the Sower', year: 1993, authorId: '2' },
    { id: '5', title: 'Guards! Guards!', year: 1989, authorId: '3' },
  ];
  const stats = { bookQueries: 0, authorQueries: 0, authorIdsRequested: 0 };
  const copy = <T extends object>(row: T | undefined): T | null => (row ? { ...row } : null);

  const db: Db = {
    stats,
    async listBooks() {
      stats.bookQueries++;
      return books.map((b) => ({ ...b }));
    },
    async findBook(id) {
      stats.bookQueries++;
      return copy(books.find((b) => b.id === String(id)));
    },
    async listBooksByAuthor(authorId) {
      stats.bookQueries++;
      return books.filter((b) => b.authorId === String(authorId)).map((b) => ({ ...b }));
    },
    async findAuthorsByIds(ids) {
      stats.authorQueries++;
      stats.authorIdsRequested += ids.length;
      return ids.map((id) => copy(authors.get(String(id))));
    },
    async findAuthor(id) {
      const [author] = await db.findAuthorsByIds([id]);
      return author ?? null;
    },
    async insertBook({ title, authorId, year = null }) {
      stats.bookQueries++;
      const book: BookRow = { id: String(books.length + 1), title, year, authorId: String(authorId) };
      books.push(book);
      return { ...book };
    },
  };
  return db;
}
