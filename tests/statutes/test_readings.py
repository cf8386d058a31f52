"""Statute readings: the child limb and exceptions to an offence, found by the shape of a
provision rather than by its words; and an attempt made punishable, told apart from other
attempts."""

from __future__ import annotations

from pathlib import Path

import pytest

from modellaw.statutes import read_statute
from modellaw.statutes.readings import (
    SEXUAL_ONLY,
    SOME_PURPOSES,
    attempt_of_an_offence,
    child_alternative_to_means,
    child_limb_carve_out,
    child_limb_note,
    definition_of_child,
    means_free_child_offence,
    offence_carve_out,
)

# Each row: statute text written for this test, the words the reading points at, its note.
FREE = [
    ("1. Trafficking in children\n(1) A person who recruits, transports or receives a child "
     "for the purpose of exploitation commits an offence.\n", "child", None),
    ("4. Procuring\n(1) Whoever—\n(a) procures a girl, whether she consents or not, in order "
     "that she may be used for prostitution; or\n(b) keeps a brothel,\nshall be punished with "
     "imprisonment for ten years.\n", "girl", SEXUAL_ONLY),
    ("2. Interpretation\nIn this Act \"trafficking\" means the moving, selling or buying of "
     "women and children for prostitution, with or without their consent.\n", "children",
     SEXUAL_ONLY),
]
NOT_FREE = [
    # The means open the list, so they reach the child item too (catalog hard case 2).
    "3. Trafficking\n(1) Whoever, by force or fraud—\n(a) recruits a child for labour; or\n"
    "(b) transports an adult for labour,\ncommits an offence.\n",
    # Means in the child offence itself.
    "3. Trafficking\n(1) A person who recruits a child by deception for the purpose of "
    "exploitation commits an offence.\n",
    # Not an offence: a duty owed to child victims.
    "9. Care\n(1) The Director shall receive a child victim of exploitation into care.\n",
]
ALTERNATIVE = [
    ("5. Sex trafficking\n(a) A person commits the offense of sex trafficking if the person "
     "recruits or transports an individual, knowing—\n(1) that force, fraud or coercion will "
     "be used to cause the individual to engage in commercial sexual activity; or\n(2) that "
     "the individual is a minor and will be caused to engage in commercial sexual activity.\n",
     "is a minor", SEXUAL_ONLY),
    ("3. Trafficking\n(1) A person who recruits or harbours another person for exploitation by "
     "threat, force or fraud, or where the person has not attained the age of eighteen years, "
     "commits an offence.\n", "has not attained the age of eighteen", None),
]
NO_ALTERNATIVE = [
    # Raising the penalty of a complete offence is an aggravation, not a child limb.
    "3. Penalty\n(2) A person who commits an offence under subsection (1) by force or where "
    "the victim is a child shall be liable to imprisonment for life.\n",
    # Not an offence: a duty to assist.
    "8. Services\nThe Minister shall assist persons harmed by force or fraud, or who are "
    "under the age of eighteen.\n",
]


def _statute(tmp_path: Path, text: str):
    path = tmp_path / "act.txt"
    path.write_text(text, encoding="utf-8")
    return read_statute(path)


@pytest.mark.parametrize(("text", "words", "note"), FREE)
def test_means_free_child_offence(tmp_path: Path, text: str, words: str,
                                  note: str | None) -> None:
    st = _statute(tmp_path, text)
    found = means_free_child_offence(st)
    assert found, "no child limb found"
    assert st.text[found[0].start:found[0].end] == words
    assert {r.note for r in found} == {note}


@pytest.mark.parametrize("text", NOT_FREE)
def test_child_offences_with_means_are_not_read_as_limbs(tmp_path: Path, text: str) -> None:
    assert means_free_child_offence(_statute(tmp_path, text)) == []


@pytest.mark.parametrize(("text", "words", "note"), ALTERNATIVE)
def test_child_alternative_to_means(tmp_path: Path, text: str, words: str,
                                    note: str | None) -> None:
    st = _statute(tmp_path, text)
    (found,) = child_alternative_to_means(st)
    assert st.text[found.start:found.end] == words
    assert found.note == note


@pytest.mark.parametrize("text", NO_ALTERNATIVE)
def test_aggravations_and_duties_are_not_child_alternatives(tmp_path: Path, text: str) -> None:
    assert child_alternative_to_means(_statute(tmp_path, text)) == []


OFFENCE = ("7. Trafficking\n(1) Whoever recruits or harbours a person by force for the purpose of "
           "exploitation shall be punished with imprisonment for ten years.\n")
CARVE_OUTS = [
    (OFFENCE + "(2) This section shall not apply to acts committed by a member of the same "
     "household, unless violence was used.\n",
     "This section shall not apply to acts committed by a member of the same household, unless "
     "violence was used"),
    (OFFENCE + "(2) Provided that nothing in this section applies to a licensed employment agency "
     "acting in good faith.\n",
     "nothing in this section applies to a licensed employment agency acting in good faith"),
    # South-Asian provisos name the sub-section.
    (OFFENCE + "(2) Provided that nothing in this sub-section shall apply to a parent who places "
     "a child with a relative.\n",
     "nothing in this sub-section shall apply to a parent who places a child with a relative"),
    # Conduct defined out of trafficking in an article of its own.
    (OFFENCE + "\n8. Custom\nThe placement of a child with a relative in accordance with "
     "custom shall not constitute trafficking in persons, unless the child is exploited.\n",
     "The placement of a child with a relative in accordance with custom shall not constitute "
     "trafficking in persons, unless the child is exploited."),
]
NOT_CARVE_OUTS = [
    # Exempting victims is the non-punishment rule, not a gap in the offence.
    OFFENCE + "(2) Subsection (1) does not apply to the conduct of a person who is a victim of "
    "trafficking.\n",
    # Extending an offence is not an exception to it.
    OFFENCE + "(2) Subsection (1) shall apply to agents of a carrier.\n",
    # Not an offence.
    "9. Shelters\n(1) This section shall not apply to shelters run by the State.\n",
    # A victim's own conduct is the non-punishment rule.
    OFFENCE + "(2) The acts of a victim done under compulsion shall not constitute trafficking.\n",
]


@pytest.mark.parametrize(("text", "words"), CARVE_OUTS)
def test_offence_carve_out(tmp_path: Path, text: str, words: str) -> None:
    st = _statute(tmp_path, text)
    (found,) = offence_carve_out(st)
    assert st.text[found.start:found.end] == words


def test_an_exception_for_adults_leaves_the_child_limb_whole(tmp_path: Path) -> None:
    adults = _statute(tmp_path, OFFENCE + "(2) This section shall not apply to the recruitment "
                      "of a person who has attained the age of eighteen years by a licensed "
                      "agency.\n")
    assert len(offence_carve_out(adults)) == 1
    assert child_limb_carve_out(adults) == []
    parents = _statute(tmp_path, CARVE_OUTS[0][0])
    assert len(child_limb_carve_out(parents)) == 1


@pytest.mark.parametrize("text", NOT_CARVE_OUTS)
def test_victim_exemptions_and_extensions_are_not_carve_outs(tmp_path: Path, text: str) -> None:
    assert offence_carve_out(_statute(tmp_path, text)) == []


# Each row: a sentence written for this test, and the words the reading points at (None:
# no attempt rule there).
ATTEMPTS = [
    ("(1) A person who attempts to commit an offence under section 3 commits an offence.",
     "attempts to commit"),
    ("The attempt to commit the offence under Article 212 shall be punishable.",
     "attempt to commit"),
    ("The attempt is punishable.", "attempt"),
    ("2. Any person who\na. attempts to commit ;\nb. conspires to commit,\n- an offence under "
     "subsection (1) shall be guilty of an offence.", "attempts to commit"),
    ("(a) Whoever attempts to violate section 1589 shall be punished.", "attempts to violate"),
    ("A person who tries to recruit a child for exploitation is guilty of an offence.",
     "tries to recruit"),
    # An attempt to do something else: an aggravation, or another offence.
    ("if the violation includes kidnapping or an attempt to kidnap, the term is life.", None),
    ("(b) Whoever obstructs, or attempts to obstruct, the enforcement of this section", None),
    ("A victim who tries to escape shall not be detained.", None),
    ("or the attempt to commit aggravated sexual abuse, or an attempt to kill", None),
]


@pytest.mark.parametrize(("text", "words"), ATTEMPTS)
def test_attempt_of_an_offence(tmp_path: Path, text: str, words: str | None) -> None:
    st = _statute(tmp_path, "1. Offences\n" + text + "\n")
    found = [st.text[r.start:r.end] for r in attempt_of_an_offence(st)]
    assert found == ([words] if words else [])


@pytest.mark.parametrize(
    ("sentence", "note"),
    [
        ("A person also traffics a child if he or she recruits or harbours the child for the "
         "purpose of the sexual exploitation of the child or of subjecting the child to forced "
         "labour, whether or not force is used.", SOME_PURPOSES),
        ("A person who recruits a child for prostitution commits an offence.", SEXUAL_ONLY),
        ("A person who recruits a child for the purpose of exploitation commits an offence, "
         "including sexual exploitation.", None),
        # Not a child limb: no act of trafficking.
        ("Services shall take account of the age of a child victim of sexual exploitation.",
         None),
    ],
)
def test_child_limb_note(sentence: str, note: str | None) -> None:
    assert child_limb_note(sentence) == note


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ('2. Interpretation\nIn this Act—\n"child" means a person under the age of eighteen '
         'years;\n"exploitation" includes forced labour.\n', "child"),
        ("Article 2. Basic concepts\nThe following definitions apply in this Law:\n- minor: a "
         "person who has not reached eighteen years of age;\n- victim: a natural person.\n",
         "minor"),
        # No definition: "a child" in an offence says nothing about who is one.
        ("3. Offence\n(1) A person who recruits a child for the purpose of exploitation commits "
         "an offence.\n", None),
    ],
)
def test_definition_of_child(tmp_path: Path, text: str, term: str | None) -> None:
    st = _statute(tmp_path, text)
    found = [st.text[r.start:r.end] for r in definition_of_child(st)]
    if term is None:
        assert found == []
    else:
        assert len(found) == 1 and term in found[0] and "eighteen" in found[0]
