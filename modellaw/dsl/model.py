"""The typed model a DSL file parses into: plain dataclasses, no behaviour beyond lookups."""

from __future__ import annotations

from dataclasses import dataclass, field

from modellaw.diagnostics import Span

STRENGTHS = ("mandatory", "qualified", "consider", "endeavour", "recommended")
VERIFY = ("verified", "secondary", "unverified", "project")
# What each verify token means in reports.
VERIFY_LABEL = {
    "verified": "verified",
    "secondary": "verified (secondary)",
    "unverified": "unverified",
    "project": "project source",
}
QUANTITIES = {
    # quantity -> units it may be written in
    "max_penalty": ("years", "months"),
    "aggravated_penalty": ("years", "months"),
    "min_penalty": ("years", "months"),
    "child_age": ("years",),
    "duration": ("days", "months", "years"),
    "fine": ("currency",),
}
OPS = (">=", "<=", "==", "!=", ">", "<")


@dataclass
class Concept:
    """One idea a statute must express, with the ways drafters write it."""

    name: str
    variants: list[str] = field(default_factory=list)
    span: Span | None = None
    partly: bool = False  # on its own it only partly meets the element

    @property
    def phrases(self) -> list[str]:
        return [self.name, *self.variants]


@dataclass
class Element:
    """Something checkable in statute text.

    kind: all | any | clause | absence | number.
    `required` is False for `recommends` lines (good practice: reported, never blocks met).
    `requirements` are the requirement ids this element serves (`for ...`); empty means
    every requirement the provision implements.
    """

    provision: str
    name: str
    kind: str
    required: bool = True
    concepts: list[Concept] = field(default_factory=list)
    full: str | None = None  # for `any`: all | most
    key: bool = False  # while a key element is unmet, the verdict is unmet
    gate: bool = False  # a key that is only a precondition: met alone, it earns nothing
    title: str | None = None  # the drafter's name for it in reports, if given
    within: str | None = None  # provision whose sections hold the number (`in ...`)
    quantity: str | None = None
    op: str | None = None
    value: float | None = None
    unit: str | None = None
    requirements: list[str] = field(default_factory=list)
    span: Span | None = None

    @property
    def id(self) -> str:
        return f"{self.provision}/{self.name}"

    @property
    def label(self) -> str:
        return self.title or self.name.replace("_", " ")


@dataclass
class Instrument:
    id: str
    name: str
    short: str | None = None
    kind: str | None = None
    year: int | None = None
    span: Span | None = None


@dataclass
class Requirement:
    id: str
    title: str
    instrument: str
    article: str | None = None
    strength: str = "mandatory"
    verify: str = "unverified"
    aliases: list[str] = field(default_factory=list)
    overlaps: list[str] = field(default_factory=list)
    summary: str | None = None
    reference: bool = False  # reference ids (ohchr.*) are not catalog rows
    span: Span | None = None

    @property
    def verify_label(self) -> str:
        return VERIFY_LABEL.get(self.verify, self.verify)


@dataclass
class Part:
    id: str
    title: str
    summary: str | None = None
    span: Span | None = None


@dataclass
class Provision:
    id: str
    title: str
    part: str | None = None
    implements: list[str] = field(default_factory=list)
    see: list[str] = field(default_factory=list)
    text: str = ""
    alternatives: dict[str, str] = field(default_factory=dict)
    commentary: str | None = None
    sources: list[str] = field(default_factory=list)
    optional: bool = False
    elements: list[Element] = field(default_factory=list)
    # (provision id, element name): an element of another provision that bounds this
    # one's verdicts, e.g. victims' rights reach only as far as the offence's scope
    limits: list[tuple[str, str]] = field(default_factory=list)
    span: Span | None = None
    # where each implements/see id was written, for pointed diagnostics
    ref_spans: dict[str, Span] = field(default_factory=dict)


@dataclass
class Waiver:
    requirement: str
    reason: str
    span: Span | None = None


@dataclass
class ModelLaw:
    title: str = "Model law"
    version: str | None = None
    summary: str | None = None
    instruments: dict[str, Instrument] = field(default_factory=dict)
    requirements: dict[str, Requirement] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)
    parts: list[Part] = field(default_factory=list)
    provisions: list[Provision] = field(default_factory=list)
    waivers: dict[str, Waiver] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

    def resolve(self, req_id: str) -> str | None:
        """A requirement id or alias -> the row id, or None when unknown."""
        if req_id in self.requirements:
            return req_id
        return self.aliases.get(req_id)

    def provision(self, pid: str) -> Provision | None:
        for p in self.provisions:
            if p.id == pid:
                return p
        return None

    def ordered_provisions(self) -> list[Provision]:
        """Provisions in document order: by part order, then as declared."""
        order = {p.id: i for i, p in enumerate(self.parts)}
        return sorted(
            self.provisions,
            key=lambda p: order.get(p.part or "", len(order)),
        )

    def numbering(self) -> dict[str, int]:
        """Printed section numbers, computed so inserting a provision renumbers cleanly."""
        return {p.id: i for i, p in enumerate(self.ordered_provisions(), start=1)}

    def implementers(self) -> dict[str, list[Provision]]:
        """Requirement row id -> provisions that implement it (aliases resolved)."""
        out: dict[str, list[Provision]] = {rid: [] for rid in self.requirements}
        for p in self.provisions:
            for rid in p.implements:
                row = self.resolve(rid)
                if row is not None and p not in out[row]:
                    out[row].append(p)
        return out

    def catalog_requirements(self) -> list[Requirement]:
        return [r for r in self.requirements.values() if not r.reference]
