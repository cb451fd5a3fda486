// The comment page's HTML. Every piece of user text is escaped for the place it lands in.

/**
 * The Content-Security-Policy header: only this site's own scripts, styles, images…; no inline
 * scripts or event handlers, no plugins, no <base> tricks. If an injection ever gets through, the
 * browser still refuses to run it.
 */
const CSP = "default-src 'self'; object-src 'none'; base-uri 'self'";

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and quoted attribute values. */
function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** One comment: the author in an attribute and a heading, the body in a paragraph and a textarea. */
function renderComment({ id, author, body }) {
  // WRONG: the text was escaped when it was posted (app.js), so it is pasted as is here.
  return `<article class="comment" id="comment-${id}" data-author="${author}">
  <h2>${author}</h2>
  <p>${body}</p>
  <textarea name="quote" readonly>${body}</textarea>
</article>`;
}

/** The whole page. */
function renderPage(comments) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Comments</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<h1>Comments</h1>
${comments.map(renderComment).join('\n')}
</body>
</html>
`;
}

module.exports = { CSP, escapeHtml, renderComment, renderPage };
