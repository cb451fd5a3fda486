/**
 * Where links live. The app only calls these three async methods, so an in-memory Map today can
 * become PostgreSQL, Redis or SQLite tomorrow without touching a route.
 *
 * A link is { code, url, clicks, createdAt }.
 *
 *   insert(link)       -> true when stored, false when the code is already taken.
 *                         Check and store in one step: in SQL that's a UNIQUE (or PRIMARY KEY)
 *                         column and catching the unique-violation error, never SELECT then INSERT.
 *   findByCode(code)   -> the link, or null.
 *   recordClick(code)  -> adds 1 to clicks and returns the updated link, or null for an unknown code.
 *                         In SQL: UPDATE links SET clicks = clicks + 1 WHERE code = $1 RETURNING *.
 */
function createMemoryRepository() {
  const links = new Map();
  // Hand out copies, as a database would: callers can't change stored data by accident.
  const copy = (link) => (link ? { ...link } : null);

  return {
    async insert(link) {
      // WRONG: insert overwrites whatever has the code already, an alias or a random code.
      links.set(link.code, { ...link });
      return true;
    },
    async findByCode(code) {
      return copy(links.get(code));
    },
    async recordClick(code) {
      const link = links.get(code);
      if (!link) return null;
      link.clicks += 1;
      return copy(link);
    },
  };
}

module.exports = { createMemoryRepository };
