"""Defined terms: '"X" means ...', '"X" includes ...', 'The term "X" means ...', 'X: means ...'."""

from __future__ import annotations

import re
from collections.abc import Iterable

from modellaw.statutes.model import DefinedTerm, Unit

_Q_OPEN = "\"“‘'`«"
_Q_CLOSE = "\"”’'`»"
_VERBS = (
    r"(?:means|includes|shall mean|shall include|has the (?:same )?meaning|refers to|is defined)"
)
# "child" means / “ child ” means / "abduct", in relation to X, means / The term "X" means
QUOTED_DEFINITION = re.compile(
    rf"(?:\b[Tt]he (?:term|expression|word)s?\s+)?"
    rf"[{_Q_OPEN}]\s?([^{_Q_CLOSE}\n]{{1,80}}?)\s?[{_Q_CLOSE}]"
    rf"(?:\s?,[^;\n]{{0,120}}?,)?\s+{_VERBS}\b"
)
# Unquoted, at the start of a line in a definitions section: "child means ..." / "child: means ...",
# also as a numbered point ("2) child means a person under eighteen years of age").
_BARE = re.compile(
    rf"^(?:[-*•]\s*)?(?:\(\w{{1,4}}\)\s*|\d{{1,2}}[.)]\s*|[a-z]\)\s*)?"
    rf"([A-Za-z][A-Za-z' -]{{0,60}}?)\s*(?:[:–—-]\s*)?"
    rf"\s(?:{_VERBS}|refers to)\b",
    re.MULTILINE,
)
# Civil-law translations list their terms: "- child: any person below the age of 18;".
# Translations from Russian list them "1) child — a person who has not reached eighteen".
# Lusophone translations letter them, quoted: 'a) "Child": any person under eighteen'.
_LISTED = re.compile(
    rf"^(?:[-–•*]|\d{{1,2}}°|\d{{1,2}}[.)]|[a-z]\)|\([a-z]{{1,3}}\))\s*[{_Q_OPEN}]?"
    rf"([A-Za-z][A-Za-z' -]{{0,60}}?)[{_Q_CLOSE}]?"
    r"(?:\s*\([^()\n]{1,40}\))?\s*(?::|\s[—–]|\s-\s)\s", re.MULTILINE)
_DEFINITIONS_HEADING = re.compile(
    r"\b(?:interpretation|definitions?|meaning of|use of terms|basic concepts|terms used)\b",
    re.I)
_MEANING_HEADING = re.compile(
    r"^\s*(?:meaning|definition)\s+of\s+(?:the\s+(?:term|expression)\s+)?(.+?)\s*$", re.I)
_DEFINITIONS_LEAD = re.compile(
    r"\bIn this (?:Act|Part|Chapter|Code|Law|Division|section|chapter|title|subchapter)\b"
    r"|\bthe following (?:definitions|terms|expressions) (?:apply|shall apply|mean)\b", re.I
)


def _innermost(units: Iterable[Unit], pos: int) -> Unit | None:
    best = None
    for unit in units:
        if unit.start <= pos < unit.end:
            best = unit
            deeper = _innermost(unit.children, pos)
            if deeper is not None:
                best = deeper
            break
    return best


def _is_definitions_unit(unit: Unit, text: str) -> bool:
    if unit.heading and _DEFINITIONS_HEADING.search(unit.heading):
        return True
    return bool(_DEFINITIONS_LEAD.search(text[unit.start : unit.start + 300]))


def find_definitions(text: str, units: list[Unit]) -> dict[str, DefinedTerm]:
    """Index defined terms. Each definition runs until the next one in the same unit."""
    hits: list[tuple[int, str]] = []
    # Quoted definitions count anywhere: "the term 'X' means" is a definition wherever it is.
    for match in QUOTED_DEFINITION.finditer(text):
        term = re.sub(r"\s+", " ", match.group(1)).strip(" ,").lower()
        if term and not term.endswith(("section", "act")):
            hits.append((match.start(), term))
    # Unquoted ones only inside a definitions section, where "X means" is unambiguous.
    quoted_starts = {pos for pos, _t in hits}
    for unit in _all(units):
        if unit.kind not in ("section", "article") or not _is_definitions_unit(unit, text):
            continue
        bare = [*_BARE.finditer(text, unit.start, unit.end),
                *_LISTED.finditer(text, unit.start, unit.end)]
        for match in bare:
            term = match.group(1).strip().lower()
            if len(term.split()) > 6 or term in ("this act", "it", "that", "which"):
                continue
            if term.startswith(("in this", "the term", "the expression")):
                continue
            if not any(abs(match.start() - q) < 3 for q in quoted_starts):
                hits.append((match.start(1), term))
    hits.sort()
    result: dict[str, DefinedTerm] = {}
    # A section headed "Meaning of trafficking in persons" defines that term as a whole.
    for unit in _all(units):
        head = _MEANING_HEADING.match(unit.heading or "") if unit.kind in (
            "section", "article") else None
        if head:
            term = head.group(1).strip(" \"'\u201c\u201d.").lower()
            if term and len(term.split()) <= 6:
                result.setdefault(term, DefinedTerm(term, unit.label, unit.start, unit.end))
    for index, (pos, term) in enumerate(hits):
        owner = _innermost(units, pos)
        if owner is None:
            continue
        # The definition ends where the next one begins, within the defining section.
        section = _section_of(units, pos) or owner
        end = section.end
        if index + 1 < len(hits) and hits[index + 1][0] < end:
            end = hits[index + 1][0]
        while end > pos and text[end - 1] in " \n;":
            end -= 1
        label = owner.label
        result.setdefault(term, DefinedTerm(term, label, pos, end))
    return result


def _all(units: list[Unit]):  # type: ignore[no-untyped-def]
    for unit in units:
        yield unit
        yield from _all(unit.children)


def _section_of(units: list[Unit], pos: int) -> Unit | None:
    for unit in units:
        if unit.start <= pos < unit.end:
            if unit.kind in ("section", "article", "paragraph", "schedule") and not any(
                c.kind in ("section", "article") and c.start <= pos < c.end for c in unit.children
            ):
                return unit
            return _section_of(unit.children, pos)
    return None
