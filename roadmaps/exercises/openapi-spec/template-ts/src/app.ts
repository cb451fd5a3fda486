import path from 'node:path';
import express from 'express';
import type { ErrorRequestHandler, Express, Request, Response, Router } from 'express';

// The API to document. You do not need to change this file: write openapi.yaml so that it
// describes exactly what this code does.
//
//   GET    /health       200 { status: 'ok' }
//   GET    /todos        200 Todo[]; ?done=true|false filters; any other done value: 400
//   POST   /todos        201 Todo + Location header; 400 when the body is invalid
//   GET    /todos/:id    200 Todo; 404 when there is no such todo
//   PUT    /todos/:id    200 Todo (full replacement: title and done are both required); 400; 404
//   DELETE /todos/:id    204 and no body; 404
//
// Every error is JSON: { error: string }.

/** What the API sends for a todo: the shape your Todo schema describes. */
export interface Todo {
  id: number;
  title: string;
  done: boolean;
  /** An ISO 8601 timestamp (format: date-time). */
  createdAt: string;
}

export function createApp({ docs = false }: { docs?: boolean } = {}): Express {
  const app = express();
  app.use(express.json());

  app.get('/health', (req, res) => {
    res.json({ status: 'ok' });
  });
  app.use('/todos', todosRouter());

  if (docs) {
    // Swagger UI loads the spec from the file on every page load, so edits show after a reload.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const swaggerUi = require('swagger-ui-express') as typeof import('swagger-ui-express');
    app.get('/openapi.yaml', (req, res) => res.sendFile(path.join(__dirname, '..', 'openapi.yaml')));
    app.use('/docs', swaggerUi.serve, swaggerUi.setup(undefined, { swaggerOptions: { url: '/openapi.yaml' } }));
  }

  app.use((req, res) => {
    res.status(404).json({ error: `No route for ${req.method} ${req.path}` });
  });
  // express.json() reports a malformed body as an error with status 400.
  const onError: ErrorRequestHandler = (err: { status?: number }, req, res, _next) => {
    const status = err.status ?? 500;
    res.status(status).json({ error: status === 400 ? 'Request body is not valid JSON' : 'Internal error' });
  };
  app.use(onError);
  return app;
}

/** Each router has its own in-memory todos, so every app starts empty. */
function todosRouter(): Router {
  const router = express.Router();
  const todos = new Map<number, Todo>();
  let nextId = 1;

  const find = (req: Request<{ id: string }>, res: Response): Todo | undefined => {
    const todo = /^\d+$/.test(req.params.id) ? todos.get(Number(req.params.id)) : undefined;
    if (!todo) res.status(404).json({ error: `Todo ${req.params.id} not found` });
    return todo;
  };

  router.get('/', (req, res) => {
    const { done } = req.query;
    if (done !== undefined && done !== 'true' && done !== 'false') {
      res.status(400).json({ error: 'done must be "true" or "false"' });
      return;
    }
    const list = [...todos.values()];
    res.json(done === undefined ? list : list.filter((t) => t.done === (done === 'true')));
  });

  router.post('/', (req, res) => {
    const error = checkTodo(req.body, { doneRequired: false });
    if (error) {
      res.status(400).json({ error });
      return;
    }
    const body = req.body as { title: string; done?: boolean };
    const todo: Todo = { id: nextId++, title: body.title.trim(), done: body.done ?? false, createdAt: new Date().toISOString() };
    todos.set(todo.id, todo);
    res.status(201).location(`/todos/${todo.id}`).json(todo);
  });

  router.get('/:id', (req, res) => {
    const todo = find(req, res);
    if (todo) res.json(todo);
  });

  router.put('/:id', (req, res) => {
    const todo = find(req, res);
    if (!todo) return;
    const error = checkTodo(req.body, { doneRequired: true });
    if (error) {
      res.status(400).json({ error });
      return;
    }
    const body = req.body as { title: string; done: boolean };
    Object.assign(todo, { title: body.title.trim(), done: body.done });
    res.json(todo);
  });

  router.delete('/:id', (req, res) => {
    const todo = find(req, res);
    if (!todo) return;
    todos.delete(todo.id);
    res.status(204).end();
  });

  return router;
}

function checkTodo(body: unknown, { doneRequired }: { doneRequired: boolean }): string | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'Send a JSON object';
  const { title, done } = body as Record<string, unknown>;
  if (typeof title !== 'string' || title.trim() === '' || title.length > 200) {
    return 'title is required: a string of 1 to 200 characters';
  }
  if (doneRequired ? typeof done !== 'boolean' : done !== undefined && typeof done !== 'boolean') {
    return doneRequired ? 'done is required: true or false' : 'done must be true or false';
  }
  return undefined;
}
