"""Plain data passed between the statute reading stages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

UNIT_KINDS = (
    "instrument",
    "part",
    "chapter",
    "division",
    "section",
    "article",
    "subsection",
    "paragraph",
    "subparagraph",
    "illustration",  # an example printed with a rule, stating none itself
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
class Instrument:
    """One of several instruments printed in one file: its title, the names a lawyer cites
    it by, and where it runs. Its units' labels start with `prefix` (the first name), except
    the first instrument's, which keep their plain labels."""

    title: str
    names: list[str]
    start: int
    end: int
    prefix: str = ""


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
_NAMED_PART = re.compile(r"\s*\b(?:point|para\.?|paragraph|no\.|let\.|lit\.)\s*(\w{1,4})\b",
                         re.IGNORECASE)
_CHAPTER_FIRST = re.compile(r"^\d{1,3}\s*:\s*(?=\d)")
_ARTICLE_PREFIX = re.compile(r"^\s*(?:art\.|article)\s*", re.IGNORECASE)
_POINT_CITE = re.compile(r"(?<=[\d)])\s+(\d{1,2})\.(?=$|\()")


def _lookup(label: str, by_label: dict[str, Unit], loose: dict[str, Unit]) -> Unit | None:
    candidates = [label, _CITE_PREFIX.sub("", label)]
    if _ARTICLE_PREFIX.match(label):
        candidates.append("Art. " + _ARTICLE_PREFIX.sub("", label))
    # East Asian citations of a subparagraph: "Art. 26(1) 2." is "Art. 26(1) no. 2".
    candidates += [_POINT_CITE.sub(r" no. \1", c) for c in candidates if _POINT_CITE.search(c)]
    # "s. 2 point 2", "Art. 182 para. 2 let. a": the parts a lawyer names, bracketed.
    candidates += [_NAMED_PART.sub(r"(\1)", c) for c in candidates if _NAMED_PART.search(c)]
    for cand in candidates:
        hit = by_label.get(cand) or loose.get(_squash(cand))
        if hit is not None:
            return hit
    return None


def _after_name(label: str, name: str) -> str | None:
    """The rest of a citation that opens with an instrument's name, without a chapter
    number Nordic codes put first ("CC 25:3(1)" -> "3(1)")."""
    if not label.lower().startswith(name.lower()):
        return None
    rest = label[len(name):]
    if rest[:1] not in (" ", ",", ":"):
        return None
    rest = rest.lstrip(" ,:")
    return _CHAPTER_FIRST.sub("", rest) or None


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
    instruments: list[Instrument] = field(default_factory=list)  # when a file holds several
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
        """Exact label lookup, tolerant of citation prefixes and spacing, and of the names
        of the instruments when a file holds several ("CC 25:3(1)", "Act 746/2015 s. 5")."""
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
        hit = _lookup(label, by_label, loose)
        if hit is None:
            for inst in self.instruments:
                for name in sorted(inst.names, key=len, reverse=True):
                    rest = _after_name(label, name)
                    if rest is None:
                        continue
                    inner = f"{inst.prefix} {rest}" if inst.prefix else rest
                    hit = _lookup(inner, by_label, loose) or (
                        _lookup(f"{inst.prefix} s. {rest}", by_label, loose)
                        if inst.prefix else None)
                    if hit is not None and inst.start <= hit.start < inst.end:
                        return hit
            # A citation without an instrument's name that the first instrument lacks
            # belongs to a later one ("Art. 1(1)" of the law printed after a code extract).
            for inst in self.instruments[1:]:
                hit = _lookup(f"{inst.prefix} {label}", by_label, loose)
                if hit is not None:
                    return hit
        return hit

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
