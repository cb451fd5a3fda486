import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { CSP, escapeHtml, renderComment } from '../src/render';
import { createApp } from '../src/app';

test('escapeHtml escapes & < > " and \' exactly once', () => {
  assert.equal(escapeHtml('<script>alert(1)</script>'), '&lt;script&gt;alert(1)&lt;/script&gt;');
  assert.equal(escapeHtml(`Tom & Jerry say "hi" and 'bye'`), 'Tom &amp; Jerry say &quot;hi&quot; and &#39;bye&#39;');
  assert.equal(escapeHtml('&lt;'), '&amp;lt;', 'text that looks like an entity is still text');
  assert.equal(escapeHtml('plain text'), 'plain text');
});

test('renderComment escapes the author in the attribute and heading, the body in the paragraph and textarea', () => {
  const html = renderComment({ id: 1, author: 'x" onmouseover="alert(1)', body: '</textarea><script>alert(2)</script>' });
  assert.ok(html.includes('data-author="x&quot; onmouseover=&quot;alert(1)"'), html);
  assert.ok(html.includes('<h2>x&quot; onmouseover=&quot;alert(1)</h2>'), html);
  assert.ok(html.includes('<p>&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;</p>'), html);
  assert.ok(html.includes('<textarea name="quote" readonly>&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;</textarea>'), html);
  assert.ok(!html.includes('<script>'), html);
});

test("the CSP is default-src 'self' and allows no inline script", () => {
  assert.match(CSP, /(^|;)\s*default-src 'self'\s*(;|$)/);
  assert.doesNotMatch(CSP, /unsafe-|\*/);
});

test('over HTTP: stored as posted, escaped on the page, sent with the CSP', async (t) => {
  const server = createApp();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const posted = await fetch(`${base}/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ author: '<b>Ada</b>', body: '<script>alert(1)</script>' }),
  });
  assert.equal(posted.status, 201);
  const { comments } = (await (await fetch(`${base}/comments.json`)).json()) as { comments: unknown };
  assert.deepEqual(comments, [{ id: 1, author: '<b>Ada</b>', body: '<script>alert(1)</script>' }], 'the JSON API gives the text as posted');
  const page = await fetch(`${base}/`);
  assert.equal(page.headers.get('content-security-policy'), CSP);
  const html = await page.text();
  assert.ok(html.includes('<h2>&lt;b&gt;Ada&lt;/b&gt;</h2>'), html);
  assert.ok(!html.includes('<script>alert(1)'), html);
});
