// Runs the API against the real PostgreSQL of DATABASE_URL, in a schema of its own that is dropped
// at the end, and sends it ordinary requests and injection payloads.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const { Client } = require('pg');
const { openPool } = require('../src/db');
const { createApp } = require('../src/app');

const url = process.env.DATABASE_URL || 'postgres://localhost:5432/postgres';
const schema = `exercise_${crypto.randomBytes(6).toString('hex')}`;
let admin;
let pool;
let server;
let base;

before(async () => {
  admin = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`These tests need PostgreSQL: none answered at DATABASE_URL (${url.replace(/\/\/[^@/]*@/, '//…@')}): ${error.message}`);
  }
  await admin.query(`CREATE SCHEMA ${schema}`);
  // Every connection of the app's pool works in the schema of this run.
  pool = await openPool(url, { options: `-c search_path=${schema}` });
  server = createApp(pool);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(async () => {
  if (server) await new Promise((resolve) => server.close(resolve));
  await pool?.end();
  await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => {});
  await admin?.end();
});

/** A fresh shop for each test: 3 published products, 1 unpublished, a staff key. */
async function seed() {
  await admin.query(`SET search_path TO ${schema}`);
  await admin.query('TRUNCATE reviews, products, staff RESTART IDENTITY CASCADE');
  await admin.query(`INSERT INTO products (id, name, price, published) VALUES
    (1, 'Kettle', 2500, true), (2, 'O''Brien''s Tea', 800, true), (3, 'Teapot', 3200, true), (4, 'Prototype blender', 9900, false)`);
  await admin.query("INSERT INTO staff (email, api_key) VALUES ('root@example.com', 'sk_live_do_not_leak')");
}

async function counts() {
  const { rows } = await admin.query(
    "SELECT (SELECT count(*)::int FROM products) AS products, (SELECT count(*)::int FROM staff) AS staff, to_regclass('reviews') IS NOT NULL AS reviews",
  );
  return rows[0];
}

const get = async (path) => {
  const res = await fetch(base + path);
  return { status: res.status, body: await res.json() };
};
const post = async (path, json) => {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) });
  return { status: res.status, body: await res.json() };
};
const names = (res) => res.body.products?.map((p) => p.name);
const q = (text) => `/products/search?q=${encodeURIComponent(text)}`;

test("search finds published products by part of the name, O'Brien included", async () => {
  await seed();
  assert.deepEqual(names(await get(q('tea'))), ["O'Brien's Tea", 'Teapot']);
  assert.deepEqual(names(await get(q("O'Brien"))), ["O'Brien's Tea"], 'an apostrophe in a search is ordinary text');
  assert.deepEqual(names(await get(q('blender'))), [], 'unpublished products stay hidden');
});

test('search payloads find nothing, leak nothing and drop nothing', async () => {
  await seed();
  for (const payload of ["' OR 1=1 --", "' OR '1'='1", "' UNION SELECT id, api_key, 0 FROM staff --", "'; DROP TABLE reviews; --"]) {
    const res = await get(q(payload));
    assert.equal(res.status, 200, `searching for ${payload} should be an ordinary search (200)`);
    assert.deepEqual(res.body, { products: [] }, `searching for ${payload} should find nothing`);
  }
  assert.deepEqual(await counts(), { products: 4, staff: 1, reviews: true });
});

test('the list sorts by an allowed column and direction', async () => {
  await seed();
  assert.deepEqual(names(await get('/products')), ['Kettle', "O'Brien's Tea", 'Teapot']);
  assert.deepEqual(names(await get('/products?sort=price&dir=desc')), ['Teapot', 'Kettle', "O'Brien's Tea"]);
  assert.deepEqual(names(await get('/products?sort=name&dir=desc')), ['Teapot', "O'Brien's Tea", 'Kettle']);
});

test('anything else in sort or dir is a 400, and runs nothing', async () => {
  await seed();
  for (const query of [
    `sort=${encodeURIComponent('name; DROP TABLE reviews')}`,
    `sort=name&dir=${encodeURIComponent('desc; DELETE FROM staff')}`,
    'sort=published',
    'sort=price&dir=DESC',
  ]) {
    assert.equal((await get(`/products?${query}`)).status, 400, `?${query} should be refused with 400`);
  }
  assert.deepEqual(await counts(), { products: 4, staff: 1, reviews: true });
});

test('reviews are stored exactly as written, payloads included', async () => {
  await seed();
  const texts = [
    ["Siobhán O'Brien", "It's the best tea; isn't it?"],
    ["x', 'y'); DELETE FROM staff; --", "'); DROP TABLE products; --"],
    ['Mallory', "\\'); DROP TABLE reviews; --"],
  ];
  for (const [author, body] of texts) {
    const res = await post('/products/2/reviews', { author, body });
    assert.equal(res.status, 201, `the review by ${author} should be stored (201)`);
    assert.deepEqual({ author: res.body.author, body: res.body.body, productId: res.body.productId }, { author, body, productId: 2 });
  }
  assert.deepEqual(await counts(), { products: 4, staff: 1, reviews: true });
  const listed = await get('/products/2/reviews');
  assert.deepEqual(
    listed.body.reviews.map((r) => [r.author, r.body]),
    texts,
  );
  assert.equal((await post('/products/999/reviews', { author: 'Ada', body: 'Lovely' })).status, 404);
});
