"""Reviewer overrides: honoured, never overwritten by gap runs, stale when the text moves."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from modellaw.cli import main
from modellaw.compare.engine import analyse
from modellaw.compare.review import ReviewError, load_review, record, review_path_for
from modellaw.statutes import read_statute

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "compare"


@pytest.fixture()
def statute_copy(tmp_path):
    p = tmp_path / "gaps.txt"
    shutil.copy(FIXTURES / "gaps.txt", p)
    return p


def test_override_is_honoured_and_marked(mini_model, statute_copy):
    st = read_statute(statute_copy)
    first = analyse(mini_model, st)
    f = first.requirement("tip.3.d")
    assert f.status == "unmet"
    record(review_path_for(statute_copy), "tip.3.d", "change", "partial", "Children Act sets 18",
           "A. Adviser", f.evidence_hash)
    again = analyse(mini_model, read_statute(statute_copy))
    g = again.requirement("tip.3.d")
    assert g.status == "partial"
    assert g.override is not None and g.override.original_status == "unmet"
    assert g.override.comment == "Children Act sets 18" and not g.override.stale


def test_gap_never_writes_the_review_file(mini_model, statute_copy):
    path = review_path_for(statute_copy)
    path.write_text(json.dumps({"schema": "modellaw.review/1", "entries": {
        "tip.4": {"decision": "confirm", "comment": "hand-written", "evidence_hash": "x"}}}),
        encoding="utf-8")
    before = path.read_bytes()
    res = analyse(mini_model, read_statute(statute_copy))
    assert path.read_bytes() == before
    f = res.requirement("tip.4")
    assert f.override.decision == "confirm"
    assert f.override.stale and f.needs_review  # hash "x" is not the current evidence


def test_recording_keeps_other_entries(statute_copy):
    path = review_path_for(statute_copy)
    record(path, "tip.3.a", "confirm", None, "ok", None, "h1")
    record(path, "tip.4", "reject", None, "wrong", None, "h2")
    entries = load_review(path)
    assert set(entries) == {"tip.3.a", "tip.4"}
    assert entries["tip.3.a"].comment == "ok"


def test_broken_review_file_is_an_error_and_left_alone(mini_model, statute_copy):
    path = review_path_for(statute_copy)
    path.write_text("{ not json", encoding="utf-8")
    with pytest.raises(ReviewError, match="not changed"):
        analyse(mini_model, read_statute(statute_copy))
    with pytest.raises(ReviewError):
        record(path, "tip.4", "confirm", None, "", None, "h")
    assert path.read_text(encoding="utf-8") == "{ not json"


def test_review_command(statute_copy):
    runner = CliRunner()
    res = runner.invoke(main, ["review", str(statute_copy), "tip.3.d", "--status", "partial",
                               "--comment", "see Children Act", "--provisions",
                               str(FIXTURES / "mini.mlaw")])
    assert res.exit_code == 0, res.output
    assert load_review(review_path_for(statute_copy))["tip.3.d"].status == "partial"
    res = runner.invoke(main, ["review", str(statute_copy), "tip.3.d", "--provisions",
                               str(FIXTURES / "mini.mlaw")])
    assert res.exit_code == 2


def _review(statute_copy, rid="tip.3.d"):
    runner = CliRunner()
    res = runner.invoke(main, ["review", str(statute_copy), rid, "--confirm", "--provisions",
                               str(FIXTURES / "mini.mlaw")])
    assert res.exit_code == 0, res.output
    return load_review(review_path_for(statute_copy))[rid]


def test_entry_keeps_the_units_the_reviewer_saw(mini_model, statute_copy):
    before = analyse(mini_model, read_statute(statute_copy)).requirement("tip.3.a")
    entry = _review(statute_copy, "tip.3.a")
    assert entry.units == list(dict.fromkeys(ev.unit for ev in before.evidence))
    assert entry.units  # the verdict cites something


def test_entry_goes_stale_only_when_its_units_change(mini_model, statute_copy):
    entry = _review(statute_copy, "tip.3.a")
    assert "2(1)" in entry.units  # the offence the reviewer read
    text = statute_copy.read_text(encoding="utf-8")
    # text the reviewer did not see cited changes: the entry stands
    statute_copy.write_text(text + "\n99. Commencement\nThis Act comes into force at once.\n",
                            encoding="utf-8")
    f = analyse(mini_model, read_statute(statute_copy)).requirement("tip.3.a")
    assert not f.override.stale and not f.needs_review
    # the cited offence's own words change: stale, and back to review
    statute_copy.write_text(text.replace("across the border by force", "across the border"),
                            encoding="utf-8")
    f = analyse(mini_model, read_statute(statute_copy)).requirement("tip.3.a")
    assert f.override.stale and f.needs_review


def test_other_citations_do_not_make_an_entry_stale(mini_model, statute_copy):
    # A newer version of the tool may cite other units for the same verdict; the entry
    # is judged by the text of the units the reviewer saw.
    from modellaw.compare.review import ReviewEntry, apply_review, units_hash

    st = read_statute(statute_copy)
    f = analyse(mini_model, st).requirement("tip.3.a")
    entry = ReviewEntry("confirm", None, "", None, None, units_hash(st, ["2(1)"]), ["2(1)"])
    f.evidence_hash = "cites-something-else"
    apply_review([f], {"tip.3.a": entry}, st)
    assert not f.override.stale
    old_style = ReviewEntry("confirm", None, "", None, None, "written-by-0.1", None)
    apply_review([f], {"tip.3.a": old_style}, st)
    assert f.override.stale  # no units kept: compared with today's citations
