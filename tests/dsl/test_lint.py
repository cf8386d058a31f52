"""Drafting rules: each bad example triggers its rule, each good example is clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from dsl_helpers import Project

from modellaw.diagnostics import Severity
from modellaw.dsl.lint import RULES, Rule, doc_pages, rule_doc

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def _diags(project: Project, text: str, name: str) -> list[tuple[str, Severity, str]]:
    path = project.write(name, text)
    result = project.load(path, lint=True)
    return [(d.code, d.severity, d.message) for d in result.diagnostics
            if d.span.path == str(path)]


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_bad_example_triggers_the_rule(project: Project, rule: Rule) -> None:
    found = _diags(project, rule.bad, "bad.mlaw")
    assert [code for code, _, _ in found if code == rule.code], found
    assert all(sev is Severity.WARNING for code, sev, _ in found if code == rule.code)
    # The example shows this rule's problem and no other.
    assert {code for code, _, _ in found} == {rule.code}, found


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_good_example_is_clean(project: Project, rule: Rule) -> None:
    assert _diags(project, rule.good, "good.mlaw") == []


def test_rule_codes_and_names_are_unique() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    for r in RULES:
        assert r.code.startswith("L") and r.code[1:].isdigit()
        assert r.name == r.name.lower() and " " not in r.name


def test_docs_pages_are_up_to_date() -> None:
    """Regenerate with: python -m modellaw.dsl.lint --write-docs docs/rules"""
    pages = doc_pages()
    on_disk = {p.name for p in DOCS.glob("*.md")}
    assert on_disk == set(pages), "docs/rules has stale or missing pages"
    for name, text in pages.items():
        assert (DOCS / name).read_text(encoding="utf-8") == text, f"docs/rules/{name} is stale"


def test_rule_page_shows_both_examples() -> None:
    page = rule_doc(RULES[0])
    assert page.startswith(f"# {RULES[0].code}: {RULES[0].name}\n")
    assert RULES[0].bad in page and RULES[0].good in page


def test_lint_message_names_the_docs_page(project: Project) -> None:
    path = project.write("l.mlaw", RULES[0].bad)
    d = next(d for d in project.load(path, lint=True).diagnostics if d.code == RULES[0].code)
    assert f"docs/rules/{RULES[0].code}.md" in (d.help or "")


def test_phrase_rule_points_at_the_second_concept(project: Project) -> None:
    rule = next(r for r in RULES if r.code == "L209")
    path = project.write("l.mlaw", rule.bad)
    d = next(d for d in project.load(path, lint=True).diagnostics if d.code == "L209")
    line = rule.bad.splitlines()[d.span.line - 1]
    assert line[d.span.col - 1:].startswith("transfer (move")
    assert "'move'" in d.message


@pytest.mark.parametrize(("bound", "flagged"), [
    ("child_age == 18 years", False),
    ("child_age >= 18 years", False),
    ("child_age > 17 years", False),  # ages in statutes are whole years: same as >= 18
    ("child_age >= 16 years", True),
    ("child_age < 18 years", True),
    ("child_age == 16 years", True),
])
def test_child_age_rule_bounds(project: Project, bound: str, flagged: bool) -> None:
    text = ('provision definitions.child "Child"\n  part offences\n  implements tip.3.c\n'
            f'  text "..."\n  requires number age: {bound}\n')
    codes = [code for code, _, _ in _diags(project, text, "age.mlaw")]
    assert ("L208" in codes) is flagged
