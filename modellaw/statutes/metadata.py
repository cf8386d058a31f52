"""Statute metadata: a `# key: value` header closed by `---`, a sidecar, the document, overrides."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from modellaw.statutes.model import StatuteMeta, StatuteReadError

KNOWN_KEYS = ("title", "country", "year", "language", "source")
_HEADER_LINE = re.compile(r"^#\s*([A-Za-z][\w -]{0,40}?)\s*:\s*(.*?)\s*$")
_ALIASES = {"lang": "language", "jurisdiction": "country", "state": "country", "date": "year"}


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Split off a leading `# key: value` block closed by `---`.

    Returns (fields, body). Without a well-formed block the text comes back unchanged, so a
    statute that merely starts with a markdown heading is never mistaken for metadata.
    """
    lines = text.split("\n")
    fields: dict[str, str] = {}
    for index, line in enumerate(lines[:60]):
        stripped = line.strip().lstrip("\ufeff")
        if stripped == "---":
            if not fields:
                return {}, text
            return fields, "\n".join(lines[index + 1 :])
        if not stripped:
            continue
        match = _HEADER_LINE.match(stripped)
        if not match:
            return {}, text
        key = match.group(1).strip().lower().replace(" ", "_").replace("-", "_")
        fields[_ALIASES.get(key, key)] = match.group(2)
    return {}, text


def read_sidecar(path: Path) -> dict[str, str]:
    """`<file>.meta.json` (or `<stem>.meta.json`) next to the statute."""
    for candidate in (path.with_name(path.name + ".meta.json"), path.with_suffix(".meta.json")):
        if candidate.is_file():
            try:
                data = json.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
                raise StatuteReadError(
                    f"{candidate}: metadata file is not valid JSON ({exc}); fix or remove it"
                ) from exc
            if not isinstance(data, dict):
                raise StatuteReadError(f"{candidate}: metadata file must hold a JSON object")
            return {
                _ALIASES.get(str(k).lower(), str(k).lower()): str(v)
                for k, v in data.items()
                if v is not None
            }
    return {}


_TITLE_WORDS = re.compile(
    r"\b(?:Act|ACT|Code|CODE|Law|LAW|Ordinance|ORDINANCE|Decree|DECREE|Proclamation|Statute|Bill)\b"
)


def title_from_text(text: str) -> str | None:
    """The first early line that reads like a statute's title."""
    for line in text.split("\n")[:40]:
        candidate = line.strip().lstrip("#").strip().strip("*").strip()
        if candidate[:1] in "([0123456789-":
            continue
        if 8 <= len(candidate) <= 200 and _TITLE_WORDS.search(candidate):
            if candidate.lower().startswith(("an act to", "whereas", "be it enacted")):
                continue
            return re.sub(r"\s+", " ", candidate)
    return None


# The commonest English function words; statutes in English are dense with them.
_ENGLISH = frozenset("the of and to in a or any by be shall is for person that which".split())


def guess_language(text: str) -> str | None:
    """'en' when the text is plainly English; otherwise None (never a silent wrong guess)."""
    words = re.findall(r"[a-z]+", text[:20000].lower())
    if len(words) < 50:
        return None
    share = sum(1 for w in words if w in _ENGLISH) / len(words)
    return "en" if share >= 0.15 else None


def build_meta(
    *sources: Mapping[str, str] | None,
) -> StatuteMeta:
    """Merge metadata sources; later ones win (document < header < sidecar < overrides)."""
    merged: dict[str, str] = {}
    for source in sources:
        if not source:
            continue
        for key, value in source.items():
            if value is None or str(value).strip() == "":
                continue
            merged[_ALIASES.get(key.lower(), key.lower())] = str(value).strip()
    meta = StatuteMeta()
    for key in KNOWN_KEYS:
        setattr(meta, key, merged.pop(key, None))
    meta.extra = merged
    if meta.year and not re.fullmatch(r"\d{4}", meta.year):
        # "2015 (MalawiLII version eng@2017-12-31)": the year is the first one named.
        found = re.search(r"\b(1[89]\d\d|20\d\d)\b", meta.year)
        if found:
            meta.extra.setdefault("year_note", meta.year)
            meta.year = found.group(1)
    if meta.year is None and meta.title:
        found = re.search(r"\b(1[89]\d\d|20\d\d)\b", meta.title)
        if found:
            meta.year = found.group(1)
    return meta
