// A small tasks API. This code is correct and complete: leave it as it is. Your job is the tests in
// test/tasks.test.js, which must pin down its contract (README.md) so firmly that a bug slipped into
// this file would make at least one of them fail.
const express = require('express');

/** Who each bearer token signs in as. A real API would verify a JWT or a session instead. */
const USERS = {
  'token-ana': { name: 'ana', email: 'ana@example.com' },
  'token-ben': { name: 'ben', email: 'ben@example.com' },
};
const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 50;
const MAX_TITLE_LENGTH = 200;

/** What a client sees of a task: the owner's e-mail address stays on the server. */
function publicTask(task) {
  return { id: task.id, title: task.title, done: task.done, owner: task.owner };
}

/** A query value as a whole number from 1 to `max`; `fallback` when it is absent, undefined when it is not one. */
function wholeNumber(value, fallback, max) {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^[1-9]\d*$/.test(value)) return undefined;
  const n = Number(value);
  return n <= max ? n : undefined;
}

/** The user the request's bearer token signs in as; undefined (after answering 401) when there is none. */
function signedIn(req, res) {
  const match = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '');
  if (match && Object.hasOwn(USERS, match[1])) return USERS[match[1]];
  res.set('WWW-Authenticate', 'Bearer').status(401).json({ error: 'sign in with Authorization: Bearer <token>' });
  return undefined;
}

/** A new app with its own empty list of tasks, so every test can start from known data. */
function createApp() {
  const app = express();
  app.use(express.json());
  const tasks = [];
  let nextId = 1;
  const findTask = (id) => tasks.find((task) => String(task.id) === id);

  app.get('/tasks', (req, res) => {
    const page = wholeNumber(req.query.page, 1, Number.MAX_SAFE_INTEGER);
    const pageSize = wholeNumber(req.query.pageSize, DEFAULT_PAGE_SIZE, Number.MAX_SAFE_INTEGER); // MUTANT: no cap
    if (page === undefined || pageSize === undefined) {
      return res.status(400).json({ error: `page must be a whole number from 1, and pageSize from 1 to ${MAX_PAGE_SIZE}` });
    }
    const start = (page - 1) * pageSize;
    res.json({ data: tasks.slice(start, start + pageSize).map(publicTask), page, pageSize, total: tasks.length });
  });

  app.get('/tasks/:id', (req, res) => {
    const task = findTask(req.params.id);
    if (!task) return res.status(404).json({ error: 'task not found' });
    res.json(publicTask(task));
  });

  app.post('/tasks', (req, res) => {
    const user = signedIn(req, res);
    if (!user) return;
    const title = req.body?.title;
    if (typeof title !== 'string' || title.trim() === '' || title.trim().length > MAX_TITLE_LENGTH) {
      return res.status(400).json({ error: `title must be text of 1 to ${MAX_TITLE_LENGTH} characters` });
    }
    const task = { id: nextId++, title: title.trim(), done: false, owner: user.name, ownerEmail: user.email };
    tasks.push(task);
    res.status(201).location(`/tasks/${task.id}`).json(publicTask(task));
  });

  app.delete('/tasks/:id', (req, res) => {
    const user = signedIn(req, res);
    if (!user) return;
    const task = findTask(req.params.id);
    if (!task) return res.status(404).json({ error: 'task not found' });
    if (task.owner !== user.name) return res.status(403).json({ error: 'only the owner can delete a task' });
    tasks.splice(tasks.indexOf(task), 1);
    res.status(204).end();
  });

  app.use((req, res) => {
    res.status(404).json({ error: `no route for ${req.method} ${req.path}` });
  });
  // Whatever goes wrong is answered in JSON, never with a stack trace: the client's mistakes (a body
  // that is not JSON) with their 4xx status, anything else as 500.
  app.use((err, req, res, _next) => {
    const status = Number(err.status ?? err.statusCode);
    if (status >= 400 && status < 500) return res.status(status).json({ error: err.expose ? err.message : 'bad request' });
    res.status(500).json({ error: 'internal error' });
  });
  return app;
}

module.exports = { createApp, USERS, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_TITLE_LENGTH };
