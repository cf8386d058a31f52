"""An offence that uses a defined term carries the definition's rule; rules looked for `in`
the offence are looked for, and cited, where the offence is stated."""

from __future__ import annotations

from pathlib import Path

import pytest
from compare_helpers import analyse_text, load_law

from modellaw.compare.candidates import rank_sections
from modellaw.compare.context import StatuteView
from modellaw.compare.findings import GapResult
from modellaw.statutes import read_statute

LAW = '''instrument tip "Protocol"

requirement tip.4 "Scope"
  strength mandatory
  verify verified

requirement tip.5.1 "Criminalise"
  strength mandatory
  verify verified

part general "General"
part offences "Offences"

provision general.scope "Scope"
  part general
  implements tip.4
  text "(1) This Law applies to trafficking whether or not an organised group is involved."
  requires key any offence "a trafficking offence" in offence.trafficking:
    offence (commits an offence, "liable to imprisonment")
  requires absence group "an organised-group element" in offence.trafficking:
    organised group ("organised criminal group")

provision offence.trafficking "Trafficking"
  part offences
  implements tip.5.1
  text "(1) A person who recruits or harbours another by force or fraud commits an offence."
  requires all acts "acts": recruitment (recruit), harbouring (harbour)
  requires all means "means": force, fraud
  requires key clause offence "offence-creating words": commits an offence
'''

# Written for this test. Section 3 names none of the acts or means: it uses the term that
# section 2 defines, in Malawian-style words ("commits the offence termed ...", "shall,
# upon conviction, be liable"). The organised group appears only where a penalty rises.
STATUTE = """1. Short title
This Act may be cited as the Example Act.

2. Interpretation
In this Act, unless the context otherwise requires—
"child" means a person below the age of eighteen years;
"trafficking in persons" means the recruitment or harbouring of a person by force or by
fraud, for the purpose of exploitation.

3. Trafficking in persons
(1) A person who traffics another person commits the offence termed trafficking in persons
and shall, upon conviction, be liable to imprisonment for fourteen years.
(2) The penalty under subsection (1) shall be imprisonment for life where the offence—
(a) is committed by an organised criminal group; or
(b) causes the death of the victim.

4. Hotel registers
(1) A hotel keeper who fails to keep a register of guests commits an offence and shall be
liable to imprisonment for three months.

5. Shelters
(1) The Minister shall provide shelter to any victim of trafficking in persons, and may
recruit staff for that purpose.
"""


@pytest.fixture
def result(tmp_path: Path) -> GapResult:
    return analyse_text(load_law(tmp_path, LAW), tmp_path, STATUTE)


def test_offence_using_a_defined_term_ranks_for_the_definition(tmp_path: Path) -> None:
    model = load_law(tmp_path, LAW)
    path = tmp_path / "s.txt"
    path.write_text(STATUTE, encoding="utf-8")
    view = StatuteView.build(read_statute(path))
    ranked = [u.label for u, _ in rank_sections(view, model.provision("offence.trafficking"))]
    # Section 3 holds none of the acts or means itself, yet it states the offence.
    assert ranked[:2] == ["3", "2"], ranked


def test_offence_using_a_defined_term_is_cited_with_its_definition(result: GapResult) -> None:
    units = [ev.unit for ev in result.requirement("tip.5.1").evidence]
    assert units[:2] == ["2", "3(1)"] or units[:2] == ["3(1)", "2"], units


def test_scope_cites_the_offence_it_looked_in(result: GapResult) -> None:
    f = result.requirement("tip.4")
    # "organised criminal group" raises the penalty of a complete offence: not an element.
    assert f.status == "met", f.missing
    units = [ev.unit for ev in f.evidence]
    assert any(u.startswith("3") for u in units), units
    # The hotel offence also "commits an offence", but it is not the trafficking offence.
    assert not any(u.startswith("4") for u in units), units


def test_an_organised_group_in_the_offence_itself_is_an_element(tmp_path: Path) -> None:
    statute = STATUTE.replace(
        "commits the offence termed trafficking in persons",
        "as a member of an organised criminal group commits the offence termed trafficking "
        "in persons")
    result = analyse_text(load_law(tmp_path, LAW), tmp_path, statute)
    f = result.requirement("tip.4")
    assert f.status != "met"
    assert any("organised-group element" in m for m in f.missing), f.missing


PENALTY_LAW = LAW.replace("implements tip.5.1\n  text \"(1) A person who recruits",
                          "implements tip.4\n  text \"(1) A person who recruits") + '''
provision penalties.trafficking "Penalties"
  part offences
  implements tip.5.1
  text "(1) A person convicted of trafficking is liable to imprisonment for 15 years."
  requires number penalty "penalty" for tip.5.1 in offence.trafficking: max_penalty >= 5 years
'''

# Written for this test, in the style of a civil-law law in translation: the terms are a
# dash list, and the offences only use the defined terms; the child offence, which comes
# first and commits an offence in the words the model looks for, is punished more heavily.
CIVIL = """Article 1: This law applies throughout the Republic.

Article 2: For the purposes of this law, the following definitions apply:
- child: any person below the age of eighteen years;
- trafficking in persons: the recruitment or harbouring of a person by force or fraud, for
the purpose of exploitation.

Article 3: Whoever traffics a child commits an offence and shall be punished by
imprisonment of ten to twenty years.

Article 4: Whoever commits an act of trafficking in persons shall be punished by
imprisonment of one to three years.
"""


def test_listed_definitions_and_the_offence_that_uses_them(tmp_path: Path) -> None:
    path = tmp_path / "civil.txt"
    path.write_text(CIVIL, encoding="utf-8")
    statute = read_statute(path)
    assert {"child", "trafficking in persons"} <= set(statute.definitions)
    assert statute.definitions["trafficking in persons"].unit == "Art. 2"
    # The penalty of trafficking is the one of the offence that uses the defined term, not
    # the child offence's.
    res = analyse_text(load_law(tmp_path, PENALTY_LAW), tmp_path, CIVIL, name="civil2.txt")
    penalty = next(e for e in res.requirement("tip.5.1").elements if e.kind == "number")
    assert penalty.note == "maximum penalty: 3 years", penalty.note
    assert penalty.status == "partial"


def test_a_qualified_part_of_a_code_article_is_an_aggravation(tmp_path: Path) -> None:
    # Written for this test, in the style of a code in translation: part 2 raises the
    # penalty of the acts in part 1 where an organised group commits them.
    statute = ("Article 128. Trafficking in persons\n1. The recruitment or harbouring of a person "
               "by force or fraud for exploitation commits an offence and shall be punished by "
               "deprivation of liberty for a term of up to eight years.\n"
               "2. The acts provided for in part one of this Article, if committed by an organised "
               "criminal group, shall be punished by deprivation of liberty for a term of ten to "
               "fifteen years.\n")
    f = analyse_text(load_law(tmp_path, LAW), tmp_path, statute).requirement("tip.4")
    assert f.status == "met", f.missing
