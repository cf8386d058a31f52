"""Catalog hard case 15: a power ("may provide") is partial against a duty but fully meets
a row that asks a State only to consider, endeavour or recommend."""

from __future__ import annotations

from pathlib import Path

import pytest
from compare_helpers import analyse_text, load_law

LAW = '''instrument tip "Protocol"

requirement tip.6.3 "Recovery"
  strength consider
  verify verified

requirement tip.6.5 "Safety"
  strength endeavour
  verify verified

requirement tip.6.4 "Special needs"
  strength mandatory
  verify verified

part victims "Victims"

provision victims.shelter "Shelter"
  part victims
  implements tip.6.3, tip.6.4, tip.6.5
  text "(1) The [Minister] shall provide shelter to victims."
  requires clause shelter "shelter": shelter (housing, accommodation)
'''


@pytest.mark.parametrize(
    ("sentence", "duty", "effort"),
    [
        ("The Minister may provide shelter to victims.", "partial", "met"),
        ("The Minister shall provide shelter to victims.", "met", "met"),
        ("The Minister shall keep records.", "unmet", "unmet"),
    ],
)
def test_a_power_meets_only_soft_rows(tmp_path: Path, sentence: str, duty: str,
                                      effort: str) -> None:
    res = analyse_text(load_law(tmp_path, LAW), tmp_path, f"1. Victims\n{sentence}\n")
    assert res.requirement("tip.6.4").status == duty
    assert res.requirement("tip.6.3").status == effort
    assert res.requirement("tip.6.5").status == effort
    if duty == "partial":
        assert any("written as a discretion" in m for m in res.requirement("tip.6.4").missing)
