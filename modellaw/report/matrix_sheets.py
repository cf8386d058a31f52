"""The country matrix for spreadsheets: CSV (one sheet) and XLSX (matrix, figures, evidence)."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from modellaw.report.matrix import Matrix
from modellaw.report.status import FILL, label

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(text: str) -> str:
    """Spreadsheets run text that starts like a formula; statute titles are untrusted."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell_text(status: str | None) -> str:
    return label(status) if status else ""


def matrix_csv(m: Matrix) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["requirement", "title", "instrument", "strength",
                *(_safe(c.label) for c in m.columns)])
    for r in m.rows:
        w.writerow([r.id, _safe(r.title), r.instrument, r.strength,
                    *(_cell_text(c.status) for c in r.cells)])
    return buf.getvalue()


def _sheet_rows(ws, rows: list[list]) -> None:
    for row in rows:
        ws.append([_safe(v) if isinstance(v, str) else v for v in row])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"


def matrix_xlsx(m: Matrix) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "Matrix"
    _sheet_rows(ws, [["Requirement", "Title", "Instrument", "Strength",
                      *(c.label for c in m.columns)]]
                + [[r.id, r.title, r.instrument_name, r.strength,
                    *(_cell_text(c.status) for c in r.cells)] for r in m.rows])
    fills = {s: PatternFill("solid", fgColor=FILL[s].lstrip("#").upper()) for s in FILL}
    for row in ws.iter_rows(min_row=2, min_col=5):
        for cell in row:
            status = {"Met": "met", "Partial": "partial", "Unmet": "unmet"}.get(cell.value)
            if status:
                cell.fill = fills[status]
            cell.alignment = Alignment(horizontal="center")
    ws.freeze_panes = "E2"
    ws.auto_filter.ref = ws.dimensions  # advisers sort and filter with the header arrows
    for i, w in enumerate([14, 48, 26, 12], start=1):
        ws.column_dimensions[get_column_letter(i)].width = w

    figs = wb.create_sheet("Figures")
    _sheet_rows(figs, [["Regional figure"]] + [[f] for f in m.figures])
    figs.column_dimensions["A"].width = 120

    st = wb.create_sheet("Statutes")
    _sheet_rows(st, [["Label", "Title", "Country", "Year", "Coverage", "File"]]
                + [[c.label, c.title, c.country or "", c.year or "", round(c.coverage, 3), c.path]
                   for c in m.columns])

    ev = wb.create_sheet("Evidence")
    rows: list[list] = [["Statute", "Requirement", "Verdict", "Sections cited", "Missing",
                         "Needs review", "Set by reviewer"]]
    for r in m.rows:
        for col, cell in zip(m.columns, r.cells, strict=True):
            if cell.status is None:
                continue
            rows.append([col.label, r.id, label(cell.status), ", ".join(cell.units),
                         "; ".join(cell.missing), "yes" if cell.needs_review else "",
                         "yes" if cell.reviewed else ""])
    _sheet_rows(ev, rows)
    ev.auto_filter.ref = ev.dimensions

    prov = wb.create_sheet("About")
    _sheet_rows(prov, [["Item", "Value"], ["Model law", m.model_title],
                       ["Model law version", m.model_version or ""],
                       ["Tool version", f"modellaw {m.tool_version}"],
                       ["Date of analysis", m.analysed_on],
                       ["Statutes", len(m.columns)], ["Requirements", len(m.rows)]])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
