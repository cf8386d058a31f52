"""Reading national statutes: formats, clean-up, metadata, segmentation, definitions."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from modellaw.statutes.cleanup import normalise
from modellaw.statutes.definitions import find_definitions
from modellaw.statutes.metadata import (
    build_meta,
    guess_language,
    read_sidecar,
    split_header,
    title_from_text,
)
from modellaw.statutes.model import (
    DefinedTerm,
    Statute,
    StatuteMeta,
    StatuteReadError,
    Unit,
)
from modellaw.statutes.readers import read_raw
from modellaw.statutes.segment import segment

__all__ = [
    "DefinedTerm",
    "Statute",
    "StatuteMeta",
    "StatuteReadError",
    "Unit",
    "read_statute",
]


def read_statute(path: str | Path, overrides: Mapping[str, str] | None = None) -> Statute:
    """Read, clean and segment a statute file. Raises StatuteReadError with a one-line message."""
    path = Path(path)
    raw = read_raw(path)
    header, body = split_header(raw.text)
    clean = normalise(body)
    if not clean.text.strip():
        raise StatuteReadError(f"{path}: the file holds metadata but no statute text")
    seg = segment(clean.text, clean.lines)
    document_meta = {"title": raw.title or title_from_text(clean.text) or ""}
    meta = build_meta(document_meta, header, read_sidecar(path), overrides)
    if meta.language is None:
        meta.language = guess_language(clean.text)
        if meta.language:
            meta.extra.setdefault("language_source", "guessed from the text")
    if raw.encoding and raw.encoding not in ("utf-8",):
        meta.extra.setdefault("encoding", raw.encoding)
    definitions = find_definitions(clean.text, seg.units)
    warnings = raw.warnings + clean.warnings + seg.warnings
    return Statute(
        path=str(path),
        format=raw.format,
        text=clean.text,
        meta=meta,
        units=seg.units,
        definitions=definitions,
        warnings=warnings,
        contents=seg.contents,
        instruments=seg.instruments,
    )
