"""Checking one element of a provision against a statute."""

from __future__ import annotations

import math
import re
from bisect import bisect_left

from modellaw.compare.candidates import concept_matches
from modellaw.compare.context import StatuteView
from modellaw.compare.findings import ElementResult, Evidence
from modellaw.dsl.model import Element
from modellaw.nlp.negation import Cue, cues_for
from modellaw.nlp.numbers import Penalty, find_ages, find_durations
from modellaw.nlp.terms import TermMatch
from modellaw.statutes.model import Unit
from modellaw.statutes.offences import makes_conduct_an_offence
from modellaw.statutes.readings import READING_MARK, child_limb_note

_NEGATIVE_PHRASE = re.compile(r"\b(not|no|nothing|never|neither|nor)\b", re.I)
# "Qualified trafficking" is the aggravated offence in Philippine-style drafting.
# Code drafting states an aggravated offence as "2. The same acts committed: a) ...", "3. The
# acts provided for in parts one or two of this Article, if committed by an organised group".
_AGGRAVATING = re.compile(
    r"aggravat|qualified\s+trafficking|\bthe\s+same\s+acts?\b|\bthe\s+acts?\s+(?:provided\s+for|"
    r"specified|referred\s+to)\s+in\s+(?:parts?|paragraphs?)\s+(?:one|two|three|\d)", re.I)
# A list led in by "the penalty in paragraph 3 shall also apply where the act: ..." states
# aggravations, whatever its heading: a penalty, and the conditions that raise it.
_PENALTY_LEAD = re.compile(r"\b(?:penalty|penalties|punishment|sentence)\b.*\b(?:where|if|when)\b",
                           re.I | re.S)
# "not exceeding ten years" bounds a number; it negates nothing.
_QUANTITY_AFTER = re.compile(r"\s+(?:exceeding|more\s+than|less\s+than|later\s+than|"
                             r"earlier\s+than|fewer\s+than|below|above|over|under)\b", re.I)
# A negation reaches the words just after it ("shall not be prosecuted", "nothing in this
# section shall make the consent ..."), not a rule further along the sentence ("a victim
# who is not a citizen shall be granted a permit").
NEGATION_REACH = 25
# "a victim who is not a citizen shall be granted ...", "a citizen who ... has no valid
# passport shall be issued": the negation belongs to a description of someone, not to the rule.
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which|that|whose)(?:\s+(?:is|are|was|were|has|have|"
                              r"had|does|do|did))?\s*$|\b(?:has|have|had|with)\s*$", re.I)
_PURPOSE_BEFORE = re.compile(r"\b(?:so\s+that|in\s+order\s+that)\s+(?:\w+\s+){0,3}$", re.I)
# A colon or dash that opens a list inside a sentence.
_LIST_OPENER = re.compile(r":\s|\u2014|--|:$")
# "Nothing in this Act affects the operation of the Immigration Act in relation to the
# unlawful entry of persons": the rule named is another law's; "Nothing in this section
# confers on any person a right to assistance" grants none.
_SAVING = re.compile(
    r"\bnothing\s+in\s+this\s+(?:act|law|part|chapter|division|section)\s+(?:shall\s+)?"
    r"(?:affects?|prejudices?|derogates?|limits?|confers?)\b", re.I)
_SUBJECT_TO_PART = re.compile(r"\s+(?:sub-?section|paragraph)\s*(\(\w{1,4}\))", re.I)
_PENALTY_WORDS = re.compile(r"\b(imprison\w*|punish\w*|fined?|sentenced?|penalty)\b", re.I)
# Words that show an age threshold is about children.
_CHILD = re.compile(r"\b(child|children|minor|minors|juvenile|girl|boy|young person)\b", re.I)

DISCRETION_NOTE = "written as a discretion"
CHILD_ONLY_NOTE = "stated only for child victims"
WITNESS_ONLY_NOTE = "stated only for victims who are witnesses"
_WITNESS = re.compile(r"\bwitness", re.I)
# A sentence whose rule is granted only to a victim who gives evidence.
_WITNESS_ONLY = re.compile(
    r"\b(?:victims?|persons?)\s+who\s+(?:is|are)\s+(?:a\s+)?witness(?:es)?\b"
    r"|\b(?:where|if|when)\s+the\s+victim\s+(?:is|will\s+be)\s+a\s+witness\b"
    r"|\bvictims?\s+who\s+(?:gives?|give|testif(?:y|ies))\b", re.I)
# A sentence whose rule is granted only where the victim is a child.
_CHILD_ONLY = re.compile(
    r"\b(?:where|if|when|in\s+the\s+case\s+where)\s+the\s+(?:alleged\s+)?(?:victim|trafficked"
    r"\s+(?:person|victim)|person)\s+(?:of\s+the\s+offence\s+)?(?:is|was)\s+a\s+(?:child|minor)\b"
    r"|\b(?:victim|person)\s+who\s+is\s+a\s+(?:child|minor)\b"
    r"|\b(?:the|a)\s+(?:minor|child)\s+consented\b|\bconsent\s+of\s+(?:a|the)\s+(?:minor|child)\b",
    re.I)
EXTRA_CITES = 2  # further places cited for one concept, beyond the best one

# How each quantity reads in a "missing" line.
QUANTITY_WORDS = {
    "max_penalty": "maximum penalty",
    "aggravated_penalty": "aggravated maximum penalty",
    "min_penalty": "minimum penalty",
    "child_age": "age limit for a child",
    "duration": "period",
    "fine": "fine",
}


def evidence_at(view: StatuteView, m: TermMatch, el: Element) -> Evidence:
    quote, s, e = view.quote(m.start, m.end)
    return Evidence(view.label_at(m.start), quote, s, e, el.id)


def _cues(view: StatuteView, m: TermMatch) -> list[Cue]:
    key = (m.start, m.end)
    got = view.cue_cache.get(key)
    if got is None:
        sentence = view.index.sentence_of(m.start)
        got = cues_for(view.statute.text, m.start, m.end, sentence)
        view.cue_cache[key] = got
    return got


def is_negated(view: StatuteView, m: TermMatch) -> bool:
    if _NEGATIVE_PHRASE.search(m.phrase):
        return False  # the phrase states the negative form itself ("shall not be a defence")
    text = view.statute.text
    s, _e = view.index.sentence_of(m.start)
    if _SAVING.search(text, s, m.start):
        return True  # a saving clause keeps another law's rule and states none of its own
    for cue in _cues(view, m):
        if (cue.kind == "negation" and not cue.idiom and cue.scope == "clause"
                and cue.end <= m.start and m.start - cue.end <= NEGATION_REACH
                and not _QUANTITY_AFTER.match(text, cue.end)
                and not _RELATIVE_BEFORE.search(text, max(0, cue.start - 20), cue.start)):
            return True
    return False


def _weakened(view: StatuteView, m: TermMatch, for_children: bool = False) -> str | None:
    """Discretion or a proviso in the same sentence that narrows a clause, or a discretion
    in the words that introduce the list the clause is an item of ("The Minister may—
    (a) provide shelter"); or, for a rule owed to every victim, a sentence that grants it
    only to children ("where the victim is a child, the court may not consider the
    consent")."""
    note = view.reading_notes.get((m.start, m.end))
    if note:
        return note  # a statute reading that met the rule only in part says why
    text = view.statute.text
    s, e = view.index.sentence_of(m.start)
    if not for_children:
        # Only the clause holding the match: "where any means was used, consent is
        # immaterial; and the consent of a child is no defence" states the rule for all.
        if _CHILD_ONLY.search(text, *_clause_span(view, m)):
            return CHILD_ONLY_NOTE
    else:
        # A rule for children stated in a child limb that reaches only some purposes.
        note = child_limb_note(text[s:e])
        if note:
            return note
    for cue in _cues(view, m):
        lead_in = cue.scope == "sentence" and cue.end <= m.start and _LIST_OPENER.search(
            text, cue.end, m.start) is not None
        if cue.kind == "discretion" and (cue.scope == "clause" or lead_in):
            if cue.text.lower().startswith("subject to"):
                part = _SUBJECT_TO_PART.match(text, cue.end)
                if part:
                    # "Subject to subsection (2), a victim shall not be prosecuted": the
                    # other part carves something out of the rule.
                    sec = view.section_at(m.start)
                    where = f" (see {sec.label}{part.group(1)})" if sec is not None else ""
                    return f"narrowed by '{text[cue.start:part.end()]}'{where}"
                continue  # "subject to conditions on its use" states the rule's own terms
            if _PURPOSE_BEFORE.search(text, max(0, cue.start - 25), cue.start):
                continue  # "so that it may compensate victims" is a purpose, not a power
            return f"{DISCRETION_NOTE} ('{cue.text}')"
        if cue.kind in ("exception", "proviso") and cue.scope == "clause" and cue.start > m.start:
            return f"narrowed by '{cue.text}'"
    overridden = _overridden(view, m.start)
    if overridden:
        words, label = overridden
        return f"narrowed by '{words}' in {label}"
    lead = _lead_in(view, m.start)
    if lead is not None:
        for cue in cues_for(text, lead[1], lead[1], lead):
            if cue.kind == "discretion" and not cue.text.lower().startswith("subject to"):
                return f"{DISCRETION_NOTE} ('{cue.text}')"
    return None


def _clause_span(view: StatuteView, m: TermMatch) -> tuple[int, int]:
    """The clause holding a match: its sentence, cut at the semicolons around it."""
    text = view.statute.text
    s, e = view.index.sentence_of(m.start)
    b = text.find(";", m.end, e)
    return text.rfind(";", s, m.start) + 1 or s, b if b >= 0 else e


def _witnesses_only(view: StatuteView, m: TermMatch) -> str | None:
    """A rule owed to every victim, granted in its clause only to victims who are witnesses
    ("the physical safety of a victim who is a witness")."""
    found = _WITNESS_ONLY.search(view.statute.text, *_clause_span(view, m))
    return WITNESS_ONLY_NOTE if found else None


def _overridden(view: StatuteView, offset: int) -> tuple[str, str] | None:
    """A later part of the section that sets the part holding `offset` aside for some
    cases: "(3) Notwithstanding subsection (2), where the child had attained sixteen ..."."""
    where = view.part_at(offset)
    if where is None:
        return None
    sec, part, marker = where
    hit = view.part_references(sec).set_aside_by.get(marker)
    if hit is None or hit[1] < part.end:
        return None
    return hit[0], view.label_at(hit[1])


def _lead_in(view: StatuteView, offset: int) -> tuple[int, int] | None:
    """The sentence that introduces the list item holding `offset`, if it is one: the
    sentence ending in a colon or a dash just before the list's first item ("the
    Commissioner may— (a) report ...; (b) carry out research; (c) give training"), or
    else just before the item."""
    sentences = view.index.sentences
    first = offset
    unit = view.unit_at(offset)
    parent = view.parent.get(id(unit)) if unit is not None else None
    if parent is not None and parent.children and unit is not parent.children[0]:
        first = parent.children[0].start  # the list opens before its first item
    i = bisect_left(sentences, (first + 1,)) - 1
    if i < 1:
        return None
    prev = sentences[i - 1]
    tail = view.statute.text[prev[0]:prev[1]].rstrip()
    return prev if tail.endswith((":", "\u2014", "-", ":-")) else None


def _best(matches: list[TermMatch], ranked: list[int], view: StatuteView,
          home: set[int] | frozenset[int] = frozenset(),
          firm: bool = False, for_children: bool = False) -> TermMatch | None:
    """The first match that is not negated, preferring the element's home sections (where
    most of its concepts meet), then the provision's candidate sections in their rank
    order, then the strongest. Negation is checked lazily: it is the costly part."""
    order = {sid: i for i, sid in enumerate(ranked)}

    def key(m: TermMatch) -> tuple[int, float, int]:
        sid = _section_id(view, m)
        rank = 0 if sid in home else 1 + order.get(sid, len(order))
        return (rank, -m.score, m.start)

    weakened = None
    for m in sorted(matches, key=key):
        if is_negated(view, m):
            continue
        if not firm:
            return m
        # A clause stated firmly anywhere beats one stated as a discretion.
        if _weakened(view, m, for_children) is None:
            return m
        weakened = weakened or m
    return weakened


def _names_trafficking(m: TermMatch) -> bool:
    """A statute reading's match that names trafficking itself."""
    return m.phrase.startswith(READING_MARK) and "trafficking" in m.text.lower()


def check_concepts(view: StatuteView, el: Element, ranked: list[int],
                   where: set[int] | None = None) -> ElementResult:
    """`ranked` holds the provision's best candidate sections, best first. `where`, when
    given, holds the only sections the element may be found in (`in PROVISION`: a
    qualification of a rule counts only where the rule is stated)."""
    preferred = set(ranked)
    found: list[str] = []
    missing: list[str] = []
    evidence: list[Evidence] = []
    notes: list[str] = []
    all_hits = []
    scores: list[float] = []
    extra: list[Evidence] = []  # further places, cited after each concept's best one
    for c in el.concepts:
        hits = concept_matches(view, c, near=el.kind == "clause")
        if where is not None:
            hits = [m for m in hits if _section_id(view, m) in where]
        if el.kind == "absence":
            # Wording that must be absent matters only where the rule is: the provision's
            # own, or the one it is looked for `in` (an "organised group" in a sentencing
            # section is an aggravation, not an element of the offence). A statute reading
            # that names trafficking has placed its match itself ("the placement of a child
            # ... shall not constitute trafficking" may sit in an article of its own).
            hits = [m for m in hits if not _raises_penalty(view, m)
                    and (where is not None or not preferred or _names_trafficking(m)
                         or _section_id(view, m) in preferred)]
        all_hits.append(hits)
    home = _home_sections(view, all_hits)
    # A rule about children (its label or a concept's name says so) is not narrowed by
    # being stated for children only.
    for_children = any(_CHILD.search(n) for n in (el.label, *(c.name for c in el.concepts)))
    for_witnesses = any(_WITNESS.search(n) for n in (
        el.label, *(c.name for c in el.concepts if not c.partly)))
    for c, hits in zip(el.concepts, all_hits, strict=True):
        best = (_best(hits, ranked, view, home, firm=el.kind == "clause",
                      for_children=for_children) if hits else None)
        if best is not None:
            found.append(c.name)
            scores.append(best.score)
            evidence.append(evidence_at(view, best, el))
            if el.kind != "absence":
                extra.extend(_also(view, hits, best, el, ranked, home | preferred))
            # A `partly` concept counts only towards partial already: how weakly it is
            # stated does not lower a rule met by the others.
            if el.kind == "clause" and not c.partly:
                weak = _weakened(view, best, for_children) or (
                    None if for_witnesses else _witnesses_only(view, best))
                if weak:
                    notes.append(f"{c.name}: {weak}")
        else:
            missing.append(c.name)
    if el.kind != "absence" and evidence:
        # The best place for each concept comes first: it decides where numbers are read.
        evidence.extend(extra)
        evidence.extend(_definitions_used(view, evidence, el, all_hits))
    label = el.label
    if el.kind == "absence":
        if found:
            return ElementResult(el.id, el.name, el.kind, el.required, "unmet", [],
                                 [f"{label}: the statute contains {', '.join(found)} "
                                  f"(in {', '.join(dict.fromkeys(ev.unit for ev in evidence))})"],
                                 evidence, "found wording that should be absent")
        return ElementResult(el.id, el.name, el.kind, el.required, "met", [], [], [],
                             f"none of: {', '.join(c.name for c in el.concepts)}")
    # `partly` concepts count only towards partial: on their own they fall short.
    partly = {c.name for c in el.concepts if c.partly}
    full_found = [n for n in found if n not in partly]
    total = len(el.concepts) - len(partly)
    if el.kind == "all" or (el.kind == "any" and el.full == "all"):
        status = "met" if len(full_found) == total else "partial" if found else "unmet"
    elif el.kind == "any" and el.full == "most":
        status = "met" if len(full_found) * 2 >= total else "partial" if found else "unmet"
    else:  # any, clause
        status = "met" if full_found else "partial" if found else "unmet"
    # A power ("the Minister may provide shelter") is partial against a duty; whether that
    # matters depends on the requirement's strength, so say it was the only shortfall.
    discretion_only = False
    if status == "met" and notes and el.kind == "clause":
        status = "partial"
        discretion_only = all(DISCRETION_NOTE in n for n in notes)
    miss_words: list[str] = []
    if status != "met":
        wanted = [c.name for c in el.concepts if not c.partly]
        if found and not full_found:
            miss_words.append(f"{label}: only {', '.join(found)}, not "
                              f"{' or '.join(wanted[:2])}")
        elif el.kind in ("all", "any") and missing and found:
            miss_words.append(f"{label} not covered: "
                              f"{', '.join(m for m in missing if m not in partly)}")
        elif not found:
            miss_words.append(f"{label}: no provision found"
                              + (f" (looked for {', '.join(wanted[:4])})" if wanted else ""))
        miss_words.extend(notes)
    return ElementResult(el.id, el.name, el.kind, el.required, status, found, miss_words,
                         evidence, None if status != "met" else "; ".join(notes) or None,
                         scores=scores, discretion_only=discretion_only)


def _also(view: StatuteView, hits: list[TermMatch], best: TermMatch, el: Element,
          ranked: list[int], sections: set[int]) -> list[Evidence]:
    """Other places in the element's home or candidate sections that say the same thing:
    statutes often state a rule in a definition and again in the offence. The provision's
    best-ranked sections come first."""
    seen_units = {view.label_at(best.start)}
    out: list[Evidence] = []
    order = {sid: i for i, sid in enumerate(ranked)}
    for m in sorted(hits, key=lambda m: (order.get(_section_id(view, m), len(order)),
                                         m.start)):
        if len(out) >= EXTRA_CITES:
            break
        label = view.label_at(m.start)
        if _section_id(view, m) not in sections or label in seen_units:
            continue
        if is_negated(view, m):
            continue
        seen_units.add(label)
        out.append(evidence_at(view, m, el))
    return out


def _definitions_used(view: StatuteView, evidence: list[Evidence], el: Element,
                      all_hits: list[list[TermMatch]]) -> list[Evidence]:
    """A rule that uses a defined term ("a person who traffics another") inherits its
    definition: cite the definition too when it carries this element's concepts
    (hard case 6: cite both units)."""
    out: list[Evidence] = []
    cited = {ev.unit for ev in evidence}
    defs = view.statute.definitions
    hit_starts = sorted(m.start for hits in all_hits for m in hits)
    for ev in list(evidence):
        low = ev.quote.lower()
        for term, d in defs.items():
            if d.unit in cited or len(term) < 4 or term not in low:
                continue
            if ev.start >= d.start and ev.end <= d.end:
                continue  # the quote is the definition itself
            i = bisect_left(hit_starts, d.start)
            if i < len(hit_starts) and hit_starts[i] < d.end:
                quote, s, e = view.quote(d.start, min(d.end, d.start + len(term) + 1))
                out.append(Evidence(d.unit, quote, s, e, el.id))
                cited.add(d.unit)
    return out


def _section_id(view: StatuteView, m: TermMatch) -> int:
    sec = view.section_at(m.start)
    return id(sec) if sec is not None else -1


def _home_sections(view: StatuteView, all_hits: list[list[TermMatch]]) -> set[int]:
    """Sections holding the most distinct concepts of one element (none for a single
    concept, nor while no section holds two: every section that mentions one would tie, and
    the candidates should decide)."""
    count: dict[int, int] = {}
    for hits in all_hits:
        for sid in {_section_id(view, m) for m in hits} - {-1}:
            count[sid] = count.get(sid, 0) + 1
    if not count:
        return set()
    top = max(count.values())
    if top < 2:
        return set()
    return {sid for sid, n in count.items() if n == top}


def _raises_penalty(view: StatuteView, m: TermMatch) -> bool:
    """Whether the match sits in an aggravation: under such a heading or sentence, or in an
    item of a list whose lead-in raises a penalty on conditions."""
    if _AGGRAVATING.search(_heading_context(view, m)):
        return True
    unit = view.unit_at(m.start)
    parent = view.parent.get(id(unit)) if unit is not None else None
    if parent is None or not parent.children:
        return False
    opening = min(c.start for c in parent.children)
    text = view.statute.text
    return (_PENALTY_LEAD.search(text, parent.start, opening) is not None
            or _AGGRAVATING.search(text, parent.start, opening) is not None)


def _heading_context(view: StatuteView, m: TermMatch) -> str:
    sec = view.section_at(m.start)
    s, e = view.index.sentence_of(m.start)
    head = (sec.heading or "") if sec is not None else ""
    return head + " " + view.statute.text[s:e]


def _compare(value: float, op: str, bound: float) -> bool:
    return {
        ">=": value >= bound, "<=": value <= bound, "==": math.isclose(value, bound),
        "!=": not math.isclose(value, bound), ">": value > bound, "<": value < bound,
    }[op]


def _bound_years(el: Element) -> float:
    value = el.value or 0.0
    if el.unit and el.unit.startswith("month"):
        return value / 12.0
    return value


def _bound_days(el: Element) -> float:
    value = el.value or 0.0
    unit = (el.unit or "days").rstrip("s")
    return value * {"day": 1.0, "month": 30.0, "year": 365.0}.get(unit, 1.0)


def _regions(view: StatuteView, sections: list[Unit]) -> list[tuple[int, int]]:
    return [(u.start, u.end) for u in sections if not u.repealed]


def _other_offences(view: StatuteView, section: Unit) -> list[Unit]:
    """Parts of a section that create offences of their own, after its first one, and do
    not punish it: US Code 1591(d) punishes obstructing enforcement with 25 years, which is
    not the penalty of sex trafficking in 1591(a)-(b)."""
    text = view.statute.text
    offences = [c for c in section.children
                if makes_conduct_an_offence(text[c.start:c.end]) and view.creates_offence(c)]
    if len(offences) < 2:
        return []
    punishing = {id(u) for u in view.punishing(section)}

    def punishes(u: Unit) -> bool:
        return id(u) in punishing or any(punishes(c) for c in u.children)

    return [c for c in offences[1:] if not punishes(c)]


def custodial_penalties(view: StatuteView, start: int, end: int) -> list[Penalty]:
    """The penalties in a stretch of text that punish the offence itself: custodial (or
    life, or death), and not a term served in default of paying a fine."""
    return [p for p in view.penalties(start, end)
            if (p.custodial or p.life or p.death) and not p.in_default]


def check_number(view: StatuteView, el: Element, candidates: list[Unit]) -> ElementResult:
    text = view.statute.text
    q = el.quantity or ""
    words = QUANTITY_WORDS.get(q, q)
    want = f"{words} {el.op} {el.value:g} {el.unit or ''}".strip()

    def result(status: str, missing: list[str], ev: list[Evidence], note: str) -> ElementResult:
        return ElementResult(el.id, el.name, el.kind, el.required, status, [note] if status !=
                             "unmet" else [], missing, ev, note)

    def ev_for(start: int, end: int) -> Evidence:
        quote, s, e = view.quote(start, end)
        return Evidence(view.label_at(start), quote, s, e, el.id)

    if q in ("max_penalty", "min_penalty", "aggravated_penalty"):
        found = []
        # The penalty of the offence is stated in the best-ranked section that states one
        # at all; several branches there (a woman, a girl) must each meet the floor. An
        # aggravated penalty is the highest branch there: the basic penalty beside it is not
        # the aggravation.
        regions = [(u.start, u.end, u) for u in candidates if not u.repealed]
        for s, e, unit in [*regions, (0, len(text), None)]:
            others = _other_offences(view, unit) if unit is not None else []
            found = [(p, s) for p in custodial_penalties(view, s, e)
                     if not any(o.start <= s + p.start < o.end for o in others)]
            if found:
                break
        # A summary-conviction cap beside the penalty on indictment is not a branch of the
        # offence (the offence carries the higher one), nor is a repeat offender's penalty.
        found = [(p, s) for p, s in found if not p.summary and not p.subsequent] or found
        if not found:
            return result("unmet", [f"{words}: no custodial penalty found (needs {want})"], [],
                          "no penalty found")
        bound = _bound_years(el)
        if q in ("max_penalty", "aggravated_penalty"):
            known = [(p, s) for p, s in found if p.max_years is not None]
            if not known:
                p, s = found[0]
                return result("partial", [f"{words}: maximum not stated (needs {want})"],
                              [ev_for(s + p.start, s + p.end)], "minimum only")
            pick = max if q == "aggravated_penalty" else min
            p, s = pick(known, key=lambda ps: ps[0].max_years or 0)
            value = p.max_years or 0.0
            shown = "life" if math.isinf(value) else f"{value:g} years"
        else:
            known = [(p, s) for p, s in found if p.min_years is not None]
            if not known:
                return result("unmet", [f"{words}: no minimum stated (needs {want})"], [],
                              "no minimum")
            p, s = max(known, key=lambda ps: ps[0].min_years or 0)
            value = p.min_years or 0.0
            shown = f"{value:g} years"
        ev = [ev_for(s + p.start, s + p.end)]
        note = f"{words}: {shown}" + ("; fine alternative available" if p.fine_alternative
                                      else "") + ("; death penalty: review for human rights"
                                                  if p.death else "")
        if _compare(value, el.op or ">=", bound):
            return result("met", [], ev, note)
        return result("partial", [f"{words} is {shown}; needs {want}"], ev, note)

    if q == "child_age":
        ages = []
        defs = [d for t, d in view.statute.definitions.items()
                if t in ("child", "children", "minor", "young person", "juvenile")]
        for d in defs:
            for a in find_ages(text[d.start:d.end]):
                ages.append((a.years, d.start + a.start, d.start + a.end, True))
        if not ages:
            in_rule = {id(u) for u in candidates[:3]}
            for a in find_ages(text):
                s, e = view.index.sentence_of(a.start)
                sentence = text[s:e]
                if _PENALTY_WORDS.search(sentence):
                    continue  # "if the victim is under 14, imprisonment of ..." grades a penalty
                sec = view.section_at(a.start)
                if _CHILD.search(sentence) or (sec is not None and id(sec) in in_rule):
                    ages.append((a.years, a.start, a.end, False))
        if not ages:
            return result("unmet", [f"{words}: no age threshold found (needs {want})"], [],
                          "no age found")
        bound = el.value or 0.0
        good = [a for a in ages if _compare(a[0], el.op or "==", bound)]
        bad = [a for a in ages if not _compare(a[0], el.op or "==", bound)]
        if good and not bad:
            a = good[0]
            return result("met", [], [ev_for(a[1], a[2])], f"{words}: {a[0]:g} years")
        if good:
            a, b = good[0], bad[0]
            return result("partial", [f"another age threshold of {b[0]:g} years also applies"],
                          [ev_for(a[1], a[2]), ev_for(b[1], b[2])],
                          f"{words}: {a[0]:g} and {b[0]:g} years")
        b = bad[0]
        return result("unmet", [f"{words} is {b[0]:g} years; needs {want}"], [ev_for(b[1], b[2])],
                      f"{words}: {b[0]:g} years")

    if q == "duration":
        found_d = []
        for s, e in _regions(view, candidates[:3]):
            for d in find_durations(text[s:e]):
                a, b = view.index.sentence_of(s + d.start)
                if _PENALTY_WORDS.search(text[a:b]):
                    continue  # "imprisonment for twenty-five years" is a sentence, not a period
                found_d.append((d, s))
        if not found_d:
            return result("unmet", [f"{words}: no period stated (needs {want})"], [],
                          "no period found")
        bound = _bound_days(el)
        d, s = max(found_d, key=lambda ds: ds[0].days)
        ev = [ev_for(s + d.start, s + d.end)]
        shown = f"{d.days:g} days"
        if d.bound == "max" and el.op in (">=", ">"):
            return result("partial", [f"{words} is at most {shown}, not a guaranteed minimum; "
                                      f"needs {want}"], ev, f"{words}: up to {shown}")
        if _compare(d.days, el.op or ">=", bound):
            return result("met", [], ev, f"{words}: {shown}")
        return result("partial", [f"{words} is {shown}; needs {want}"], ev, f"{words}: {shown}")

    return result("unmet", [f"{words}: cannot be checked automatically yet"], [],
                  "quantity not supported")
