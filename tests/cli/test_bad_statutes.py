"""Statutes that cannot be read: one line saying what to do, exit 1, no traceback, no output.

And statutes that look odd but can be read (UTF-16, Windows-1252, hostile markup).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from modellaw.cli import main

KESTREL = Path(__file__).resolve().parents[2] / "national_laws" / "kestrel-tip-act-2019.txt"

UNREADABLE = [
    ("scanned", "run OCR first"),
    ("encrypted", "encrypted"),
    ("doc", "save it as .docx"),
    ("binary", "binary file"),
    ("empty", "empty"),
]


@pytest.mark.parametrize(("kind", "words"), UNREADABLE, ids=[k for k, _ in UNREADABLE])
def test_ingest_unreadable(bad_files: dict[str, Path], kind: str, words: str) -> None:
    res = CliRunner().invoke(main, ["ingest", str(bad_files[kind])])
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0]
    assert res.stdout == ""


@pytest.mark.parametrize(("kind", "words"), UNREADABLE, ids=[k for k, _ in UNREADABLE])
def test_gap_unreadable_prints_no_empty_report(bad_files: dict[str, Path], kind: str,
                                               words: str) -> None:
    res = CliRunner().invoke(main, ["gap", str(bad_files[kind])])
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0]
    assert res.stdout == ""  # once this printed "[]", which a script would take for a report


def test_matrix_with_no_readable_statute_writes_nothing(bad_files: dict[str, Path],
                                                        tmp_path: Path) -> None:
    out = tmp_path / "matrix"
    res = CliRunner().invoke(main, ["matrix", str(bad_files["empty"]), str(bad_files["binary"]),
                                    "-o", str(out)])
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    assert not out.exists() or not list(out.iterdir())


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_legacy_encodings_are_read(tmp_path: Path, encoding: str) -> None:
    text = KESTREL.read_text(encoding="utf-8").replace('"', "\u201c", 2)
    f = tmp_path / f"kestrel-{encoding}.txt"
    f.write_bytes(text.encode(encoding))
    res = CliRunner().invoke(main, ["ingest", str(f), "--format", "json"])
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["statute"]["title"].startswith("Prevention of Trafficking in Persons Act 2019")
    assert any(u["label"] == "Part 2" for u in data["units"])


def test_hostile_statute_shows_as_text_in_html(tmp_path: Path) -> None:
    # Inside the offence's own words, which the report quotes as evidence.
    text = KESTREL.read_text(encoding="utf-8").replace(
        "(1) A person who recruits",
        "(1) A person <script>alert(1)</script><img src=x onerror=alert(2)> who recruits", 1)
    assert "<script>" in text
    f = tmp_path / "hostile.txt"
    f.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["gap", str(f), "--format", "html"])
    assert res.exit_code == 0, res.stderr
    html = res.stdout
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
