"""Wording that should be absent and is there is cited with the verdict: it is why the
verdict falls short, and the reviewer needs to see it."""

from __future__ import annotations

from pathlib import Path

import pytest
from compare_helpers import analyse_text

OFFENCE = ("1. Offence\nA person who recruits another person for the purpose of exploitation "
           "commits an offence.\n\n")
ASSIST = ("3. Assistance\n(1) The Minister shall provide victims with shelter, medical care and "
          "counselling.\n")


@pytest.mark.parametrize(("condition", "status"), [
    ("(2) Assistance under subsection (1) is given subject to cooperation with the "
     "investigation.\n", "partial"),
    ("(2) Assistance under subsection (1) is given to every victim.\n", "partial"),  # silent
])
def test_a_condition_on_assistance_is_cited(full_model, tmp_path: Path, condition: str,
                                            status: str) -> None:
    f = analyse_text(full_model, tmp_path, OFFENCE + ASSIST + condition).requirement(
        "eu2011.11.3")
    assert f.status == status
    conditioned = "subject to cooperation" in condition
    assert any("assistance tied to cooperation" in m for m in f.missing) is conditioned
    assert ("3(2)" in [ev.unit for ev in f.evidence]) is conditioned
