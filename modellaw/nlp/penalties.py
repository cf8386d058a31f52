"""Penalty clauses: the custodial range, life, death and fines a statute provides.

The finder works in two passes. First it lists penalty *pieces* (a term of years with
its bound, life imprisonment, death, a fine, "without the option of a fine", the word
imprisonment itself). Then it groups neighbouring pieces into one `Penalty` unless the
words between them start a new case ("on subsequent conviction", "where the victim is a
child", a semicolon, a new sentence). A group needs a custodial piece with a term, life
or death, or a fine with an amount; "section 10" or "a period of three years" in office
is never a penalty.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from .normalize import fold_punct
from .numwords import NUMBER, parse_number


@dataclass(frozen=True)
class Penalty:
    start: int
    end: int
    text: str
    min_years: float | None
    max_years: float | None  # math.inf for life imprisonment, reclusion perpetua or death
    life: bool
    death: bool
    fine: bool
    fine_alternative: bool  # the court may impose a fine instead of a custodial term
    custodial: bool
    # a term served in default of paying a fine or compensation: not the offence's penalty
    in_default: bool = False
    # the cap on summary conviction, beside a higher one on indictment: a court's
    # procedural limit, not the most the offence carries
    summary: bool = False
    # the penalty on a second or subsequent conviction: a repeat offender's, not the offence's
    subsequent: bool = False


_I = re.IGNORECASE
_UNIT = r"(?P<unit>years?|yrs?|months?|weeks?|days?)(?:['\u2019]s?)?(?![\w])"
_UNIT2 = r"(?:years?|yrs?|months?|weeks?|days?)"
_PER_YEAR = {"y": 1.0, "m": 12.0, "w": 52.0, "d": 365.0}

_RANGE = re.compile(
    rf"\b(?:between\s+(?P<a>{NUMBER})\s*(?:{_UNIT2}\s*)?and\s+(?P<b>{NUMBER})"
    rf"|(?:from\s+)?(?P<c>{NUMBER})\s*(?:{_UNIT2}\s*)?(?:to|-|up\s+to)\s*(?P<d>{NUMBER}))"
    rf"\s*{_UNIT}",
    _I,
)
_TERM = re.compile(rf"\b(?P<n>{NUMBER})\s*(?:calendar\s+)?{_UNIT}", _I)
# US drafting: "for any term of years not less than 15 or for life" (no unit after 15).
_TERM_OF_YEARS = re.compile(
    rf"\bterm\s+of\s+years\s+(?:not\s+less\s+than|of\s+at\s+least)\s+(?P<n>{NUMBER})", _I
)
_MIN_Q = re.compile(
    r"not\s+(?:be\s+)?less\s+than|no\s+less\s+than|at\s+least|minimum|not\s+below", _I
)
_MAX_Q = re.compile(
    r"not\s+exceeding|(?:not|no)\s+(?:be\s+)?more\s+than|up\s*to|extend(?:ing)?\s+to|"
    r"maximum|at\s+most|(?:not\s+to|shall\s+not|does\s+not)\s+exceed|not\s+over|"
    r"less\s+than",
    _I,
)
# Words that may stand between a bound and its number: "a minimum punishment of
# imprisonment for a term of five years" is a floor.
_FILLER = re.compile(
    r"^[\s,]*(?:(?:a|the|term|period|of|which|shall|may|will|be|for|punishment|imprisonment|"
    r"sentence)\s+)*$", _I)

_CUSTODIAL = re.compile(
    r"\b(?:imprison\w*|incarcerat\w*|jail|gaol|prison|penal\s+servitude|prision\s+\w+|"
    r"deprivation\s+of\s+liberty|deprived\s+of\s+liberty|"
    r"reclusion\s+temporal)\b",
    _I,
)
_LIFE = re.compile(
    r"\b(?:imprison\w*|incarcerat\w*|jail|prison)\b[^.;]{0,60}?\bfor\s+"
    r"(?:the\s+(?:rest|remainder)\s+of\s+\w+(?:['\u2019]s)?\s+)?(?:natural\s+)?life\b"
    r"|\blife\s+(?:imprisonment|sentence|term)\b|\bimprisonment\s+of\s+life\b"
    r"|\bterm\s+of\s+years\s+or\s+(?:for\s+)?life\b|\breclusion\s+perpetua\b",
    _I,
)
_DEATH = re.compile(
    r"\b(?:suffer|with|by|to|of)\s+death\b(?!\s+of)|\bdeath\s+(?:penalty|sentence)\b"
    r"|\bcapital\s+punishment\b",
    _I,
)
_NO_FINE = re.compile(r"\bwithout\s+(?:the\s+|an?\s+)?option\s+of\s+(?:a\s+)?fine\b", _I)
_FINE = re.compile(r"\bfine[ds]?\b", _I)
_FINE_AMOUNT = re.compile(
    rf"^[^.;]{{0,40}}?(?:{NUMBER}|[$\u00a3\u20ac\u20b1\u20b9]|\b[A-Z]{{1,3}}\s?\d|"
    r"under\s+this\s+title|currency\s+points?)",
    _I,
)
_TRIGGER = re.compile(r"\b(?:liable|punish\w*|penalty|sentenced|convict\w*)\b", _I)
_ALTERNATIVE = re.compile(
    r"\bor\s+(?:with\s+|to\s+|by\s+|be\s+|a\s+|the\s+)*(?:fine[ds]?|both)\b"
    r"|\bfine[ds]?\b[^.;]{0,200}?\bor\s+(?:with\s+|to\s+|by\s+|be\s+)*"
    r"(?:imprison|incarcerat|jail|prison|deprivation\s+of\s+liberty)",
    _I,
)
_OR_BOTH = re.compile(r"[\s,]*or\s+(?:with\s+|to\s+)?both\b", _I)
_NEW_CASE = re.compile(
    r"[;:]|\.\s+[A-Z(]|\b(?:subsequent|second|where|if|when|unless|except|provided|"
    r"in\s+the\s+case|in\s+any\s+other\s+case|otherwise|in\s+default)\b",
    _I,
)
# "A further term of imprisonment ... may be imposed in the case of a failure to pay
# compensation", "and in default of payment to imprisonment for six months".
_DEFAULT = re.compile(
    r"\bin\s+default\b|\bfail(?:ure|s)?\s+to\s+pay\b|\bif\s+the\s+(?:fine|compensation)\s+is\s+not\s+paid\b",
    _I)
_SENTENCE_END = re.compile(r"\.\s|;")
_NEW_LIABILITY = re.compile(r"\b(?:liable|punish\w*|sentenced)\b", _I)
_CUMULATIVE = re.compile(r"^[\s,]*and\b", _I)
_MAX_GAP = 120
# "had not attained the age of 14 years" inside a penalty sentence is an age, not a term.
_AGE_BEFORE = re.compile(r"(?:age\s+of|attained|aged|under|below|younger\s+than)\s*$", _I)
_AGE_AFTER = re.compile(r"\s*(?:of\s+age|old)\b", _I)


@dataclass
class _Piece:
    kind: str  # term | life | death | fine | nofine | custodial
    start: int
    end: int
    lo: float | None = None
    hi: float | None = None


def _years(n: str, unit: str) -> float | None:
    v = parse_number(n)
    if v is None:
        return None
    return v / _PER_YEAR[unit[0].lower()]


def _qualifier(text: str, start: int, floor: int) -> tuple[str, int]:
    """The bound word ("not less than", "not exceeding") governing a number at `start`."""
    window_start = max(floor, start - 60)
    window = text[window_start:start]
    best: tuple[str, int, int] | None = None
    for kind, rx in (("min", _MIN_Q), ("max", _MAX_Q)):
        for m in rx.finditer(window):
            if best is None or m.end() > best[2]:
                best = (kind, m.start(), m.end())
    if best and _FILLER.match(window[best[2] :]):
        # "less than" alone is a maximum, but "not less than" was matched as a minimum.
        return best[0], window_start + best[1]
    return "exact", start


def _pieces(text: str) -> list[_Piece]:
    pieces: list[_Piece] = []
    taken: list[tuple[int, int]] = []
    for m in _RANGE.finditer(text):
        a = m.group("a") or m.group("c")
        b = m.group("b") or m.group("d")
        unit = m.group("unit")
        lo, hi = _years(a, unit), _years(b, unit)
        if lo is None or hi is None or lo > hi:
            continue
        pieces.append(_Piece("term", m.start(), m.end(), lo, hi))
        taken.append((m.start(), m.end()))
    prev_end = 0
    for m in _TERM.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        y = _years(m.group("n"), m.group("unit"))
        if (
            y is None
            or _AGE_BEFORE.search(text, max(0, m.start() - 20), m.start())
            or _AGE_AFTER.match(text, m.end())
        ):
            continue
        kind, start = _qualifier(text, m.start(), prev_end)
        lo = y if kind == "min" else None
        hi = None if kind == "min" else y
        pieces.append(_Piece("term", start, m.end(), lo, hi))
        prev_end = m.end()
    for m in _TERM_OF_YEARS.finditer(text):
        y = parse_number(m.group("n"))
        if y is not None:
            pieces.append(_Piece("term", m.start(), m.end(), y, None))
    for kind, rx in (("life", _LIFE), ("death", _DEATH), ("custodial", _CUSTODIAL)):
        pieces.extend(_Piece(kind, m.start(), m.end()) for m in rx.finditer(text))
    no_fine = [(m.start(), m.end()) for m in _NO_FINE.finditer(text)]
    pieces.extend(_Piece("nofine", a, b) for a, b in no_fine)
    for m in _FINE.finditer(text):
        if any(a <= m.start() < b for a, b in no_fine):
            continue
        after = text[m.end() : m.end() + 60]
        before = text[max(0, m.start() - 80) : m.start()]
        if _FINE_AMOUNT.match(after) or _TRIGGER.search(before):
            pieces.append(_Piece("fine", m.start(), m.end()))
    pieces.sort(key=lambda p: (p.start, p.end))
    return pieces


def _joins(gap: str) -> bool:
    if len(gap) > _MAX_GAP or _NEW_CASE.search(gap):
        return False
    # "... and shall also be liable to a fine" adds to the same penalty.
    return not _NEW_LIABILITY.search(gap) or bool(_CUMULATIVE.match(gap))


def _groups(text: str, pieces: list[_Piece]) -> list[list[_Piece]]:
    groups: list[list[_Piece]] = []
    end = -1
    for p in pieces:
        if groups and (p.start <= end or _joins(text[end : p.start])):
            groups[-1].append(p)
            end = max(end, p.end)
        else:
            groups.append([p])
            end = p.end
    return groups


def _penalty(text: str, group: list[_Piece]) -> Penalty | None:
    kinds = {p.kind for p in group}
    terms = [p for p in group if p.kind == "term"]
    life, death = "life" in kinds, "death" in kinds
    custodial_word = bool(kinds & {"custodial", "life"})
    fine = "fine" in kinds
    # A custodial word needs a term, unless a fine sits beside it ("fined under this
    # title or imprisoned in the same manner as ..."): then the term is by reference.
    custodial = life or (custodial_word and (bool(terms) or fine))
    if not (custodial or death or fine):
        return None
    start = min(p.start for p in group)
    end = max(p.end for p in group)
    tail = _OR_BOTH.match(text, end)
    if tail:
        end = tail.end()
    body = text[start:end]
    lows = [p.lo for p in terms if p.lo is not None] if custodial else []
    highs = [p.hi for p in terms if p.hi is not None] if custodial else []
    max_years = math.inf if (life or death) else (max(highs) if highs else None)
    min_years = min(lows) if lows else None
    alternative = fine and (custodial or death) and bool(_ALTERNATIVE.search(body))
    return Penalty(
        start=start,
        end=end,
        text=body,
        min_years=min_years,
        max_years=max_years,
        life=life,
        death=death,
        fine=fine,
        fine_alternative=alternative and "nofine" not in kinds,
        custodial=custodial,
    )


def find_penalties(text: str) -> list[Penalty]:
    """Every penalty clause in `text`, in order, with offsets into `text`."""
    folded = fold_punct(text)
    out = []
    for group in _groups(folded, _pieces(folded)):
        pen = _penalty(folded, group)
        if pen is not None:
            out.append(
                Penalty(**{**pen.__dict__, "text": text[pen.start : pen.end],
                           "in_default": _in_default(folded, pen.start, pen.end),
                           "summary": _SUMMARY.search(folded, max(0, pen.start - 60),
                                                      pen.start) is not None,
                           "subsequent": _SUBSEQUENT.search(folded, max(0, pen.start - 60),
                                                            pen.start) is not None})
            )
    return out


# "... and upon subsequent conviction, to imprisonment for life".
_SUBSEQUENT = re.compile(r"\b(?:subsequent|second)\s+(?:or\s+subsequent\s+)?conviction\b[^;.]*$",
                         _I)
# "(a) on summary conviction, to a fine ... or to imprisonment for five years; (b) on
# conviction on indictment, to ... imprisonment for twenty-five years".
_SUMMARY = re.compile(r"\b(?:summary\s+conviction|convicted\s+summarily|summarily)\b[^;.]*$", _I)


def _in_default(text: str, start: int, end: int) -> bool:
    """Whether a penalty is a term served in default of payment: the words say so just
    before it or in the rest of its sentence."""
    if _DEFAULT.search(text, max(0, start - 40), start):
        return True
    stop = _SENTENCE_END.search(text, end)
    after = text[end:min(stop.start() if stop else len(text), end + 120)]
    m = _DEFAULT.search(after)
    # "a fine, and in default of payment imprisonment for six months": the default words
    # introduce the next penalty, not this one.
    return m is not None and not _CUSTODIAL.search(after, m.end())
