from __future__ import annotations

import io

import pytest

from modellaw.report.progress import Progress


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("stream, total, drawn", [
    (io.StringIO(), 5, False),  # a pipe or log: silent
    (FakeTty(), 5, True),
    (FakeTty(), 1, False),  # one statute needs no bar
])
def test_progress_only_on_a_terminal(stream, total, drawn):
    with Progress(total, "gap", stream=stream) as bar:
        for i in range(total):
            bar.advance(f"file{i}.txt")
    out = stream.getvalue()
    assert bool(out) is drawn
    if drawn:
        assert f"[{'#' * 24}] {total}/{total} file{total - 1}.txt" in out
        assert out.endswith("\n")


def test_progress_line():
    bar = Progress(4, "matrix", stream=io.StringIO(), width=8)
    bar.advance("a.txt")
    assert bar.line("a.txt") == "matrix [##------] 1/4 a.txt"
