"""Offences in statute text: the units that create one, and the units that punish an
offence stated elsewhere ("a person who is guilty of an offence under section 3 shall be
punished with ...", "the punishment for an offense under subsection (a) is ...").

Many statutes put the offence in one section and its penalty in the next; a penalty is
read from the unit that names the offender of that offence, not from whatever section
mentions imprisonment. Only the offender's own conviction counts: "attempts to commit an
offence under section 3" or "a victim of an offence under section 3" name other people.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "section 3(1)", and "section 271.2" in codes numbered within divisions
_NUM = r"\d+(?:\.\d+)?[A-Z]{0,2}(?:\s*\([0-9A-Za-z]{1,5}\))*"
_SUBNUM = r"\([0-9A-Za-z]{1,5}\)(?:\s*\([0-9A-Za-z]{1,5}\))*"
_AND = r"\s*(?:,|,?\s*(?:and|or))\s*"
_OFFENDER = re.compile(
    r"\b(?:(?:(?:(?:is|are|was|been|be)\s+)?(?:found\s+)?guilty\s+of|commits|committing|"
    r"convicted\s+of|punishment\s+for|penalty\s+for|sentence\s+for|liable\s+for)\s+"
    r"(?:(?:an?\s+|the\s+|any\s+)?offen[cs]es?\s+(?:under|against|in\s+contravention\s+of)"
    # "guilty of committing any of the acts in Section 4" (Philippine-style drafting)
    r"|(?:committing\s+)?(?:any\s+of\s+)?the\s+acts?\s+(?:in|under|(?:referred\s+to|mentioned|"
    r"listed|described)\s+in))"
    # "Whoever violates this section shall be fined" (US Code)
    r"|(?:whoever|person\s+who)\s+(?:knowingly\s+)?violates)\s+"
    rf"(?:(?:sections?|ss?\.|§§?|articles?|art\.)\s*(?P<list>{_NUM}(?:{_AND}{_NUM})*)"
    rf"|(?:sub-?sections?|paragraphs?)\s*{_SUBNUM}(?:{_AND}{_SUBNUM})*"
    rf"(?:\s+of\s+(?:section|s\.|article)\s*(?P<of>{_NUM}))?"
    r"|this\s+(?:section|article))",
    re.IGNORECASE,
)
# A named offence: "guilty of qualified trafficking under Section 7".
_NAMED = re.compile(
    r"\b(?:found\s+)?(?:guilty|convicted)\s+of\s+(?!an?\s+offen|the\s+offen|any\s+offen)"
    r"(?:[a-z-]+\s+){1,3}?under\s+(?:sections?|ss?\.|§§?|articles?|art\.)\s*"
    rf"(?P<list>{_NUM}(?:{_AND}{_NUM})*)",
    re.IGNORECASE,
)
_NUMBER = re.compile(_NUM)
# Words that make a unit an offence: common-law, US Code and civil-law drafting.
_CREATES = re.compile(
    r"\b(?:whoever|commits\s+(?:an|the)\s+offen[cs]e|guilty\s+of\s+an\s+offen[cs]e|"
    r"shall\s+be\s+(?:punished|punishable|fined|imprisoned|sentenced)|"
    r"(?:is|be)\s+liable\s+(?:to\s+imprisonment|(?:up)?on\s+conviction)|"
    # "shall, upon conviction, be liable to imprisonment"
    r"(?:is|shall),?\s+(?:up)?on\s+conviction,?\s+be\s+liable)",
    re.IGNORECASE,
)
# Words that make conduct an offence, as against those that only punish one already made.
_CONDUCT = re.compile(
    r"\b(?:whoever|commits\s+(?:an|the)\s+offen[cs]e|guilty\s+of\s+an\s+offen[cs]e|"
    r"shall\s+be\s+unlawful)",
    re.IGNORECASE,
)
# The offender named by the offence committed, not by conduct: a punishing clause.
_PUNISHING_SUBJECT = re.compile(
    r"\b(?:who|whoever)\s+commits\s+(?:an|the)\s+offen[cs]e\b", re.IGNORECASE)
_NOT_BEFORE = re.compile(r"\bnot\s+(?:be\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class OffenceReference:
    start: int  # the whole phrase, offsets in the statute text
    end: int
    targets: tuple[str, ...]  # section labels; empty = the section the phrase is in


def offence_references(text: str) -> list[OffenceReference]:
    """Every phrase naming the offender of an offence stated in some section."""
    out = []
    matches = sorted([*_OFFENDER.finditer(text), *_NAMED.finditer(text)],
                     key=lambda m: m.start())
    for m in matches:
        if _NOT_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "shall not be guilty of an offence under section 3" exempts
        # "subsection (a)" and "this section" point inside the section the phrase is in.
        groups = m.groupdict()
        listed = groups.get("list") or groups.get("of") or ""
        targets = tuple(dict.fromkeys(re.sub(r"\s*\(.*", "", n.group())
                                      for n in _NUMBER.finditer(listed)))
        out.append(OffenceReference(m.start(), m.end(), targets))
    return out


def creates_offence(text: str) -> bool:
    """Whether a unit's text makes conduct an offence or punishes it."""
    return _CREATES.search(text) is not None


def makes_conduct_an_offence(text: str) -> bool:
    """Whether the text makes conduct an offence ("Whoever obstructs ... shall be fined"),
    rather than only punishing one made elsewhere ("A person who commits aggravated
    trafficking is liable to imprisonment for life", "A person who commits the offence of
    trafficking in persons is liable ...")."""
    return _CONDUCT.search(_PUNISHING_SUBJECT.sub(" ", text)) is not None
