"""One diagnostic type for the parser, the semantic checks, the linter and the comparator.

Diagnostics are data; `render_text` and `render_json` are the only places that turn them
into words on a screen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@dataclass(frozen=True)
class Span:
    """A place in a source file. Lines and columns start at 1; offsets at 0."""

    path: str
    line: int
    col: int
    end_line: int | None = None
    end_col: int | None = None

    @staticmethod
    def whole_file(path: str) -> Span:
        return Span(path, 1, 1)


@dataclass(frozen=True)
class Label:
    """A secondary span with a short explanation ("first defined here")."""

    span: Span
    message: str


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    span: Span
    labels: tuple[Label, ...] = ()
    suggestion: str | None = None
    help: str | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass
class SourceCache:
    """Source text by path, so that rendering can show the offending line."""

    texts: dict[str, str] = field(default_factory=dict)

    def line(self, path: str, line: int) -> str | None:
        text = self.texts.get(path)
        if text is None:
            return None
        lines = text.splitlines()
        if 1 <= line <= len(lines):
            return lines[line - 1]
        return None


def _caret_line(source_line: str, span: Span) -> str:
    start = max(span.col - 1, 0)
    if span.end_line == span.line and span.end_col and span.end_col > span.col:
        width = span.end_col - span.col
    else:
        width = 1
    width = max(1, min(width, max(len(source_line) - start, 1)))
    # Keep tabs so the caret lines up under the same column in a terminal.
    pad = "".join("\t" if ch == "\t" else " " for ch in source_line[:start])
    return pad + "^" * width


def render_text(diags: Iterable[Diagnostic], sources: SourceCache | None = None) -> str:
    """`path:line:col: error[CODE]: message`, the source line, a caret, then hints."""
    out: list[str] = []
    for d in diags:
        s = d.span
        out.append(f"{s.path}:{s.line}:{s.col}: {d.severity.value}[{d.code}]: {d.message}")
        src = sources.line(s.path, s.line) if sources else None
        if src is not None:
            shown = src if len(src) <= 200 else src[:200] + " ..."
            out.append(f"  | {shown}")
            out.append(f"  | {_caret_line(shown, s)}")
        for lab in d.labels:
            out.append(f"  = {lab.span.path}:{lab.span.line}:{lab.span.col}: {lab.message}")
        if d.suggestion:
            out.append(f"  = did you mean: {d.suggestion}")
        if d.help:
            out.append(f"  = help: {d.help}")
    return "\n".join(out)


def to_json(diags: Iterable[Diagnostic]) -> list[dict]:
    """Plain dicts for editors: flat path/line/col/end_line/end_col (1-based, always set;
    a span without an end covers one character) plus the nested span and labels."""
    rows = []
    for d in diags:
        row = asdict(d)
        row["severity"] = d.severity.value
        s = d.span
        end_line = s.end_line or s.line
        end_col = s.end_col if s.end_col and s.end_line else s.col + 1
        row.update(path=s.path, line=s.line, col=s.col, end_line=end_line, end_col=end_col)
        row["labels"] = [lab | {"path": lab["span"]["path"], "line": lab["span"]["line"],
                                "col": lab["span"]["col"]} for lab in row["labels"]]
        rows.append(row)
    return rows


def render_json(diags: Iterable[Diagnostic], summary: dict | None = None) -> str:
    doc: dict = {"schema": "modellaw.diagnostics/1", "diagnostics": to_json(diags)}
    if summary is not None:
        doc["summary"] = summary
    return json.dumps(doc, indent=2, ensure_ascii=False)


def summary_line(diags: list[Diagnostic]) -> str:
    errors = sum(1 for d in diags if d.severity is Severity.ERROR)
    warnings = sum(1 for d in diags if d.severity is Severity.WARNING)
    return f"{errors} error(s), {warnings} warning(s)"
