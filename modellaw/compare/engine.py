"""analyse(): one statute against the whole model law and the standards."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from modellaw import __version__
from modellaw.compare.candidates import rank_sections
from modellaw.compare.context import StatuteView
from modellaw.compare.elements import check_concepts, check_number
from modellaw.compare.findings import (
    ElementResult,
    GapResult,
    ProvisionFinding,
    RequirementFinding,
    StatuteInfo,
)
from modellaw.compare.review import apply_review, load_review, review_path_for
from modellaw.compare.verdicts import (
    REVIEW_BELOW,
    confidence_of,
    evidence_hash,
    evidence_of,
    missing_of,
    score_of,
    status_of,
)
from modellaw.dsl.model import Element, ModelLaw, Provision
from modellaw.statutes.model import Statute, Unit


def _dedupe(units: list[Unit]) -> list[Unit]:
    seen: set[int] = set()
    out = []
    for u in units:
        if id(u) not in seen:
            seen.add(id(u))
            out.append(u)
    return out


def _check_provision(view: StatuteView, p: Provision, model: ModelLaw,
                     anchors: dict[str, list[Unit]]) -> list[tuple[Element, ElementResult]]:
    """Check every element of one provision. `anchors` holds, per provision already
    checked, the sections where its rule is stated (key matches first, then candidates);
    this provision's entry is added."""
    candidates = [u for u, _ in rank_sections(view, p)]
    preferred = {id(u) for u in candidates[:3]}
    results: dict[int, ElementResult] = {}
    key_sections: list[Unit] = []
    for i, el in enumerate(p.elements):
        if el.kind != "number":
            r = check_concepts(view, el, preferred, [id(u) for u in candidates[:3]])
            r.key, r.label = el.key, el.label
            results[i] = r
            if el.key:
                for ev in r.evidence[:len(r.found)]:  # each concept's best place
                    sec = view.section_at(ev.start)
                    if sec is not None:
                        key_sections.append(sec)
    # Numbers are read where the rule is stated: the key elements' sections, else the
    # candidates; `in PROVISION` points at another provision's rule (a penalty belongs
    # to the offence it punishes, not to whatever section mentions imprisonment).
    own = _dedupe(key_sections + candidates)
    anchors[p.id] = own
    for i, el in enumerate(p.elements):
        if el.kind == "number":
            scope = own
            if el.within:
                other = anchors.get(el.within)
                if other is None:
                    target = model.provision(el.within)
                    other = [u for u, _ in rank_sections(view, target)] if target else []
                scope = _dedupe(other[:3] + own)
            r = check_number(view, el, scope)
            r.key, r.label = el.key, el.label
            results[i] = r
    return [(el, results[i]) for i, el in enumerate(p.elements)]


def _serves(model: ModelLaw, el: Element, rid: str) -> bool:
    if not el.requirements:
        return True
    return any(model.resolve(r) == rid for r in el.requirements)


def analyse(model: ModelLaw, statute: Statute, *, instruments: list[str] | None = None,
            review_path: Path | None = None, view: StatuteView | None = None,
            today: str | None = None, spacy_model: str | None = None) -> GapResult:
    if view is None:
        index = None
        if spacy_model:
            from modellaw.nlp.pipeline import get_nlp
            from modellaw.nlp.terms import TermIndex

            index = TermIndex(statute.text, get_nlp(model=spacy_model))
        view = StatuteView.build(statute, index)
    by_provision: dict[str, list[tuple[Element, ElementResult]]] = {}
    provisions: list[ProvisionFinding] = []
    anchors: dict[str, list[Unit]] = {}
    for p in model.ordered_provisions():
        results = _check_provision(view, p, model, anchors)
        by_provision[p.id] = results
        ers = [r for _, r in results]
        conf = confidence_of(ers)
        provisions.append(ProvisionFinding(
            id=p.id, title=p.title, part=p.part, status=status_of(ers), score=score_of(ers),
            confidence=conf, needs_review=conf < REVIEW_BELOW, missing=missing_of(ers),
            evidence=evidence_of(ers), elements=ers))

    implementers = model.implementers()
    wanted = set(instruments or [])
    requirements: list[RequirementFinding] = []
    for r in model.catalog_requirements():
        if wanted and r.instrument not in wanted:
            continue
        provs = implementers.get(r.id, [])
        ers = [er for p in provs for el, er in by_provision[p.id] if _serves(model, el, r.id)]
        finding = RequirementFinding(
            id=r.id, title=r.title, instrument=r.instrument, strength=r.strength,
            verify=r.verify, provisions=[p.id for p in provs], status="unmet", score=0.0,
            confidence=0.5)
        if not ers:
            waiver = model.waivers.get(r.id)
            finding.needs_review = True
            finding.missing = ["not assessed: the model law has no element for this requirement"]
            finding.notes.append(f"waived in the model law: {waiver.reason}" if waiver else
                                 "no model provision implements this requirement")
        else:
            conf = confidence_of(ers)
            finding.status = status_of(ers)
            finding.score = score_of(ers)
            finding.confidence = conf
            finding.needs_review = conf < REVIEW_BELOW
            finding.missing = missing_of(ers)
            finding.evidence = evidence_of(ers)
            finding.elements = ers
        if finding.status != "unmet" and not finding.evidence:
            # Absence-only elements: nothing to quote, so say why it is met.
            finding.notes.append("met because no contrary wording was found")
        finding.evidence_hash = evidence_hash(finding.evidence)
        requirements.append(finding)

    rpath = review_path if review_path is not None else review_path_for(statute.path)
    entries = load_review(rpath)
    apply_review(requirements, entries)

    meta = statute.meta
    return GapResult(
        statute=StatuteInfo(statute.path, meta.title, meta.country, meta.year,
                            sum(1 for _ in statute.walk())),
        model_title=model.title, model_version=model.version, tool_version=__version__,
        analysed_on=today or date.today().isoformat(),
        instruments=sorted({r.instrument for r in requirements}),
        provisions=provisions, requirements=requirements, warnings=list(statute.warnings),
        review_file=str(rpath) if entries else None)
