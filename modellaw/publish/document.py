"""The model law laid out as a document: plain data that every output format renders.

Numbers, anchors, cross-reference targets and the annex are decided here once, so the
markdown, HTML and Word outputs cannot disagree about them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from modellaw.dsl.model import ModelLaw

# A provision id written in square brackets inside model text: `[offence.trafficking]`.
# Placeholders such as `[State]` have no dot and are left alone.
_REF = re.compile(r"\[([a-z][a-z0-9_\-]*(?:\.[a-z0-9][a-z0-9_\-]*)+)\]")
# Words after which a reference prints as a bare number: "section [x]" -> "section 4".
_SECTION_WORD = re.compile(r"(?i)\b(?:sections?|ss?\.)\s*$")
# Between two references of one list: "sections [x] and [y]" -> "sections 4 and 5".
_LIST_GLUE = re.compile(r"(?i)^\s*(?:,|and|or|to|,\s*and|,\s*or)\s*$")
# A subsection or paragraph marker at the start of a line: (1), (2A), (a), (iv).
_MARKER = re.compile(r"^\((\d+[A-Za-z]?|[a-z]{1,5})\)\s+")


def section_anchor(pid: str) -> str:
    return f"sec-{pid}"


def part_anchor(part_id: str) -> str:
    return f"part-{part_id}"


TITLE_ANCHOR = "title"
CONTENTS_ANCHOR = "contents"
ANNEX_ANCHOR = "annex"
NO_PART = "other"


@dataclass
class Ref:
    """A link to a section. `bare` prints the number alone (the text already says "section")."""

    target: str
    number: int
    bare: bool = False

    @property
    def anchor(self) -> str:
        return section_anchor(self.target)

    @property
    def text(self) -> str:
        return str(self.number) if self.bare else f"section {self.number}"


Inline = list[str | Ref]


@dataclass
class Block:
    """One paragraph or one subsection: `level` 0 is a top-level paragraph or subsection."""

    level: int
    label: str | None
    inline: Inline


@dataclass
class Alternative:
    tradition: str
    blocks: list[Block]


@dataclass
class Section:
    id: str
    number: int
    title: str
    optional: bool
    blocks: list[Block]
    implements: list[str]
    see: list[Ref] = field(default_factory=list)
    alternatives: list[Alternative] = field(default_factory=list)
    commentary: list[Block] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return section_anchor(self.id)

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}"


@dataclass
class PartDoc:
    id: str
    number: int
    title: str
    summary: str | None
    sections: list[Section] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return part_anchor(self.id)

    @property
    def heading(self) -> str:
        return f"Part {self.number}: {self.title}"


@dataclass
class AnnexRow:
    section: int
    provision: str
    provision_title: str
    requirement: str
    instrument: str
    article: str

    @property
    def anchor(self) -> str:
        return section_anchor(self.provision)


@dataclass
class Document:
    title: str
    version: str | None
    summary: list[Block]
    parts: list[PartDoc]
    annex: list[AnnexRow]

    @property
    def sections(self) -> list[Section]:
        return [s for p in self.parts for s in p.sections]


ANNEX_TITLE = "Annex: provisions and the instrument articles they implement"
CONTENTS_TITLE = "Contents"
COMMENTARY_LABEL = "Commentary"
OPTIONAL_NOTE = "Optional provision: a State may leave this section out."


def alternative_label(tradition: str) -> str:
    return f"Alternative wording ({tradition})"


def link_refs(text: str, numbers: dict[str, int]) -> Inline:
    """Split text at `[provision.id]` references to known provisions."""
    out: Inline = []
    pos = 0
    prev: Ref | None = None
    for m in _REF.finditer(text):
        pid = m.group(1)
        if pid not in numbers:
            continue  # not a provision: printed as written
        before = text[pos:m.start()]
        bare = bool(_SECTION_WORD.search(text[:m.start()][-40:])) or (
            prev is not None and prev.bare and bool(_LIST_GLUE.match(before)))
        if before:
            out.append(before)
        prev = Ref(pid, numbers[pid], bare)
        out.append(prev)
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


def split_blocks(text: str, numbers: dict[str, int]) -> list[Block]:
    """Model text -> paragraphs and subsections, nested as the indentation nests them.

    Wrapped lines are joined. A blank line ends a paragraph; so does a line that comes
    back to (or left of) the indentation its paragraph opened at, as in a hanging-indent
    list of definitions. Words after a list that close the sentence above it keep the
    list's depth, as drafters write them.
    """
    lines = text.replace("\r\n", "\n").split("\n")

    def indent(s: str) -> int:
        return len(s) - len(s.lstrip(" "))

    raw: list[list] = []  # [level, label, text]
    stack: list[int] = []  # opener indents of the blocks that enclose the next line
    opener = cont = -1  # current block: indent of its first line, of its wrapped lines
    prev = ""
    current: list | None = None

    def open_block(ind: int, label: str | None, body: str) -> list:
        while stack and stack[-1] >= ind:
            stack.pop()
        block = [len(stack), label, body]
        stack.append(ind)
        raw.append(block)
        return block

    for ln in lines:
        if not ln.strip():
            current = None
            prev = ""
            continue
        ind = indent(ln)
        body = " ".join(ln.split())
        m = _MARKER.match(body)
        hanging = ind > opener and (cont < 0 or ind >= cont)
        # Prose may wrap flush with its first line; a subsection's wrapped lines hang.
        flush = (ind == opener and cont in (-1, opener) and current is not None
                 and current[1] is None and not prev.endswith((":", ";", "; or", "; and")))
        if m:
            current = open_block(ind, m.group(0).strip(), body[m.end():])
            opener, cont = ind, -1
        elif current is not None and (hanging or flush):
            current[2] += " " + body
            cont = ind if cont < 0 else cont
        else:
            current = open_block(ind, None, body)
            opener, cont = ind, -1
        prev = body
    return [Block(lv, label, link_refs(t, numbers)) for lv, label, t in raw]


def build_document(model: ModelLaw) -> Document:
    numbers = model.numbering()
    parts: list[PartDoc] = []
    by_part: dict[str, PartDoc] = {}
    for i, p in enumerate(model.parts, start=1):
        pd = PartDoc(p.id, i, p.title, p.summary)
        parts.append(pd)
        by_part[p.id] = pd
    annex: list[AnnexRow] = []
    for prov in model.ordered_provisions():
        pd = by_part.get(prov.part or "")
        if pd is None:  # a provision outside every declared part still gets printed
            pd = by_part.get(NO_PART) or PartDoc(NO_PART, len(parts) + 1, "Other provisions",
                                                 None)
            if NO_PART not in by_part:
                parts.append(pd)
                by_part[NO_PART] = pd
        n = numbers[prov.id]
        sec = Section(
            id=prov.id, number=n, title=prov.title, optional=prov.optional,
            blocks=split_blocks(prov.text, numbers),
            implements=[model.resolve(r) or r for r in prov.implements],
            see=[Ref(s, numbers[s]) for s in prov.see if s in numbers],
            alternatives=[Alternative(k, split_blocks(v, numbers))
                          for k, v in prov.alternatives.items()],
            commentary=split_blocks(prov.commentary or "", numbers),
            sources=list(prov.sources),
        )
        pd.sections.append(sec)
        seen: set[str] = set()
        for rid in sec.implements:
            if rid in seen:
                continue
            seen.add(rid)
            req = model.requirements.get(rid)
            inst_id = req.instrument if req else rid.split(".")[0]
            inst = model.instruments.get(inst_id)
            inst_label = (inst.short or inst.name) if inst else inst_id
            annex.append(AnnexRow(n, prov.id, prov.title, rid, inst_label,
                                  (req.article if req and req.article else "")))
    summary = split_blocks(model.summary or "", numbers)
    return Document(model.title, model.version, summary, parts, annex)
