// The HTTP API (done for you): routes, JSON in and out. The SQL is in products.js.
//
//   GET  /products/search?q=tea          -> 200 { products: [{ id, name, price }] }
//   GET  /products?sort=price&dir=desc   -> 200 { products: [...] }, 400 for a sort or dir not allowed
//   POST /products/:id/reviews { author, body } -> 201 { id, productId, author, body }, 404, 400
//   GET  /products/:id/reviews           -> 200 { reviews: [{ id, author, body }] }
const http = require('node:http');
const { BadRequest, searchProducts, listProducts, addReview, listReviews } = require('./products');

/** createApp(pool) -> a node:http server (not yet listening) answering from `pool` (a pg Pool). */
function createApp(pool) {
  async function handle(req, url) {
    const reviews = /^\/products\/([0-9]{1,9})\/reviews$/.exec(url.pathname);
    if (req.method === 'GET' && url.pathname === '/products/search') {
      return [200, { products: await searchProducts(pool, url.searchParams.get('q') ?? '') }];
    }
    if (req.method === 'GET' && url.pathname === '/products') {
      const sort = url.searchParams.get('sort') ?? 'id';
      const dir = url.searchParams.get('dir') ?? 'asc';
      return [200, { products: await listProducts(pool, sort, dir) }];
    }
    if (req.method === 'POST' && reviews) {
      const body = await readJson(req);
      const { author, body: text } = body ?? {};
      if (typeof author !== 'string' || author === '' || typeof text !== 'string' || text === '') {
        return [400, { error: 'author and body must be non-empty strings' }];
      }
      const review = await addReview(pool, Number(reviews[1]), author, text);
      return review ? [201, review] : [404, { error: `no product ${reviews[1]}` }];
    }
    if (req.method === 'GET' && reviews) {
      return [200, { reviews: await listReviews(pool, Number(reviews[1])) }];
    }
    return [404, { error: `no route for ${req.method} ${url.pathname}` }];
  }

  return http.createServer(async (req, res) => {
    let status;
    let payload;
    try {
      [status, payload] = await handle(req, new URL(req.url, 'http://localhost'));
    } catch (error) {
      if (error instanceof BadRequest) {
        [status, payload] = [400, { error: error.message }];
      } else {
        // The details go to the log, never to the client: a database error message shows an
        // attacker the shape of the query.
        console.error(error);
        [status, payload] = [500, { error: 'internal error' }];
      }
    }
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(payload));
  });
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

module.exports = { createApp };
