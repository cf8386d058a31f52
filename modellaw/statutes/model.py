"""Plain data passed between the statute reading stages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

UNIT_KINDS = (
    "part",
    "chapter",
    "division",
    "section",
    "article",
    "subsection",
    "paragraph",
    "subparagraph",
    "schedule",
)


class StatuteReadError(Exception):
    """A statute could not be read; str(e) is one line telling the user what to do."""


@dataclass
class Unit:
    label: str
    kind: str
    heading: str | None
    start: int
    end: int
    children: list[Unit] = field(default_factory=list)
    repealed: bool = False
    inferred: bool = False


@dataclass
class DefinedTerm:
    term: str
    unit: str
    start: int
    end: int


@dataclass
class StatuteMeta:
    title: str | None = None
    country: str | None = None
    year: str | None = None
    language: str | None = None
    source: str | None = None
    extra: dict[str, str] = field(default_factory=dict)


# "s. 3", "sec. 3", "section 3", "§ 3", "SEC. 3" all cite the same unit "3".
_CITE_PREFIX = re.compile(r"^\s*(?:ss?\.|sec\.|section|§+)\s*", re.IGNORECASE)
_ARTICLE_PREFIX = re.compile(r"^\s*(?:art\.|article)\s*", re.IGNORECASE)
_POINT_CITE = re.compile(r"(?<=[\d)])\s+(\d{1,2})\.(?=$|\()")


def _squash(label: str) -> str:
    # "Art. 128, Note 1" cites the unit labelled "Art. 128 Note 1".
    return re.sub(r"[\s,]+", "", label).lower()


@dataclass
class Statute:
    path: str
    format: str
    text: str
    meta: StatuteMeta
    units: list[Unit]
    definitions: dict[str, DefinedTerm]
    warnings: list[str]
    # Text the reader found is not enacted: an arrangement of sections repeating the headings.
    contents: list[tuple[int, int]] = field(default_factory=list)
    # label -> unit, exact and squashed, built on the first find(): the units are final once
    # the statute is read, and evaluation and review look labels up many times.
    _labels: tuple[dict[str, Unit], dict[str, Unit]] | None = field(
        default=None, init=False, repr=False, compare=False)

    def walk(self) -> Iterator[Unit]:
        """All units, pre-order."""
        stack = list(reversed(self.units))
        while stack:
            unit = stack.pop()
            yield unit
            stack.extend(reversed(unit.children))

    def find(self, label: str) -> Unit | None:
        """Exact label lookup, tolerant of citation prefixes and spacing."""
        if self._labels is None:
            exact: dict[str, Unit] = {}
            squashed: dict[str, Unit] = {}
            for unit in self.walk():
                exact.setdefault(unit.label, unit)
                squashed.setdefault(_squash(unit.label), unit)
            self._labels = (exact, squashed)
        by_label, loose = self._labels
        if label in by_label:
            return by_label[label]
        candidates = [label, _CITE_PREFIX.sub("", label)]
        if _ARTICLE_PREFIX.match(label):
            candidates.append("Art. " + _ARTICLE_PREFIX.sub("", label))
        # East Asian citations of a subparagraph: "Art. 26(1) 2." is "Art. 26(1) no. 2".
        candidates += [_POINT_CITE.sub(r" no. \1", c) for c in candidates
                       if _POINT_CITE.search(c)]
        for cand in candidates:
            hit = by_label.get(cand) or loose.get(_squash(cand))
            if hit is not None:
                return hit
        return None

    def text_of(self, unit: Unit) -> str:
        return self.text[unit.start : unit.end]


def heading_ends(statute: Statute) -> list[int]:
    """Offsets where a unit's heading ends in the text: a heading without a full stop is a
    sentence of its own ("Repatriation / A victim who ..." is not "repatriation of a
    victim")."""
    out = []
    text = statute.text
    for u in statute.walk():
        if u.heading:
            at = text.find(u.heading, u.start, u.start + len(u.heading) + 40)
            if at >= 0:
                out.append(at + len(u.heading))
    return sorted(out)
