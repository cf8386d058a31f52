"""A model law and a statute written as text in a test, analysed for real."""

from __future__ import annotations

from pathlib import Path

from modellaw.compare.engine import analyse
from modellaw.compare.findings import GapResult
from modellaw.dsl.loader import load_model
from modellaw.dsl.model import ModelLaw
from modellaw.statutes import read_statute


def load_law(tmp_path: Path, text: str) -> ModelLaw:
    path = tmp_path / "law.mlaw"
    path.write_text(text, encoding="utf-8")
    res = load_model([path], lint=False, root=tmp_path)
    assert not res.errors, [d.message for d in res.errors]
    return res.model


def analyse_text(model: ModelLaw, tmp_path: Path, statute: str,
                 name: str = "s.txt") -> GapResult:
    path = tmp_path / name
    path.write_text(statute, encoding="utf-8")
    return analyse(model, read_statute(path), review_path=tmp_path / "none.review.json")
