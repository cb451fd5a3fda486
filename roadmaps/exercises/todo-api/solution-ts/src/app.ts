import express from 'express';
import type { ErrorRequestHandler, Request, Response } from 'express';
import { createStore } from './store';
import type { Todo } from './store';
import { validateNewTodo, validateChanges, parseListQuery } from './validation';
import { requireUser } from './auth';

/** What a client sees of a to-do: exactly these four fields, whatever else the store keeps. */
export function publicTodo(todo: Todo): Omit<Todo, 'owner'> {
  return { id: todo.id, title: todo.title, done: todo.done, createdAt: todo.createdAt };
}

export function createApp({ secret }: { secret?: string } = {}): express.Express {
  const app = express();
  const store = createStore();
  app.use(express.json());

  app.get('/health', (req, res) => {
    res.json({ status: 'ok' });
  });

  app.use('/todos', requireUser(secret));

  const userId = (req: Request): string => req.user?.id ?? '';
  const notFound = (res: Response, id: string) => res.status(404).json({ error: `to-do ${id} not found` });
  // Someone else's to-do is, for this user, not there at all.
  const own = (req: Request<{ id: string }>): Todo | undefined => {
    const todo = store.get(Number(req.params.id));
    return todo && todo.owner === userId(req) ? todo : undefined;
  };

  app.post('/todos', (req, res) => {
    const checked = validateNewTodo(req.body);
    if (!checked.ok) return void res.status(400).json({ error: checked.error });
    const todo = store.insert({ id: store.nextId(), ...checked.value, createdAt: new Date().toISOString(), owner: userId(req) });
    res.status(201).location(`/todos/${todo.id}`).json(publicTodo(todo));
  });

  app.get('/todos', (req, res) => {
    const query = parseListQuery(req.query);
    if (!query.ok) return void res.status(400).json({ error: query.error });
    const { done, limit, offset } = query.value;
    const matching = store.all().filter((t) => t.owner === userId(req) && (done === undefined || t.done === done));
    res.json({ data: matching.slice(offset, offset + limit).map(publicTodo), total: matching.length, limit, offset });
  });

  app.get('/todos/:id', (req, res) => {
    const todo = own(req);
    if (!todo) return void notFound(res, req.params.id);
    res.json(publicTodo(todo));
  });

  app.patch('/todos/:id', (req, res) => {
    const todo = own(req);
    if (!todo) return void notFound(res, req.params.id);
    const checked = validateChanges(req.body);
    if (!checked.ok) return void res.status(400).json({ error: checked.error });
    Object.assign(todo, checked.value);
    res.json(publicTodo(todo));
  });

  app.delete('/todos/:id', (req, res) => {
    if (!own(req)) return void notFound(res, req.params.id);
    store.remove(Number(req.params.id));
    res.status(204).end();
  });

  // Registered last: the JSON parser's errors (and any other) answer JSON, never an HTML page.
  const onError: ErrorRequestHandler = (err: { status?: number }, req, res, next) => {
    if (res.headersSent) return next(err);
    const status = err.status !== undefined && err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json({ error: status === 500 ? 'internal error' : 'the body must be valid JSON' });
  };
  app.use(onError);

  return app;
}
