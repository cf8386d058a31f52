"""How a verdict is named and coloured, the same way in every report format."""

from __future__ import annotations

from collections.abc import Iterable

from modellaw.compare.findings import STATUSES

LABEL = {"met": "Met", "partial": "Partial", "unmet": "Unmet"}
# Colour is never the only carrier: every use also prints LABEL or SYMBOL.
COLOUR = {"met": "#1a7f37", "partial": "#b7791f", "unmet": "#c62828"}
# Light fills for table cells and heat maps, dark enough text on top.
FILL = {"met": "#cdebd3", "partial": "#fbe3b0", "unmet": "#f6c6c6"}
# One-letter marks for cells too small for a word.
SYMBOL = {"met": "M", "partial": "P", "unmet": "U"}
# Text bar glyphs for plain-text figures.
BAR_GLYPH = {"met": "█", "partial": "▒", "unmet": "░"}
NOT_ASSESSED = "n/a"

STRENGTH_ORDER = ("mandatory", "qualified", "consider", "endeavour", "recommended")


def label(status: str | None) -> str:
    return LABEL.get(status or "", NOT_ASSESSED)


# An unmet verdict may still cite what its elements found: the nearest wording, which a
# reviewer should check, not evidence that the statute meets anything.
EVIDENCE_HEADING = "Evidence in the statute"
NEAREST_HEADING = "Nearest wording in the statute (not enough to meet any part)"


def evidence_heading(status: str) -> str:
    return NEAREST_HEADING if status == "unmet" else EVIDENCE_HEADING


def evidence_role(status: str) -> str:
    """What a verdict's citations are, for readers of the JSON report."""
    return "nearest_wording" if status == "unmet" else "evidence"


def cited_units(status: str, units: Iterable[str]) -> str:
    """The units a verdict cites, for a table cell; marked as nearest wording when unmet."""
    text = ", ".join(dict.fromkeys(units))
    return f"nearest wording: {text}" if text and status == "unmet" else text


def strength_rank(strength: str) -> int:
    """Mandatory first, then weaker obligations; unknown strengths last."""
    try:
        return STRENGTH_ORDER.index(strength)
    except ValueError:
        return len(STRENGTH_ORDER)


def status_rank(status: str) -> int:
    """Worst first is how advisers read a list: unmet, partial, met."""
    return {"unmet": 0, "partial": 1, "met": 2}.get(status, 3)


def tally(statuses: list[str]) -> dict[str, int]:
    counts = {s: 0 for s in STATUSES}
    for s in statuses:
        if s in counts:
            counts[s] += 1
    return counts


def override_sentence(decision: str, status: str, original: str) -> str:
    """What the reviewer did, in words; plain text (callers escape it for their format)."""
    if decision == "confirm":
        return f"a reviewer confirmed the verdict {label(status)}."
    if decision == "reject":
        return (f"a reviewer rejected the tool's verdict {label(original or status)}; "
                "it needs a fresh look.")
    tail = f"; the tool had found {label(original)}." if original and original != status else "."
    return f"a reviewer set this verdict to {label(status)}{tail}"
