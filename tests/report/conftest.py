from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from report_builders import hostile_result, kestrel_result, real_model  # noqa: E402


@pytest.fixture(scope="session")
def model():
    return real_model()


@pytest.fixture(scope="session")
def kestrel(model):
    return kestrel_result(model)


@pytest.fixture(scope="session")
def hostile(model):
    return hostile_result(model)
