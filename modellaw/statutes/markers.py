"""Subdivision markers inside a section: (1), (a), (i), (A), (I), (aa), and list-style 1. a. i.

Which kind a marker is (letter i or roman i?) and where it nests is decided from the open
levels above it and, when ambiguous, from the marker that follows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN = re.compile(r"^(?=[ivxlc]+$)(x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def roman_value(text: str) -> int | None:
    text = text.lower()
    if not text or not _ROMAN.match(text):
        return None
    total = 0
    for index, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        nxt = _ROMAN_VALUES[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < nxt else value
    return total


def to_roman(value: int) -> str:
    out = []
    for number, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while value >= number:
            out.append(letters)
            value -= number
    return "".join(out)


@dataclass
class Marker:
    value: str  # as printed, without brackets: "1", "1A", "a", "ii", "A", "aa"
    start: int  # offset of the marker in the statute text
    end: int
    line_start: bool  # at the start of a line (or of the section body)
    dotted: bool = False  # list style "a." rather than "(a)"
    closing: bool = False  # civil-law style "a)" or "1)" at the start of a line
    superscript: bool = False  # an Alpine paragraph "² ...", value in plain digits
    type: str = ""  # num|lower|roman|upper|uroman|dbl|udbl, decided later


def possible_types(value: str) -> list[str]:
    if re.fullmatch(r"\d{1,3}[A-Z]{0,2}", value):
        return ["num"]
    low = value.lower()
    lower = value.islower()
    types = []
    if len(value) == 1:
        types.append("lower" if lower else "upper")
    if roman_value(low) is not None:
        types.append("roman" if lower else "uroman")
    if len(value) == 2 and value[0] == value[1] and not types:
        types.append("dbl" if lower else "udbl")
    return types


def first_value(kind: str) -> str:
    return {
        "num": "1",
        "lower": "a",
        "roman": "i",
        "upper": "A",
        "uroman": "I",
        "dbl": "aa",
        "udbl": "AA",
    }[kind]


def successor(kind: str, value: str) -> str | None:
    if kind == "num":
        digits = re.match(r"\d+", value)
        return str(int(digits.group(0)) + 1) if digits else None
    if kind in ("lower", "upper"):
        return chr(ord(value) + 1) if value.isalpha() and len(value) == 1 else None
    if kind in ("roman", "uroman"):
        number = roman_value(value)
        if number is None:
            return None
        nxt = to_roman(number + 1)
        return nxt if kind == "roman" else nxt.upper()
    if kind in ("dbl", "udbl"):
        return chr(ord(value[0]) + 1) * 2
    return None


def is_inserted(kind: str, value: str, previous: str) -> bool:
    """'3A' after '3', '1A' after '1'."""
    return (
        kind == "num"
        and value != previous
        and value.rstrip("ABCDEFGHIJ") == previous.rstrip("ABCDEFGHIJ")
    )


def choose_type(
    marker: Marker, open_levels: list[tuple[str, str]], following: Marker | None
) -> str:
    """Pick the marker's type given the open levels (type, last value), outermost first."""
    types = possible_types(marker.value)
    if len(types) <= 1:
        return types[0] if types else ""
    letter, roman = types[0], types[1]
    last_by_type = {kind: last for kind, last in open_levels}
    expects_letter = (
        letter in last_by_type and successor(letter, last_by_type[letter]) == marker.value
    )
    expects_roman = roman in last_by_type and successor(roman, last_by_type[roman]) == marker.value
    if expects_letter and expects_roman:
        # Both continue a list: the innermost open level wins.
        for kind, _last in reversed(open_levels):
            if kind in (letter, roman):
                return kind
    if expects_letter:
        # "(i)" after "(h)" is a letter unless the next marker is "(ii)".
        if following is not None and following.value == successor(roman, marker.value):
            return roman
        return letter
    if expects_roman:
        return roman
    return roman if marker.value.lower() == "i" else letter
