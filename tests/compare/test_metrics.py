from __future__ import annotations

import pytest

from modellaw.evaluate.metrics import agreement


def test_perfect_agreement():
    pairs = [("met", "met"), ("partial", "partial"), ("unmet", "unmet")] * 3
    a = agreement(pairs)
    assert a.accuracy == 1.0 and a.macro_f1 == 1.0 and a.kappa == pytest.approx(1.0)


def test_known_values():
    pairs = [("met", "met"), ("met", "partial"), ("unmet", "unmet"), ("partial", "unmet")]
    a = agreement(pairs)
    assert a.accuracy == 0.5
    assert a.confusion["met"]["partial"] == 1
    # met: p=1 r=.5 f=.667; partial: p=0 r=0 f=0; unmet: p=.5 r=1 f=.667
    assert a.macro_f1 == pytest.approx((2 / 3 + 0 + 2 / 3) / 3)
    # p_o = .5; p_e = (2*1 + 1*1 + 1*2)/16 = 5/16
    assert a.kappa == pytest.approx((0.5 - 5 / 16) / (1 - 5 / 16))


def test_constant_prediction_has_zero_kappa():
    pairs = [("met", "met"), ("unmet", "met"), ("partial", "met")]
    assert agreement(pairs).kappa == pytest.approx(0.0)


def test_evidence_scores_lenient_and_strict(tmp_path):
    from modellaw.evaluate.run import _evidence_scores
    from modellaw.statutes import read_statute

    p = tmp_path / "s.txt"
    p.write_text("1. Title\nThis is the Act.\n\n2. Offence\n(1) A person who traffics commits an "
                 "offence.\n(2) A person who harbours commits an offence.\n", encoding="utf-8")
    st = read_statute(p)
    # labelled 2(1) and 2(2); cited the whole of 2 and the unrelated 1
    hp, npred, hg, ngold, strict = _evidence_scores(st, [(["2(1)", "2(2)"], ["2", "1"])])
    assert (hp, npred, hg, ngold) == (1, 2, 2, 2)  # the section around both counts leniently
    assert strict == 0  # but not strictly: neither labelled unit was pinpointed
    # labelled 2; cited 2(2): a part of the labelled unit is a strict hit
    assert _evidence_scores(st, [(["2"], ["2(2)"])]) == (1, 1, 1, 1, 1)
