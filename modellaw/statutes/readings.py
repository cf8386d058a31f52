"""Statute readings: rules found by the shape of a provision rather than by its words.

Some rules have no wording of their own. The Protocol's child limb (art 3(c)) is met by a
child offence that simply lists acts and a purpose and leaves the means out, or by a child
alternative written into the means ("by force, fraud or coercion, or where the person has
not attained the age of 18"). An exception that takes a class of people out of an offence
("this Article shall not apply to acts committed by a parent") narrows it whatever its words.
A model-law concept names such a reading with `@name` among its phrases; each reading
returns the places it found, with a note when the place meets the rule only in part.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from modellaw.statutes.model import Statute, Unit
from modellaw.statutes.offences import creates_offence

_CHILD = re.compile(
    r"\b(?:child|children|minors?|girls?|boys?)\b"
    r"|\b(?:under|below)\s+(?:the\s+age\s+of\s+)?(?:18|eighteen)\b"
    r"|\bnot\s+(?:yet\s+)?attained\s+(?:the\s+age\s+of\s+)?(?:18|eighteen)\b", re.I)
# The Protocol's acts and the verbs statutes use for them (catalog hard case 10). Not
# "traffics": a statute may define that verb with the means, for children too.
_ACTS = re.compile(
    r"\b(?:recruit\w*|transport\w*|transfer\w*|harbou?r\w*|receiv\w*|procur\w*|sell\w*|sold|"
    r"buy\w*|bought|moving|moves?|convey\w*|obtain\w*|entic\w*|induc\w*|"
    r"hires?|hiring|kidnap\w*|abduct\w*)\b", re.I)
_MEANS = re.compile(
    r"\b(?:force|forced|threat\w*|coerc\w*|fraud\w*|decept\w*|deceiv\w*|abduct\w*|kidnap\w*|"
    r"abuse\s+of\s+(?:power|authority|a\s+position)|vulnerab\w*|payments?\s+or\s+benefits|"
    r"by\s+any\s+of\s+the\s+means|means\s+aforesaid|by\s+means\s+of)\b", re.I)
_SEXUAL = re.compile(r"\b(?:prostitut\w*|sexual|sex|pornograph\w*|brothel)\b", re.I)
_OTHER_PURPOSE = re.compile(
    r"\b(?:labou?r|services|servitude|slavery|organs?|begging|marriage|"
    r"exploitation(?!\s+of\s+(?:the\s+)?prostitution))\b", re.I)
# "... by force, fraud or coercion, or that the person has not attained the age of 18"
_CHILD_ALTERNATIVE = re.compile(
    r"\bor\b[^.;:]{0,80}?(?P<child>\b(?:has|had)\s+not\s+(?:yet\s+)?attained\s+"
    r"(?:the\s+age\s+of\s+)?(?:18|eighteen)|\bis\s+(?:a\s+)?(?:child|minor)\b|"
    r"\bunder\s+(?:the\s+age\s+of\s+)?(?:18|eighteen)\b)", re.I)
# Offence wording beyond creates_offence(): "commits the offense of sex trafficking",
# "shall constitute trafficking in persons".
_OFFENCE_WORDS = re.compile(
    r"\bcommits\s+(?:an|the)\s+offen[cs]es?\b|\bshall\s+constitute\s+trafficking\b|"
    r"\bis\s+guilty\b", re.I)
_STOP = re.compile(r"[.;]")
# "an offence under subsection (1) committed by force or where the victim is a child" raises
# the penalty of an offence already complete: an aggravation, not a child limb.
_AGGRAVATION = re.compile(r"\baggravat\w*|\boffen[cs]e\s+(?:under|in|referred)\b", re.I)
MAX_OFFENCE_CHARS = 4000  # a unit longer than about a page is not "the offence"
SEXUAL_ONLY = "the child limb reaches only sexual exploitation"
SOME_PURPOSES = "the child limb reaches only some forms of exploitation"
# Exploitation as such ("for the purpose of exploitation"), not one form of it ("sexual
# exploitation", "labour exploitation", "exploitation of the prostitution of others").
_EXPLOITATION = re.compile(r"\bexploitation\b(?!\s+of\s+(?:the\s+)?prostitution)", re.I)
_QUALIFIED = re.compile(r"\b(?:sexual|labou?r|economic|commercial)\s+$", re.I)


@dataclass(frozen=True)
class Reading:
    start: int
    end: int
    note: str | None = None  # why the place meets the rule only in part


def _walk(units: list[Unit], parents: tuple[Unit, ...] = ()
          ) -> Iterator[tuple[Unit, tuple[Unit, ...]]]:
    for u in units:
        yield u, parents
        yield from _walk(u.children, (*parents, u))


def _offence_leaves(st: Statute) -> list[tuple[Unit, tuple[Unit, ...]]]:
    """The leaf units inside an offence: the leaf, or a unit of at most a page around it,
    makes conduct an offence. Each unit's text is tested once."""
    text = st.text
    creates: dict[int, bool] = {}

    def offence(u: Unit) -> bool:
        got = creates.get(id(u))
        if got is None:
            body = text[u.start:u.end]
            got = creates[id(u)] = bool(creates_offence(body) or _OFFENCE_WORDS.search(body))
        return got

    out = []
    for u, parents in _walk(st.units):
        if u.children:
            continue
        for v in (u, *reversed(parents)):
            if v.end - v.start > MAX_OFFENCE_CHARS:
                break
            if offence(v):
                out.append((u, parents))
                break
    return out


def _trafficking_definitions(st: Statute) -> list[tuple[int, int]]:
    return [(d.start, d.end) for term, d in st.definitions.items() if "traffick" in term]


def limb_scope_note(limb: str) -> str | None:
    """Why a child limb meets the rule only in part: it reaches only sexual exploitation,
    or names some forms of exploitation and not exploitation as such (catalog hard case 2)."""
    sexual, other = _SEXUAL.search(limb), _OTHER_PURPOSE.search(limb)
    if sexual and not other:
        return SEXUAL_ONLY
    if (sexual or other) and not any(
            not _QUALIFIED.search(limb, max(0, m.start() - 12), m.start())
            for m in _EXPLOITATION.finditer(limb)):
        return SOME_PURPOSES
    return None


def child_limb_note(sentence: str) -> str | None:
    """The scope note of a sentence that states a child limb (a child, an act and a
    purpose), else None."""
    if _CHILD.search(sentence) and _ACTS.search(sentence):
        return limb_scope_note(sentence)
    return None


def means_free_child_offence(st: Statute) -> list[Reading]:
    """Offences (or definitions of trafficking) that name a child, an act and a purpose but
    no means: for a child the acts and the purpose are enough."""
    text = st.text
    spans: list[tuple[int, int]] = []
    for u, parents in _offence_leaves(st):
        # A list item inherits the means of the words that open its list.
        lead = parents[-1] if parents else None
        lead_text = text[lead.start:min(c.start for c in lead.children)] if lead else ""
        if not _MEANS.search(lead_text):
            spans.append((u.start, u.end))
    out = []
    for s, e in spans + _trafficking_definitions(st):
        body = text[s:e]
        child = _CHILD.search(body)
        purpose = _SEXUAL.search(body) or _OTHER_PURPOSE.search(body)
        if child and _ACTS.search(body) and purpose and not _MEANS.search(body):
            out.append(Reading(s + child.start(), s + child.end(), limb_scope_note(body)))
    return out


def child_alternative_to_means(st: Statute) -> list[Reading]:
    """A child alternative written into the means of an offence or a definition: "by
    force, fraud or coercion, or that the person has not attained the age of 18"."""
    text = st.text
    regions = [(u.start, u.end) for u, _ in _offence_leaves(st)]
    regions += _trafficking_definitions(st)
    out: list[Reading] = []
    seen: set[int] = set()
    for lo, hi in regions:
        # The means may sit just before the alternative's own unit ("(1) that force ...
        # will be used; or (2) that the individual is a minor"): look back a little.
        base = max(0, lo - 400)
        for m in _MEANS.finditer(text, base, hi):
            alt = _CHILD_ALTERNATIVE.search(text, m.end(), min(hi, m.end() + 400))
            if alt is None:
                continue
            start, end = alt.span("child")
            if start < lo or start in seen:
                continue
            seen.add(start)
            if _AGGRAVATION.search(text, max(base, start - 300), start):
                continue
            # The purpose the child alternative names itself ("... or that the individual
            # is a minor and will be caused to engage in commercial sexual activity"), else
            # the one it shares with the means before it.
            stop = _STOP.search(text, end, hi)
            limb = text[end:stop.start() if stop else hi]
            if not (_SEXUAL.search(limb) or _OTHER_PURPOSE.search(limb)):
                limb = text[max(base, start - 300):start]
            out.append(Reading(start, end, limb_scope_note(limb)))
            break
    return out


# "The provisions of this Article shall not apply to acts committed by a parent ...",
# "Provided that nothing in this section applies to a bona fide employment agency".
_CARVE_OUT = re.compile(
    r"\b(?:(?:(?:the\s+)?provisions?\s+of\s+)?this\s+(?:article|section)"
    r"|(?:sub-?section|paragraph)\s*\(?\w{1,3}\)?)\s+(?:shall|does|do|will)\s+not\s+apply\s+"
    r"(?:to|in\s+relation\s+to|where)\b"
    r"|\bnothing\s+in\s+this\s+(?:article|section|sub-?section|paragraph)\s+"
    r"(?:shall\s+apply|applies)\s+"
    r"(?:to|in\s+relation\s+to|where)\b", re.I)
# Conduct defined out of trafficking wherever the statute says so: "The placement of a child
# by his parents in accordance with custom shall not constitute trafficking in persons ...".
_NOT_TRAFFICKING = re.compile(
    r"\b(?:shall|does|do|will)\s+not\s+(?:constitute|amount\s+to)\s+(?:an?\s+|the\s+)?"
    r"(?:offen[cs]e\s+of\s+)?trafficking\b", re.I)
# An exemption for victims is the non-punishment rule, not a gap in the offence.
_VICTIM = re.compile(r"\bvictims?\b|\btrafficked\s+persons?\b", re.I)


def offence_carve_out(st: Statute) -> list[Reading]:
    """An exception that takes a class of conduct or people out of an offence (catalog hard
    case 7): "the provisions of this Article shall not apply to acts committed by a parent"."""
    text = st.text
    out = []
    for u, _ in _offence_leaves(st):
        for m in _CARVE_OUT.finditer(text, u.start, u.end):
            stop = _STOP.search(text, m.end(), u.end)
            scope = text[m.end():stop.start() if stop else u.end]
            if not _VICTIM.search(scope):
                out.append(Reading(m.start(), stop.start() if stop else u.end))
    for m in _NOT_TRAFFICKING.finditer(text):
        s, e = _sentence_around(text, m.start())
        if not _VICTIM.search(text, s, m.start()):
            out.append(Reading(s, e))
    return out


# "This section shall not apply to the recruitment of a person who has attained the age of
# eighteen years by a licensed agency": an exception for adults leaves the child limb whole.
_ADULTS_ONLY = re.compile(
    r"\b(?:attained\s+the\s+age\s+of\s+(?:eighteen|18)|adults?\b|over\s+(?:the\s+age\s+of\s+)?"
    r"(?:eighteen|18)|aged\s+(?:eighteen|18)\s+(?:years\s+)?or\s+(?:over|more))", re.I)


def child_limb_carve_out(st: Statute) -> list[Reading]:
    """An exception to the offence that reaches children too (not one for adults only)."""
    return [r for r in offence_carve_out(st) if not _ADULTS_ONLY.search(st.text, r.start, r.end)]


def _sentence_around(text: str, pos: int) -> tuple[int, int]:
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    stop = text.find(". ", pos)
    return start, len(text) if stop < 0 else stop + 1


# "attempts to commit", "the attempt is punishable", "attempted trafficking"; not "an attempt
# to kidnap" (an aggravation) nor "attempts to obstruct" (another offence).
_ATTEMPT = re.compile(r"\b(?:attempt(?:s|ed|ing)?|(?P<try>tr(?:y|ies|ied|ying)))\b", re.I)
_TO_VERB = re.compile(r"\s+to\s+(?P<verb>[a-z]+)", re.I)
# "attempts to commit an offence", "... the offence", "... trafficking", "... any of the acts";
# not "an attempt to commit aggravated sexual abuse" in a list of aggravations.
# A list item "(a) attempts to commit;" takes its object from the words closing the list.
_OFFENCE_OBJECT = re.compile(
    r"[\s,]+(?:an?|the|any|such|this|that|it|or|trafficking|offen[cs]es?|crimes?|acts?)\b"
    r"|\s*(?:[;:\u2014]|$)", re.I | re.M)
_OFFENCE_VERB = re.compile(
    r"^(?:commit|do|violate|traffick?|engage|perpetrate|carry|procure|recruit|transport|"
    r"transfer|harbou?r|receive|sell|buy|obtain|hire|smuggle|exploit)$", re.I)


def attempt_of_an_offence(st: Statute) -> list[Reading]:
    """An attempt made punishable: "attempts to commit an offence under section 3", "the
    attempt shall be punishable", "attempted trafficking". "An attempt to kidnap" in a list
    of aggravations and "attempts to obstruct" are other conduct, not the attempt rule."""
    text = st.text
    out = []
    for m in _ATTEMPT.finditer(text):
        to = _TO_VERB.match(text, m.end())
        if to is None:
            if not m.group("try"):  # "the attempt is punishable"; "tries" alone is nothing
                out.append(Reading(m.start(), m.end()))
            continue
        verb = to.group("verb")
        if not _OFFENCE_VERB.match(verb):
            continue
        if (not m.group("try") and verb.lower() == "commit"
                and not _OFFENCE_OBJECT.match(text, to.end())):
            continue
        out.append(Reading(m.start(), to.end()))
    return out


# The terms a statute uses for a person the child rules protect.
CHILD_TERMS = ("child", "minor", "juvenile", "young person")


def definition_of_child(st: Statute) -> list[Reading]:
    """Where the statute defines who is a child, however it lays its definitions out
    ("child" means ..., - child: ..., 1) child — ...)."""
    return [Reading(d.start, d.end) for t, d in st.definitions.items() if t in CHILD_TERMS]


READING_MARK = "@"  # a concept phrase starting with this names a reading
READINGS: dict[str, Callable[[Statute], list[Reading]]] = {
    "means-free-child-offence": means_free_child_offence,
    "child-alternative-to-means": child_alternative_to_means,
    "offence-carve-out": offence_carve_out,
    "child-limb-carve-out": child_limb_carve_out,
    "attempt-of-an-offence": attempt_of_an_offence,
    "definition-of-child": definition_of_child,
}
