// The in-memory "table": 50 articles. Several share a createdAt, and ids are not in date order,
// so a correct sort needs both keys.
export interface Article {
  id: number;
  title: string;
  /** ISO 8601 in UTC, e.g. "2025-01-23T00:00:00.000Z". */
  createdAt: string;
  tags: string[];
}

export const TAGS = ['node', 'sql', 'redis', 'http', 'testing'];
const SUBJECTS = ['Event loop', 'Indexes', 'Caching', 'Status codes', 'Mocks', 'Streams', 'Joins', 'TTL', 'Headers', 'Fixtures'];
const DAY = 24 * 60 * 60 * 1000;

export function createArticles(count = 50): Article[] {
  const start = Date.UTC(2025, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const id = i + 1;
    const day = (id * 7) % 23; // ids 1, 24 and 47 land on the same day, and so on
    const tags = [TAGS[id % TAGS.length]!];
    if (id % 4 === 0) tags.push(TAGS[(id + 2) % TAGS.length]!);
    return {
      id,
      title: `${SUBJECTS[id % SUBJECTS.length]}, part ${Math.ceil(id / SUBJECTS.length)}`,
      createdAt: new Date(start + day * DAY).toISOString(),
      tags,
    };
  });
}
