"""A statute made ready for comparison: indexed once, units addressable by offset."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from modellaw.nlp.numbers import Penalty, find_penalties
from modellaw.nlp.terms import TermIndex, TermMatch
from modellaw.statutes.model import Statute, Unit, heading_ends
from modellaw.statutes.offences import creates_offence, offence_references
from modellaw.statutes.readings import READING_MARK, READINGS
from modellaw.util.order import unique

# Units at this level or above are "sections" for retrieval and roll-ups.
SECTION_KINDS = {"section", "article", "schedule"}
# A part that opens by naming another part of its section: "(2) Subsection (1) shall apply
# to the provider's agents" extends the rule in (1).
_OPENS_NAMING = re.compile(
    r"\W*(?:\(\w{1,4}\)\s*)?(?:sub-?section|paragraph)\s*(\(\w{1,4}\))(?!\s*\()", re.I)
# "(3) Notwithstanding subsection (2), where the child had attained sixteen ...": a part set
# aside for some cases.
_NOTWITHSTANDING = re.compile(
    r"\bnotwithstanding\s+(?:sub-?section|paragraph)\s*(\(\w{1,4}\))(?!\s*\()", re.I)


@dataclass
class PartReferences:
    """How the parts of one section name each other, keyed by the named part's marker."""

    extended_by: dict[str, list[Unit]] = field(default_factory=dict)
    set_aside_by: dict[str, tuple[str, int]] = field(default_factory=dict)  # words, offset


MAX_QUOTE = 320


@dataclass
class StatuteView:
    statute: Statute
    index: TermIndex
    # Leaf-most units sorted by start, for offset -> unit lookups.
    _spans: list[tuple[int, int, Unit]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    sections: list[Unit] = field(default_factory=list)
    repealed: list[tuple[int, int]] = field(default_factory=list)  # and forms: no rules there
    parent: dict[int, Unit] = field(default_factory=dict)
    _find_cache: dict[tuple[str, bool], list[TermMatch]] = field(default_factory=dict)
    _section_ids: set[int] | None = None
    cue_cache: dict[tuple[int, int], list] = field(default_factory=dict)  # per match span
    _punishing: dict[int, list[Unit]] | None = None
    _offence_units: dict[int, bool] = field(default_factory=dict)
    _term_users: dict[str, list[Unit]] | None = None  # defined term -> offences using it
    _penalties: dict[tuple[int, int], list[Penalty]] = field(default_factory=dict)
    # per concept (phrases, clause-style): its matches that no negation takes away
    affirmed_cache: dict[tuple[tuple[str, ...], bool], list[TermMatch]] = field(
        default_factory=dict)
    # per reading match span: why the place meets its rule only in part
    reading_notes: dict[tuple[int, int], str] = field(default_factory=dict)
    _part_refs: dict[int, PartReferences] = field(default_factory=dict)

    @classmethod
    def build(cls, statute: Statute, index: TermIndex | None = None) -> StatuteView:
        view = cls(statute, index or TermIndex(statute.text, breaks=heading_ends(statute)))

        def visit(u: Unit, parent: Unit | None) -> None:
            if parent is not None:
                view.parent[id(u)] = parent
            if u.repealed or u.kind == "illustration" or _is_form(statute.text[u.start:u.end]):
                # A form to fill in states no rule: "Has the individual been informed ...?
                # (Yes/No)" in a screening form is not a duty to inform. Nor does an
                # illustration ("A, a labour contractor, promises B ...").
                view.repealed.append((u.start, u.end))
            if u.kind in SECTION_KINDS or (u.inferred and u.kind not in ("part", "chapter")):
                view.sections.append(u)
            for c in u.children:
                visit(c, u)

        for u in statute.units:
            visit(u, None)
        # An arrangement of sections repeats the headings: it states no rule either.
        view.repealed.extend(statute.contents)
        if not view.sections:
            # A statute cut only into parts or paragraphs: use its top level.
            view.sections = list(statute.units)
        view._spans = _deepest(statute.units)
        view._starts = [s[0] for s in view._spans]
        return view

    def unit_at(self, offset: int) -> Unit | None:
        """The deepest unit that contains the offset."""
        i = bisect_right(self._starts, offset) - 1
        if i >= 0:
            s, e, u = self._spans[i]
            if s <= offset < e:
                return u
        return None

    def section_at(self, offset: int) -> Unit | None:
        u = self.unit_at(offset)
        if self._section_ids is None:
            self._section_ids = {id(s) for s in self.sections}
        while u is not None and id(u) not in self._section_ids:
            u = self.parent.get(id(u))
        return u

    def punishing(self, section: Unit) -> list[Unit]:
        """Units elsewhere that punish the offence stated in `section` ("a person guilty of
        an offence under section 3 shall be ..."), in statute order."""
        if self._punishing is None:
            self._punishing = {}
            for ref in offence_references(self.statute.text):
                unit = self.unit_at(ref.start)
                if unit is None:
                    continue
                targets = [self.statute.find(t) for t in ref.targets] if ref.targets else [
                    self.section_at(ref.start)]
                for t in targets:
                    sec = self.section_at(t.start) if t is not None else None
                    if sec is not None and unit is not sec:
                        self._punishing.setdefault(id(sec), []).append(unit)
        return self._punishing.get(id(section), [])

    def creates_offence(self, unit: Unit) -> bool:
        """Whether the unit makes conduct an offence or punishes it (memoised: large
        sections are asked once per requirement)."""
        got = self._offence_units.get(id(unit))
        if got is None:
            got = self._offence_units[id(unit)] = creates_offence(
                self.statute.text[unit.start:unit.end])
        return got

    def terms_defined_at(self, offset: int) -> list[str]:
        """The defined terms whose definition holds the offset."""
        return [t for t, d in self.statute.definitions.items() if d.start <= offset < d.end]

    def offences_using(self, terms: set[str]) -> list[Unit]:
        """Sections that create an offence and use one of the defined terms outside their
        own definition."""
        if not terms:
            return []
        if self._term_users is None:
            self._term_users = {}
            defs = self.statute.definitions
            for sec in self.sections:
                if not self.creates_offence(sec):
                    continue
                low = self.statute.text[sec.start:sec.end].lower()
                for t, d in defs.items():
                    if len(t) >= 4 and not (sec.start <= d.start < sec.end) and re.search(
                            rf"\b{re.escape(t)}", low):
                        self._term_users.setdefault(t, []).append(sec)
        return unique(u for t in terms for u in self._term_users.get(t, []))

    def part_at(self, offset: int) -> tuple[Unit, Unit, str] | None:
        """The section holding `offset`, its part that does, and that part's marker ("(2)"),
        when the offset sits in a numbered part of a section."""
        sec = self.section_at(offset)
        if sec is None:
            return None
        part = next((c for c in sec.children if c.start <= offset < c.end), None)
        if part is None or not part.label.startswith(sec.label):
            return None
        return sec, part, part.label[len(sec.label):]

    def part_references(self, section: Unit) -> PartReferences:
        """Which parts of a section open by naming another, and which part a later one
        sets aside (memoised: asked for every cited unit and every weakened clause)."""
        got = self._part_refs.get(id(section))
        if got is None:
            got = self._part_refs[id(section)] = PartReferences()
            text = self.statute.text
            for c in section.children:
                m = _OPENS_NAMING.match(text, c.start)
                if m:
                    got.extended_by.setdefault(m.group(1), []).append(c)
            for m in _NOTWITHSTANDING.finditer(text, section.start, section.end):
                got.set_aside_by.setdefault(m.group(1), (m.group(0), m.start()))
        return got

    def penalties(self, start: int, end: int) -> list[Penalty]:
        """The penalty clauses in a stretch of the text, offsets relative to `start`
        (memoised: several number elements read the same sections)."""
        got = self._penalties.get((start, end))
        if got is None:
            got = self._penalties[(start, end)] = find_penalties(self.statute.text[start:end])
        return got

    def is_repealed(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.repealed)

    def find(self, phrase: str, near: bool = False) -> list[TermMatch]:
        """Matches outside repealed text and forms; `near` lets a clause's words spread
        out."""
        key = (phrase, near)
        hit = self._find_cache.get(key)
        if hit is None and phrase.startswith(READING_MARK):
            hit = self._read(phrase)
            self._find_cache[key] = hit
        if hit is None:
            found = self.index.near(phrase) if near else self.index.find(phrase)
            hit = [m for m in found if not self.is_repealed(m.start)]
            self._find_cache[key] = hit
        return hit

    def _read(self, phrase: str) -> list[TermMatch]:
        """A statute reading named in a concept (`@means-free-child-offence`)."""
        reading = READINGS.get(phrase[len(READING_MARK):])
        if reading is None:
            return []  # `modellaw check` reports the unknown name
        out = []
        for r in reading(self.statute):
            if self.is_repealed(r.start):
                continue
            if r.note:
                self.reading_notes[(r.start, r.end)] = r.note
            out.append(TermMatch(r.start, r.end, self.statute.text[r.start:r.end], phrase, 1.0))
        return out

    def quote(self, start: int, end: int) -> tuple[str, int, int]:
        """The sentence around a match, trimmed to a readable length; offsets into the text."""
        s, e = self.index.sentence_of(start)
        e = max(e, end)
        if e - s > MAX_QUOTE:
            # Centre a window on the match, cut at word boundaries.
            mid = (start + end) // 2
            s2 = max(s, mid - MAX_QUOTE // 2)
            e2 = min(e, s2 + MAX_QUOTE)
            text = self.statute.text
            while s2 > s and not text[s2 - 1].isspace():
                s2 -= 1
            while e2 < e and not text[e2].isspace():
                e2 += 1
            s, e = s2, e2
        text = self.statute.text
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        return text[s:e], s, e

    def label_at(self, offset: int) -> str:
        """The label to cite at an offset. Text before the first unit is the long title
        and preamble; text between or after units belongs to none."""
        u = self.unit_at(offset)
        if u is not None:
            return u.label
        first = self.statute.units[0].start if self.statute.units else len(self.statute.text)
        return "(preamble)" if offset < first else "(text)"


# The blanks of a form: "Signature: ______", "Name ..........", "(Yes/No)".
_FORM_BLANK = re.compile(r"_{4,}|\.{8,}|…{3,}|\(yes\s*/\s*no\)", re.I)


def _is_form(text: str) -> bool:
    return len(_FORM_BLANK.findall(text)) >= 2


def _deepest(units: list[Unit]) -> list[tuple[int, int, Unit]]:
    """Disjoint intervals, each owned by the deepest unit covering it."""
    out: list[tuple[int, int, Unit]] = []

    def visit(u: Unit, lo: int, hi: int) -> None:
        pos = max(u.start, lo)
        end = min(u.end, hi)
        for c in sorted(u.children, key=lambda c: c.start):
            cs, ce = max(c.start, pos), min(c.end, end)
            if cs >= ce:
                continue
            if cs > pos:
                out.append((pos, cs, u))
            visit(c, cs, ce)
            pos = ce
        if pos < end:
            out.append((pos, end, u))

    for u in sorted(units, key=lambda u: u.start):
        visit(u, 0, 1 << 60)
    out.sort(key=lambda s: s[0])
    return out
