"""Shared fixtures: paths, and binary statute files generated on the fly (PDF, DOCX)."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "statutes"
CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"

ACT_LINES = [
    "PART 1 - OFFENCES",
    "1. Trafficking in persons",
    "(1) A person who recruits another person by force for exploitation commits an offence.",
    "(2) The consent of the victim is irrelevant.",
    "2. Non-punishment",
    "A victim shall not be punished for offences the victim was compelled to commit.",
]


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available")
    return CORPUS


def write_pdf(path: Path, pages: list[list[str]], title: str | None = None) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.set_font("Helvetica", size=11)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.cell(0, 8, "OFFICIAL GAZETTE OF SAMPLELAND", new_x="LMARGIN", new_y="NEXT")
        for line in lines:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-20)
        pdf.cell(0, 8, str(number), align="C")
    pdf.output(str(path))
    return path


@pytest.fixture
def act_pdf(tmp_path: Path) -> Path:
    return write_pdf(tmp_path / "act.pdf", [ACT_LINES[:4], ACT_LINES[4:]], title="Sample Act 2030")


@pytest.fixture
def scanned_pdf(tmp_path: Path) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 150, 200, style="F")  # an image-like page with no text layer
    path = tmp_path / "scanned.pdf"
    pdf.output(str(path))
    return path


@pytest.fixture
def encrypted_pdf(tmp_path: Path, act_pdf: Path) -> Path:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(act_pdf).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as handle:
        writer.write(handle)
    return path


@pytest.fixture
def act_docx(tmp_path: Path) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = "Sample Act 2030"
    document.add_heading("PART 1 - OFFENCES", level=1)
    for line in ACT_LINES[1:]:
        document.add_paragraph(line)
    path = tmp_path / "act.docx"
    document.save(str(path))
    return path


@pytest.fixture
def make_pdf(tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(name: str, pages: list[list[str]]) -> Path:
        return write_pdf(tmp_path / name, pages)

    return make
