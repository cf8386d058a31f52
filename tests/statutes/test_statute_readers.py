"""Readers: every format, every encoding, and a clear one-line message for each bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from modellaw.statutes import StatuteReadError, read_statute

SAMPLE = (
    "1. Trafficking in persons\n"
    "(1) A person who recruits another “by force” commits an offence — café owners too.\n"
    "(2) Consent is irrelevant.\n"
)


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [
        ("utf-8", b""),
        ("utf-8", b"\xef\xbb\xbf"),
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("cp1252", b""),
    ],
)
def test_text_encodings_are_detected(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "act.txt"
    path.write_bytes(prefix + SAMPLE.encode(encoding))
    statute = read_statute(path)
    assert "“by force”" in statute.text and "café" in statute.text and "—" in statute.text
    assert statute.find("1(2)") is not None
    assert not any("guessed" in w for w in statute.warnings)


def test_guessed_encoding_warns(tmp_path: Path) -> None:
    # Cyrillic in a single-byte code page is neither UTF-8 nor plausible Windows-1252.
    path = tmp_path / "act.txt"
    path.write_bytes(("1. Торговля людьми запрещается законом.\n" * 5).encode("cp1251"))
    statute = read_statute(path)
    assert any("guessed" in w for w in statute.warnings)


@pytest.mark.parametrize(
    ("name", "fmt", "title", "labels"),
    [
        ("common_law_act.txt", "txt", "Protection of Persons Act 2031", ["3(2)(b)(ii)", "3A"]),
        ("statute.html", "html", "Victim Assistance Act 2030", ["Part 1", "2(2)"]),
        ("us_code.md", "md", None, ["1589(a)(3)", "1589(c)(2)(B)", "1593A"]),
        (
            "civil_code.md",
            "md",
            "Penal Code of the Federation of Westvale (extract)",
            ["Art. 225-4-1", "Art. 12 bis"],
        ),
    ],
)
def test_fixture_formats(fixtures: Path, name, fmt, title, labels) -> None:  # type: ignore[no-untyped-def]
    statute = read_statute(fixtures / name)
    assert statute.format == fmt
    assert statute.meta.title == title
    for label in labels:
        assert statute.find(label) is not None, label


def test_html_drops_scripts_and_navigation(fixtures: Path) -> None:
    statute = read_statute(fixtures / "statute.html")
    assert "not a section" not in statute.text and "Home | Laws" not in statute.text
    assert "victims & their children" in statute.text


def test_pdf_text_layer(act_pdf: Path) -> None:
    statute = read_statute(act_pdf)
    assert statute.format == "pdf"
    assert statute.meta.title == "Sample Act 2030"
    assert statute.find("1(2)") is not None and statute.find("2") is not None
    # The running head printed on every page is dropped, and so are the page numbers.
    assert "OFFICIAL GAZETTE" not in statute.text
    assert any("page header" in w for w in statute.warnings)


def test_docx(act_docx: Path) -> None:
    statute = read_statute(act_docx)
    assert statute.format == "docx"
    assert statute.meta.title == "Sample Act 2030"
    part = statute.find("Part 1")
    assert part is not None and part.heading == "OFFENCES"
    assert [u.label for u in part.children] == ["1", "2"]


def test_content_wins_over_extension(tmp_path: Path, act_pdf: Path) -> None:
    disguised = tmp_path / "act.txt"
    disguised.write_bytes(act_pdf.read_bytes())
    statute = read_statute(disguised)
    assert statute.format == "pdf"
    assert any("content is pdf" in w for w in statute.warnings)


def _error(path: Path) -> str:
    with pytest.raises(StatuteReadError) as info:
        read_statute(path)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_scanned_pdf(scanned_pdf: Path) -> None:
    assert "scanned PDF: run OCR first, e.g. ocrmypdf, then try again" in _error(scanned_pdf)


def test_encrypted_pdf(encrypted_pdf: Path) -> None:
    assert "encrypted" in _error(encrypted_pdf) and "unprotected copy" in _error(encrypted_pdf)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "act.txt"
    path.write_bytes(bytes(range(256)) * 4)
    assert "binary file" in _error(path)


@pytest.mark.parametrize("content", [b"", b"   \n\n  "])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "act.txt"
    path.write_bytes(content)
    assert "the file is empty" in _error(path)


def test_header_only_file(tmp_path: Path) -> None:
    path = tmp_path / "act.txt"
    path.write_text("# title: Nothing Act\n---\n", encoding="utf-8")
    assert "no statute text" in _error(path)


def test_unreadable_encoding(tmp_path: Path) -> None:
    path = tmp_path / "act.txt"
    path.write_bytes(b"\xff\xfe" + b"\x00\xd8" * 40)  # UTF-16 BOM, then unpaired surrogates
    assert "save it again as UTF-8" in _error(path)


def test_doc_extension(tmp_path: Path) -> None:
    path = tmp_path / "act.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert "save it as .docx" in _error(path)


def test_unsupported_extension_with_binary_content(tmp_path: Path) -> None:
    path = tmp_path / "act.odt"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert "save it as .docx" in _error(path)


def test_nonexistent_path(tmp_path: Path) -> None:
    assert "no such file" in _error(tmp_path / "missing.txt")


def test_directory(tmp_path: Path) -> None:
    assert "is a directory" in _error(tmp_path)
