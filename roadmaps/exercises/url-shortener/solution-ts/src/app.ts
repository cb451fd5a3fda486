import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createMemoryRepository, type Link, type LinkRepository } from './repository';
import { randomCode } from './codes';
import { isHttpUrl, isValidAlias } from './validation';

// Random codes rarely collide; when they keep colliding, something is wrong (a full code space,
// a broken generator), so give up instead of looping forever.
export const MAX_ATTEMPTS = 5;

export interface AppOptions {
  /** The link store (see src/repository.ts); tests and a future database pass their own. */
  repo?: LinkRepository;
  /** New short codes; tests pass a predictable one. */
  generateCode?: () => string;
  /** Public address for shortUrl, e.g. "https://sho.rt"; by default taken from the request. */
  baseUrl?: string;
}

export function createApp({ repo = createMemoryRepository(), generateCode = randomCode, baseUrl }: AppOptions = {}): Express {
  const app = express();
  app.use(express.json({ limit: '10kb' }));

  app.post('/api/links', async (req: Request, res: Response) => {
    const body: unknown = req.body;
    const { url, alias } = (typeof body === 'object' && body !== null ? body : {}) as { url?: unknown; alias?: unknown };
    if (!isHttpUrl(url)) {
      res.status(400).json({ error: '"url" must be an absolute http:// or https:// URL' });
      return;
    }
    if (alias !== undefined && !isValidAlias(alias)) {
      res.status(400).json({ error: '"alias" must be 3-32 letters, digits, "-" or "_", and not a reserved word' });
      return;
    }

    // href is the parsed, normalised form (lowercase scheme and host, encoded characters).
    const link: Link = { code: alias ?? '', url: new URL(url).href, clicks: 0, createdAt: new Date().toISOString() };

    if (alias !== undefined) {
      if (!(await repo.insert(link))) {
        res.status(409).json({ error: `The alias "${alias}" is taken` });
        return;
      }
    } else {
      // Let the store decide (insert-if-absent), so two requests can't both get one code.
      let stored = false;
      for (let attempt = 0; attempt < MAX_ATTEMPTS && !stored; attempt += 1) {
        link.code = generateCode();
        stored = await repo.insert(link);
      }
      if (!stored) {
        res.status(503).json({ error: 'Could not find a free short code, please try again' });
        return;
      }
    }

    const origin = baseUrl ?? `${req.protocol}://${req.get('host')}`;
    res
      .status(201)
      .location(`/api/links/${link.code}/stats`)
      .json({ ...link, shortUrl: `${origin}/${link.code}` });
  });

  app.get('/api/links/:code/stats', async (req: Request<{ code: string }>, res: Response) => {
    const link = await repo.findByCode(req.params.code);
    if (!link) {
      res.status(404).json({ error: `No link with the code "${req.params.code}"` });
      return;
    }
    res.json(link);
  });

  app.get('/health', (req: Request, res: Response) => {
    res.json({ ok: true });
  });

  // Last of the GET routes: "/:code" would otherwise catch "/health".
  app.get('/:code', async (req: Request<{ code: string }>, res: Response) => {
    const link = await repo.recordClick(req.params.code);
    if (!link) {
      res.status(404).json({ error: `No link with the code "${req.params.code}"` });
      return;
    }
    // 302, not 301: browsers cache a 301 and skip us next time, so those clicks would go uncounted.
    res.set('Cache-Control', 'private, max-age=0');
    res.redirect(302, link.url);
  });

  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: `No route for ${req.method} ${req.path}` });
  });

  // Express spots an error handler by its four parameters, so _next stays even though it is unused.
  app.use((err: { type?: string; status?: number; message?: string }, req: Request, res: Response, _next: NextFunction) => {
    if (err.type === 'entity.parse.failed') {
      res.status(400).json({ error: 'Body is not valid JSON' });
      return;
    }
    const status = err.status ?? 500;
    // Show the message while developing; in production never leak internals.
    const hide = status >= 500 && process.env.NODE_ENV === 'production';
    res.status(status).json({ error: hide ? 'Internal server error' : err.message });
  });

  return app;
}
