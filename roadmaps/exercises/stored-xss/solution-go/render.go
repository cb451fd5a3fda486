// The comment page's HTML. Every piece of user text is escaped for the place it lands in.
package main

import (
	"fmt"
	"strings"
)

type comment struct {
	ID     int    `json:"id"`
	Author string `json:"author"`
	Body   string `json:"body"`
}

// csp is the Content-Security-Policy header: only this site's own scripts, styles, images…; no
// inline scripts or event handlers, no plugins, no <base> tricks. If an injection ever gets
// through, the browser still refuses to run it.
const csp = "default-src 'self'; object-src 'none'; base-uri 'self'"

// A Replacer replaces in one pass, so & is never escaped twice.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&#39;")

// escapeHTML makes text safe for HTML element content and quoted attribute values.
func escapeHTML(text string) string {
	return htmlEscaper.Replace(text)
}

// renderComment puts the author in an attribute and a heading, the body in a paragraph and a textarea.
func renderComment(c comment) string {
	author, body := escapeHTML(c.Author), escapeHTML(c.Body)
	return fmt.Sprintf(`<article class="comment" id="comment-%d" data-author="%s">
  <h2>%s</h2>
  <p>%s</p>
  <textarea name="quote" readonly>%s</textarea>
</article>`, c.ID, author, author, body, body)
}

// renderPage is the whole page.
func renderPage(comments []comment) string {
	items := make([]string, len(comments))
	for i, c := range comments {
		items[i] = renderComment(c)
	}
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Comments</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<h1>Comments</h1>
` + strings.Join(items, "\n") + `
</body>
</html>
`
}
