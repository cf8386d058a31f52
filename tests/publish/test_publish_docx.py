"""Word output: opens in python-docx, real headings, TOC field, links to bookmarks, annex."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import docx
import pytest
from docx.oxml.ns import qn

from modellaw.publish.document import build_document
from modellaw.publish.docx import render_docx


@pytest.fixture(scope="module")
def word(mini_model):
    return docx.Document(io.BytesIO(render_docx(build_document(mini_model))))


def test_title_and_heading_styles_in_order(word, expected_outline):
    styled = [(p.style.name, p.text) for p in word.paragraphs
              if p.style.name in ("Title", "Heading 1", "Heading 2")]
    level = {"Title": 1, "Heading 1": 2, "Heading 2": 3}
    assert [(level[s], t) for s, t in styled] == expected_outline
    assert word.paragraphs[1].style.name == "Subtitle"
    assert word.paragraphs[1].text == "Version 0.3-test"


def test_toc_field_and_entries(word):
    body = word.element.body
    instr = [t.text for t in body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith("TOC") for i in instr)
    kinds = [f.get(qn("w:fldCharType")) for f in body.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    toc = [p.text for p in word.paragraphs if p.style.name.startswith("TOC")]
    assert toc[:2] == ["Part 1: General provisions", "1. Definitions"]
    assert len(toc) == 3 + 3 + 1


def test_every_link_points_at_a_bookmark(word):
    body = word.element.body
    marks = [b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))]
    assert len(marks) == len(set(marks))
    anchors = [h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink"))]
    assert anchors and set(anchors) <= set(marks)
    # Each section heading carries the bookmark that its links name.
    for p in word.paragraphs:
        if p.style.name == "Heading 2":
            number = p.text.split(".")[0]
            names = [b.get(qn("w:name")) for b in p._p.iter(qn("w:bookmarkStart"))]
            assert names == [f"sec_{number}"]


def test_cross_reference_text(word):
    texts = [p.text for p in word.paragraphs]
    assert any("entitled to assistance under section 3, whatever [State]" in t for t in texts)
    assert "See also: section 1, section 3." in texts


def test_commentary_is_shaded_and_alternative_labelled(word):
    shaded = [p.text for p in word.paragraphs
              if p._p.pPr is not None and p._p.pPr.find(qn("w:shd")) is not None]
    assert shaded.count("Commentary") == 3
    assert "A <b>bold</b> claim & an [unlinked] bracket stay literal." in shaded
    assert "Alternative wording (civil-law)" in [p.text for p in word.paragraphs]


def test_annex_table_rows(word, implements_links):
    [table] = word.tables
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["Section", "Provision", "Requirement", "Instrument", "Article"]
    assert sorted((int(r[0]), r[1], r[2]) for r in rows[1:]) == implements_links
    assert ["3", "victims.assistance", "ohchr.p7", "OHCHR Principles", "Principle 7"] in rows


def test_fixed_core_properties(word):
    cp = word.core_properties
    fixed = datetime(2000, 1, 1, tzinfo=UTC)
    assert cp.created == fixed and cp.modified == fixed
    assert cp.title == "Mini Model Law <against> Trafficking & Exploitation"
