"""Files a new user might hand to modellaw, good and bad, written fresh for each test."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "national_laws"
KESTREL = SAMPLES / "kestrel-tip-act-2019.txt"


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    """Unreadable 'statutes': each must give a one-line message, never a traceback."""
    from fpdf import FPDF
    from PIL import Image

    out: dict[str, Path] = {}
    image = tmp_path / "page.png"
    Image.new("RGB", (200, 100), (255, 255, 255)).save(image)
    scanned = FPDF()
    scanned.add_page()
    scanned.image(str(image), x=10, y=10, w=100)
    out["scanned"] = tmp_path / "scanned.pdf"
    scanned.output(str(out["scanned"]))

    locked = FPDF()
    locked.add_page()
    locked.set_font("helvetica", size=12)
    locked.multi_cell(0, 8, "Section 1. A person who recruits a person for the purpose of "
                            "exploitation commits an offence.")
    locked.set_encryption(owner_password="owner", user_password="secret")
    out["encrypted"] = tmp_path / "encrypted.pdf"
    locked.output(str(out["encrypted"]))

    out["doc"] = tmp_path / "old.doc"
    out["doc"].write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504)
    out["binary"] = tmp_path / "binary.txt"
    out["binary"].write_bytes(bytes(range(256)) * 12)
    out["empty"] = tmp_path / "empty.txt"
    out["empty"].write_bytes(b"")
    return out


@pytest.fixture
def statute_copy(tmp_path: Path) -> Path:
    """The Kestrel sample in a folder of its own (its review file goes beside it)."""
    folder = tmp_path / "statutes"
    folder.mkdir()
    target = folder / KESTREL.name
    target.write_bytes(KESTREL.read_bytes())
    return target
