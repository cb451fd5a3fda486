import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { createMemoryRepository, type LinkRepository } from './repository';
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
    // TODO: create a short link from { url, alias? }. req.body is typed `any`: treat it as unknown.
    // 1. 400 { error } unless isHttpUrl(url); 400 when alias is given but !isValidAlias(alias).
    // 2. Build a Link { code, url: new URL(url).href, clicks: 0, createdAt: new Date().toISOString() }.
    // 3. With an alias: code = alias; if repo.insert(link) resolves false, answer 409 { error }.
    // 4. Without: code = generateCode(), and try repo.insert again with a fresh code while it
    //    resolves false, at most MAX_ATTEMPTS times; still no luck -> 503 { error }.
    // 5. 201 with the link plus shortUrl (`${baseUrl ?? `${req.protocol}://${req.get('host')}`}/${code}`)
    //    and a Location header pointing at /api/links/<code>/stats.
    void [repo, generateCode, baseUrl, isHttpUrl, isValidAlias, MAX_ATTEMPTS];
    res.status(501).json({ error: 'TODO: implement POST /api/links in src/app.ts' });
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
    // TODO: count the click with repo.recordClick(code); unknown code -> 404 { error };
    // otherwise redirect with 302 (not 301: browsers cache those and later clicks go uncounted).
    res.status(501).json({ error: 'TODO: implement GET /:code in src/app.ts' });
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
