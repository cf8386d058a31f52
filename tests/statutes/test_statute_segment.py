"""Segmentation of our own fixtures, one drafting style each, and the find() tolerance."""

from __future__ import annotations

from pathlib import Path

import pytest

from modellaw.statutes import read_statute
from modellaw.statutes.cleanup import normalise
from modellaw.statutes.model import Statute
from modellaw.statutes.segment import segment


def _labels(text: str) -> list[str]:
    clean = normalise(text)
    result = segment(clean.text, clean.lines)
    out: list[str] = []

    def walk(units):  # type: ignore[no-untyped-def]
        for unit in units:
            out.append(unit.label)
            walk(unit.children)

    walk(result.units)
    return out


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "common_law_act.txt",
            [
                "Part I",
                "1",
                "2",
                "Part II",
                "3",
                "3(1)",
                "3(1)(c)",
                "3(2)(b)(i)",
                "3(2)(b)(ii)",
                "3(3)",
                "3A",
                "4",
                "5(i)",
                "5(j)",
                "Part III",
                "6",
                "Schedule",
                "Schedule para 1",
                "Schedule para 1(b)",
            ],
        ),
        ("philippine_act.txt", ["1", "2", "3", "3(a)", "3(b)", "4(c)", "12-bis"]),
        ("us_code.md", ["Chapter 9", "1589", "1589(a)(1)", "1589(c)(2)(A)", "1589(d)", "1593A"]),
        (
            "civil_code.md",
            [
                "Book II",
                "Chapter II",
                "Art. 225-4-1",
                "Art. 225-4-1(2)",
                "Art. 225-4-2",
                "Art. 12 bis",
                "Chapter III",
                "Art. 226",
            ],
        ),
        (
            "ocr_lost_numbers.txt",
            [
                "Short title and commencement:",
                "Definitions",
                "Trafficking in persons",
                "Protection of victims",
            ],
        ),
    ],
)
def test_fixture_labels(fixtures: Path, name: str, expected: list[str]) -> None:
    statute = read_statute(fixtures / name)
    labels = [unit.label for unit in statute.walk()]
    missing = [label for label in expected if label not in labels]
    assert not missing, f"{name}: {missing} not in {labels}"
    assert len(labels) == len(set(labels))


def test_tree_shape(fixtures: Path) -> None:
    statute = read_statute(fixtures / "common_law_act.txt")
    part_two = statute.find("Part II")
    assert part_two is not None and part_two.heading == "OFFENCES"
    assert [u.label for u in part_two.children] == ["3", "3A", "4", "5"]
    three = statute.find("3")
    assert three is not None and three.kind == "section"
    assert [u.kind for u in three.children] == ["subsection"] * 3
    assert statute.find("3(1)(a)").kind == "paragraph"  # type: ignore[union-attr]
    assert statute.find("3(2)(b)(i)").kind == "subparagraph"  # type: ignore[union-attr]
    # "Paragraphs (a) and (b) of subsection (2)" is a cross-reference, not new units.
    assert statute.find("3(3)").children == []  # type: ignore[union-attr]


def test_repealed_and_inserted(fixtures: Path) -> None:
    statute = read_statute(fixtures / "common_law_act.txt")
    assert statute.find("4").repealed  # type: ignore[union-attr]
    assert not statute.find("3").repealed  # type: ignore[union-attr]
    inserted = statute.find("3A")
    assert inserted is not None and inserted.heading == "Trafficking in children"
    # "section 3(1)(a) to (c)" inside 3A is a reference.
    assert inserted.children == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (i) after (h) is the letter i when (j) follows...
        ("1. X\n(g) g;\n(h) h;\n(i) i;\n(j) j.\n", ["1(g)", "1(h)", "1(i)", "1(j)"]),
        # ... and a roman numeral under (h) when (ii) follows.
        ("1. X\n(g) g;\n(h) h—\n(i) one;\n(ii) two.\n", ["1(h)", "1(h)(i)", "1(h)(ii)"]),
        # With no (h) before it, (i) is roman.
        ("1. X\n(a) a—\n(i) one;\n(ii) two;\n(b) b.\n", ["1(a)(i)", "1(a)(ii)", "1(b)"]),
        # (v) continuing a roman list stays roman.
        ("1. X\n(a) a—\n(i) 1;\n(ii) 2;\n(iii) 3;\n(iv) 4;\n(v) 5.\n", ["1(a)(iv)", "1(a)(v)"]),
        # Flattened text: subsections and paragraphs inline after dashes and semicolons.
        (
            "1. X\n(1) A person— (a) one; (b) two; or (c) three. (2) Next.\n",
            ["1(1)(a)", "1(1)(c)", "1(2)"],
        ),
        ("Section 7. Heading\nText.\ns. 8 More text.\n", ["7", "8"]),
        ("Article 3\nText.\nArt. 4 - Heading\nText.\n", ["Art. 3", "Art. 4"]),
    ],
)
def test_marker_context(text: str, expected: list[str]) -> None:
    labels = _labels(text)
    missing = [label for label in expected if label not in labels]
    assert not missing, f"{missing} not in {labels}"


@pytest.mark.parametrize("dash", ["-", "\u2014"])
def test_an_extract_of_one_article_keeps_its_paragraphs(dash: str) -> None:
    # Written for this test: one article of a code, its paragraphs numbered "1.", "2.".
    text = (f"Article 3 {dash} Trafficking in human beings\n"
            "1. Whoever recruits a person by force shall be punished.\n"
            "2. Where the victim is a child, the means need not be proved.\n")
    assert _labels(text) == ["Art. 3", "Art. 3(1)", "Art. 3(2)"]


def test_one_article_cited_inside_an_act_does_not_make_it_a_code() -> None:
    text = ("1. Short title\nThis Act may be cited as the Example Act.\n"
            "2. Application\nThis Act gives effect to the Protocol.\n"
            "Article 5 of the Protocol is set out in the Schedule.\n"
            "3. Offence\nWhoever recruits a person by force commits an offence.\n")
    assert [label for label in _labels(text) if "(" not in label] == ["1", "2", "3"]


def test_chapters_numbered_afresh_in_each_title_are_cited_with_it() -> None:
    text = ("TITLE I — GENERAL PROVISIONS\nChapter I — Object\nArticle 1 — Object\nText.\n"
            "TITLE II — OFFENCES\nChapter I — Trafficking\nArticle 2 — Trafficking\nText.\n"
            "Chapter II — Other offences\nArticle 3 — Documents\nText.\n")
    labels = _labels(text)
    assert "Title I, Chapter I" in labels and "Title II, Chapter I" in labels
    assert "Chapter II" in labels  # a chapter whose number does not repeat keeps its label
    assert len(labels) == len(set(labels))


def test_roman_not_letter_when_ii_follows() -> None:
    labels = _labels("1. X\n(g) g;\n(h) h—\n(i) one;\n(ii) two.\n")
    assert "1(i)" not in labels


def test_nested_list_by_indentation() -> None:
    text = "0.\n    1. Short title.\n    2.\n        1. Any person who\n            a. does X;\n"
    labels = _labels(text)
    assert labels == ["1", "2", "2(1)", "2(1)(a)"]


def test_table_of_contents_is_not_segmented() -> None:
    text = (
        "ARRANGEMENT OF SECTIONS\n1. Short title\n2. Offence\n\nAn Act to do things.\n\n"
        "Short title\n1. This Act is the Things Act.\n\nOffence\n2. A person who does X commits "
        "an offence.\n"
    )
    clean = normalise(text)
    result = segment(clean.text, clean.lines)
    assert [u.label for u in result.units] == ["1", "2"]
    assert [u.heading for u in result.units] == ["Short title", "Offence"]
    assert clean.text[result.units[1].start :].startswith("Offence\n2. A person")
    assert any("arrangement of sections" in w for w in result.warnings)


@pytest.mark.parametrize("query", ["3", "s. 3", "section 3", "Section 3", "§ 3", "s.3"])
def test_find_is_tolerant(fixtures: Path, query: str) -> None:
    statute = read_statute(fixtures / "common_law_act.txt")
    assert statute.find(query) is statute.find("3")


def test_find_articles_and_unknown(fixtures: Path) -> None:
    statute = read_statute(fixtures / "civil_code.md")
    assert statute.find("Article 225-4-1") is statute.find("Art. 225-4-1")
    assert statute.find("Art. 999") is None


def _read_text(tmp_path: Path, text: str) -> Statute:
    path = tmp_path / "act.txt"
    path.write_text(text, encoding="utf-8")
    return read_statute(path)


def test_a_section_headed_meaning_of_defines_its_term(tmp_path: Path) -> None:
    statute = _read_text(tmp_path, "1. Short title\nThis Act may be cited as the Example Act.\n\n"
                         "3. Meaning of trafficking in persons\n(1) A person traffics another "
                         "person if he or she recruits the other person by force for "
                         "exploitation.\n\n5. Trafficking in persons\n(1) A person who traffics "
                         "another person commits an offence.\n")
    assert statute.definitions["trafficking in persons"].unit == "3"


def test_listed_definitions_in_translation(tmp_path: Path) -> None:
    # Written for this test, in the style of laws translated from Russian; the notes at the
    # foot of the code article are cited as a lawyer writes them.
    statute = _read_text(
        tmp_path, "Article 1. Basic concepts used in this Law\nThe following basic concepts "
        "are used in this Law:\n1) trafficking in persons — the recruitment of persons for "
        "exploitation;\n2) victim (hereinafter, victim) — a person harmed by trafficking;\n"
        "3) child — a person under eighteen years.\n\nArticle 2. Offence\n1. Trafficking in "
        "persons shall be punished.\nNotes. 1. Exploitation means forced labour.\n2. Consent "
        "is irrelevant.\n")
    assert {"trafficking in persons", "victim", "child"} <= set(statute.definitions)
    assert statute.definitions["child"].unit == "Art. 1(3)"
    assert statute.find("Art. 2, Note 2") is statute.find("Art. 2 Note 2") is not None


def test_definitions(fixtures: Path) -> None:
    statute = read_statute(fixtures / "common_law_act.txt")
    assert set(statute.definitions) == {"child", "exploitation", "trafficking in persons"}
    exploitation = statute.definitions["exploitation"]
    quote = statute.text[exploitation.start : exploitation.end]
    assert quote.startswith('"exploitation" includes') and quote.endswith("removal of organs")
    assert exploitation.unit == "2"
    # Paragraphs inside a definition are cited through the definition, not as units.
    assert statute.find("2(a)") is None
    philippine = read_statute(fixtures / "philippine_act.txt")
    assert philippine.definitions["child"].unit == "3(b)"
    us = read_statute(fixtures / "us_code.md")
    assert us.definitions["serious harm"].unit == "1589(c)(2)"


def test_ocr_fixture_warns(fixtures: Path) -> None:
    statute = read_statute(fixtures / "ocr_lost_numbers.txt")
    assert all(unit.inferred for unit in statute.units)
    joined = "\n".join(statute.warnings)
    for phrase in ("lost in OCR", "page header", "page-number", "OCR junk", "hyphenated"):
        assert phrase in joined
    # The word is joined on the first line; the line break itself stays.
    assert "compelled labour\nthrough force" in statute.text
    assert "EXTRA. MAY" not in statute.text and "MAY 2029" not in statute.text
