import { test } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import type { Express } from 'express';
import { createApp } from '../src/app';
import { createArticles, type Article } from '../src/articles';

// The order the API must use, worked out here independently of the app.
const newestFirst = (a: Article, b: Article) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id;
const expectedIds = (articles: Article[], tag?: string) =>
  articles.filter((a) => !tag || a.tags.includes(tag)).sort(newestFirst).map((a) => a.id);

function nextLink(res: request.Response): string | null {
  const header: string | undefined = res.headers.link;
  if (!header) return null;
  const match = /<([^>]+)>\s*;\s*rel="?next"?/.exec(header);
  assert.ok(match, `Link header "${header}" should look like: </articles?limit=10&cursor=...>; rel="next"`);
  return match[1]!;
}

// Follows nextCursor (or the Link header) until the end; returns every id seen, page by page.
async function walk(app: Express, query: Record<string, string | number>, { viaLink = false } = {}): Promise<number[][]> {
  const pages: number[][] = [];
  let url = `/articles?${new URLSearchParams(stringify(query))}`;
  for (let i = 0; i < 100; i++) {
    const res = await request(app).get(url);
    assert.equal(res.status, 200, `GET ${url} answered ${res.status}: ${JSON.stringify(res.body)}`);
    const { data, nextCursor } = res.body as { data: Article[]; nextCursor: unknown };
    assert.ok(Array.isArray(data), `GET ${url} should answer { data: [...], nextCursor }.`);
    assert.ok(nextCursor === null || typeof nextCursor === 'string', `nextCursor should be a string or null, got ${JSON.stringify(nextCursor)}.`);
    pages.push(data.map((a) => a.id));
    const link = nextLink(res);
    if (nextCursor === null) {
      assert.equal(link, null, 'The last page must not send a Link rel="next" header.');
      return pages;
    }
    assert.ok(data.length > 0, `GET ${url} returned an empty page but a nextCursor.`);
    if (viaLink) {
      assert.ok(link, `GET ${url} has a nextCursor but no Link header with rel="next".`);
      // The link may be absolute (http://host/articles?...) or relative (/articles?...): both are
      // correct, so follow its path and query either way.
      const target = new URL(link, 'http://localhost');
      url = `${target.pathname}${target.search}`;
    } else {
      url = `/articles?${new URLSearchParams({ ...stringify(query), cursor: String(nextCursor) })}`;
    }
  }
  assert.fail('Still not at the end after 100 pages: does nextCursor ever become null?');
}

const stringify = (query: Record<string, string | number>) =>
  Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)]));

const ids = (res: request.Response): number[] | undefined => (res.body as { data?: Article[] }).data?.map((a) => a.id);

test('GET /articles: the 10 newest by default, ordered by createdAt desc then id desc', async () => {
  const articles = createArticles();
  const res = await request(createApp({ articles })).get('/articles');
  assert.equal(res.status, 200);
  const firstIds = ids(res);
  assert.deepEqual(
    firstIds,
    expectedIds(articles).slice(0, 10),
    'Sort newest first by createdAt, and by id (highest first) when createdAt is equal.',
  );
  const { nextCursor } = res.body;
  assert.equal(typeof nextCursor, 'string', 'There are 50 articles, so the first page of 10 needs a nextCursor.');
  assert.match(nextCursor, /^[A-Za-z0-9_-]+$/, 'The cursor should be base64url (letters, digits, - and _ only).');
  assert.equal(Buffer.from(nextCursor, 'base64url').toString(), String(firstIds?.at(-1)), 'The cursor should be base64url of the last id on the page.');
});

for (const limit of [7, 10, 50]) {
  test(`walking every page with limit=${limit} returns each article exactly once, in order`, async () => {
    const articles = createArticles();
    const pages = await walk(createApp({ articles }), { limit });
    const seen = pages.flat();
    assert.ok(pages.every((p) => p.length <= limit), `A page had more than ${limit} articles.`);
    assert.equal(new Set(seen).size, seen.length, 'An article appeared on two pages.');
    assert.deepEqual(seen, expectedIds(articles), 'Pages together should list all 50 articles once, newest first, none missed.');
    assert.equal(pages.length, Math.ceil(50 / limit), `With limit=${limit}, 50 articles take ${Math.ceil(50 / limit)} pages (no empty last page).`);
  });
}

test('the Link header leads to the same pages, and keeps limit and tag', async () => {
  const articles = createArticles();
  const app = createApp({ articles });
  const pages = await walk(app, { limit: 4, tag: 'sql' }, { viaLink: true });
  assert.deepEqual(pages.flat(), expectedIds(articles, 'sql'), 'Following Link rel="next" should list every "sql" article once.');

  const first = await request(app).get('/articles?limit=4&tag=sql');
  const link = new URL(nextLink(first) ?? '', 'http://localhost');
  assert.equal(link.pathname, '/articles');
  assert.equal(link.searchParams.get('limit'), '4', 'The next link should keep limit.');
  assert.equal(link.searchParams.get('tag'), 'sql', 'The next link should keep the tag filter.');
  assert.equal(link.searchParams.get('cursor'), first.body.nextCursor, 'The next link should carry nextCursor.');
});

test('?tag= filters, and an unknown tag gives an empty last page', async () => {
  const articles = createArticles();
  const app = createApp({ articles });
  for (const tag of ['node', 'sql', 'redis']) {
    const seen = (await walk(app, { tag, limit: 3 })).flat();
    assert.deepEqual(seen, expectedIds(articles, tag), `?tag=${tag} should list exactly the articles tagged "${tag}", newest first.`);
  }
  const res = await request(app).get('/articles?tag=cobol');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body, { data: [], nextCursor: null });
});

test('limit: 1 and 100 work, anything else is a 400 with an error message', async () => {
  const app = createApp({ articles: createArticles() });
  const one = await request(app).get('/articles?limit=1');
  assert.equal(one.body.data?.length, 1, '?limit=1 should return 1 article.');
  const all = await request(app).get('/articles?limit=100');
  assert.equal(all.body.data?.length, 50, '?limit=100 (the maximum) should return all 50 articles.');
  assert.equal(all.body.nextCursor, null, 'When the page holds the last article, nextCursor is null.');
  for (const bad of ['0', '-1', '101', 'abc', '2.5', '10abc', '']) {
    const res = await request(app).get(`/articles?limit=${bad}`);
    assert.equal(res.status, 400, `?limit=${bad} should answer 400 (limit is a whole number from 1 to 100), got ${res.status}.`);
    assert.equal(typeof res.body.error, 'string', `?limit=${bad}: answer with { error: "..." } saying what is wrong.`);
  }
});

test('a cursor that is not one of ours is a 400', async () => {
  const app = createApp({ articles: createArticles() });
  const cursors: Record<string, string> = {
    'not base64url': 'bm90!!',
    'not an id': Buffer.from('hello').toString('base64url'),
    'an unknown id': Buffer.from('9999').toString('base64url'),
    'a negative id': Buffer.from('-3').toString('base64url'),
  };
  for (const [what, cursor] of Object.entries(cursors)) {
    const res = await request(app).get(`/articles?cursor=${encodeURIComponent(cursor)}`);
    assert.equal(res.status, 400, `A cursor holding ${what} (${cursor}) should answer 400, got ${res.status}.`);
    assert.equal(typeof res.body.error, 'string', 'Answer a bad cursor with { error: "..." }.');
  }
});

test('pages do not shift when a newer article arrives mid-walk', async () => {
  const articles = createArticles();
  const app = createApp({ articles });
  const before = expectedIds(articles);
  const first = await request(app).get('/articles?limit=10');
  assert.equal(typeof first.body.nextCursor, 'string', 'The first page needs a nextCursor.');
  articles.push({ id: 51, title: 'Breaking news', createdAt: new Date().toISOString(), tags: ['node'] });
  const second = await request(app).get(`/articles?limit=10&cursor=${first.body.nextCursor}`);
  assert.equal(second.status, 200);
  assert.deepEqual(
    ids(second),
    before.slice(10, 20),
    'Page 2 should continue right after the last article of page 1, even though a new article was added at the top.',
  );
});
