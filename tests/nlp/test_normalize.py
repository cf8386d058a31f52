import pytest

from modellaw.nlp.normalize import fold_punct, norm_word
from modellaw.nlp.stem import term_key


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("harbour", "harbor"),
        ("Harbouring", "harboring"),
        ("labour", "labor"),
        ("organised", "organized"),
        ("organisation", "organization"),
        ("offence", "offense"),
        ("Offences", "offenses"),
        ("programme", "program"),
        ("defence", "defense"),
        ("counselling", "counseling"),
        ("judgement", "judgment"),
        ("penalise", "penalize"),
        ("recognised", "recognized"),
        ("behaviour", "behavior"),
        ("endeavour", "endeavor"),
        ("centre", "center"),
        ("analyse", "analyze"),
        ("travelled", "traveled"),
        ("\u201cchild\u201d", '"child"'),
        ("re\u2013entry", "re-entry"),
        ("\ufb01ne", "fine"),  # OCR ligature
    ],
)
def test_spelling_variants_share_a_key(a: str, b: str) -> None:
    assert norm_word(a) == norm_word(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("four", "for"),
        ("hour", "hor"),
        ("filling", "filing"),
        ("premises", "premizes"),
        ("otherwise", "otherwize"),
    ],
)
def test_unrelated_words_stay_apart(a: str, b: str) -> None:
    assert norm_word(a) != norm_word(b)


@pytest.mark.parametrize(
    "family",
    [
        ["recruit", "recruits", "recruited", "recruiting", "recruitment"],
        ["transport", "transported", "transportation"],
        ["transfer", "transferred", "transferring"],
        ["harbour", "harbours", "harboured", "harbored", "harbouring"],
        ["exploit", "exploited", "exploitation", "exploitative"],
        ["confiscate", "confiscated", "confiscation"],
        ["prosecute", "prosecuted", "prosecution"],
        ["coerce", "coercion", "coercive"],
        ["abduct", "abducted", "abduction"],
        ["enslave", "enslaved", "enslavement"],
        ["receive", "received", "receiving"],
        ["vulnerable", "vulnerability"],
        ["traffic", "trafficked", "trafficking", "trafficks"],
        ["punish", "punishment", "punishable"],
        ["organise", "organised", "organization"],
    ],
)
def test_derivational_family_shares_a_key(family: list[str]) -> None:
    assert len({term_key(w) for w in family}) == 1, {w: term_key(w) for w in family}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("marriage", "carriage"),
        ("transfer", "transport"),
        ("deception", "detention"),
        ("prison", "person"),
        ("being", "be"),
    ],
)
def test_stem_keeps_different_words_apart(a: str, b: str) -> None:
    assert term_key(a) != term_key(b)


def test_fold_punct_keeps_offsets() -> None:
    s = "\u201cchild\u201d \u2014 a person"
    assert len(fold_punct(s)) == len(s)
    assert fold_punct(s) == '"child" - a person'
