from __future__ import annotations

from pathlib import Path

import pytest

from modellaw.dsl.loader import load_model
from modellaw.dsl.model import ModelLaw

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "compare"
REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def mini_model() -> ModelLaw:
    res = load_model([FIXTURES / "mini.mlaw"])
    assert not res.errors, res.errors
    return res.model


@pytest.fixture(scope="session")
def full_model() -> ModelLaw:
    res = load_model([REPO / "provisions"])
    assert not res.errors, [f"{d.span.path}:{d.span.line} {d.message}" for d in res.errors[:5]]
    return res.model
