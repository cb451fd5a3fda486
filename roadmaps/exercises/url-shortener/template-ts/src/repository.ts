/** A short link as the store keeps it, and as the stats answer it. */
export interface Link {
  code: string;
  url: string;
  clicks: number;
  /** ISO 8601, e.g. "2025-01-31T12:00:00.000Z". */
  createdAt: string;
}

/**
 * Where links live. The app only calls these three async methods, so an in-memory Map today can
 * become PostgreSQL, Redis or SQLite tomorrow without touching a route.
 *
 *   insert(link)       -> true when stored, false when the code is already taken.
 *                         Check and store in one step: in SQL that's a UNIQUE (or PRIMARY KEY)
 *                         column and catching the unique-violation error, never SELECT then INSERT.
 *   findByCode(code)   -> the link, or null.
 *   recordClick(code)  -> adds 1 to clicks and returns the updated link, or null for an unknown code.
 *                         In SQL: UPDATE links SET clicks = clicks + 1 WHERE code = $1 RETURNING *.
 */
export interface LinkRepository {
  insert(link: Link): Promise<boolean>;
  findByCode(code: string): Promise<Link | null>;
  recordClick(code: string): Promise<Link | null>;
}

export function createMemoryRepository(): LinkRepository {
  const links = new Map<string, Link>();
  // Hand out copies, as a database would: callers can't change stored data by accident.
  const copy = (link: Link | undefined): Link | null => (link ? { ...link } : null);

  return {
    async insert(link) {
      if (links.has(link.code)) return false;
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
