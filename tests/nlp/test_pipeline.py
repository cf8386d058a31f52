import pytest

from modellaw.nlp.pipeline import NlpError, get_nlp


def test_default_pipeline_is_blank_with_lookup_lemmas_and_sentences() -> None:
    nlp = get_nlp()
    assert nlp.pipe_names == ["lemmatizer", "sentencizer"]
    doc = nlp("The traffickers harboured children. They sold them.")
    assert [t.lemma_ for t in doc][:4] == ["The", "trafficker", "harbour", "child"]
    assert len(list(doc.sents)) == 2


def test_pipeline_is_cached_per_language_and_model() -> None:
    assert get_nlp("en") is get_nlp("en")
    assert get_nlp("en") is get_nlp()


def test_missing_trained_pipeline_says_how_to_fix() -> None:
    msg = r"'xx_no_such_pipeline' is not installed.*pip.*--spacy-model"
    with pytest.raises(NlpError, match=msg):
        get_nlp("en", "xx_no_such_pipeline")


def test_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(NlpError, match="no language 'qq'"):
        get_nlp("qq")
