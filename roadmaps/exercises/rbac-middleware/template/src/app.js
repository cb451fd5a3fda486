const express = require('express');
const { requirePermission } = require('./requirePermission');

// Stand-in for real authentication (see the JWT exercise): it believes whatever the headers say,
// so it is only for tests and demos. Its one job is to set req.user = { name, role }.
function fakeAuth(req, res, next) {
  const name = req.get('x-user');
  if (name) req.user = { name, role: req.get('x-role') };
  next();
}

function createApp() {
  const app = express();
  app.use(express.json());
  app.use(fakeAuth);

  const articles = [{ id: 1, title: 'Hello' }];
  let nextId = 2;

  app.get('/health', (req, res) => res.json({ ok: true })); // public

  app.get('/articles', requirePermission('articles:read'), (req, res) => {
    res.json(articles);
  });

  app.post('/articles', requirePermission('articles:write'), (req, res) => {
    const article = { id: nextId++, title: String(req.body?.title ?? 'Untitled'), by: req.user.name };
    articles.push(article);
    res.status(201).json(article);
  });

  app.delete('/articles/:id', requirePermission('articles:delete'), (req, res) => {
    const index = articles.findIndex((a) => a.id === Number(req.params.id));
    if (index === -1) return res.status(404).json({ error: 'article not found' });
    articles.splice(index, 1);
    res.status(204).end();
  });

  app.get('/admin/users', requirePermission('users:manage'), (req, res) => {
    res.json([{ name: 'ada', role: 'admin' }]);
  });

  return app;
}

module.exports = { createApp };
