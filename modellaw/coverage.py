"""How far the model law covers the standards: per instrument, per requirement row.

`compute_coverage` turns a ModelLaw into plain data; `coverage_text`, `coverage_markdown`
and `coverage_json` are the only places that turn that data into words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from modellaw.dsl.model import STRENGTHS, VERIFY_LABEL, ModelLaw

# The instrument whose uncovered mandatory rows make the model law incomplete.
GATE_INSTRUMENT = "tip"
NOT_CONFIRMED = "wording not yet confirmed"

IMPLEMENTED = "implemented"
WAIVED = "waived"
UNCOVERED = "uncovered"


@dataclass
class ProvisionRef:
    id: str
    number: int
    title: str

    @property
    def label(self) -> str:
        return f"s. {self.number} {self.id}"


@dataclass
class RowCoverage:
    id: str
    title: str
    instrument: str
    article: str | None
    strength: str
    verify: str
    status: str  # implemented | waived | uncovered
    provisions: list[ProvisionRef] = field(default_factory=list)
    waiver_reason: str | None = None

    @property
    def verify_note(self) -> str | None:
        """What a reader must be told about the row's wording, or None when it is verified."""
        if self.verify == "verified":
            return None
        return f"{VERIFY_LABEL.get(self.verify, self.verify)}: {NOT_CONFIRMED}"


@dataclass
class StrengthTally:
    strength: str
    total: int = 0
    implemented: int = 0
    waived: int = 0
    uncovered: int = 0

    @property
    def implemented_pct(self) -> float:
        return _pct(self.implemented, self.total)

    @property
    def accounted_pct(self) -> float:
        """Implemented or deliberately waived."""
        return _pct(self.implemented + self.waived, self.total)


@dataclass
class InstrumentCoverage:
    id: str
    name: str
    short: str | None
    rows: list[RowCoverage] = field(default_factory=list)

    @property
    def tallies(self) -> list[StrengthTally]:
        return _tally(self.rows)

    @property
    def uncovered(self) -> list[RowCoverage]:
        return [r for r in self.rows if r.status == UNCOVERED]


@dataclass
class CoverageReport:
    title: str
    version: str | None
    instruments: list[InstrumentCoverage] = field(default_factory=list)
    # Mandatory rows of the gate instrument that are neither implemented nor waived,
    # computed over the whole model whatever instruments were selected for display.
    blocking: list[RowCoverage] = field(default_factory=list)

    @property
    def tallies(self) -> list[StrengthTally]:
        return _tally([r for i in self.instruments for r in i.rows])


def _pct(n: int, d: int) -> float:
    return round(100.0 * n / d, 1) if d else 0.0


def _tally(rows: list[RowCoverage]) -> list[StrengthTally]:
    by: dict[str, StrengthTally] = {}
    for r in rows:
        t = by.setdefault(r.strength, StrengthTally(r.strength))
        t.total += 1
        setattr(t, r.status, getattr(t, r.status) + 1)
    # Mandatory first, then the catalog's order of strengths; unknown strengths last.
    rank = {s: i for i, s in enumerate(STRENGTHS)}
    return sorted(by.values(), key=lambda t: (rank.get(t.strength, len(rank)), t.strength))


def compute_coverage(model: ModelLaw, instruments: list[str] | None = None) -> CoverageReport:
    """Coverage of every catalog requirement (reference ids such as ohchr.p7 are not rows)."""
    numbers = model.numbering()
    implementers = model.implementers()
    waived: dict[str, str] = {}
    for rid, w in model.waivers.items():
        row = model.resolve(rid)
        if row is not None:
            waived[row] = w.reason

    def row_of(rid: str) -> RowCoverage:
        req = model.requirements[rid]
        provs = [ProvisionRef(p.id, numbers[p.id], p.title) for p in implementers.get(rid, [])]
        provs.sort(key=lambda p: p.number)
        if provs:
            status = IMPLEMENTED
        elif rid in waived:
            status = WAIVED
        else:
            status = UNCOVERED
        return RowCoverage(rid, req.title, req.instrument, req.article, req.strength, req.verify,
                           status, provs, waived.get(rid) if status == WAIVED else None)

    rows = [row_of(r.id) for r in model.catalog_requirements()]
    wanted = set(instruments) if instruments else None
    out: list[InstrumentCoverage] = []
    seen: set[str] = set()
    # Instruments in declaration order; rows of undeclared instruments still get a group.
    order = list(model.instruments) + sorted({r.instrument for r in rows} - set(model.instruments))
    for iid in order:
        if iid in seen or (wanted is not None and iid not in wanted):
            continue
        seen.add(iid)
        mine = [r for r in rows if r.instrument == iid]
        if not mine:
            continue
        inst = model.instruments.get(iid)
        out.append(InstrumentCoverage(iid, inst.name if inst else iid,
                                      inst.short if inst else None, mine))
    blocking = [r for r in rows if r.instrument == GATE_INSTRUMENT
                and r.strength == "mandatory" and r.status == UNCOVERED]
    return CoverageReport(model.title, model.version, out, blocking)


# ---- words -------------------------------------------------------------------------------

def _tally_line(t: StrengthTally) -> str:
    s = f"{t.implemented}/{t.total} implemented ({t.implemented_pct:.1f}%)"
    extra = []
    if t.waived:
        extra.append(f"{t.waived} waived")
    extra.append(f"{t.uncovered} uncovered")
    return s + ", " + ", ".join(extra)


def _heading(ic: InstrumentCoverage) -> str:
    return f"{ic.id}: {ic.name}" + (f" ({ic.short})" if ic.short else "")


def _row_detail(r: RowCoverage) -> str:
    if r.status == IMPLEMENTED:
        return "implemented by " + ", ".join(p.label for p in r.provisions)
    if r.status == WAIVED:
        return f"waived: {r.waiver_reason}"
    return "UNCOVERED"


def _title_line(rep: CoverageReport) -> str:
    return rep.title + (f" (version {rep.version})" if rep.version else "")


def coverage_text(rep: CoverageReport) -> str:
    out = [f"Coverage of the standards by {_title_line(rep)}", ""]
    for ic in rep.instruments:
        out.append(_heading(ic))
        for t in ic.tallies:
            out.append(f"  {t.strength:<12} {_tally_line(t)}")
        out.append("")
        width = max(len(r.id) for r in ic.rows)
        for r in ic.rows:
            art = f" [{r.article}]" if r.article else ""
            out.append(f"  {r.id:<{width}}  {r.strength:<11}  {r.title}{art}")
            out.append(f"  {'':<{width}}  -> {_row_detail(r)}")
            if r.verify_note:
                out.append(f"  {'':<{width}}     ({r.verify_note})")
        if ic.uncovered:
            out.append(f"  uncovered: {', '.join(r.id for r in ic.uncovered)}")
        out.append("")
    if len(rep.instruments) > 1:
        out.append("All instruments shown")
        for t in rep.tallies:
            out.append(f"  {t.strength:<12} {_tally_line(t)}")
        out.append("")
    out.append(_verdict(rep))
    return "\n".join(out)


def _verdict(rep: CoverageReport) -> str:
    if rep.blocking:
        ids = ", ".join(r.id for r in rep.blocking)
        return (f"INCOMPLETE: {len(rep.blocking)} mandatory Trafficking Protocol requirement(s) "
                f"neither implemented nor waived: {ids}")
    return "Every mandatory Trafficking Protocol requirement is implemented or waived."


def _md_cell(s: str) -> str:
    # Table cells: a pipe would end the cell, a newline the row; other markdown is harmless
    # here because it comes from our own DSL files, but brackets and stars are escaped so
    # titles print literally.
    out = s.replace("\\", "\\\\").replace("\n", " ")
    for ch in "|*_[]<>`":
        out = out.replace(ch, "\\" + ch)
    return out


def coverage_markdown(rep: CoverageReport) -> str:
    out = [f"# Coverage of the standards by {_md_cell(_title_line(rep))}", ""]
    for ic in rep.instruments:
        out += [f"## {_md_cell(_heading(ic))}", "",
                "| Strength | Implemented | Waived | Uncovered | Implemented % |",
                "|---|---:|---:|---:|---:|"]
        for t in ic.tallies:
            out.append(f"| {t.strength} | {t.implemented}/{t.total} | {t.waived} | "
                       f"{t.uncovered} | {t.implemented_pct:.1f}% |")
        out += ["", "| Requirement | Article | Strength | Status | Provisions / reason |",
                "|---|---|---|---|---|"]
        for r in ic.rows:
            detail = (", ".join(p.label for p in r.provisions) if r.status == IMPLEMENTED
                      else r.waiver_reason or "")
            status = r.status + (f" ({r.verify_note})" if r.verify_note else "")
            out.append(f"| {_md_cell(r.id)} {_md_cell(r.title)} | {_md_cell(r.article or '')} | "
                       f"{r.strength} | {_md_cell(status)} | {_md_cell(detail)} |")
        out.append("")
        if ic.uncovered:
            out += ["Uncovered: " + ", ".join(_md_cell(r.id) for r in ic.uncovered), ""]
    out.append(_md_cell(_verdict(rep)))
    return "\n".join(out) + "\n"


def _tally_json(t: StrengthTally) -> dict:
    return {"strength": t.strength, "total": t.total, "implemented": t.implemented,
            "waived": t.waived, "uncovered": t.uncovered,
            "implemented_pct": t.implemented_pct, "accounted_pct": t.accounted_pct}


def coverage_json(rep: CoverageReport) -> dict:
    return {
        "schema": "modellaw.coverage/1",
        "model": {"title": rep.title, "version": rep.version},
        "instruments": [
            {"id": ic.id, "name": ic.name, "short": ic.short,
             "by_strength": [_tally_json(t) for t in ic.tallies],
             "requirements": [
                 {"id": r.id, "title": r.title, "article": r.article, "strength": r.strength,
                  "verify": r.verify, "verify_note": r.verify_note, "status": r.status,
                  "provisions": [{"id": p.id, "section": p.number, "title": p.title}
                                 for p in r.provisions],
                  "waiver_reason": r.waiver_reason}
                 for r in ic.rows],
             "uncovered": [r.id for r in ic.uncovered]}
            for ic in rep.instruments],
        "by_strength": [_tally_json(t) for t in rep.tallies],
        "blocking": [r.id for r in rep.blocking],
    }
