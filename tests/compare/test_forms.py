"""A form to fill in, printed in a schedule, states no rule: its questions are not duties."""

from __future__ import annotations

from pathlib import Path

import pytest
from compare_helpers import analyse_text

OFFENCE = ("1. Offence\nA person who recruits another person for the purpose of exploitation "
           "commits an offence.\n\n")
RULE = ("3. Information\nThe prosecutor shall keep the victim informed of the progress of the "
        "proceedings and of the dates of hearings.\n\n")
FORM = ("SCHEDULE\nFORM A\nVictim interview record\nName of victim: ______________\n"
        "Has the victim been informed of the progress of the proceedings? (Yes/No)\n"
        "Signature of officer: ______________ Date: ______________\n")


@pytest.mark.parametrize(("text", "status"), [
    (OFFENCE + RULE + FORM, "met"),
    # Only the form asks the question: nothing obliges anyone to inform the victim.
    (OFFENCE + FORM, "unmet"),
])
def test_a_form_states_no_rule(full_model, tmp_path: Path, text: str, status: str) -> None:
    f = analyse_text(full_model, tmp_path, text).requirement("tip.6.2.a")
    assert f.status == status
    assert all("Schedule" not in ev.unit for ev in f.evidence)
