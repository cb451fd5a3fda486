const express = require('express');
const { createStore } = require('./store');
// Milestone 3: const { validateNewTodo, validateChanges } = require('./validation');
// Milestone 4: const { parseListQuery } = require('./validation');
// Milestone 5: const { requireUser } = require('./auth');

/** What a client sees of a to-do: exactly these four fields, whatever else the store keeps. */
function publicTodo(todo) {
  return { id: todo.id, title: todo.title, done: todo.done, createdAt: todo.createdAt };
}

function createApp({ secret } = {}) {
  const app = express();
  const store = createStore();
  app.use(express.json());

  app.get('/health', (req, res) => res.json({ status: 'ok' }));

  // TODO (milestone 5): every /todos route needs a user from a bearer token:
  //   app.use('/todos', requireUser(secret));

  // TODO (milestone 1): POST /todos with { "title": "..." }: store { id: store.nextId(), title,
  //   done: false, createdAt: new Date().toISOString() }, answer 201 with publicTodo(...) and a
  //   Location header /todos/<id>.

  // TODO (milestone 1): GET /todos: 200 { "data": [every to-do, oldest first] }.
  //   Milestone 4 adds done, limit and offset, and total, limit and offset beside data.

  // TODO (milestone 1): GET /todos/:id: 200 with the to-do, or 404 { "error": "..." }.
  //   req.params.id is a string; the store's ids are numbers.

  // TODO (milestone 2): PATCH /todos/:id (only the fields given) and DELETE /todos/:id (204).

  // TODO (milestone 3): an error handler, (err, req, res, next) => ..., registered last, so a body
  //   that is not JSON answers 400 { "error": "..." } instead of an HTML page.

  void secret; // used from milestone 5
  return app;
}

module.exports = { createApp, publicTodo };
