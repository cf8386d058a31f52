"""Reports on a sample statute analysed by the real comparator."""

from __future__ import annotations

import io
import re

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from docx import Document
from report_builders import KESTREL, REPO

from modellaw.cli import main
from modellaw.report import build_matrix, gap_json, render_docx, render_html, render_markdown
from modellaw.statutes import read_statute

engine = pytest.importorskip("modellaw.compare.engine", reason="comparator not available")


@pytest.fixture(scope="module")
def statute():
    return read_statute(KESTREL)


@pytest.fixture(scope="module")
def real(model, statute):
    return engine.analyse(model, statute)


def test_json_quotes_in_statute(real, statute):
    data = gap_json(real)
    assert len(data["requirements"]) == len(real.requirements)
    evs = [e for item in data["provisions"] + data["requirements"] for e in item["evidence"]]
    assert evs, "the comparator cited nothing in the Kestrel act"
    for ev in evs:
        assert statute.text[ev["start"]:ev["end"]] == ev["quote"]


def test_html_verdicts_and_quotes_are_the_comparators(real, model):
    soup = BeautifulSoup(render_html(real, model), "html.parser")
    numbers = model.numbering()
    for p in real.provisions:
        prefix = f"Section {numbers[p.id]}: " if p.id in numbers else ""
        heading = next(h for h in soup.find_all("h4") if h.get_text().startswith(prefix)
                       and p.title in h.get_text())
        assert heading.select_one("span.st").get_text() == p.status.capitalize()
    quotes = " ".join(q.get_text(" ", strip=True) for q in soup.find_all("blockquote"))
    quotes = " ".join(quotes.split())
    for p in real.provisions:
        for ev in p.evidence:
            assert " ".join(ev.quote.split()) in quotes


def test_markdown_and_docx_cover_every_provision(real, model):
    md = render_markdown(real, model)
    shown = re.findall(r"provision `([^`]+)`", md)
    assert sorted(shown) == sorted(p.id for p in real.provisions)
    doc = Document(io.BytesIO(render_docx(real, model)))
    h3 = [p.text for p in doc.paragraphs if p.style.name == "Heading 3"]
    assert len(h3) == len(real.provisions)
    reqs = doc.tables[1]
    assert len(reqs.rows) == len(real.requirements) + 1


def test_matrix_command(tmp_path):
    laws = REPO / "national_laws"
    if not laws.is_dir():
        pytest.skip("national_laws/ not present")
    # The small fixture model law: stable while provisions/ is being drafted.
    res = CliRunner().invoke(main, ["matrix", str(laws), "-o", str(tmp_path),
                                    "--instrument", "tip", "--provisions",
                                    str(REPO / "tests" / "fixtures" / "mini_law")])
    assert res.exit_code == 0, res.output
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "matrix.csv", "matrix.html", "matrix.xlsx"]
    header = (tmp_path / "matrix.csv").read_text().splitlines()[0].split(",")
    n_statutes = len([f for f in laws.iterdir() if f.suffix == ".txt"])
    assert len(header) == 4 + n_statutes
    rows = (tmp_path / "matrix.csv").read_text().splitlines()[1:]
    assert rows and all(r.split(",")[2] == "tip" for r in rows)


@pytest.mark.parametrize("args, message", [
    (["matrix", "no-such-dir", "-o", "out"], "no-such-dir: no such file or folder"),
    (["matrix", "national_laws", "-o", "out", "--instrument", "nope",
      "--provisions", "tests/fixtures/mini_law"],
     "unknown instrument 'nope'"),
])
def test_matrix_command_usage_errors(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(REPO)
    args = [a if a != "out" else str(tmp_path / "out") for a in args]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 2
    assert message in res.output
    assert "Traceback" not in res.output
    assert not (tmp_path / "out").exists()


def test_build_matrix_on_real_result(real, model):
    m = build_matrix([real], model, ["tip"])
    assert {r.instrument for r in m.rows} == {"tip"}
    for row in m.rows:
        assert row.cells[0].status == real.requirement(row.id).status
