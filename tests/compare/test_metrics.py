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
