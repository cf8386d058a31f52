"""Reviewer overrides: a hand-editable JSON file next to the statute.

One entry per requirement id. gap runs read it and never write it; `modellaw review`
adds or changes one entry at a time and leaves the others exactly as they were.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from modellaw.compare.findings import STATUSES, Override, RequirementFinding
from modellaw.util.files import write_atomic

SCHEMA = "modellaw.review/1"
DECISIONS = ("confirm", "reject", "change")


class ReviewError(Exception):
    """The review file cannot be used; str(e) says how to fix it."""


@dataclass
class ReviewEntry:
    decision: str
    status: str | None
    comment: str
    reviewer: str | None
    date: str | None
    evidence_hash: str | None


def review_path_for(statute_path: str | Path) -> Path:
    p = Path(statute_path)
    return p.with_name(p.stem + ".review.json")


def load_review(path: Path) -> dict[str, ReviewEntry]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ReviewError(f"{path}: cannot read the review file ({e}); fix it by hand or move "
                          "it aside — it was not changed") from e
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise ReviewError(f"{path}: expected an object with 'entries'; it was not changed")
    out: dict[str, ReviewEntry] = {}
    for rid, e in entries.items():
        if not isinstance(e, dict):
            raise ReviewError(f"{path}: entry '{rid}' must be an object")
        decision = e.get("decision", "change" if e.get("status") else "confirm")
        status = e.get("status")
        if decision not in DECISIONS:
            raise ReviewError(f"{path}: entry '{rid}': decision must be one of "
                              f"{', '.join(DECISIONS)}")
        if decision == "change" and status not in STATUSES:
            raise ReviewError(f"{path}: entry '{rid}': a change needs a status "
                              f"({', '.join(STATUSES)})")
        out[rid] = ReviewEntry(decision, status, str(e.get("comment", "")), e.get("reviewer"),
                               e.get("date"), e.get("evidence_hash"))
    return out


def apply_review(findings: list[RequirementFinding], entries: dict[str, ReviewEntry]) -> None:
    for f in findings:
        e = entries.get(f.id)
        if e is None:
            continue
        stale = bool(e.evidence_hash) and e.evidence_hash != f.evidence_hash
        new_status = e.status if e.decision == "change" and e.status else f.status
        f.override = Override(status=new_status, decision=e.decision, comment=e.comment,
                              reviewer=e.reviewer, date=e.date, original_status=f.status,
                              stale=stale)
        if e.decision == "reject":
            f.needs_review = True
            f.notes.append("a reviewer rejected this verdict" + (f": {e.comment}" if e.comment
                                                                   else ""))
        else:
            f.status = new_status
            f.needs_review = stale
        if stale:
            f.notes.append("review entry is stale: the cited statute text changed since it was "
                           "written")


def record(path: Path, rid: str, decision: str, status: str | None, comment: str,
           reviewer: str | None, evidence_hash: str) -> None:
    """Add or replace one entry; every other entry is kept as it was."""
    raw: dict = {"schema": SCHEMA, "entries": {}}
    if path.exists():
        load_review(path)  # refuse to touch a file we cannot read
        raw = json.loads(path.read_text(encoding="utf-8"))
        raw.setdefault("entries", {})
    entry = {"decision": decision, "comment": comment, "reviewer": reviewer,
             "date": date.today().isoformat(), "evidence_hash": evidence_hash}
    if status:
        entry["status"] = status
    raw["entries"][rid] = entry
    write_atomic(path, json.dumps(raw, indent=2, ensure_ascii=False) + "\n")
