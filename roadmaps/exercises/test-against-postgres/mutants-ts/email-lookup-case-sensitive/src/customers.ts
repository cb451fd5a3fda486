// A repository over the customers table (migrations/001_customers.sql). This code is correct and
// complete: leave it as it is. Your job is the tests in test/customers.test.ts, which run it against
// a real PostgreSQL, because every rule below is carried out by the database, not by TypeScript.

export const MAX_PAGE_SIZE = 100;

export interface Customer {
  id: number;
  email: string;
  name: string;
  signedUpAt: Date;
}

export interface NewCustomer {
  email: string;
  name: string;
  /** A Date, or an ISO 8601 string with an offset. */
  signedUpAt: Date | string;
}

export type AddResult = { ok: true; customer: Customer } | { ok: false; error: 'email-taken' };

/** What the repository needs of its connection: a pg Client, Pool or PoolClient all have it. */
export interface Queryable {
  query<R extends object>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

const columns = 'id, email, name, signed_up_at AS "signedUpAt"';

/** `term` for LIKE, matched literally: its own %, _ and \ are not wildcards. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, '\\$&')}%`;
}

export function createCustomers(db: Queryable) {
  return {
    /** Adds a customer, unless one with the same email (in any case) exists. */
    async add({ email, name, signedUpAt }: NewCustomer): Promise<AddResult> {
      // ON CONFLICT, not a caught error: inside a transaction, an error would abort the whole of it.
      const { rows } = await db.query<Customer>(
        `INSERT INTO customers (email, name, signed_up_at) VALUES ($1, $2, $3)
         ON CONFLICT ((lower(email))) DO NOTHING
         RETURNING ${columns}`,
        [email, name, signedUpAt],
      );
      const [customer] = rows;
      return customer ? { ok: true, customer } : { ok: false, error: 'email-taken' };
    },

    /** The customer with this email, in any case; undefined if there is none. */
    async findByEmail(email: string): Promise<Customer | undefined> {
      const { rows } = await db.query<Customer>(`SELECT ${columns} FROM customers WHERE email = $1` /* MUTANT: case-sensitive */, [email]);
      return rows[0];
    },

    /** Customers whose name contains `term`, ignoring case, by name (then id). */
    async search(term: string): Promise<Customer[]> {
      const { rows } = await db.query<Customer>(`SELECT ${columns} FROM customers WHERE name ILIKE $1 ORDER BY name, id`, [likePattern(term)]);
      return rows;
    },

    /** One page of customers, the earliest sign-up first (then by id). */
    async list({ page = 1, pageSize = 20 }: { page?: number; pageSize?: number } = {}): Promise<{ customers: Customer[]; hasMore: boolean }> {
      if (!Number.isInteger(page) || page < 1) throw new RangeError('page must be a whole number, 1 or more');
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new RangeError(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
      }
      // One row more than the page holds: if it comes back, there is a next page.
      const { rows } = await db.query<Customer>(`SELECT ${columns} FROM customers ORDER BY signed_up_at, id LIMIT $1 OFFSET $2`, [
        pageSize + 1,
        (page - 1) * pageSize,
      ]);
      return { customers: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
    },
  };
}

export type Customers = ReturnType<typeof createCustomers>;
