"""Reports: the comparator's findings as documents people read, print and discuss."""

from modellaw.report.docx_report import render_docx
from modellaw.report.html import render_html
from modellaw.report.json_report import gap_json
from modellaw.report.markdown import render_markdown
from modellaw.report.matrix import Matrix, build_matrix
from modellaw.report.write import FORMATS, write_matrix, write_reports

__all__ = [
    "FORMATS", "Matrix", "build_matrix", "gap_json", "render_docx", "render_html",
    "render_markdown", "write_matrix", "write_reports",
]
