"""The country matrix: statutes x requirements, with regional figures in words."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from modellaw.compare.findings import GapResult
from modellaw.dsl.model import Element, ModelLaw
from modellaw.report.names import report_stems
from modellaw.report.status import strength_rank
from modellaw.report.summary import instrument_name

MAX_ELEMENT_FIGURES = 20
MAX_UNMET_FIGURES = 6


@dataclass
class MatrixColumn:
    """One statute."""

    key: str  # file stem, unique within the matrix
    label: str  # what a workshop calls it: the country, else the title
    title: str
    country: str | None
    year: str | None
    path: str
    coverage: float = 0.0  # met = 1, partial = 1/2, over the requirements assessed


@dataclass
class MatrixCell:
    status: str | None  # None: this statute was not assessed against the requirement
    units: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    needs_review: bool = False
    reviewed: bool = False


@dataclass
class MatrixRow:
    """One requirement."""

    id: str
    title: str
    instrument: str
    instrument_name: str
    strength: str
    cells: list[MatrixCell]

    @property
    def coverage(self) -> float:
        scores = [_score(c.status) for c in self.cells if c.status]
        return sum(scores) / len(scores) if scores else 0.0


@dataclass
class Matrix:
    columns: list[MatrixColumn]
    rows: list[MatrixRow]
    figures: list[str]
    instruments: list[str]
    model_title: str = ""
    model_version: str | None = None
    tool_version: str = ""
    analysed_on: str = ""


def _score(status: str | None) -> float:
    return {"met": 1.0, "partial": 0.5}.get(status or "", 0.0)


_ARTICLE = re.compile(r"^\s*Art(?:icle|\.)?\s*([0-9IVXL][0-9A-Za-z().]*)")


def requirement_ref(model: ModelLaw | None, rid: str) -> str:
    """'Article 3(a) of the Trafficking Protocol' where the catalog gives an article, else
    the standard's title and id."""
    req = model.requirements.get(rid) if model is not None else None
    if req is None:
        return rid
    m = _ARTICLE.match(req.article or "")
    if not m:
        # Rows cited otherwise (Bali items, OHCHR principles): name the row by its title.
        return f"\u201c{req.title}\u201d in the {instrument_name(model, req.instrument)} ({rid})"
    return f"Article {m.group(1).rstrip('.')} of the {instrument_name(model, req.instrument)}"


def _element_phrase(e: Element) -> str:
    lab = e.label
    return {
        "all": f"cover all {lab} listed in",
        "any": f"cover {lab} as required by",
        "number": f"meet the {lab} threshold of",
        "clause": f"contain the clause on {lab} required by",
        "absence": f"avoid requiring {lab}, as",
    }.get(e.kind, f"satisfy '{lab}' of")


def _element_figures(results: list[GapResult], model: ModelLaw | None,
                     instruments: set[str]) -> list[str]:
    if model is None:
        return []
    seen: dict[str, list[str]] = {}
    for res in results:
        for p in res.provisions:
            for er in p.elements:
                seen.setdefault(er.element, []).append(er.status)
    out = []
    for prov in model.ordered_provisions():
        for e in prov.elements:
            if not e.required or e.id not in seen:
                continue
            reqs = [model.resolve(r) for r in (e.requirements or prov.implements)]
            key = [r for r in reqs if r and r in model.requirements
                   and model.requirements[r].instrument in instruments
                   and model.requirements[r].strength == "mandatory"]
            if not key:
                continue
            statuses = seen[e.id]
            met = sum(s == "met" for s in statuses)
            phrase = _element_phrase(e)
            ref = requirement_ref(model, key[0])
            if e.kind == "absence":
                out.append(f"{met} of {len(statuses)} statutes {phrase} {ref} requires.")
            else:
                out.append(f"{met} of {len(statuses)} statutes {phrase} {ref}.")
            if len(out) >= MAX_ELEMENT_FIGURES:
                return out
    return out


def _figures(matrix: Matrix, results: list[GapResult], model: ModelLaw | None) -> list[str]:
    n = len(matrix.columns)
    out: list[str] = []
    for iid in matrix.instruments:
        mand = [r for r in matrix.rows if r.instrument == iid and r.strength == "mandatory"]
        if not mand:
            continue
        name = instrument_name(model, iid)
        all_met = sum(
            all(r.cells[i].status == "met" for r in mand if r.cells[i].status)
            and any(r.cells[i].status for r in mand)
            for i in range(n)
        )
        met_counts = [sum(r.cells[i].status == "met" for r in mand) for i in range(n)]
        avg = sum(met_counts) / n if n else 0
        out.append(
            f"{all_met} of {n} statutes meet every mandatory requirement of the {name} "
            f"({len(mand)} assessed); on average a statute meets {avg:.1f} of them."
        )
    out += _element_figures(results, model, set(matrix.instruments))
    worst = sorted(
        (r for r in matrix.rows if r.strength == "mandatory"),
        key=lambda r: -sum(c.status == "unmet" for c in r.cells),
    )
    for r in worst[:MAX_UNMET_FIGURES]:
        unmet = sum(c.status == "unmet" for c in r.cells)
        assessed = sum(c.status is not None for c in r.cells)
        if unmet == 0:
            break
        out.append(f"{r.id} ({r.title}) is unmet in {unmet} of {assessed} statutes.")
    return out


def build_matrix(results: list[GapResult], model: ModelLaw | None,
                 instruments: list[str] | None = None) -> Matrix:
    """Statutes as columns, requirements as rows, in the model's catalog order."""
    columns = []
    for res, key in zip(results, report_stems(results), strict=True):
        s = res.statute
        columns.append(MatrixColumn(
            key=key, label=s.country or s.title or Path(s.path).stem,
            title=s.title or Path(s.path).stem, country=s.country, year=s.year, path=s.path))
    # Labels must tell columns apart: two statutes of one country get their year or title.
    counts: dict[str, int] = {}
    for c in columns:
        counts[c.label] = counts.get(c.label, 0) + 1
    for c in columns:
        if counts[c.label] > 1:
            c.label = f"{c.label} ({c.year or c.title})"

    order: list[str] = []
    info: dict[str, tuple[str, str, str]] = {}
    if model is not None:
        for req in model.catalog_requirements():
            order.append(req.id)
            info[req.id] = (req.title, req.instrument, req.strength)
    for res in results:
        for r in res.requirements:
            if r.id not in info:
                order.append(r.id)
            info.setdefault(r.id, (r.title, r.instrument, r.strength))
            if r.title or r.strength:  # the result's own words win
                info[r.id] = (r.title or info[r.id][0], r.instrument or info[r.id][1],
                              r.strength or info[r.id][2])
    assessed = {r.id for res in results for r in res.requirements}
    wanted = set(instruments) if instruments else None
    inst_order: list[str] = []
    if instruments:
        inst_order = list(instruments)
    else:
        for res in results:
            for iid in res.instruments:
                if iid not in inst_order:
                    inst_order.append(iid)
        if model is not None:  # the model's order puts the core treaty first, as in gap reports
            rank = {iid: i for i, iid in enumerate(model.instruments)}
            inst_order.sort(key=lambda iid: rank.get(iid, len(rank)))
    rows = []
    for rid in order:
        title, iid, strength = info[rid]
        if rid not in assessed or (wanted is not None and iid not in wanted):
            continue
        if iid not in inst_order:
            inst_order.append(iid)
        cells = []
        for res in results:
            f = res.requirement(rid)
            if f is None:
                cells.append(MatrixCell(None))
            else:
                cells.append(MatrixCell(
                    f.status, list(dict.fromkeys(e.unit for e in f.evidence)), list(f.missing),
                    f.needs_review, f.override is not None))
        rows.append(MatrixRow(rid, title, iid, instrument_name(model, iid), strength, cells))
    rank = {iid: i for i, iid in enumerate(inst_order)}
    rows.sort(key=lambda r: (rank.get(r.instrument, len(rank)), strength_rank(r.strength)))
    for i, col in enumerate(columns):
        scores = [_score(r.cells[i].status) for r in rows if r.cells[i].status]
        col.coverage = sum(scores) / len(scores) if scores else 0.0
    first = results[0] if results else None
    matrix = Matrix(
        columns=columns, rows=rows, figures=[],
        instruments=[i for i in inst_order if any(r.instrument == i for r in rows)],
        model_title=first.model_title if first else (model.title if model else ""),
        model_version=first.model_version if first else (model.version if model else None),
        tool_version=first.tool_version if first else "",
        analysed_on=max((r.analysed_on for r in results), default=""),
    )
    matrix.figures = _figures(matrix, results, model)
    return matrix
