"""Reviewer overrides: a hand-editable JSON file next to the statute.

One entry per requirement id. gap runs read it and never write it; `modellaw review`
adds or changes one entry at a time and leaves the others exactly as they were.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from modellaw.compare.findings import STATUSES, Override, RequirementFinding
from modellaw.statutes.model import Statute
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
    # the units the reviewer saw cited; the hash is over their text, so the entry goes
    # stale when that text changes, not when the tool comes to cite other units
    units: list[str] | None = None


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
        units = e.get("units")
        if units is not None and not (isinstance(units, list)
                                      and all(isinstance(u, str) for u in units)):
            raise ReviewError(f"{path}: entry '{rid}': units must be a list of unit labels")
        out[rid] = ReviewEntry(decision, status, str(e.get("comment", "")), e.get("reviewer"),
                               e.get("date"), e.get("evidence_hash"), units)
    return out


def units_hash(statute: Statute, labels: list[str]) -> str:
    """A hash of the text of the cited units, as they read now (a unit that is gone
    changes it too)."""
    h = hashlib.sha256()
    for label in labels:
        unit = statute.find(label)
        h.update(label.encode("utf-8") + b"\x1e")
        h.update(statute.text_of(unit).encode("utf-8") if unit is not None else b"\x00gone")
        h.update(b"\x1f")
    return h.hexdigest()[:16]


def _stale(e: ReviewEntry, f: RequirementFinding, statute: Statute | None) -> bool:
    if not e.evidence_hash:
        return False
    if e.units is not None and statute is not None:
        return units_hash(statute, e.units) != e.evidence_hash
    return e.evidence_hash != f.evidence_hash  # an entry written before units were kept


def apply_review(findings: list[RequirementFinding], entries: dict[str, ReviewEntry],
                 statute: Statute | None = None) -> None:
    for f in findings:
        e = entries.get(f.id)
        if e is None:
            continue
        stale = _stale(e, f, statute)
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
           reviewer: str | None, evidence_hash: str, units: list[str] | None = None) -> None:
    """Add or replace one entry; every other entry is kept as it was. With `units`, the
    hash is `units_hash` of those units."""
    raw: dict = {"schema": SCHEMA, "entries": {}}
    if path.exists():
        load_review(path)  # refuse to touch a file we cannot read
        raw = json.loads(path.read_text(encoding="utf-8"))
        raw.setdefault("entries", {})
    entry = {"decision": decision, "comment": comment, "reviewer": reviewer,
             "date": date.today().isoformat(), "evidence_hash": evidence_hash}
    if status:
        entry["status"] = status
    if units is not None:
        entry["units"] = units
    raw["entries"][rid] = entry
    write_atomic(path, json.dumps(raw, indent=2, ensure_ascii=False) + "\n")
