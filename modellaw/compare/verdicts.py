"""Element results -> a verdict with a score, a confidence and what is missing."""

from __future__ import annotations

import hashlib

from modellaw.compare.findings import ElementResult, Evidence

MAX_EVIDENCE = 12
REVIEW_BELOW = 0.6  # confidence under this marks a verdict needs_review

_BASE_CONFIDENCE = {"met": 0.9, "partial": 0.75, "unmet": 0.85}


def status_of(results: list[ElementResult]) -> str:
    """Labelling rule 1-3 of the catalog: all met -> met, none -> unmet, else partial."""
    required = [r for r in results if r.required] or results
    if not required:
        return "unmet"
    keys = [r for r in required if r.key]
    if keys and all(r.status == "unmet" for r in keys):
        return "unmet"  # the statute does not deal with the subject at all
    positive = [r for r in required if r.kind != "absence"]
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
    required = [r for r in results if r.required] or results
    if not required:
        return 0.0
    points = {"met": 1.0, "partial": 0.5, "unmet": 0.0}
    return round(sum(points[r.status] for r in required) / len(required), 3)


def _element_confidence(r: ElementResult) -> float:
    base = _BASE_CONFIDENCE[r.status]
    if r.kind in ("all", "any") and r.status == "partial":
        n_found = len(r.found)
        n_missing = sum(1 for m in r.missing if "not covered" in m)
        # One concept either way would change the verdict: a close call.
        if n_found == 1 or n_missing == 1:
            base -= 0.2
    if r.kind == "clause" and r.status == "met" and len(r.evidence) == 1:
        base -= 0.05
    return max(0.0, min(1.0, base))


def confidence_of(results: list[ElementResult]) -> float:
    required = [r for r in results if r.required] or results
    if not required:
        return 0.5
    return round(min(_element_confidence(r) for r in required), 3)


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
    seen: set[tuple[int, int]] = set()
    out: list[Evidence] = []
    # Required elements first: they carry the verdict.
    for r in sorted(results, key=lambda r: not r.required):
        if r.kind == "absence":
            continue
        for ev in r.evidence:
            if (ev.start, ev.end) in seen:
                continue
            seen.add((ev.start, ev.end))
            out.append(ev)
    return out[:MAX_EVIDENCE]


def evidence_hash(evidence: list[Evidence]) -> str:
    h = hashlib.sha256()
    for ev in sorted(evidence, key=lambda e: (e.start, e.end)):
        h.update(ev.quote.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:16]
