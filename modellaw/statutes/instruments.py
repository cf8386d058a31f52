"""Several instruments printed in one file: a code chapter and the Act that goes with it.

Advisers often receive a penal code extract with a victims' Act, or a code with an extract
of the code of criminal procedure, printed one after the other. Each restarts its own
numbering, so the reader cuts each apart and names the units of all but the first after
their instrument, as a lawyer cites them: "Act 746/2015 s. 5(1)", "CCP Art. 110(3)".

An instrument starts at a title line naming one ("ACT ON THE RECEPTION OF VICTIMS ...",
"CODE OF CRIMINAL PROCEDURE") when the first section or article after it, a few lines on,
is numbered 1 where that style had already counted past it, or, for an extract in capitals
or under a "PART" of its own, numbers lower than the last one before it. Anything less is
read as one instrument: a heading just above its section ("Application of Act") or a
schedule that names another Act does not restart the numbering.
"""

from __future__ import annotations

import re

from modellaw.statutes.cleanup import Line

_TYPE_WORDS = ("ACT", "CODE", "LAW", "DECREE", "ORDINANCE", "PROCLAMATION", "REGULATIONS")
_TYPE = re.compile(r"\b(" + "|".join(_TYPE_WORDS) + r")\b", re.IGNORECASE)
_SMALL_WORDS = {"of", "on", "the", "and", "in", "for", "to", "a", "an", "its", "with", "against"}
_CONTAINER_LINE = re.compile(r"^(?:PART|Part|BOOK|Book|TITLE)\s+\S+\s*$")
# "PART II. CODE OF CRIMINAL PROCEDURE": a part that is an instrument, its title run in.
_PART_TITLED = re.compile(r"^(?:PART|Part)\s+(?:[IVXLC]+|\d{1,2}|[A-Z]+)\.?\s+(?=\S)")
# "OF THE REPUBLIC OF DNESTROVIA" says whose code it is, not which.
_WHOSE = re.compile(r"\s+OF\s+(?:THE\s+)?(?:REPUBLIC|KINGDOM|STATE|FEDERATION|CONFEDERATION|"
                    r"COMMONWEALTH|UNITED|PRINCIPALITY|DOMINION)\b.*$", re.IGNORECASE)
# The first line of a section or article, by style, with its number.
_STARTS = {
    "section": re.compile(r"^(?:SECTION|Section)\s+(\d{1,4})\b"),
    "article": re.compile(r"^(?:ARTICLE|Article|Art\.|ART\.)\s*\(?(\d{1,4})(?!\d|\.\d)"),
    "sign": re.compile(r"^§+\s*(\d{1,5})\b"),
    "numbered": re.compile(r"^(\d{1,4})[A-Z]{0,2}\.\s+[A-Z]"),
}
# "No. 746/2015", "Act 204/1903", "Act No. 7 of 2011", "No. 311 of 14 May 2018".
_NUMBER = re.compile(r"\bNo\.\s*(\d{1,4}/\d{2,4}|\d{1,4}\b)|\bAct\s+(\d{1,4}/\d{4})")
_SCHEDULE = re.compile(r"^(?:THE\s+)?(?:(?:FIRST|SECOND|THIRD|FOURTH|FIFTH)\s+)?SCHEDULE\b",
                       re.IGNORECASE)
# The addenda of an East Asian Act belong to it ("ADDENDA <Act No. 11962, Aug. 6, 2013>").
_ADDENDA = re.compile(r"^ADDEND(?:A|UM)\b")
_ABBREVIATION = re.compile(r"\(([^()]*?)\b([A-Z][A-Za-z]{1,6})\)\s*$")


def _style(line: Line) -> tuple[str, int] | None:
    for style, pattern in _STARTS.items():
        m = pattern.match(line.text)
        if m:
            return style, int(m.group(1))
    return None


def _is_title(text: str) -> bool:
    """A line naming an instrument: in capitals ("CODE OF CRIMINAL PROCEDURE", parentheses
    aside) or a short title-case line ("Federal Act on Victim Assistance"), never a unit."""
    text = _PART_TITLED.sub("", text)
    words = text.split()
    if not 1 <= len(words) <= 16 or text.rstrip().endswith((".", ";", ",", ":")):
        return False
    if not _TYPE.search(text) or _CONTAINER_LINE.match(text) or _ADDENDA.match(text):
        return False
    if any(p.match(text) for p in _STARTS.values()):
        return False
    if _is_caps(text):
        return True
    return text[0].isupper() and all(w[0].isupper() or w.lower() in _SMALL_WORDS
                                     or not w[0].isalpha() for w in words)


def _is_caps(text: str) -> bool:
    """In capitals, parentheses aside ("CRIMINAL CODE (Act 204/1903)")."""
    letters = [c for c in re.sub(r"\([^()]*\)", "", text) if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def split_instruments(lines: list[Line]) -> list[tuple[int, int]]:
    """Index ranges of the lines of each instrument; one range when the file holds one."""
    starts: list[int] = []
    seen_style: dict[str, int] = {}  # style -> highest number since the last instrument
    for i, line in enumerate(lines):
        if _SCHEDULE.match(line.text):
            break  # a schedule may reprint another Act's sections: it stays in this one
        got = _style(line)
        if got is not None:
            style, number = got
            seen_style[style] = max(seen_style.get(style, 0), number)
            continue
        if not seen_style or not _is_title(line.text):
            continue
        nxt = next((j for j in range(i + 1, min(i + 14, len(lines))) if _style(lines[j])), None)
        # A heading just above its section ("Objects of Act" over "2.") names no instrument.
        if nxt is None or nxt == i + 1:
            continue
        style, number = _style(lines[nxt])  # type: ignore[misc]
        under_part = i > 0 and _CONTAINER_LINE.match(lines[i - 1].text) is not None
        # Numbering that starts again at 1; or an extract whose first article numbers lower
        # than the last one before it, under a title in capitals or a part of its own.
        if (number == 1 and seen_style.get(style, 0) >= 2) or (
                (_is_caps(line.text) or under_part) and number < seen_style.get(style, 0)):
            # "PART TWO" just above the title belongs to the new instrument.
            begin = i - 1 if under_part else i
            starts.append(begin)
            seen_style = {}
    bounds = [0, *starts, len(lines)]
    return [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)]


def name_instrument(header: list[str]) -> tuple[str, list[str]]:
    """The title line of an instrument's header and the names it is cited by, best first:
    an abbreviation the title gives ("(Victim Assistance Act, VAA)"), its number ("Act
    746/2015"), the initials of its title ("CCP"; "VTPR Act" for an Act named at the end)."""
    at = next((k for k, t in enumerate(header) if _is_title(t)), 0)
    title = _PART_TITLED.sub("", header[at]) if header else ""
    names: list[str] = []
    # The abbreviation may stand in parentheses on the line below the title.
    below = header[at + 1] if at + 1 < len(header) else ""
    m = _ABBREVIATION.search(title) or (
        _ABBREVIATION.search(below) if below.startswith("(") and below.endswith(")") else None)
    if m:
        names.append(m.group(2))
    type_word = _TYPE.search(title)
    kind = type_word.group(1).title() if type_word else "Act"
    numbered: list[str] = []
    for t in header:
        n = _NUMBER.search(t)
        if n:
            number = n.group(1) or n.group(2)
            numbered = [f"{kind} {number}", f"{kind} No. {number}"]
            break
    # Words in parentheses belong to the title ("(PROTECTION AND REHABILITATION) ACT"),
    # unless they give its abbreviation.
    bare = re.sub(r"\(([^()]*)\)", r" \1 ", _ABBREVIATION.sub("", title))
    bare = _WHOSE.sub("", bare)
    bare = re.sub(r"\b(?:No\.|Act)\s*\d[\d/ of]*", " ", bare)
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’-]*", bare) if w.lower() not in _SMALL_WORDS]
    initials = "".join(w[0].upper() for w in words)
    by_initials = []
    if words and words[-1].upper() in _TYPE_WORDS and len(words) > 2:
        by_initials.append(f"{initials[:-1]} {words[-1].title()}")
    if len(initials) >= 2:
        by_initials.append(initials)
    # A code is cited by its initials ("CCP"), an Act or law by its number when it has one.
    names += by_initials + numbered if kind == "Code" else numbered + by_initials
    return title.strip(), list(dict.fromkeys(names))
