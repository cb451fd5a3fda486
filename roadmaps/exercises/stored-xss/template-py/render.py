"""The comment page's HTML. It pastes user text straight into the markup: a comment can carry a
<script>, break out of an attribute or out of the textarea. Fix it (README, "Steps")."""

from typing import Any

# The Content-Security-Policy header, sent with the page.
# TODO 1: "default-src 'self'; object-src 'none'; base-uri 'self'" (README: what each part does).
CSP = ""


def escape_html(text: str) -> str:
    """Text made safe for HTML element content and quoted attribute values."""
    # TODO 2: replace & < > " ' with &amp; &lt; &gt; &quot; &#39; (all of them, & included).
    return text


def render_comment(comment: dict[str, Any]) -> str:
    """One comment: the author in an attribute and a heading, the body in a paragraph and a textarea."""
    # TODO 3: escape every piece of user text that goes into the markup, in all four places.
    author, body = comment["author"], comment["body"]
    return f"""<article class="comment" id="comment-{comment["id"]}" data-author="{author}">
  <h2>{author}</h2>
  <p>{body}</p>
  <textarea name="quote" readonly>{body}</textarea>
</article>"""


def render_page(comments: list[dict[str, Any]]) -> str:
    """The whole page."""
    items = "\n".join(render_comment(c) for c in comments)
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Comments</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<h1>Comments</h1>
{items}
</body>
</html>
"""
