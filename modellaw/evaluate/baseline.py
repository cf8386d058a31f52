"""The yardstick: plain TF-IDF retrieval of sections per requirement.

Each requirement's words (title, summary, and the concept phrases of the elements that
serve it) are a query; the best section's cosine similarity decides the status with fixed
thresholds. Nothing here is tuned per statute; it is what a simple search would give.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from modellaw.compare.context import StatuteView
from modellaw.dsl.model import ModelLaw
from modellaw.nlp.normalize import norm_word

MET_AT = 0.30
PARTIAL_AT = 0.15
_WORD = re.compile(r"[A-Za-z][A-Za-z\-']+")
_STOP = frozenset("""a an and any are as at be by for from has have in is it its of on or
shall that the this to which with who whom person persons state states party parties""".split())


def _terms(text: str) -> list[str]:
    return [w for w in (norm_word(t) for t in _WORD.findall(text)) if w not in _STOP]


def requirement_queries(model: ModelLaw) -> dict[str, str]:
    out: dict[str, str] = {}
    impl = model.implementers()
    for r in model.catalog_requirements():
        words = [r.title, r.summary or ""]
        for p in impl.get(r.id, []):
            for el in p.elements:
                for c in el.concepts:
                    words.extend(c.phrases)
        out[r.id] = " ".join(words)
    return out


def baseline_statuses(model: ModelLaw, view: StatuteView,
                      queries: dict[str, str] | None = None) -> dict[str, tuple[str, list[str]]]:
    """requirement id -> (status, [unit label of the best section])."""
    text = view.statute.text
    docs = [Counter(_terms(text[u.start:u.end])) for u in view.sections]
    n = len(docs) or 1
    df: Counter[str] = Counter()
    for d in docs:
        df.update(d.keys())
    idf = {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}

    def vec(c: Counter[str]) -> dict[str, float]:
        v = {t: (1 + math.log(f)) * idf.get(t, math.log(1 + n) + 1) for t, f in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        return {t: x / norm for t, x in v.items()}

    dvecs = [vec(d) for d in docs]
    out: dict[str, tuple[str, list[str]]] = {}
    for rid, q in (queries or requirement_queries(model)).items():
        qv = vec(Counter(_terms(q)))
        best, best_i = 0.0, -1
        for i, dv in enumerate(dvecs):
            s = sum(w * dv.get(t, 0.0) for t, w in qv.items())
            if s > best:
                best, best_i = s, i
        status = "met" if best >= MET_AT else "partial" if best >= PARTIAL_AT else "unmet"
        units = [view.sections[best_i].label] if best_i >= 0 and status != "unmet" else []
        out[rid] = (status, units)
    return out
