"""docs/language.md stays true: every code is documented, and every example does what it says."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from dsl_helpers import Project

from modellaw.dsl.lint import RULES
from modellaw.dsl.parser import parse_text

ROOT = Path(__file__).resolve().parents[2]
DOC = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
SOURCES = [*sorted((ROOT / "modellaw" / "dsl").glob("*.py")), ROOT / "modellaw" / "cli.py"]

CODES_IN_CODE = sorted({c for p in SOURCES
                        for c in re.findall(r'"([PS]\d{3})"', p.read_text(encoding="utf-8"))}
                       | {r.code for r in RULES})


def _sections() -> dict[str, str]:
    """Diagnostic code -> its part of the page (from its anchor to the next one)."""
    parts = re.split(r'<a id="([ps]\d{3})"></a>', DOC.split("### L codes")[0])
    return {code.upper(): body for code, body in zip(parts[1::2], parts[2::2], strict=True)}


SECTIONS = _sections()
MLAW = re.compile(r"```mlaw\n(.*?)```", re.S)


@pytest.mark.parametrize("code", CODES_IN_CODE)
def test_every_code_is_documented(code: str) -> None:
    if code.startswith("L"):
        assert f"[{code}](rules/{code}.md)" in DOC
    else:
        assert code in SECTIONS, f"{code} has no section in docs/language.md"
        assert f"**{code} " in SECTIONS[code]


def test_no_documented_code_is_stale() -> None:
    assert set(SECTIONS) <= set(CODES_IN_CODE)


EXAMPLES = [(code, m.group(1)) for code, body in SECTIONS.items()
            for m in [MLAW.search(body)] if m]


@pytest.mark.parametrize(("code", "example"), EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_code_examples_produce_their_code(project: Project, code: str, example: str) -> None:
    if example.startswith("  "):  # an element or attribute line: give it a provision
        example = ('provision offence.trafficking "Trafficking in persons"\n'
                   "  part offences\n  implements tip.3.a, tip.5.1\n" + example)
    codes = {d.code for d in project.check(example)}
    assert code in codes, codes


def test_most_codes_have_an_example() -> None:
    assert len(EXAMPLES) >= 30


CONSTRUCTS = [m.group(1) for m in MLAW.finditer(DOC.split("## Diagnostics")[0])]


@pytest.mark.parametrize("example", CONSTRUCTS, ids=[f"construct{i}" for i in
                                                      range(len(CONSTRUCTS))])
def test_construct_examples_parse(example: str) -> None:
    if example.startswith("  "):
        example = 'provision p.x "X"\n' + example
    res = parse_text(example, "doc.mlaw")
    assert res.syntax is not None, res.diagnostics
    assert [d for d in res.diagnostics if d.is_error] == []


def test_every_declaration_and_element_kind_is_shown() -> None:
    shown = "\n".join(CONSTRUCTS)
    for word in ("include ", "model ", "instrument ", "requirement ", "part ", "provision ",
                 "waive ", "requires all ", "requires any ", "full most", "requires clause ",
                 "requires absence ", "requires number ", "recommends ", " for ", "aliases ",
                 "overlaps ", "alternative ", "commentary ", "optional", "source ", "see "):
        assert word in shown, word
