"""Finding a drafter's concept phrases in statute text.

A `TermIndex` tokenises and lemmatises a text once, keys every word with
`term_key` (lemma -> spelling fold -> light stem) and keeps an inverted index from key to
word positions, so each `find` only visits the places where its first word occurs.

Matching rules, chosen for how statutes vary a concept:
- words of the phrase match on keys ("harbours", "harboring", "harbored" -> "harbor");
- the connective words a/an/the/of/or/and/any/other are optional on both sides, except in
  a phrase with a single content word or one that opens with "or"/"and", where they carry
  the meaning ("or a fine", "or to a fine");
- a phrase never starts inside a hyphenated word ("life-threatening" is not "threatens");
- at most `MAX_EXTRA` other words may sit inside a multiword match
  ("abuse of power or of a position of vulnerability" still shows the phrase
  "abuse of a position of vulnerability");
- a match never crosses a sentence end or a semicolon (list items are separate);
- long words (>= 6 letters) also match misspellings and OCR noise within a small edit
  distance; a trailing "*" makes a word a prefix ("exploit*").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from spacy.language import Language

from .normalize import norm_word
from .pipeline import get_nlp, lemma_table
from .stem import stem

# Optional connective words (see module docstring); "'s" so "person's" == "person".
_LEADING_CONNECTIVES = frozenset({"or", "and"})
FUNCTION_WORDS = frozenset({"a", "an", "the", "of", "or", "and", "any", "other", "'s", "s"})
MAX_EXTRA = 2  # other words allowed inside one multiword match
MAX_SKIP = 6  # longest run of skippable words between two phrase words
NEAR_WINDOW = 10  # words a clause's key words may spread over in `near`
NEGATORS = frozenset(
    {"not", "no", "never", "none", "without", "nothing", "neither", "nor", "cannot"}
)
NEGATOR_GAP = 5  # a negator stands at most this many tokens before the word it negates
FUZZY_MIN_LEN = 6
_ENUM = re.compile(r"^(?:[a-z]{1,2}|[ivxlc]{1,6}|\d{1,3}[a-z]?)$", re.IGNORECASE)
_SEGMENT_BREAKS = frozenset({";"})
_ACRONYM = re.compile(r"^[A-Z]{2,5}s?$")  # "NGO", "NGOs"
_ACRONYM_MARK = "^"
_ENUM_ONLY = re.compile(r"^\s*(?:\(?[0-9]{1,4}[A-Za-z]?[.)]|\([a-zA-Z]{1,5}\)|[A-Za-z][.)])\s*$")
_ABBREV_END = re.compile(
    r"(?:^|[\s(])(?:No|Nos|Art|Arts|s|ss|Sec|Secs|Cap|Ch|para|paras|cl|reg|Sch|Vol|v|vs|"
    r"e\.g|i\.e|viz|cf|Mr|Mrs|Ms|Dr|St|Hon|U\.S|U\.S\.C|C\.F\.R|Pub\.L|Stat)\.\s*$",
    re.IGNORECASE,
)
# Blank line; line break after closing punctuation; line break before a list marker.
_LINE_BREAK = re.compile(
    r"\n[ \t\f]*\n\s*"
    r"|(?<=[.;:!?\-])[ \t]*\n\s*"
    r"|\n\s*(?=\(?[0-9a-zA-Z]{1,4}[.)]\s|[-*\u2022]\s)"
)


@dataclass(frozen=True)
class TermMatch:
    start: int
    end: int
    text: str
    phrase: str
    score: float


@dataclass(frozen=True)
class _Word:
    key: str
    surf: str
    prefix: bool
    function: bool


class _Lemmatiser:
    """Context-free lemma keys for the default pipeline, cached per word form."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.table = lemma_table(nlp)
        self._cache: dict[str, str] = {}

    @property
    def context_free(self) -> bool:
        return self.table is not None

    def key(self, text: str, lemma: str = "") -> str:
        if self.table is None:
            return stem(norm_word(lemma or text))
        got = self._cache.get(text)
        if got is None:
            lem = self.table.get(text)
            if lem is None:
                low = text.lower()
                lem = self.table.get(low, low)
            got = stem(norm_word(lem))
            self._cache[text] = got
        return got


_LEMMATISERS: dict[int, tuple[Language, _Lemmatiser]] = {}
_PHRASES: dict[tuple[int, str], tuple[_Word, ...]] = {}


def _lemmatiser(nlp: Language) -> _Lemmatiser:
    entry = _LEMMATISERS.get(id(nlp))
    if entry is None or entry[0] is not nlp:
        entry = (nlp, _Lemmatiser(nlp))
        _LEMMATISERS[id(nlp)] = entry
    return entry[1]


class _Vocabulary:
    """English words the lemma table knows: its inflected forms (keys) and its lemmas."""

    def __init__(self, table) -> None:  # noqa: ANN001 - a spaCy lookups Table
        self.table = table
        self.lemmas = {v for v in table.values() if isinstance(v, str)} if table else set()

    def __contains__(self, word: str) -> bool:
        return word in self.lemmas or (self.table is not None and word in self.table)


_KNOWN: dict[int, _Vocabulary] = {}


def _known_words(nlp: Language) -> _Vocabulary:
    got = _KNOWN.get(id(nlp))
    if got is None:
        got = _KNOWN[id(nlp)] = _Vocabulary(lemma_table(nlp))
    return got


def _is_word(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _acronym_key(word: str) -> str:
    return _ACRONYM_MARK + word.removesuffix("s").lower()


def _sentence_breaks(text: str) -> list[int]:
    """Extra sentence starts at line breaks that end a provision or start a list item
    (statute files often have headings and list items without a full stop)."""
    return [m.end() for m in _LINE_BREAK.finditer(text)]


class TermIndex:
    """One statute text, tokenised and keyed once; `find` phrases in it."""

    def __init__(self, text: str, nlp: Language | None = None,
                 breaks: Iterable[int] = ()) -> None:
        """`breaks` are further sentence ends the caller knows of, such as where a
        heading without a full stop ends."""
        self.text = text
        self._breaks = list(breaks)
        self.nlp = nlp if nlp is not None else get_nlp()
        self._lem = _lemmatiser(self.nlp)
        if self._lem.context_free:
            doc = self.nlp(text, disable=["lemmatizer"])
        else:
            doc = self.nlp(text)
        self.sentences: list[tuple[int, int]] = self._sentences(doc)
        sent_starts = [s for s, _ in self.sentences]

        starts: list[int] = []
        ends: list[int] = []
        keys: list[str] = []
        surfs: list[str] = []
        segs: list[int] = []
        skip: list[bool] = []
        raws: list[str] = []
        seg = 0
        sent_i = 0
        prev_open = False
        toks = list(doc)
        for i, tok in enumerate(toks):
            idx = tok.idx
            while sent_i < len(sent_starts) and sent_starts[sent_i] <= idx:
                sent_i += 1
                seg += 1
            t = tok.text
            if t in _SEGMENT_BREAKS:
                seg += 1
            if not _is_word(t):
                prev_open = t == "("
                continue
            if len(t) > 1 and t.endswith("-"):
                t = t.rstrip("-")  # "non- governmental": a hyphen left by a line break
            surf = norm_word(t)
            key = self._lem.key(t, tok.lemma_)
            enum = (
                prev_open
                and i + 1 < len(toks)
                and toks[i + 1].text == ")"
                and _ENUM.match(t) is not None
            )
            prev_open = False
            starts.append(idx)
            ends.append(idx + len(t))
            keys.append(key)
            surfs.append(surf)
            segs.append(seg)
            skip.append(enum or surf in FUNCTION_WORDS)
            raws.append(t)
        # An acronym in running text ("HIV/AIDS") is not the word it spells ("aids"); a
        # short word in a heading set in capitals ("CHILD VICTIMS") is still a word.
        for i, t in enumerate(raws):
            if _ACRONYM.match(t) and not any(
                    raws[j].isupper() and len(raws[j]) > 5
                    for j in range(max(0, i - 3), min(len(raws), i + 4))):
                keys[i] = surfs[i] = _acronym_key(t)
        self._starts = starts
        self._ends = ends
        self._keys = keys
        self._surfs = surfs
        self._segs = segs
        self._skip = skip
        self._by_key: dict[str, list[int]] = {}
        for i, k in enumerate(keys):
            self._by_key.setdefault(k, []).append(i)
        self._by_surf: dict[str, list[int]] = {}
        for i, s in enumerate(surfs):
            self._by_surf.setdefault(s, []).append(i)
        self._vocab: dict[int, dict[str, list[str]]] = {}
        self._pos_cache: dict[tuple[_Word, bool], dict[int, float]] = {}

    # -- sentences ---------------------------------------------------------------

    def _sentences(self, doc) -> list[tuple[int, int]]:
        text = self.text
        cuts = set()
        for sent in doc.sents:
            c = sent.start_char
            # The sentencizer leaves an opening bracket with the previous sentence.
            while c > 0 and text[c - 1] in "([":
                c -= 1
            cuts.add(c)
        cuts.update(_sentence_breaks(text))
        cuts.update(self._breaks)
        order = sorted(c for c in cuts if 0 < c < len(text))
        spans: list[tuple[int, int]] = []
        a = 0
        for b in order + [len(text)]:
            chunk = text[a:b]
            if b < len(text) and (_ENUM_ONLY.match(chunk) or _ABBREV_END.search(chunk)):
                continue  # "3." or "Act No." does not end a sentence
            lo, hi = a, b
            while lo < hi and text[lo].isspace():
                lo += 1
            while hi > lo and text[hi - 1].isspace():
                hi -= 1
            if lo < hi:
                spans.append((lo, hi))
            a = b
        return spans

    def next_sentence(self, offset: int) -> tuple[int, int] | None:
        """The first sentence that starts at or after `offset`."""
        i = bisect_left(self.sentences, (offset, -1))
        return self.sentences[i] if i < len(self.sentences) else None

    def sentence_of(self, offset: int) -> tuple[int, int]:
        """The sentence span holding `offset` (the nearest one before it in a gap)."""
        if not self.sentences:
            return (0, len(self.text))
        i = bisect_right(self.sentences, (offset, len(self.text) + 1)) - 1
        return self.sentences[max(i, 0)]

    # -- tokens for retrieval ----------------------------------------------------

    def keys(self, within: tuple[int, int] | None = None) -> list[str]:
        """Content-word keys in a span (for lexical retrieval such as BM25)."""
        lo, hi = self._token_range(within)
        return [self._keys[i] for i in range(lo, hi) if not self._skip[i]]

    def _token_range(self, within: tuple[int, int] | None) -> tuple[int, int]:
        if within is None:
            return 0, len(self._starts)
        return bisect_left(self._starts, within[0]), bisect_right(self._ends, within[1])

    # -- phrases -----------------------------------------------------------------

    def _phrase(self, phrase: str) -> tuple[_Word, ...]:
        cache_key = (id(self.nlp), phrase)
        got = _PHRASES.get(cache_key)
        if got is not None:
            return got
        words = []
        parts = phrase.strip()
        doc = self.nlp.make_doc(parts) if self._lem.context_free else self.nlp(parts)
        toks = [t for t in doc if _is_word(t.text) or t.text == "*"]
        for i, tok in enumerate(toks):
            if tok.text == "*":
                continue
            prefix = i + 1 < len(toks) and toks[i + 1].text == "*" and (
                toks[i + 1].idx == tok.idx + len(tok.text)
            )
            surf = norm_word(tok.text)
            if _ACRONYM.match(tok.text):
                surf = _acronym_key(tok.text)  # "HIV" in a phrase matches only the acronym
            words.append(
                _Word(
                    key=surf if prefix or surf.startswith(_ACRONYM_MARK)
                    else self._lem.key(tok.text, tok.lemma_),
                    surf=surf,
                    prefix=prefix,
                    function=surf in FUNCTION_WORDS,
                )
            )
        got = tuple(words)
        _PHRASES[cache_key] = got
        return got

    def _positions(self, w: _Word, fuzzy: bool) -> dict[int, float]:
        ck = (w, fuzzy)
        got = self._pos_cache.get(ck)
        if got is not None:
            return got
        got = {}
        if w.prefix:
            for surf, where in self._by_surf.items():
                if surf.startswith(w.surf):
                    got.update(dict.fromkeys(where, 1.0))
        else:
            got.update(dict.fromkeys(self._by_key.get(w.key, ()), 1.0))
            got.update(dict.fromkeys(self._by_surf.get(w.surf, ()), 1.0))
            if fuzzy and len(w.surf) >= FUZZY_MIN_LEN and w.surf.isalpha():
                # Keys catch noise in a differently inflected form ("harbonred"), surface
                # forms catch noise that breaks the stemmer ("exploitalion").
                for index, word in ((self._by_key, w.key), (self._by_surf, w.surf)):
                    for near, sim in self._near(index, word):
                        for i in index[near]:
                            if i not in got:
                                got[i] = sim
        self._pos_cache[ck] = got
        return got

    def _near(self, index: dict[str, list[int]], word: str) -> list[tuple[str, float]]:
        """Vocabulary entries within a small edit distance of `word` (same first letter:
        OCR rarely garbles it, and "marriage"/"carriage" must stay apart)."""
        if len(word) < 5:
            return []
        buckets = self._vocab.get(id(index))
        if buckets is None:
            buckets = {}
            known = _known_words(self.nlp)
            for k, where in index.items():
                # Only a word the dictionary does not know can be a misreading: "relation"
                # is not an OCR error for "relocation", "exploitalion" is.
                if len(k) >= 5 and k.isalpha() and any(
                    self._surfs[i] not in known for i in where
                ):
                    buckets.setdefault(k[0], []).append(k)
            self._vocab[id(index)] = buckets
        limit = 1 if len(word) <= 8 else 2
        out = []
        for cand in buckets.get(word[0], ()):
            if cand == word or abs(len(cand) - len(word)) > limit:
                continue
            dist = Levenshtein.distance(word, cand, score_cutoff=limit)
            if dist <= limit:
                out.append((cand, round(1.0 - dist / max(len(word), len(cand)), 3)))
        return out

    def find(
        self,
        phrase: str,
        *,
        within: tuple[int, int] | None = None,
        fuzzy: bool = True,
    ) -> list[TermMatch]:
        """Every place `phrase` occurs, best reading per start position."""
        words = self._phrase(phrase)
        negates = any(w.surf in NEGATORS for w in words)
        content = [w for w in words if not w.function]
        if len(content) < 2 or (words and words[0].surf in _LEADING_CONNECTIVES):
            # One content word, or a phrase opening with "or": the small words carry the
            # meaning ("or a fine" is not "fine", "or to a fine" not "liable to a fine",
            # "any victim" not "the victim"), so all of them are matched.
            content = list(words)
        if not content:
            return []
        sets = [self._positions(w, fuzzy) for w in content]
        lo, hi = self._token_range(within)
        n = len(self._starts)
        skip, segs = self._skip, self._segs
        out = []
        for p in sorted(sets[0]):
            if p < lo or p >= hi or self._inside_compound(p):
                continue
            scores = [sets[0][p]]
            cur = p
            extra = 0
            for cand in sets[1:]:
                q = cur + 1
                found = -1
                while q < n and q < hi and q - cur - 1 <= MAX_SKIP and segs[q] == segs[p]:
                    if q in cand:
                        found = q
                        break
                    if not skip[q]:
                        extra += 1
                        if extra > MAX_EXTRA or (self._surfs[q] in NEGATORS and not negates):
                            # "victim who is not a citizen" does not say "victim is a citizen"
                            extra = MAX_EXTRA + 1
                            break
                    q += 1
                if found < 0:
                    break
                scores.append(cand[found])
                cur = found
            else:
                start, end = self._starts[p], self._ends[cur]
                score = sum(scores) / len(scores) * (1.0 - 0.05 * extra)
                out.append(TermMatch(start, end, self.text[start:end], phrase, round(score, 3)))
        return out

    def _inside_compound(self, p: int) -> bool:
        """Token p is the tail of a hyphenated word: "threatening" in "life-threatening"
        does not say "threatens", nor "governmental" in "non-governmental" "governmental"."""
        start = self._starts[p]
        return start >= 2 and self.text[start - 1] == "-" and self.text[start - 2].isalnum()

    def near(
        self, phrase: str, *, window: int | None = None, fuzzy: bool = True
    ) -> list[TermMatch]:
        """Places where the content words of `phrase` occur in the phrase's order, within
        `window` words, in one sentence: how a clause is stated when the drafter's wording
        is split up ("consent of a trafficked person is immaterial"). A negating word
        ("not", "no", "without") must stand just before the word it negates, so "shall
        be punished ... not exceeding" never reads as "shall not be punished". The default
        window grows with the phrase: a long clause has room for more inserted words."""
        words = [w for w in self._phrase(phrase) if not w.function]
        if len(words) < 2:
            return self.find(phrase, fuzzy=fuzzy)
        if window is None:
            window = max(NEAR_WINDOW, 2 * len(words))
        sets = [self._positions(w, fuzzy) for w in words]
        ordered = [sorted(s) for s in sets]
        negators = [w.surf in NEGATORS for w in words]
        sent = self._sent_ids()
        out: list[TermMatch] = []
        last_end = -1
        for p in ordered[0]:
            if self._starts[p] < last_end or self._inside_compound(p):
                continue
            chosen = [p]
            for i in range(1, len(words)):
                prev = chosen[-1]
                limit = prev + (NEGATOR_GAP if negators[i - 1] else window)
                positions = ordered[i]
                j = bisect_right(positions, prev)
                q = positions[j] if j < len(positions) else None
                if q is None or q > limit or q - p > window or sent[q] != sent[p]:
                    break
                chosen.append(q)
            else:
                if not any(negators) and any(
                    self._surfs[q] in NEGATORS for q in range(chosen[0], chosen[-1] + 1)
                ):
                    continue  # "proceeds cannot be confiscated" is not "proceeds of confiscation"
                start, end = self._starts[chosen[0]], self._ends[chosen[-1]]
                last_end = end
                scores = [sets[i][q] for i, q in enumerate(chosen)]
                score = sum(scores) / len(scores) * 0.9
                out.append(TermMatch(start, end, self.text[start:end], phrase, round(score, 3)))
        return out

    def _sent_ids(self) -> list[int]:
        ids = getattr(self, "_sent_id_cache", None)
        if ids is None:
            starts = [s for s, _ in self.sentences]
            ids = [bisect_right(starts, st) for st in self._starts]
            self._sent_id_cache = ids
        return ids

    def find_any(self, phrases: Iterable[str], **kw) -> list[TermMatch]:
        """Matches of any phrase, one per span (the best-scoring phrase), in text order."""
        best: dict[tuple[int, int], TermMatch] = {}
        for phrase in phrases:
            for m in self.find(phrase, **kw):
                old = best.get((m.start, m.end))
                if old is None or m.score > old.score:
                    best[(m.start, m.end)] = m
        return sorted(best.values(), key=lambda m: (m.start, m.end))
