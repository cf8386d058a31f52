"""The one-minute summary: requirements met / partial / unmet per instrument and strength."""

from __future__ import annotations

from dataclasses import dataclass, field

from modellaw.compare.findings import GapResult, RequirementFinding
from modellaw.dsl.model import ModelLaw
from modellaw.report.status import strength_rank, tally


@dataclass
class StrengthRow:
    strength: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class InstrumentSummary:
    id: str
    name: str
    rows: list[StrengthRow] = field(default_factory=list)  # mandatory first
    # every requirement of the instrument, mandatory first, then worst verdict first
    requirements: list[RequirementFinding] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return tally([r.status for r in self.requirements])

    @property
    def total(self) -> int:
        return len(self.requirements)


def instrument_name(model: ModelLaw | None, iid: str) -> str:
    inst = model.instruments.get(iid) if model is not None else None
    if inst is None:
        return iid
    return inst.short or inst.name


def summarise(result: GapResult, model: ModelLaw | None) -> list[InstrumentSummary]:
    """One summary per instrument assessed, in the order the result lists them."""
    order = list(result.instruments)
    for r in result.requirements:  # instruments the result forgot to list still show
        if r.instrument not in order:
            order.append(r.instrument)
    if model is not None:  # the model's order puts the core treaty first
        rank = {iid: i for i, iid in enumerate(model.instruments)}
        order.sort(key=lambda iid: rank.get(iid, len(rank)))
    out: list[InstrumentSummary] = []
    for iid in order:
        reqs = [r for r in result.requirements if r.instrument == iid]
        if not reqs:
            continue
        reqs.sort(key=lambda r: strength_rank(r.strength))
        strengths = sorted({r.strength for r in reqs}, key=strength_rank)
        rows = [
            StrengthRow(s, tally([r.status for r in reqs if r.strength == s])) for s in strengths
        ]
        out.append(InstrumentSummary(iid, instrument_name(model, iid), rows, reqs))
    return out


def headline(result: GapResult) -> str:
    """One sentence a minister reads first."""
    reqs = result.requirements
    c = tally([r.status for r in reqs])
    mand = [r for r in reqs if r.strength == "mandatory"]
    mc = tally([r.status for r in mand])
    text = (
        f"Of {len(reqs)} requirements assessed, {c['met']} are met, {c['partial']} partly met "
        f"and {c['unmet']} unmet."
    )
    if mand:
        text += (
            f" Of the {len(mand)} mandatory requirements, {mc['met']} are met, "
            f"{mc['partial']} partly met and {mc['unmet']} unmet."
        )
    return text
