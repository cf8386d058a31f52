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


CONTENTS = ("AN ACT to prevent trafficking in persons and to protect its victims.\n\n"
            "ARRANGEMENT OF SECTIONS\n\n1. Offence\n2. Annual report\n3. Information\n\n"
            "BE IT ENACTED by Parliament as follows:\n\n")
REPORT = ("2. Report to Parliament\nThe Minister shall lay a report on the work of the Task "
          "Force before Parliament.\n\n")


def test_an_arrangement_of_sections_states_no_rule(full_model, tmp_path: Path) -> None:
    """"2. Annual report" in the arrangement is only a heading repeated: the section itself
    never says that anyone reports annually."""
    result = analyse_text(full_model, tmp_path, CONTENTS + OFFENCE + REPORT + RULE)
    cited = [ev for r in result.requirements for ev in r.evidence]
    assert cited and not [ev for ev in cited if ev.unit in ("(text)", "(preamble)")
                          and "Annual report" in ev.quote]
    monitoring = next(e for e in result.requirement("coe.29.1").elements
                      if e.name == "monitoring_mechanism")
    assert monitoring.status == "unmet"


def test_the_long_title_is_cited_as_the_preamble(full_model, tmp_path: Path) -> None:
    result = analyse_text(full_model, tmp_path, CONTENTS + OFFENCE + REPORT + RULE)
    purposes = result.requirement("tip.2")
    assert "(preamble)" in [ev.unit for ev in purposes.evidence]
    assert "(text)" not in {ev.unit for r in result.requirements for ev in r.evidence}
