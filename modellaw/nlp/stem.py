"""A light derivational fold on top of the lookup lemmas.

The lookup lemmatizer knows inflections ("recruits" -> "recruit") but not derivations
("recruitment", "exploitation", "confiscate"). Statutes switch freely between the verb
("recruits a person") and the noun ("the recruitment of a person"), so both must share a
key. This is deliberately small and predictable, not a full Porter stemmer: it only has
to put a legal verb and its nominalisation on the same key, on both sides of a match.
"""

from __future__ import annotations

from functools import lru_cache

from .normalize import norm_word

_DOUBLE_OK = frozenset("lsz")  # "fill", "pass", "buzz" keep their double letter
_VOWELS = frozenset("aeiouy")


def _undouble(w: str) -> str:
    if len(w) >= 4 and w[-1] == w[-2] and w[-1] not in _VOWELS and w[-1] not in _DOUBLE_OK:
        return w[:-1]
    return w


def _has_vowel(w: str) -> bool:
    return any(c in _VOWELS for c in w)


def _strip_inflection(w: str) -> str:
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("ied") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("sses"):
        return w[:-2]
    if w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 4:
        return w[:-1]
    for suf in ("ing", "ed"):
        if w.endswith(suf):
            base = w[: -len(suf)]
            if len(base) >= 3 and _has_vowel(base):
                return _undouble(base)
    return w


# One derivational suffix at most; ordered longest first.
# (suffix, shortest stem left behind); "receive" must not lose its "ive".
_DERIVATIONAL = (
    ("ability", 4), ("ibility", 4), ("ations", 4), ("ation", 4), ("ments", 4),
    ("ment", 4), ("ions", 4), ("ion", 4), ("ive", 5), ("able", 4),
)


def _strip_derivation(w: str) -> str:
    for suf, keep in _DERIVATIONAL:
        if w.endswith(suf) and len(w) - len(suf) >= keep:
            return w[: -len(suf)]
    return w


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Fold an already-normalised word (see `norm_word`) to its derivational key."""
    w = word
    if len(w) <= 4 or not w.isalpha():
        return w
    w = _strip_inflection(w)
    w = _strip_derivation(w)
    if w.endswith("e") and len(w) >= 5:
        w = w[:-1]
    # "confiscate", "exploitative" and "confiscation" meet at "confisc"/"exploit".
    if w.endswith("at") and len(w) >= 7:
        w = w[:-2]
    # "trafficks"/"trafficked" (a -ck- spelling before suffixes) meet "traffic".
    elif w.endswith("ick") and len(w) >= 7:
        w = w[:-1]
    return w


def term_key(word: str) -> str:
    """The key a word is indexed and searched under: normalised, then stemmed."""
    return stem(norm_word(word))
