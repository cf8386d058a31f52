import math
import re

import pytest

from modellaw.nlp.numbers import (
    find_ages,
    find_durations,
    find_penalties,
    parse_number,
)
from modellaw.nlp.numwords import NUMBER


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("10", 10),
        ("ten", 10),
        ("Ten", 10),
        ("ten (10)", 10),
        ("twenty (20)", 20),
        ("twenty-one", 21),
        ("twenty one", 21),
        ("one hundred and twenty", 120),
        ("one hundred twenty", 120),
        ("seven", 7),
        ("fourteen", 14),
        ("1,000,000", 1_000_000),
        ("2.5", 2.5),
        ("one and a half", 1.5),
        ("two thousand five hundred", 2500),
        ("five million", 5_000_000),
        ("\u0661\u0668", 18),  # Arabic-Indic 18
        ("\u06f1\u06f0", 10),  # Extended Arabic-Indic (Urdu/Persian) 10
        ("\u0967\u096e", 18),  # Devanagari 18
        ("thirty (30)", 30),
        ("10 (ten)", 10),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "section", "and", "ten and", "tenfold", "x10", "one two x"])
def test_parse_number_rejects_non_numbers(text: str) -> None:
    assert parse_number(text) is None


INF = math.inf
# text, (min, max, life, death, fine, fine_alternative, custodial)
PENALTIES = [
    ("shall be liable to imprisonment for a term not exceeding 10 years.",
     (None, 10, False, False, False, False, True)),
    ("shall be punished with rigorous imprisonment for a term which shall not be less than "
     "seven years but which may extend to ten years, and shall also be liable to fine.",
     (7, 10, False, False, True, False, True)),
    ("shall suffer the penalty of imprisonment of twenty (20) years and a fine of not less "
     "than One million pesos (P1,000,000.00) but not more than Two million pesos.",
     (None, 20, False, False, True, False, True)),
    ("is punishable by imprisonment from 3 to 8 years.", (3, 8, False, False, False, False, True)),
    ("is punishable by 3-8 years' imprisonment.", (3, 8, False, False, False, False, True)),
    ("imprisonment for between 5 and 15 years", (5, 15, False, False, False, False, True)),
    ("imprisonment for a term not exceeding 120 months",
     (None, 10, False, False, False, False, True)),
    ("shall be liable to imprisonment for life.", (None, INF, True, False, False, False, True)),
    ("shall be punished with rigorous imprisonment for life",
     (None, INF, True, False, False, False, True)),
    ("shall be liable to life imprisonment", (None, INF, True, False, False, False, True)),
    ("shall suffer the penalty of reclusion perpetua and a fine of not less than Two million "
     "pesos", (None, INF, True, False, True, False, True)),
    ("is liable, on conviction, to suffer death.", (None, INF, False, True, False, False, False)),
    ("shall be punished with death or imprisonment for life",
     (None, INF, True, True, False, False, True)),
    ("shall be punished with imprisonment for a term which may extend to three years, or with "
     "fine, or with both.", (None, 3, False, False, True, True, True)),
    ("shall be liable to a fine not exceeding K5,000,000.",
     (None, None, False, False, True, False, False)),
    ("shall be fined under this title, imprisoned not more than 20 years, or both.",
     (None, 20, False, False, True, True, True)),
    ("shall be liable to imprisonment for 14 years.", (None, 14, False, False, False, False, True)),
    ("shall be liable to imprisonment for fourteen years without the option of a fine.",
     (None, 14, False, False, False, False, True)),
    ("shall be punished with imprisonment for a period not less than three years and not "
     "exceeding fifteen years and be liable to a fine.", (3, 15, False, False, True, False, True)),
    ("by a fine under this title and imprisonment for any term of years not less than 15 or "
     "for life", (15, INF, True, False, True, False, True)),
    ("shall be liable to a fine of K500,000 and to imprisonment for one year.",
     (None, 1, False, False, True, False, True)),
    ("shall be liable to a fine or to imprisonment for a term not exceeding 2 years.",
     (None, 2, False, False, True, True, True)),
    ("is liable on conviction to imprisonment for a term not exceeding 6 months",
     (None, 0.5, False, False, False, False, True)),
    ("shall be liable to imprisonment for a term of not less than 3 years",
     (3, None, False, False, False, False, True)),
    ("shall be imprisoned for a term of not less than seven (7) years and not more than "
     "fifteen (15) years", (7, 15, False, False, False, False, True)),
    ("liable to a minimum punishment of imprisonment for a term of five years",
     (5, None, False, False, False, False, True)),
    ("Penalty: Imprisonment for 12 years.", (None, 12, False, False, False, False, True)),
    ("shall be punished by a fine of two thousand indices, or by restriction of liberty for up "
     "to five years, or by deprivation of liberty for a term of up to five years.",
     (None, 5, False, False, True, True, True)),
    ("shall be punished by deprivation of liberty for a term of eight to twelve years",
     (8, 12, False, False, False, False, True)),
]


@pytest.mark.parametrize(("text", "expected"), PENALTIES)
def test_find_penalties(text: str, expected: tuple) -> None:
    (pen,) = find_penalties(text)
    got = (pen.min_years, pen.max_years, pen.life, pen.death, pen.fine, pen.fine_alternative,
           pen.custodial)
    assert got == expected
    assert text[pen.start : pen.end] == pen.text


def test_subsequent_conviction_is_a_second_penalty() -> None:
    text = (
        "commits an offence and is liable, on conviction, to a fine not exceeding one hundred "
        "twenty currency points or to imprisonment for a term of five years, or both and on "
        "subsequent conviction for the same offence, is liable to imprisonment for a term of "
        "seven years without the option of a fine."
    )
    first, second = find_penalties(text)
    assert (first.max_years, first.fine, first.fine_alternative) == (5, True, True)
    assert (second.max_years, second.fine, second.fine_alternative) == (7, False, False)
    assert (first.subsequent, second.subsequent) == (False, True)


def test_summary_conviction_cap_is_marked() -> None:
    text = (
        "is liable (a) on summary conviction, to a fine of fifty thousand dollars or to "
        "imprisonment for five years or to both; (b) on conviction on indictment, to a fine of "
        "five hundred thousand dollars and to imprisonment for twenty-five years."
    )
    summary, indictment = find_penalties(text)
    assert (summary.max_years, summary.summary, summary.fine_alternative) == (5, True, True)
    assert (indictment.max_years, indictment.summary) == (25, False)
    # Without the summary words a penalty is never marked.
    assert not any(p.summary for p in find_penalties(PENALTIES[0][0]))


def test_list_of_penalties_by_case() -> None:
    text = (
        "be liable to (a) suffer death, if the victim dies; (b) imprisonment for life, where "
        "the offence results in grievous harm; or (c) imprisonment for ten years, where the "
        "offence results in injury."
    )
    assert [(p.death, p.life, p.max_years) for p in find_penalties(text)] == [
        (True, False, INF),
        (False, True, INF),
        (False, False, 10),
    ]


def test_terms_in_default_of_payment() -> None:
    text = ("shall be liable to imprisonment for fifteen years and to a fine. A further term of "
            "imprisonment which may extend to five years may be imposed in the case of a "
            "failure to pay compensation. A person who keeps a brothel shall be liable to a "
            "fine of 5000 rupees and in default of payment to imprisonment for six months.")
    assert [(p.max_years, p.in_default) for p in find_penalties(text)] == [
        (15, False), (5, True), (None, False), (0.5, True)]


@pytest.mark.parametrize(
    "text",
    [
        "as provided in section 10 of this Act",
        "the Prevention of Trafficking Act No. 30 of 2005",
        "an offence under 18 U.S.C. 1591",
        "a member shall hold office for a period of three years",
        "is ineligible to work with children for a period of seven years following conviction",
        "is sentenced to any term of imprisonment without the option of a fine;",
        "where the offence results in the death of the victim",
        "the victim is a child under 18 years",
        "the fine print of the contract",
        "a term of office of five years",
    ],
)
def test_numbers_that_are_not_penalties(text: str) -> None:
    assert find_penalties(text) == []


@pytest.mark.parametrize(
    ("text", "years", "quote"),
    [
        ("a person under the age of eighteen years", 18, "under the age of eighteen years"),
        ("children below 18", 18, "below 18"),
        ("below 18", 18, "below 18"),
        ("a person who has not attained the age of 18", 18, "has not attained the age of 18"),
        ("any person under 18 years of age", 18, "under 18 years of age"),
        ("a person who is not yet 18", 18, "not yet 18"),
        ("any girl under 16", 16, "under 16"),
        ("who is below eighteen (18) years of age", 18, "below eighteen (18) years of age"),
        ("persons under eighteen", 18, "under eighteen"),
        ("any person less than 18 years old", 18, "less than 18 years old"),
        ("a person below the age of eighteen years", 18, "below the age of eighteen years"),
        ("who has not attained 18 years of age", 18, "has not attained 18 years of age"),
        ("a child younger than fifteen years", 15, "younger than fifteen years"),
        ("\u0967\u096e \u0935\u0930\u094d\u0937 under \u0967\u096e years", 18,
         "under \u0967\u096e years"),
    ],
)
def test_find_ages(text: str, years: float, quote: str) -> None:
    (age,) = find_ages(text)
    assert (age.years, age.text) == (years, quote)
    assert text[age.start : age.end] == quote


@pytest.mark.parametrize(
    "text",
    [
        "under section 18",
        "an offence under 18 U.S.C. 1591",
        "imprisonment for not less than 18 years",
        "a term of imprisonment under 20 years",
        "leave granted under 18 months ago",
        "under subsection 12",
        "under sections 12, 13 and 14",
        "the Act No. 18 of 2005",
        "under 1000 persons",
    ],
)
def test_numbers_that_are_not_ages(text: str) -> None:
    assert find_ages(text) == []


@pytest.mark.parametrize(
    ("text", "days", "bound"),
    [
        ("thirty (30) days", 30, "exact"),
        ("not less than 30 days", 30, "min"),
        ("up to 30 days", 30, "max"),
        ("not exceeding 45 days", 45, "max"),
        ("45 days", 45, "exact"),
        ("one month", 30, "exact"),
        ("a month", 30, "exact"),
        ("six months", 180, "exact"),
        ("a period of at least 90 days", 90, "min"),
        ("within 14 days", 14, "max"),
        ("a 30-day reflection period", 30, "exact"),
        ("sixty working days", 60, "exact"),
        ("a reflection period of not less than thirty days", 30, "min"),
        ("for a minimum period of three months", 90, "min"),
        ("two weeks", 14, "exact"),
        ("no more than forty-five days", 45, "max"),
    ],
)
def test_find_durations(text: str, days: float, bound: str) -> None:
    (dur,) = find_durations(text)
    assert (dur.days, dur.bound) == (days, bound)
    assert text[dur.start : dur.end] == dur.text


@pytest.mark.parametrize("text", ["section 30", "on the day of arrival", "Act No. 30 of 2005",
                                  "below the age of eighteen years", "a child aged 16 years",
                                  "a person 17 years old"])
def test_no_duration(text: str) -> None:
    assert find_durations(text) == []


_STATED_TERM = re.compile(
    rf"imprisonment\s+(?:for|of)\s+(?:a\s+term\s+of\s+)?(?P<n>{NUMBER})\s+years", re.I
)


@pytest.mark.parametrize(
    "slug", ["mw-tip-act-2015", "ug-ptip-act-2009", "lk-saarc-trafficking-prostitution-act-2005",
             "sg-phta-2014", "pk-ptpa-2018"]
)
def test_every_stated_term_in_a_real_statute_is_parsed(corpus_text, slug: str) -> None:
    text = corpus_text(slug)
    penalties = find_penalties(text)
    stated = list(_STATED_TERM.finditer(text))
    for m in stated:
        covering = [p for p in penalties if p.start <= m.start() and m.end() <= p.end]
        assert covering, f"no penalty covers {m.group(0)!r}"
        n = parse_number(m.group("n"))
        assert any(n in (p.max_years, p.min_years) for p in covering), m.group(0)


def test_real_statute_ages_and_life_terms(corpus_text) -> None:
    text = corpus_text("mw-tip-act-2015")
    assert 18 in {a.years for a in find_ages(text)}
    pens = find_penalties(text)
    assert any(p.life and p.max_years == INF for p in pens)
    assert any(p.max_years == 21 for p in pens)  # trafficking in children
