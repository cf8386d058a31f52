"""`modellaw check`: exit codes, the text rendering, and JSON for editors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from dsl_helpers import STANDARDS, Project

from modellaw.cli import main

BROKEN = (
    'provision offence.a "A"\n'
    "  part offences\n"
    "  implements tip.5.l\n"  # S102 at 3:14
    "  see offence.zz\n"  # S103 at 4:7
)
SYNTAX = 'provison offence.a "A"\n  part offences\n'


def _run(*args: str) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, list(args))
    return res.exit_code, res.stdout, res.stderr


def _json(stdout: str) -> dict:
    doc = json.loads(stdout)
    assert doc["schema"] == "modellaw.diagnostics/1"
    for d in doc["diagnostics"]:
        for key in ("line", "col", "end_line", "end_col"):
            assert isinstance(d[key], int) and d[key] >= 1, (key, d)
        assert (d["end_line"], d["end_col"]) > (d["line"], d["col"])
        assert d["severity"] in ("error", "warning", "note")
        assert d["code"][0] in "PSL" and d["message"]
        assert isinstance(d["path"], str)
        for lab in d["labels"]:
            assert lab["line"] >= 1 and lab["col"] >= 1 and lab["message"]
    return doc


def test_json_for_semantic_errors(project: Project) -> None:
    path = project.write("b.mlaw", BROKEN)
    code, out, _ = _run("check", "--format", "json", "--no-lint", str(project.standards),
                        str(path))
    assert code == 1
    doc = _json(out)
    got = [(d["code"], d["line"], d["col"], d["end_col"], d["suggestion"])
           for d in doc["diagnostics"] if d["path"] == str(path)]
    assert got == [("S102", 3, 14, 21, "tip.5.1"), ("S103", 4, 7, 17, None)]
    assert doc["summary"]["errors"] == 2
    assert doc["summary"]["files"] == 2


def test_json_for_syntax_errors_and_binary_files(project: Project) -> None:
    a = project.write("a.mlaw", SYNTAX)
    b = project.write("b.mlaw", b"\x00\x00binary")
    c = project.write("c.mlaw", b"caf\xe9\n")
    code, out, _ = _run("check", "--format", "json", str(a), str(b), str(c))
    assert code == 1
    rows = {(Path(d["path"]).name, d["code"], d["line"], d["col"])
            for d in _json(out)["diagnostics"]}
    assert rows == {("a.mlaw", "P015", 1, 1), ("b.mlaw", "P001", 1, 1), ("c.mlaw", "P002", 1, 4)}


def test_json_labels_carry_positions(project: Project) -> None:
    path = project.write("dup.mlaw", BROKEN.replace("tip.5.l", "tip.5.1").replace(
        "  see offence.zz\n", "") * 2)
    code, out, _ = _run("check", "--format", "json", "--no-lint", str(project.standards),
                        str(path))
    assert code == 1
    dup = [d for d in _json(out)["diagnostics"] if d["code"] == "S101"]
    assert len(dup) == 1
    assert (dup[0]["line"], dup[0]["labels"][0]["line"]) == (4, 1)
    assert dup[0]["labels"][0]["message"] == "first defined here"


def test_json_when_clean(project: Project) -> None:
    code, out, err = _run("check", "--format", "json", str(project.standards))
    assert code == 0
    assert _json(out)["diagnostics"] == []
    assert err == ""


def test_json_for_a_missing_path(tmp_path: Path) -> None:
    code, out, _ = _run("check", "--format", "json", str(tmp_path / "nope"))
    assert code == 2
    assert [d["code"] for d in _json(out)["diagnostics"]] == ["P005"]


def test_text_output_names_file_line_and_column(project: Project) -> None:
    path = project.write("b.mlaw", BROKEN)
    code, out, err = _run("check", "--no-lint", str(project.standards), str(path))
    assert code == 1
    assert out == ""  # diagnostics go to stderr
    lines = err.splitlines()
    at = lines.index(f"{path}:3:14: error[S102]: unknown requirement id 'tip.5.l'")
    assert lines[at + 1: at + 4] == ["  |   implements tip.5.l", "  |              ^^^^^^^",
                                     "  = did you mean: tip.5.1"]
    assert lines[-1].endswith("2 error(s), 0 warning(s)")


def test_warnings_pass_unless_strict(project: Project) -> None:
    path = project.write("w.mlaw", 'provision victims.x "X"\n  part victims\n'
                                   '  implements tip.6.3\n  text "The State shall help."\n')
    assert _run("check", str(project.standards), str(path))[0] == 0  # L204 is a warning
    code, _, err = _run("check", "--strict", str(project.standards), str(path))
    assert code == 1
    assert "warning[L204]" in err
    assert _run("check", "--no-lint", "--strict", str(project.standards), str(path))[0] == 0


def test_default_path_is_provisions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert _run("check")[0] == 2  # no provisions/ folder here
    (tmp_path / "provisions").mkdir()
    (tmp_path / "provisions" / "standards.mlaw").write_text(STANDARDS, encoding="utf-8")
    assert _run("check")[0] == 0
    (tmp_path / "provisions" / "bad.mlaw").write_text(SYNTAX, encoding="utf-8")
    assert _run("check")[0] == 1


def test_help_mentions_exit_status() -> None:
    code, out, _ = _run("check", "--help")
    assert code == 0
    assert "Exit status" in out
