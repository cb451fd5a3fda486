// A small tasks API. This code is correct and complete: leave it as it is. Your job is the tests in
// test/tasks.test.ts, which must pin down its contract (README.md) so firmly that a bug slipped into
// this file would make at least one of them fail.
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

export interface User {
  name: string;
  email: string;
}

/** What a client sees of a task. */
export interface Task {
  id: number;
  title: string;
  done: boolean;
  owner: string;
}

/** What the server keeps: the owner's e-mail address too, which never leaves it. */
interface StoredTask extends Task {
  ownerEmail: string;
}

export interface TaskPage {
  data: Task[];
  page: number;
  pageSize: number;
  total: number;
}

/** Who each bearer token signs in as. A real API would verify a JWT or a session instead. */
export const USERS: Readonly<Record<string, User>> = {
  'token-ana': { name: 'ana', email: 'ana@example.com' },
  'token-ben': { name: 'ben', email: 'ben@example.com' },
};
export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;
export const MAX_TITLE_LENGTH = 200;

/** What a client sees of a task: the owner's e-mail address stays on the server. */
function publicTask(task: StoredTask): Task {
  return { id: task.id, title: task.title, done: task.done, owner: task.owner };
}

/** A query value as a whole number from 1 to `max`; `fallback` when it is absent, undefined when it is not one. */
function wholeNumber(value: unknown, fallback: number, max: number): number | undefined {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^[1-9]\d*$/.test(value)) return undefined;
  const n = Number(value);
  return n <= max ? n : undefined;
}

/** The user the request's bearer token signs in as; undefined (after answering 401) when there is none. */
function signedIn(req: Request, res: Response): User | undefined {
  const match = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '');
  const token = match?.[1];
  if (token !== undefined && Object.hasOwn(USERS, token)) return USERS[token];
  res.set('WWW-Authenticate', 'Bearer').status(401).json({ error: 'sign in with Authorization: Bearer <token>' });
  return undefined;
}

/** A new app with its own empty list of tasks, so every test can start from known data. */
export function createApp(): Express {
  const app = express();
  app.use(express.json());
  const tasks: StoredTask[] = [];
  let nextId = 1;
  const findTask = (id: string) => tasks.find((task) => String(task.id) === id);

  app.get('/tasks', (req: Request, res: Response) => {
    const page = wholeNumber(req.query.page, 1, Number.MAX_SAFE_INTEGER);
    const pageSize = wholeNumber(req.query.pageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    if (page === undefined || pageSize === undefined) {
      res.status(400).json({ error: `page must be a whole number from 1, and pageSize from 1 to ${MAX_PAGE_SIZE}` });
      return;
    }
    const start = (page - 1) * pageSize;
    const body: TaskPage = { data: tasks.slice(start, start + pageSize).map(publicTask), page, pageSize, total: tasks.length };
    res.json(body);
  });

  app.get('/tasks/:id', (req: Request<{ id: string }>, res: Response) => {
    const task = findTask(req.params.id);
    if (!task) {
      res.status(404).json({ error: 'task not found' });
      return;
    }
    res.json(publicTask(task));
  });

  app.post('/tasks', (req: Request, res: Response) => {
    const user = signedIn(req, res);
    if (!user) return;
    const title: unknown = (req.body as { title?: unknown } | undefined)?.title;
    if (typeof title !== 'string' || title.trim() === '' || title.trim().length > MAX_TITLE_LENGTH) {
      res.status(400).json({ error: `title must be text of 1 to ${MAX_TITLE_LENGTH} characters` });
      return;
    }
    const task: StoredTask = { id: nextId++, title: title.trim(), done: false, owner: user.name, ownerEmail: user.email };
    tasks.push(task);
    res.status(201).location(`/tasks/${task.id}`).json(publicTask(task));
  });

  app.delete('/tasks/:id', (req: Request<{ id: string }>, res: Response) => {
    const user = signedIn(req, res);
    if (!user) return;
    const task = findTask(req.params.id);
    if (!task) {
      res.status(404).json({ error: 'task not found' });
      return;
    }
    // MUTANT: no owner check
    tasks.splice(tasks.indexOf(task), 1);
    res.status(204).end();
  });

  app.use((req: Request, res: Response) => {
    res.status(404).json({ error: `no route for ${req.method} ${req.path}` });
  });
  // Whatever goes wrong is answered in JSON, never with a stack trace: the client's mistakes (a body
  // that is not JSON) with their 4xx status, anything else as 500.
  app.use((err: { status?: number; statusCode?: number; expose?: boolean; message?: string }, _req: Request, res: Response, _next: NextFunction) => {
    const status = Number(err.status ?? err.statusCode);
    if (status >= 400 && status < 500) {
      res.status(status).json({ error: err.expose ? err.message : 'bad request' });
      return;
    }
    res.status(500).json({ error: 'internal error' });
  });
  return app;
}
