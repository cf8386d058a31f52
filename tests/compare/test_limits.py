"""`limited-by`: another provision's element bounds a verdict, per instrument, only downwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from compare_helpers import analyse_text, load_law

from modellaw.dsl.fmt import format_text
from modellaw.dsl.loader import load_model

LAW = '''instrument tip "Protocol"
instrument saarc "SAARC Convention"

requirement tip.3.a "Definition"
  strength mandatory
  verify verified

requirement tip.6.3 "Recovery"
  strength mandatory
  verify verified

requirement saarc.9 "Care of victims"
  strength mandatory
  verify verified

part offences "Offences"
part victims "Victims"

provision offence.trafficking "Trafficking"
  part offences
  implements tip.3.a
  text "(1) A person who traffics another for any exploitation commits an offence."
  requires clause offence "offence": commits an offence
  requires any scope "trafficking for labour as well as for sexual exploitation" for tip.3.a:
    forced labour, servitude

provision victims.assistance "Assistance"
  part victims
  implements tip.6.3, saarc.9
  limited-by offence.trafficking scope
  text "(1) Victims shall be given shelter."
  requires clause shelter "shelter": shelter (housing)
'''

NARROW = ("1. A person who moves a woman for prostitution commits an offence.\n"
          "2. Victims shall be given shelter.\n")
BROAD = ("1. A person who moves a person for prostitution or forced labour commits an offence.\n"
         "2. Victims shall be given shelter.\n")
SILENT = "1. A person who moves a woman for prostitution commits an offence.\n"


def _run(tmp_path: Path, text: str):
    return analyse_text(load_law(tmp_path, LAW), tmp_path, text)


@pytest.mark.parametrize(
    ("text", "tip", "saarc"),
    [
        (NARROW, "partial", "met"),  # the Protocol row is capped; SAARC judges its own scope
        (BROAD, "met", "met"),
        (SILENT, "unmet", "unmet"),  # a met limit never lifts an unmet verdict
    ],
)
def test_limit_caps_per_instrument(tmp_path: Path, text: str, tip: str, saarc: str) -> None:
    res = _run(tmp_path, text)
    assert res.requirement("tip.6.3").status == tip
    assert res.requirement("saarc.9").status == saarc


def test_capped_verdict_says_why_and_cites_only_its_own_rule(tmp_path: Path) -> None:
    res = _run(tmp_path, NARROW)
    f = res.requirement("tip.6.3")
    assert any("trafficking for labour as well as for sexual exploitation" in m
               for m in f.missing)
    assert [e.unit for e in f.evidence] == ["2"]
    prov = next(p for p in res.provisions if p.id == "victims.assistance")
    assert prov.status == "partial"
    assert "offence.trafficking/scope" in [e.element for e in prov.elements]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("limited-by offence.trafficking", "takes a provision id and an element name"),
        ("limited-by offence.trafficing scope", "unknown provision 'offence.trafficing'"),
        ("limited-by offence.trafficking scop", "has no element 'scop'"),
    ],
)
def test_bad_limits_are_reported(tmp_path: Path, line: str, message: str) -> None:
    law = tmp_path / "law.mlaw"
    law.write_text(LAW.replace("limited-by offence.trafficking scope", line), encoding="utf-8")
    res = load_model([law], lint=False, root=tmp_path)
    diags = [d for d in res.diagnostics if d.code == "S129"]
    assert len(diags) == 1 and message in diags[0].message
    where = LAW.splitlines().index("  limited-by offence.trafficking scope") + 1
    assert diags[0].span.line == where


def test_limits_survive_formatting() -> None:
    out = format_text(LAW)
    assert "  limited-by offence.trafficking scope\n" in out
    assert format_text(out) == out


@pytest.mark.parametrize(
    ("offence", "limited"),
    [
        ("A person who procures a woman for prostitution commits an offence.", True),
        ("A person who recruits another person for the purpose of exploitation commits an "
         "offence.", False),
        ("A person who recruits another person for forced labour or prostitution commits an "
         "offence.", False),
    ],
)
def test_model_law_limits_victims_rows_to_the_offence(full_model, tmp_path: Path, offence: str,
                                                      limited: bool) -> None:
    res = analyse_text(full_model, tmp_path,
                       f"1. Offence\n{offence}\n\n2. Shelter\nThe Minister shall provide "
                       "victims with shelter, medical care, counselling, education and "
                       "vocational training.\n")
    f = res.requirement("tip.6.3")
    reason = "an offence not limited to sexual exploitation"
    assert any(reason in m for m in f.missing) is limited
    assert f.status == ("partial" if limited else "met")


@pytest.mark.parametrize(
    ("definition", "cited"),
    [
        # The narrow definition is why the row is partial: it is cited with the shelter rule.
        ('"trafficking" means the moving, selling or buying of women and children for '
         "prostitution.", True),
        # A definition reaching every form of exploitation limits nothing.
        ('"trafficking" means the recruitment of a person for the purpose of exploitation, '
         "including forced labour and prostitution.", False),
    ],
)
def test_a_narrow_definition_is_cited_with_the_rows_it_limits(
        full_model, tmp_path: Path, definition: str, cited: bool) -> None:
    res = analyse_text(full_model, tmp_path,
                       f"1. Interpretation\nIn this Act—\n{definition}\n\n"
                       "2. Offence\nA person who commits trafficking commits an offence.\n\n"
                       "3. Shelter\nThe Minister shall provide victims of trafficking with "
                       "shelter, medical care, counselling, education and vocational "
                       "training.\n")
    f = res.requirement("tip.6.3")
    assert f.status == ("partial" if cited else "met")
    units = [ev.unit for ev in f.evidence]
    assert "3" in units
    assert ("1" in units) is cited
    assert any("the definition in 1 sets this scope" in m for m in f.missing) is cited
