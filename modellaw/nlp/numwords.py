"""Numbers as statutes write them: digits, words, and both ("ten (10)").

`parse_number` reads one number expression; `NUMBER` is the regex that finds them in
running text, so penalty, age and duration finders share one notion of "a number".
"""

from __future__ import annotations

import re

_UNITS = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "a": 1, "an": 1,
}
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
# Single words that name a number, as their digits: "under eighteen" is "under 18".
NUMBER_WORDS = {w: str(n) for w, n in (*_UNITS.items(), *_TENS.items())
                if w not in ("a", "an", "nil", "fourty")}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_HALF = {"half": 0.5}

# Arabic-Indic, Extended Arabic-Indic (Persian/Urdu), Devanagari, Bengali digits.
_DIGITS = str.maketrans(
    {chr(base + i): str(i) for base in (0x0660, 0x06F0, 0x0966, 0x09E6) for i in range(10)}
)

_WORD = (
    r"(?:" + "|".join(sorted({*_UNITS, *_TENS, *_SCALES} - {"a", "an"}, key=len, reverse=True))
    + r")"
)
# A word number: "twenty-one", "one hundred and twenty", "two thousand five hundred".
WORD_NUMBER = rf"(?:{_WORD}(?:(?:[\s-]+|\s+and\s+){_WORD})*)(?:\s+and\s+a\s+half)?"
DIGIT_NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
# Either form, optionally followed by the other in brackets: "ten (10)", "10 (ten)".
NUMBER = rf"(?:(?:{WORD_NUMBER}|{DIGIT_NUMBER})(?:\s*\(\s*(?:{DIGIT_NUMBER}|{WORD_NUMBER})\s*\))?)"
NUMBER_RE = re.compile(rf"\b{NUMBER}(?![\w])", re.IGNORECASE)

_DIGIT_RE = re.compile(rf"^{DIGIT_NUMBER}$")
_BRACKET = re.compile(r"^(.*?)\s*\(\s*([^()]*)\s*\)\s*$")


def to_ascii_digits(s: str) -> str:
    """Replace Arabic-Indic, Persian and Devanagari digits with ASCII digits."""
    return s.translate(_DIGITS)


def parse_number(s: str) -> float | None:
    """The value of one number expression, or None when `s` is not a number."""
    s = to_ascii_digits(s).strip().lower().replace("\u2013", "-").replace("\u2014", "-")
    if not s:
        return None
    m = _BRACKET.match(s)
    if m:
        # "ten (10)": trust the digits, which OCR and drafting errors touch least.
        inner, outer = _parse_plain(m.group(2)), _parse_plain(m.group(1))
        return inner if inner is not None else outer
    return _parse_plain(s)


def _parse_plain(s: str) -> float | None:
    s = s.strip()
    if _DIGIT_RE.match(s):
        return float(s.replace(",", ""))
    return _parse_words(s)


def _parse_words(s: str) -> float | None:
    tokens = [t for t in re.split(r"[\s-]+", s) if t]
    if not tokens:
        return None
    total = 0.0
    group = 0.0
    seen = False
    for i, tok in enumerate(tokens):
        if tok == "and":
            if i == 0 or i == len(tokens) - 1:
                return None
            continue
        if tok in ("a", "an") and i + 1 < len(tokens) and tokens[i + 1] in _HALF:
            continue
        if tok in _HALF:
            group += 0.5
        elif tok in _UNITS:
            group += _UNITS[tok]
        elif tok in _TENS:
            group += _TENS[tok]
        elif tok in _SCALES:
            scale = _SCALES[tok]
            if scale == 100:
                group = (group or 1) * 100
            else:
                total += (group or 1) * scale
                group = 0
        else:
            return None
        seen = True
    return total + group if seen else None
