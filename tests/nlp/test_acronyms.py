"""An acronym in running text is not the word it spells; words in a heading set in
capitals are still words."""

from __future__ import annotations

import pytest

from modellaw.nlp.terms import TermIndex


@pytest.mark.parametrize(
    ("text", "phrase", "hit"),
    [
        ("the victim gets infected with HIV/AIDS or any other illness", "aids", False),
        ("the victim gets infected with HIV/AIDS or any other illness", "HIV", True),
        ("A person who aids or abets the offence commits an offence.", "aids", True),
        ("The NGO shall run the shelter.", "NGO", True),
        ("An NGO may run a shelter.", "cooperation with NGOs", False),
        ("An NGO may run a shelter.", "NGOs", True),
        ("PART III - CHILD VICTIMS\nA child shall be assisted.", "child victims", True),
        ("OFFENCES AND PENALTIES\n4. Whoever aids a trafficker", "penalties", True),
    ],
)
def test_acronyms(text: str, phrase: str, hit: bool) -> None:
    assert bool(TermIndex(text).find(phrase)) is hit
