"""Several instruments in one file: a code chapter with the Act that goes with it. Each is
cut on its own, the later ones' units are named after their instrument, and citations in
the forms lawyers use find them. A heading or a schedule that names another Act does not
start an instrument."""

from __future__ import annotations

from pathlib import Path

import pytest

from modellaw.statutes import read_statute
from modellaw.statutes.instruments import name_instrument

CODE_AND_ACT = """KINGDOM OF NORDMARK

PART ONE

CRIMINAL CODE (Act 12/1910)

Chapter 20 — Offences against liberty

Section 1 — Deprivation of liberty

(1) Whoever unlawfully deprives another of liberty shall be sentenced to imprisonment.

Section 2 — Trafficking in human beings

(1) Whoever
1) uses violence against another person, or
2) misleads another person,
and thereby recruits or harbours that person for the purpose of exploitation, shall be sentenced
to imprisonment for at most six years.

(2) An attempt is punishable.

Section 2 a — Aggravated trafficking in human beings

(1) If the offence is committed against a child, the offender shall be sentenced to imprisonment
for at most ten years.

Section 3 — Forfeiture

(1) The proceeds of an offence under section 2 shall be forfeited.

PART TWO

ACT ON THE ASSISTANCE OF VICTIMS

No. 55/2016

In accordance with the decision of the Storting, the following is enacted:

Section 1 — Scope

(1) This Act applies to every victim of trafficking in Nordmark.

Section 2 — Definitions

In this Act,
1) victim means a person subjected to trafficking;
2) child means a person under eighteen years of age.

Section 3 — Services

(1) The municipality shall arrange shelter and counselling for a victim.
"""


def _read(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "s.txt"
    path.write_text(text, encoding="utf-8")
    return read_statute(path)


def test_each_instrument_is_cut_alone_and_named(tmp_path: Path) -> None:
    st = _read(tmp_path, CODE_AND_ACT)
    assert [u.kind for u in st.units] == ["instrument", "instrument"]
    assert [i.prefix for i in st.instruments] == ["", "Act 55/2016"]
    labels = [u.label for u in st.walk()]
    assert {"2(1)(1)", "2(1)(2)", "2a(1)", "3(1)"} <= set(labels)
    assert {"Act 55/2016 s. 1(1)", "Act 55/2016 s. 2(2)", "Act 55/2016 s. 3(1)"} <= set(labels)
    services = st.find("Act 55/2016 s. 3(1)")
    assert services is not None and "shelter" in st.text_of(services)
    assert "1 instruments" not in " ".join(st.warnings) and any(
        "2 instruments" in w for w in st.warnings)


@pytest.mark.parametrize(("citation", "opening"), [
    ("CC 20:2(1)(2)", "2) misleads"),  # the code by its initials, the chapter first
    ("2a(1)", "(1) If the offence"),
    ("Act 55/2016 s. 2 point 2", "2) child means"),  # a point of a section without subsections
    ("Act No. 55/2016, s. 3(1)", "(1) The municipality"),
    ("AAV s. 1(1)", "(1) This Act applies"),  # the Act by the initials of its title
])
def test_citations_find_units_in_either_instrument(tmp_path: Path, citation: str,
                                                    opening: str) -> None:
    st = _read(tmp_path, CODE_AND_ACT)
    unit = st.find(citation)
    assert unit is not None and st.text_of(unit).startswith(opening)


def test_an_act_reprinted_in_a_schedule_stays_in_the_schedule(tmp_path: Path) -> None:
    text = ("1. Short title\nThis Act is the Trafficking Act.\n\n2. Offence\nA person who "
            "recruits another for exploitation commits an offence.\n\n3. Amendment\nThe "
            "Penal Code is amended as in the Schedule.\n\nSCHEDULE\n\nTHE PENAL CODE "
            "(AMENDMENT)\n\nAmendments made\n\n1. Section 5 is repealed.\n"
            "2. Section 6 is amended.\n")
    st = _read(tmp_path, text)
    assert st.instruments == []
    assert st.find("Schedule") is not None


def test_a_heading_naming_an_act_starts_no_instrument(tmp_path: Path) -> None:
    """"Application of Act" sits just above its section, and the numbering runs on."""
    text = ("1. Short title\nThis Act is the Trafficking Act.\n\n2. Offence\nA person who "
            "recruits another for exploitation commits an offence.\n\nApplication of Act\n"
            "3. This Act applies to every person.\n\nSCHEDULE\nTHE IMMIGRATION ACT\n"
            "Section 1 is amended by inserting a definition.\n")
    st = _read(tmp_path, text)
    assert st.instruments == []
    assert [u.label for u in st.units][:3] == ["1", "2", "3"]


@pytest.mark.parametrize(("header", "names"), [
    (["FEDERAL ACT ON ASSISTANCE TO VICTIMS OF OFFENCES (Victim Assistance Act, VAA)"],
     ["VAA", "FAAVO"]),
    (["CODE OF CRIMINAL PROCEDURE"], ["CCP"]),
    (["THE VICTIMS OF TRAFFICKING (PROTECTION AND REHABILITATION) ACT, 2019",
      "ACT No. 12 OF 2019"], ["Act 12", "Act No. 12", "VTPR Act", "VTPRA"]),
])
def test_instruments_are_named_as_lawyers_cite_them(header: list[str],
                                                     names: list[str]) -> None:
    assert name_instrument(header)[1] == names


ACT_AND_ORDINANCE = """PART B

Federal Act on Help for Victims
(Victim Help Act, VHA)

of 2 May 2007

Art. 1  Principles
¹ Every victim receives help.

Art. 2  Forms of help
Help comprises counselling and shelter.

Art. 14  Children
¹ A child victim receives help without delay.

PART C

Ordinance on Help for Victims
(Victim Help Ordinance, VHO)

of 3 June 2008

Art. 9  Longer-term help
¹ A foreign victim receives longer-term help during the reflection period.
"""


def test_an_extract_under_a_part_of_its_own_starts_an_instrument(tmp_path: Path) -> None:
    """The ordinance's extract opens at article 9, below the Act's article 14, under its
    own part; each is named by the abbreviation printed below its title."""
    st = _read(tmp_path, ACT_AND_ORDINANCE)
    assert [i.names[0] for i in st.instruments] == ["VHA", "VHO"]
    assert st.find("VHO Art. 9 para. 1") is not None
    assert st.text_of(st.find("VHO Art. 9 para. 1")).startswith("¹ A foreign victim")
    assert st.text_of(st.find("Art. 14 para. 1")).startswith("¹ A child victim")
