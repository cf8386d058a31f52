"""Element results -> a verdict with a score, a confidence and what is missing."""

from __future__ import annotations

import hashlib

from modellaw.compare.findings import ElementResult, Evidence

MAX_EVIDENCE = 12
REVIEW_BELOW = 0.6  # confidence under this marks a verdict needs_review

def status_of(results: list[ElementResult]) -> str:
    """Labelling rule 1-3 of the catalog: all met -> met, none -> unmet, else partial."""
    required = [r for r in results if r.required] or results
    if not required:
        return "unmet"
    keys = [r for r in required if r.key]
    if keys and all(r.status == "unmet" for r in keys):
        return "unmet"  # the statute does not deal with the subject at all
    # A gate is only the precondition ("the statute returns foreign victims at all"):
    # found alone it earns no credit.
    positive = [r for r in required if r.kind != "absence" and not r.gate]
    if positive and all(r.status == "unmet" for r in positive):
        # Silence is not compliance: an absence counts only once the statute addresses
        # the subject at all.
        return "unmet"
    statuses = {r.status for r in required}
    if statuses == {"met"}:
        return "met"
    if statuses == {"unmet"}:
        return "unmet"
    return "partial"


def score_of(results: list[ElementResult]) -> float:
    required = [r for r in results if r.required and not r.gate] or results
    if not required:
        return 0.0
    points = {"met": 1.0, "partial": 0.5, "unmet": 0.0}
    return round(sum(points[r.status] for r in required) / len(required), 3)


def confidence_of(results: list[ElementResult]) -> float:
    """How far the verdict is from flipping, by the shape of its elements.

    A rule of thumb checked against labelled statutes, not a probability: verdicts one
    element away from another status, and unmet verdicts decided only by a key element
    while other elements were found, are the ones most often wrong, so they score low
    and are flagged for review.
    """
    required = [r for r in results if r.required] or results
    if not required:
        return 0.5
    status = status_of(results)
    positive = [r for r in required if r.kind != "absence" and not r.gate]
    met = sum(1 for r in positive if r.status == "met")
    not_met = len(positive) - met
    if status == "met":
        conf = 0.9 if len(positive) >= 2 else 0.8
        scores = [score for r in required for score in r.scores]
        if scores and min(scores) < 1.0:
            conf -= 0.1  # rests on a fuzzy (OCR-tolerant) match
    elif status == "partial":
        conf = 0.55 if len(positive) >= 2 and not_met == 1 else 0.75
    else:
        gated = any(r.key and r.status == "unmet" for r in required)
        conf = 0.4 if gated and any(r.status != "unmet" for r in positive if not r.key) else 0.85
    return round(conf, 3)


def missing_of(results: list[ElementResult]) -> list[str]:
    out: list[str] = []
    for r in results:
        if r.status == "met":
            continue
        for m in r.missing:
            line = m if r.required else f"(good practice) {m}"
            if line not in out:
                out.append(line)
    return out


def evidence_of(results: list[ElementResult]) -> list[Evidence]:
    """The citations for a verdict: each element's best place first, taken in turn (key
    elements, then the other required ones, then good practice), then their further
    places, so that no element's proof is crowded out by another's long list. Wording that
    should be absent and is there is cited too: it shows why the verdict falls short; wording
    rightly absent is shown by the rule it is absent from, which comes last."""
    ordered = sorted(results, key=lambda r: (r.kind == "absence" and r.status == "met",
                                             not r.key, not r.required))
    seen: set[str] = set()
    out: list[Evidence] = []
    depth = max((len(r.evidence) for r in ordered), default=0)
    for i in range(depth):
        for r in ordered:
            if i < len(r.evidence):
                ev = r.evidence[i]
                if ev.unit not in seen:  # one citation a unit, or the limit fills with one
                    seen.add(ev.unit)
                    out.append(ev)
    return out[:MAX_EVIDENCE]


def evidence_hash(evidence: list[Evidence]) -> str:
    h = hashlib.sha256()
    for ev in sorted(evidence, key=lambda e: (e.start, e.end)):
        h.update(ev.quote.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:16]
