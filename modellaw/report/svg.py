"""Small inline SVG figures: stacked bars and heat strips. Every text is escaped here."""

from __future__ import annotations

from html import escape

from modellaw.compare.findings import STATUSES, RequirementFinding
from modellaw.report.status import COLOUR, FILL, LABEL, SYMBOL


def _counts_words(counts: dict[str, int]) -> str:
    return ", ".join(f"{counts.get(s, 0)} {LABEL[s].lower()}" for s in STATUSES)


def stacked_bar(counts: dict[str, int], width: int = 160, height: int = 14) -> str:
    """Met / partial / unmet as one bar; the aria-label says the same in words."""
    total = sum(counts.get(s, 0) for s in STATUSES)
    words = _counts_words(counts)
    parts = [
        f'<svg class="bar" role="img" aria-label="{escape(words)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(words)}</title>",
        f'<rect width="{width}" height="{height}" fill="#eeeeee"/>',
    ]
    x = 0.0
    for s in STATUSES:
        n = counts.get(s, 0)
        if not n or not total:
            continue
        w = width * n / total
        parts.append(
            f'<rect class="st-{s}" x="{x:.2f}" width="{w:.2f}" height="{height}" '
            f'fill="{COLOUR[s]}"/>'
        )
        x += w
    parts.append("</svg>")
    return "".join(parts)


def heat_strip(reqs: list[RequirementFinding], cell: int = 12, per_row: int = 40) -> str:
    """One square per requirement, in the order given, with its id and verdict on hover."""
    n = len(reqs)
    rows = max(1, -(-n // per_row))
    cols = min(n, per_row) or 1
    width, height = cols * cell, rows * cell
    words = _counts_words({s: sum(r.status == s for r in reqs) for s in STATUSES})
    parts = [
        f'<svg class="strip" role="img" aria-label="{escape(words)}" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, r in enumerate(reqs):
        x, y = (i % per_row) * cell, (i // per_row) * cell
        fill = COLOUR.get(r.status, "#999999")
        tip = f"{r.id} ({r.strength}): {LABEL.get(r.status, r.status)}"
        parts.append(
            f'<rect x="{x + 1}" y="{y + 1}" width="{cell - 2}" height="{cell - 2}" '
            f'fill="{fill}"><title>{escape(tip)}</title></rect>'
        )
    parts.append("</svg>")
    return "".join(parts)


def legend() -> str:
    """Colour key with the words beside each swatch."""
    items = []
    for s in STATUSES:
        items.append(
            f'<span class="key"><svg width="12" height="12" aria-hidden="true">'
            f'<rect width="12" height="12" fill="{COLOUR[s]}"/></svg> '
            f"{escape(LABEL[s])} ({SYMBOL[s]})</span>"
        )
    return '<p class="legend">' + " ".join(items) + "</p>"


def cell_fill(status: str | None) -> str:
    return FILL.get(status or "", "#f2f2f2")
