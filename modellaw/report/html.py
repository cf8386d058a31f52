"""The gap report as one self-contained HTML file, rendered from the Markdown report.

markdown-it runs with html=False, so raw HTML in statute text becomes visible text. The
only markup we add ourselves (status badges, SVG figures) goes in through placeholders
that carry a per-render random nonce, and every string inside it is escaped. A
Content-Security-Policy without script sources stops anything that slipped through.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
from html import escape

from markdown_it import MarkdownIt

from modellaw.compare.findings import GapResult
from modellaw.dsl.model import ModelLaw
from modellaw.report import svg
from modellaw.report.markdown import Marks, build_markdown
from modellaw.report.status import COLOUR, FILL, label
from modellaw.report.summary import InstrumentSummary

_CSS_TEMPLATE = """
:root { --met: @met@; --partial: @partial@; --unmet: @unmet@; }
* { box-sizing: border-box; }
body { font-family: Georgia, 'Times New Roman', serif; line-height: 1.45; color: #1b1b1b;
       max-width: 62rem; margin: 0 auto; padding: 1.5rem; background: #fff; }
h1, h2, h3, h4, h5 { font-family: 'Helvetica Neue', Arial, sans-serif; line-height: 1.2; }
h1 { font-size: 1.8rem; border-bottom: 3px solid #1b1b1b; padding-bottom: .3rem; }
h2 { font-size: 1.4rem; margin-top: 2.2rem; border-bottom: 1px solid #999; }
h3 { font-size: 1.2rem; margin-top: 1.8rem; }
h4 { font-size: 1.05rem; margin-top: 1.6rem; padding-top: .6rem; border-top: 1px solid #ddd; }
h5 { font-size: .95rem; margin: 1rem 0 .3rem; color: #333; }
table { border-collapse: collapse; width: 100%; font-size: .88rem; margin: .8rem 0; }
th, td { border: 1px solid #bbb; padding: .25rem .45rem; vertical-align: top; text-align: left; }
th { background: #eef0f3; }
blockquote { margin: .5rem 0 .7rem; padding: .4rem .8rem; border-left: 4px solid #6b7a90;
             background: #f5f7fa; white-space: normal; }
blockquote p { margin: .2rem 0; }
pre { white-space: pre-wrap; word-wrap: break-word; }
code { font-size: .9em; }
pre code.language-model { display: block; font-family: Georgia, serif; font-size: .92rem;
             padding: .6rem .9rem; border-left: 4px solid var(--met); background: #f2f8f3; }
.st { display: inline-block; padding: 0 .4em; border-radius: 3px; font-weight: bold;
      font-family: 'Helvetica Neue', Arial, sans-serif; font-size: .85em; border: 1px solid; }
.st-met { color: #0d4d1f; background: @fmet@; border-color: var(--met); }
.st-partial { color: #5c3b00; background: @fpartial@; border-color: var(--partial); }
.st-unmet { color: #7a0f0f; background: @funmet@; border-color: var(--unmet); }
.st-na { color: #333; background: #eee; border-color: #999; }
.legend .key { margin-right: 1rem; white-space: nowrap; }
.toc { font-family: 'Helvetica Neue', Arial, sans-serif; font-size: .9rem; background: #f5f7fa;
       border: 1px solid #d5dae1; padding: .3rem 1rem .5rem; margin: 1rem 0; }
.toc .toc-title { font-weight: bold; margin: .4rem 0; }
.toc ul { margin: .1rem 0; padding-left: 1.2rem; }
.toc > ul > li > ul { columns: 2; }
svg { vertical-align: middle; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  @page { margin: 18mm 15mm; }
  h2:not(:first-of-type) { break-before: page; }
  h1, h2, h3, h4, h5 { break-after: avoid; }
  blockquote, pre, tr, svg { break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
  .noprint { display: none; }
}
"""


def _with_colours(css: str) -> str:
    values = {"met": COLOUR["met"], "partial": COLOUR["partial"], "unmet": COLOUR["unmet"],
              "fmet": FILL["met"], "fpartial": FILL["partial"], "funmet": FILL["unmet"]}
    for key, value in values.items():
        css = css.replace(f"@{key}@", value)
    return css


BASE_CSS = _with_colours(_CSS_TEMPLATE)


def badge(status: str | None) -> str:
    cls = status if status in COLOUR else "na"
    return f'<span class="st st-{cls}">{escape(label(status))}</span>'


class HtmlMarks(Marks):
    """Placeholders in the Markdown, swapped for real markup after rendering."""

    def __init__(self) -> None:
        self.nonce = secrets.token_hex(8)
        self.fill: dict[str, str] = {}

    def _put(self, markup: str) -> str:
        key = f"MLPH{self.nonce}N{len(self.fill)}Z"
        self.fill[key] = markup
        return key

    def status(self, status: str) -> str:
        return self._put(badge(status))

    def bar(self, counts: dict[str, int]) -> str:
        return self._put(svg.stacked_bar(counts))

    def strip(self, summary: InstrumentSummary) -> str | None:
        return self._put(svg.heat_strip(summary.requirements))

    def legend(self) -> str:
        return self._put(svg.legend())

    def apply(self, html: str) -> str:
        # Longest keys first so that N1Z never eats part of N12Z (the Z also guards this).
        for key in sorted(self.fill, key=len, reverse=True):
            html = html.replace(f"<p>{key}</p>", self.fill[key]).replace(key, self.fill[key])
        return html


def markdown_renderer() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")


def csp(script: str | None = None) -> str:
    """No network, no scripts except (optionally) the one inline script we wrote."""
    src = "'none'"
    if script is not None:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        src = f"'sha256-{digest}'"
    return (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src {src}; base-uri 'none'; form-action 'none'")


def page(title: str, body: str, css: str = BASE_CSS, script: str | None = None) -> str:
    """A complete HTML document: inline CSS, optional inline script, nothing external."""
    script_tag = f"<script>{script}</script>" if script is not None else ""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp(script))}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{css}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n{script_tag}\n</body>\n</html>\n"
    )


_HEADING = re.compile(r"<h([23])>(.*?)</h\1>", re.DOTALL)


def add_contents(body: str) -> str:
    """Give the report's h2 and h3 headings ids and put a list of links to them on top.

    A gap report runs to a hundred screens; an adviser needs to reach the requirements
    table or one part of the model law without scrolling. Heading text is already escaped
    by markdown-it, so it is reused as it stands.
    """
    entries: list[tuple[int, str, str]] = []
    used: set[str] = set()

    def name(m: re.Match[str]) -> str:
        level, inner = int(m.group(1)), m.group(2)
        if level == 3 and not inner.startswith("Part: ") and inner != "Reviewer decisions":
            return m.group(0)
        base = "r-" + (re.sub(r"[^a-z0-9]+", "-", inner.lower()).strip("-") or "section")
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        entries.append((level, anchor, inner))
        return f'<h{level} id="{anchor}">{inner}</h{level}>'

    body = _HEADING.sub(name, body)
    if not entries:
        return body
    tree: list[tuple[str, list[str]]] = []
    for level, anchor, inner in entries:
        link = f'<a href="#{anchor}">{inner.removeprefix("Part: ")}</a>'
        if level == 2 or not tree:
            tree.append((link, []))
        else:
            tree[-1][1].append(link)
    items = "".join(
        f"<li>{top}" + ("<ul>" + "".join(f"<li>{c}</li>" for c in kids) + "</ul>" if kids else "")
        + "</li>" for top, kids in tree)
    # Not a heading: the report's outline stays Summary, Provisions, Requirements, Provenance.
    nav = ('<nav class="toc noprint" aria-label="Contents"><p class="toc-title">Contents</p>'
           f"<ul>{items}</ul></nav>\n")
    first = body.find("<h2")
    return body[:first] + nav + body[first:]


def render_html(result: GapResult, model: ModelLaw | None) -> str:
    """The gap report as one self-contained HTML file."""
    marks = HtmlMarks()
    md = build_markdown(result, model, marks)
    body = markdown_renderer().render(md)
    body = body.replace("<th>", '<th scope="col">').replace("<th style=", '<th scope="col" style=')
    body = add_contents(body)
    body = marks.apply(body)
    title = f"Gap report: {result.statute.title or result.statute.path}"
    return page(title, body)
