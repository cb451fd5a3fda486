// The comment page's HTML. It pastes user text straight into the markup: a comment can carry a
// <script>, break out of an attribute or out of the textarea. Fix it (README, "Steps").
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

// csp is the Content-Security-Policy header, sent with the page.
// TODO 1: "default-src 'self'; object-src 'none'; base-uri 'self'" (README: what each part does).
const csp = ""

// escapeHTML makes text safe for HTML element content and quoted attribute values.
func escapeHTML(text string) string {
	// TODO 2: replace & < > " ' with &amp; &lt; &gt; &quot; &#39; (all of them, & included).
	return text
}

// renderComment puts the author in an attribute and a heading, the body in a paragraph and a textarea.
func renderComment(c comment) string {
	// TODO 3: escape every piece of user text that goes into the markup, in all four places.
	author, body := c.Author, c.Body
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
