"""Word normalisation shared by both sides of every match.

Statutes come from many drafting traditions (British, American, Indian, Philippine) and
from OCR, so the same word arrives spelled several ways. `norm_word` folds those
spellings onto one key; it is a key, not display text, so over-folding a rare word is
harmless as long as it never merges two different legal words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .numwords import NUMBER_WORDS

# Curly quotes, primes and the dash family that OCR and word processors produce.
_PUNCT_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\u00ad": "",
    }
)

# British -our words (explicit: "four", "hour", "your" must stay as they are).
_OUR = re.compile(
    r"^(harb|lab|behavi|fav|hon|col|neighb|endeav|vig|rum|sav|hum|od|val|arm|parl|vap|"
    r"ferv|rig|tum|flav|clam|cand|ard|splend)our"
)
# Doubled British -ll- before a suffix, only for stems where it is a spelling variant
# (a general rule would merge "filling" with "filing").
_LL = re.compile(
    r"^(counsel|travel|label|model|cancel|fuel|signal|channel|level|marshal|equal|total|"
    r"dial|jewel|quarrel|rival|tunnel|initial|pencil|panel)l(ed|ing|ings|er|ers|or|ors)$"
)
# -ise/-isation and -yse endings; both spellings occur in the same jurisdiction.
_ISE = re.compile(r"(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$")
_YSE = re.compile(r"(?<=[a-z]{3})ys(e|es|ed|ing)$")
_ISE_KEEP = frozenset(
    "otherwise likewise clockwise premise premises exercise exercises exercised exercising "
    "enterprise enterprises franchise expertise compromise compromised promise promised "
    "promises surprise surprised comprise comprises comprised comprising precise concise "
    "merchandise disguise disguised paradise treatise".split()
)
# Whole-word variants that no suffix rule captures.
_WORDS = {
    "offence": "offense", "offences": "offenses", "defence": "defense",
    "defences": "defenses", "licence": "license", "licences": "licenses",
    "pretence": "pretense", "pretences": "pretenses", "programme": "program",
    "programmes": "programs", "judgement": "judgment", "judgements": "judgments",
    "acknowledgement": "acknowledgment", "ageing": "aging", "centre": "center",
    "centres": "centers", "catalogue": "catalog", "practise": "practice",
    "practised": "practiced", "enrol": "enroll", "enrolment": "enrollment",
    "fulfil": "fulfill", "fulfilment": "fulfillment", "instalment": "installment",
    "foetus": "fetus", "paediatric": "pediatric", "gaol": "jail", "gaols": "jails",
    "cheque": "check", "cheques": "checks", "sceptical": "skeptical",
    "manoeuvre": "maneuver", "storey": "story", "whilst": "while", "amongst": "among",
}


def norm_text(text: str) -> str:
    """Fold compatibility characters, curly quotes and dashes; keeps length-stable only
    where callers need it (use `fold_punct` for offset-preserving folding)."""
    return unicodedata.normalize("NFKC", text).translate(_PUNCT_FOLD)


def fold_punct(text: str) -> str:
    """Offset-preserving fold of curly quotes and dashes (one char in, one char out)."""
    return text.translate(_PUNCT_FOLD_SAME_LEN)


_PUNCT_FOLD_SAME_LEN = {k: (v if v else " ") for k, v in _PUNCT_FOLD.items()}


@lru_cache(maxsize=65536)
def norm_word(word: str) -> str:
    """Lower-case key of one word with spelling variants and typography folded."""
    w = unicodedata.normalize("NFKC", word).translate(_PUNCT_FOLD).casefold()
    if w in _WORDS:
        return _WORDS[w]
    if w in NUMBER_WORDS:
        return NUMBER_WORDS[w]  # "eighteen" and "18" are one word
    if not w.isascii() or len(w) < 4:
        return w
    w = _OUR.sub(r"\1or", w)
    w = _LL.sub(r"\1\2", w)
    if w not in _ISE_KEEP:
        w = _ISE.sub(r"iz\1", w)
        w = _YSE.sub(r"yz\1", w)
    return w
