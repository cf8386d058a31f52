"""Cut normalised statute text into the tree of units a lawyer cites."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace

from modellaw.statutes.cleanup import Line
from modellaw.statutes.definitions import QUOTED_DEFINITION
from modellaw.statutes.headings import body_like, heading_shaped, is_plain_heading, short_title
from modellaw.statutes.instruments import name_instrument, split_instruments
from modellaw.statutes.markers import Marker, choose_type, first_value, is_inserted, successor
from modellaw.statutes.model import Instrument, Unit

_ORDINALS = "FIRST|SECOND|THIRD|FOURTH|FIFTH|SIXTH|SEVENTH|EIGHTH|NINTH|TENTH"
_NUM = r"(\d{1,4}[A-Z]{0,2}(?:-?(?:bis|ter|quater|quinquies))?)"
_DASH = r"(?:[-–—:.]\s*)?"

# Containers numbered in words, in capitals or title case ("CHAPTER ONE", "Chapter Eighteen").
_NUMBER_WORDS = (
    "One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen "
    "Fifteen Sixteen Seventeen Eighteen Nineteen Twenty"
).split()
_WORD_NUMBER = "|".join(w.upper() for w in _NUMBER_WORDS) + "|" + "|".join(_NUMBER_WORDS)
_CONTAINER = re.compile(
    r"^(PART|Part|CHAPTER|Chapter|DIVISION|Division|TITLE|Title|BOOK|Book|SUB-?PART|Subpart)"
    rf"\s+([IVXLC]+|\d{{1,3}}[A-Z]?|[A-Z]|{_WORD_NUMBER})"
    r"\b\.?\s*(?:[-–—:.]+\s*)?(.*)$"
)
_CONTAINER_RANK = {
    "title": 0,
    "book": 0,
    "part": 1,
    "subpart": 2,
    "sub-part": 2,
    "chapter": 2,
    "division": 3,
}
_CONTAINER_KIND = {
    "title": "part",
    "book": "part",
    "part": "part",
    "subpart": "division",
    "sub-part": "division",
    "chapter": "chapter",
    "division": "division",
}
# Civil codes fall into a "GENERAL PART" and a "SPECIAL PART".
_NAMED_PART = re.compile(r"^(GENERAL|SPECIAL|General|Special)\s+(?:PART|Part)$")
_SCHEDULE_LINE = re.compile(
    rf"^(?:[-*•]\s*)?((?:THE\s+)?(?:(?:{_ORDINALS})\s+)?SCHEDULE(?:\s+(?:\d+|[IVX]+))?)\b"
    r"\s*(?:[-–—:.]\s*)?(.*)$",
    re.IGNORECASE,
)
_SCHEDULE_INLINE = re.compile(
    rf"\b((?:(?:{_ORDINALS.title()})\s+)?Schedule)\s*\((?:Sections?|sections?|ss?\.|Regulations?|"
    r"Articles?|Paragraphs?)\b"
)
# "Section 12" (Westminster) on its own line under "SCHEDULE", and a schedule paragraph
# numbered without a point ("1 Any offence at common law of murder ...").
_SCHEDULE_SECTIONS = re.compile(r"^(?:Sections?|ss?\.)\s+\d+[A-Z]?(?:\s*(?:,|and)\s*\d+[A-Z]?)*$")
_SCHEDULE_PARA = re.compile(r"^(\d{1,3})\s+([A-Z].*)$")
# "(Section 2)" on the line under "SCHEDULE": the sections that refer to it.
_SCHEDULE_REFERENCE = re.compile(
    r"^\((?:Sections?|sections?|ss?\.|Regulations?|Articles?|Paragraphs?)\b[^()]*\)$"
)
# Nordic codes insert "Section 3 a" between 3 and 4: cited "3a".
_SECTION_WORD = re.compile(
    rf"^(?:SECTION|Section|SEC\.|Sec\.|s\.)\s*(\d{{1,4}}\s[a-z](?=\s+[-–—])|{_NUM[1:-1]})"
    r"\s*[.:]?\s*(?:[-–—]+\s*)?(.*)$"
)
# A US state code: "Sec. 20A.02. TRAFFICKING OF PERSONS. (a) A person commits ...".
_STATE_SECTION = re.compile(r"^(?:Sec\.|SEC\.)\s*(\d{1,4}[A-Z]{0,2}\.\d{1,4}[A-Z]{0,2})\.\s+(.*)$")
# A heading in capitals run into the text: "TRAFFICKING OF PERSONS. (a) A person ...".
_CAPS_RUN_IN = re.compile(r"^([A-Z][A-Z0-9 ,'’&/-]{2,100}[A-Z])\.\s+(\S.*)$")
_SECTION_SIGN = re.compile(r"^§+\s*(\d{1,5}[A-Za-z]{0,2}(?:-\d+)?)\.?\s*(.*)$")
# "Art. 56.021" and "Art. 7B.001" in a US state's Code of Criminal Procedure.
# Codes in the Romanian manner number inserted articles with a superscript: "Article 165¹".
_ARTICLE_NUM = (r"\d{1,4}(?:[A-Z]?\.\d{1,4}[A-Za-z]?)?(?:-\d+)*"
                r"(?:\s?(?:bis|ter|quater|quinquies))?[A-Za-z]?[¹²³⁴⁵⁶⁷⁸⁹⁰]{0,3}")
# "Article 3", "Art. 225-4-1", "Article 12 bis", and the Gulf translations' "Article (3)".
# "Article 5 of the Protocol is set out in the Schedule" cites an article in running text.
# A consolidation's note on an article's history: "Art. 182: Amended by No. I 1 of ...".
_AMENDMENT_NOTE = re.compile(
    r"^Art(?:icle|\.)\s*\S+:\s*(?:Amended|Inserted|Repealed|Replaced|Wording)\b")
_RUNNING_ON = re.compile(r"(?:of|to|in|and|or|shall|is|are|applies|provides)\b")
_ARTICLE = re.compile(
    r"^(?:ARTICLE|Article|ARTICULO|Artículo|Art\.|ART\.)\s*"
    rf"(?:\(\s?({_ARTICLE_NUM})\s?\)|({_ARTICLE_NUM}|[IVXLC]+)\b)\.?\s*"
    r"(?:[-–—:]+\s*)?(.*)$"
)
# "Explanation 2.—", "Explanation.—", "Exception.—", "Illustrations" opening a line.
_EXPLANATION = re.compile(
    r"^(Explanation|Exception|Illustrations?)(?:\s+(\d{1,2}|[IVX]{1,4}))?"
    r"(?:\s*\.?\s*[—–-]+|\.?\s*$)")
# South Asian codes run the heading into the section after its number, closed by ".—".
_DASHED_SECTION = re.compile(r"^\d{1,4}[A-Z]{0,2}\.\s+[A-Z][^.\n]{2,120}\.\s?[—–]")
_NUMBERED = re.compile(rf"^{_NUM}\s*\.(?!\d)\s*(?:[-–—]+\s*)?(.*)$")
# Codes that number sections within their division: "271.2 Offence of trafficking",
# "279.01 (1) Every person who ...". The text after the number opens with a capital or a
# subsection, so "1.5 million dollars" at the start of a line is not a section.
_DECIMAL = re.compile(r"^(\d{1,4}\.\d{1,3}[A-Z]{0,2})\s+(?:[-–—]+\s*)?([A-Z(].*)$")
# The same drafting numbers the Act's own sections without a point: "1 Short title".
_UNDOTTED_TITLE = r"\s+([A-Z](?:[^.;:]|:(?=\s\w)){2,80})$"
_UNDOTTED = re.compile(r"^(\d{1,3}[A-Z]{0,2})" + _UNDOTTED_TITLE)
# A section an amending Act inserts keeps the lettered number it will have in the Act it
# amends, without a point: "143A Interpretation", "61B Temporary permits for victims".
_INSERTED_UNDOTTED = re.compile(r"^(\d{1,4}[A-Z]{1,2})" + _UNDOTTED_TITLE)
_TOC = re.compile(
    r"^(?:ARRANGEMENT OF (?:SECTIONS|PROVISIONS|ARTICLES)|TABLE OF CONTENTS|CONTENTS)$", re.I
)
_ENACTING = re.compile(
    r"(?:be it (?:therefore )?enacted|(?:hereby|is) enacted as follows|enacts as follows|"
    r"^an act to\b|^whereas\b)",
    re.IGNORECASE,
)
_PAREN_MARKER = re.compile(r"\(\s?(\d{1,3}[A-Z]{0,2}|[a-z]{1,5}|[A-Z]{1,5})\s?\)")
# A heading in parentheses alone on its line: "(Trafficking in persons)".
_PAREN_HEADING = re.compile(r"\(([A-Z][^()\n]{1,100})\)")
_ARTICLE_PAREN_HEADING = re.compile(r"Article\s+\d+[\w-]*\s+\([A-Z][^()]*\)\s*$")
_ADDENDA = re.compile(r"^ADDEND(?:A|UM)\b", re.M)
# A heading run into the article after its dash, closed by a full stop.
_RUN_IN_HEADING = re.compile(r"^([A-Z][^.\n]{2,80})\.\s+(\S.*)$")
_DASHED_ARTICLE = re.compile(r"^\S+\s+\S+?\.?\s*[-–—]")
# "1. The term ..." opening a subparagraph: the definition is the subparagraph itself.
_POINT_BEFORE = re.compile(r"(?:^|\n)\d{1,2}\.\s*$")
# The words that close a list of items and state the penalty or the offence, on a line of
# their own after the last item: ";\nshall be punished", ",\ncommits an offence".
_LIST_CLOSING = re.compile(
    r"[;,]\s*\n(?=(?:shall|commits?|is|are|will)\b[^\n]{0,60}?\b(?:punish\w*|liable|guilty|"
    r"offen[cs]es?|sentenced|imprison\w*)\b)")
_DOT_MARKER = re.compile(r"^(\d{1,3}|[a-z]{1,2}|[ivxlc]{1,6})\.(?:\s|$)")
# "Note." / "Notes. 1." opening a line at the foot of a code article, and its numbered notes.
_NOTES = re.compile(r"^Notes?\.\s", re.M)
_NOTE_NUMBER = re.compile(r"(?:^|(?<=Notes\. ))(\d{1,2})\.\s", re.M)
# Civil-law translations letter (or number) their items "a)", "1)" at the start of a line.
# The opening quotation mark of each line of a quoted insertion: no other quotation mark
# follows on the line, except one closing the whole insertion at its end.
_OPENING_QUOTE = re.compile(
    r'^["\u201c\u00ab]\s*(?=[^"\u201c\u201d\u00ab\u00bb]*["\u201d\u00bb]?\s*$)')
# Alpine codes open each paragraph of an article with a superscript numeral: "² If ...".
_SUPERSCRIPT_MARKER = re.compile(r"^([¹²³⁴⁵⁶⁷⁸⁹][⁰¹²³⁴⁵⁶⁷⁸⁹]?)\s")
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_HALF_PAREN_MARKER = re.compile(r"^(\d{1,2}|[a-z]|[ivxlc]{1,6})\)\s")
_REFERENCE = re.compile(
    r"(?:\b(?:sub-?)?(?:sections?|paragraphs?|sub-?paragraphs?|clauses?|sub-?clauses?|items?|"
    r"articles?|arts?\.|regulations?|rules?|ss?\.|paras?\.|subpara\.|of)\s*(?:\d+[A-Za-z]*\s*)?"
    r"|\d\s*)(?:\(\s?\w{1,5}\s?\)\s*)*(?:(?:,|and|or|to|through|-|–)\s*(?:\(\s?\w{1,5}\s?\)\s*)+)*$",
    re.IGNORECASE,
)
_INLINE_OK = re.compile(r"(?:[—–:;.,\]]|\b(?:and|or))\s*$")
_HEADING_INLINE_START = re.compile(
    r"^([A-Z][a-z]+(?:\s+(?:[a-z]+|[A-Z][a-z]+)){1,7})\s+(?=\(1\)\s|[-–—]\s)"
)
_HEADING_INLINE_MID = re.compile(
    r"(?<=[:;]\s)([A-Z][a-z]+(?:\s+[a-z]+){1,5})\s+"
    r"(?=(?:Where|Whoever|Any|If|When|Notwithstanding|Subject to)\b)"
)
_REPEALED = re.compile(
    r"^\W*(?:(?:\[\s*)?(?:repealed|deleted|omitted|spent)\b|\[?\s*(?:section|s\.|article|art\.)"
    r"\s*\w+\s+(?:deleted|repealed|omitted)"
    # "371. [Habitual dealing in slaves.] Omitted by section 6 of Act No. 9 of 2017."
    r"|\[[^\]\n]{1,120}\]\s*(?:repealed|deleted|omitted)\b)",
    re.IGNORECASE,
)
_SCHEDULE_WORDS = {w.lower() for w in _ORDINALS.split("|")}
# The formula that closes an enacted text: its approval, promulgation and signatures.
_PROMULGATION = re.compile(
    r"(?:Approved|Adopted|Passed) (?:by|in) the (?:National Assembly|Parliament|Congress)"
    r"|Promulgated\b|Let it be published|Done at\b|Given (?:at|under)\b"
    r"|ISSUED IN THE|REFER TO THE EXECUTIVE|LET IT BE PUBLISHED")


@dataclass
class _Token:
    kind: str  # part|chapter|division|section|article|schedule|para|heading
    label: str
    heading: str | None
    start: int
    body_start: int
    indent: int = 0
    rank: int = 10
    inferred: bool = False
    style: str = "common"  # common|us|civil
    number: int | None = None


@dataclass
class _Open:
    unit: Unit
    rank: int


@dataclass
class Segmentation:
    units: list[Unit]
    warnings: list[str] = field(default_factory=list)
    contents: list[tuple[int, int]] = field(default_factory=list)  # arrangement of sections
    instruments: list[Instrument] = field(default_factory=list)  # when a file holds several


def _heading_like(text: str, limit: int = 120) -> bool:
    text = text.strip()
    return (
        0 < len(text) <= limit
        and not re.search(r"(?<!etc)[.;,:—–-]\s*$", text.rstrip(")]"))
        and not text[0].islower()
        and not _PAREN_MARKER.match(text)
        and not re.search(r"\b(?:means|shall|is|are|may)\b", text)
    )


def _section_number(label: str) -> int | None:
    digits = re.match(r"\d+", label)
    return int(digits.group(0)) if digits else None


def _title_case(word: str) -> str:
    return " ".join(part.capitalize() if part.isupper() else part for part in word.split())


def _run_in_heading(token: _Token, heading: re.Match[str] | None, line: Line) -> _Token:
    """A heading run into the text after the number (group 1, the text in group 2) is the
    unit's heading, unless it already has one: "Art. 56.021. RIGHTS OF VICTIM OF
    TRAFFICKING. (a) A victim ...", "ARTICLE 47.- Trafficking in persons. Whoever ..."."""
    if token.heading is None and heading is not None:
        token.heading = heading.group(1)
        token.body_start = line.end - len(heading.group(2))
    return token


def _unquoted(line: Line) -> Line:
    """A line of an amending Act's quoted insertion ('"Article 448-1. - Trafficking ...'),
    read without its opening quotation mark; a quoted term ('"child" means') is kept."""
    m = _OPENING_QUOTE.match(line.text)
    if m is None:
        return line
    return replace(line, start=line.start + m.end(), text=line.text[m.end():])


class _Segmenter:
    def __init__(self, text: str, lines: list[Line]) -> None:
        self.text = text
        self.lines = [_unquoted(line) for line in lines]
        lines = self.lines
        self.warnings: list[str] = []
        self.contents: list[tuple[int, int]] = []  # spans of an arrangement of sections
        self.line_starts = {line.start for line in lines}
        self._starts = [line.start for line in lines]  # sorted: lines come in text order
        self.indent_at = {line.start: line.indent for line in lines}
        self.article_mode = False  # set by classify()
        self.sign_mode = False
        self.decimal_mode = False
        self.undotted_mode = False
        self.points_mode = False

    # ---- line classification -------------------------------------------------------------

    def _adjacent(self, first: Line, second: Line) -> bool:
        # One line break between them, and at most the opening quote of a quoted insertion.
        gap = self.text[first.end:second.start]
        return gap.count("\n") == 1 and gap.strip(" \n\"\u201c\u00ab") == ""

    def classify(self) -> list[_Token]:
        lines = self.lines
        numbered = [ln for ln in lines if (m := _NUMBERED.match(ln.text)) and m.group(1) != "0"]
        section_indent = min((ln.indent for ln in numbered), default=0)
        article_lines = [ln for ln in lines if _ARTICLE.match(ln.text)]
        # An extract of one article ("Article 3 - Trafficking" then "1.", "2.") is cut like
        # a code: its numbered lines are paragraphs of the article, not sections.
        self.article_mode = len(article_lines) >= 2 or (
            len(article_lines) == 1
            and all(ln.start > article_lines[0].start for ln in numbered))
        # In a code cut into "§ 232" sections, a bare "1." line is a numbered point of the
        # paragraph above it ("§ 232(1) no. 1"), never a section of its own.
        signs = sum(1 for ln in lines if _SECTION_SIGN.match(ln.text))
        self.sign_mode = signs >= 2
        # East Asian drafting ("Article 5 (Trafficking in Persons)", paragraphs "(1)"):
        # a "1." line is a subparagraph, cited "Art. 6(1) no. 2" (or "Art. 6(1) 2.").
        self.points_mode = (
            sum(1 for ln in article_lines if _ARTICLE_PAREN_HEADING.match(ln.text)) >= 2
            and sum(1 for ln in lines if re.match(r"\(\d{1,2}\)\s", ln.text)) >= 3)
        self.decimal_mode = sum(1 for ln in lines if _DECIMAL.match(ln.text)) >= 2
        # Westminster Acts print "1 Slavery, servitude and forced labour" without a point;
        # believed when such lines count up from 1 and outnumber "1." lines.
        undotted = [int(m.group(1)) for ln in lines
                    if (m := re.match(r"(\d{1,3})\s", ln.text)) and _UNDOTTED.match(ln.text)]
        self.undotted_mode = (self.decimal_mode or (
            len(undotted) >= 3 and undotted[:2] == [1, 2] and len(undotted) > len(numbered)))
        decimals_seen: set[str] = set()
        tokens: list[_Token] = []
        consumed: set[int] = self._contents_lines(section_indent)
        last_number: int | None = None
        in_schedule = False
        for index, line in enumerate(lines):
            if index in consumed:
                continue
            nxt = lines[index + 1] if index + 1 < len(lines) else None
            token = self._classify_line(line, nxt, section_indent)
            if token is None and in_schedule and self.undotted_mode:
                para = _SCHEDULE_PARA.match(line.text)
                if para:
                    token = _Token("section", para.group(1), None, line.start,
                                   line.end - len(para.group(2)), indent=line.indent)
            if token is not None and token.kind == "section" and token.style == "common":
                number = _section_number(token.label)
                sequence_ok = (
                    in_schedule
                    or last_number is None
                    or (number is not None and (last_number < number <= last_number + 40))
                    # A code extract skips whole chapters, but "195B. Heading.—Whoever ..."
                    # is a section however far it jumps.
                    or (number is not None and number > last_number
                        and _DASHED_SECTION.match(line.text) is not None)
                    or (number == last_number and token.label[-1].isalpha())
                    # 271.3 follows 271.2 in the same division; Canadian 279.011 falls between
                    # 279.01 and 279.02, so the part after the point is not compared.
                    or (number == last_number and "." in token.label
                        and token.label not in decimals_seen)
                )
                bare = _NUMBERED.match(line.text) is not None
                if number == 0 or not sequence_ok or self.article_mode or (self.sign_mode and bare):
                    token = None
                else:
                    last_number = number
                    if "." in token.label:
                        decimals_seen.add(token.label)
            if token is None:
                inline = _SCHEDULE_INLINE.search(line.text)
                if inline and inline.start() > 0:
                    token = self._schedule_token(
                        inline.group(1),
                        line.start + inline.start(),
                        line.start + inline.end(),
                        None,
                    )
                if token is None:
                    continue
            if token.kind == "schedule":
                in_schedule = True
                if token.heading is None and token.start == line.start:
                    self._schedule_title(token, index, consumed, section_indent)
            if (token.kind == "article" and token.heading is None and nxt is not None
                    and token.body_start >= line.end and self._adjacent(line, nxt)):
                # Lusophone and East Asian drafting: "Article 5" with "(Trafficking in
                # persons)" on the line below.
                paren = _PAREN_HEADING.fullmatch(nxt.text.strip())
                if paren:
                    token.heading = paren.group(1)
                    token.body_start = nxt.end
                    consumed.add(index + 1)
            if token.kind in ("section", "article", "para") and token.heading is None:
                token = self._heading_from_previous(token, index, consumed, tokens)
            if token.kind in ("part", "chapter", "division") and not token.heading and nxt:
                if (
                    self._adjacent(line, nxt)
                    and _heading_like(nxt.text, 90)
                    and not (self._classify_line(nxt, None, section_indent))
                ):
                    token.heading = nxt.text
                    token.body_start = nxt.end
                    consumed.add(index + 1)
            tokens.append(token)
            # An inline schedule later on the same line (e.g. after a deleted section).
            if token.kind != "schedule":
                inline = _SCHEDULE_INLINE.search(line.text, token.body_start - line.start)
                if inline and inline.start() > 0:
                    tokens.append(
                        self._schedule_token(
                            inline.group(1),
                            line.start + inline.start(),
                            line.start + inline.end(),
                            None,
                        )
                    )
                    in_schedule = True
        # The transitional articles of East Asian Acts restart at 1 under "ADDENDA".
        addenda = _ADDENDA.search(self.text)
        if addenda:
            for token in tokens:
                if token.kind == "article" and token.start > addenda.start():
                    token.label = "Addenda " + token.label
        return tokens

    def _heading_from_previous(
        self, token: _Token, index: int, consumed: set[int], tokens: list[_Token]
    ) -> _Token:
        """A marginal-note heading on the line just above "3.—(1) ..." (Singapore style)."""
        if index == 0:
            return token
        prev = self.lines[index - 1]
        if index - 1 in consumed or not self._adjacent(prev, self.lines[index]):
            return token
        if tokens and tokens[-1].start >= prev.start:
            return token
        # Commonwealth marginal notes often end in a full stop ("Trafficking in persons."),
        # on a line of their own after a blank line; a body line before the next section
        # ("Text.") does not.
        text = prev.text
        alone = index < 2 or not self._adjacent(self.lines[index - 2], prev)
        if alone and text.endswith(".") and "." not in text[:-1]:
            text = text[:-1]
        if _heading_like(text, 100) and not _NUMBERED.match(prev.text):
            token.heading = text
            token.start = prev.start
        return token

    def _schedule_title(
        self, token: _Token, index: int, consumed: set[int], section_indent: int
    ) -> None:
        """A title line under "SCHEDULE" (and its "(Section 2)" line) names the schedule.

        Left alone it would become the heading of the schedule's first paragraph.
        """
        lines = self.lines
        at = index + 1
        if at < len(lines) and (
            (self._adjacent(lines[at - 1], lines[at])
             and _SCHEDULE_REFERENCE.match(lines[at].text))
            or _SCHEDULE_SECTIONS.match(lines[at].text)
        ):
            consumed.add(at)  # "Section 12" under "SCHEDULE" names who refers to it
            at += 1
        if at + 1 >= len(lines):
            return  # a title needs the schedule's body below it
        title = lines[at]
        if (
            # a title in capitals may stand a blank line below "FIRST SCHEDULE (s. 25)"
            (self._adjacent(lines[at - 1], title) or title.text.isupper())
            and _heading_like(title.text, 90)
            and self._classify_line(title, None, section_indent) is None
        ):
            token.heading = title.text
            token.body_start = title.end
            consumed.add(at)

    def _schedule_token(
        self, word: str, start: int, body_start: int, heading: str | None
    ) -> _Token:
        label = _title_case(re.sub(r"^(?:the)\s+", "", word.strip(), flags=re.I))
        label = " ".join(
            w.capitalize() if w.lower() in _SCHEDULE_WORDS or w.lower() == "schedule" else w
            for w in label.split()
        )
        return _Token("schedule", label, heading, start, body_start, rank=0)

    def _classify_line(self, line: Line, nxt: Line | None, section_indent: int) -> _Token | None:
        text = line.text
        start = line.start

        def body(rest: str) -> int:
            return line.end - len(rest)

        named = _NAMED_PART.match(text)
        if named:
            label = f"{named.group(1).title()} Part"
            return _Token("part", label, None, start, line.end, rank=_CONTAINER_RANK["part"])
        match = _CONTAINER.match(text)
        if match and (not match.group(3) or len(match.group(3)) <= 100):
            word = match.group(1).lower()
            rest = match.group(3).strip()
            if rest and re.search(r"[.;,]$", rest) and not line.md_level:
                return None  # a sentence that starts with "Part 2 ..."
            if re.match(r"(?:and|or|to|of)\b", rest):
                return None  # "Chapter 5 and Articles 34 to 36: 1 July 2016", a note
            number = match.group(2)
            label = f"{match.group(1).capitalize()} {number}"
            return _Token(
                _CONTAINER_KIND[word],
                label,
                rest or None,
                start,
                body(rest),
                rank=_CONTAINER_RANK[word],
            )
        match = _SCHEDULE_LINE.match(text)
        if match:
            rest = match.group(2).strip()
            if not rest or rest.startswith("(") or _heading_like(rest) or line.md_level:
                # "(s. 9(2))": the sections that refer to it, brackets and all.
                heading = re.sub(r"^\((?:[^()]|\([^()]*\))*\)\s*", "", rest) or None
                return self._schedule_token(match.group(1), start, body(rest), heading)
        match = _SECTION_SIGN.match(text)
        if match:
            rest = match.group(2).strip()
            return _Token("section", match.group(1), rest or None, start, line.end, style="us")
        match = _STATE_SECTION.match(text)
        if match:
            token = self._numbered_token("section", match.group(1), match.group(2), line, nxt)
            token.style = "inserted"  # numbered within its chapter: no running sequence
            return _run_in_heading(token, _CAPS_RUN_IN.match(match.group(2).strip()), line)
        match = _SECTION_WORD.match(text)
        if match:
            number = match.group(1).replace(" ", "")
            return self._numbered_token("section", number, match.group(2), line, nxt)
        match = _ARTICLE.match(text)
        if match and not _RUNNING_ON.match(match.group(3)) and not _AMENDMENT_NOTE.match(text):
            number = match.group(1) or match.group(2)
            token = self._numbered_token("article", number, match.group(3), line, nxt)
            token.label = "Art. " + re.sub(r"\s+", " ", number)
            token.style = "civil"
            # Central American decrees: "ARTICLE 47.- Trafficking in persons. Whoever ...".
            run_in = _RUN_IN_HEADING.match(match.group(3)) if _DASHED_ARTICLE.match(text) else None
            if run_in is None or not _heading_like(run_in.group(1), 80):
                run_in = _CAPS_RUN_IN.match(match.group(3).strip())
            return _run_in_heading(token, run_in, line)
        match = ((_DECIMAL.match(text) if self.decimal_mode else None)
                 or (_UNDOTTED.match(text) if self.undotted_mode else None))
        if match and line.indent <= section_indent:
            return self._numbered_token("section", match.group(1), match.group(2), line, nxt)
        match = _INSERTED_UNDOTTED.match(text) if not self.article_mode else None
        if match and line.indent <= section_indent:
            token = self._numbered_token("section", match.group(1), match.group(2), line, nxt)
            token.style = "inserted"  # numbered in the amended Act, outside this one's sequence
            return token
        match = _NUMBERED.match(text)
        if match and line.indent <= section_indent:
            return self._numbered_token("section", match.group(1), match.group(2), line, nxt)
        return None

    def _numbered_token(
        self, kind: str, label: str, rest: str, line: Line, nxt: Line | None
    ) -> _Token:
        rest = rest.strip()
        heading = None
        body_start = line.end - len(rest)
        split = re.match(r"^(.{3,120}?)\.\s*[-–—]+\s*(.*)$", rest)
        if split and not _PAREN_MARKER.match(rest):
            heading = split.group(1)
            body_start = line.end - len(split.group(2))
        elif (
            rest
            and nxt is not None
            and (
                _heading_like(rest)
                or (short_title(rest) and self._adjacent(line, nxt) and body_like(nxt.text))
            )
        ):
            heading = rest
            body_start = line.end
        if heading and _PAREN_HEADING.fullmatch(heading):
            heading = heading[1:-1]  # "Article 5 (Trafficking in Persons)"
        token = _Token(kind, label, heading, line.start, body_start, indent=line.indent)
        token.number = _section_number(label)
        return token

    # ---- numbers lost (OCR): headings become the labels --------------------------------

    def heading_tokens(self) -> list[_Token]:
        """Markdown '#' headings, and headings run into their first line."""
        first = self._after_enacting_words()
        tokens: list[_Token] = []
        for line in self.lines[first:]:
            text = line.text
            if line.md_level:
                tokens.append(_Token("section", text, text, line.start, line.end, inferred=True))
                continue
            # A heading run into the line's start, else one in its middle.
            match = _HEADING_INLINE_START.match(text) or _HEADING_INLINE_MID.search(text)
            if match:
                heading = match.group(1)
                tokens.append(
                    _Token(
                        "section",
                        heading,
                        heading,
                        line.start + match.start(),
                        line.start + match.end(),
                        inferred=True,
                    )
                )
        return tokens

    def plain_heading_tokens(self) -> list[_Token]:
        """Headings on lines of their own, without '#' marks (plain OCR text)."""
        first = self._after_enacting_words()
        tokens: list[_Token] = []
        lines = self.lines
        for index in range(first, len(lines)):
            line = lines[index]
            prev = lines[index - 1] if index > first else None
            nxt = lines[index + 1] if index + 1 < len(lines) else None
            blank_before = prev is None or not self._adjacent(prev, line)
            before = prev.text if prev is not None else None
            if self._classify_line(line, nxt, 0) is not None:
                continue  # "Part II", "Article 5 — ...": structure, not a lost number
            if is_plain_heading(line.text, before, nxt.text if nxt else None, blank_before):
                tokens.append(
                    _Token("section", line.text, line.text, line.start, line.end, inferred=True)
                )
                continue
            # "Protection of victims (1) A victim ..." with the heading run into the body.
            match = _HEADING_INLINE_START.match(line.text)
            if match and heading_shaped(match.group(1)):
                body = line.text[match.end() :]
                if is_plain_heading(match.group(1), before, body, blank_before):
                    heading = match.group(1)
                    tokens.append(
                        _Token(
                            "section",
                            heading,
                            heading,
                            line.start,
                            line.start + match.end(),
                            inferred=True,
                        )
                    )
        return tokens

    def _after_enacting_words(self) -> int:
        """Index of the first line after "It is hereby enacted ..." (in the first half)."""
        first = 0
        for index, line in enumerate(self.lines):
            if _ENACTING.search(line.text) and index < len(self.lines) * 0.5:
                first = index + 1
        return first

    # ---- table of contents ---------------------------------------------------------------

    def _contents_lines(self, section_indent: int) -> set[int]:
        """Line indexes of an arrangement of sections, which repeats the labels of the Act."""
        toc = next((i for i, ln in enumerate(self.lines) if _TOC.match(ln.text)), None)
        if toc is None:
            return set()
        seen: set[tuple[str, str]] = set()
        end = toc + 1
        while end < len(self.lines):
            line = self.lines[end]
            if _ENACTING.search(line.text):
                break
            token = self._classify_line(line, None, section_indent)
            if token is not None:
                key = (token.kind, token.label)
                if key in seen:
                    break
                seen.add(key)
            end += 1
        if not seen:
            return set()
        self.warnings.append(
            f"skipped the arrangement of sections ({len(seen)} entries) before the enacted text"
        )
        self.contents = [(self.lines[toc].start, self.lines[end - 1].end)]
        return set(range(toc, end))

    # ---- the tree ------------------------------------------------------------------------

    def build(self) -> list[Unit]:
        tokens = self.classify()
        explicit = sum(1 for t in tokens if t.kind in ("section", "article"))
        md_headings = sum(1 for ln in self.lines if ln.md_level)
        if explicit < 2:
            # Marked-up headings are trusted when there are enough of them; otherwise plain
            # heading lines are looked for, and at least three are needed to believe them.
            if md_headings >= 3:
                fallback = self.heading_tokens()
            else:
                fallback = self.plain_heading_tokens()
                if len(fallback) < 3:
                    fallback = []
                else:
                    # Parts and schedules were recognised by their words, so they stay.
                    containers = [t for t in tokens if t.kind not in ("section", "article")]
                    fallback = [
                        t
                        for t in fallback
                        if not any(c.start <= t.start < c.body_start for c in containers)
                    ] + containers
            if fallback:
                tokens = _unique_labels(fallback)
                headed = sum(1 for t in tokens if t.inferred)
                self.warnings.append(
                    f"section numbers not found (lost in OCR?): {headed} units are labelled "
                    "by their headings; cite them by heading"
                )
        tokens.sort(key=lambda t: t.start)
        if not tokens:
            self.warnings.append(
                "no sections, articles or headings recognised: the whole text is one unit"
            )
            end = len(self.text)
            return [Unit("1", "section", None, 0, end, inferred=True)] if end else []

        roots: list[Unit] = []
        stack: list[_Open] = []
        bodies: list[tuple[Unit, _Token]] = []
        schedule: str | None = None
        part_in_schedule: str | None = None

        def close_to(rank: int, at: int) -> None:
            while stack and stack[-1].rank >= rank:
                stack.pop().unit.end = at

        for token in tokens:
            if token.kind == "schedule":
                close_to(0, token.start)
                schedule, part_in_schedule = token.label, None
                unit = Unit(token.label, "schedule", token.heading, token.start, len(self.text))
                roots.append(unit)
                stack.append(_Open(unit, 0))
                bodies.append((unit, token))
                continue
            if token.kind in ("part", "chapter", "division"):
                label = token.label
                if schedule:
                    label = f"{schedule} {label}"
                    part_in_schedule = label
                    rank = max(token.rank, 1)
                else:
                    rank = token.rank
                close_to(rank, token.start)
                unit = Unit(label, token.kind, token.heading, token.start, len(self.text))
                (stack[-1].unit.children if stack else roots).append(unit)
                stack.append(_Open(unit, rank))
                continue
            kind, label = token.kind, token.label
            # A code enacted as a schedule ("The Schedule may be cited as the Criminal Code")
            # numbers its sections within divisions: "271.2" is cited alone.
            if schedule and kind == "section" and "." not in token.label:
                kind, label = "paragraph", f"{part_in_schedule or schedule} para {token.label}"
            close_to(10, token.start)
            unit = Unit(
                label, kind, token.heading, token.start, len(self.text), inferred=token.inferred
            )
            (stack[-1].unit.children if stack else roots).append(unit)
            stack.append(_Open(unit, 10))
            bodies.append((unit, token))
        close_to(-1, len(self.text))

        for unit, token in bodies:
            self._trim(unit)
            unit.children.extend(
                self._subdivide(unit, token, schedule_unit=token.kind == "schedule")
            )
        for unit, token in bodies:
            if token.kind in ("section", "article"):
                self._explanations(unit)
        for unit in _walk(roots):
            self._trim(unit)
        self._mark_repealed(roots, {id(u): t for u, t in bodies})
        _qualify_repeated_containers(roots)
        return roots

    def _explanations(self, section: Unit) -> None:
        """South Asian codes close a section with "Explanation 1.—", "Exception.—" and
        "Illustrations": each is a unit of the section, cited "370 Expl. 2" or "370D
        Exception". Illustrations show how the rule applies and state none themselves."""
        found = [(line.start, m) for line in self._lines_in(section.start + 1, section.end)
                 if (m := _EXPLANATION.match(line.text)) is not None]
        if not found:
            return
        parts: list[Unit] = []
        for k, (start, m) in enumerate(found):
            # It runs to the next explanation, or to the subsection after it: "(3)" may
            # follow an Explanation of the proviso to (2).
            end = min([found[k + 1][0] if k + 1 < len(found) else section.end,
                       *(c.start for c in section.children if c.start > start)])
            word = m.group(1)
            name = ("Illus." if word.startswith("Illustration")
                    else "Expl." if word == "Explanation" else word)
            label = f"{section.label} {name}" + (f" {m.group(2)}" if m.group(2) else "")
            kind = "illustration" if name == "Illus." else "paragraph"
            parts.append(Unit(label, kind, None, start, end))
        for part in parts:
            # A subsection running on over the explanation ends where it begins.
            for unit in _walk(section.children):
                if unit.start < part.start < unit.end:
                    unit.end = part.start
            # What the markers made of the explanation's own text moves into it.
            inside = [c for c in section.children if part.start <= c.start < part.end]
            section.children = [c for c in section.children if c not in inside]
            for c in inside:
                c.label = part.label + c.label[c.label.rfind("("):] if "(" in c.label else c.label
            part.children = inside
        section.children = sorted([*section.children, *parts], key=lambda u: u.start)

    def _lines_in(self, start: int, end: int) -> list[Line]:
        """The lines that start in [start, end): asked once per unit, so found by bisection."""
        return self.lines[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def _trim(self, unit: Unit) -> None:
        while unit.end > unit.start and self.text[unit.end - 1].isspace():
            unit.end -= 1

    def _mark_repealed(self, roots: list[Unit], tokens: dict[int, _Token]) -> None:
        for unit in _walk(roots):
            token = tokens.get(id(unit))
            body_start = token.body_start if token else unit.start
            body = self.text[body_start : unit.end].lstrip()
            body = (
                _PAREN_MARKER.sub("", body[:12], count=1) + body[12:]
                if body.startswith("(")
                else body
            )
            heading = (unit.heading or "").strip()
            if (
                heading.strip("[]. ").lower() in ("repealed", "deleted", "omitted", "***")
                and (not body or _REPEALED.match(body[:160]) or heading != "***")
                or _REPEALED.match(heading)
                or _REPEALED.match(body[:160])
            ):
                unit.repealed = True

    # ---- subsections, paragraphs ... -----------------------------------------------------

    def _markers(
        self, start: int, end: int, unit_indent: int, dotted_ok: bool = False
    ) -> list[Marker]:
        text = self.text
        found: list[Marker] = []
        # List style "1." / "a." / "i." at the start of a more deeply indented line.
        for line in self._lines_in(start, end):
            match = _DOT_MARKER.match(line.text)
            if match and (line.indent > unit_indent or self.article_mode or dotted_ok):
                found.append(
                    Marker(match.group(1), line.start, line.start + match.end(), True, dotted=True)
                )
                continue
            match = _HALF_PAREN_MARKER.match(line.text)
            if match:
                found.append(Marker(match.group(1), line.start, line.start + match.end(), True,
                                    closing=True))
                continue
            match = _SUPERSCRIPT_MARKER.match(line.text)
            if match:
                found.append(Marker(match.group(1).translate(_SUPERSCRIPTS), line.start,
                                    line.start + match.end(), True, superscript=True))
        last_end = -1
        for match in _PAREN_MARKER.finditer(text, start, end):
            pos = match.start()
            at_line = pos in self.line_starts or pos == start
            before = text[max(start, pos - 80) : pos]
            compound = pos == last_end or (
                text[last_end:pos].strip() == "" and last_end > 0 and pos - last_end <= 1
            )
            if not at_line and not compound:
                if pos > 0 and not text[pos - 1].isspace() and text[pos - 1] not in "—–-":
                    continue
                if _REFERENCE.search(before) or not _INLINE_OK.search(before):
                    continue
            found.append(Marker(match.group(1), pos, match.end(), at_line or compound))
            last_end = match.end()
        found.sort(key=lambda m: m.start)
        return found

    def _subdivide(self, unit: Unit, token: _Token, schedule_unit: bool) -> list[Unit]:
        body_start = max(token.body_start, unit.start)
        # Stop at the first child already in the tree (parts/paragraphs of a schedule).
        end = min([c.start for c in unit.children] + [unit.end])
        if body_start >= end:
            return []
        notes = self._notes(unit, body_start, end) if token.kind == "article" else []
        if notes:
            end = notes[0].start
        parts = self._parts(unit, token, schedule_unit, body_start, end)
        if not parts and token.kind == "article":
            parts = self._paragraphs(unit, body_start, end)
        return parts + notes

    def _paragraphs(self, unit: Unit, start: int, end: int) -> list[Unit]:
        """Unnumbered paragraphs of an article, set apart by blank lines, as civil-law
        lawyers cite them: "Art. 4, para. 3" (the unit "Art. 4 para. 3")."""
        spans = [(m.start(), m.end()) for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*",
                                                           self.text[start:end])]
        # The promulgation block after the last article ("Approved by the National Assembly
        # on ...", "Let it be published.") is no part of it.
        closing = next((i for i, (a, _b) in enumerate(spans)
                        if i and _PROMULGATION.match(self.text, start + a)), None)
        if closing is not None:
            unit.end = start + spans[closing - 1][1]
            spans = spans[:closing]
        if len(spans) < 2:
            return []
        return [Unit(f"{unit.label} para. {i}", "paragraph", None, start + a, start + b)
                for i, (a, b) in enumerate(spans, 1)]

    def _notes(self, unit: Unit, start: int, end: int) -> list[Unit]:
        """Notes at the foot of a code article ("Note. A person who ... shall be released
        from criminal liability"; "Notes. 1. ... 2. ..."): cited as "Art. 128, Note 2"."""
        head = _NOTES.search(self.text, start, end)
        if head is None:
            return []
        numbered = [m for m in _NOTE_NUMBER.finditer(self.text, head.end() - 3, end)]
        if not numbered or numbered[0].group(1) != "1":
            return [Unit(f"{unit.label} Note", "paragraph", None, head.start(), end)]
        out = []
        for i, m in enumerate(numbered):
            stop = numbered[i + 1].start() if i + 1 < len(numbered) else end
            out.append(Unit(f"{unit.label} Note {m.group(1)}", "paragraph", None,
                            max(m.start(), head.start()) if i else head.start(), stop))
        return out

    def _parts(self, unit: Unit, token: _Token, schedule_unit: bool, body_start: int,
               end: int) -> list[Unit]:
        us_style = token.style == "us"
        # Numbered points "1." under a § paragraph: a level of their own, "§ 232(1) no. 1".
        points = (us_style and self.sign_mode) or (token.kind == "article" and self.points_mode)
        markers = self._markers(body_start, end, token.indent, dotted_ok=points)
        if not markers:
            return []
        base = unit.label
        children: list[Unit] = []
        # Open levels: (type, last value, unit).
        levels: list[tuple[str, str, Unit]] = []
        seen: set[str] = set()
        # A new definition after "...;" closes the lettered lists of the previous one.
        def_starts = [
            m.start()
            for m in QUOTED_DEFINITION.finditer(self.text, body_start, end)
            if re.search(r"[;.:—–]\s*$", self.text[max(0, m.start() - 4) : m.start()])
            and not (points and _POINT_BEFORE.search(self.text, max(0, m.start() - 6), m.start()))
        ]
        previous_pos = body_start
        in_definitions = False
        for index, marker in enumerate(markers):
            crossed = [d for d in def_starts if previous_pos <= d < marker.start]
            previous_pos = marker.start
            if crossed:
                # Lists inside a list of definitions are cited through the definition
                # ("paragraph (a) of the definition of X"), so they are not units of their own.
                in_definitions = True
                cut = next((i for i, (t, _v, _u) in enumerate(levels) if t != "num"), len(levels))
                for _t, _v, closed in levels[cut:]:
                    closed.end = max(closed.start, crossed[0])
                del levels[cut:]
            following = markers[index + 1] if index + 1 < len(markers) else None
            kind = choose_type(marker, [(t, v) for t, v, _u in levels], following)
            if not kind:
                continue
            if points and marker.dotted and kind == "num":
                kind = "point"
            if marker.superscript:
                kind = "sup"  # paragraphs: the level above any "1." or "a." list
            if marker.closing and kind == "num":
                # "1)" items under "2." paragraphs (translations from Russian and Central
                # Asian drafting) are a level of their own: "Art. 13(2)(1)".
                kind = "item"
            if in_definitions:
                if kind != "num" or marker.dotted:
                    continue
                in_definitions = False
            open_types = [t for t, _v, _u in levels]
            if not marker.line_start:
                # Inline markers must continue a list or start one.
                plausible = marker.value == first_value(kind) or any(
                    t == kind
                    and (successor(t, v) == marker.value or is_inserted(t, marker.value, v))
                    for t, v, _u in levels
                )
                if not plausible:
                    continue
            if kind in open_types:
                depth = open_types.index(kind)
            else:
                depth = len(levels)
            parent_label = levels[depth - 1][2].label if depth > 0 else base
            if schedule_unit and depth == 0:
                label = f"{base} para ({marker.value})"
            elif kind == "point":
                label = f"{parent_label} no. {marker.value}"
            else:
                label = f"{parent_label}({marker.value})"
            if label in seen:
                continue  # a repeated list (e.g. inside definitions) is not a new unit
            for _t, _v, closed in levels[depth:]:
                closed.end = marker.start
            del levels[depth:]
            seen.add(label)
            heading = self._marker_heading(marker)
            child = Unit(
                label, self._kind(depth, kind, us_style, levels), heading, marker.start, end
            )
            (levels[-1][2].children if levels else children).append(child)
            levels.append((kind, marker.value, child))
        for child in _walk(children):
            self._trim(child)
            if child.kind != "subsection":
                # "e) taking advantage of ...;\nshall be punished with imprisonment ...": the
                # words closing a list belong to the sentence that opens it, not to its last item.
                close = _LIST_CLOSING.search(self.text, child.start, child.end)
                if close:
                    child.end = close.start() + 1
        return children

    def _kind(self, depth: int, kind: str, us_style: bool, levels: list) -> str:
        if kind == "point":
            return "paragraph" if depth <= 1 else "subparagraph"
        if depth == 0:
            return "subsection" if kind == "num" or us_style else "paragraph"
        if depth == 1 and levels and levels[0][0] == "num" and not us_style:
            return "paragraph"
        if depth == 1 and us_style:
            return "paragraph"
        return "subparagraph"

    def _marker_heading(self, marker: Marker) -> str | None:
        """US style: "(1) In general" alone on its line, with the text below."""
        if not marker.line_start:
            return None
        line_end = self.text.find("\n", marker.end)
        line_end = len(self.text) if line_end < 0 else line_end
        rest = self.text[marker.end : line_end].strip()
        following = self.text[line_end : line_end + 200].lstrip()
        if following and (_PAREN_MARKER.match(following) or _HALF_PAREN_MARKER.match(following)):
            return None  # the next line is a sibling item, so this one is text, not a heading
        if re.search(r"[;,]\s*(?:and|or)$", rest):
            return None  # "(e) the offence is committed abroad; and" runs on into the next item
        if rest and _heading_like(rest, 100) and following and not rest.endswith(")"):
            return rest
        return None


def _unique_labels(tokens: list[_Token]) -> list[_Token]:
    """A heading used twice ("Offences") labels its second unit "Offences [2]"."""
    seen: dict[str, int] = {}
    for token in tokens:
        if not token.inferred:
            continue  # Parts keep their own labels (a schedule's "Part I" is prefixed later)
        count = seen.get(token.label, 0) + 1
        seen[token.label] = count
        if count > 1:
            token.label = f"{token.label} [{count}]"
    return tokens


_CONTAINERS = ("part", "chapter", "division")


def _qualify_repeated_containers(roots: list[Unit]) -> None:
    """Chapters numbered afresh in each Title are cited with it: "Title II, Chapter I"."""
    nested: list[tuple[Unit, Unit]] = []

    def visit(units: list[Unit], parent: Unit | None) -> None:
        for u in units:
            if u.kind in _CONTAINERS and parent is not None and parent.kind in _CONTAINERS:
                nested.append((u, parent))
            visit(u.children, u)

    visit(roots, None)
    counts = Counter(u.label for u in _walk(roots) if u.kind in _CONTAINERS)
    for u, parent in nested:
        if counts[u.label] > 1:
            u.label = f"{parent.label}, {u.label}"


def _walk(units: list[Unit]):  # type: ignore[no-untyped-def]
    for unit in units:
        yield unit
        yield from _walk(unit.children)


def segment(text: str, lines: list[Line]) -> Segmentation:
    ranges = split_instruments(lines)
    if len(ranges) == 1:
        segmenter = _Segmenter(text, lines)
        units = segmenter.build()
        return Segmentation(units, segmenter.warnings, segmenter.contents)
    out = Segmentation([])
    for k, (a, b) in enumerate(ranges):
        region = lines[a:b]
        end = lines[b].start if b < len(lines) else len(text)
        # Each instrument is read alone, its text ending where the next begins.
        segmenter = _Segmenter(text[:end], region)
        units = segmenter.build()
        out.warnings += segmenter.warnings
        out.contents += segmenter.contents
        if not units:
            continue
        # The instrument's title stands above its first section, parts and chapters aside.
        first = next((u.start for u in _walk(units) if u.kind not in _CONTAINERS), end)
        header = [ln.text for ln in region if ln.start < first]
        title, names = name_instrument(header)
        name = names[0] if names else f"Instrument {k + 1}"
        prefix = "" if k == 0 else name
        if prefix:
            for u in _walk(units):
                u.label = f"{prefix} {'s. ' if u.label[:1].isdigit() else ''}{u.label}"
        inst = Unit(name, "instrument", title, units[0].start, end, children=units)
        while inst.end > inst.start and text[inst.end - 1].isspace():
            inst.end -= 1
        out.units.append(inst)
        out.instruments.append(Instrument(title, names, inst.start, inst.end, prefix))
    out.warnings.append(
        "read " + str(len(out.instruments)) + " instruments printed one after the other: "
        + "; ".join(f"{i.title} (cited {i.prefix or 'without a prefix'})"
                    for i in out.instruments))
    return out
