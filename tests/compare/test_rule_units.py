"""Citations come from the units that state the rule, and a penalty is read where the
statute punishes that offence, even when it does so in another section."""

from __future__ import annotations

from pathlib import Path

from compare_helpers import analyse_text, load_law

from modellaw.compare.findings import ElementResult

LAW = '''instrument tip "Protocol"

requirement tip.3.a "Definition"
  strength mandatory
  verify verified

requirement tip.5.1 "Criminalise"
  strength mandatory
  verify verified

part offences "Offences"

provision offence.trafficking "Trafficking"
  part offences
  implements tip.3.a, tip.5.1
  text "(1) A person who recruits or harbours another by force or fraud commits an offence."
  requires all acts "acts": recruitment (recruit), harbouring (harbour)
  requires all means "means": force, fraud
  requires clause offence "offence-creating words": commits an offence
  requires number penalty "penalty" for tip.5.1: max_penalty >= 10 years
'''

# Written for this test: the concepts are scattered over definitions and a procedure
# section, and stated together only in section 3; the penalty sits in section 4, after
# an unrelated offence with a lighter one.
STATUTE = """1. Short title
This Act may be cited as the Example Act.

2. Interpretation
(1) "force" includes the threat of harm.
(2) "fraud" includes a false promise of work.
(3) "recruit" includes to hire.
(4) "harbour" includes to shelter or to conceal.

3. Trafficking
(1) A person who recruits or harbours another person by force or fraud for the purpose of
exploitation commits an offence.

4. Punishment
(1) A person who is guilty of an offence under section 3 shall be liable to imprisonment
for a term not exceeding fifteen years.

5. Harbouring records
(1) A hotel that fails to keep records commits an offence and shall be liable to
imprisonment for a term not exceeding six months.
"""


def _run(tmp_path: Path, law_text: str = LAW):
    return analyse_text(load_law(tmp_path, law_text), tmp_path, STATUTE)


def _penalty(tmp_path: Path, statute: str) -> ElementResult:
    """The penalty element of tip.5.1, its offence placed by the key offence words."""
    law = LAW.replace("requires clause offence", "requires key clause offence")
    res = analyse_text(load_law(tmp_path, law), tmp_path, statute)
    return next(e for e in res.requirement("tip.5.1").elements if e.kind == "number")


def test_the_unit_stating_the_whole_rule_is_cited_first(tmp_path: Path) -> None:
    f = _run(tmp_path).requirement("tip.3.a")
    assert f.status == "met"
    assert [e.unit for e in f.evidence][:1] == ["3(1)"]
    assert "recruits or harbours" in f.evidence[0].quote
    # the definitions still follow, as places where single concepts are stated
    assert {"2(1)", "2(3)"} <= {e.unit for e in f.evidence}


def test_penalty_is_read_where_the_offence_is_punished(tmp_path: Path) -> None:
    # The key element places the offence; its penalty is looked for from there.
    res = _run(tmp_path, LAW.replace("requires clause offence", "requires key clause offence"))
    f = res.requirement("tip.5.1")
    assert f.status == "met"
    penalty = next(e for e in f.elements if e.kind == "number")
    assert penalty.note == "maximum penalty: 15 years"
    assert penalty.evidence[0].unit == "4(1)"
    assert "4(1)" in [e.unit for e in f.evidence]


def test_a_term_in_default_of_payment_is_not_the_penalty(tmp_path: Path) -> None:
    # Imprisonment for failing to pay compensation is not the offence's maximum.
    statute = STATUTE.replace(
        "for a term not exceeding fifteen years.",
        "for a term not exceeding fifteen years. A further term of imprisonment which may "
        "extend to two years may be imposed in the case of a failure to pay compensation.")
    assert _penalty(tmp_path, statute).note == "maximum penalty: 15 years"


def test_a_repeat_offenders_penalty_is_not_the_maximum(tmp_path: Path) -> None:
    # East African drafting: a minimum on first conviction, life only on a later one.
    statute = STATUTE.replace(
        "shall be liable to imprisonment\nfor a term not exceeding fifteen years.",
        "is liable to imprisonment for a term of not less than thirty years and upon\n"
        "subsequent conviction, to imprisonment for life.")
    penalty = _penalty(tmp_path, statute)
    assert (penalty.status, penalty.note) == ("partial", "minimum only")


def test_another_offence_in_the_same_section_is_not_its_penalty(tmp_path: Path) -> None:
    # US Code style: (b) punishes the offence in (a); (c) is a separate obstruction
    # offence with a lighter penalty, which is not the trafficking maximum.
    statute = ("1. Short title\nThis Act may be cited as the Example Act.\n\n"
               "3. Trafficking\n"
               "(a) Whoever recruits or harbours a person by force or fraud commits an "
               "offence.\n"
               "(b) The punishment for an offense under subsection (a) is imprisonment for "
               "not less than 10 years or for life.\n"
               "(c) Whoever obstructs the enforcement of this section shall be imprisoned "
               "for not more than 5 years.\n")
    penalty = _penalty(tmp_path, statute)
    assert penalty.note == "maximum penalty: life"
    assert penalty.evidence[0].unit == "3(b)"


PARALLEL = """1. Short title
This Act may be cited as the Parallel Act.

2. Assistance
(1) A victim of force or fraud shall be assisted.

3. Forced labour
(1) Whoever recruits or harbours a person by force or fraud for labour shall be fined.

4. Sex trafficking
(1) Whoever recruits a person by fraud for prostitution shall be fined.
"""


def test_parallel_offences_are_cited_together(tmp_path: Path) -> None:
    res = analyse_text(load_law(tmp_path, LAW), tmp_path, PARALLEL)
    units = [e.unit for e in res.requirement("tip.3.a").evidence]
    # 4(1) holds only half of 3(1)'s concepts, but it is a parallel offence; 2(1) holds
    # as many and is not an offence, so it comes only later, for its own concepts.
    assert units[:2] == ["3(1)", "4(1)"]


def test_a_long_section_is_cited_by_its_parts(tmp_path: Path) -> None:
    # Section 3 holds every concept, but only across its subsections, and is longer than a
    # page: citing "3" would send the reader to read it all.
    filler = "The Board shall meet at least four times a year. " * 90
    statute = ("1. Short title\nThis Act may be cited as the Long Act.\n\n"
               "3. Miscellaneous\n"
               "(1) Whoever recruits a person by force shall be fined.\n"
               f"(2) {filler}\n"
               "(3) Whoever harbours a person by fraud shall be fined.\n")
    res = analyse_text(load_law(tmp_path, LAW), tmp_path, statute)
    units = [e.unit for e in res.requirement("tip.3.a").evidence]
    assert "3" not in units
    assert {"3(1)", "3(3)"} <= set(units)


def test_a_cited_unit_is_quoted_where_most_of_the_rule_is(tmp_path: Path) -> None:
    statute = ("3. Trafficking\n"
               "(1) Recruitment agencies shall be licensed. Whoever recruits or harbours a "
               "person by force or fraud shall be fined.\n")
    res = analyse_text(load_law(tmp_path, LAW), tmp_path, statute)
    ev = res.requirement("tip.3.a").evidence
    assert ev[0].unit == "3(1)"
    assert ev[0].quote.startswith("Whoever recruits or harbours")


QUALIFIED = '''instrument coe "Council of Europe Convention"

requirement coe.26 "Non-punishment"
  strength qualified
  verify verified

part non_punishment "Non-punishment"

provision non_punishment.victims "Non-punishment of victims"
  part non_punishment
  implements coe.26
  text "(1) A victim shall not be punished for offences he or she was compelled to commit."
  requires key clause no_liability "non-punishment": shall not be punished
  requires clause compelled "compulsion" in non_punishment.victims: compelled
'''


def test_a_qualification_counts_only_where_its_rule_is(tmp_path: Path) -> None:
    model = load_law(tmp_path, QUALIFIED)
    elsewhere = ("1. Interpretation\n\"compelled labour\" means work exacted under threat.\n\n"
                 "2. Victims\nA victim shall not be punished for entering the country "
                 "unlawfully.\n")
    f = analyse_text(model, tmp_path, elsewhere)
    assert f.requirement("coe.26").status == "partial"  # "compelled" is in another section
    f = analyse_text(model, tmp_path, elsewhere.replace("unlawfully.", "unlawfully where "
                                                        "compelled to do so."))
    assert f.requirement("coe.26").status == "met"


SERVICES = '''instrument tip "Protocol"

requirement tip.6.3 "Recovery"
  strength consider
  verify verified

part victims "Victims"

provision victims.assistance "Assistance"
  part victims
  implements tip.6.3
  text "(1) Victims shall be given shelter, counselling and medical care."
  requires all services "services": shelter, counselling, medical care
'''


def test_a_section_and_its_pinpoint_are_not_quoted_alike(tmp_path: Path) -> None:
    res = analyse_text(load_law(tmp_path, SERVICES), tmp_path,
                       "1. Title\nThis is the Services Act.\n\n3. Assistance\nThe Minister "
                       "shall provide every victim with the following:\n"
                       "(a) shelter and counselling;\n(b) medical care.\n")
    ev = {e.unit: e for e in res.requirement("tip.6.3").evidence}
    assert "3" in ev and "3(a)" in ev  # the section, and where in it
    assert ev["3"].quote != ev["3(a)"].quote
    assert "The Minister shall provide" in ev["3"].quote


SHELTER_LAW = '''instrument tip "Protocol"

requirement tip.6.3 "Recovery"
  strength mandatory
  verify verified

part victims "Victims"

provision victims.assistance "Assistance"
  part victims
  implements tip.6.3
  text "(1) A victim is entitled to shelter, counselling and medical care."
  requires all services "services": counselling, medical care
  requires any housing "housing": shelter
'''

# Written for this test: "shelter" is defined first, and granted in section 5 beside the
# other services.
SHELTER_STATUTE = """1. Interpretation
"shelter" means a place designated by the Minister for the care of victims.

2. Short title
This Act may be cited as the Example Act.

5. Assistance to victims
The Director shall provide every victim with shelter, counselling and medical care.
"""


def test_a_one_concept_element_is_cited_where_the_provision_is_stated(tmp_path: Path) -> None:
    # Every section that mentions a single concept would tie as its "home"; the sections
    # that rank best for the provision decide instead.
    res = analyse_text(load_law(tmp_path, SHELTER_LAW), tmp_path, SHELTER_STATUTE)
    housing = next(e for e in res.provision("victims.assistance").elements
                   if e.name == "housing")
    assert housing.evidence[0].unit == "5"


AGGRAVATION_LAW = LAW.replace(
    '  requires number penalty "penalty" for tip.5.1: max_penalty >= 10 years',
    '  requires number penalty "penalty" for tip.5.1: max_penalty >= 10 years\n'
    '  requires number aggravated "aggravated penalty" for tip.5.1: aggravated_penalty >= 12 years')


def test_the_aggravated_penalty_is_the_highest_branch(tmp_path: Path) -> None:
    # Written for this test, in the civil-law style: the basic and the aggravated penalty
    # sit in one article.
    statute = ("Article 3 \u2014 Trafficking\n"
               "1. Whoever recruits or harbours another person by force or fraud for the purpose "
               "of exploitation shall be punished by imprisonment from 3 to 8 years.\n"
               "2. Where the act is committed against a minor, the offender shall be punished by "
               "imprisonment from 5 to 12 years.\n"
               "Article 4 \u2014 Attempt\n"
               "The attempt to commit the offence under Article 3 shall be punishable.\n")
    res = analyse_text(load_law(tmp_path, AGGRAVATION_LAW), tmp_path, statute)
    numbers = {e.name: e for e in res.requirement("tip.5.1").elements if e.kind == "number"}
    assert numbers["penalty"].note == "maximum penalty: 8 years"
    assert numbers["aggravated"].note == "aggravated maximum penalty: 12 years"
    assert numbers["aggravated"].status == "met"


PENALTY_LAW = LAW.replace("implements tip.3.a, tip.5.1", "implements tip.3.a").replace(
    "  requires number penalty \"penalty\" for tip.5.1: max_penalty >= 10 years\n", "") + '''
provision penalties.trafficking "Penalties"
  part offences
  implements tip.5.1
  text "(1) A person convicted of trafficking is liable to imprisonment for 15 years."
  requires number penalty "penalty" for tip.5.1 in offence.trafficking: max_penalty >= 10 years
'''

# Written for this test: two parallel offences, each punished in its own subsection.
PARALLEL_PENALTIES = """1. Short title
This Act may be cited as the Parallel Penalties Act.

3. Forced labour
(1) Whoever recruits or harbours a person by force or fraud for labour commits an offence.
(2) A person who commits an offence under subsection (1) shall be liable to imprisonment
for a term not exceeding twenty years.

4. Sex trafficking
(1) Whoever recruits or harbours a person by fraud for prostitution commits an offence.
(2) A person who commits an offence under subsection (1) shall be liable to imprisonment
for a term not exceeding fifteen years.
"""


def test_a_penalty_row_cites_the_penalty_of_each_parallel_offence(tmp_path: Path) -> None:
    res = analyse_text(load_law(tmp_path, PENALTY_LAW), tmp_path, PARALLEL_PENALTIES)
    f = res.requirement("tip.5.1")
    assert f.status == "met"
    penalty = next(e for e in f.elements if e.kind == "number")
    assert penalty.note == "maximum penalty: 20 years"  # read in the first offence
    assert {"3(2)", "4(2)"} <= {e.unit for e in penalty.evidence}
    assert {"3(2)", "4(2)"} <= {e.unit for e in f.evidence}


def test_the_penalty_on_indictment_is_the_maximum(tmp_path: Path) -> None:
    # Caribbean and UK drafting: the summary-conviction cap is a court's limit, not the
    # most the offence carries.
    statute = STATUTE.replace(
        "shall be liable to imprisonment\nfor a term not exceeding fifteen years.",
        "is liable (a) on summary conviction, to a fine of fifty thousand dollars or to\n"
        "imprisonment for five years or to both; (b) on conviction on indictment, to\n"
        "imprisonment for twenty-five years.")
    penalty = _penalty(tmp_path, statute)
    assert penalty.note == "maximum penalty: 25 years"
    assert penalty.status == "met"


CHILD_LAW = LAW.replace("requires clause offence", "requires key clause offence") + (
    '  recommends clause child "the offence for children" for tip.3.a in offence.trafficking:\n'
    '    child victims ("victim is a child")\n')

# Written for this test: the key words ("commits an offence") are met only in a section on
# training, which also speaks of child victims; the offence of trafficking is in section 4.
CHILD_STATUTE = """1. Short title
This Act may be cited as the Child Example Act.

2. Training
(1) Officers shall learn that a person who abuses a victim commits an offence, and how to
respond where the victim is a child.

4. Trafficking
(1) Whoever recruits or harbours a person by force or fraud shall be fined.
(2) Where the victim is a child, the force or fraud need not be proved.
"""


def test_a_qualifying_element_is_looked_for_in_the_offence(tmp_path: Path) -> None:
    res = analyse_text(load_law(tmp_path, CHILD_LAW), tmp_path, CHILD_STATUTE)
    child = next(e for e in res.requirement("tip.3.a").elements if e.name == "child")
    assert child.status == "met"
    # Looked for only where the key words are, it would be found in the training section
    # alone; the offence holding the acts and means comes first now.
    assert child.evidence[0].unit == "4(2)"


CARRIER_LAW = '''instrument tip "Protocol"

requirement tip.11.3 "Carriers"
  strength mandatory
  verify verified

part prevention "Prevention"

provision prevention.carriers "Carriers"
  part prevention
  implements tip.11.3
  text "(1) A commercial carrier shall check that each passenger holds travel documents."
  requires key clause check "document check": carrier checks ("verify that each passenger")
'''


def test_a_part_that_opens_by_naming_the_cited_one_is_cited_with_it(tmp_path: Path) -> None:
    # Written for this test: (2) extends the duty in (1) to agents; (3) is a penalty that
    # only mentions (1) later on, and is not cited for the duty.
    statute = ("1. Short title\nThis Act may be cited as the Carriers Act.\n\n"
               "24. Carrier liability\n(1) A transportation provider shall verify that each "
               "passenger possesses the necessary travel documents.\n(2) Subsection (1) shall "
               "apply to the provider's agents and to any person issuing tickets.\n(3) A person "
               "who fails to comply with subsection (1) commits an offence.\n")
    res = analyse_text(load_law(tmp_path, CARRIER_LAW), tmp_path, statute)
    units = [ev.unit for ev in res.requirement("tip.11.3").evidence]
    assert units[:2] == ["24(1)", "24(2)"], units
    assert "24(3)" not in units
