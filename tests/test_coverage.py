"""`modellaw coverage` on the mini_law fixture: exact numbers, statuses and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from modellaw.cli import main
from modellaw.coverage import compute_coverage, coverage_json, coverage_markdown, coverage_text
from modellaw.dsl.loader import load_model

MINI = Path(__file__).resolve().parent / "fixtures" / "mini_law"


@pytest.fixture(scope="module")
def report():
    res = load_model([MINI])
    assert not res.errors, res.errors
    return compute_coverage(res.model)


def _rows(rep):
    return {r.id: r for ic in rep.instruments for r in ic.rows}


@pytest.mark.parametrize("rid, status, provisions, reason", [
    ("tip.3.a", "implemented", ["s. 1 general.definitions", "s. 2 offence.trafficking"], None),
    ("tip.5.1", "implemented", ["s. 2 offence.trafficking"], None),
    ("tip.10.1", "waived", [], "Information exchange belongs in the police cooperation law."),
    ("tip.6.3", "implemented", ["s. 3 victims.assistance"], None),
    ("tip.9.5", "uncovered", [], None),
    ("coe.4.a", "implemented", ["s. 2 offence.trafficking"], None),
    ("coe.12.1", "uncovered", [], None),
    ("coe.19", "uncovered", [], None),
])
def test_row_status(report, rid, status, provisions, reason):
    row = _rows(report)[rid]
    assert row.status == status
    assert [p.label for p in row.provisions] == provisions
    assert row.waiver_reason == reason


def test_reference_ids_are_not_rows(report):
    # ohchr.p7 is implemented, but it is a reference id, not a catalog requirement.
    assert "ohchr.p7" not in _rows(report)
    assert [ic.id for ic in report.instruments] == ["tip", "coe"]


@pytest.mark.parametrize("inst, expected", [
    ("tip", [("mandatory", 3, 2, 1, 0, 66.7), ("qualified", 1, 1, 0, 0, 100.0),
             ("endeavour", 1, 0, 0, 1, 0.0)]),
    ("coe", [("mandatory", 2, 1, 0, 1, 50.0), ("consider", 1, 0, 0, 1, 0.0)]),
])
def test_tallies_by_strength_mandatory_first(report, inst, expected):
    ic = next(i for i in report.instruments if i.id == inst)
    got = [(t.strength, t.total, t.implemented, t.waived, t.uncovered, t.implemented_pct)
           for t in ic.tallies]
    assert got == expected


def test_overall_tallies_and_accounted(report):
    got = {t.strength: (t.total, t.implemented, t.waived, t.uncovered) for t in report.tallies}
    assert got == {"mandatory": (5, 3, 1, 1), "qualified": (1, 1, 0, 0),
                   "consider": (1, 0, 0, 1), "endeavour": (1, 0, 0, 1)}
    mandatory = report.tallies[0]
    assert mandatory.strength == "mandatory"
    assert mandatory.accounted_pct == 80.0
    assert report.blocking == []


@pytest.mark.parametrize("rid, note", [
    ("tip.3.a", None),
    ("tip.10.1", "verified (secondary): wording not yet confirmed"),
    ("tip.9.5", "unverified: wording not yet confirmed"),
])
def test_verification_note(report, rid, note):
    assert _rows(report)[rid].verify_note == note


def test_instrument_filter_keeps_gate_over_whole_model(tmp_path):
    law = _copy(tmp_path, drop_waiver=True)
    rep = compute_coverage(load_model([law]).model, ["coe"])
    assert [ic.id for ic in rep.instruments] == ["coe"]
    assert [r.id for r in rep.blocking] == ["tip.10.1"]


def test_text_and_markdown_words(report):
    text = coverage_text(report)
    assert "implemented by s. 1 general.definitions, s. 2 offence.trafficking" in text
    assert "waived: Information exchange belongs" in text
    assert "uncovered: coe.12.1, coe.19" in text
    assert text.index("  mandatory") < text.index("  qualified") < text.index("  endeavour")
    md = coverage_markdown(report)
    assert "| mandatory | 2/3 | 1 | 0 | 66.7% |" in md
    assert "Uncovered: coe.12.1, coe.19" in md


def _copy(tmp_path: Path, drop_waiver: bool = False, extra: str = "") -> Path:
    dst = tmp_path / "law"
    shutil.copytree(MINI, dst)
    model = dst / "model.mlaw"
    text = model.read_text(encoding="utf-8")
    if drop_waiver:
        text = text[:text.index("waive tip.10.1")]
    model.write_text(text + extra, encoding="utf-8")
    return dst


def test_cli_clean_fixture_exits_0():
    r = CliRunner().invoke(main, ["coverage", str(MINI)])
    assert r.exit_code == 0, r.output
    assert "s. 2 offence.trafficking" in r.output
    assert "Every mandatory Trafficking Protocol requirement is implemented or waived." in r.output


def test_cli_json_shape():
    r = CliRunner().invoke(main, ["coverage", str(MINI), "--format", "json",
                                  "--instrument", "tip"])
    assert r.exit_code == 0
    data = json.loads(r.output)
    assert data["schema"] == "modellaw.coverage/1"
    [tip] = data["instruments"]
    assert [q["id"] for q in tip["requirements"]] == [
        "tip.3.a", "tip.5.1", "tip.10.1", "tip.6.3", "tip.9.5"]
    assert tip["requirements"][0]["provisions"][1] == {
        "id": "offence.trafficking", "section": 2, "title": "Trafficking in persons"}
    assert tip["uncovered"] == ["tip.9.5"]
    assert data["blocking"] == []


@pytest.mark.parametrize("fmt", ["text", "json", "md"])
def test_cli_uncovered_mandatory_tip_exits_1(tmp_path, fmt):
    law = _copy(tmp_path, drop_waiver=True)
    r = CliRunner().invoke(main, ["coverage", str(law), "--format", fmt])
    assert r.exit_code == 1
    assert "tip.10.1" in (r.stderr if fmt != "text" else r.stdout)
    if fmt == "json":
        assert json.loads(r.stdout)["blocking"] == ["tip.10.1"]


def test_cli_uncovered_mandatory_elsewhere_is_not_fatal(report):
    # coe.12.1 is mandatory and uncovered, but only the Trafficking Protocol gates.
    assert _rows(report)["coe.12.1"].status == "uncovered"
    assert coverage_json(report)["blocking"] == []


def test_cli_model_errors_exit_1_with_diagnostics(tmp_path):
    law = _copy(tmp_path, extra='\nprovision stray.one "Stray"\n  part general\n'
                                '  implements tip.9.5\n  see no.such_provision\n')
    r = CliRunner().invoke(main, ["coverage", str(law)])
    assert r.exit_code == 1
    assert "error[S103]" in r.stderr
    assert "no.such_provision" in r.stderr
    assert "Traceback" not in r.output


def test_cli_unknown_instrument_is_usage_error():
    r = CliRunner().invoke(main, ["coverage", str(MINI), "--instrument", "tp"])
    assert r.exit_code == 2
    assert "did you mean 'tip'" in r.output
