"""A progress bar on stderr for runs over several statutes; silent when not a terminal."""

from __future__ import annotations

import shutil
import sys
from typing import TextIO


class Progress:
    """`with Progress(n, "Analysing") as bar: ... bar.advance(name)`.

    Draws on one line with carriage returns, so it only makes sense on a terminal; in
    pipes, logs and CI it prints nothing at all. A single item needs no bar either.
    """

    def __init__(self, total: int, label: str = "", stream: TextIO | None = None,
                 enabled: bool | None = None, width: int = 24) -> None:
        self.total = max(total, 0)
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            isatty = getattr(self.stream, "isatty", None)
            enabled = bool(isatty and isatty()) and self.total > 1
        self.enabled = enabled
        self.width = width
        self.done = 0
        self._drawn = False
        self._last = 0

    def __enter__(self) -> Progress:
        self._draw("")
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def line(self, current: str) -> str:
        frac = self.done / self.total if self.total else 1.0
        filled = round(self.width * frac)
        bar = "#" * filled + "-" * (self.width - filled)
        text = f"{self.label} [{bar}] {self.done}/{self.total}"
        if current:
            text += f" {current}"
        cols = shutil.get_terminal_size((80, 20)).columns
        return text[: max(cols - 1, 10)]

    def _draw(self, current: str) -> None:
        if not self.enabled:
            return
        # Pad with spaces so a shorter line wipes out the tail of the previous one.
        text = self.line(current)
        self.stream.write("\r" + text.ljust(self._last))
        self._last = len(text)
        self.stream.flush()
        self._drawn = True

    def advance(self, current: str = "", step: int = 1) -> None:
        self.done = min(self.done + step, self.total)
        self._draw(current)

    def close(self) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\n")
            self.stream.flush()
            self._drawn = False
