"""Which sections of a statute most likely carry a provision: lexical retrieval over lemmas.

Each concept phrase is looked up once in the statute's term index; a section scores by the
concepts it contains, each weighted like BM25's idf (a concept found in few sections says
more than one found everywhere), with a saturating term frequency.
"""

from __future__ import annotations

import math
from collections import defaultdict

from modellaw.compare.context import StatuteView
from modellaw.dsl.model import Concept, Provision
from modellaw.nlp.terms import TermMatch
from modellaw.statutes.model import Unit

K1 = 1.2
KEY_WEIGHT = 2.0


def concept_matches(view: StatuteView, concept: Concept, near: bool = False) -> list[TermMatch]:
    seen: set[tuple[int, int]] = set()
    out: list[TermMatch] = []
    for phrase in concept.phrases:
        for m in view.find(phrase, near=near):
            if (m.start, m.end) not in seen:
                seen.add((m.start, m.end))
                out.append(m)
    out.sort(key=lambda m: m.start)
    return out


def rank_sections(
    view: StatuteView, provision: Provision, top: int = 8
) -> list[tuple[Unit, float]]:
    n = max(len(view.sections), 1)
    scores: dict[int, float] = defaultdict(float)
    units: dict[int, Unit] = {}
    for el in provision.elements:
        if el.kind == "absence":
            continue
        # The key element names the rule itself, so sections that state it rank higher
        # than sections that only share vocabulary (a definition, a schedule).
        weight = KEY_WEIGHT if el.key else 1.0
        for c in el.concepts:
            per_section: dict[int, int] = defaultdict(int)
            defined_in: set[str] = set()
            for m in concept_matches(view, c):
                sec = view.section_at(m.start)
                if sec is None:
                    continue
                units[id(sec)] = sec
                per_section[id(sec)] += 1
                defined_in.update(view.terms_defined_at(m.start))
            df = len(per_section)
            if not df:
                continue
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5))
            for sid, tf in per_section.items():
                scores[sid] += weight * idf * tf * (K1 + 1) / (tf + K1)
            # An offence that uses a defined term holds what the definition says ("a
            # person who trafficks another commits an offence", the acts and means being
            # stated only in the definition), so it scores as if it named the concept once.
            for sec in view.offences_using(defined_in):
                if id(sec) not in per_section:
                    units[id(sec)] = sec
                    scores[id(sec)] += weight * idf
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])[:top]
    return [(units[sid], score) for sid, score in ranked]
