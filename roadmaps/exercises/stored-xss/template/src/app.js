// The comment board (done for you): the page, a JSON API, and the comments in memory. The HTML is
// built in render.js.
//
//   GET  /               -> the page (text/html), with the Content-Security-Policy of render.js
//   POST /comments       { "author", "body" } (JSON) -> 201 { id, author, body }
//   GET  /comments.json  -> 200 { comments: [{ id, author, body }] }, the text exactly as posted
//   GET  /style.css      -> the page's stylesheet
const http = require('node:http');
const { CSP, renderPage } = require('./render');

const STYLE = 'body { font-family: sans-serif; max-width: 40rem; margin: 2rem auto; }\n.comment { border-bottom: 1px solid #ccc; }\n';

function createApp() {
  // Stored as posted: escaping belongs to the output, where the context is known.
  const comments = [];

  async function handle(req, res) {
    const route = `${req.method} ${req.url.split('?')[0]}`;
    if (route === 'GET /') {
      const headers = { 'Content-Type': 'text/html; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };
      if (CSP) headers['Content-Security-Policy'] = CSP;
      return res.writeHead(200, headers).end(renderPage(comments));
    }
    if (route === 'GET /style.css') return res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8' }).end(STYLE);
    if (route === 'GET /comments.json') return json(res, 200, { comments });
    if (route === 'POST /comments') {
      const { author, body } = (await readJson(req)) ?? {};
      if (typeof author !== 'string' || author === '' || typeof body !== 'string' || body === '') {
        return json(res, 400, { error: 'author and body must be non-empty strings' });
      }
      const comment = { id: comments.length + 1, author, body };
      comments.push(comment);
      return json(res, 201, comment);
    }
    return json(res, 404, { error: `no route for ${route}` });
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error(error);
      json(res, 500, { error: 'internal error' });
    });
  });
}

function json(res, status, payload) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'X-Content-Type-Options': 'nosniff' }).end(JSON.stringify(payload));
}

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return value !== null && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

module.exports = { createApp };
