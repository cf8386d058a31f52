"""Gap report content in every format, checked against the hand-built Kestrel result."""

from __future__ import annotations

import io
import json
import re

import pytest
from bs4 import BeautifulSoup
from docx import Document
from report_builders import KESTREL, ONERROR, SCRIPT

from modellaw.report import gap_json, render_docx, render_html, render_markdown, write_reports
from modellaw.report.html import markdown_renderer
from modellaw.report.markdown import escape_md
from modellaw.statutes import read_statute


def _soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


# --- JSON contract -------------------------------------------------------------------------

def test_json_contract_keys(kestrel):
    data = gap_json(kestrel)
    assert data["schema"] == "modellaw.gap/1"
    assert set(data["statute"]) >= {"path", "title", "country", "units"}
    assert data["statute"]["units"] == kestrel.statute.units
    for p, found in zip(data["provisions"], kestrel.provisions, strict=True):
        assert {"id", "title", "status", "score", "missing", "evidence"} <= set(p)
        assert p["status"] == found.status
        for ev in p["evidence"]:
            assert set(ev) >= {"unit", "quote", "start", "end"}
    for r in data["requirements"]:
        assert {"id", "status", "provisions", "missing", "evidence"} <= set(r)
    json.dumps(data)  # plain data all the way down


def test_json_quotes_are_the_statute_text(kestrel):
    statute = read_statute(KESTREL)
    data = gap_json(kestrel)
    evs = [e for p in data["provisions"] for e in p["evidence"]]
    assert evs
    for ev in evs:
        assert statute.text[ev["start"]:ev["end"]] == ev["quote"]


def test_json_extras(kestrel):
    data = gap_json(kestrel)
    principles = next(p for p in data["provisions"] if p["id"] == "general.principles")
    assert principles["override"] == {
        "status": "partial", "decision": "change",
        "comment": "Section 2(2) does not cover refugees.",
        "reviewer": "A. Adviser", "date": "2024-05-01", "original_status": "unmet",
        "stale": False}
    terms = next(p for p in data["provisions"] if p["id"] == "definitions.terms")
    assert terms["needs_review"] is True and terms["confidence"] == pytest.approx(0.4)
    req = next(r for r in data["requirements"] if r["id"] == "tip.3.d")
    assert req["strength"] == "mandatory" and req["instrument"] == "tip"
    scope = next(p for p in data["provisions"] if p["id"] == "general.scope")
    assert scope["elements"][0]["element"] == "general.scope/domestic_covered"
    assert data["provenance"]["instruments"] == kestrel.instruments


# --- Markdown ------------------------------------------------------------------------------

def test_markdown_structure(kestrel, model):
    md = render_markdown(kestrel, model)
    headings = re.findall(r"^(#+) (.+)$", md, re.MULTILINE)
    h2 = [t for level, t in headings if level == "##"]
    assert h2 == ["Summary", "Provisions of the model law", "Requirements", "Provenance"]
    assert "### Part: General provisions and definitions" in md
    # Provisions come in the model's order, each with the result's verdict.
    order = [p.id for p in model.ordered_provisions()]
    shown = [p for p in order if kestrel.provision(p)]
    positions = [md.index(f"provision `{pid}`") for pid in shown]
    assert positions == sorted(positions)
    for p in kestrel.provisions:
        assert f"— **{p.status.capitalize()}**" in md.split(f"provision `{p.id}`")[0].rsplit(
            "####", 1)[1]


def test_markdown_summary_counts(kestrel, model):
    md = render_markdown(kestrel, model)
    assert "Of 8 requirements assessed, 4 are met, 3 partly met and 1 unmet." in md
    row = next(ln for ln in md.splitlines() if ln.startswith("| **Smuggling Protocol**"))
    assert "| mandatory | 0 | 0 | 1 |" in row
    assert "`░░░░░░░░░░░░░░░░░░░░`" in row
    # Mandatory rows before weaker obligations within an instrument.
    tip = md.index("| **Trafficking Protocol** | mandatory")
    assert md.index("|  | recommended", tip) > tip


def test_markdown_gap_content(kestrel, model):
    md = render_markdown(kestrel, model)
    scope = md.split("provision `general.scope`")[1].split("#### Section")[0]
    assert "##### Evidence in the statute" in scope
    assert "> **3\\(4\\)\\(b\\)**" in scope or "> **3(4)(b)**" in scope
    assert "- protection irrespective of nationality is not stated" in scope
    assert "##### Model wording that would close the gap" in scope
    assert model.provision("general.scope").text.strip().splitlines()[0] in scope
    # A met provision offers no model wording.
    child = md.split("provision `definitions.child`")[1].split("#### Section")[0]
    assert "Model wording" not in child


def test_markdown_override_and_review_marked(kestrel, model):
    md = render_markdown(kestrel, model)
    principles = md.split("provision `general.principles`")[1].split("#### Section")[0]
    assert "**Reviewer decision** (A. Adviser, 2024-05-01)" in principles
    assert "a reviewer set this verdict to Partial; the tool had found Unmet." in principles
    assert "*Reviewer's comment:*" in principles
    decisions = md.split("### Reviewer decisions")[1]
    assert "#### `tip.14`" in decisions
    assert "Section 2\\(2\\) reaches part of this." in decisions or \
        "Section 2(2) reaches part of this." in decisions
    table_row = next(ln for ln in md.splitlines() if ln.startswith("| `tip.14`"))
    assert "**Partial** (reviewer)" in table_row
    terms = md.split("provision `definitions.terms`")[1].split("#### Section")[0]
    assert "**Needs review:**" in terms


def test_markdown_provenance(kestrel, model):
    md = render_markdown(kestrel, model)
    prov = md.split("## Provenance")[1]
    for text in ("Kestrel Islands", "2024-06-01", "modellaw 0.1.0", model.title,
                 "Trafficking Protocol", "Smuggling Protocol", "Bali Process standards"):
        assert text in prov


@pytest.mark.parametrize("text", [
    SCRIPT, ONERROR, "[x](javascript:alert(1))", "*bold* _it_", "- not a list",
    "1. not a list", "# not a heading", "a | b", "&lt;b&gt;", "`code`", "0.1",
])
def test_escape_md_renders_literally(text):
    html = markdown_renderer().render(escape_md(text))
    assert _soup(html).get_text().strip() == text


# --- HTML ----------------------------------------------------------------------------------

def test_html_self_contained(kestrel, model):
    html = render_html(kestrel, model)
    soup = _soup(html)
    assert soup.find("style") is not None
    assert soup.find("script") is None
    assert not soup.find_all(["link", "img", "iframe"])
    assert not re.search(r"(src|href)=\"https?:", html)
    assert "@media print" in html
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "script-src 'none'" in csp and "default-src 'none'" in csp


def test_html_accessible_structure(kestrel, model):
    soup = _soup(render_html(kestrel, model))
    assert soup.html["lang"] == "en"
    assert len(soup.find_all("h1")) == 1
    assert [h.get_text() for h in soup.find_all("h2")] == [
        "Summary", "Provisions of the model law", "Requirements", "Provenance"]
    for th in soup.find_all("th"):
        assert th.get("scope") == "col"
    # Status by text as well as colour: every badge carries its word.
    badges = soup.select("span.st")
    assert badges and all(b.get_text() in {"Met", "Partial", "Unmet"} for b in badges)
    for svg in soup.find_all("svg", class_=["bar", "strip"]):
        assert svg.get("role") == "img" and "met" in svg["aria-label"]


def test_html_verdicts_are_the_results(kestrel, model):
    soup = _soup(render_html(kestrel, model))
    for p in kestrel.provisions:
        heading = next(h for h in soup.find_all("h4")
                       if h.get_text().split(": ", 1)[-1].startswith(p.title))
        assert heading.select_one("span.st").get_text() == p.status.capitalize()
    table = soup.find_all("table")[1]
    rows = {tr.find("td").find("code").get_text(): tr for tr in table.find("tbody").find_all("tr")}
    for r in kestrel.requirements:
        assert rows[r.id].select_one("span.st").get_text() == r.status.capitalize()


def test_html_quotes_and_model_wording(kestrel, model):
    soup = _soup(render_html(kestrel, model))
    quotes = [q.get_text(" ", strip=True) for q in soup.find_all("blockquote")]
    for p in kestrel.provisions:
        for ev in p.evidence:
            assert any(ev.unit in q and " ".join(ev.quote.split()) in q for q in quotes)
    wording = [c.get_text() for c in soup.select("pre code.language-model")]
    assert any(model.provision("general.scope").text.strip()[:60] in w for w in wording)


def test_html_hostile_text_is_inert(hostile, model):
    html = render_html(hostile, model)
    soup = _soup(html)
    assert soup.find("script") is None
    assert soup.find("img") is None
    # The only links are the contents' jumps to the report's own headings.
    assert all(a["href"].startswith("#r-") and a.get_text() in
               {h.get_text().removeprefix("Part: ") for h in soup.find_all(["h2", "h3"])}
               for a in soup.find_all("a"))
    assert not any(attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs)
    text = soup.get_text()
    assert SCRIPT in text and ONERROR in text
    assert "[click me](javascript:window.__pwned=1) *emphasis* | pipe" in text
    assert "Hostile <script>window.__pwned=1</script> Act 2024" in soup.title.get_text()


def test_html_placeholders_cannot_be_forged(kestrel, model):
    html = render_html(kestrel, model)
    assert "MLPH" not in html  # every placeholder was filled in


# --- Word ----------------------------------------------------------------------------------

def test_docx_headings_tables_quotes(kestrel, model):
    doc = Document(io.BytesIO(render_docx(kestrel, model)))
    heads = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(
        ("Heading", "Title"))]
    h1 = [t for s, t in heads if s == "Heading 1"]
    assert h1 == ["Summary", "Provisions of the model law", "Requirements", "Provenance"]
    assert ("Heading 2", "Part: General provisions and definitions") in heads
    assert ("Heading 3", "Section 2: Scope — Partial") in heads
    assert ("Heading 2", "Reviewer decisions") in heads
    assert heads[0][0] == "Title" and "Prevention of Trafficking in Persons Act" in heads[0][1]
    quotes = [p.text for p in doc.paragraphs if p.style.name == "Quote"]
    for p in kestrel.provisions:
        for ev in p.evidence:
            assert f"{ev.unit}: {' '.join(ev.quote.split())}" in quotes
    assert len(doc.tables) == 3
    summary, reqs, prov = doc.tables
    assert [c.text for c in summary.rows[0].cells][:5] == [
        "Instrument", "Obligation", "Met", "Partial", "Unmet"]
    verdicts = {row.cells[0].text.split()[0]: row.cells[3].text for row in reqs.rows[1:]}
    for r in kestrel.requirements:
        assert verdicts[r.id].startswith(r.status.capitalize())
    assert "Kestrel Islands (fictional)" in [row.cells[1].text for row in prov.rows]
    assert any(p.style.name == "Model Wording" for p in doc.paragraphs)


def test_docx_survives_hostile_and_control_chars(hostile, model):
    hostile.provisions[0].missing.append("form feed \x0c and bell \x07")
    try:
        doc = Document(io.BytesIO(render_docx(hostile, model)))
    finally:
        hostile.provisions[0].missing.pop()
    text = "\n".join(p.text for p in doc.paragraphs)
    assert SCRIPT in text and "form feed  and bell " in text


# --- Writing files -------------------------------------------------------------------------

def test_write_reports_one_file_per_statute_and_format(kestrel, hostile, model, tmp_path):
    paths = write_reports([kestrel, hostile], model, ["md", "html", "docx", "json"], tmp_path)
    names = sorted(p.name for p in paths)
    assert names == sorted(f"{stem}.{ext}" for stem in ("kestrel-tip-act-2019", "hostile-act")
                           for ext in ("md", "html", "docx", "json"))
    assert all(p.stat().st_size > 0 for p in paths)
    assert json.loads((tmp_path / "hostile-act.json").read_text())["schema"] == "modellaw.gap/1"
    assert not list(tmp_path.glob(".*.tmp"))


def test_write_reports_same_stem_twice(kestrel, model, tmp_path):
    paths = write_reports([kestrel, kestrel], model, ["md"], tmp_path)
    assert [p.name for p in paths] == ["kestrel-tip-act-2019.md", "kestrel-tip-act-2019-2.md"]


def test_write_reports_unknown_format(kestrel, model, tmp_path):
    with pytest.raises(ValueError, match="unknown report format 'pdf'"):
        write_reports([kestrel], model, ["pdf"], tmp_path)
    assert not list(tmp_path.iterdir())


def test_an_unmet_verdict_cites_the_nearest_wording_not_evidence(hostile, model):
    # What the elements of an unmet verdict found is shown for the reviewer to check, but
    # never under a heading that reads as proof.
    md = render_markdown(hostile, model)
    scope = md.split("provision `general.scope`")[1].split("#### Section")[0]
    assert "##### Nearest wording in the statute (not enough to meet any part)" in scope
    assert "##### Evidence in the statute" not in scope
    row = next(ln for ln in md.splitlines() if ln.startswith("| `tip.4`"))
    assert "nearest wording: 1(1)" in row
    partial = next(ln for ln in md.splitlines() if ln.startswith("| `tip.3.d`"))
    assert "nearest wording" not in partial and "1(2)" in partial
    doc = Document(io.BytesIO(render_docx(hostile, model)))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert "Nearest wording in the statute (not enough to meet any part)" in headings
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert "nearest wording: 1(1)" in cells
