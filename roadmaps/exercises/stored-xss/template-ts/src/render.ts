// The comment page's HTML. It pastes user text straight into the markup: a comment can carry a
// <script>, break out of an attribute or out of the textarea. Fix it (README, "Steps").

/**
 * The Content-Security-Policy header, sent with the page.
 * TODO 1: "default-src 'self'; object-src 'none'; base-uri 'self'" (README: what each part does).
 */
export const CSP: string = '';

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  // TODO 2: replace & < > " ' with &amp; &lt; &gt; &quot; &#39; (all of them, & included).
  return String(text);
}

/** One comment: the author in an attribute and a heading, the body in a paragraph and a textarea. */
export interface Comment {
  id: number;
  author: string;
  body: string;
}

export function renderComment({ id, author, body }: Comment): string {
  // TODO 3: escape every piece of user text that goes into the markup, in all four places.
  return `<article class="comment" id="comment-${id}" data-author="${author}">
  <h2>${author}</h2>
  <p>${body}</p>
  <textarea name="quote" readonly>${body}</textarea>
</article>`;
}

/** The whole page. */
export function renderPage(comments: Comment[]): string {
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
