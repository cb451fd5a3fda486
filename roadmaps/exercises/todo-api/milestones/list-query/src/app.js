const express = require('express');
const { createStore } = require('./store');
const { validateNewTodo, validateChanges, parseListQuery } = require('./validation');
// Milestone 5: const { requireUser } = require('./auth');

/** What a client sees of a to-do: exactly these four fields, whatever else the store keeps. */
function publicTodo(todo) {
  return { id: todo.id, title: todo.title, done: todo.done, createdAt: todo.createdAt };
}

function createApp() {
  const app = express();
  const store = createStore();
  app.use(express.json());

  app.get('/health', (req, res) => res.json({ status: 'ok' }));

  const notFound = (res, id) => res.status(404).json({ error: `to-do ${id} not found` });
  const own = (req) => store.get(Number(req.params.id));

  app.post('/todos', (req, res) => {
    const checked = validateNewTodo(req.body);
    if (!checked.ok) return res.status(400).json({ error: checked.error });
    const todo = store.insert({ id: store.nextId(), ...checked.value, createdAt: new Date().toISOString() });
    res.status(201).location(`/todos/${todo.id}`).json(publicTodo(todo));
  });

  app.get('/todos', (req, res) => {
    const query = parseListQuery(req.query);
    if (!query.ok) return res.status(400).json({ error: query.error });
    const { done, limit, offset } = query.value;
    const matching = store.all().filter((t) => done === undefined || t.done === done);
    res.json({ data: matching.slice(offset, offset + limit).map(publicTodo), total: matching.length, limit, offset });
  });

  app.get('/todos/:id', (req, res) => {
    const todo = own(req);
    if (!todo) return notFound(res, req.params.id);
    res.json(publicTodo(todo));
  });

  app.patch('/todos/:id', (req, res) => {
    const todo = own(req);
    if (!todo) return notFound(res, req.params.id);
    const checked = validateChanges(req.body);
    if (!checked.ok) return res.status(400).json({ error: checked.error });
    Object.assign(todo, checked.value);
    res.json(publicTodo(todo));
  });

  app.delete('/todos/:id', (req, res) => {
    if (!own(req)) return notFound(res, req.params.id);
    store.remove(Number(req.params.id));
    res.status(204).end();
  });

  // Registered last: the JSON parser's errors (and any other) answer JSON, never an HTML page.
  app.use((err, req, res, next) => {
    if (res.headersSent) return next(err);
    const status = err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json({ error: status === 500 ? 'internal error' : 'the body must be valid JSON' });
  });

  return app;
}

module.exports = { createApp, publicTodo };
