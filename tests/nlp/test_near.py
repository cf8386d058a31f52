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
    ],
)
def test_near(text: str, phrase: str, hit: bool) -> None:
    assert bool(TermIndex(text).near(phrase)) is hit
