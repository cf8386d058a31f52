"""Mistakes in what the user typed: exit 2, one line saying what to do, nothing written.

Each case is checked before any statute is analysed, so these runs are quick.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from modellaw.cli import main

KESTREL = Path(__file__).resolve().parents[2] / "national_laws" / "kestrel-tip-act-2019.txt"


def _run(args: list[str]) -> tuple[int, str, str]:
    res = CliRunner().invoke(main, args)
    return res.exit_code, res.stdout, res.stderr


@pytest.fixture
def places(tmp_path: Path) -> dict[str, str]:
    a_file = tmp_path / "a-file"
    a_file.write_text("not a folder\n", encoding="utf-8")
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    (empty / "notes.csv").write_text("a,b\n", encoding="utf-8")
    return {"FILE": str(a_file), "UNDER_FILE": str(a_file / "sub"), "EMPTY": str(empty),
            "MISSING": str(tmp_path / "missing.txt"), "TMP": str(tmp_path),
            "K": str(KESTREL), "V": str(KESTREL.with_name("valmora-penal-code-ch4.txt")),
            "OUT": str(tmp_path / "out")}


CASES = [
    # (arguments, words the one-line message must contain)
    (["gap", "MISSING"], "no such file or folder"),
    (["gap", "EMPTY"], "no statute files in this folder"),
    (["gap", "K", "--format", "docx"], "add -o DIR"),
    (["gap", "K", "--format", "md", "--format", "html"], "add -o DIR"),
    (["gap", "K", "V", "--format", "html"], "add -o DIR"),
    (["gap", "K", "--format", "pdf"], "'pdf' is not one of"),
    (["gap", "K", "-o", "FILE"], "this is a file; -o takes a folder"),
    (["gap", "K", "-o", "UNDER_FILE"], "is a file, not a folder"),
    (["gap", "K", "--review", "MISSING"], "--review"),
    (["gap", "K", "--provisions", "EMPTY"], "no .mlaw files in this folder"),
    (["matrix", "K", "-o", "FILE"], "this is a file; -o takes a folder"),
    (["matrix", "EMPTY", "-o", "OUT"], "no statute files in this folder"),
    (["matrix", "MISSING", "-o", "OUT"], "no such file or folder"),
    (["matrix", "K", "-o", "OUT", "--format", "pdf"], "'pdf' is not one of"),
    (["render", "-o", "TMP"], "this is a folder; give a file name"),
    (["render", "-o", "UNDER_FILE"], "is a file, not a folder"),
    (["render", "--format", "docx", "-o", "OUT.html"], "does not match"),
    (["render", "-o", "OUT.pdf"], "cannot tell the format"),
    (["render", "MISSING", "-o", "OUT.html"], "no such file or folder"),
    (["render", "EMPTY", "-o", "OUT.html"], "no .mlaw files in this folder"),
    (["coverage", "MISSING"], "no such file or folder"),
    (["coverage", "EMPTY"], "no .mlaw files in this folder"),
    (["coverage", "--instrument", "tipp"], "did you mean 'tip'"),
    (["check", "EMPTY"], "no .mlaw files in this folder"),
    (["ingest", "MISSING"], "no such file"),
    (["ingest", "TMP"], "is a folder"),
    (["review", "K", "tip.3.a"], "say --confirm, --reject or --status"),
    (["review", "K", "tip.3.a", "--confirm", "--reject"], "only one of"),
    (["review", "K", "tip.3.a", "--confirm", "--status", "met"], "only one of"),
    (["review", "K", "tip.3.x", "--confirm"], "did you mean"),
    (["eval", "--corpus", "K"], "not a folder"),
    (["eval", "--corpus", "EMPTY"], "no statute with a gold"),
]


@pytest.mark.parametrize(("args", "words"), CASES, ids=[" ".join(a) for a, _ in CASES])
def test_usage_error(places: dict[str, str], args: list[str], words: str) -> None:
    real = [places.get(a, a) for a in args]
    real = [places["OUT"] + a[3:] if a.startswith("OUT.") else a for a in real]
    code, out, err = _run(real)
    assert code == 2, err
    assert words in err
    assert "Traceback" not in out + err
    assert not Path(places["OUT"]).exists()
    assert not list(Path(places["TMP"]).glob("out*"))


def test_fmt_outside_the_project_says_what_to_give(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(["fmt"])
    assert code == 2
    assert "no provisions/ folder here" in err


def test_help_states_the_exit_codes() -> None:
    code, out, _ = _run(["--help"])
    assert code == 0
    assert "2 usage errors" in " ".join(out.split())
