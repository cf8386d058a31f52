"""The model law as one self-contained HTML file: markdown-it-py, inline CSS, no requests.

Raw HTML in the markdown is switched off, so anything that came from DSL text is escaped
by markdown-it itself; the only structure added here is ids on headings and a class on
the blockquotes that hold commentary and alternative wordings.
"""

from __future__ import annotations

import html
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from modellaw.publish.document import COMMENTARY_LABEL, Document
from modellaw.publish.markdown import render_markdown

_ANCHOR = re.compile(r"\s*\{#([A-Za-z][A-Za-z0-9_.\-]*)\}$")

CSS = """
:root { --ink: #1b1b1b; --muted: #555; --rule: #c9c9c9; --shade: #f2f4f7; --accent: #2c4a7a; }
body { font-family: Georgia, "Times New Roman", serif; color: var(--ink); line-height: 1.5;
       max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.25; }
h1 { font-size: 2rem; margin-top: 4rem; }
h2 { border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin-top: 2rem; }
a { color: var(--accent); }
ul { list-style: none; padding-left: 1.6rem; }
#contents + ul { padding-left: 0; }
blockquote { margin: 1rem 0; padding: .6rem 1rem; border-left: 4px solid var(--rule); }
blockquote.commentary { background: var(--shade); border-left-color: var(--accent);
                        font-size: .95rem; }
blockquote.alternative { border-left-style: dashed; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid var(--rule); padding: .25rem .5rem; text-align: left;
         vertical-align: top; }
th { background: var(--shade); }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  a { color: inherit; text-decoration: none; }
  #contents, #annex { break-before: page; page-break-before: always; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  blockquote, tr { break-inside: avoid; page-break-inside: avoid; }
  blockquote.commentary { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _md() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


def _decorate(tokens: list[Token]) -> None:
    """Heading `{#id}` suffixes -> id attributes; commentary/alternative quotes -> classes."""
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and i + 1 < len(tokens):
            inline = tokens[i + 1]
            m = _ANCHOR.search(inline.content)
            if m and inline.children:
                tok.attrSet("id", m.group(1))
                inline.content = inline.content[:m.start()]
                _trim_children(inline.children, len(m.group(0)))
        elif tok.type == "blockquote_open" and i + 2 < len(tokens):
            first = tokens[i + 2].content if tokens[i + 2].type == "inline" else ""
            if first.startswith(f"**{COMMENTARY_LABEL}**"):
                tok.attrSet("class", "commentary")
            elif first.startswith("**Alternative"):
                tok.attrSet("class", "alternative")


def _trim_children(children: list[Token], n: int) -> None:
    """Drop the last n characters of text from a heading's inline children.

    The anchor suffix has no markup in it, so it is plain text, possibly split over
    several text tokens.
    """
    while n > 0 and children and children[-1].type == "text":
        last = children[-1]
        if len(last.content) <= n:
            n -= len(last.content)
            children.pop()
        else:
            last.content = last.content[:-n]
            n = 0
    if children and children[-1].type == "text":
        children[-1].content = children[-1].content.rstrip()


def markdown_to_html_body(text: str) -> str:
    md = _md()
    env: dict = {}
    tokens = md.parse(text, env)
    _decorate(tokens)
    return md.renderer.render(tokens, md.options, env)


def render_html(doc: Document) -> str:
    body = markdown_to_html_body(render_markdown(doc))
    title = html.escape(doc.title + (f" (version {doc.version})" if doc.version else ""))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{title}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        f"{body}</main>\n</body>\n</html>\n"
    )
