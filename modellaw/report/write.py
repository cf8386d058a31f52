"""Writing gap reports to disk: one file per statute and format, each written atomically."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from modellaw.compare.findings import GapResult
from modellaw.dsl.model import ModelLaw
from modellaw.report.docx_report import render_docx
from modellaw.report.html import render_html
from modellaw.report.json_report import gap_json
from modellaw.report.markdown import render_markdown
from modellaw.report.matrix import Matrix
from modellaw.report.matrix_html import render_matrix_html
from modellaw.report.matrix_sheets import matrix_csv, matrix_xlsx
from modellaw.report.names import report_stems
from modellaw.util.files import write_atomic

FORMATS = ("md", "html", "docx", "json")


def _render(result: GapResult, model: ModelLaw | None, fmt: str) -> str | bytes:
    if fmt == "md":
        return render_markdown(result, model)
    if fmt == "html":
        return render_html(result, model)
    if fmt == "docx":
        return render_docx(result, model)
    if fmt == "json":
        return json.dumps(gap_json(result), indent=2, ensure_ascii=False) + "\n"
    raise ValueError(f"unknown report format {fmt!r}; choose from {', '.join(FORMATS)}")


def write_reports(
    results: list[GapResult], model: ModelLaw | None, formats: Iterable[str], out_dir: str | Path
) -> list[Path]:
    """Write every result in every format under out_dir; returns the paths written."""
    formats = list(dict.fromkeys(formats))
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise ValueError(f"unknown report format {bad[0]!r}; choose from {', '.join(FORMATS)}")
    out = Path(out_dir)
    written: list[Path] = []
    for result, stem in zip(results, report_stems(results), strict=True):
        for fmt in formats:
            target = out / f"{stem}.{fmt}"
            write_atomic(target, _render(result, model, fmt))
            written.append(target)
    return written


MATRIX_FORMATS = ("html", "csv", "xlsx")


def write_matrix(matrix: Matrix, out_dir: str | Path,
                 formats: Iterable[str] = MATRIX_FORMATS) -> list[Path]:
    """matrix.html, matrix.csv and matrix.xlsx under out_dir; returns the paths written."""
    out = Path(out_dir)
    written = []
    for fmt in formats:
        if fmt == "html":
            data: str | bytes = render_matrix_html(matrix)
        elif fmt == "csv":
            data = matrix_csv(matrix)
        elif fmt == "xlsx":
            data = matrix_xlsx(matrix)
        else:
            raise ValueError(f"unknown matrix format {fmt!r}; choose from html, csv, xlsx")
        target = out / f"matrix.{fmt}"
        write_atomic(target, data)
        written.append(target)
    return written
