"""The comparator on small statutes written for these tests, element by element."""

from __future__ import annotations

from pathlib import Path

import pytest

from modellaw.compare.engine import analyse
from modellaw.statutes import read_statute

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "compare"

NO_REVIEW = Path("/nonexistent/review.json")


@pytest.fixture(scope="module")
def complete(mini_model):
    return analyse(mini_model, read_statute(FIXTURES / "complete.txt"), review_path=NO_REVIEW)


@pytest.fixture(scope="module")
def gaps(mini_model):
    return analyse(mini_model, read_statute(FIXTURES / "gaps.txt"), review_path=NO_REVIEW)


@pytest.mark.parametrize(
    ("rid", "complete_status", "gaps_status"),
    [
        ("tip.3.a", "met", "partial"),  # gaps: harbour/receipt and deception missing
        ("tip.3.b", "met", "unmet"),  # consent clause
        ("tip.3.d", "met", "unmet"),  # 18 v 16
        ("tip.4", "met", "unmet"),  # "across the border" as an element
        ("tip.5.1", "met", "partial"),  # 15 years v 7 years
        ("tip.7.1", "met", "partial"),  # 45-day minimum v "up to 30 days"
        ("tip.9.5", "unmet", "unmet"),  # no provision implements it: honest unmet
    ],
)
def test_requirement_statuses(complete, gaps, rid, complete_status, gaps_status):
    assert complete.requirement(rid).status == complete_status
    assert gaps.requirement(rid).status == gaps_status


def test_missing_is_named_in_lawyers_words(gaps):
    missing = " | ".join(gaps.requirement("tip.3.a").missing)
    assert "harbouring" in missing and "receipt" in missing and "deception" in missing
    assert "7 years" in " ".join(gaps.requirement("tip.5.1").missing)
    assert "16" in " ".join(gaps.requirement("tip.3.d").missing)
    assert any("at most" in m for m in gaps.requirement("tip.7.1").missing)


def test_evidence_quotes_are_the_statute_text(complete):
    text = read_statute(FIXTURES / "complete.txt").text
    for f in complete.requirements:
        for ev in f.evidence:
            assert text[ev.start:ev.end] == ev.quote
    units = {ev.unit for ev in complete.requirement("tip.3.b").evidence}
    assert units == {"2(2)"}
    assert {ev.unit for ev in complete.requirement("tip.3.d").evidence} == {"1"}


def test_absence_found_cites_the_offending_text(gaps):
    el = next(e for e in gaps.requirement("tip.4").elements if e.name == "border")
    assert el.status == "unmet"
    assert "across the border" in el.evidence[0].quote


def test_fine_alternative_is_noted(gaps):
    el = next(e for e in gaps.requirement("tip.5.1").elements if e.kind == "number")
    assert "fine alternative" in (el.note or "")


def test_unimplemented_requirement_is_flagged(complete):
    f = complete.requirement("tip.9.5")
    assert f.needs_review and f.missing and not f.evidence


def test_every_model_provision_has_a_finding(mini_model, complete):
    assert [p.id for p in complete.provisions] == [p.id for p in mini_model.ordered_provisions()]
    assert complete.provision("offence.trafficking").status == "met"


def test_instrument_filter(mini_model):
    st = read_statute(FIXTURES / "complete.txt")
    res = analyse(mini_model, st, instruments=["tip"], review_path=NO_REVIEW)
    assert {r.instrument for r in res.requirements} == {"tip"}
    assert analyse(mini_model, st, instruments=["coe"], review_path=NO_REVIEW).requirements == []


OFFENCE = ("1. Offence\nA person who recruits, transports, harbours or receives a person by "
           "force or deception commits an offence.")


@pytest.mark.parametrize(
    ("statute", "uncited"),
    [
        # "consent ... immaterial" appears, but under "Nothing in this section shall".
        (OFFENCE + " Nothing in this section shall make the consent of the person "
         "immaterial.\n", None),
        # A saving clause keeps another law's rule and states none of its own.
        (OFFENCE + "\n\n2. Other laws\nNothing in this Act affects the operation of the "
         "Immigration Act in relation to making the consent of the person immaterial.\n", "2"),
        # Nor does a disclaimer of rights.
        (OFFENCE + "\n\n2. Guidance\nNothing in this section confers on any person a right to "
         "have the consent of the person treated as immaterial.\n", "2"),
    ],
    ids=["negation", "saving-clause", "no-right-conferred"],
)
def test_words_that_state_no_rule_do_not_count(mini_model, tmp_path, statute, uncited):
    p = tmp_path / "neg.txt"
    p.write_text(statute, encoding="utf-8")
    f = analyse(mini_model, read_statute(p), review_path=NO_REVIEW).requirement("tip.3.b")
    assert f.status in ("unmet", "partial")
    assert all(ev.unit != uncited for ev in f.evidence)


def test_a_term_of_imprisonment_is_not_a_period(mini_model, tmp_path):
    # The reflection section also punishes a breach; its 25 years is not the period.
    p = tmp_path / "period.txt"
    p.write_text("1. Reflection\nA victim shall be granted a reflection period of 20 days. A "
                 "person who removes a victim during the period is liable to imprisonment for "
                 "twenty-five years.\n", encoding="utf-8")
    res = analyse(mini_model, read_statute(p), review_path=NO_REVIEW)
    days = next(e for e in res.requirement("tip.7.1").elements if e.name == "days")
    assert days.status == "partial"
    assert days.note == "period: 20 days"


def test_repealed_text_is_never_evidence(mini_model, tmp_path):
    p = tmp_path / "rep.txt"
    p.write_text("1. Definitions\n\"child\" means a person under eighteen years.\n\n"
                 "2. [Repealed]\n\n"
                 "3. Offence\nA person who recruits a person commits an offence.\n",
                 encoding="utf-8")
    res = analyse(mini_model, read_statute(p), review_path=NO_REVIEW)
    for f in res.requirements:
        assert all(ev.unit != "2" for ev in f.evidence)


@pytest.mark.parametrize(
    ("sentence", "negated"),
    [
        ("A victim shall not be granted a reflection period.", True),
        ("A victim who is not a national of this State shall be granted a reflection period "
         "of thirty days.", False),
        ("The court may impose a fine not exceeding 100 units and a reflection period.", False),
        ("The Minister shall grant a victim who is not a citizen a reflection period.", False),
        ("A victim found abroad and has no passport shall be granted a reflection period.", False),
    ],
)
def test_negation_reaches_only_the_words_after_it(mini_model, tmp_path, sentence, negated):
    p = tmp_path / "n.txt"
    p.write_text(f"1. Reflection\n{sentence}\n", encoding="utf-8")
    res = analyse(mini_model, read_statute(p), review_path=NO_REVIEW)
    clause = next(e for e in res.requirement("tip.7.1").elements if e.name == "reflection")
    assert (clause.status == "unmet") is negated


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("A victim shall be granted a reflection period of 30 days.", "met"),
        ("The Minister may grant a victim a reflection period of 30 days.", "partial"),
        # a purpose, not a power: the duty is firm
        ("A reflection period of 30 days shall be granted so that the victim may recover.",
         "met"),
        # a power in the words that open a list reaches every item
        ("The Minister may, on application\u2014 (a) grant a victim a reflection period of 30 "
         "days; (b) issue a permit.", "partial"),
        ("The Minister may do the following:\n- grant a victim a reflection period of 30 days;\n"
         "- issue a permit.", "partial"),
        ("The Minister shall do the following:\n- grant a victim a reflection period of 30 "
         "days;\n- issue a permit.", "met"),
        # liability, not a power
        ("A person who refuses a victim a reflection period of 30 days may be charged and "
         "convicted.", "met"),
        # another part carves something out of the rule; a general "subject to" does not
        ("(1) Subject to subsection (2), a victim shall be granted a reflection period of 30 "
         "days.\n(2) Subsection (1) does not apply to a victim who has committed a crime.",
         "partial"),
        ("Subject to the regulations, a victim shall be granted a reflection period of 30 days.",
         "met"),
    ],
)
def test_discretion_weakens_a_clause_but_a_purpose_does_not(mini_model, tmp_path, sentence,
                                                           status):
    p = tmp_path / "d.txt"
    p.write_text(f"1. Reflection\n{sentence}\n", encoding="utf-8")
    res = analyse(mini_model, read_statute(p), review_path=NO_REVIEW)
    clause = next(e for e in res.requirement("tip.7.1").elements if e.name == "reflection")
    assert clause.status == status
