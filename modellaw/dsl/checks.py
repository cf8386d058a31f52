"""Checks over the whole model: ids, references, coverage of the basics."""

from __future__ import annotations

from rapidfuzz import process

from modellaw.diagnostics import Diagnostic, Label, Severity, Span
from modellaw.dsl.model import ModelLaw


def _suggest(word: str, choices: list[str]) -> str | None:
    if not choices:
        return None
    best = process.extractOne(word, choices, score_cutoff=75)
    return best[0] if best else None


def _span(s: Span | None) -> Span:
    return s or Span("<model>", 1, 1)


def check_model(m: ModelLaw) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    req_ids = sorted(set(m.requirements) | set(m.aliases))
    # Aliases: collect and check collisions first so later lookups resolve.
    for r in m.requirements.values():
        for a in r.aliases:
            if a in m.requirements:
                out.append(Diagnostic("S114", Severity.ERROR,
                                      f"alias '{a}' of '{r.id}' is itself a requirement id",
                                      _span(r.span)))
            elif a in m.aliases and m.aliases[a] != r.id:
                out.append(Diagnostic("S114", Severity.ERROR,
                                      f"alias '{a}' names both '{m.aliases[a]}' and '{r.id}'",
                                      _span(r.span)))
            else:
                m.aliases[a] = r.id
    req_ids = sorted(set(m.requirements) | set(m.aliases))
    for r in m.requirements.values():
        if r.instrument not in m.instruments and m.instruments:
            out.append(Diagnostic(
                "S113", Severity.ERROR,
                f"requirement '{r.id}' belongs to instrument '{r.instrument}', which is not "
                "declared", _span(r.span),
                help=f'declare it: instrument {r.instrument} "Full name"'))
    prov_ids = [p.id for p in m.provisions]
    part_ids = [p.id for p in m.parts]
    for p in m.provisions:
        span = _span(p.span)
        if not p.implements:
            out.append(Diagnostic(
                "S106", Severity.ERROR, f"provision '{p.id}' implements no requirement", span,
                help="add: implements <requirement ids>, so coverage can count it"))
        resolved = set()
        for rid in p.implements:
            row = m.resolve(rid)
            if row is None and m.requirements:
                out.append(Diagnostic(
                    "S102", Severity.ERROR, f"unknown requirement id '{rid}'",
                    p.ref_spans.get(rid, span), suggestion=_suggest(rid, req_ids),
                    help="requirement ids are listed in provisions/standards/"))
            elif row is not None:
                resolved.add(row)
        for ref in p.see:
            if ref not in prov_ids:
                out.append(Diagnostic(
                    "S103", Severity.ERROR,
                    f"cross-reference to unknown provision '{ref}'", p.ref_spans.get(ref, span),
                    suggestion=_suggest(ref, [q for q in prov_ids if q != p.id])))
            elif ref == p.id:
                out.append(Diagnostic("S103", Severity.WARNING,
                                      f"provision '{p.id}' refers to itself", span))
        for pid, name in p.limits:
            where = p.ref_spans.get(f"limit:{pid} {name}", span)
            other = m.provision(pid)
            if other is None or other is p:
                out.append(Diagnostic(
                    "S129", Severity.ERROR, f"'limited-by' names unknown provision '{pid}'", where,
                    suggestion=_suggest(pid, [q for q in prov_ids if q != p.id])))
            elif not any(e.name == name for e in other.elements):
                out.append(Diagnostic(
                    "S129", Severity.ERROR,
                    f"provision '{pid}' has no element '{name}'", where,
                    suggestion=_suggest(name, [e.name for e in other.elements])))
        if p.part is None:
            if m.parts:
                out.append(Diagnostic("S109", Severity.ERROR,
                                      f"provision '{p.id}' belongs to no part", span,
                                      help="add: part <part id>"))
        elif p.part not in part_ids:
            out.append(Diagnostic("S109", Severity.ERROR, f"unknown part '{p.part}'",
                                  p.ref_spans.get(f"part:{p.part}", span),
                                  suggestion=_suggest(p.part, part_ids)))
        for el in p.elements:
            es = _span(el.span)
            if el.within is not None and el.within not in prov_ids:
                out.append(Diagnostic(
                    "S103", Severity.ERROR,
                    f"element '{el.name}' reads its number in unknown provision '{el.within}'",
                    es, suggestion=_suggest(el.within, [i for i in prov_ids if i != p.id])))
            if el.kind != "number" and not el.concepts:
                out.append(Diagnostic(
                    "S104", Severity.ERROR, f"element '{el.name}' lists no concepts", es,
                    help="list what a statute must say after the colon, e.g. "
                         "`requires all acts: recruit (enlist, hire), transport`"))
            for rid in el.requirements:
                row = m.resolve(rid)
                if row is None and m.requirements:
                    out.append(Diagnostic(
                        "S102", Severity.ERROR, f"unknown requirement id '{rid}'", es,
                        suggestion=_suggest(rid, req_ids)))
                elif row is not None and row not in resolved:
                    out.append(Diagnostic(
                        "S115", Severity.ERROR,
                        f"element '{el.name}' serves '{rid}', which provision '{p.id}' does "
                        "not implement", es,
                        help=f"add {rid} to the provision's implements line, or drop it here"))
            seen: dict[str, Span] = {}
            for c in el.concepts:
                key = c.name.lower()
                if key in seen:
                    out.append(Diagnostic(
                        "S117", Severity.WARNING,
                        f"concept '{c.name}' appears twice in element '{el.name}'", _span(c.span),
                        labels=(Label(seen[key], "first listed here"),)))
                seen[key] = _span(c.span)
    implemented = {row for ps in m.implementers().items() for row in ([ps[0]] if ps[1] else [])}
    for rid, w in m.waivers.items():
        row = m.resolve(rid)
        if row is None and m.requirements:
            out.append(Diagnostic("S112", Severity.ERROR, f"waiver of unknown requirement '{rid}'",
                                  _span(w.span), suggestion=_suggest(rid, req_ids)))
        elif row in implemented:
            out.append(Diagnostic(
                "S118", Severity.WARNING,
                f"'{rid}' is both implemented and waived", _span(w.span),
                help="drop the waiver, or the implements link"))
    return out
