const express = require('express');
const { createMemoryRepository } = require('./repository');
const { randomCode } = require('./codes');
const { isHttpUrl, isValidAlias } = require('./validation');

// Random codes rarely collide; when they keep colliding, something is wrong (a full code space,
// a broken generator), so give up instead of looping forever.
const MAX_ATTEMPTS = 5;

/**
 * repo:         the link store (see src/repository.js); tests and a future database pass their own.
 * generateCode: () => string, new short codes; tests pass a predictable one.
 * baseUrl:      public address for shortUrl, e.g. "https://sho.rt"; by default taken from the request.
 */
function createApp({ repo = createMemoryRepository(), generateCode = randomCode, baseUrl } = {}) {
  const app = express();
  app.use(express.json({ limit: '10kb' }));

  app.post('/api/links', async (req, res) => {
    // TODO: create a short link from { url, alias? }.
    // 1. 400 { error } unless isHttpUrl(url); 400 when alias is given but !isValidAlias(alias).
    // 2. Build { code, url: new URL(url).href, clicks: 0, createdAt: new Date().toISOString() }.
    // 3. With an alias: code = alias; if repo.insert(link) resolves false, answer 409 { error }.
    // 4. Without: code = generateCode(), and try repo.insert again with a fresh code while it
    //    resolves false, at most MAX_ATTEMPTS times; still no luck -> 503 { error }.
    // 5. 201 with the link plus shortUrl (`${baseUrl ?? `${req.protocol}://${req.get('host')}`}/${code}`)
    //    and a Location header pointing at /api/links/<code>/stats.
    res.status(501).json({ error: 'TODO: implement POST /api/links in src/app.js' });
  });

  app.get('/api/links/:code/stats', async (req, res) => {
    const link = await repo.findByCode(req.params.code);
    if (!link) return res.status(404).json({ error: `No link with the code "${req.params.code}"` });
    res.json(link);
  });

  app.get('/health', (req, res) => res.json({ ok: true }));

  // Last of the GET routes: "/:code" would otherwise catch "/health".
  app.get('/:code', async (req, res) => {
    // TODO: count the click with repo.recordClick(code); unknown code -> 404 { error };
    // otherwise redirect with 302 (not 301: browsers cache those and later clicks go uncounted).
    res.status(501).json({ error: 'TODO: implement GET /:code in src/app.js' });
  });

  app.use((req, res) => res.status(404).json({ error: `No route for ${req.method} ${req.path}` }));

  app.use((err, req, res, next) => {
    if (err.type === 'entity.parse.failed') return res.status(400).json({ error: 'Body is not valid JSON' });
    const status = err.status ?? 500;
    // Show the message while developing; in production never leak internals.
    const hide = status >= 500 && process.env.NODE_ENV === 'production';
    res.status(status).json({ error: hide ? 'Internal server error' : err.message });
  });

  return app;
}

module.exports = { createApp, MAX_ATTEMPTS };
