"""The units that carry a rule: where most of its concepts meet in one place.

Element checks cite each concept where it is best found, which scatters citations over
single words ("force" in a definition of coercion). A lawyer cites the units that state the
rule: the offence subsection naming the acts, means and purpose together, the list of
services owed to victims. So each unit (section and below, up to about a page; never a
whole part or a long section, which would say nothing) scores by the found concepts it
contains, weighted as the verdict weighs them, and the smallest units scoring close to the
best are cited first, each quoted at its sentence that holds the most of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from modellaw.compare.candidates import concept_matches
from modellaw.compare.context import StatuteView
from modellaw.compare.elements import evidence_at, is_negated
from modellaw.compare.findings import ElementResult, Evidence
from modellaw.dsl.model import Concept, Element
from modellaw.nlp.terms import TermMatch
from modellaw.statutes.model import Unit

# A unit counts as a carrier when it holds this share of the best unit's weight: the
# statutes in the corpus state one rule in several parallel offences or list items, each
# nearly as complete as the best.
NEAR_BEST = 0.9
PARALLEL = 0.5  # a parallel offence holding half the best unit's weight is cited too
ABOVE_SECTIONS = frozenset({"part", "chapter", "division"})
# About a printed page: a longer section is cited by its parts, as a lawyer would.
MAX_CARRIER_CHARS = 4000
KEY_WEIGHT, REQUIRED_WEIGHT, OPTIONAL_WEIGHT = 2.0, 1.0, 0.5


@dataclass
class Coverage:
    """Which found concepts each unit holds, for one verdict."""

    units: dict[int, Unit] = field(default_factory=dict)
    score: dict[int, float] = field(default_factory=dict)  # weighted concepts held
    found_in: dict[int, list[tuple[TermMatch, Element, tuple[str, str]]]] = field(
        default_factory=dict)

    @property
    def top(self) -> float:
        return max(self.score.values(), default=0.0)

    def evidence(self, view: StatuteView, uid: int) -> Evidence:
        """The unit cited, quoted at its sentence that holds most of the rule."""
        m, el = _quoted(view, self.found_in[uid])
        ev = evidence_at(view, m, el)
        ev.unit = self.units[uid].label
        return ev


def coverage(view: StatuteView, pairs: list[tuple[Element, ElementResult]]) -> Coverage:
    """For each unit (up to a page long, below the parts), the found concepts it holds."""
    weight: dict[tuple[str, str], float] = {}
    held: dict[int, set[tuple[str, str]]] = {}
    cov = Coverage()
    for el, er in pairs:
        if el.kind in ("absence", "number") or er.status == "unmet":
            continue
        w = KEY_WEIGHT if el.key else REQUIRED_WEIGHT if el.required else OPTIONAL_WEIGHT
        # An element looked for `in` another rule counts only in the sections it was found
        # in: "commits an offence" says nothing about trafficking in a documents offence.
        allowed = ({id(view.section_at(ev.start)) for ev in er.evidence} if el.within
                   else None)
        for c in el.concepts:
            if c.name not in er.found:
                continue
            ck = (el.id, c.name)
            weight[ck] = w
            for m in _affirmed(view, c, el.kind == "clause"):
                if allowed is not None and id(view.section_at(m.start)) not in allowed:
                    continue
                u = view.unit_at(m.start)
                while u is not None and u.kind not in ABOVE_SECTIONS:
                    if u.end - u.start > MAX_CARRIER_CHARS:
                        break  # a long section is cited by its parts, never whole
                    uid = id(u)
                    cov.units[uid] = u
                    held.setdefault(uid, set()).add(ck)
                    cov.found_in.setdefault(uid, []).append((m, el, ck))
                    u = view.parent.get(uid)
    cov.score = {uid: sum(weight[k] for k in ks) for uid, ks in held.items()}
    return cov


def carrier_evidence(view: StatuteView, cov: Coverage, limit: int) -> list[Evidence]:
    """Evidence from the units that hold most of the found concepts, best first."""
    if not cov.score:
        return []
    top = cov.top
    smallest = _smallest(view, cov.units, cov.score, NEAR_BEST * top)
    if view.creates_offence(cov.units[smallest[0]]):
        # The rule is an offence: statutes often state it as several parallel offences
        # (forced labour, sex trafficking, peonage), each holding part of the concepts.
        smallest += [uid for uid in _smallest(view, cov.units, cov.score, PARALLEL * top, True)
                     if uid not in smallest]
    return [cov.evidence(view, uid) for uid in smallest[:limit]]


def _quoted(view: StatuteView, found: list[tuple[TermMatch, Element, tuple[str, str]]]
            ) -> tuple[TermMatch, Element]:
    """The match to quote for a unit: one in the sentence holding most of its concepts."""
    by_sentence: dict[tuple[int, int], set[tuple[str, str]]] = {}
    for m, _, ck in found:
        by_sentence.setdefault(view.index.sentence_of(m.start), set()).add(ck)
    best = max(by_sentence, key=lambda sp: (len(by_sentence[sp]), -sp[0]))
    m, el, _ = min((f for f in found if view.index.sentence_of(f[0].start) == best),
                   key=lambda f: f[0].start)
    return m, el


def _smallest(view: StatuteView, units: dict[int, Unit], score: dict[int, float], bar: float,
              offences_only: bool = False) -> list[int]:
    """Units scoring at least `bar`, without those whose parts also do (a section is cited
    only when none of its parts is good alone), best first."""
    good = {uid for uid, s in score.items()
            if s >= bar and (not offences_only or view.creates_offence(units[uid]))}
    out = [uid for uid in good if not any(id(c) in good for c in units[uid].children)]
    out.sort(key=lambda uid: (-score[uid], units[uid].start))
    return out


def _affirmed(view: StatuteView, c: Concept, near: bool) -> list[TermMatch]:
    """A concept's matches that no negation takes away (many verdicts share a concept)."""
    key = (tuple(c.phrases), near)
    got = view.affirmed_cache.get(key)
    if got is None:
        got = [m for m in concept_matches(view, c, near=near) if not is_negated(view, m)]
        view.affirmed_cache[key] = got
    return got


def merge(view: StatuteView, carriers: list[Evidence], others: list[Evidence],
          limit: int) -> list[Evidence]:
    """Carrier units first, then each element's own places in units not yet cited: a
    pinpoint inside a cited section ("12(h)" under "12") stays, since it shows the reader
    where to look. A carrier whose quote the pinpoint repeats, even in part, is quoted at its
    opening words instead (often the lead-in that governs the list)."""
    cited = {ev.unit for ev in carriers}
    out = list(carriers)
    for ev in others:
        if ev.unit not in cited:
            cited.add(ev.unit)
            out.append(ev)
    out = out[:limit]
    # A section and a part of it may both be carriers (a parallel offence in 3(1)).
    for j, ev in enumerate(out):
        for i in range(j):
            c = out[i]
            if max(c.start, ev.start) < min(c.end, ev.end) and ev.unit.startswith(c.unit + "("):
                out[i] = _opening(view, c)
    return out


def _opening(view: StatuteView, ev: Evidence) -> Evidence:
    unit = view.unit_at(ev.start)  # the cited unit holds its quote: walk up to it
    while unit is not None and unit.label != ev.unit:
        unit = view.parent.get(id(unit))
    if unit is None:
        return ev
    quote, s, e = view.quote(unit.start, unit.start + 1)
    if unit.heading and quote.endswith(unit.heading):
        # The heading is a sentence of its own: quote the lead-in after it too, unless the
        # next words already belong to a part of the unit ("(1) A person who ...").
        after = view.index.next_sentence(e)
        first_part = min((c.start for c in unit.children), default=unit.end)
        if after is not None and after[1] <= unit.end and after[0] < first_part:
            quote, s, e = view.quote(unit.start, after[1])
    return Evidence(ev.unit, quote, s, e, ev.element) if (s, e) != (ev.start, ev.end) else ev
