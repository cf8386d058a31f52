"""The `modellaw.gap/1` JSON document (contract in design.md), plus extra keys."""

from __future__ import annotations

from modellaw.compare.findings import ElementResult, Evidence, Finding, GapResult, Override
from modellaw.report.status import evidence_role

SCHEMA = "modellaw.gap/1"


def _evidence(ev: list[Evidence]) -> list[dict]:
    out = []
    for e in ev:
        item = e.to_json()
        if e.element:
            item["element"] = e.element
        out.append(item)
    return out


def _override(o: Override | None) -> dict | None:
    if o is None:
        return None
    return {
        "status": o.status, "decision": o.decision, "comment": o.comment,
        "reviewer": o.reviewer, "date": o.date, "original_status": o.original_status,
        "stale": o.stale,
    }


def _element(e: ElementResult) -> dict:
    return {
        "element": e.element, "name": e.name, "label": e.title, "kind": e.kind,
        "required": e.required,
        "status": e.status, "found": list(e.found), "missing": list(e.missing),
        "evidence": _evidence(e.evidence), "note": e.note,
    }


def _common(f: Finding) -> dict:
    return {
        # An unmet verdict's citations are the nearest wording, for a reviewer to check.
        "evidence_role": evidence_role(f.status),
        "confidence": f.confidence,
        "needs_review": f.needs_review,
        "override": _override(f.override),
        "elements": [_element(e) for e in f.elements],
        "notes": list(f.notes),
    }


def gap_json(result: GapResult) -> dict:
    """The gap report as plain JSON data; contract keys first, extras after."""
    s = result.statute
    provisions = [
        {
            "id": p.id, "title": p.title, "status": p.status, "score": p.score,
            "missing": list(p.missing), "evidence": _evidence(p.evidence),
            "part": p.part, **_common(p),
        }
        for p in result.provisions
    ]
    requirements = [
        {
            "id": r.id, "status": r.status, "provisions": list(r.provisions),
            "missing": list(r.missing), "evidence": _evidence(r.evidence),
            "title": r.title, "instrument": r.instrument, "strength": r.strength,
            "verify": r.verify, "score": r.score, "evidence_hash": r.evidence_hash,
            **_common(r),
        }
        for r in result.requirements
    ]
    return {
        "schema": SCHEMA,
        "statute": {
            "path": s.path, "title": s.title, "country": s.country, "units": s.units,
            "year": s.year,
        },
        "provisions": provisions,
        "requirements": requirements,
        "warnings": list(result.warnings),
        "provenance": {
            "model_title": result.model_title,
            "model_version": result.model_version,
            "tool_version": result.tool_version,
            "analysed_on": result.analysed_on,
            "instruments": list(result.instruments),
            "review_file": result.review_file,
        },
    }
