"""An adviser's session from the README, run in the adviser's own folder, not the project's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from modellaw.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "national_laws"


def test_review_then_gap_from_another_folder(statute_copy: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    # No provisions/ here: the model law shipped with modellaw is used.
    monkeypatch.chdir(statute_copy.parent)
    name = statute_copy.name
    res = CliRunner().invoke(main, ["review", name, "tip.3.d", "--status", "partial",
                                    "--comment", "Children Act sets 18"])
    assert res.exit_code == 0, res.stderr
    review_file = statute_copy.with_name(statute_copy.stem + ".review.json")
    entry = json.loads(review_file.read_text(encoding="utf-8"))["entries"]["tip.3.d"]
    assert entry["status"] == "partial" and entry["comment"] == "Children Act sets 18"

    res = CliRunner().invoke(main, ["gap", name, "--format", "md", "--format", "json",
                                    "-o", "reports"])
    assert res.exit_code == 0, res.stderr
    md = (statute_copy.parent / "reports" / f"{statute_copy.stem}.md").read_text("utf-8")
    assert "**Partial** (reviewer)" in md
    assert "Children Act sets 18" in md
    data = json.loads((statute_copy.parent / "reports" / f"{statute_copy.stem}.json")
                      .read_text("utf-8"))
    row = next(r for r in data["requirements"] if r["id"] == "tip.3.d")
    assert row["status"] == "partial"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "gold").mkdir(parents=True)
    name = "kestrel-tip-act-2019"
    shutil.copy(SAMPLES / f"{name}.txt", folder / f"{name}.txt")
    shutil.copy(SAMPLES / "gold" / f"{name}.json", folder / "gold" / f"{name}.json")
    return folder


@pytest.mark.parametrize(("gold", "words"), [
    ("{not json", "not valid JSON (line 1, column 2"),
    ('{"labels": {"tip.3.a": {"status": "maybe"}}}', "label 'tip.3.a' needs \"status\""),
    ('{"labels": ["tip.3.a"]}', "expected an object with \"labels\""),
    ('{"labels": {"tip.3.a": {"status": "met", "units": "3"}}}', "must be a list"),
])
def test_eval_names_the_broken_gold_file(corpus: Path, gold: str, words: str) -> None:
    gold_file = corpus / "gold" / "kestrel-tip-act-2019.json"
    gold_file.write_text(gold, encoding="utf-8")
    res = CliRunner().invoke(main, ["eval", "--corpus", str(corpus)])
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and str(gold_file) in lines[0] and words in lines[0]


def test_eval_with_no_readable_statute_fails(corpus: Path) -> None:
    (corpus / "kestrel-tip-act-2019.txt").write_bytes(b"")
    res = CliRunner().invoke(main, ["eval", "--corpus", str(corpus)])
    assert res.exit_code == 1
    assert "no labelled statute could be measured" in res.stderr
    assert res.stdout == ""
