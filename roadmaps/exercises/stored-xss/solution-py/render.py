"""The comment page's HTML. Every piece of user text is escaped for the place it lands in."""

from typing import Any

# Only this site's own scripts, styles, images…; no inline scripts or event handlers, no plugins,
# no <base> tricks. If an injection ever gets through, the browser still refuses to run it.
CSP = "default-src 'self'; object-src 'none'; base-uri 'self'"

# & first: str.translate replaces each character once, so nothing is escaped twice.
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def escape_html(text: str) -> str:
    """Text made safe for HTML element content and quoted attribute values."""
    return text.translate(_ENTITIES)


def render_comment(comment: dict[str, Any]) -> str:
    """One comment: the author in an attribute and a heading, the body in a paragraph and a textarea."""
    author, body = escape_html(comment["author"]), escape_html(comment["body"])
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
