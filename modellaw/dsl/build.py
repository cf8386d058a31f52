"""Syntax trees -> the typed model, with the checks that need only one declaration."""

from __future__ import annotations

import textwrap

from rapidfuzz import process

from modellaw.diagnostics import Diagnostic, Severity, Span
from modellaw.dsl.model import (
    OPS,
    QUANTITIES,
    STRENGTHS,
    VERIFY,
    Concept,
    Element,
    Instrument,
    ModelLaw,
    Part,
    Provision,
    Requirement,
    Waiver,
)
from modellaw.dsl.syntax import Attr, Decl, ElementSyntax, FileSyntax, Value
from modellaw.statutes.readings import READING_MARK, READINGS

# Attribute keywords each declaration accepts. Flags take no value.
KEYS: dict[str, set[str]] = {
    "model": {"version", "summary"},
    "instrument": {"short", "kind", "year", "summary"},
    "requirement": {"article", "strength", "verify", "aliases", "overlaps", "summary",
                    "reference"},
    "part": {"summary"},
    "provision": {"part", "implements", "see", "text", "alternative", "commentary", "source",
                  "optional", "limited-by"},
    "waive": {"reason"},
}
FLAGS = {"optional", "reference"}
LIST_KEYS = {"aliases", "overlaps", "implements", "see", "source"}
UNITS = {"years", "year", "months", "month", "days", "day", "currency"}


def _err(code: str, msg: str, span: Span, **kw: object) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, msg, span, **kw)


def block_text(raw_inner: str) -> str:
    """The model text of a triple-quoted block, with the source indentation removed."""
    text = textwrap.dedent(raw_inner.strip("\n"))
    return text.rstrip() + ("\n" if text.strip() else "")


class Builder:
    """Accumulates declarations from many files into one ModelLaw."""

    def __init__(self) -> None:
        self.model = ModelLaw()
        self.diags: list[Diagnostic] = []
        # id -> span of first definition, per namespace, for duplicate reports
        self._seen: dict[tuple[str, str], Span] = {}
        self._model_seen = False

    # --- helpers --------------------------------------------------------------------

    def _span(self, path: str, line: int, col: int, width: int = 0) -> Span:
        return Span(path, line, col, line, col + width if width else None)

    def _scalar(self, path: str, attr: Attr) -> str | None:
        items = attr.values
        if len(items) != 1 or len(items[0]) != 1:
            self.diags.append(_err("S120", f"'{attr.key}' takes exactly one value",
                                   self._span(path, attr.line, attr.col, len(attr.key))))
            return None
        v = items[0][0]
        return block_text(v.text) if v.kind == "long" else v.text

    def _list(self, attr: Attr) -> list[Value]:
        return [v for item in attr.values for v in item]

    def _duplicate(self, ns: str, ident: str, span: Span, what: str) -> bool:
        key = (ns, ident)
        if key in self._seen:
            first = self._seen[key]
            self.diags.append(Diagnostic(
                "S101", Severity.ERROR, f"{what} '{ident}' is defined twice", span,
                labels=(self._label(first, "first defined here"),),
                help="ids never change once published; give the new one a new id",
            ))
            return True
        self._seen[key] = span
        return False

    @staticmethod
    def _label(span: Span, msg: str):  # noqa: ANN205 - small local factory
        from modellaw.diagnostics import Label

        return Label(span, msg)

    # --- declarations ---------------------------------------------------------------

    def add_file(self, fs: FileSyntax) -> None:
        for d in fs.decls:
            if d.kind == "include":
                continue
            self._check_keys(fs.path, d)
            handler = getattr(self, f"_add_{d.kind}")
            handler(fs.path, d)

    def _check_keys(self, path: str, d: Decl) -> None:
        allowed = KEYS[d.kind]
        for it in d.items:
            if isinstance(it, ElementSyntax):
                if d.kind != "provision":
                    self.diags.append(_err(
                        "S121", f"elements belong in provisions, not in a {d.kind}",
                        self._span(path, it.line, it.col, len(it.verb))))
                continue
            if it.key not in allowed:
                best = process.extractOne(it.key, sorted(allowed), score_cutoff=60)
                self.diags.append(_err(
                    "S102", f"unknown attribute '{it.key}' in a {d.kind}",
                    self._span(path, it.line, it.col, len(it.key)),
                    suggestion=best[0] if best else None,
                    help=f"a {d.kind} accepts: {', '.join(sorted(allowed))}"))
            elif it.key in FLAGS and it.values:
                self.diags.append(_err("S120", f"'{it.key}' is a flag and takes no value",
                                       self._span(path, it.line, it.col, len(it.key))))
            elif it.key not in FLAGS and not it.values:
                self.diags.append(_err("S120", f"'{it.key}' needs a value",
                                       self._span(path, it.line, it.col, len(it.key))))

    def _attrs(self, d: Decl) -> list[Attr]:
        return [it for it in d.items if isinstance(it, Attr) and it.values or
                isinstance(it, Attr) and it.key in FLAGS]

    def _need_ident(self, path: str, d: Decl) -> bool:
        if not d.ident:
            self.diags.append(_err("S116", f"this {d.kind} has no id",
                                   self._span(path, d.line, d.col, len(d.kind)),
                                   help=f"write: {d.kind} some.id \"Title\""))
            return False
        return True

    def _add_model(self, path: str, d: Decl) -> None:
        if self._model_seen:
            self.diags.append(_err("S101", "the model law is declared twice",
                                   self._span(path, d.line, d.col, 5)))
        self._model_seen = True
        if d.title:
            self.model.title = d.title
        for a in self._attrs(d):
            val = self._scalar(path, a)
            if a.key == "version":
                self.model.version = val
            elif a.key == "summary":
                self.model.summary = val

    def _add_instrument(self, path: str, d: Decl) -> None:
        if not self._need_ident(path, d):
            return
        span = d.span(path)
        if self._duplicate("instrument", d.ident, span, "instrument"):
            return
        inst = Instrument(id=d.ident, name=d.title or d.ident, span=span)
        for a in self._attrs(d):
            val = self._scalar(path, a)
            if a.key == "year" and val is not None:
                if not val.isdigit():
                    self.diags.append(_err("S122", "year must be a number",
                                           self._span(path, a.line, a.col)))
                else:
                    inst.year = int(val)
            elif a.key in ("short", "kind"):
                setattr(inst, a.key, val)
        self.model.instruments[inst.id] = inst

    def _add_requirement(self, path: str, d: Decl) -> None:
        if not self._need_ident(path, d):
            return
        span = d.span(path)
        if self._duplicate("requirement", d.ident, span, "requirement"):
            return
        req = Requirement(id=d.ident, title=d.title or "", instrument=d.ident.split(".")[0],
                          span=span)
        for a in self._attrs(d):
            if a.key in ("aliases", "overlaps"):
                setattr(req, a.key, [v.text for v in self._list(a)])
                continue
            if a.key == "reference":
                req.reference = True
                continue
            val = self._scalar(path, a)
            if val is None:
                continue
            if a.key == "strength":
                if val not in STRENGTHS:
                    best = process.extractOne(val, STRENGTHS, score_cutoff=60)
                    self.diags.append(_err(
                        "S110", f"unknown strength '{val}'",
                        self._span(path, a.values[0][0].line, a.values[0][0].col, len(val)),
                        suggestion=best[0] if best else None,
                        help="strength is one of: " + ", ".join(STRENGTHS)))
                else:
                    req.strength = val
            elif a.key == "verify":
                if val not in VERIFY:
                    best = process.extractOne(val, VERIFY, score_cutoff=60)
                    self.diags.append(_err(
                        "S110", f"unknown verification status '{val}'",
                        self._span(path, a.values[0][0].line, a.values[0][0].col, len(val)),
                        suggestion=best[0] if best else None,
                        help="verify is one of: " + ", ".join(VERIFY)))
                else:
                    req.verify = val
            elif a.key in ("article", "summary"):
                setattr(req, a.key, val)
        self.model.requirements[req.id] = req

    def _add_part(self, path: str, d: Decl) -> None:
        if not self._need_ident(path, d):
            return
        span = d.span(path)
        if self._duplicate("part", d.ident, span, "part"):
            return
        part = Part(id=d.ident, title=d.title or d.ident, span=span)
        for a in self._attrs(d):
            if a.key == "summary":
                part.summary = self._scalar(path, a)
        self.model.parts.append(part)

    def _add_waive(self, path: str, d: Decl) -> None:
        if not self._need_ident(path, d):
            return
        span = d.span(path)
        if self._duplicate("waiver", d.ident, span, "waiver for"):
            return
        reason = ""
        for a in self._attrs(d):
            if a.key == "reason":
                reason = self._scalar(path, a) or ""
        if not reason.strip():
            self.diags.append(_err("S111", f"the waiver of '{d.ident}' gives no reason",
                                   span, help='add: reason "why the model law leaves it out"'))
        self.model.waivers[d.ident] = Waiver(d.ident, reason.strip(), span)

    def _add_provision(self, path: str, d: Decl) -> None:
        if not self._need_ident(path, d):
            return
        span = d.span(path)
        if self._duplicate("provision", d.ident, span, "provision"):
            return
        prov = Provision(id=d.ident, title=d.title or "", span=span)
        for a in self._attrs(d):
            if a.key in ("implements", "see"):
                for v in self._list(a):
                    getattr(prov, a.key).append(v.text)
                    prov.ref_spans.setdefault(v.text, self._span(path, v.line, v.col, len(v.raw)))
            elif a.key == "source":
                prov.sources.extend(v.text for v in self._list(a))
            elif a.key == "optional":
                prov.optional = True
            elif a.key == "limited-by":
                for item in a.values:
                    words = item[0].text.split() if len(item) == 1 else []
                    if item[0].kind != "words" or len(words) != 2:
                        self.diags.append(_err(
                            "S129", "'limited-by' takes a provision id and an element name",
                            self._span(path, a.line, a.col, len(a.key)),
                            help="write: limited-by offence.trafficking trafficking_scope"))
                        continue
                    ref = (words[0], words[1])
                    prov.limits.append(ref)
                    prov.ref_spans.setdefault(f"limit:{ref[0]} {ref[1]}", self._span(
                        path, item[0].line, item[0].col, len(item[0].raw)))
            elif a.key == "alternative":
                for item in a.values:
                    if len(item) != 2 or item[0].kind != "words" or item[1].kind not in (
                            "string", "long"):
                        self.diags.append(_err(
                            "S123", "an alternative needs a legal tradition and a wording",
                            self._span(path, a.line, a.col, len(a.key)),
                            help='write: alternative civil-law """..."""'))
                        continue
                    prov.alternatives[item[0].text] = (
                        block_text(item[1].text) if item[1].kind == "long" else item[1].text)
            else:
                val = self._scalar(path, a)
                if a.key == "part":
                    prov.part = val
                    v0 = a.values[0][0]
                    prov.ref_spans[f"part:{val}"] = self._span(path, v0.line, v0.col, len(v0.raw))
                elif a.key == "text":
                    prov.text = val or ""
                elif a.key == "commentary":
                    prov.commentary = val
        seen_el: dict[str, Span] = {}
        for it in d.items:
            if isinstance(it, ElementSyntax):
                el = self._element(path, prov.id, it)
                el_span = el.span or span
                if el.name in seen_el:
                    self.diags.append(Diagnostic(
                        "S101", Severity.ERROR,
                        f"element '{el.name}' appears twice in provision '{prov.id}'", el_span,
                        labels=(self._label(seen_el[el.name], "first defined here"),)))
                    continue
                seen_el[el.name] = el_span
                prov.elements.append(el)
        self.model.provisions.append(prov)

    def _element(self, path: str, pid: str, es: ElementSyntax) -> Element:
        span = self._span(path, es.line, es.col, len(es.verb))
        el = Element(provision=pid, name=es.name, kind=es.mode,
                     required=es.verb == "requires", requirements=list(es.requirements),
                     full=es.full, key=es.key, gate=es.gate, title=es.label, within=es.within,
                     span=span)
        if es.key and es.verb != "requires":
            mark = "gate" if es.gate else "key"
            self.diags.append(_err("S127", f"a good-practice element cannot be {mark}", span,
                                   help=f"write `requires {mark} ...`, or drop `{mark}`"))
        if es.mode == "number":
            el.quantity, el.op, el.unit = es.quantity, es.op, es.unit
            try:
                el.value = float(es.number or "")
            except ValueError:
                self.diags.append(_err("S124", f"'{es.number}' is not a number", span))
            if es.quantity not in QUANTITIES:
                best = process.extractOne(es.quantity or "", list(QUANTITIES), score_cutoff=60)
                self.diags.append(_err(
                    "S125", f"unknown quantity '{es.quantity}'", span,
                    suggestion=best[0] if best else None,
                    help="a number element measures one of: " + ", ".join(QUANTITIES)))
            if es.op not in OPS:
                self.diags.append(_err("S124", f"unknown comparison '{es.op}'", span))
            if es.unit is None:
                self.diags.append(_err(
                    "S105", f"the number in '{es.name}' has no unit", span,
                    help="say what it counts: years, months, days or currency"))
            elif es.unit not in UNITS:
                best = process.extractOne(es.unit, sorted(UNITS), score_cutoff=60)
                self.diags.append(_err("S105", f"unknown unit '{es.unit}'", span,
                                       suggestion=best[0] if best else None,
                                       help="units: years, months, days, currency"))
            elif es.quantity in QUANTITIES and es.unit.rstrip("s") + "s" not in QUANTITIES[
                    es.quantity] and es.unit != "currency":
                self.diags.append(_err(
                    "S105", f"'{es.quantity}' cannot be measured in {es.unit}", span,
                    help=f"use one of: {', '.join(QUANTITIES[es.quantity])}"))
            return el
        if es.full is not None and es.full not in ("all", "most"):
            self.diags.append(_err("S126", f"'full {es.full}' must be 'full all' or 'full most'",
                                   span))
        if es.full is not None and es.mode != "any":
            self.diags.append(_err("S126", "'full' only applies to 'any' elements", span))
        for cs in es.concepts:
            cspan = Span(path, cs.line, cs.col, cs.line, cs.col + len(cs.raw_name))
            if cs.partly and es.mode not in ("any", "clause"):
                self.diags.append(_err(
                    "S128", f"'partly' only applies to concepts of 'any' and 'clause' elements, "
                    f"not '{es.mode}'", cspan,
                    help="in an 'all' element every concept is needed in full; drop 'partly'"))
            for phrase in (cs.name, *cs.variants):
                name = phrase[len(READING_MARK):]
                if phrase.startswith(READING_MARK) and name not in READINGS:
                    best = process.extractOne(name, list(READINGS), score_cutoff=60)
                    self.diags.append(_err(
                        "S130", f"unknown statute reading '{phrase}'", cspan,
                        suggestion=READING_MARK + best[0] if best else None,
                        help="readings: " + ", ".join(READING_MARK + r for r in READINGS)))
            el.concepts.append(Concept(cs.name, list(cs.variants), cspan, partly=cs.partly))
        return el
