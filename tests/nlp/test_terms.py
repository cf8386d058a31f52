import pytest

from modellaw.nlp.terms import TermIndex

# Statute-like sentences written for these tests; each row: text, phrase, expected hits.
CASES = [
    ("A person who harbours a victim commits an offence.", "harbouring", ["harbours"]),
    ("Whoever harbored or concealed the child.", "harbour", ["harbored"]),
    ("The harbouring of persons is prohibited.", "harbor", ["harbouring"]),
    ("Any person who recruits another person.", "recruitment", ["recruits"]),
    ("The recruitment of a child for labour.", "recruit", ["recruitment"]),
    ("Where a person is recruited abroad.", "recruitment", ["recruited"]),
    ("The Recruitment Agency shall register.", "recruit", ["Recruitment"]),
    ("Children shall be protected.", "child", ["Children"]),
    ("The transportation of persons across borders.", "transport", ["transportation"]),
    ("A person who trafficks another person.", "trafficking", ["trafficks"]),
    (
        "by abuse of power or of a position of vulnerability, for the purpose of",
        "abuse of a position of vulnerability",
        ["abuse of power or of a position of vulnerability"],
    ),
    (
        "abuse of position of vulnerability",
        "abuse of a position of vulnerability",
        ["abuse of position of vulnerability"],
    ),
    ("the sale of organs or tissue", "sale of organs", ["sale of organs"]),
    ("forced labour, debt-bondage and servitude", "debt bondage", ["debt-bondage"]),
    ("forced labor or services", "forced labour", ["forced labor"]),
    ("It shall not be a defence that the child consented.", "shall not be a defence",
     ["shall not be a defence"]),
    ("the exploitation of the prostitution of others", "exploit*", ["exploitation"]),
    ("exploitative labour practices", "exploit*", ["exploitative"]),
    ("the victim's consent", "consent of the victim", []),
    ("the consent of the victim", "consent of the victim", ["consent of the victim"]),
    ("the victim\u2019s passport", "victim passport", ["victim\u2019s passport"]),
    # a hyphen left by a line break: "non- governmental"
    ("with the assistance of non- governmental organizations", "non-governmental organisations",
     ["non- governmental organizations"]),
    # with one content word, the small words carry the meaning
    ("shall be liable to a fine", "or a fine", []),
    ("imprisonment or a fine", "or a fine", ["or a fine"]),
    ("the victim shall be assisted", "any victim", []),
    ("shall be liable to a fine", "or to a fine", []),
    ("imprisonment or to a fine", "or to a fine", ["or to a fine"]),
    # a phrase never starts inside a hyphenated word
    ("a life-threatening illness or death of the victim", "threatens a victim", []),
    ("whoever threatens a victim or witness", "threatens a victim", ["threatens a victim"]),
    ("the non-governmental organisations", "governmental organisations", []),
    # OCR noise and misspellings in long words
    ("the exploitalion of persons", "exploitation", ["exploitalion"]),
    ("persons who traffiking others", "trafficking", ["traffiking"]),
    ("vulnerabilty of the victim", "vulnerability", ["vulnerabilty"]),
    ("prostitutlon of others", "prostitution", ["prostitutlon"]),
]


@pytest.mark.parametrize(("text", "phrase", "expected"), CASES)
def test_find(text: str, phrase: str, expected: list[str]) -> None:
    assert [m.text for m in TermIndex(text).find(phrase)] == expected


NEGATIVE = [
    ("the marriage was registered", "carriage"),
    ("the person was detained", "prison"),
    ("debt; (b) bondage", "debt bondage"),  # list items are separate
    ("debt. Bondage is prohibited.", "debt bondage"),  # sentence ends break a phrase
    ("abuse of the many powerful official positions held", "abuse of position"),
    ("the filing of a complaint", "fine"),
    ("a transfer of funds", "transport"),
    ("a deceased person", "deception"),
    ("the form was signed", "forced"),  # short words are never fuzzy
    ("abuse of power", "abuse of a position of vulnerability"),
]


@pytest.mark.parametrize(("text", "phrase"), NEGATIVE)
def test_no_false_match(text: str, phrase: str) -> None:
    assert TermIndex(text).find(phrase) == []


def test_fuzzy_can_be_switched_off() -> None:
    ix = TermIndex("the exploitalion of persons")
    assert ix.find("exploitation", fuzzy=False) == []
    (m,) = ix.find("exploitation")
    assert 0.8 < m.score < 1.0


def test_offsets_index_the_text_and_within_limits_the_search() -> None:
    text = "Section 3. A person who harbours a child. Section 4. Harbouring adults."
    ix = TermIndex(text)
    hits = ix.find("harbour")
    assert [text[m.start : m.end] for m in hits] == ["harbours", "Harbouring"]
    second = (text.index("Section 4"), len(text))
    assert [m.text for m in ix.find("harbour", within=second)] == ["Harbouring"]
    assert ix.find("harbour", within=(0, 5)) == []


def test_exact_beats_gappy_score() -> None:
    ix = TermIndex(
        "abuse of a position of vulnerability; abuse of power or of position of vulnerability"
    )
    exact, gappy = ix.find("abuse of position of vulnerability")
    assert exact.score == 1.0
    assert gappy.score < exact.score


def test_find_any_keeps_one_match_per_span() -> None:
    ix = TermIndex("The harbouring, transfer and receipt of persons.")
    hits = ix.find_any(["harbour", "harbouring", "receipt", "receive", "transfer"])
    assert [(m.text, m.phrase) for m in hits] == [
        ("harbouring", "harbour"),
        ("transfer", "transfer"),
        ("receipt", "receipt"),
    ]


def test_sentences_and_sentence_of() -> None:
    text = (
        "PART II\nOFFENCES\n\n3. Trafficking.\n(1) A person who recruits. "
        "(2) A person who sells;\n(a) a child. See Act No. 4 of 2005 and s. 12."
    )
    ix = TermIndex(text)
    spans = [text[a:b] for a, b in ix.sentences]
    assert "PART II\nOFFENCES" in spans
    assert "(1) A person who recruits." in spans
    assert "3. Trafficking." in spans
    assert "(a) a child." in spans
    assert "See Act No. 4 of 2005 and s. 12." in spans
    off = text.index("sells")
    a, b = ix.sentence_of(off)
    assert text[a:b] == "(2) A person who sells;"
    assert ix.sentence_of(0) == ix.sentences[0]


def test_keys_for_retrieval_drop_connectives() -> None:
    ix = TermIndex("The recruitment of a child and the harbouring of persons.")
    assert ix.keys() == ["recruit", "child", "harbor", "person"]


def test_empty_and_punctuation_only_inputs() -> None:
    assert TermIndex("").find("harbour") == []
    assert TermIndex("...;;").sentences == [] or TermIndex("...;;").find("x") == []
    assert TermIndex("a person").find("") == []
    assert TermIndex("a person").find("of the") == []


@pytest.mark.parametrize(
    ("slug", "phrase", "minimum"),
    [
        ("mw-tip-act-2015", "harbouring", 1),
        ("mw-tip-act-2015", "abuse of a position of vulnerability", 1),
        ("ug-ptip-act-2009", "abuse of a position of vulnerability", 1),
        ("ug-ptip-act-2009", "harbor", 2),
        ("us-usc-tvpa", "debt bondage", 2),
        ("us-usc-tvpa", "harbouring", 1),
        ("sg-phta-2014", "recruitment", 1),
    ],
)
def test_concepts_found_in_real_statutes(corpus_text, slug: str, phrase: str, minimum: int) -> None:
    text = corpus_text(slug)
    hits = TermIndex(text).find(phrase)
    assert len(hits) >= minimum
    for m in hits:
        assert text[m.start : m.end] == m.text
