"""The wheel carries the model law: every .mlaw file under provisions/ is listed in
pyproject's data-files, so `gap` works after `pip install` outside the project folder."""

from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_every_model_law_file_ships_in_the_wheel() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    data_files = config["tool"]["setuptools"]["data-files"]
    shipped = {p.resolve() for globs in data_files.values() for g in globs
               for p in REPO.glob(g)}
    on_disk = {p.resolve() for p in (REPO / "provisions").rglob("*.mlaw")}
    assert on_disk and on_disk <= shipped, sorted(str(p) for p in on_disk - shipped)
    for target, globs in data_files.items():
        # each file lands in the same place relative to share/modellaw/provisions
        rel = Path(target).relative_to("share/modellaw")
        assert all(Path(g).parent == rel for g in globs), (target, globs)
