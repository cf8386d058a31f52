import pytest

from modellaw.nlp.negation import cues_for


def cues(text: str, target: str) -> list[tuple[str, str, str, str]]:
    a = text.index(target)
    return [
        (c.kind, c.text, c.scope, c.idiom)
        for c in cues_for(text, a, a + len(target), (0, len(text)))
    ]


# text, the matched words, the cues expected (kind, text, scope, idiom)
CASES = [
    ("No person shall recruit a child for labour.", "recruit",
     [("negation", "No person shall", "clause", "")]),
    ("A person shall not harbour a victim.", "harbour",
     [("negation", "shall not", "clause", "")]),
    ("Nothing in this section applies to a parent who places a child in employment.",
     "employment", [("negation", "Nothing in this section", "clause", "")]),
    ("It shall not be a defence that the child consented.", "consented",
     [("negation", "shall not be a defence", "clause", "not_a_defence")]),
    ("It is no defence that the victim consented.", "consented",
     [("negation", "no defence", "clause", "not_a_defence")]),
    ("The consent of the victim is immaterial.", "consent",
     [("negation", "is immaterial", "clause", "immaterial")]),
    ("The consent of a victim shall be irrelevant.", "consent",
     [("negation", "shall be irrelevant", "clause", "immaterial")]),
    ("A victim shall not be prosecuted for offences committed as a result of being trafficked.",
     "offences", [("negation", "shall not be prosecuted", "clause", "non_punishment")]),
    ("No victim of trafficking shall be punished for unlawful entry.", "unlawful entry",
     [("negation", "No victim of trafficking shall be punished", "clause", "non_punishment")]),
    ("Victims are not criminally liable for immigration offences.", "immigration",
     [("negation", "not criminally liable", "clause", "non_punishment")]),
    ("Proof of the means is not required where the victim is a child.", "means",
     [("negation", "is not required", "clause", "not_required"),
      ("condition", "where", "clause", "")]),
    ("The court shall order restitution except where the victim declines.", "restitution",
     [("exception", "except where", "clause", "")]),
    ("The court shall order restitution unless the victim objects.", "restitution",
     [("exception", "unless", "clause", "")]),
    ("This Part does not apply to adoption carried out under the Adoption Act.", "adoption",
     [("exception", "does not apply", "clause", "")]),
    ("Any person, other than a parent, who transfers a child.", "transfers",
     [("exception", "other than", "clause", "")]),
    ("Save as provided in section 9, a victim may stay.", "stay",
     [("exception", "Save as", "clause", ""), ("discretion", "may", "clause", "")]),
    ("The Minister shall grant a permit, provided that the victim cooperates.", "permit",
     [("proviso", "provided that", "clause", "")]),
    ("The victim shall be protected only if the victim testifies.", "protected",
     [("condition", "only if", "clause", "")]),
    ("The Minister may provide shelter to victims.", "shelter",
     [("discretion", "may", "clause", "")]),
    ("The State shall, as far as possible, provide shelter.", "shelter",
     [("discretion", "as far as possible", "clause", "")]),
    ("Shelter shall be provided in appropriate cases.", "Shelter",
     [("discretion", "in appropriate cases", "clause", "")]),
    ("Shelter shall be provided where appropriate.", "Shelter",
     [("discretion", "where appropriate", "clause", "")]),
    ("Subject to available resources, the State shall provide shelter.", "shelter",
     [("discretion", "Subject to", "clause", "")]),
    ("The Minister may not refuse a permit to a victim.", "permit",
     [("negation", "may not", "clause", "")]),
    # "may extend to" states a penalty, "as the case may be" is neither discretion nor doubt.
    ("shall be punished with imprisonment which may extend to ten years.", "imprisonment", []),
    ("the Minister or the Director, as the case may be, shall issue a permit.", "permit", []),
    ("A person who recruits another person commits an offence.", "recruits", []),
]


@pytest.mark.parametrize(("text", "target", "expected"), CASES)
def test_cues(text: str, target: str, expected: list) -> None:
    assert cues(text, target) == expected


def test_scope_separates_clauses_of_a_list() -> None:
    text = (
        "A person who (a) recruits a child for labour; (b) harbours a child, "
        "except that this paragraph shall not apply to a parent, commits an offence."
    )
    got = cues(text, "recruits")
    assert ("exception", "except that", "sentence", "") in got
    assert all(scope == "sentence" for _, _, scope, _ in got)
    got_b = cues(text, "harbours")
    assert ("exception", "except that", "clause", "") in got_b


def test_only_the_given_sentence_is_searched() -> None:
    text = "A person shall not harbour a victim. Any person may recruit workers."
    a = text.index("recruit")
    sent = (text.index("Any"), len(text))
    got = cues_for(text, a, a + 7, sent)
    assert [(c.kind, c.text) for c in got] == [("discretion", "may")]
    assert cues_for(text, 0, 5, (5, 5)) == []


def test_curly_typography_is_folded_but_offsets_kept() -> None:
    text = "A victim\u2019s consent \u2014 it shall not be a defence."
    a = text.index("consent")
    (cue,) = cues_for(text, a, a + 7, (0, len(text)))
    assert text[cue.start : cue.end] == cue.text == "shall not be a defence"
