import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { requirePermission } from './requirePermission';

/** Who is asking. role is undefined when there was no X-Role header, '' when it was empty. */
export interface User {
  name: string;
  role: string | undefined;
}

// Tells TypeScript that every Express request may carry a user as req.user.
declare global {
  namespace Express {
    interface Request {
      user?: User;
    }
  }
}

interface Article {
  id: number;
  title: string;
  by?: string;
}

// Stand-in for real authentication (see the JWT exercise): it believes whatever the headers say,
// so it is only for tests and demos. Its one job is to set req.user = { name, role }.
function fakeAuth(req: Request, res: Response, next: NextFunction) {
  const name = req.get('x-user');
  if (name) req.user = { name, role: req.get('x-role') };
  next();
}

export function createApp(): Express {
  const app = express();
  app.use(express.json());
  app.use(fakeAuth);

  const articles: Article[] = [{ id: 1, title: 'Hello' }];
  let nextId = 2;

  app.get('/health', (req: Request, res: Response) => {
    res.json({ ok: true }); // public
  });

  app.get('/articles', requirePermission('articles:read'), (req: Request, res: Response) => {
    res.json(articles);
  });

  app.post('/articles', requirePermission('articles:write'), (req: Request, res: Response) => {
    const body: unknown = req.body;
    const title = typeof body === 'object' && body !== null && 'title' in body ? String(body.title) : 'Untitled';
    // requirePermission lets a request through only with a user, so req.user is set here.
    const article: Article = { id: nextId++, title, by: req.user?.name };
    articles.push(article);
    res.status(201).json(article);
  });

  app.delete('/articles/:id', requirePermission('articles:delete'), (req: Request, res: Response) => {
    const index = articles.findIndex((a) => a.id === Number(req.params.id));
    if (index === -1) {
      res.status(404).json({ error: 'article not found' });
      return;
    }
    articles.splice(index, 1);
    res.status(204).end();
  });

  app.get('/admin/users', requirePermission('users:manage'), (req: Request, res: Response) => {
    res.json([{ name: 'ada', role: 'admin' }]);
  });

  return app;
}
