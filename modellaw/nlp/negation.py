"""Cues that take a match away or weaken it: negation, exceptions, provisos, conditions
and discretion, found in the clause or sentence around a match.

This module reports; it does not decide. "shall not be a defence", "is immaterial" and
"shall not be prosecuted" are negations in form but the positive content of some
model clauses, so each such cue carries an `idiom` name the comparator can recognise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .normalize import fold_punct


@dataclass(frozen=True)
class Cue:
    kind: str  # negation | exception | proviso | condition | discretion
    start: int
    end: int
    text: str
    scope: str = "sentence"  # "clause" when the cue is in the match's own clause
    idiom: str = ""  # a known positive formula: not_a_defence, immaterial, non_punishment ...


_I = re.IGNORECASE
# Positive formulas that look negative; checked before the plain negations so the cue
# text covers the whole formula.
_IDIOMS: list[tuple[str, re.Pattern[str]]] = [
    ("not_a_defence", re.compile(
        r"\b(?:shall|does|is|will)\s+not\s+(?:be\s+|constitute\s+)?(?:a\s+|an\s+)?"
        r"(?:valid\s+|available\s+)?defen[cs]e\b|\bno\s+defen[cs]e\b|\bnot\s+a\s+defen[cs]e\b",
        _I)),
    ("immaterial", re.compile(
        r"\b(?:is|are|shall\s+be)\s+(?:immaterial|irrelevant)\b|\b(?:immaterial|irrelevant)\b"
        r"|\bshall\s+not\s+be\s+(?:relevant|material)\b|\bnot\s+relevant\b", _I)),
    ("non_punishment", re.compile(
        r"\bno\s+(?:\w+\s+){0,4}?shall\s+be\s+(?:prosecuted|punished|penali[sz]ed|detained)\b"
        r"|\bshall\s+not\s+be\s+(?:prosecuted|punished|penali[sz]ed|detained|held\s+"
        r"(?:criminally\s+)?(?:liable|responsible))\b|\bnot\s+(?:be\s+)?(?:criminally\s+)?"
        r"liable\b", _I)),
    # "consent does not exclude liability": the positive form of the consent clause.
    ("not_excluded", re.compile(
        r"\b(?:does|do|shall|will|is)\s+not\s+(?:exclude|excuse|relieve|absolve|remove)\b", _I)),
    ("not_required", re.compile(
        r"\b(?:shall|need|does|is)\s+not\s+(?:be\s+)?(?:required|necessary|need)\b", _I)),
]
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("negation", re.compile(
        r"\bnothing\s+in\s+this\s+(?:section|act|part|chapter|article|subsection|law|"
        r"division|regulation)s?\b|\bno\s+(?:\w+\s+){0,6}?(?:shall|may|is|will)\b"
        r"|\b(?:shall|may|must|will|does|do|did|is|are|was|were|need|can)\s*(?:not|n't)\b"
        r"|\bcannot\b|\bneither\b|\bnor\b|\bnot\b", _I)),
    ("exception", re.compile(
        r"\bexcept(?:ing|\s+that|\s+where|\s+as|\s+for|\s+in)?\b|\bsave\s+(?:as|that|for|where)\b"
        r"|\bunless\b|\bother\s+than\b|\b(?:does|shall|will)\s+not\s+apply\b"
        r"|\bexclud(?:ing|es?|ed)\b|\bexempt(?:ed|s|ion)?\b", _I)),
    ("proviso", re.compile(
        r"\bprovided\s*(?:,\s*)?(?:always\s+|further\s+|however\s*,?\s*)?that\b"
        r"|\bprovided\s*,\s*however\b|\bon\s+condition\s+that\b", _I)),
    ("condition", re.compile(
        r"\bonly\s+(?:if|where|when|in)\b|\bif\s+and\s+only\s+if\b|\bconditional\s+(?:up)?on\b"
        r"|\bin\s+the\s+event\s+(?:that|of)\b|\bif\b|\bwhere\b|\bwhen\b", _I)),
    ("discretion", re.compile(
        r"\bmay(?!\s+not\b)(?!\s+(?:extend|be\s+extended)\b)(?<!\bcase\smay)"
        # "may be charged and convicted" states liability, not a power
        r"(?!\s+be\s+(?:charged|convicted|prosecuted|tried|punished|sentenced|fined|"
        r"imprisoned|liable)\b)\b"
        r"|\bas\s+far\s+as\s+(?:possible|practicable|reasonably\s+practicable)\b"
        r"|\bto\s+the\s+(?:extent|degree)\s+(?:possible|practicable|appropriate)\b"
        r"|\bin\s+appropriate\s+cases\b|\bwhere\s+(?:appropriate|possible|practicable|necessary)\b"
        r"|\bwhen\s+(?:appropriate|possible|practicable|necessary)\b|\bsubject\s+to\b"
        r"|\bendeavou?r\s+to\b|\bat\s+(?:its|his|her|their)\s+discretion\b|\bin\s+(?:its|his|her|"
        r"their)\s+discretion\b|\bas\s+(?:it|he|she|they)\s+(?:thinks|think|considers?|deems?)\s+"
        r"(?:fit|appropriate|necessary)\b|\bif\s+(?:it|he|she)\s+(?:thinks|considers)\b", _I)),
]
# Clause ends inside a sentence: semicolons, a colon or dash introducing a list, and the
# enumerators "(a)", "(ii)" that open list items.
_CLAUSE_BREAK = re.compile(r";|:\s|\u2014|--|\s\((?:[a-z]{1,2}|[ivx]{1,5}|\d{1,3})\)\s", _I)
_AS_THE_CASE_MAY_BE = re.compile(r"\bas\s+the\s+case\s+may\s+be\b", _I)


def _clause(seg: str, start: int, end: int) -> tuple[int, int]:
    """The clause of `seg` holding [start, end) (offsets relative to `seg`)."""
    a, b = 0, len(seg)
    for m in _CLAUSE_BREAK.finditer(seg):
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    return a, b


def cues_for(text: str, start: int, end: int, sentence: tuple[int, int]) -> list[Cue]:
    """Cues in `sentence` around the match text[start:end], each marked "clause" when it
    sits in the match's own clause; ordered by position, offsets into `text`."""
    lo, hi = max(0, sentence[0]), min(len(text), sentence[1])
    if lo >= hi:
        return []
    seg = fold_punct(text[lo:hi])  # only the sentence
    ca, cb = _clause(seg, start - lo, end - lo)
    out = [Cue(kind, lo + a, lo + b, text[lo + a : lo + b],
               "clause" if ca <= a and b <= cb else "sentence", idiom)
           for a, b, kind, idiom in _sentence_cues(seg)]
    return sorted(out, key=lambda c: (c.start, c.end))


@lru_cache(maxsize=8192)
def _sentence_cues(seg: str) -> tuple[tuple[int, int, str, str], ...]:
    """The cues of one sentence, whatever the match: many matches share a sentence."""
    taken: list[tuple[int, int]] = [
        (m.start(), m.end()) for m in _AS_THE_CASE_MAY_BE.finditer(seg)
    ]
    out: list[tuple[int, int, str, str]] = []
    # Idioms first, then the longest cue wins an overlap ("where appropriate" is
    # discretion, not the condition "where"; "shall not apply" is an exception).
    found: list[tuple[int, int, int, str, str]] = []
    for idiom, rx in _IDIOMS:
        found.extend((0, m.start(), m.end(), "negation", idiom) for m in rx.finditer(seg))
    for kind, rx in _PATTERNS:
        found.extend((1, m.start(), m.end(), kind, "") for m in rx.finditer(seg))
    for _prio, a, b, kind, idiom in sorted(found, key=lambda f: (f[0], f[1] - f[2], f[1])):
        if any(a < y and x < b for x, y in taken):
            continue  # already covered by an idiom or a longer cue
        taken.append((a, b))
        out.append((a, b, kind, idiom))
    return tuple(out)
