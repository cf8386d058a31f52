"""What `modellaw ingest` shows: the unit tree as JSON (modellaw.ingest/1) or as indented text."""

from __future__ import annotations

from modellaw.statutes.model import Statute, Unit


def _unit_json(unit: Unit) -> dict:
    data: dict = {
        "label": unit.label,
        "heading": unit.heading,
        "start": unit.start,
        "end": unit.end,
        "children": [_unit_json(child) for child in unit.children],
    }
    # Extra keys are allowed by the contract; keep them informative and stable.
    data["kind"] = unit.kind
    if unit.repealed:
        data["repealed"] = True
    if unit.inferred:
        data["inferred"] = True
    return data


def ingest_json(statute: Statute) -> dict:
    meta = statute.meta
    return {
        "schema": "modellaw.ingest/1",
        "statute": {
            "path": statute.path,
            "title": meta.title,
            "country": meta.country,
            "year": meta.year,
            "language": meta.language,
            "source": meta.source,
            "format": statute.format,
            "chars": len(statute.text),
        },
        "warnings": list(statute.warnings),
        "units": [_unit_json(unit) for unit in statute.units],
        "definitions": {
            term: {"unit": d.unit, "start": d.start, "end": d.end}
            for term, d in sorted(statute.definitions.items())
        },
    }


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def ingest_text(statute: Statute) -> str:
    meta = statute.meta
    out = [f"{statute.path} ({statute.format}, {len(statute.text):,} chars)"]
    for key in ("title", "country", "year", "language", "source"):
        value = getattr(meta, key)
        if value:
            out.append(f"  {key}: {_short(value, 100)}")
    units = list(statute.walk())
    sections = sum(1 for u in units if u.kind in ("section", "article"))
    out.append(
        f"  {len(units)} units, {sections} sections/articles, "
        f"{len(statute.definitions)} defined terms"
    )
    out.append("")

    def show(unit: Unit, depth: int) -> None:
        flags = []
        if unit.repealed:
            flags.append("repealed")
        if unit.inferred:
            flags.append("label from heading")
        line = "  " * depth + unit.label
        if unit.heading and unit.heading != unit.label:
            line += f"  {_short(unit.heading)}"
        line += f"  [{unit.end - unit.start:,} chars]"
        if flags:
            line += "  (" + ", ".join(flags) + ")"
        out.append(line)
        for child in unit.children:
            show(child, depth + 1)

    for unit in statute.units:
        show(unit, 0)
    if statute.definitions:
        out.append("")
        out.append(
            "defined terms: "
            + ", ".join(f"{term} ({d.unit})" for term, d in sorted(statute.definitions.items()))
        )
    out.append("")
    if statute.warnings:
        out.append(f"warnings ({len(statute.warnings)}):")
        out.extend(f"  - {warning}" for warning in statute.warnings)
    else:
        out.append("warnings: none")
    return "\n".join(out) + "\n"
