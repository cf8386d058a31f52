"""Keeping the first of each: citations and candidate units are ranked lists."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

T = TypeVar("T")


def unique(items: Iterable[T], key: Callable[[T], Hashable] = id) -> list[T]:
    """The items in order, without any whose key came earlier."""
    seen: set[Hashable] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out
