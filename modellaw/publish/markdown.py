"""The model law as CommonMark (with tables), the source the HTML output is made from.

Headings carry their anchor as a trailing `{#id}` attribute (the pandoc convention); the
HTML stage turns it into an id. Every piece of DSL text is escaped so that it prints as
written: a stray `*`, `[` or `<` in model wording must not become markup.
"""

from __future__ import annotations

import re

from modellaw.publish.document import (
    ANNEX_ANCHOR,
    ANNEX_TITLE,
    COMMENTARY_LABEL,
    CONTENTS_ANCHOR,
    CONTENTS_TITLE,
    OPTIONAL_NOTE,
    TITLE_ANCHOR,
    Block,
    Document,
    Inline,
    Ref,
    Section,
    alternative_label,
)

# Characters that can start inline markup anywhere in a line. `&` is escaped so that
# entity references such as `&amp;` print literally.
_INLINE_SPECIAL = set("\\`*_[]<>|~&!{}")
# Things that would make a paragraph start as a heading, list, quote or rule.
_BLOCK_START = re.compile(r"^(#|>|[-+*=]|\d+[.)])")


def escape(text: str) -> str:
    """Escape DSL text for use inside a markdown paragraph, heading or table cell."""
    return "".join("\\" + ch if ch in _INLINE_SPECIAL else ch for ch in text).replace("\n", " ")


def _line_start(text: str) -> str:
    """Keep a paragraph from opening as a heading, list, quote or rule."""
    if not _BLOCK_START.match(text):
        return text
    if text[0].isdigit():
        return re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    return "\\" + text


def _inline(parts: Inline) -> str:
    out = []
    for p in parts:
        if isinstance(p, Ref):
            out.append(f"[{p.text}](#{p.anchor})")
        else:
            out.append("".join("\\" + ch if ch in _INLINE_SPECIAL else ch for ch in p))
    return _line_start("".join(out))


def _blocks(blocks: list[Block]) -> list[str]:
    """Level-0 blocks are paragraphs; deeper ones are nested list items (tight lists)."""
    out: list[str] = []
    in_list = False
    for b in blocks:
        body = _inline(b.inline)
        label = f"{b.label} " if b.label else ""
        if b.level == 0:
            if out:
                out.append("")
            out.append(label + body)
            in_list = False
        else:
            if not in_list:
                out.append("")
            out.append("  " * (b.level - 1) + "- " + label + body)
            in_list = True
    return out


def _quote(lines: list[str]) -> list[str]:
    return [("> " + ln) if ln else ">" for ln in lines]


def _heading(level: int, text: str, anchor: str) -> str:
    return f"{'#' * level} {text} {{#{anchor}}}"


def _section(s: Section) -> list[str]:
    out = ["", _heading(3, escape(s.heading), s.anchor), ""]
    if s.optional:
        out += [f"*{escape(OPTIONAL_NOTE)}*", ""]
    out += _blocks(s.blocks) if s.blocks else ["*(No model text yet.)*"]
    for alt in s.alternatives:
        out.append("")
        out += _quote([f"**{escape(alternative_label(alt.tradition))}**", "",
                       *_blocks(alt.blocks)])
    if s.commentary:
        out.append("")
        out += _quote([f"**{COMMENTARY_LABEL}**", "", *_blocks(s.commentary)])
    notes = []
    if s.see:
        notes.append("See also: " + ", ".join(f"[{r.text}](#{r.anchor})" for r in s.see) + ".")
    if s.implements:
        notes.append("Implements: " + ", ".join(escape(r) for r in s.implements) + ".")
    if s.sources:
        notes.append("Sources: " + "; ".join(escape(x) for x in s.sources) + ".")
    for n in notes:
        out += ["", n]
    return out


def render_markdown(doc: Document) -> str:
    out = [_heading(1, escape(doc.title), TITLE_ANCHOR), ""]
    if doc.version:
        out += [f"**Version {escape(doc.version)}**", ""]
    if doc.summary:
        out += _blocks(doc.summary) + [""]
    out += [_heading(2, CONTENTS_TITLE, CONTENTS_ANCHOR), ""]
    for p in doc.parts:
        out.append(f"- [{escape(p.heading)}](#{p.anchor})")
        for s in p.sections:
            out.append(f"  - [{escape(s.heading)}](#{s.anchor})")
    out.append(f"- [{escape(ANNEX_TITLE)}](#{ANNEX_ANCHOR})")
    for p in doc.parts:
        out += ["", _heading(2, escape(p.heading), p.anchor)]
        if p.summary:
            out += ["", _line_start(escape(p.summary))]
        for s in p.sections:
            out += _section(s)
    out += ["", _heading(2, escape(ANNEX_TITLE), ANNEX_ANCHOR), "",
            "| Section | Provision | Requirement | Instrument | Article |",
            "|---:|---|---|---|---|"]
    for r in doc.annex:
        out.append(f"| [{r.section}](#{r.anchor}) | {escape(r.provision)} | "
                   f"{escape(r.requirement)} | {escape(r.instrument)} | {escape(r.article)} |")
    return "\n".join(out) + "\n"
