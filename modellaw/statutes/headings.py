"""Plain heading lines: how a statute whose section numbers were lost still shows its units.

OCR often drops the "3." in front of a section but keeps its heading, a short line such as
"Trafficking in persons" standing on its own above the body. Without markdown '#' marks the
heading has to be told from the text by its shape (short, capitalised, not a sentence) and
by its place (after a blank line or the end of a paragraph, with body text below it).
"""

from __future__ import annotations

import re

MAX_HEADING_CHARS = 80
MAX_HEADING_WORDS = 10

# Words that make a line operative text, not a title ("A victim shall not ...", "X means").
_OPERATIVE = re.compile(
    r"\b(?:means|includes|shall|is|are|was|were|may|must|who|whoever|which|whom)\b"
)
# A title never ends on a word that needs a continuation; a wrapped fragment often does.
_DANGLING = {
    "a",
    "an",
    "and",
    "any",
    "as",
    "at",
    "by",
    "clause",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "or",
    "paragraph",
    "subsection",
    "the",
    "to",
    "under",
    "with",
    "without",
}
# Running heads and gazette furniture that cleanup keeps when they occur only once.
_RUNNING_HEAD = re.compile(
    r"\b(?:gazette|extraordinary|page\s+\d+|registered\s+no|published\s+by\s+authority|"
    r"supplement)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"[.;,:!?—–-]\s*$")
_LEADING_MARKER = re.compile(r"^\(\s?\w{1,5}\s?\)")
_QUOTES = "\"“‘'«"


def shouting(text: str) -> bool:
    """Mostly capitals: a gazette title block or masthead, not a section heading."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and sum(ch.isupper() for ch in letters) >= 0.6 * len(letters)


def heading_shaped(text: str) -> bool:
    """Could this line, on its own, be a section heading?"""
    text = text.strip()
    words = text.split()
    if not (2 <= len(text) <= MAX_HEADING_CHARS and 1 <= len(words) <= MAX_HEADING_WORDS):
        return False
    if not text[0].isupper() or shouting(text):
        return False
    if _SENTENCE_END.search(text.rstrip(")]")) and not text.endswith("etc"):
        return False
    if _OPERATIVE.search(text) or _RUNNING_HEAD.search(text):
        return False
    # Sentence punctuation inside the line ("Passed. The") marks running text.
    if re.search(r"[.;:!?]\s", text):
        return False
    return words[-1].lower() not in _DANGLING


# Words no title uses; "is"/"are" may appear inside one ("Matters that are not a defence").
_STRONG_OPERATIVE = re.compile(r"\b(?:means|includes|shall|may|must|whoever)\b")


def short_title(text: str) -> bool:
    """A short heading after a section number that _OPERATIVE alone would reject.

    Only for the words after "10." on their own line; the caller checks the body below.
    """
    text = text.strip()
    words = text.split()
    if not (1 <= len(words) <= 8 and len(text) <= 60):
        return False
    if not text[0].isupper() or _SENTENCE_END.search(text) or re.search(r"[.;:!?]\s", text):
        return False
    if _STRONG_OPERATIVE.search(text) or _RUNNING_HEAD.search(text):
        return False
    return words[-1].lower() not in _DANGLING | {"is", "are", "was", "were", "be", "not"}


def body_like(text: str) -> bool:
    """Could this line open the body under a heading?"""
    text = text.strip()
    if not text:
        return False
    if _LEADING_MARKER.match(text) or text[0] in _QUOTES:
        return True
    if not (text[0].isupper() or text[0].isdigit()):
        return False  # a lower-case line continues a sentence, so the line above is text
    # A line that is itself heading-shaped would make the line above a title over a title;
    # a long line is wrapped body text all the same.
    return len(text) >= 50 or not heading_shaped(text)


def is_plain_heading(text: str, before: str | None, after: str | None, blank_before: bool) -> bool:
    """A heading line standing alone, judged with its neighbours.

    before/after are the previous and next non-blank lines (None at either end of the text);
    blank_before says a blank line separates this line from the one before.
    """
    if not heading_shaped(text) or after is None or not body_like(after):
        return False
    if before is None or blank_before:
        return True
    # Without a blank line, the line before must close a paragraph.
    return bool(re.search(r"[.;:]\W{0,2}$", before.rstrip()))
