"""Normalise raw statute text into the text every offset refers to.

The clean-up works line by line and builds the final text from the kept lines, so each
line's offsets are known exactly and a quote cut from text[start:end] is what the reader
sees. Nothing is rewritten inside a line except whitespace, invisible characters, markdown
heading marks and words hyphenated across a line break.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from modellaw.statutes.readers import PAGE_BREAK


@dataclass
class Line:
    start: int  # offsets in the normalised text
    end: int
    text: str  # the line as it appears in the normalised text
    indent: int  # leading spaces in the raw line (nesting in machine-made lists)
    md_level: int = 0  # markdown heading level (# = 1); 0 if not a heading
    page_break: bool = False  # first line after a page break


@dataclass
class CleanText:
    text: str
    lines: list[Line]
    warnings: list[str]


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_PAGE_NUMBER = re.compile(
    r"^[-–—\s]*(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s+of\s+\d{1,4})?[-–—\s]*$", re.IGNORECASE
)
# Lines a segmenter needs even when repeated: structure, list markers, annotations.
_STRUCTURAL = re.compile(
    r"^(?:[-*•]\s*)?(?:part|chapter|division|schedule|first|second|third|title|book|article|"
    r"art\.|section|sec\.|§|\(|\[|\d+[A-Za-z]?\.|[a-z]{1,4}\.\s)",
    re.IGNORECASE,
)
_CONTAINER_LINE = re.compile(
    r"^(?:PART|Part|CHAPTER|Chapter|DIVISION|Division|TITLE|BOOK|(?:\w+ )?SCHEDULE|Schedule)\b"
)
_KEEP_HYPHEN = {
    "non",
    "self",
    "anti",
    "co",
    "cross",
    "ex",
    "well",
    "sub",
    "inter",
    "multi",
    "pre",
    "post",
    "semi",
    "quasi",
    "counter",
    "re",
    "mid",
    "over",
    "under",
    "full",
    "part",
    "high",
    "low",
}


def _norm_key(text: str) -> str:
    """A running head's identity: letters only, so page numbers and OCR dates do not matter."""
    return re.sub(r"[^a-z]+", " ", text.lower()).strip()


def _is_junk(text: str) -> bool:
    """Obvious OCR noise: runs of punctuation, stray single characters, empty bullets."""
    if not text:
        return False
    letters = sum(ch.isalnum() for ch in text)
    if letters == 0:
        return text not in ("***", "* * *")  # '***' marks an omitted section in consolidations
    if len(text) >= 6 and letters / len(text) < 0.4:
        return True
    return len(text) <= 2 and not re.fullmatch(r"\d+\.?|[A-Za-z]\.?|[A-Z]{2}", text)


def _page_edges(pieces: list[tuple[str, int, int, bool]]) -> set[int]:
    """Indexes of the first and last three non-blank lines of every page."""
    edges: set[int] = set()
    page: list[int] = []

    def flush() -> None:
        edges.update(page[:3])
        edges.update(page[-3:])

    for index, (text, _indent, _level, brk) in enumerate(pieces):
        if brk and page:
            flush()
            page = []
        if text:
            page.append(index)
    flush()
    return edges


def _join_hyphen(first: str, second: str, words: Counter[str]) -> bool:
    """Is "first-" + "second" one word broken at the line end, or a hyphenated compound?

    The document itself is the best witness ("exploitation" elsewhere in the text joins
    "ex-" + "ploitation"); without it, common compound prefixes ("non-", "self-") keep
    their hyphen.
    """
    solid = (first + second).lower()
    hyphenated = f"{first}-{second}".lower()
    if words[solid] != words[hyphenated]:
        return words[solid] > words[hyphenated]
    if len(second) >= 4:
        # Another form of the word will do: "receiving" vouches for "re-" + "ceives".
        stem = solid[: len(first) + 4]
        hyphen_stem = f"{first.lower()}-{second[:4].lower()}"
        solid_forms = sum(n for w, n in words.items() if w.startswith(stem))
        hyphen_forms = sum(n for w, n in words.items() if w.startswith(hyphen_stem))
        if solid_forms != hyphen_forms:
            return solid_forms > hyphen_forms
    return first.lower() not in _KEEP_HYPHEN


def normalise(raw: str) -> CleanText:
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    pieces: list[tuple[str, int, int, bool]] = []  # text, indent, md level, page break
    for page_index, page in enumerate(raw.split(PAGE_BREAK)):
        first_on_page = page_index > 0
        for raw_line in page.split("\n"):
            expanded = raw_line.translate(_INVISIBLE).expandtabs(4)
            indent = len(expanded) - len(expanded.lstrip(" \u00a0"))
            text = _SPACES.sub(" ", expanded).strip()
            level = 0
            heading = _MD_HEADING.match(text)
            if heading:
                level, text = len(heading.group(1)), heading.group(2)
            pieces.append((text, indent, level, first_on_page))
            first_on_page = first_on_page and not text

    warnings: list[str] = []
    keep = [True] * len(pieces)

    # Running heads and feet: short non-structural lines that recur with only digits changing.
    keys = Counter(_norm_key(text) for text, *_ in pieces if text)
    near_page_edge = _page_edges(pieces)
    has_pages = any(brk for *_x, brk in pieces)
    dropped_heads: list[str] = []
    previous = ""
    nonblank = [i for i, piece in enumerate(pieces) if piece[0]]
    first_lines = nonblank[2] if len(nonblank) > 2 else len(pieces)
    for index, (text, _indent, _level, _brk) in enumerate(pieces):
        before, previous = previous, (text or previous)
        if not text or len(text) > 100 or _STRUCTURAL.match(text):
            continue
        if has_pages and index not in near_page_edge:
            continue
        if _CONTAINER_LINE.match(before):
            continue  # a Part's title on the line below "PART 2" is not a running head
        key = _norm_key(text)
        if len(key) < 6 or keys[key] < 2 or (index <= first_lines and not has_pages):
            continue
        shouting = sum(ch.isupper() for ch in text) >= 0.6 * sum(ch.isalpha() for ch in text)
        # Without page breaks (plain text) only shouted lines are taken for running heads, so
        # a section heading that repeats a Part's title is never lost.
        if shouting or (has_pages and keys[key] >= 3):
            keep[index] = False
            dropped_heads.append(text)
    if dropped_heads:
        warnings.append(
            f"dropped {len(dropped_heads)} repeated page header/footer lines "
            f"(e.g. '{dropped_heads[0]}')"
        )

    page_numbers = junk = 0
    for index, (text, *_rest) in enumerate(pieces):
        if not keep[index] or not text:
            continue
        if _PAGE_NUMBER.match(text) and not re.fullmatch(r"[ivxlc]+", text, re.IGNORECASE):
            keep[index] = False
            page_numbers += 1
        elif _is_junk(text) and not _STRUCTURAL.match(text):
            keep[index] = False
            junk += 1
    if page_numbers:
        warnings.append(f"dropped {page_numbers} bare page-number lines")
    if junk:
        warnings.append(f"dropped {junk} OCR junk lines (punctuation or stray characters only)")

    kept = [list(piece) for piece, ok in zip(pieces, keep, strict=True) if ok]

    # Words hyphenated across a line break are joined on the first line.
    words = Counter(re.findall(r"[a-z]+(?:-[a-z]+)*", " ".join(p[0] for p in kept).lower()))
    joined = 0
    for index in range(len(kept) - 1):
        text = kept[index][0]
        nxt = kept[index + 1][0]
        match = re.search(r"([A-Za-z]+)-$", text)
        if not match or not nxt or not nxt[0].islower():
            continue
        head, _, rest = nxt.partition(" ")
        tail = re.match(r"[a-z]+", head)
        if not tail or not _join_hyphen(match.group(1), tail.group(0), words):
            continue
        # Punctuation stuck to the word's end travels with it ("in-" + "terior," -> "interior,").
        moved = head if re.fullmatch(r"[a-z]+[.,;:)\]]*", head) else tail.group(0)
        kept[index][0] = text[:-1] + moved
        kept[index + 1][0] = (head[len(moved) :] + (" " + rest if rest else "")).strip()
        joined += 1
    if joined:
        warnings.append(f"joined {joined} words hyphenated across line breaks")

    # Assemble: at most one blank line in a row, none at either end.
    lines: list[Line] = []
    chunks: list[str] = []
    pos = 0
    blank_pending = False
    for text, indent, level, brk in kept:
        if not text:
            blank_pending = bool(lines)
            continue
        if lines:
            sep = "\n\n" if blank_pending else "\n"
            chunks.append(sep)
            pos += len(sep)
        blank_pending = False
        lines.append(Line(pos, pos + len(text), text, indent, level, brk))
        chunks.append(text)
        pos += len(text)
    return CleanText(text="".join(chunks), lines=lines, warnings=warnings)
