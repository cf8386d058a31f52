"""The model law as a document a workshop can use: markdown, HTML and Word."""

from __future__ import annotations

from modellaw.dsl.model import ModelLaw
from modellaw.publish.document import Document, build_document

__all__ = ["Document", "build_document", "render_bytes"]


def render_bytes(model: ModelLaw, fmt: str) -> bytes:
    """The model law in one of md | html | docx, as the bytes to write."""
    doc = build_document(model)
    if fmt == "md":
        from modellaw.publish.markdown import render_markdown

        return render_markdown(doc).encode("utf-8")
    if fmt == "html":
        from modellaw.publish.html import render_html

        return render_html(doc).encode("utf-8")
    if fmt == "docx":
        from modellaw.publish.docx import render_docx

        return render_docx(doc)
    raise ValueError(f"unknown format '{fmt}': use md, html or docx")
