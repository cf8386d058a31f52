"""`key`, a quoted label and `in PROVISION` on elements: parsed, checked, formatted back."""

from __future__ import annotations

from modellaw.dsl.fmt import format_text
from modellaw.dsl.loader import load_model

SOURCE = '''instrument tip "Protocol"

requirement tip.5.1 "Criminalise"
  strength mandatory
  verify verified

part offences "Offences"

provision offence.trafficking "Trafficking"
  part offences
  implements tip.5.1
  text "(1) A person who traffics another commits an offence."
  requires key clause offence_created "offence-creating words" for tip.5.1: commits an offence

provision penalties.trafficking "Penalties"
  part offences
  implements tip.5.1
  text "(1) Imprisonment for 15 years."
  requires number max "basic maximum" for tip.5.1 in offence.trafficking: max_penalty >= 5 years
'''


def _load(tmp_path, source: str):
    f = tmp_path / "law.mlaw"
    f.write_text(source, encoding="utf-8")
    return load_model([f], lint=False, root=tmp_path)


def test_options_reach_the_model(tmp_path):
    res = _load(tmp_path, SOURCE)
    assert not res.diagnostics
    created = res.model.provision("offence.trafficking").elements[0]
    assert created.key and created.label == "offence-creating words"
    number = res.model.provision("penalties.trafficking").elements[0]
    assert number.within == "offence.trafficking" and number.label == "basic maximum"


def test_options_survive_formatting():
    out = format_text(SOURCE)
    assert format_text(out) == out
    assert 'requires key clause offence_created "offence-creating words" for tip.5.1:' in out
    assert "for tip.5.1 in offence.trafficking: max_penalty >= 5 years" in out


def test_unknown_provision_after_in_is_reported(tmp_path):
    res = _load(tmp_path, SOURCE.replace("in offence.trafficking", "in offence.trafficing"))
    d = next(d for d in res.diagnostics if d.code == "S103")
    assert d.suggestion == "offence.trafficking" and d.span.line == 19


def test_good_practice_element_cannot_be_key(tmp_path):
    res = _load(tmp_path, SOURCE.replace("requires key clause", "recommends key clause"))
    assert [d.code for d in res.diagnostics] == ["S127"]


def test_statute_readings_are_named_phrases(tmp_path):
    source = SOURCE.replace(": commits an offence",
                            ": commits an offence (@means-free-child-offence)")
    res = _load(tmp_path, source)
    assert not res.diagnostics
    created = res.model.provision("offence.trafficking").elements[0]
    assert created.concepts[0].variants == ["@means-free-child-offence"]
    out = format_text(source)
    assert "(@means-free-child-offence)" in out and format_text(out) == out


def test_unknown_statute_reading_is_reported(tmp_path):
    res = _load(tmp_path, SOURCE.replace(": commits an offence",
                                         ": commits an offence (@means-free-child-ofence)"))
    (d,) = res.diagnostics
    assert d.code == "S130" and d.span.line == 13
    assert d.suggestion == "@means-free-child-offence"


def test_gate_is_a_key_and_survives_formatting(tmp_path):
    source = SOURCE.replace("requires key clause", "requires gate clause")
    res = _load(tmp_path, source)
    assert not res.diagnostics
    created = res.model.provision("offence.trafficking").elements[0]
    assert created.key and created.gate
    out = format_text(source)
    assert "requires gate clause offence_created" in out and format_text(out) == out


def test_good_practice_element_cannot_be_a_gate(tmp_path):
    res = _load(tmp_path, SOURCE.replace("requires key clause", "recommends gate clause"))
    (d,) = res.diagnostics
    assert d.code == "S127" and "gate" in d.message
