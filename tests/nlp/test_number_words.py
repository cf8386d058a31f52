"""A number written as a word and as digits is one word to the matcher."""

from __future__ import annotations

import pytest

from modellaw.nlp.terms import TermIndex


@pytest.mark.parametrize(
    ("text", "phrase", "hit"),
    [
        ("a person who has not attained the age of 18 years", "not attained the age of eighteen",
         True),
        ("a person below the age of eighteen years", "below 18", True),
        ("a person below the age of sixteen years", "below 18", False),
        ("within thirty days of the request", "30 days", True),
    ],
)
def test_number_words(text: str, phrase: str, hit: bool) -> None:
    assert bool(TermIndex(text).find(phrase)) is hit
