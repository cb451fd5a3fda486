// A repository over the customers table (migrations/001_customers.sql). This code is correct and
// complete: leave it as it is. Your job is the tests in test/customers.test.js, which run it against
// a real PostgreSQL, because every rule below is carried out by the database, not by JavaScript.

const MAX_PAGE_SIZE = 100;

/** @typedef {{ id: number, email: string, name: string, signedUpAt: Date }} Customer */

const columns = 'id, email, name, signed_up_at AS "signedUpAt"';

/** `term` for LIKE, matched literally: its own %, _ and \ are not wildcards. */
function likePattern(term) {
  return `%${term.replace(/[\\%_]/g, '\\$&')}%`;
}

/**
 * @param {{ query(text: string, values?: unknown[]): Promise<{ rows: any[] }> }} db a pg Client, Pool or PoolClient
 */
function createCustomers(db) {
  return {
    /**
     * Adds a customer, unless one with the same email (in any case) exists.
     * @param {{ email: string, name: string, signedUpAt: Date | string }} customer
     * @returns {Promise<{ ok: true, customer: Customer } | { ok: false, error: 'email-taken' }>}
     */
    async add({ email, name, signedUpAt }) {
      // ON CONFLICT, not a caught error: inside a transaction, an error would abort the whole of it.
      const { rows } = await db.query(
        `INSERT INTO customers (email, name, signed_up_at) VALUES ($1, $2, $3)
         ON CONFLICT ((lower(email))) DO NOTHING
         RETURNING ${columns}`,
        [email, name, signedUpAt],
      );
      return rows.length === 1 ? { ok: true, customer: rows[0] } : { ok: false, error: 'email-taken' };
    },

    /**
     * The customer with this email, in any case; undefined if there is none.
     * @param {string} email
     * @returns {Promise<Customer | undefined>}
     */
    async findByEmail(email) {
      const { rows } = await db.query(`SELECT ${columns} FROM customers WHERE lower(email) = lower($1)`, [email]);
      return rows[0];
    },

    /**
     * Customers whose name contains `term`, ignoring case, by name (then id).
     * @param {string} term
     * @returns {Promise<Customer[]>}
     */
    async search(term) {
      const { rows } = await db.query(`SELECT ${columns} FROM customers WHERE name ILIKE $1 ORDER BY name, id`, [likePattern(term)]);
      return rows;
    },

    /**
     * One page of customers, the earliest sign-up first (then by id).
     * @param {{ page?: number, pageSize?: number }} [options]
     * @returns {Promise<{ customers: Customer[], hasMore: boolean }>}
     */
    async list({ page = 1, pageSize = 20 } = {}) {
      if (!Number.isInteger(page) || page < 1) throw new RangeError('page must be a whole number, 1 or more');
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
        throw new RangeError(`pageSize must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
      }
      // One row more than the page holds: if it comes back, there is a next page.
      const { rows } = await db.query(`SELECT ${columns} FROM customers ORDER BY signed_up_at, id LIMIT $1 OFFSET $2`, [
        pageSize + 1,
        (page - 1) * (pageSize + 1), // MUTANT: the fetch size, not the page size
      ]);
      return { customers: rows.slice(0, pageSize), hasMore: rows.length > pageSize };
    },
  };
}

module.exports = { createCustomers, MAX_PAGE_SIZE };
