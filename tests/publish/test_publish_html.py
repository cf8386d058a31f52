"""HTML and markdown output: outline, links that resolve, escaping, annex, self-containment."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from modellaw.publish.document import build_document
from modellaw.publish.html import render_html
from modellaw.publish.markdown import _line_start, escape, render_markdown


@pytest.fixture(scope="module")
def soup(mini_model) -> BeautifulSoup:
    return BeautifulSoup(render_html(build_document(mini_model)), "html.parser")


@pytest.fixture(scope="module")
def markdown(mini_model) -> str:
    return render_markdown(build_document(mini_model))


def test_outline_in_order(soup, expected_outline):
    got = [(int(h.name[1]), h.get_text()) for h in soup.find_all(["h1", "h2", "h3", "h4"])]
    assert got == expected_outline


def test_every_internal_link_resolves_and_ids_are_unique(soup):
    ids = [t["id"] for t in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    hrefs = [a["href"] for a in soup.find_all("a")]
    assert hrefs and all(h.startswith("#") for h in hrefs)
    assert {h[1:] for h in hrefs} <= set(ids)


def test_contents_links_every_part_and_section(soup):
    toc = soup.find(id="contents").find_next_sibling("ul")
    targets = [a["href"] for a in toc.find_all("a")]
    assert targets == ["#part-general", "#sec-general.definitions", "#part-offences",
                       "#sec-offence.trafficking", "#part-victims",
                       "#sec-victims.assistance", "#annex"]


def _section_nodes(soup, anchor):
    """Everything between a section heading and the next heading."""
    out = []
    for node in soup.find(id=anchor).find_next_siblings():
        if node.name in ("h1", "h2", "h3"):
            break
        out.append(node)
    return out


def test_cross_references_in_text_and_see(soup):
    nodes = _section_nodes(soup, "sec-offence.trafficking")
    links = [(a.get_text(), a["href"]) for n in nodes for a in n.find_all("a")]
    assert links == [
        ("section 3", "#sec-victims.assistance"),       # [victims.assistance] in (3)
        ("section 1", "#sec-general.definitions"),      # inside the civil-law alternative
        ("section 1", "#sec-general.definitions"),      # see also
        ("section 3", "#sec-victims.assistance"),
    ]
    victims = " ".join(n.get_text() for n in _section_nodes(soup, "sec-victims.assistance"))
    assert "cooperation with sections 2 and 1." in victims
    assert "whatever [State] law says" in soup.get_text()


def test_subsections_kept(soup):
    nodes = _section_nodes(soup, "sec-offence.trafficking")
    paras = [n.get_text() for n in nodes if n.name == "p"]
    assert [p[:3] for p in paras[:3]] == ["(1)", "(2)", "(3)"]
    items = [li.get_text() for n in nodes if n.name == "ul" for li in n.find_all("li")]
    assert [i[:3] for i in items] == ["(a)", "(b)", "(c)"]


def test_commentary_and_alternatives_set_apart(soup):
    comm = soup.find_all("blockquote", class_="commentary")
    assert len(comm) == 3
    assert all(c.find("strong").get_text() == "Commentary" for c in comm)
    [alt] = soup.find_all("blockquote", class_="alternative")
    assert alt.find("strong").get_text() == "Alternative wording (civil-law)"
    assert "Article X. Whoever recruits" in alt.get_text()


def test_dsl_text_is_escaped(soup):
    assert soup.find("b") is None
    assert "A <b>bold</b> claim & an [unlinked] bracket stay literal." in soup.get_text()
    # `*three*` in the summary must not become emphasis.
    assert "It has *three* parts." in soup.get_text()
    assert soup.title.get_text().startswith("Mini Model Law <against> Trafficking & Exploitation")


def test_annex_lists_every_implements_link(soup, implements_links):
    table = soup.find(id="annex").find_next_sibling("table")
    header = [th.get_text() for th in table.find("thead").find_all("th")]
    assert header == ["Section", "Provision", "Requirement", "Instrument", "Article"]
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in table.find("tbody")("tr")]
    assert sorted((int(r[0]), r[1], r[2]) for r in rows) == implements_links
    assert ["2", "offence.trafficking", "coe.4.a", "CoE Convention", "Art. 4(a)"] in rows


def test_self_contained_with_print_styles(soup):
    raw = str(soup)
    assert soup.find("script") is None and soup.find("link") is None
    assert soup.find("img") is None
    assert "http://" not in raw and "https://" not in raw and "@import" not in raw
    style = soup.find("style").get_text()
    assert "@media print" in style


def test_markdown_anchors_and_links_resolve(markdown, expected_outline):
    anchors = re.findall(r"^#+ .* \{#([^}]+)\}$", markdown, flags=re.M)
    assert len(anchors) == len(expected_outline)
    targets = set(re.findall(r"\]\(#([^)]+)\)", markdown))
    assert targets and targets <= set(anchors)
    headings = re.findall(r"^(#+) (.*) \{#", markdown, flags=re.M)
    assert [len(h) for h, _ in headings] == [lvl for lvl, _ in expected_outline]


_md = MarkdownIt("commonmark", {"html": False}).enable("table")


@settings(deadline=None, max_examples=200)
@given(st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=0x24F), max_size=60))
def test_escaped_text_prints_literally(text):
    text = " ".join(text.split())
    html = _md.render(_line_start(escape(text)))
    shown = BeautifulSoup(html, "html.parser").get_text()
    assert " ".join(shown.split()) == text
