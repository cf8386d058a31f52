"""Reader for the requirement catalog (`../shared/standards/catalog.md`).

The catalog is hand-written markdown. This module turns its requirement rows, the
reference ids of section 9.2 and the instrument table at the top into plain dataclasses,
so that the DSL generator and the agreement test read the catalog the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

STRENGTHS = ("mandatory", "qualified", "consider", "endeavour", "recommended")
VERIFY = ("verified", "secondary", "unverified", "project")

# `#### tip.3.a — Definition of trafficking ...`
_HEADING = re.compile(r"^#### (\S+) — (.+?)\s*$")
_ID = re.compile(r"^[a-z][a-z0-9]*(\.[a-z0-9]+)+$")
_BOLD_WORD = re.compile(r"\*\*([a-z]+)\*\*")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_REFERENCE_ROW = re.compile(r"^\|\s*(\*\*)?(ohchr\.p\d+)(\*\*)?\s*\|")


class CatalogError(ValueError):
    """The catalog cannot be read, or a row does not follow the catalog's layout."""


@dataclass
class CatalogRow:
    """One requirement row (or, with `reference`, one reference id) of the catalog."""

    id: str
    title: str
    instrument: str  # the id prefix: tip, untoc, ..., ohchr
    cite: str  # as written; empty where the catalog gives none (Bali rows)
    strength: str  # one of STRENGTHS: the strength of the row's core paragraph
    verify: str  # one of VERIFY
    aliases: list[str] = field(default_factory=list)
    overlaps: list[str] = field(default_factory=list)
    reference: bool = False
    strength_note: str = ""  # the strength field as written, qualifiers included
    verify_note: str = ""  # the verify field as written
    elements: str = ""  # the elements bullet, joined into one line
    line: int = 0  # 1-based line of the row's heading in the catalog


@dataclass
class CatalogInstrument:
    """One line of the instrument table at the top of the catalog."""

    prefix: str
    name: str
    year: int | None
    binding: str  # as the table says: treaty, regional treaty, EU law, soft law, guidance ...
    note: str = ""  # the rest of the table cell after the name


def _read_lines(path: str | Path) -> list[str]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise CatalogError(f"{path}: cannot read the catalog: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise CatalogError(f"{path}: the catalog is not UTF-8 text") from None
    return text.replace("\r\n", "\n").split("\n")


def _bullets(lines: list[str], start: int) -> list[tuple[int, str]]:
    """Top-level bullets of the row that starts after `start`, each joined into one line.

    Continuation lines and sub-bullets are indented; they belong to the bullet above.
    """
    out: list[tuple[int, str]] = []
    i = start
    while i < len(lines):
        ln = lines[i]
        if ln.startswith("#") or ln.startswith("---"):
            break
        if ln.startswith("- "):
            out.append((i + 1, ln[2:].strip()))
        elif ln[:1] in (" ", "\t") and ln.strip() and out:
            out[-1] = (out[-1][0], out[-1][1] + " " + ln.strip())
        i += 1
    return out


def normalize_verify(text: str) -> str | None:
    """The verify field as written -> one of VERIFY, or None when it is not recognisable."""
    t = text.strip().lower()
    if t.startswith("verified (secondary"):
        return "secondary"
    if t.startswith("verified"):
        return "verified"
    if t.startswith("unverified"):
        return "unverified"
    if t.startswith("project source"):
        return "project"
    return None


def _ids(text: str) -> list[str]:
    """Ids in a comma-separated list; parenthesised remarks ("(analogue)") are dropped."""
    depth, plain = 0, []
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            plain.append(ch)
    out: list[str] = []
    for tok in "".join(plain).split(","):
        tok = tok.strip().strip("*`").rstrip(".")
        if _ID.match(tok) and tok not in out:
            out.append(tok)
    return out


def _row(path: str | Path, lines: list[str], idx: int, rid: str, title: str) -> CatalogRow:
    where = f"{path}:{idx + 1}"
    bullets = _bullets(lines, idx + 1)
    if not bullets:
        raise CatalogError(f"{where}: row {rid} has no bullet lines")
    where = f"{path}:{bullets[0][0]}"  # field problems point at the bullet line
    fields: dict[str, str] = {}
    for part in bullets[0][1].split(" · "):
        key, sep, value = part.partition(":")
        if not sep:
            raise CatalogError(f"{where}: row {rid}: cannot read '{part.strip()}' "
                               "(expected 'key: value' fields separated by ' · ')")
        fields[key.strip()] = value.strip()
    for required in ("strength", "verify"):
        if required not in fields:
            raise CatalogError(f"{where}: row {rid} has no {required} field")
    m = _BOLD_WORD.search(fields["strength"])
    if not m or m.group(1) not in STRENGTHS:
        raise CatalogError(f"{where}: row {rid}: strength '{fields['strength']}' does not start "
                           f"with one of **{'**, **'.join(STRENGTHS)}**")
    verify = normalize_verify(fields["verify"])
    if verify is None:
        raise CatalogError(f"{where}: row {rid}: unknown verify value '{fields['verify']}'")
    rest = {text.partition(":")[0]: text.partition(":")[2].strip() for _, text in bullets[1:]}
    return CatalogRow(
        id=rid,
        title=title,
        instrument=rid.split(".")[0],
        cite=fields.get("cite", ""),
        strength=m.group(1),
        verify=verify,
        aliases=_ids(fields.get("aliases", "")),
        overlaps=_ids(rest.get("overlaps", "")),
        strength_note=fields["strength"],
        verify_note=fields["verify"],
        elements=rest.get("elements", ""),
        line=idx + 1,
    )


def _reference_row(path: str | Path, line: str, idx: int) -> CatalogRow:
    cells = [c.strip().replace("**", "") for c in line.strip().strip("|").split("|")]
    if len(cells) != 4:
        raise CatalogError(f"{path}:{idx + 1}: a reference row needs 4 cells "
                           "(ref id, principle, verify, links)")
    rid, principle, verify_text, links = cells
    verify = normalize_verify(verify_text)
    if verify is None:
        raise CatalogError(f"{path}:{idx + 1}: unknown verify value '{verify_text}'")
    number = rid.rsplit(".p", 1)[1]
    return CatalogRow(
        id=rid,
        title=principle[:1].upper() + principle[1:],
        instrument="ohchr",
        cite=f"OHCHR Principle {number}",
        strength="recommended",
        verify=verify,
        overlaps=_ids(links),
        reference=True,
        strength_note="recommended (reference id)",
        verify_note=verify_text,
        line=idx + 1,
    )


def read_catalog(path: str | Path) -> list[CatalogRow]:
    """All rows in catalog order: the core rows, then the reference ids of section 9.2.

    Raises CatalogError (with path:line) if the file is unreadable or a row is malformed,
    or if an id or alias is defined twice.
    """
    lines = _read_lines(path)
    rows: list[CatalogRow] = []
    in_refs = False
    for idx, ln in enumerate(lines):
        if ln.startswith("#"):
            in_refs = ln.startswith("### 9.2")
        m = _HEADING.match(ln)
        if m:
            rid, title = m.groups()
            if not _ID.match(rid):
                raise CatalogError(f"{path}:{idx + 1}: '{rid}' is not a requirement id")
            rows.append(_row(path, lines, idx, rid, title))
        elif in_refs and _REFERENCE_ROW.match(ln):
            rows.append(_reference_row(path, ln, idx))
    if not rows:
        raise CatalogError(f"{path}: no requirement rows found (expected '#### <id> — <title>')")
    seen: dict[str, str] = {}
    for r in rows:
        for ident in (r.id, *r.aliases):
            if ident in seen:
                raise CatalogError(f"{path}:{r.line}: '{ident}' is defined twice "
                                   f"(also in row {seen[ident]})")
            seen[ident] = r.id
    return rows


def _split_top(text: str, sep: str) -> list[str]:
    """Split at `sep` outside parentheses."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == sep and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


def _name_and_year(cell: str) -> tuple[str, int | None, str]:
    first = re.split(r"\.\s+(?=[A-Z])", cell, maxsplit=1)[0]
    name = first
    # Drop trailing parenthesised remarks: "(2000; in force ...)".
    while name.endswith(")") and "(" in name:
        depth, cut = 0, None
        for i in range(len(name) - 1, -1, -1):
            depth += name[i] == ")"
            depth -= name[i] == "("
            if depth == 0:
                cut = i
                break
        if not cut:
            break
        name = name[:cut].rstrip()
    y = _YEAR.search(first)
    note = cell[len(name):].strip()
    return name.strip(), int(y.group(1)) if y else None, note


def read_instruments(path: str | Path) -> list[CatalogInstrument]:
    """The instrument table at the top of the catalog, in catalog order.

    The `(reference)` line names two frameworks; only OHCHR has ids (`ohchr.pN`), so only
    it is returned, with prefix `ohchr`.
    """
    out: list[CatalogInstrument] = []
    for ln in _read_lines(path):
        if ln.startswith("## "):
            break  # the table sits above the first section
        cells = [c.strip() for c in ln.strip().strip("|").split("|")]
        if not ln.startswith("|") or len(cells) != 3:
            continue
        prefix, cell, binding = cells
        if prefix.startswith("`") and prefix.endswith("`"):
            name, year, note = _name_and_year(cell)
            out.append(CatalogInstrument(prefix.strip("`"), name, year, binding, note))
        elif prefix == "(reference)":
            for piece in _split_top(cell, ";"):
                if piece.startswith("OHCHR"):
                    name, year, note = _name_and_year(piece)
                    out.append(CatalogInstrument("ohchr", name, year, "guidance", note))
    if not out:
        raise CatalogError(f"{path}: no instrument table found at the top of the catalog")
    return out
