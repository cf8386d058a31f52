"""Malformed input: every case gives located diagnostics, and nothing ever raises."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from dsl_helpers import Project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modellaw.diagnostics import Severity
from modellaw.dsl.loader import load_model
from modellaw.dsl.parser import MAX_BYTES, parse_bytes, parse_text


def src(*lines: str) -> str:
    return "\n".join(lines) + "\n"


# A provision head that resolves against the test standards, to build cases on.
HEAD = ('provision offence.trafficking "Trafficking in persons"', "  part offences",
        "  implements tip.3.a")


@dataclass
class Case:
    id: str
    source: str | bytes
    # Every error (and, where listed, warning) the case file must produce: (code, line, col).
    expect: list[tuple[str, int, int]]
    suggestion: str | None = None  # the first expected diagnostic's did-you-mean
    label: str | None = None  # a secondary label the first expected diagnostic carries
    severity: Severity = Severity.ERROR


CASES = [
    Case("misspelt-declaration", src('provison offence.x "T"', "  part offences"),
         [("P015", 1, 1)], suggestion="provision"),
    Case("misspelt-declaration-later", src(*HEAD, 'requirment tip.9 "x"'),
         [("P015", 4, 1)], suggestion="requirement"),
    Case("misspelt-element-kind", src(*HEAD, "  requires al acts: recruit, transport"),
         [("P016", 4, 12)], suggestion="all"),
    Case("misspelt-element-verb", src(*HEAD, "  require all acts: recruit"),
         [("P017", 4, 3)], suggestion="requires"),
    Case("unknown-attribute", src(*HEAD, '  txt "The model wording."'),
         [("S102", 4, 3)], suggestion="text"),
    Case("unclosed-string", src('provision offence.x "Trafficking', "  part offences"),
         [("P014", 1, 21)]),
    Case("unclosed-text-block", src(*HEAD, '  text """', "  (1) A person who recruits ..."),
         [("P014", 4, 8)]),
    Case("missing-title-quote", src('provision offence.x Trafficking"', "  part offences"),
         [("P014", 1, 21)], suggestion='"Trafficking"'),
    Case("unclosed-parenthesis", src(*HEAD, "  requires all acts: recruit (enlist, hire",
                                     "  requires any means: force"),
         [("P014", 4, 30)]),
    Case("bad-dedent", src(*HEAD[:2], " implements tip.3.a"), [("P013", 3, 2)]),
    Case("unexpected-indent", src(*HEAD[:2], "      implements tip.3.a"), [("P013", 3, 7)]),
    Case("indented-declaration", src("  " + HEAD[0], *HEAD[1:]), [("P013", 1, 3)]),
    Case("deep-indentation", src(*HEAD, *("  " * i + "x" for i in range(2, 200))),
         [("P013", 4, 5)]),
    Case("line-stops-early", src(*HEAD, "  requires number penalty: max_penalty >="),
         [("P012", 4, 42)]),
    Case("word-after-title", src('provision offence.x "T" extra', "  part offences"),
         [("P011", 1, 25)]),
    Case("bad-comparison", src(*HEAD, "  requires number penalty: max_penalty => 10 years"),
         [("P010", 4, 40)]),
    Case("thousands-of-parentheses", src(*HEAD, "  requires all acts: x " + "(" * 5000),
         [("P011", 4, 25)]),
    Case("number-without-unit", src(*HEAD, "  requires number penalty: max_penalty >= 10"),
         [("S105", 4, 3)]),
    Case("unit-does-not-fit", src(*HEAD, "  requires number age: child_age < 18 months"),
         [("S105", 4, 3)]),
    Case("misspelt-unit", src(*HEAD, "  requires number penalty: max_penalty >= 10 yeers"),
         [("S105", 4, 3)], suggestion="years"),
    Case("unknown-quantity", src(*HEAD, "  requires number penalty: max_pen >= 10 years"),
         [("S125", 4, 3)], suggestion="max_penalty"),
    Case("unknown-strength", src('requirement tip.9.2 "Research"', "  strength mandatry"),
         [("S110", 2, 12)], suggestion="mandatory"),
    Case("unknown-verify", src('requirement tip.9.2 "Research"', "  verify verifed"),
         [("S110", 2, 10)], suggestion="verified"),
    Case("duplicate-provision", src(*HEAD, "", *HEAD), [("S101", 5, 1)],
         label="first defined here"),
    Case("duplicate-element", src(*HEAD, "  requires all acts: recruit",
                                  "  requires all acts: transport"),
         [("S101", 5, 3)], label="first defined here"),
    Case("unknown-requirement", src(*HEAD[:2], "  implements tip.5.l"), [("S102", 3, 14)],
         suggestion="tip.5.1"),
    Case("unknown-requirement-in-for", src(*HEAD, "  requires all acts for tip.3.x: recruit"),
         [("S102", 4, 3)], suggestion="tip.3.a"),
    Case("unresolved-cross-reference", src(*HEAD, "  see definitions.exploitaton"),
         [("S103", 4, 7)], suggestion="definitions.exploitation"),
    Case("refers-to-itself", src(*HEAD, "  see offence.trafficking"), [("S103", 1, 1)],
         severity=Severity.WARNING),
    Case("empty-concept-list-at-end", src(*HEAD, "  requires all acts:"), [("S104", 4, 3)]),
    Case("empty-concept-list-before-attribute",
         src(*HEAD, "  requires all acts:", '  commentary "More to come."'),
         [("S104", 4, 3)]),
    Case("implements-nothing", src(*HEAD[:2], '  text "A person who ..."'), [("S106", 1, 1)]),
    Case("no-part", src(HEAD[0], HEAD[2]), [("S109", 1, 1)]),
    Case("unknown-part", src(HEAD[0], "  part offence", HEAD[2]), [("S109", 2, 8)],
         suggestion="offences"),
    Case("waiver-without-reason", src("waive tip.9.1"), [("S111", 1, 1)]),
    Case("waiver-of-unknown", src("waive tip.9.9", '  reason "Out of scope."'),
         [("S112", 1, 1)], suggestion="tip.9.1"),
    Case("for-not-implemented", src(*HEAD, "  requires all acts for tip.5.1: recruit"),
         [("S115", 4, 3)]),
    Case("no-id", src('provision "Trafficking"', "  part offences"), [("S116", 1, 1)]),
    Case("flag-with-value", src(*HEAD, "  optional yes"), [("S120", 4, 3)]),
    Case("attribute-without-value", src(*HEAD, "  see"), [("S120", 4, 3)]),
    Case("element-outside-provision", src('requirement tip.9.2 "R"', "  requires all x: y"),
         [("S121", 2, 3)]),
    Case("year-not-a-number", src('instrument coe "Convention"', "  year twenty"),
         [("S122", 2, 3)]),
    Case("alternative-without-tradition", src(*HEAD, '  alternative "Whoever ..."'),
         [("S123", 4, 3)]),
    Case("full-on-all", src(*HEAD, "  requires all acts full most: a, b"), [("S126", 4, 3)]),
    Case("undeclared-instrument", src('requirement zz.1 "Unknown instrument"'),
         [("S113", 1, 1)]),
    Case("alias-is-a-row", src('requirement tip.9.2 "R"', "  aliases tip.3.a"),
         [("S114", 1, 1)]),
    Case("binary-file", b"provision x \x00\x01\x02\n", [("P001", 1, 1)]),
    Case("invalid-utf8", b'provision x "T"\n  text "caf\xe9"\n', [("P002", 2, 12)]),
    Case("empty-file", "", [("P004", 1, 1)], severity=Severity.WARNING),
    Case("blank-lines-only", "\n\n   \n", [("P004", 1, 1)], severity=Severity.WARNING),
    Case("huge-file", "# padding\n" * (MAX_BYTES // 10 + 1), [("P003", 1, 1)]),
    Case("tab-indentation", src(HEAD[0], "\tpart offences", "\timplements tip.3.a",
                                '\ttext "x"'),
         [("P018", 2, 1)], severity=Severity.WARNING),
    Case("only-comments", src("# nothing here yet", "   # indented comment"), []),
    Case("crlf-line-endings", src(*HEAD, '  text """', "  (1) A person ...", '  """',
                                  "  requires all acts: recruit").replace("\n", "\r\n"), []),
    Case("byte-order-mark", "\ufeff" + src(*HEAD), []),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_malformed_input_is_located(check, case: Case) -> None:
    diags = check(case.source)
    wanted = [d for d in diags if d.severity is Severity.ERROR or d.severity is case.severity]
    got = [(d.code, d.span.line, d.span.col) for d in wanted]
    assert got == case.expect, "\n".join(f"{d.code} {d.span.line}:{d.span.col} {d.message}"
                                         for d in diags)
    if case.expect:
        first = wanted[0]
        assert first.severity is case.severity
        assert first.message and "Traceback" not in first.message
        if case.suggestion is not None:
            assert first.suggestion == case.suggestion
        if case.label is not None:
            assert [lab.message for lab in first.labels] == [case.label]
            assert first.labels[0].span.line < first.span.line


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 30
    assert len({c.id for c in CASES}) == len(CASES)


def test_crlf_file_keeps_its_model_text(project: Project) -> None:
    path = project.write("crlf.mlaw", src(*HEAD, '  text """', "  (1) A person ...",
                                          "  (2) Another.", '  """').replace("\n", "\r\n"))
    result = project.load(path)
    prov = result.model.provision("offence.trafficking")
    assert prov is not None
    assert prov.text == "(1) A person ...\n(2) Another.\n"


# --- includes -------------------------------------------------------------------------


def test_include_cycle(project: Project) -> None:
    a = project.write("a.mlaw", src('include "b.mlaw"', *HEAD))
    project.write("b.mlaw", src('include "a.mlaw"'))
    result = project.load(a)
    cycles = [d for d in result.diagnostics if d.code == "S107"]
    assert len(cycles) == 1
    d = cycles[0]
    assert (Path(d.span.path).name, d.span.line, d.span.col) == ("b.mlaw", 1, 1)
    assert "a.mlaw -> b.mlaw -> a.mlaw" in d.message
    assert d.labels and Path(d.labels[0].span.path).name == "a.mlaw"
    # The cycle is reported, not followed: the provision is still loaded once.
    assert [p.id for p in result.model.provisions].count("offence.trafficking") == 1


def test_file_that_includes_itself(project: Project) -> None:
    a = project.write("self.mlaw", src('include "self.mlaw"'))
    codes = [(d.code, d.span.line) for d in project.load(a).diagnostics]
    assert codes == [("S107", 1)]


def test_include_outside_the_project(project: Project, tmp_path: Path) -> None:
    inner = project.root / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("", encoding="utf-8")
    outside = project.write("outside.mlaw", src(*HEAD))
    main = project.write("inner/main.mlaw", src("# the law", 'include "../outside.mlaw"'))
    result = load_model([main], lint=False, root=inner)
    got = [(d.code, d.span.line, d.span.col) for d in result.diagnostics]
    assert got == [("S108", 2, 1)]
    assert "leaves the project" in result.diagnostics[0].message
    assert str(outside) not in result.model.files


def test_include_of_a_missing_file(project: Project) -> None:
    main = project.write("main.mlaw", src(*HEAD, "", 'include "law/missing.mlaw"'))
    got = [(d.code, d.span.line, d.span.col, d.message) for d in project.load(main).diagnostics]
    assert got == [("S108", 5, 1, "included file not found: 'law/missing.mlaw'")]


def test_include_resolves_relative_to_the_including_file(project: Project) -> None:
    project.write("law/offences.mlaw", src(*HEAD))
    main = project.write("law/main.mlaw", src('include "offences.mlaw"'))
    result = project.load(main)
    assert result.errors == []
    assert result.model.provision("offence.trafficking") is not None


def test_missing_path_on_the_command_line(project: Project) -> None:
    result = load_model([project.root / "nope.mlaw"], root=project.root)
    assert [(d.code, d.span.line, d.span.col) for d in result.diagnostics] == [("P005", 1, 1)]


# --- several errors in one file -------------------------------------------------------


def test_several_syntax_errors_are_all_reported(check) -> None:
    text = src(
        'provison offence.a "A"',  # 1: misspelt declaration
        "  part offences",
        'provision offence.b "B"',  # 3
        "  part offences",
        "  requires al acts: recruit",  # 5: misspelt kind
        "  implements tip.3.a",
        "  requires number penalty: max_penalty >=",  # 7: incomplete line
        "  requires any means: force",
        'provision offence.c "C" extra',  # 9: word after the title
    )
    got = [(d.code, d.span.line, d.span.col) for d in check(text)]
    assert got == [("P015", 1, 1), ("P016", 5, 12), ("P012", 7, 42), ("P011", 9, 25)]


def test_recovery_is_not_fooled_by_text_blocks(check) -> None:
    # Lines in column 1 inside a text block are text, not declarations.
    text = src(
        *HEAD,
        '  text """',
        "provision of services",  # 5: text, not a declaration
        "requires all care",  # 6: text
        '  """',
        "  requires al acts: recruit",  # 8: misspelt kind
        'provison offence.b "B"',  # 9: misspelt declaration
    )
    got = [(d.code, d.span.line, d.span.col) for d in check(text)]
    assert got == [("P016", 8, 12), ("P015", 9, 1)]


def test_several_semantic_errors_are_all_reported(check) -> None:
    text = src(
        'provision offence.a "A"',
        "  part offence",  # 2: S109
        "  implements tip.3.x",  # 3: S102
        "  see offence.zz",  # 4: S103
        "  requires number p: max_penalty >= 10",  # 5: S105
        "waive tip.9.1",  # 6: S111
    )
    got = sorted((d.code, d.span.line) for d in check(text))
    assert got == [("S102", 3), ("S103", 4), ("S105", 5), ("S109", 2), ("S111", 6)]


def test_rendered_diagnostic_points_at_the_word(project: Project) -> None:
    from modellaw.diagnostics import render_text

    path = project.write("r.mlaw", src(*HEAD[:2], "  implements tip.5.l"))
    result = project.load(path)
    text = render_text(result.diagnostics, result.sources)
    assert text.splitlines() == [
        f"{path}:3:14: error[S102]: unknown requirement id 'tip.5.l'",
        "  |   implements tip.5.l",
        "  |              ^^^^^^^",
        "  = did you mean: tip.5.1",
        "  = help: requirement ids are listed in provisions/standards/",
    ]


# --- nothing ever raises --------------------------------------------------------------

# Pieces of the language, so random text often gets deep into the parser.
FRAGMENTS = ["provision", "requirement", "include", "waive", "part", "model", "instrument",
             " x.y", ' "T"', '"""', '"', "\n", "\n  ", "\n    ", "\t", "requires", "recommends",
             " all", " any", " number", " clause", " absence", ":", ",", "(", ")", " for",
             " full", " most", ">=", " 10", " years", "#", "implements", " tip.3.a", "text",
             "\r\n", "\r", " ", "\\", "\x0c", "\u00e9", "\u2028"]

languageish = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5), max_size=60).map(
    "".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=300), languageish))
def test_random_text_never_raises(text: str) -> None:
    res = parse_text(text, "random.mlaw")
    assert res.syntax is not None or any(d.is_error for d in res.diagnostics)
    assert all(d.code != "P000" for d in res.diagnostics), res.diagnostics
    for d in res.diagnostics:
        assert d.span.line >= 1 and d.span.col >= 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300) | languageish.map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_random_bytes_never_raise(data: bytes) -> None:
    res = parse_bytes(data, "random.mlaw")
    assert all(d.code != "P000" for d in res.diagnostics), res.diagnostics


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(first=languageish, second=st.binary(max_size=200) | languageish.map(str.encode))
def test_random_files_never_break_the_loader(project: Project, first: str,
                                             second: bytes) -> None:
    # Whatever the files hold, loading (includes, build, checks, lint) gives diagnostics.
    a = project.write("rand/a.mlaw", 'include "b.mlaw"\n' + first)
    project.write("rand/b.mlaw", second)
    result = project.load(a, lint=True)
    assert all(d.code != "P000" for d in result.diagnostics), result.diagnostics
    assert all(d.span.line >= 1 for d in result.diagnostics)


def test_an_unforeseen_failure_is_a_diagnostic(project: Project,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    # The last line of defence: if a stage ever breaks, the drafter gets P000, not a trace.
    import modellaw.dsl.loader as loader
    import modellaw.dsl.parser as parser

    def boom(*args: object) -> None:
        raise KeyError("boom")

    monkeypatch.setattr(parser, "to_syntax", boom)
    res = parse_text(src(*HEAD), "x.mlaw")
    assert [(d.code, d.span.line) for d in res.diagnostics] == [("P000", 1)]
    monkeypatch.undo()

    monkeypatch.setattr(loader, "check_model", boom)
    path = project.write("ok.mlaw", src(*HEAD))
    result = project.load(path)
    assert [d.code for d in result.diagnostics] == ["P000"]
    assert "KeyError" in result.diagnostics[0].message
