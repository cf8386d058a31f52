"""The catalog (../shared/standards/catalog.md) and provisions/standards/ must agree.

The catalog's ids, aliases, strengths and verification statuses are a contract: a gap
report names every catalog id, and gold labels use them. These tests fail when a DSL file
misses, adds or misspells an id, or when an alias, strength or verify value drifts.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from modellaw.dsl.fmt import format_text
from modellaw.dsl.loader import load_model
from modellaw.dsl.parser import parse_file
from modellaw.dsl.syntax import Attr, Decl
from modellaw.standards.catalog import (
    CatalogError,
    CatalogRow,
    read_catalog,
    read_instruments,
)

ROOT = Path(__file__).resolve().parents[1]
CATALOG = ROOT / ".." / "shared" / "standards" / "catalog.md"
STANDARDS = ROOT / "provisions" / "standards"
GENERATOR = ROOT / "tools" / "catalog_to_dsl.py"

CORE_ROWS = 213
ALIASES = 166
REFERENCE_IDS = 17


def _need_catalog() -> Path:
    if not CATALOG.is_file():
        pytest.skip(f"catalog not found at {CATALOG}")
    return CATALOG


@pytest.fixture(scope="module")
def rows() -> list[CatalogRow]:
    return read_catalog(_need_catalog())


@pytest.fixture(scope="module")
def by_id(rows: list[CatalogRow]) -> dict[str, CatalogRow]:
    return {r.id: r for r in rows}


@pytest.fixture(scope="module")
def declared() -> dict[str, tuple[Path, Decl]]:
    """Every requirement declared under provisions/standards/, read with the parser."""
    out: dict[str, tuple[Path, Decl]] = {}
    dupes = []
    for f in sorted(STANDARDS.glob("*.mlaw")):
        res = parse_file(f)
        assert res.syntax is not None, f"{f} does not parse: {res.diagnostics}"
        for d in res.syntax.decls:
            if d.kind != "requirement":
                continue
            if d.ident in out:
                dupes.append(f"{d.ident} ({out[d.ident][0].name} and {f.name})")
            out[d.ident] = (f, d)
    assert not dupes, "requirements declared twice: " + ", ".join(dupes)
    return out


def _attr(d: Decl, key: str) -> Attr | None:
    return next((a for a in d.items if isinstance(a, Attr) and a.key == key), None)


def _scalar(d: Decl, key: str) -> str | None:
    a = _attr(d, key)
    return a.values[0][0].text if a and a.values else None


def _list(d: Decl, key: str) -> list[str]:
    a = _attr(d, key)
    return [v.text for item in a.values for v in item] if a else []


# --- the catalog itself ----------------------------------------------------------------


def test_catalog_counts(rows: list[CatalogRow]) -> None:
    core = [r for r in rows if not r.reference]
    assert len(core) == CORE_ROWS
    assert sum(len(r.aliases) for r in core) == ALIASES
    refs = [r for r in rows if r.reference]
    assert len(refs) == REFERENCE_IDS
    assert all(r.id.startswith("ohchr.p") and r.strength == "recommended" for r in refs)


def _summary_table(text: str, heading: str) -> dict[str, list[int]]:
    """Rows of a section-12 count table: prefix -> the numbers, in column order."""
    section = text.split(heading, 1)[1].split("\n###", 1)[0].split("\n## ", 1)[0]
    out = {}
    for ln in section.splitlines():
        cells = [c.strip() for c in ln.strip().strip("|").split("|")]
        m = re.match(r"^([a-z0-9]+) ", cells[0] + " ")
        if ln.startswith("|") and m and all(c.isdigit() for c in cells[1:]) and len(cells) > 2:
            out[m.group(1)] = [int(c) for c in cells[1:]]
    return out


@pytest.mark.parametrize(
    ("heading", "field", "columns"),
    [
        ("### 12.1", "strength",
         ("mandatory", "qualified", "consider", "endeavour", "recommended")),
        ("### 12.2", "verify", ("verified", "secondary", "unverified", "project")),
    ],
)
def test_reader_matches_catalog_summary_tables(rows: list[CatalogRow], heading: str, field: str,
                                               columns: tuple[str, ...]) -> None:
    # The catalog counts its own rows in section 12; the reader must see the same rows.
    table = _summary_table(CATALOG.read_text(encoding="utf-8"), heading)
    assert table, f"no count table under {heading}"
    counted = Counter((r.instrument, getattr(r, field)) for r in rows if not r.reference)
    for prefix, numbers in table.items():
        got = [counted[(prefix, c)] for c in columns] + [
            sum(counted[(prefix, c)] for c in columns)]
        assert got == numbers, f"{prefix}: reader counts {got}, catalog table says {numbers}"


# --- catalog <-> DSL -------------------------------------------------------------------


def test_same_ids(rows: list[CatalogRow], declared: dict[str, tuple[Path, Decl]]) -> None:
    want = {r.id for r in rows}
    have = set(declared)
    missing, extra = sorted(want - have), sorted(have - want)
    assert not missing and not extra, (
        f"in the catalog but not in provisions/standards: {missing}; "
        f"in provisions/standards but not in the catalog: {extra}")


# How each CatalogRow field reads from a DSL requirement declaration.
DSL_FIELDS = {
    "title": lambda d: d.title,
    "strength": lambda d: _scalar(d, "strength"),
    "verify": lambda d: _scalar(d, "verify"),
    "aliases": lambda d: _list(d, "aliases"),
    "overlaps": lambda d: _list(d, "overlaps"),
    "reference": lambda d: _attr(d, "reference") is not None,
    "instrument": lambda d: d.ident.split(".")[0],
}


@pytest.mark.parametrize("field", list(DSL_FIELDS))
def test_field_agrees(rows: list[CatalogRow], declared: dict[str, tuple[Path, Decl]],
                      field: str) -> None:
    read_dsl = DSL_FIELDS[field]
    wrong = []
    for r in rows:
        if r.id not in declared:
            continue  # reported by test_same_ids
        f, d = declared[r.id]
        got, want = read_dsl(d), getattr(r, field)
        if got != want:
            wrong.append(f"{f.name}:{d.line} {r.id}: {field} is {got!r}, catalog says {want!r}")
    assert not wrong, "\n".join(wrong)


def test_each_file_holds_one_instrument() -> None:
    _need_catalog()
    for f in sorted(STANDARDS.glob("*.mlaw")):
        if f.name == "index.mlaw":
            continue
        decls = parse_file(f).syntax.decls
        instruments = [d.ident for d in decls if d.kind == "instrument"]
        assert instruments == [f.stem], f"{f.name} declares instruments {instruments}"
        stray = [d.ident for d in decls
                 if d.kind == "requirement" and d.ident.split(".")[0] != f.stem]
        assert not stray, f"{f.name} holds requirements of other instruments: {stray}"


def test_index_includes_every_instrument_in_catalog_order() -> None:
    order = [i.prefix for i in read_instruments(_need_catalog())]
    decls = parse_file(STANDARDS / "index.mlaw").syntax.decls
    assert [d.title for d in decls if d.kind == "include"] == [f"{p}.mlaw" for p in order]
    files = sorted(f.name for f in STANDARDS.glob("*.mlaw") if f.name != "index.mlaw")
    assert files == sorted(f"{p}.mlaw" for p in order)


def test_model_loads_cleanly_and_resolves_aliases(rows: list[CatalogRow]) -> None:
    result = load_model([STANDARDS / "index.mlaw"], lint=False)
    assert not result.errors, [f"{d.span.path}:{d.span.line}: {d.message}"
                               for d in result.errors]
    model = result.model
    assert len(model.catalog_requirements()) == CORE_ROWS
    assert len(model.requirements) == CORE_ROWS + REFERENCE_IDS
    assert set(model.instruments) == {r.instrument for r in rows}
    unresolved = [(a, r.id, model.resolve(a)) for r in rows for a in r.aliases
                  if model.resolve(a) != r.id]
    assert not unresolved, unresolved


# --- the reader on small hand-made catalogs --------------------------------------------

_HEAD = ("| prefix | instrument | binding? |\n|---|---|---|\n"
         "| `tip` | A Protocol (2000) | treaty |\n\n")


def _one_row(bullet: str, title: str = "Definition") -> str:
    return _HEAD + f"## 1. TIP\n\n#### tip.3.a — {title}\n{bullet}\n- overlaps: coe.4.a\n"


@pytest.mark.parametrize(
    ("bullet", "strength", "verify", "aliases"),
    [
        ("- cite: TIP art 3(a) · strength: **mandatory** · verify: verified",
         "mandatory", "verified", []),
        ("- cite: TIP art 6(3) · strength: **qualified** (\"to the extent possible\") · "
         "verify: verified (secondary)", "qualified", "secondary", []),
        ("- cite: TIP art 9 · strength: **mandatory** (core); research **[endeavour]** · "
         "aliases: tip.9.2, tip.9.2.a · verify: verified (secondary: the article exists); "
         "content unverified", "mandatory", "secondary", ["tip.9.2", "tip.9.2.a"]),
        ("- cite: TIP art 14 · strength: **recommended** (savings clause) · aliases: tip.14.1 · "
         "verify: unverified", "recommended", "unverified", ["tip.14.1"]),
        ("- strength: **recommended** · verify: project source", "recommended", "project", []),
        # A field that wraps onto an indented continuation line.
        ("- cite: TIP art 7 · strength: **qualified** (in appropriate cases, to the extent\n"
         "  possible) · verify: verified ((4)-(6) seen)", "qualified", "verified", []),
    ],
)
def test_reader_variations(tmp_path: Path, bullet: str, strength: str, verify: str,
                           aliases: list[str]) -> None:
    p = tmp_path / "catalog.md"
    p.write_text(_one_row(bullet), encoding="utf-8")
    (row,) = read_catalog(p)
    assert (row.id, row.instrument, row.title) == ("tip.3.a", "tip", "Definition")
    assert (row.strength, row.verify, row.aliases) == (strength, verify, aliases)
    assert row.overlaps == ["coe.4.a"]


@pytest.mark.parametrize(
    ("overlaps", "expected"),
    [
        ("som.15.1 (analogue), ohchr.p1", ["som.15.1", "ohchr.p1"]),
        ("untoc.34.2, coe.18 (the Convention covers national and transnational cases)",
         ["untoc.34.2", "coe.18"]),
        ("(none)", []),
        ("tip.3.a (partial only), tip.3.b, tip.3.a", ["tip.3.a", "tip.3.b"]),
    ],
)
def test_reader_overlaps(tmp_path: Path, overlaps: str, expected: list[str]) -> None:
    p = tmp_path / "catalog.md"
    p.write_text(_HEAD + "#### tip.2 — Purpose\n- cite: TIP art 2 · strength: **recommended** "
                 f"· verify: verified\n- elements: E1 CLAUSE: x.\n- overlaps: {overlaps}\n",
                 encoding="utf-8")
    (row,) = read_catalog(p)
    assert row.overlaps == expected
    assert row.elements == "E1 CLAUSE: x."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_one_row("- cite: TIP art 3 · strength: **mandatory** · verify: checked"),
         r"catalog\.md:8: row tip\.3\.a: unknown verify value 'checked'"),
        (_one_row("- cite: TIP art 3 · strength: **must** · verify: verified"),
         r"catalog\.md:8: row tip\.3\.a: strength"),
        (_one_row("- cite: TIP art 3 · verify: verified"), r"has no strength field"),
        (_HEAD + "no rows here\n", r"no requirement rows found"),
        (_one_row("- cite: TIP art 3 · strength: **mandatory** · aliases: tip.3.a · "
                  "verify: verified"), r"'tip\.3\.a' is defined twice"),
    ],
)
def test_reader_rejects_bad_rows(tmp_path: Path, text: str, message: str) -> None:
    p = tmp_path / "catalog.md"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(CatalogError, match=message):
        read_catalog(p)


def test_reader_missing_file(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match="cannot read the catalog"):
        read_catalog(tmp_path / "nope.md")


# --- the generator ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def generator():  # noqa: ANN201 - a module loaded from tools/
    spec = importlib.util.spec_from_file_location("catalog_to_dsl", GENERATOR)
    mod = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("catalog_to_dsl", mod)
    spec.loader.exec_module(mod)
    return mod


@pytest.mark.parametrize("count", [1, 3, 8, 12, 30])
def test_list_layout(generator, count: int) -> None:  # noqa: ANN001
    items = [f"eu2011.{i}.{i}" for i in range(count)]
    lines = generator.list_attr("overlaps", items)
    one_line = "  overlaps " + ", ".join(items)
    if len(one_line) <= 100:
        assert lines == [one_line]
    else:
        assert lines[0] == "  overlaps:" and len(lines) >= 2
        body = lines[1:]
        assert all(ln.startswith("    ") and len(ln) <= 96 for ln in body)
        assert all(ln.endswith(",") for ln in body[:-1]) and not body[-1].endswith(",")
        assert " ".join(ln.strip() for ln in body) == ", ".join(items)
    # The formatter agrees with the layout.
    text = 'requirement tip.2 "T"\n' + "\n".join(lines) + "\n"
    assert format_text(text) == text


@pytest.mark.parametrize(
    ("elements", "expected"),
    [
        ("E1 CLAUSE: attempting the trafficking offence is punishable.",
         "Attempting the trafficking offence is punishable"),
        ("E1 NUMBER `child_age == 18`.", "A child is a person under 18"),
        ("E1 = tip.5.1.", "Same elements as tip.5.1"),
        ("E1 CLAUSE: a; (gp) E2 b.", "A"),
        ("E1 CLAUSE: x; E2 [2024] CLAUSE: y.", "X; (2024) y"),
    ],
)
def test_condense(generator, elements: str, expected: str) -> None:  # noqa: ANN001
    assert generator.condense(elements) == expected


def test_generated_files_are_current(generator) -> None:  # noqa: ANN001
    # The committed files are exactly what the generator makes from today's catalog.
    files = generator.generate(_need_catalog())
    stale = [n for n, text in files.items()
             if (STANDARDS / n).read_text(encoding="utf-8") != text]
    assert not stale, f"out of date, run tools/catalog_to_dsl.py: {stale}"
