"""Age thresholds: "under the age of eighteen years", "below 18", "not yet 18".

Only "younger than N" thresholds are reported (the age below which a person is a child
or a protected girl/boy), because that is what definitions and aggravations turn on.
A number after "under" that is a section, a code citation or a penalty term is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import fold_punct
from .numwords import NUMBER, parse_number


@dataclass(frozen=True)
class Age:
    start: int
    end: int
    text: str
    years: float


_I = re.IGNORECASE
_CUE = (
    r"(?:under|below|beneath|less\s+than|younger\s+than|not\s+(?:yet\s+)?(?:attained|reached|"
    r"completed)|has\s+not\s+(?:yet\s+)?(?:attained|reached|completed)|not\s+yet|aged\s+"
    r"(?:under|below|less\s+than))"
)
_AGE = re.compile(
    rf"\b(?P<cue>{_CUE})\s+(?:the\s+)?(?P<age_word>(?:full\s+)?age\s+of\s+)?"
    rf"(?P<n>{NUMBER})(?P<tail>\s*(?:full\s+)?(?:years?|yrs?)(?:\s+of\s+age|\s+old|\s+of\s+his\s+age)?"
    r"|\s+of\s+age)?",
    _I,
)
# What may not follow the number: a code ("18 U.S.C."), a unit other than years, a
# percentage or a list of sections.
_NOT_AGE_AFTER = re.compile(
    r"\s*(?:U\.?S\.?C|C\.?F\.?R|U\.?S\b|months?|weeks?|days?|hours?|%|per\s*cent|percent|"
    r"of\s+(?:the|this|that)\b|\(\w\)|[.,]\d|and\s+\d|\w*\s*(?:section|article))",
    _I,
)
# Words that make a bare "under 18" a penalty term or a citation rather than an age.
_NOT_AGE_BEFORE = re.compile(
    r"\b(?:imprison\w*|term|sentence\w*|fine\w*|section|article|subsection|paragraph|chapter|"
    r"title|rule|regulation)\W*(?:\w+\W+){0,3}$",
    _I,
)
_NEGATED = re.compile(r"\bnot\s*$", _I)
_MIN_AGE, _MAX_AGE = 5.0, 25.0


def find_ages(text: str) -> list[Age]:
    """Every "younger than N years" threshold in `text` (5 <= N <= 25), in order."""
    folded = fold_punct(text)
    out = []
    for m in _AGE.finditer(folded):
        years = parse_number(m.group("n"))
        if years is None or not _MIN_AGE <= years <= _MAX_AGE:
            continue
        cue = m.group("cue").lower()
        explicit = bool(m.group("age_word") or m.group("tail"))
        before = folded[max(0, m.start() - 40) : m.start()]
        if cue.startswith("less") and _NEGATED.search(before):
            continue  # "not less than 18 years" is a minimum term, not an age
        if not m.group("tail") and _NOT_AGE_AFTER.match(folded, m.end()):
            continue
        if not m.group("age_word") and _NOT_AGE_BEFORE.search(before):
            continue
        if not explicit and _looks_like_list(folded, m.end()):
            continue
        end = m.end()
        out.append(Age(m.start(), end, text[m.start() : end], years))
    return out


def _looks_like_list(text: str, end: int) -> bool:
    """"under 18, 19 and 20" reads as a list of provisions, not an age."""
    return bool(re.match(r"\s*(?:,|and|or|to)\s*\d", text[end : end + 8]))
