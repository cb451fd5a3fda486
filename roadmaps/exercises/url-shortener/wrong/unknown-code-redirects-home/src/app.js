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
    const { url, alias } = req.body ?? {};
    if (!isHttpUrl(url)) {
      return res.status(400).json({ error: '"url" must be an absolute http:// or https:// URL' });
    }
    if (alias !== undefined && !isValidAlias(alias)) {
      return res.status(400).json({ error: '"alias" must be 3-32 letters, digits, "-" or "_", and not a reserved word' });
    }

    // href is the parsed, normalised form (lowercase scheme and host, encoded characters).
    const link = { code: alias, url: new URL(url).href, clicks: 0, createdAt: new Date().toISOString() };

    if (alias !== undefined) {
      if (!(await repo.insert(link))) return res.status(409).json({ error: `The alias "${alias}" is taken` });
    } else {
      // Let the store decide (insert-if-absent), so two requests can't both get one code.
      let stored = false;
      for (let attempt = 0; attempt < MAX_ATTEMPTS && !stored; attempt += 1) {
        link.code = generateCode();
        stored = await repo.insert(link);
      }
      if (!stored) return res.status(503).json({ error: 'Could not find a free short code, please try again' });
    }

    const origin = baseUrl ?? `${req.protocol}://${req.get('host')}`;
    res.status(201)
      .location(`/api/links/${link.code}/stats`)
      .json({ ...link, shortUrl: `${origin}/${link.code}` });
  });

  app.get('/api/links/:code/stats', async (req, res) => {
    const link = await repo.findByCode(req.params.code);
    if (!link) return res.status(404).json({ error: `No link with the code "${req.params.code}"` });
    res.json(link);
  });

  app.get('/health', (req, res) => res.json({ ok: true }));

  // Last of the GET routes: "/:code" would otherwise catch "/health".
  app.get('/:code', async (req, res) => {
    const link = await repo.recordClick(req.params.code);
    // WRONG: an unknown code sends the visitor to the home page instead of a 404.
    if (!link) return res.redirect(302, '/');
    // 302, not 301: browsers cache a 301 and skip us next time, so those clicks would go uncounted.
    res.set('Cache-Control', 'private, max-age=0');
    res.redirect(302, link.url);
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
