"""The spaCy pipeline: built once per process, never downloaded.

Default: a blank pipeline with the lookup lemmatizer (tables from spacy-lookups-data,
installed as a Python package, so initialisation is offline) and the rule sentencizer.
A trained pipeline is used only when the caller names one that is installed.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


class NlpError(Exception):
    """A pipeline problem the user can fix; the message says how."""


def get_nlp(lang: str = "en", model: str | None = None) -> Language:
    """The shared pipeline for `lang`, or the installed trained pipeline `model`."""
    return _load(lang, model)


@lru_cache(maxsize=8)
def _load(lang: str, model: str | None) -> Language:
    if model:
        return _load_trained(model)
    return _load_blank(lang)


def _load_trained(model: str) -> Language:
    if not spacy.util.is_package(model):
        raise NlpError(
            f"spaCy pipeline '{model}' is not installed; install it with pip or omit "
            "--spacy-model"
        )
    try:
        nlp = spacy.load(model)
    except (OSError, ValueError) as exc:  # broken or incompatible package
        raise NlpError(f"spaCy pipeline '{model}' could not be loaded: {exc}") from exc
    # Statute sentences need boundaries even if the trained pipeline has no parser.
    if not nlp.has_pipe("parser") and not nlp.has_pipe("senter") and not nlp.has_pipe(
        "sentencizer"
    ):
        nlp.add_pipe("sentencizer")
    return nlp


def _load_blank(lang: str) -> Language:
    try:
        nlp = spacy.blank(lang)
    except (ImportError, KeyError, ValueError) as exc:
        raise NlpError(
            f"spaCy has no language '{lang}'; use a two-letter code such as 'en'"
        ) from exc
    _split_dash_after_stop(nlp)
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("sentencizer")
    try:
        nlp.initialize()
    except (ValueError, OSError) as exc:
        # No lookup table for this language: keep tokens and sentences, lemma = text.
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        nlp.initialize()
        nlp.meta["modellaw_lemmas"] = f"none ({exc.__class__.__name__})"
    return nlp


def _split_dash_after_stop(nlp: Language) -> None:
    """South-Asian drafting runs a heading into its text with a dash ("Non-liability of
    victims.-No victim shall ..."); the default rules would keep "victims.-No" as one
    token, so the first words of the section could never match."""
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z0-9])[.,;:][-\u2013\u2014]+(?=[A-Za-z(])"]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer


def lemma_table(nlp: Language) -> dict[str, str] | None:
    """The lookup lemma table of a default pipeline (for case-folded re-lookups)."""
    if not nlp.has_pipe("lemmatizer"):
        return None
    pipe = nlp.get_pipe("lemmatizer")
    lookups = getattr(pipe, "lookups", None)
    if lookups is None or not lookups.has_table("lemma_lookup"):
        return None
    return lookups.get_table("lemma_lookup")
