"""File names for reports, taken from statute file names."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from modellaw.compare.findings import GapResult


def report_stems(results: Iterable[GapResult]) -> list[str]:
    """File stems from statute file names; two statutes with one name get -2, -3 ..."""
    seen: dict[str, int] = {}
    out = []
    for r in results:
        stem = Path(r.statute.path).stem or "statute"
        n = seen.get(stem, 0) + 1
        seen[stem] = n
        out.append(stem if n == 1 else f"{stem}-{n}")
    return out
