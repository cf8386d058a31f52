"""The canonical layout of a DSL file.

Like black, the formatter checks its own work: the result must parse to the same syntax
(comments included) and a second pass must change nothing; otherwise it refuses.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from modellaw.dsl.parser import parse_text
from modellaw.dsl.syntax import Attr, ConceptSyntax, Decl, ElementSyntax, FileSyntax

WIDTH = 100
LIST_KEYS = {"implements", "see", "aliases", "overlaps", "source"}
# A blank line goes before these, so long wording stands apart from the metadata above it.
SPACED_KEYS = {"text", "alternative", "commentary"}


class FormatError(Exception):
    """The formatter could not prove its output safe; nothing was written."""


@dataclass
class _Unit:
    lines: list[str]
    start: int  # source lines this unit came from
    end: int
    indent: int
    blank_before: bool = False
    comments_before: list[tuple[int, str]] = field(default_factory=list)  # (line, text)


def _concept_text(c: ConceptSyntax) -> str:
    name = f"partly {c.raw_name}" if c.partly else c.raw_name
    if c.raw_variants:
        return f"{name} ({', '.join(c.raw_variants)})"
    return name


def _wrap_concept(c: ConceptSyntax, indent: int, trailer: str) -> list[str]:
    one = " " * indent + _concept_text(c) + trailer
    if len(one) <= WIDTH or not c.raw_variants:
        return [one]
    lines = [" " * indent + ("partly " if c.partly else "") + c.raw_name + " ("]
    pad = " " * (indent + 2)
    current = pad
    for i, v in enumerate(c.raw_variants):
        piece = v + ("," if i < len(c.raw_variants) - 1 else ")" + trailer)
        if current.strip() and len(current) + 1 + len(piece) > WIDTH:
            lines.append(current.rstrip())
            current = pad
        current += ("" if not current.strip() else " ") + piece
    lines.append(current.rstrip())
    # Join the opening line with the first continuation when it fits.
    if len(lines) > 1 and len(lines[0]) + len(lines[1].strip()) <= WIDTH:
        lines[0:2] = [lines[0] + lines[1].strip()]
    return lines


def _wrap_items(items: list[str], indent: int) -> list[str]:
    lines, current = [], " " * indent
    for i, it in enumerate(items):
        piece = it + ("," if i < len(items) - 1 else "")
        if current.strip() and len(current) + 1 + len(piece) > WIDTH - 4:
            lines.append(current.rstrip())
            current = " " * indent
        current += ("" if not current.strip() else " ") + piece
    lines.append(current.rstrip())
    return lines


def _attr_units(a: Attr) -> _Unit:
    items = [" ".join(v.raw for v in item) for item in a.values]
    end = a.line + sum(v.raw.count("\n") for item in a.values for v in item)
    blank = a.key in SPACED_KEYS
    if not items:
        return _Unit([f"  {a.key}"], a.line, end, 2, blank)
    inline = f"  {a.key} " + ", ".join(items)
    multiline = any("\n" in it for it in items)
    if multiline or len(inline) <= WIDTH or a.key not in LIST_KEYS:
        return _Unit(inline.split("\n"), a.line, end, 2, blank)
    return _Unit([f"  {a.key}:", *_wrap_items(items, 4)], a.line, end, 2, blank)


def _element_units(e: ElementSyntax, first: bool, comment_lines: set[int]) -> list[_Unit]:
    mark = "gate " if e.gate else "key " if e.key else ""
    head = f"  {e.verb} {mark}{e.mode} {e.name}"
    if e.raw_label:
        head += f" {e.raw_label}"
    if e.requirements:
        head += " for " + ", ".join(e.requirements)
    if e.full:
        head += f" full {e.full}"
    if e.within:
        head += f" in {e.within}"
    if e.mode == "number":
        bound = f"{e.quantity} {e.op} {e.number}" + (f" {e.unit}" if e.unit else "")
        return [_Unit([f"{head}: {bound}"], e.line, e.line, 2, first)]
    if not e.concepts:  # an empty element is an error for `check`, but keep it as written
        return [_Unit([f"{head}:"], e.line, e.line, 2, first)]
    concepts = [_concept_text(c) for c in e.concepts]
    last = max([e.line] + [c.line for c in e.concepts])
    inline = f"{head}: " + ", ".join(concepts)
    # A comment between the concept rows keeps the block layout, so it stays among them.
    commented = any(e.line < ln <= last for ln in comment_lines)
    if len(inline) <= WIDTH and "\n" not in inline and not commented:
        return [_Unit([inline], e.line, last, 2, first)]
    units = [_Unit([f"{head}:"], e.line, e.line, 2, first)]
    for i, c in enumerate(e.concepts):
        trailer = "," if i < len(e.concepts) - 1 else ""
        units.append(_Unit(_wrap_concept(c, 4, trailer), c.line, c.line, 4))
    return units


def _decl_units(d: Decl, comment_lines: set[int]) -> list[_Unit]:
    if d.kind == "include":
        return [_Unit([f"include {d.raw_title}"], d.line, d.line, 0)]
    head = d.kind
    if d.ident:
        head += f" {d.ident}"
    if d.raw_title:
        head += f" {d.raw_title}"
    units = [_Unit([head], d.line, d.line, 0)]
    seen_element = False
    for it in d.items:
        if isinstance(it, Attr):
            units.append(_attr_units(it))
        else:
            units.extend(_element_units(it, not seen_element, comment_lines))
            seen_element = True
    return units


def _is_trailing(src_lines: list[str], line: int, col: int) -> bool:
    return 1 <= line <= len(src_lines) and src_lines[line - 1][: col - 1].strip() != ""


def format_syntax(fs: FileSyntax, source: str) -> str:
    units: list[_Unit] = []
    prev_kind = None
    comment_lines = {line for line, _, _ in fs.comments}
    for d in fs.decls:
        du = _decl_units(d, comment_lines)
        if units and not (d.kind == "include" and prev_kind == "include"):
            du[0].blank_before = True
        prev_kind = d.kind
        units.extend(du)
    src_lines = source.split("\n")
    trailing: dict[int, list[tuple[int, str]]] = {}
    tail: list[tuple[int, str]] = []
    for line, col, text in fs.comments:
        text = text.rstrip()
        if _is_trailing(src_lines, line, col):
            owner = max((i for i, u in enumerate(units) if u.start <= line), default=0)
            trailing.setdefault(owner, []).append((line, text))
        else:
            target = next((u for u in units if u.start > line), None)
            if target is None:
                tail.append((line, text))
            else:
                target.comments_before.append((line, text))
    for i, texts in trailing.items():
        if not units:
            tail.extend(texts)
            continue
        u = units[i]
        if len(texts) == 1 and "\n" not in u.lines[-1]:
            u.lines[-1] = f"{u.lines[-1]}  {texts[0][1]}"
        else:
            u.comments_before.extend(texts)
    def blank_between(a: int, b: int) -> bool:
        return any(not src_lines[i - 1].strip() for i in range(a + 1, min(b, len(src_lines) + 1)))

    out: list[str] = []

    def comment_group(group: list[tuple[int, str]], indent: int, prev_end: int,
                      next_line: int) -> None:
        # Comments keep one blank line where the drafter left one (a file header stays
        # apart from the first declaration's own comment).
        prev = prev_end
        for line, text in group:
            if blank_between(prev, line) and out and out[-1]:
                out.append("")
            out.append(" " * indent + text)
            prev = line
        if group and blank_between(prev, next_line):
            out.append("")

    prev_end = 0
    for u in units:
        if u.blank_before and out and out[-1]:
            out.append("")
        comment_group(u.comments_before, u.indent, prev_end, u.start)
        out.extend(u.lines)
        prev_end = max(prev_end, u.end)
    if tail:
        if out and out[-1]:
            out.append("")
        comment_group(tail, 0, prev_end, len(src_lines) + 1)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n" if out else ""


def _shape(fs: FileSyntax) -> list:
    """What must survive formatting: every declaration, value, concept and comment."""
    shape: list = []
    for d in fs.decls:
        items = []
        for it in d.items:
            if isinstance(it, Attr):
                items.append(("attr", it.key,
                              [[(v.kind, " ".join(v.text.split()) if v.kind == "words" else v.text)
                                for v in item] for item in it.values]))
            else:
                items.append(("el", it.verb, it.key, it.gate, it.mode, it.name, it.label,
                              it.within,
                              tuple(it.requirements), it.full,
                              [(c.name, tuple(c.variants), c.partly) for c in it.concepts],
                              it.quantity, it.op, it.number, it.unit))
        shape.append((d.kind, d.ident, d.title, items))
    shape.append(sorted(t.rstrip() for _, _, t in fs.comments))
    return shape


def format_text(text: str, path: str = "<text>") -> str:
    """Canonical text, or FormatError when the input does not parse or the result is unsafe."""
    res = parse_text(text, path)
    if res.syntax is None:
        raise FormatError("the file has syntax errors; run `modellaw check` first")
    out = format_syntax(res.syntax, text)
    again = parse_text(out, path)
    if again.syntax is None or _shape(again.syntax) != _shape(res.syntax):
        raise FormatError("formatting would change the file's meaning; left unchanged "
                          "(please report this)")
    if format_syntax(again.syntax, out) != out:
        raise FormatError("formatting is not stable on this file; left unchanged "
                          "(please report this)")
    return out
