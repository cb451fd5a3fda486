const express = require('express');
const { createStore } = require('./store');
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
    const todo = store.insert({ id: store.nextId(), title: req.body.title, done: false, createdAt: new Date().toISOString() });
    res.status(201).location(`/todos/${todo.id}`).json(publicTodo(todo));
  });

  app.get('/todos', (req, res) => {
    res.json({ data: store.all().map(publicTodo) });
  });

  app.get('/todos/:id', (req, res) => {
    const todo = own(req);
    if (!todo) return notFound(res, req.params.id);
    res.json(publicTodo(todo));
  });




  return app;
}

module.exports = { createApp, publicTodo };
