"""The numbers statutes state, as one import for the comparator: number words, penalty
clauses, age thresholds and periods of time (each kept in its own small module)."""

from .ages import Age, find_ages
from .durations import Duration, find_durations
from .numwords import parse_number
from .penalties import Penalty, find_penalties

__all__ = [
    "Age",
    "Duration",
    "Penalty",
    "find_ages",
    "find_durations",
    "find_penalties",
    "parse_number",
]
