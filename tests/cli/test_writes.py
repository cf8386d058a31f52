"""Output is written whole or not at all, and failures are one line, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import modellaw.publish
from modellaw.cli import main

KESTREL = Path(__file__).resolve().parents[2] / "national_laws" / "kestrel-tip-act-2019.txt"


def test_interrupted_render_leaves_the_old_file_and_no_debris(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "model-law.html"
    target.write_text("the previous edition\n", encoding="utf-8")

    def ctrl_c(fd: int) -> None:
        raise KeyboardInterrupt

    # Ctrl-C arrives while the new file is being flushed to disk.
    monkeypatch.setattr(os, "fsync", ctrl_c)
    res = CliRunner().invoke(main, ["render", "-o", str(target)])
    assert res.exit_code == 1
    assert "Traceback" not in res.output
    assert target.read_text(encoding="utf-8") == "the previous edition\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model-law.html"]


def test_a_write_that_fails_midway_is_one_line(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    # A folder where the Markdown report should go: the rename onto it fails.
    (out / f"{KESTREL.stem}.md").mkdir(parents=True)
    res = CliRunner().invoke(main, ["gap", str(KESTREL), "-o", str(out)])
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot write")
    assert not [p for p in out.iterdir() if p.name.startswith(".")]


def test_an_unexpected_failure_is_one_line_not_a_traceback(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> bytes:
        raise RuntimeError("renderer fell over\nsecond line")

    monkeypatch.setattr(modellaw.publish, "render_bytes", broken)
    monkeypatch.delenv("MODELLAW_DEBUG", raising=False)
    res = CliRunner().invoke(main, ["render", "-o", str(tmp_path / "m.html")])
    assert res.exit_code == 3
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "internal error (RuntimeError: renderer fell over)" in lines[0]
    assert not (tmp_path / "m.html").exists()
