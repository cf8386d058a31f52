"""What the comparator finds: plain data, read by reports and by `eval`."""

from __future__ import annotations

from dataclasses import dataclass, field

STATUSES = ("met", "partial", "unmet")


@dataclass
class Evidence:
    unit: str  # the label a lawyer cites: "3(1)(a)", "Art. 5", "1589(a)"
    quote: str  # exactly Statute.text[start:end]
    start: int
    end: int
    element: str | None = None  # element id ("provision/name") this quote supports

    def to_json(self) -> dict:
        return {"unit": self.unit, "quote": self.quote, "start": self.start, "end": self.end}


@dataclass
class ElementResult:
    element: str  # "provision/name"
    name: str
    kind: str  # all | any | clause | absence | number
    required: bool
    status: str
    found: list[str] = field(default_factory=list)  # concepts found, in the drafter's words
    missing: list[str] = field(default_factory=list)  # what is missing, in a lawyer's words
    evidence: list[Evidence] = field(default_factory=list)
    note: str | None = None
    key: bool = False  # a key element unmet keeps the whole verdict unmet
    gate: bool = False  # a key that is only a precondition: met alone, it earns nothing
    scores: list[float] = field(default_factory=list)  # match strength of each concept found
    label: str = ""  # how reports name the element (the drafter's label, else its name)
    discretion_only: bool = False  # partial only because the statute grants a power

    @property
    def title(self) -> str:
        return self.label or self.name.replace("_", " ")


@dataclass
class Override:
    """A reviewer's decision, read from the review file next to the statute."""

    status: str
    decision: str = "change"  # confirm | reject | change
    comment: str = ""
    reviewer: str | None = None
    date: str | None = None
    original_status: str = ""
    stale: bool = False  # the cited text changed since the reviewer wrote this


@dataclass
class Finding:
    id: str
    status: str
    score: float
    confidence: float
    needs_review: bool = False
    missing: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    elements: list[ElementResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    override: Override | None = None


@dataclass
class ProvisionFinding(Finding):
    title: str = ""
    part: str | None = None


@dataclass
class RequirementFinding(Finding):
    title: str = ""
    instrument: str = ""
    strength: str = ""
    verify: str = ""
    provisions: list[str] = field(default_factory=list)
    evidence_hash: str = ""  # sha256 of the cited text, for review-file staleness


@dataclass
class StatuteInfo:
    path: str
    title: str | None
    country: str | None
    year: str | None
    units: int


@dataclass
class GapResult:
    statute: StatuteInfo
    model_title: str
    model_version: str | None
    tool_version: str
    analysed_on: str  # ISO date
    instruments: list[str]
    provisions: list[ProvisionFinding]
    requirements: list[RequirementFinding]
    warnings: list[str] = field(default_factory=list)
    review_file: str | None = None

    def requirement(self, rid: str) -> RequirementFinding | None:
        return next((r for r in self.requirements if r.id == rid), None)

    def provision(self, pid: str) -> ProvisionFinding | None:
        return next((p for p in self.provisions if p.id == pid), None)
