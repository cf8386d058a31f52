"""The gap report as a Word document, for advisers who edit it further.

Built with python-docx from the same findings as the Markdown report: real headings,
real tables, statute quotes in the built-in Quote style, model wording in its own style.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from modellaw.compare.findings import Finding, GapResult, ProvisionFinding
from modellaw.dsl.model import ModelLaw
from modellaw.report.markdown import provisions_by_part, text_bar
from modellaw.report.status import (
    COLOUR,
    FILL,
    cited_units,
    evidence_heading,
    label,
    override_sentence,
    strength_rank,
)
from modellaw.report.summary import headline, instrument_name, summarise

# XML 1.0 forbids most control characters; statute text scraped from PDFs may hold them.
_XML_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MODEL_STYLE = "Model Wording"


def _styled(doc, text: str | None, style_name: str):  # noqa: ANN202 - python-docx types
    """A paragraph in a named style. python-docx resolves a style name by scanning every
    style for each paragraph, which made long reports slow; the id is looked up once."""
    cache = doc.__dict__.setdefault("_modellaw_style_ids", {})
    style_id = cache.get(style_name)
    if style_id is None:
        style_id = cache[style_name] = doc.styles[style_name].style_id
    par = doc.add_paragraph(text or "")
    par._p.get_or_add_pPr().get_or_add_pStyle().val = style_id
    return par


def _clean(text: str) -> str:
    return _XML_BAD.sub("", text)


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def _shade(cell, hex_colour: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), hex_colour.lstrip("#").upper())
    cell._tc.get_or_add_tcPr().append(shd)


def _status_run(par, status: str) -> None:
    run = par.add_run(label(status))
    run.bold = True
    if status in COLOUR:
        run.font.color.rgb = _rgb(COLOUR[status])


def _table(doc, header: list[str], rows: list[list[str]], status_col: int | None = None):
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    # Repeat the header row on every printed page.
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tbl_header = OxmlElement("w:tblHeader")
    tbl_header.set(qn("w:val"), "true")
    tr_pr.append(tbl_header)
    for row in rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row, strict=True)):
            cell.text = _clean(text)
            if i == status_col:
                status = next((s for s, lab in [("met", "Met"), ("partial", "Partial"),
                                                ("unmet", "Unmet")] if text.startswith(lab)), None)
                if status:
                    _shade(cell, FILL[status])
    return table


def _styles(doc) -> None:
    styles = doc.styles
    if MODEL_STYLE not in [s.name for s in styles]:
        st = styles.add_style(MODEL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = styles["Normal"]
        st.font.name = "Georgia"
        st.font.size = Pt(10)
        st.paragraph_format.left_indent = Pt(18)
        st.paragraph_format.space_after = Pt(2)


def _override(doc, f: Finding) -> None:
    o = f.override
    if o is None:
        return
    par = doc.add_paragraph()
    par.add_run("Reviewer decision: ").bold = True
    who = ", ".join(x for x in (o.reviewer, o.date) if x)
    decision = o.decision
    par.add_run(_clean((f"({who}) " if who else "")
                       + override_sentence(decision, o.status, o.original_status)))
    if o.comment.strip():
        c = doc.add_paragraph()
        c.add_run("Reviewer's comment: ").italic = True
        c.add_run(_clean(o.comment.strip()))
    if o.stale:
        s = doc.add_paragraph()
        s.add_run("Stale review: ").bold = True
        s.add_run("the statute text the reviewer relied on has changed since; check again.")


def _provision(doc, p: ProvisionFinding, model: ModelLaw | None, number: int | None) -> None:
    mp = model.provision(p.id) if model is not None else None
    title = p.title or (mp.title if mp else p.id)
    num = f"Section {number}: " if number is not None else ""
    doc.add_heading(_clean(f"{num}{title} — {label(p.status)}"), level=3)
    par = doc.add_paragraph()
    par.add_run("Verdict: ")
    _status_run(par, p.status)
    par.add_run(f" (score {p.score:.2f}, confidence {p.confidence:.2f}; provision {p.id})")
    if p.needs_review:
        nr = doc.add_paragraph()
        nr.add_run("Needs review: ").bold = True
        nr.add_run("the tool is not confident in this verdict; a reviewer should confirm it.")
    _override(doc, p)
    if p.evidence:
        doc.add_heading(evidence_heading(p.status), level=4)
        for ev in p.evidence:
            q = _styled(doc, None, "Quote")
            q.add_run(_clean(ev.unit) + ": ").bold = True
            q.add_run(_clean(" ".join(ev.quote.split())))
    if p.missing:
        doc.add_heading("What is missing", level=4)
        for m in p.missing:
            _styled(doc, _clean(m), "List Bullet")
    if p.elements:
        doc.add_heading("Elements checked", level=4)
        for e in p.elements:
            line = f"{label(e.status)}: {e.title}"
            if e.missing:
                line += " — missing " + "; ".join(e.missing)
            _styled(doc, _clean(line), "List Bullet")
    for n in p.notes:
        doc.add_paragraph(_clean(f"Note: {n}"))
    if p.status != "met" and mp is not None and mp.text.strip():
        doc.add_heading("Model wording that would close the gap", level=4)
        for line in mp.text.strip("\n").splitlines():
            _styled(doc, _clean(line.strip()), MODEL_STYLE)


def render_docx(result: GapResult, model: ModelLaw | None) -> bytes:
    """The gap report as the bytes of a .docx file."""
    doc = Document()
    _styles(doc)
    s = result.statute
    doc.core_properties.title = _clean(f"Gap report: {s.title or s.path}")
    doc.core_properties.author = "modellaw"
    doc.add_heading(_clean(f"Gap report: {s.title or s.path}"), level=0)
    sub = " · ".join(x for x in (s.country, s.year) if x)
    doc.add_paragraph(_clean(
        (sub + " — " if sub else "") + f"measured against {result.model_title}"
        + (f" (version {result.model_version})" if result.model_version else "")
        + f" on {result.analysed_on}."))

    doc.add_heading("Summary", level=1)
    doc.add_paragraph(headline(result))
    rows = []
    for inst in summarise(result, model):
        for i, row in enumerate(inst.rows):
            c = row.counts
            rows.append([inst.name if i == 0 else "", row.strength, str(c["met"]),
                         str(c["partial"]), str(c["unmet"]), text_bar(c).strip("`")])
    if rows:
        _table(doc, ["Instrument", "Obligation", "Met", "Partial", "Unmet", "Figure"], rows)
        doc.add_paragraph("Figure: █ met, ▒ partial, ░ unmet.")

    doc.add_heading("Provisions of the model law", level=1)
    numbers = model.numbering() if model is not None else {}
    for part_title, provs in provisions_by_part(result, model):
        doc.add_heading(_clean(f"Part: {part_title}"), level=2)
        for p in provs:
            _provision(doc, p, model, numbers.get(p.id))

    doc.add_heading("Requirements", level=1)
    inst_order = {iid: i for i, iid in enumerate(result.instruments)}
    reqs = sorted(result.requirements, key=lambda r: (
        inst_order.get(r.instrument, len(inst_order)), strength_rank(r.strength)))
    req_rows = []
    for r in reqs:
        verdict = label(r.status) + (" (reviewer)" if r.override else "") + (
            " (needs review)" if r.needs_review else "")
        req_rows.append([
            f"{r.id} {r.title}".strip(), instrument_name(model, r.instrument), r.strength,
            verdict, ", ".join(r.provisions) or "none",
            cited_units(r.status, (e.unit for e in r.evidence)) or "—",
            "; ".join(r.missing) or "—",
        ])
    if req_rows:
        _table(doc, ["Requirement", "Instrument", "Strength", "Verdict", "Provisions",
                     "Evidence", "Missing"], req_rows, status_col=3)
    else:
        doc.add_paragraph("No requirements were assessed.")
    reviewed = [r for r in result.requirements if r.override is not None]
    if reviewed:
        doc.add_heading("Reviewer decisions", level=2)
        doc.add_paragraph("These verdicts come from a reviewer, not from the tool.")
        for r in reviewed:
            doc.add_heading(_clean(f"{r.id} {r.title}".strip()), level=3)
            _override(doc, r)

    doc.add_heading("Provenance", level=1)
    prov = [
        ["Statute", s.title or "(untitled)"], ["Country", s.country or "not stated"],
        ["Year", s.year or "not stated"], ["File", s.path], ["Units read", str(s.units)],
        ["Date of analysis", result.analysed_on],
        ["Tool version", f"modellaw {result.tool_version}"],
        ["Model law", result.model_title + (f", version {result.model_version}"
                                            if result.model_version else "")],
        ["Instruments assessed",
         ", ".join(instrument_name(model, i) for i in result.instruments) or "none"],
    ]
    if result.review_file:
        prov.append(["Review file", result.review_file])
    _table(doc, ["Item", "Value"], prov)
    if result.warnings:
        doc.add_heading("Warnings from reading the statute", level=2)
        for w in result.warnings:
            _styled(doc, _clean(w), "List Bullet")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
