"""analyse(): one statute against the whole model law and the standards."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from modellaw import __version__
from modellaw.compare.candidates import rank_sections
from modellaw.compare.carriers import carrier_evidence, coverage, merge
from modellaw.compare.context import StatuteView
from modellaw.compare.elements import (
    DISCRETION_NOTE,
    check_concepts,
    check_number,
    custodial_penalties,
)
from modellaw.compare.findings import (
    ElementResult,
    Evidence,
    GapResult,
    ProvisionFinding,
    RequirementFinding,
    StatuteInfo,
)
from modellaw.compare.review import apply_review, load_review, review_path_for
from modellaw.compare.verdicts import (
    MAX_EVIDENCE,
    REVIEW_BELOW,
    confidence_of,
    evidence_hash,
    evidence_of,
    missing_of,
    score_of,
    status_of,
)
from modellaw.dsl.model import Element, ModelLaw, Provision
from modellaw.statutes.model import Statute, Unit, heading_ends
from modellaw.util.order import unique

# Offence units cited for an element found absent from them (see _Checked.stated).
MAX_STATED = 4
# Requirement strengths a power ("may") fully meets; against a duty it is partial.
POWERS_SUFFICE = frozenset({"consider", "endeavour", "recommended"})


@dataclass
class _Checked:
    """What the provisions checked so far leave for those checked after them, by id."""

    pairs: dict[str, list[tuple[Element, ElementResult]]] = field(default_factory=dict)
    # the sections where the rule is stated (key matches first, then candidates), each
    # followed by the units that punish it: numbers `in` the provision are read there
    anchors: dict[str, list[Unit]] = field(default_factory=dict)
    keyed: dict[str, list[Unit]] = field(default_factory=dict)  # sections of key matches
    key_places: dict[str, list[Evidence]] = field(default_factory=dict)
    _stated: dict[str, list[Evidence]] = field(default_factory=dict)
    _defining: dict[str, list[Evidence]] = field(default_factory=dict)  # see absent_from
    _rule_place: dict[str, Evidence | None] = field(default_factory=dict)  # best carrier

    def stated(self, view: StatuteView, pid: str) -> list[Evidence]:
        """The offences that state a checked provision's rule: the units holding most of
        its concepts, then where its key elements were found (worked out when first
        asked: few elements need it)."""
        got = self._stated.get(pid)
        if got is None:
            cov = coverage(view, self.pairs.get(pid, []))
            carriers = carrier_evidence(view, cov, MAX_STATED)
            # A definition that holds the rule is stated by the offences that use its term
            # ("Whoever commits an act of trafficking in persons shall be punished ...").
            cited = {ev.unit for ev in carriers}
            defined = {t for uid, unit in cov.units.items() if unit.label in cited
                       for m, _el, _c in cov.found_in[uid] for t in view.terms_defined_at(m.start)}
            users = [_cited_at(view, u, pid) for u in sorted(view.offences_using(defined),
                                                              key=lambda u: u.start)]
            offences = [ev for ev in [*users, *carriers, *self.key_places.get(pid, [])]
                        if _creates_offence(view, ev)]
            got = self._stated[pid] = unique(offences, key=lambda ev: ev.unit)[:MAX_STATED]
            self._defining[pid] = [ev for ev in carriers
                                   if users and not _creates_offence(view, ev)][:1]
            self._rule_place[pid] = carriers[0] if carriers else None
        return got

    def states_offence(self, view: StatuteView, pid: str) -> bool:
        """Whether the unit holding most of a provision's concepts creates an offence or
        defines a term (the rule is an offence, stated whole or through its definition)."""
        self.stated(view, pid)
        best = self._rule_place[pid]
        unit = view.statute.find(best.unit) if best else None
        return unit is not None and (view.creates_offence(unit) or any(
            unit.start <= d.start < unit.end for d in view.statute.definitions.values()))

    def absent_from(self, view: StatuteView, pid: str, n: int = MAX_STATED) -> list[Evidence]:
        """Where wording absent from a checked provision's rule would have to be: the
        definition that holds the rule, if it is stated through one, then up to n offences
        that state it."""
        stated = self.stated(view, pid)
        return unique([*self._defining.get(pid, []), *stated[:n]], key=lambda ev: ev.unit)


def _cited_at(view: StatuteView, unit: Unit, element: str) -> Evidence:
    """A unit cited at its opening sentence."""
    quote, s, e = view.quote(unit.start, unit.start + 1)
    return Evidence(unit.label, quote, s, e, element)


def _check_provision(view: StatuteView, p: Provision, model: ModelLaw,
                     checked: _Checked) -> list[tuple[Element, ElementResult]]:
    """Check every element of one provision; record what later provisions need."""
    candidates = [u for u, _ in rank_sections(view, p)]
    results: dict[int, ElementResult] = {}
    key_sections: list[Unit] = []
    key_places: list[Evidence] = []
    # Key elements first: an element `in` this provision is looked for where they are.
    # A non-key element `in` this provision comes last: it is looked for in the offences
    # that state the rule, once the other elements have shown where they are.
    order = sorted(range(len(p.elements)),
                   key=lambda i: (not p.elements[i].key, p.elements[i].within == p.id))
    for i in order:
        el = p.elements[i]
        if el.kind != "number":
            where = None
            if el.within == p.id:
                rule = key_sections or candidates[:3]
                if not el.key:
                    so_far = [(p.elements[j], results[j]) for j in results]
                    rule = _offence_sections(view, so_far) or rule
                where = {id(u) for u in rule}
            elif el.within:
                rule = checked.keyed.get(el.within) or _ranked(view, model, el.within)[:3]
                where = {id(u) for u in rule}
            r = check_concepts(view, el, [id(u) for u in candidates[:3]], where)
            r.key, r.gate, r.label = el.key, el.gate, el.label
            if (el.kind == "absence" and r.status == "met" and el.within
                    and el.within in checked.pairs):
                # Wording absent from a rule is shown by the rule itself: "the offence in
                # s.14(1) has no border element" cites s.14(1), after the definition in s.2
                # it uses, where such an element would otherwise sit.
                r.evidence = [replace(ev, element=el.id)
                              for ev in checked.absent_from(view, el.within)]
            results[i] = r
            if el.key:
                for ev in r.evidence[:len(r.found)]:  # each concept's best place
                    key_places.append(ev)
                    sec = view.section_at(ev.start)
                    if sec is not None:
                        key_sections.append(sec)
    checked.keyed[p.id] = unique(key_sections)
    checked.key_places[p.id] = key_places
    # Numbers are read where the rule is stated: the key elements' sections, else the
    # candidates; `in PROVISION` points at another provision's rule (a penalty belongs
    # to the offence it punishes, not to whatever section mentions imprisonment).
    # A penalty stated apart from its offence ("guilty of an offence under section 3") is
    # read right after the offence's own section.
    own = unique(_with_penalties(view, key_sections) + _with_penalties(view, candidates))
    checked.anchors[p.id] = own
    for i, el in enumerate(p.elements):
        if el.kind == "number":
            scope = own
            if el.within:
                other = checked.anchors.get(el.within) or _ranked(view, model, el.within)
                stated = [u for ev in checked.stated(view, el.within)
                          if (u := view.section_at(ev.start)) is not None]
                scope = unique(_with_penalties(view, stated[:1]) + other[:3] + own)
            r = check_number(view, el, scope)
            r.key, r.gate, r.label = el.key, el.gate, el.label
            if el.within and r.status != "unmet" and el.quantity in PENALTY_QUANTITIES:
                r.evidence = unique([*r.evidence, *_stated_penalties(view, checked, el)],
                                    key=lambda ev: ev.unit)
            results[i] = r
    pairs = [(el, results[i]) for i, el in enumerate(p.elements)]
    checked.pairs[p.id] = pairs
    absent = [r for el, r in pairs if el.kind == "absence" and r.status == "met" and not el.within]
    if absent and checked.states_offence(view, p.id):
        # Wording absent from the provision's own rule is shown where it is stated, as for
        # one looked for `in` another rule; the first offence is enough.
        for r in absent:
            r.evidence = [replace(ev, element=r.element)
                          for ev in checked.absent_from(view, p.id, 1)]
    return pairs


PENALTY_QUANTITIES = frozenset({"max_penalty", "aggravated_penalty"})


def _stated_penalties(view: StatuteView, checked: _Checked, el: Element) -> list[Evidence]:
    """The penalty clause of each offence that states the rule el is `in`."""
    out = []
    for ev in checked.stated(view, el.within or ""):
        unit = view.statute.find(ev.unit)
        if unit is None:
            continue
        for u in [unit, *view.punishing(view.section_at(unit.start) or unit)]:
            found = custodial_penalties(view, u.start, u.end)
            if found:
                p = next((p for p in found if not p.summary), found[0])
                quote, s, e = view.quote(u.start + p.start, u.start + p.end)
                out.append(Evidence(view.label_at(u.start + p.start), quote, s, e, el.id))
                break
    return out


def _offence_sections(view: StatuteView,
                      pairs: list[tuple[Element, ElementResult]]) -> list[Unit]:
    """The sections of the offences that hold most of the rule's found concepts."""
    carriers = carrier_evidence(view, coverage(view, pairs), MAX_STATED)
    return unique(u for ev in carriers if _creates_offence(view, ev)
                  and (u := view.section_at(ev.start)) is not None)


def _creates_offence(view: StatuteView, ev: Evidence) -> bool:
    unit = view.statute.find(ev.unit)
    return unit is not None and view.creates_offence(unit)


def _rules_first(model: ModelLaw, provisions: list[Provision]) -> list[Provision]:
    """Provisions in an order that checks a rule before the elements looked for `in` it,
    so they are looked for where its key elements were found; otherwise in document
    order (a cycle falls back to the rule's ranked sections)."""
    out: list[Provision] = []
    placed: set[str] = set()
    visiting: set[str] = set()

    def place(p: Provision) -> None:
        if p.id in placed or p.id in visiting:
            return
        visiting.add(p.id)
        for el in p.elements:
            target = model.provision(el.within) if el.within and el.within != p.id else None
            if target is not None:
                place(target)
        visiting.discard(p.id)
        placed.add(p.id)
        out.append(p)

    for p in provisions:
        place(p)
    return out


def _with_penalties(view: StatuteView, sections: list[Unit]) -> list[Unit]:
    """Each section followed by the units that punish its offence elsewhere."""
    return [u for sec in sections for u in [sec, *view.punishing(sec)]]


def _ranked(view: StatuteView, model: ModelLaw, pid: str) -> list[Unit]:
    """The best-ranked sections of a provision not checked yet."""
    target = model.provision(pid)
    return [u for u, _ in rank_sections(view, target)] if target else []


def _serves(model: ModelLaw, el: Element, rid: str) -> bool:
    if not el.requirements:
        return True
    return any(model.resolve(r) == rid for r in el.requirements)


def _limits(model: ModelLaw, p: Provision,
            by_provision: dict[str, list[tuple[Element, ElementResult]]],
            instrument: str | None) -> list[tuple[Element, ElementResult]]:
    """The results of the elements named in `p`'s `limited-by`. For one requirement, a
    limit counts only under the instruments its element serves: a statute limited to women
    and children is judged on that limit against the Protocol, not against SAARC."""
    out = []
    for pid, name in p.limits:
        for el, er in by_provision.get(pid, []):
            if el.name != name:
                continue
            if instrument is not None:
                rows = el.requirements or (model.provision(pid) or p).implements
                served = {model.requirements[r].instrument for r in map(model.resolve, rows)
                          if r in model.requirements}
                if instrument not in served:
                    continue
            out.append((el, er))
    return out


def _with_scope(view: StatuteView, status: str, evidence: list[Evidence], missing: list[str],
                limits: list[ElementResult], provs: list[Provision],
                by_provision: dict[str, list[tuple[Element, ElementResult]]]
                ) -> tuple[list[Evidence], list[str]]:
    """A verdict a limit holds down also cites the definition that sets the narrow scope,
    where one states the limiting rule: "victims of trafficking" defined as women and
    children trafficked for prostitution is why shelter for victims is only partial. What
    is missing says so."""
    if status != "partial" or all(er.status == "met" for er in limits):
        return evidence, missing
    defs = []
    for pid in unique(pid for p in provs for pid, _name in p.limits):
        carriers = carrier_evidence(view, coverage(view, by_provision.get(pid, [])), MAX_STATED)
        defs.extend([ev for ev in carriers if _defines(view, ev.unit)][:1])
    if not defs:
        return evidence, missing
    where = ", ".join(unique(ev.unit for ev in defs))
    short = set(missing_of([er for er in limits if er.status != "met"]))
    missing = [f"{m} (the definition in {where} sets this scope)" if m in short else m
               for m in missing]
    return unique([*evidence, *defs], key=lambda ev: ev.unit)[:MAX_EVIDENCE], missing


def _defines(view: StatuteView, label: str) -> bool:
    """Whether the unit holds a definition."""
    unit = view.statute.find(label)
    return unit is not None and any(unit.start <= d.start < unit.end
                                    for d in view.statute.definitions.values())


def _power_suffices(er: ElementResult) -> ElementResult:
    """Catalog hard case 15: a power ("may provide") fully meets a row that only asks a
    State to consider or endeavour, or only recommends."""
    if not er.discretion_only:
        return er
    return replace(er, status="met", missing=[],
                   note="; ".join(m for m in er.missing if DISCRETION_NOTE in m))


def _capped(status: str, missing: list[str],
            limits: list[ElementResult]) -> tuple[str, list[str]]:
    """A limit only ever lowers a verdict: met becomes partial while a limit is unmet."""
    short = [er for er in limits if er.status != "met"]
    if status != "met" or not short:
        return status, missing
    return "partial", missing + [m for m in missing_of(short) if m not in missing]


def _evidence(view: StatuteView, pairs: list[tuple[Element, ElementResult]]) -> list[Evidence]:
    """The units that state the rule, then each element's own places."""
    out = merge(view, carrier_evidence(view, coverage(view, pairs), MAX_EVIDENCE),
                evidence_of([er for _, er in pairs]), MAX_EVIDENCE)
    return (out + _referring_parts(view, out))[:MAX_EVIDENCE]


def _referring_parts(view: StatuteView, cited: list[Evidence]) -> list[Evidence]:
    """Parts of a cited unit's section that open by naming it: "(2) Subsection (1) shall
    apply to the carrier's agents" extends the rule in (1), so it is cited with it."""
    labels = {ev.unit for ev in cited}
    out = []
    for ev in cited:
        where = view.part_at(ev.start)
        if where is None:
            continue
        sec, _part, marker = where
        for c in view.part_references(sec).extended_by.get(marker, []):
            if c.label not in labels:
                labels.add(c.label)
                out.append(_cited_at(view, c, ev.element))
    return out


def analyse(model: ModelLaw, statute: Statute, *, instruments: list[str] | None = None,
            review_path: Path | None = None, view: StatuteView | None = None,
            today: str | None = None, spacy_model: str | None = None) -> GapResult:
    if view is None:
        index = None
        if spacy_model:
            from modellaw.nlp.pipeline import get_nlp
            from modellaw.nlp.terms import TermIndex

            index = TermIndex(statute.text, get_nlp(model=spacy_model),
                              breaks=heading_ends(statute))
        view = StatuteView.build(statute, index)
    provisions: list[ProvisionFinding] = []
    checked = _Checked()
    ordered = model.ordered_provisions()
    for p in _rules_first(model, ordered):
        _check_provision(view, p, model, checked)
    by_provision = checked.pairs
    for p in ordered:
        results = by_provision[p.id]
        limits = [er for _, er in _limits(model, p, by_provision, None)]
        ers = [r for _, r in results]
        conf = confidence_of(ers)
        status, missing = _capped(status_of(ers), missing_of(ers), limits)
        evidence, missing = _with_scope(view, status, _evidence(view, results), missing,
                                        limits, [p], by_provision)
        provisions.append(ProvisionFinding(
            id=p.id, title=p.title, part=p.part, status=status, score=score_of(ers),
            confidence=conf, needs_review=conf < REVIEW_BELOW, missing=missing,
            evidence=evidence, elements=ers + limits))

    implementers = model.implementers()
    wanted = set(instruments or [])
    requirements: list[RequirementFinding] = []
    for r in model.catalog_requirements():
        if wanted and r.instrument not in wanted:
            continue
        provs = implementers.get(r.id, [])
        pairs = [(el, er) for p in provs for el, er in by_provision[p.id]
                 if _serves(model, el, r.id)]
        limits = list({id(er): er for p in provs
                       for _, er in _limits(model, p, by_provision, r.instrument)}.values())
        if r.strength in POWERS_SUFFICE:
            pairs = [(el, _power_suffices(er)) for el, er in pairs]
        ers = [er for _, er in pairs]
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
            finding.status, capped_missing = _capped(status_of(ers), missing_of(ers), limits)
            finding.score = score_of(ers)
            finding.confidence = conf
            finding.needs_review = conf < REVIEW_BELOW
            finding.missing = capped_missing
            finding.evidence, finding.missing = _with_scope(
                view, finding.status, _evidence(view, pairs), finding.missing, limits, provs,
                by_provision)
            finding.elements = ers + limits
        if finding.status != "unmet" and not finding.evidence:
            # Absence-only elements: nothing to quote, so say why it is met.
            finding.notes.append("met because no contrary wording was found")
        finding.evidence_hash = evidence_hash(finding.evidence)
        requirements.append(finding)

    rpath = review_path if review_path is not None else review_path_for(statute.path)
    entries = load_review(rpath)
    apply_review(requirements, entries, statute)

    meta = statute.meta
    return GapResult(
        statute=StatuteInfo(statute.path, meta.title, meta.country, meta.year,
                            sum(1 for _ in statute.walk())),
        model_title=model.title, model_version=model.version, tool_version=__version__,
        analysed_on=today or date.today().isoformat(),
        instruments=sorted({r.instrument for r in requirements}),
        provisions=provisions, requirements=requirements, warnings=list(statute.warnings),
        review_file=str(rpath) if entries else None)
