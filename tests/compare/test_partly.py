"""'partly' concepts: found alone they make an element partial, never met."""

from __future__ import annotations

from pathlib import Path

import pytest
from compare_helpers import analyse_text, load_law

LAW = '''instrument tip "Protocol"

requirement tip.5.2.c "Organising or directing"
  strength mandatory
  verify verified

part offences "Offences"

provision offence.ancillary "Organisers"
  part offences
  implements tip.5.2.c
  text "(1) A person who organises or directs trafficking commits an offence."
  requires clause organising "organising or directing others":
    organises or directs ("directs another person"),
    partly conspiracy or accessory liability ("criminal conspiracy", "counsels or procures")
'''


@pytest.mark.parametrize(
    ("sentence", "status", "missing"),
    [
        ("A person who organises or directs another person to traffic commits an offence.",
         "met", ""),
        ("A person who is party to a criminal conspiracy to traffic commits an offence.",
         "partial", "only conspiracy or accessory liability, not organises or directs"),
        ("A person who traffics commits an offence.", "unmet", "no provision found"),
        # A weakly stated partly concept does not lower the rule the other concept meets.
        ("A person who organises or directs another person to traffic commits an offence. "
         "The court may, where necessary, treat criminal conspiracy as an offence.", "met", ""),
    ],
)
def test_partly_concepts(tmp_path: Path, sentence: str, status: str, missing: str) -> None:
    res = analyse_text(load_law(tmp_path, LAW), tmp_path, f"1. Offences\n{sentence}\n")
    f = res.requirement("tip.5.2.c")
    assert f.status == status
    assert missing in " ".join(f.missing)


# The Protocol's child limb (tip.3.c) read from the shape of the offence by the real model law.
@pytest.mark.parametrize(
    ("statute", "status", "missing"),
    [
        ("1. Trafficking\n(1) A person who recruits, transports or harbours another person by "
         "force, threat or fraud for the purpose of exploitation commits an offence.\n"
         "(2) A person who recruits, transports or harbours a child for the purpose of "
         "exploitation commits an offence.\n", "met", ""),
        ("1. Trafficking\n(1) A person commits the offence of trafficking if the person "
         "recruits or transports an individual, knowing that force or fraud will be used to "
         "cause the individual to engage in forced labour, or that the individual is a minor "
         "and will be caused to engage in commercial sexual activity.\n", "partial",
         "the child limb reaches only sexual exploitation"),
        ("1. Trafficking\n(1) A person who recruits, transports or harbours another person, "
         "whether adult or child, by force, threat or fraud for the purpose of exploitation "
         "commits an offence.\n", "unmet", "no provision found"),
        # A later subsection sets the child limb aside for older children.
        ("1. Trafficking\n(1) A person who recruits, transports or harbours another person by "
         "force, threat or fraud for the purpose of exploitation commits an offence.\n"
         "(2) A person who recruits, transports or harbours a child for the purpose of "
         "exploitation commits an offence.\n(3) Notwithstanding subsection (2), where the child "
         "had attained the age of sixteen years and works lawfully, the force, threat or fraud "
         "must be proved.\n", "partial", "narrowed by 'Notwithstanding subsection (2)' in 1(3)"),
    ],
)
def test_child_limb_read_from_the_offence(full_model, tmp_path: Path, statute: str,
                                           status: str, missing: str) -> None:
    res = analyse_text(full_model, tmp_path, statute)
    f = res.requirement("tip.3.c")
    assert f.status == status
    assert missing in " ".join(f.missing)


def test_an_exception_to_the_offence_makes_the_definition_partial(full_model,
                                                                   tmp_path: Path) -> None:
    # Catalog hard case 7: a proviso that takes a class of conduct out of the offence.
    offence = ("1. Trafficking\n(1) A person who recruits, transports, transfers, harbours or "
               "receives another person by threat, force, coercion, abduction, fraud, deception, "
               "abuse of power or of a position of vulnerability, or by giving payments or "
               "benefits to a person having control over another person, for the purpose of "
               "exploitation commits an offence.\n")
    plain = analyse_text(full_model, tmp_path, offence).requirement("tip.3.a")
    carved = analyse_text(full_model, tmp_path, offence + "(2) This section shall not apply to "
                          "acts committed by a parent towards a member of the household.\n",
                          name="carved.txt").requirement("tip.3.a")
    assert not any("exception" in m for m in plain.missing)
    assert carved.status == "partial"
    assert ("an exception taking people or conduct out of the offence: the statute contains "
            "exception to the offence (in 1(2))") in carved.missing


OFFENCE_FOR_LIMITS = ("1. Trafficking\n(1) A person who recruits, transports, transfers, "
                      "harbours or receives another person by threat, force or fraud, for the "
                      "purpose of exploitation including forced labour, commits an offence.\n")


@pytest.mark.parametrize(
    ("requirement", "text", "status", "note"),
    [
        ("tip.3.b", "(2) The consent of the victim to the intended exploitation is irrelevant.",
         "met", None),
        # Catalog hard case 3: consent made irrelevant only in a child-only clause is partial.
        ("tip.3.b", "(2) Where the victim is a child, the consent of the victim to the intended "
         "exploitation is irrelevant.", "partial", "stated only for child victims"),
        # The child rule is a clause of its own after the general one.
        ("tip.3.b", "(2) Where any of the means has been used, the consent of the victim to the "
         "intended exploitation is irrelevant; and the consent of a child is no defence.", "met",
         None),
        ("tip.6.5", "\n2. Safety\nThe Commissioner of Police shall take steps to protect the "
         "physical safety of victims.", "met", None),
        # Safety owed to every victim, granted only to those who give evidence, is partial.
        ("tip.6.5", "\n2. Safety\nThe Commissioner of Police shall take steps to protect the "
         "physical safety of a victim who is a witness in the proceedings.", "partial",
         "stated only for victims who are witnesses"),
    ],
)
def test_a_rule_stated_only_for_some_victims(full_model, tmp_path: Path, requirement: str,
                                             text: str, status: str, note: str | None) -> None:
    f = analyse_text(full_model, tmp_path, OFFENCE_FOR_LIMITS + text + "\n").requirement(
        requirement)
    assert f.status == status
    if note:
        assert note in " ".join(f.missing)


@pytest.mark.parametrize(("opening", "status"), [
    ("The Commissioner shall\u2014", "met"),
    ("The Commissioner may\u2014", "partial"),
])
def test_a_power_opening_a_list_reaches_its_later_items(full_model, tmp_path: Path,
                                                         opening: str, status: str) -> None:
    # Hard case 15: training given under a power is partial against the duty in tip.10.2,
    # even as the third item of the list the power opens.
    statute = ("1. Trafficking\n(1) A person who recruits another person for the purpose of "
               "exploitation, including forced labour, commits an offence.\n\n"
               f"2. Functions\n{opening}\n(a) report to Parliament;\n(b) carry out research;"
               "\n(c) give training to police, immigration and prosecution officers on the "
               "rights of victims, including human rights and gender-sensitive approaches.\n")
    f = analyse_text(full_model, tmp_path, statute).requirement("tip.10.2")
    assert f.status == status


GATE_LAW = '''instrument tip "Protocol"

requirement tip.8.2 "Safe return"
  strength mandatory
  verify verified

part residence "Residence"

provision residence.return_foreign "Return of foreign victims"
  part residence
  implements tip.8.2
  text "(1) Return shall be safe and preferably voluntary."
  requires MARK clause return_of_victims "return of foreign victims":
    return of victims (repatriation)
  requires all safe_return "conditions of a safe return": safety, voluntary return
'''


@pytest.mark.parametrize(
    ("mark", "sentence", "status"),
    [
        # A bare power to repatriate: a gate earns nothing, a key would earn partial.
        ("gate", "The Minister may order the repatriation of a victim.", "unmet"),
        ("key", "The Minister may order the repatriation of a victim.", "partial"),
        ("gate", "Repatriation of a victim shall be by voluntary return.", "partial"),
        ("gate", "Voluntary return is encouraged, and safety is assessed.", "unmet"),
    ],
)
def test_a_gate_is_only_a_precondition(tmp_path: Path, mark: str, sentence: str,
                                       status: str) -> None:
    law = load_law(tmp_path, GATE_LAW.replace("MARK", mark))
    f = analyse_text(law, tmp_path, f"1. Return\n{sentence}\n").requirement("tip.8.2")
    assert f.status == status


def test_conduct_defined_out_of_trafficking_elsewhere_narrows_the_offence(
        full_model, tmp_path: Path) -> None:
    # The exception sits in an article of its own, far from the offence's own sections.
    statute = ("1. Trafficking\n(1) A person who recruits, transports, transfers, harbours or "
               "receives a child for the purpose of exploitation commits an offence.\n\n"
               "2. Adults\n(1) A person who recruits, transports or harbours an adult by "
               "force or fraud for the purpose of exploitation commits an offence.\n\n"
               "3. Penalty\nA person who commits an offence under section 1 or 2 is liable to "
               "imprisonment for twenty years; the consent of the victim is immaterial.\n\n"
               "4. Exploitation\nExploitation includes forced labour, slavery, servitude and "
               "sexual exploitation.\n\n"
               "5. Shelters\n(1) The Minister shall provide shelters for victims.\n\n"
               "6. Custom\nThe placement of a child by a parent with a relative in accordance "
               "with custom shall not constitute trafficking in persons, unless the child is "
               "exploited.\n")
    res = analyse_text(full_model, tmp_path, statute)
    for rid, words in (("tip.3.a", "exception to the offence"),
                       ("tip.3.c", "exception reaching children")):
        f = res.requirement(rid)
        assert any(words in m and "in 6" in m for m in f.missing), f.missing
