"""Clean-up keeps offsets exact; metadata comes from header, sidecar, document and overrides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modellaw.statutes import read_statute
from modellaw.statutes.cleanup import normalise
from modellaw.statutes.metadata import split_header


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab -(1)\t\u00a0.#—\f", max_size=30), max_size=25))
def test_line_offsets_index_the_normalised_text(raw_lines: list[str]) -> None:
    clean = normalise("\n".join(raw_lines))
    for line in clean.lines:
        assert clean.text[line.start : line.end] == line.text
        assert line.text == line.text.strip() and line.text
    assert "\n\n\n" not in clean.text


def test_whitespace_and_hyphenation() -> None:
    clean = normalise("  (1) A  person\u00a0who\trecruits a traf-\nficked person.\n\n\n\n(2) Next.")
    assert clean.text == "(1) A person who recruits a trafficked\nperson.\n\n(2) Next."
    assert clean.lines[0].indent == 2


def test_compound_hyphen_is_kept() -> None:
    assert "non-\ngovernmental" in normalise("assisted by non-\ngovernmental bodies").text


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Punctuation after the word's tail moves with it: no line starting with a comma.
        ("responsible for the in-\nterior, justice and welfare", "the interior,\njustice and"),
        ("the punish-\nment. Next", "the punishment.\nNext"),
        # The document is the witness: "exploitation" occurs, so "ex-" + "ploitation" joins.
        (
            "sexual exploitation of a person or other sexual ex-\nploitation, forced labour",
            "other sexual exploitation,\nforced labour",
        ),
        # ... and "co-operation" occurs, so the hyphen stays.
        ("co-operation with states and co-\noperation with bodies", "co-\noperation with"),
        # Another form of the word is a witness too.
        ("giving or receiving payments; whoever re-\nceives them", "whoever receives\nthem"),
        ("non-governmental bodies, and non-\ngovernment ones", "non-\ngovernment ones"),
        # Without a witness, a compound prefix keeps its hyphen.
        ("a non-\nviolent act", "non-\nviolent act"),
    ],
)
def test_hyphenation_across_lines(raw: str, expected: str) -> None:
    assert expected in normalise(raw).text


def test_header_is_metadata_not_text(fixtures: Path) -> None:
    statute = read_statute(fixtures / "common_law_act.txt")
    assert statute.meta.country == "Republic of Eastmarch"
    assert statute.meta.year == "2031"
    assert statute.meta.source == "written for the modellaw tests"
    assert "# title" not in statute.text and "---" not in statute.text
    assert statute.text.startswith("REPUBLIC OF EASTMARCH")


def test_markdown_heading_is_not_a_header() -> None:
    fields, body = split_header("# Chapter 1\n\nText\n---\n")
    assert fields == {} and body.startswith("# Chapter 1")


def test_sidecar_and_overrides(tmp_path: Path, fixtures: Path) -> None:
    path = tmp_path / "act.txt"
    path.write_text((fixtures / "common_law_act.txt").read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "act.txt.meta.json").write_text(
        json.dumps({"country": "Eastmarch (sidecar)", "language": "en", "gazette": "No. 4"}),
        encoding="utf-8",
    )
    statute = read_statute(path, overrides={"language": "en-GB"})
    assert statute.meta.country == "Eastmarch (sidecar)"  # sidecar beats the header
    assert statute.meta.language == "en-GB"  # overrides beat everything
    assert statute.meta.extra["gazette"] == "No. 4"
    assert statute.meta.title == "Protection of Persons Act 2031"


def test_title_from_the_document(fixtures: Path) -> None:
    assert read_statute(fixtures / "philippine_act.txt").meta.title == "REPUBLIC ACT NO. 99999"


def test_cp1252_encoding_is_recorded(tmp_path: Path) -> None:
    path = tmp_path / "act.txt"
    path.write_bytes("1. The “victim” shall be protected.\n".encode("cp1252"))
    assert read_statute(path).meta.extra["encoding"] == "windows-1252"


def test_sixty_thousand_characters(corpus: Path) -> None:
    # The largest real statute reads whole; its last section is segmented.
    statute = read_statute(corpus / "us-usc-tvpa.txt")
    assert len(statute.text) > 50_000
    assert statute.find("1597(c)") is not None
