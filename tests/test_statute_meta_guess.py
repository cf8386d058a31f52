"""Metadata a new user sees in `modellaw ingest`: a clean year, a language when it is plain."""

from __future__ import annotations

import pytest

from modellaw.statutes import read_statute
from modellaw.statutes.metadata import build_meta, guess_language


@pytest.mark.parametrize(
    ("given", "year", "note"),
    [("2015", "2015", None), ("2015 (MalawiLII version eng@2017-12-31)", "2015",
                               "2015 (MalawiLII version eng@2017-12-31)"),
     ("circa", "circa", None)],
)
def test_year_is_the_first_year_named(given, year, note):
    meta = build_meta({"year": given})
    assert meta.year == year
    assert meta.extra.get("year_note") == note


def test_language_is_guessed_only_when_plain(tmp_path):
    english = "A person who recruits or transports any person shall be guilty of an offence. " * 5
    assert guess_language(english) == "en"
    assert guess_language("Quiconque recrute ou transporte une personne est puni. " * 10) is None
    p = tmp_path / "s.txt"
    p.write_text("1. Offence\n" + english, encoding="utf-8")
    st = read_statute(p)
    assert st.meta.language == "en"
    assert st.meta.extra["language_source"] == "guessed from the text"
