"""Word forms the matcher folds or keeps apart: an acronym in running text is not the word
it spells, capitals in a heading are still words, a heading run into its text with a dash
is two words, and a number is one word in letters and in digits."""

from __future__ import annotations

import pytest

from modellaw.nlp.terms import TermIndex


@pytest.mark.parametrize(
    ("text", "phrase", "hit"),
    [
        # acronyms
        ("the victim gets infected with HIV/AIDS or any other illness", "aids", False),
        ("the victim gets infected with HIV/AIDS or any other illness", "HIV", True),
        ("A person who aids or abets the offence commits an offence.", "aids", True),
        ("The NGO shall run the shelter.", "NGO", True),
        ("An NGO may run a shelter.", "cooperation with NGOs", False),
        ("An NGO may run a shelter.", "NGOs", True),
        ("PART III - CHILD VICTIMS\nA child shall be assisted.", "child victims", True),
        ("OFFENCES AND PENALTIES\n4. Whoever aids a trafficker", "penalties", True),
        # a heading run into its text with a dash (South-Asian drafting)
        ("20. Non-liability of victims.\u2014No victim shall be prosecuted for any offence.",
         "no victim shall be prosecuted", True),
        ("3. Definitions.-In this Act, unless the context otherwise requires", "in this act",
         True),
        # numbers
        ("a person who has not attained the age of 18 years", "not attained the age of eighteen",
         True),
        ("a person below the age of eighteen years", "below 18", True),
        ("a person below the age of sixteen years", "below 18", False),
        ("within thirty days of the request", "30 days", True),
    ],
)
def test_word_forms(text: str, phrase: str, hit: bool) -> None:
    assert bool(TermIndex(text).find(phrase)) is hit
