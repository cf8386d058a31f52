"""Clause matching with words spread out: order kept, negators held close."""

from __future__ import annotations

import pytest

from modellaw.nlp.terms import TermIndex


@pytest.mark.parametrize(
    ("text", "phrase", "hit"),
    [
        ("The consent of a trafficked person is immaterial.", "consent immaterial", True),
        ("It is immaterial that the means in section 2 were not used.", "immaterial means", True),
        ("A victim shall not be punished for an offence.", "shall not be punished", True),
        ("Any person shall be punished with imprisonment not exceeding 7 years.",
         "shall not be punished", False),
        ("Immaterial, in the view of the court, is the consent.", "consent immaterial", False),
        ("The consent is immaterial. Nothing else matters.", "consent else", False),
        ("A child may be recruited without any of the means in subsection (1).",
         "without any of the means", True),
        ("Without prejudice to the court's power, the accused shall prove the means.",
         "without any of the means", False),
        ("Where the proceeds cannot be confiscated, other property may be.",
         "proceeds of confiscation", False),
        ("The proceeds of confiscation shall be paid into the fund.",
         "proceeds of confiscation", True),
    ],
)
def test_near(text: str, phrase: str, hit: bool) -> None:
    assert bool(TermIndex(text).near(phrase)) is hit


def test_does_not_exclude_is_a_positive_formula() -> None:
    from modellaw.nlp.negation import cues_for

    text = "The consent of the victim does not exclude criminal liability."
    cues = cues_for(text, 4, 11, (0, len(text)))
    assert [c.idiom for c in cues if c.kind == "negation"] == ["not_excluded"]
    assert not [c for c in cues if c.kind == "exception"]


@pytest.mark.parametrize(
    ("text", "phrase", "hit"),
    [
        ("A victim who is not a citizen shall be returned.", "victim is a citizen", False),
        ("A victim is a citizen of the State.", "victim is a citizen", True),
        ("The court shall not be required to find it.", "shall not be required", True),
        ("The relation of the parties.", "relocation", False),  # a real word is no misreading
        ("The exploitalion of persons.", "exploitation", True),  # OCR noise is
    ],
)
def test_find_keeps_negators_and_real_words_apart(text: str, phrase: str, hit: bool) -> None:
    assert bool(TermIndex(text).find(phrase)) is hit
