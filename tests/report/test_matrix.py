"""The country matrix: cells from the results, figures in words, CSV and XLSX."""

from __future__ import annotations

import copy
import csv
import io

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from modellaw.compare.findings import ElementResult
from modellaw.report import build_matrix, write_matrix
from modellaw.report.matrix import _element_phrase, requirement_ref
from modellaw.report.matrix_html import render_matrix_html
from modellaw.report.matrix_sheets import matrix_csv, matrix_xlsx


@pytest.fixture
def pair(kestrel, hostile):
    return [kestrel, hostile]


def test_cells_are_the_results(pair, model):
    m = build_matrix(pair, model)
    assert [c.key for c in m.columns] == ["kestrel-tip-act-2019", "hostile-act"]
    assert m.columns[0].label == "Kestrel Islands (fictional)"
    for row in m.rows:
        for res, cell in zip(pair, row.cells, strict=True):
            f = res.requirement(row.id)
            assert cell.status == (f.status if f else None)
    # Catalog order within instrument, instruments in the order first assessed.
    assert [r.instrument for r in m.rows][:3] == ["tip", "tip", "tip"]


def test_instrument_filter(pair, model):
    m = build_matrix(pair, model, ["som"])
    assert [r.id for r in m.rows] == ["som.3.c"]
    assert m.instruments == ["som"]


def test_coverage(pair, model):
    m = build_matrix(pair, model)
    hostile = m.columns[1]
    # tip.3.d partial, tip.4 unmet -> (0.5 + 0) / 2
    assert hostile.coverage == pytest.approx(0.25)


def test_figures_in_words(pair, model):
    m = build_matrix(pair, model)
    assert any(f.startswith("0 of 2 statutes meet every mandatory requirement of the "
                            "Trafficking Protocol") for f in m.figures)
    assert "tip.4 (" in " ".join(m.figures) and "is unmet in 1 of 2 statutes." in " ".join(
        m.figures)
    assert ("1 of 1 statutes meet the child age threshold of Article 3(d) of the "
            "Trafficking Protocol.") in m.figures


def test_element_figure_counts_all_statutes(kestrel, model):
    """'n of m statutes cover all X listed in Article ...' from element results."""
    # Any required clause of the real model law that serves a mandatory Protocol row will do;
    # the test must not depend on which one the drafters chose.
    prov, el = next(
        (p, e) for p in model.ordered_provisions() for e in p.elements
        if kestrel.provision(p.id) is not None and e.required
        and e.kind in ("clause", "all", "any")
        and any((model.resolve(r) or "").startswith("tip.")
                and model.requirements[model.resolve(r)].strength == "mandatory"
                for r in (e.requirements or p.implements))
    )
    others = []
    for status in ("met", "partial", "met"):
        r = copy.deepcopy(kestrel)
        r.statute.path = f"/tmp/{status}-{len(others)}.txt"
        for p in r.provisions:
            p.elements = [er for er in p.elements if er.element != el.id]
        r.provision(prov.id).elements.append(
            ElementResult(el.id, el.name, el.kind, True, status))
        others.append(r)
    m = build_matrix(others, model)
    prefix = f"2 of 3 statutes {_element_phrase(el)}"
    assert any(f.startswith(prefix) for f in m.figures), m.figures


def test_requirement_ref(model):
    assert requirement_ref(model, "tip.3.a") == "Article 3(a) of the Trafficking Protocol"
    assert requirement_ref(model, "no.such.id") == "no.such.id"
    bali = requirement_ref(model, "bali.tip.2")
    assert bali.endswith("in the Bali Process standards (bali.tip.2)")
    assert requirement_ref(model, "saarc.9") == "Article IX of the SAARC Convention"
    assert model.requirements["bali.tip.2"].title in bali


def test_csv(pair, model):
    m = build_matrix(pair, model)
    rows = list(csv.reader(io.StringIO(matrix_csv(m))))
    assert rows[0] == ["requirement", "title", "instrument", "strength",
                       "Kestrel Islands (fictional)", m.columns[1].label]
    by_id = {r[0]: r for r in rows[1:]}
    assert by_id["tip.4"][4:] == ["Partial", "Unmet"]
    assert by_id["som.3.c"][4:] == ["Unmet", ""]


def test_csv_and_xlsx_defuse_formulas(kestrel, model):
    r = copy.deepcopy(kestrel)
    r.statute.country = "=HYPERLINK(\"http://x\")"
    m = build_matrix([r], model)
    assert matrix_csv(m).splitlines()[0].endswith(",\"'=HYPERLINK(\"\"http://x\"\")\"")
    wb = load_workbook(io.BytesIO(matrix_xlsx(m)))
    assert wb["Matrix"]["E1"].value.startswith("'=")
    assert wb["Matrix"]["E1"].data_type == "s"


def test_xlsx(pair, model):
    m = build_matrix(pair, model)
    wb = load_workbook(io.BytesIO(matrix_xlsx(m)))
    assert wb.sheetnames == ["Matrix", "Figures", "Statutes", "Evidence", "About"]
    ws = wb["Matrix"]
    header = [c.value for c in ws[1]]
    assert header[:4] == ["Requirement", "Title", "Instrument", "Strength"]
    ids = [ws.cell(row=i, column=1).value for i in range(2, ws.max_row + 1)]
    assert ids == [r.id for r in m.rows]
    tip4 = ids.index("tip.4") + 2
    assert [ws.cell(row=tip4, column=5).value, ws.cell(row=tip4, column=6).value] == [
        "Partial", "Unmet"]
    assert ws.cell(row=tip4, column=6).fill.fgColor.rgb.endswith("F6C6C6")
    assert ws.auto_filter.ref
    figures = [c.value for c in wb["Figures"]["A"]][1:]
    assert figures == m.figures
    ev = list(wb["Evidence"].values)
    assert ("Kestrel Islands (fictional)", "tip.3.d", "Met", "2(1)") == ev[[
        r[1] for r in ev].index("tip.3.d")][:4]


def test_matrix_html(pair, model):
    m = build_matrix(pair, model)
    html = render_matrix_html(m)
    soup = BeautifulSoup(html, "html.parser")
    heat = soup.find("svg", id="heat")
    assert len(heat.select("g.row")) == len(m.rows)
    assert len(heat.select("g.cell")) == len(m.rows) * len(m.columns)
    assert [li.get_text() for li in soup.select("ul.figures li")] == m.figures
    # The only script is ours, admitted by its hash; no network anywhere.
    assert len(soup.find_all("script")) == 1
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'sha256-" in csp and "default-src 'none'" in csp
    assert "window.__pwned" not in soup.find("script").get_text()
    assert soup.find("img") is None
    # Status letters in the cells, not only colour.
    tip4 = next(g for g in heat.select("g.row") if g["data-id"] == "tip.4")
    assert [t.get_text() for t in tip4.select("text.sym")] == ["P", "U"]


def test_write_matrix(pair, model, tmp_path):
    paths = write_matrix(build_matrix(pair, model), tmp_path)
    assert sorted(p.name for p in paths) == ["matrix.csv", "matrix.html", "matrix.xlsx"]
    with pytest.raises(ValueError, match="unknown matrix format"):
        write_matrix(build_matrix(pair, model), tmp_path, ["pdf"])
