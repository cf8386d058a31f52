"""Roll-up rules and the confidence rule of thumb, table-driven."""

from __future__ import annotations

import pytest

from modellaw.compare.findings import ElementResult
from modellaw.compare.verdicts import REVIEW_BELOW, confidence_of, status_of


def el(status: str, kind: str = "all", required: bool = True, key: bool = False,
       scores: tuple[float, ...] = (1.0,)) -> ElementResult:
    return ElementResult("p/e", "e", kind, required, status, key=key, scores=list(scores))


@pytest.mark.parametrize(
    ("elements", "status", "review"),
    [
        ([el("met"), el("met")], "met", False),
        ([el("met", scores=(0.8,))], "met", False),
        ([el("met"), el("met"), el("unmet")], "partial", True),  # one element away from met
        ([el("met"), el("partial"), el("unmet")], "partial", False),
        ([el("unmet"), el("unmet")], "unmet", False),
        # the key element decides: unmet, but the others were found -> a close call
        ([el("unmet", key=True), el("met")], "unmet", True),
        ([el("unmet", key=True), el("unmet")], "unmet", False),
        # silence is not compliance: a satisfied absence alone does not make partial
        ([el("unmet"), el("met", kind="absence")], "unmet", False),
        ([el("met", kind="absence")], "met", False),
        # good practice never blocks met
        ([el("met"), el("unmet", required=False)], "met", False),
    ],
)
def test_roll_up(elements, status, review):
    assert status_of(elements) == status
    assert (confidence_of(elements) < REVIEW_BELOW) is review
