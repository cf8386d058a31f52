"""Periods of time: "thirty (30) days", "not less than 30 days", "one month".

Every period is reported with its bound (min / max / exact) and its length in days
(a month is 30 days, a year 365); the caller decides which periods matter (a
reflection period, a time limit for a decision) from the words around them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import fold_punct
from .numwords import NUMBER, parse_number


@dataclass(frozen=True)
class Duration:
    start: int
    end: int
    text: str
    days: float
    bound: str  # min | max | exact


_I = re.IGNORECASE
_DAYS = {"d": 1.0, "w": 7.0, "m": 30.0, "y": 365.0}
_MIN = (
    r"not\s+(?:be\s+)?less\s+than|no\s+less\s+than|at\s+least|a\s+minimum(?:\s+\w+)?\s+of|"
    r"minimum\s+of|not\s+shorter\s+than|no\s+shorter\s+than|a\s+minimum\s+period\s+of"
)
_MAX = (
    r"up\s*to|not\s+exceeding|(?:not|no)\s+(?:be\s+)?more\s+than|not\s+to\s+exceed|"
    r"within|a\s+maximum(?:\s+\w+)?\s+of|maximum\s+of|at\s+most|not\s+longer\s+than|"
    r"no\s+longer\s+than|which\s+may\s+extend\s+to|may\s+extend\s+to|less\s+than"
)
_FILL = r"(?:(?:a|the|period|term|of|for|which|shall|be)\s+){0,4}"
_DURATION = re.compile(
    rf"(?:\b(?:(?P<min>{_MIN})|(?P<max>{_MAX}))\s+{_FILL})?"
    rf"\b(?P<n>{NUMBER}|a|an)(?:\s*-\s*|\s+)(?:calendar\s+|working\s+|clear\s+)?"
    r"(?P<unit>days?|weeks?|months?|years?)(?![\w])",
    _I,
)

_AGE_BEFORE = re.compile(
    r"(?:age\s+of|attained|aged|under|below|younger\s+than|older\s+than|over)\s*$", _I)
_AGE_AFTER = re.compile(r"\s*(?:of\s+age|old)\b", _I)


def find_durations(text: str) -> list[Duration]:
    """Every period of days, weeks, months or years in `text`, in order."""
    folded = fold_punct(text)
    out = []
    for m in _DURATION.finditer(folded):
        if _AGE_BEFORE.search(folded, max(0, m.start() - 25), m.start()) or _AGE_AFTER.match(
                folded, m.end()):
            continue  # "the age of eighteen years" is an age, not a period
        n = m.group("n")
        value = 1.0 if n.lower() in ("a", "an") else parse_number(n)
        if value is None:
            continue
        bound = "min" if m.group("min") else "max" if m.group("max") else "exact"
        days = value * _DAYS[m.group("unit")[0].lower()]
        out.append(Duration(m.start(), m.end(), text[m.start() : m.end()], days, bound))
    return out
