"""Hand-built GapResults on real statute files, until the comparator produces them.

Quotes are located in the statute's normalised text, so offsets and quotes are real.
"""

from __future__ import annotations

from pathlib import Path

from modellaw.compare.findings import (
    ElementResult,
    Evidence,
    GapResult,
    Override,
    ProvisionFinding,
    RequirementFinding,
    StatuteInfo,
)
from modellaw.dsl.loader import load_model
from modellaw.dsl.model import ModelLaw
from modellaw.statutes import Statute, read_statute

REPO = Path(__file__).resolve().parents[2]
KESTREL = REPO / "national_laws" / "kestrel-tip-act-2019.txt"
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile-act.txt"
SCRIPT = "<script>window.__pwned=1</script>"
ONERROR = '<img src=x onerror="window.__pwned=1">'


def real_model() -> ModelLaw:
    return load_model([str(REPO / "provisions")]).model


def quote(statute: Statute, unit: str, phrase: str, element: str | None = None) -> Evidence:
    """Evidence for `phrase` as it stands in the statute text (within `unit` when it exists)."""
    u = statute.find(unit)
    lo, hi = (u.start, u.end) if u is not None else (0, len(statute.text))
    start = statute.text.find(phrase, lo, hi)
    assert start >= 0, f"{phrase!r} not in {unit} of {statute.path}"
    end = start + len(phrase)
    return Evidence(unit=unit, quote=statute.text[start:end], start=start, end=end,
                    element=element)


def _info(statute: Statute) -> StatuteInfo:
    return StatuteInfo(path=statute.path, title=statute.meta.title, country=statute.meta.country,
                       year=statute.meta.year, units=sum(1 for _ in statute.walk()))


def _requirement(model: ModelLaw, rid: str, status: str, provisions: list[str],
                 evidence: list[Evidence], missing: list[str] | None = None,
                 **kw) -> RequirementFinding:
    req = model.requirements[rid]
    return RequirementFinding(
        id=rid, status=status, score={"met": 1.0, "partial": 0.5}.get(status, 0.0),
        confidence=kw.pop("confidence", 0.9), missing=missing or [], evidence=evidence,
        title=req.title, instrument=req.instrument, strength=req.strength, verify=req.verify,
        provisions=provisions, **kw)


def kestrel_result(model: ModelLaw, statute: Statute | None = None) -> GapResult:
    s = statute or read_statute(KESTREL)
    child = quote(s, "2(1)", '"child" means a person under the age of 18 years',
                  "definitions.child/child_age")
    vuln = quote(s, "2(1)", "no real or acceptable alternative but to submit",
                 "definitions.terms/vulnerability_open")
    borders = quote(s, "3(4)(b)", "whether the conduct takes place within the Kestrel Islands "
                    "or across its borders", "general.scope/domestic_covered")
    purpose = quote(s, "Long title", "to prevent and combat trafficking in persons")
    provisions = [
        ProvisionFinding(
            id="general.purpose", status="met", score=0.9, confidence=0.85, evidence=[purpose],
            title="Purpose", part="general"),
        ProvisionFinding(
            id="general.scope", status="partial", score=0.6, confidence=0.7, evidence=[borders],
            missing=["protection irrespective of nationality is not stated"],
            elements=[
                ElementResult("general.scope/domestic_covered", "domestic_covered", "clause",
                              True, "met", found=["within or across borders"],
                              evidence=[borders]),
                ElementResult("general.scope/border_element", "border_element", "absence", True,
                              "met"),
            ],
            title="Scope", part="general"),
        ProvisionFinding(
            id="general.principles", status="partial", score=0.2, confidence=0.6,
            missing=["no saving clause for refugee rights and non-refoulement"],
            override=Override(status="partial", comment="Section 2(2) does not cover refugees.",
                              reviewer="A. Adviser", date="2024-05-01", original_status="unmet"),
            title="Saving clause and principles", part="general"),
        ProvisionFinding(
            id="definitions.terms", status="partial", score=0.55, confidence=0.4,
            needs_review=True, evidence=[vuln],
            missing=["no definition of a fraudulent travel or identity document"],
            title="Definitions", part="general"),
        ProvisionFinding(
            id="definitions.child", status="met", score=1.0, confidence=0.95, evidence=[child],
            elements=[ElementResult("definitions.child/child_age", "child_age", "number", True,
                                    "met", found=["18 years"], evidence=[child])],
            title="Child", part="general"),
    ]
    requirements = [
        _requirement(model, "tip.2", "met", ["general.purpose"], [purpose]),
        _requirement(model, "tip.4", "partial", ["general.scope"], [borders],
                     ["protection irrespective of nationality is not stated"]),
        _requirement(model, "tip.14", "partial", ["general.principles"], [],
                     ["no saving clause for refugee rights and non-refoulement"],
                     override=Override(status="partial", decision="change",
                                       comment="Section 2(2) reaches part of this.",
                                       reviewer="A. Adviser", date="2024-05-01",
                                       original_status="unmet")),
        _requirement(model, "tip.3.d", "met", ["definitions.child"], [child]),
        _requirement(model, "eu2011.2.2", "partial", ["definitions.terms"], [vuln],
                     ["the list of vulnerable situations is not open"], needs_review=True),
        _requirement(model, "som.3.c", "unmet", ["definitions.terms"], [],
                     ["no definition of a fraudulent travel or identity document"]),
        _requirement(model, "bali.tip.1", "met", [], []),
        _requirement(model, "coe.4.d", "met", ["definitions.child"], [child]),
    ]
    return GapResult(
        statute=_info(s), model_title=model.title, model_version=model.version,
        tool_version="0.1.0", analysed_on="2024-06-01",
        instruments=["tip", "som", "coe", "eu2011", "bali"],
        provisions=provisions, requirements=requirements,
        warnings=["the long title is not a numbered unit"])


def hostile_result(model: ModelLaw, statute: Statute | None = None) -> GapResult:
    """A statute whose text, title and reviewer comment all try to inject markup."""
    s = statute or read_statute(HOSTILE)
    ev1 = quote(s, "1(1)", f"recruits {SCRIPT} another person")
    ev2 = quote(s, "1(2)", "under the age of 18 years " + ONERROR
                + " and [click me](javascript:window.__pwned=1) *emphasis* | pipe")
    provisions = [
        ProvisionFinding(
            id="definitions.child", status="partial", score=0.5, confidence=0.5, evidence=[ev2],
            missing=[f"text with {SCRIPT} in it"],
            override=Override(status="met", comment=f"Looks fine {ONERROR}", reviewer=SCRIPT,
                              original_status="partial", stale=True),
            title="Child", part="general"),
        ProvisionFinding(
            id="general.scope", status="unmet", score=0.0, confidence=0.8, evidence=[ev1],
            missing=["nothing on borders"], title="Scope", part="general"),
    ]
    requirements = [
        _requirement(model, "tip.3.d", "partial", ["definitions.child"], [ev2], [ONERROR]),
        _requirement(model, "tip.4", "unmet", ["general.scope"], [ev1], [SCRIPT]),
    ]
    return GapResult(
        statute=_info(s), model_title=model.title, model_version=model.version,
        tool_version="0.1.0", analysed_on="2024-06-01", instruments=["tip"],
        provisions=provisions, requirements=requirements, warnings=[f"warning {SCRIPT}"])
