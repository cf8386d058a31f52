from __future__ import annotations

from pathlib import Path

import pytest

from modellaw.dsl.loader import load_model
from modellaw.dsl.model import ModelLaw

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "mini_law"


@pytest.fixture(scope="session")
def mini_model() -> ModelLaw:
    res = load_model([MINI])
    assert not res.errors, res.errors
    return res.model


@pytest.fixture(scope="session")
def implements_links(mini_model: ModelLaw) -> list[tuple[int, str, str]]:
    """(section number, provision id, requirement row) for every implements link."""
    numbers = mini_model.numbering()
    links = []
    for p in mini_model.provisions:
        for rid in p.implements:
            links.append((numbers[p.id], p.id, mini_model.resolve(rid)))
    return sorted(set(links))


@pytest.fixture(scope="session")
def expected_outline() -> list[tuple[int, str]]:
    """The printed outline of the fixture, in order: (level, text)."""
    return list(_OUTLINE)


_OUTLINE = [
    (1, "Mini Model Law <against> Trafficking & Exploitation"),
    (2, "Contents"),
    (2, "Part 1: General provisions"),
    (3, "1. Definitions"),
    (2, "Part 2: Offences"),
    (3, "2. Trafficking in persons"),
    (2, "Part 3: Protection of victims"),
    (3, "3. Assistance to victims"),
    (2, "Annex: provisions and the instrument articles they implement"),
]
