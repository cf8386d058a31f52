from collections.abc import Callable
from pathlib import Path

import pytest

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"


def _read_statute(slug: str) -> str:
    path = CORPUS / f"{slug}.txt"
    if not path.is_file():
        pytest.skip(f"corpus statute {slug} not available at {CORPUS}")
    raw = path.read_text(encoding="utf-8")
    _head, sep, body = raw.partition("\n---\n")
    return body if sep else raw


@pytest.fixture
def corpus_text() -> Callable[[str], str]:
    """Statute body of a corpus file (after its metadata header); skips if absent."""
    return _read_statute
