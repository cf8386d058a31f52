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


DEFINED = ("2. Interpretation\nIn this Act \"trafficking in persons\" means the recruitment, "
           "transportation, transfer, harbouring or receipt of persons, by means of the threat "
           "or use of force, coercion, abduction, fraud or deception, for the purpose of "
           "exploitation.\n\n3. Trafficking in persons\nA person who commits trafficking in "
           "persons commits an offence and is liable to imprisonment for fifteen years.\n\n")


def test_wording_absent_from_an_offence_is_shown_by_the_offence(full_model,
                                                                 tmp_path: Path) -> None:
    """The definition holds the rule and the offence uses it: a border element or an
    exception would have to be in one of them, so both are cited for their absence."""
    result = analyse_text(full_model, tmp_path, DEFINED + ASSIST)
    f = result.requirement("tip.3.a")
    cited = [ev.unit for ev in f.evidence]
    assert cited[0] == "2" and "3" in cited
    absent = [e for e in f.elements if e.name in ("offence_transnational", "offence_carve_out")]
    # Looked for in the requirement's own provision, and `in` it from the scope rule (tip.4).
    absent += [e for e in result.requirement("tip.4").elements if e.name == "border_element"]
    assert len(absent) == 3 and all(
        e.status == "met" and [ev.unit for ev in e.evidence] == ["2", "3"] for e in absent)


def test_wording_absent_from_a_duty_cites_no_offence(full_model, tmp_path: Path) -> None:
    f = analyse_text(full_model, tmp_path, DEFINED + ASSIST).requirement("eu2011.11.3")
    absent = next(e for e in f.elements if e.name == "conditional_assistance")
    assert absent.status == "met" and absent.evidence == []
