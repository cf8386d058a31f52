"""The model law as a Word document: real heading styles, a TOC field, bookmarks and links.

Word files are zip archives that carry dates twice (core properties and zip entry times);
both are fixed here so the same model always gives the same bytes.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime

from docx import Document as new_document
from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from modellaw.publish.document import (
    ANNEX_ANCHOR,
    ANNEX_TITLE,
    COMMENTARY_LABEL,
    CONTENTS_ANCHOR,
    CONTENTS_TITLE,
    OPTIONAL_NOTE,
    Block,
    Document,
    Inline,
    Ref,
    Section,
    alternative_label,
)

FIXED_DATE = datetime(2000, 1, 1, tzinfo=UTC)
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
SHADE = "EEF1F6"
ANNEX_HEADER = ("Section", "Provision", "Requirement", "Instrument", "Article")
# XML 1.0 forbids most control characters; python-docx would raise on them.
_BAD_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(s: str) -> str:
    return _BAD_XML.sub("", s)


class _Writer:
    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.word: WordDocument = new_document()
        self.bookmark_id = 0
        # Word bookmark names: a letter first, then letters, digits, underscores; <= 40 chars.
        self.names: dict[str, str] = {CONTENTS_ANCHOR: "contents", ANNEX_ANCHOR: "annex"}
        for p in doc.parts:
            self.names[p.anchor] = f"part_{p.number}"
            for s in p.sections:
                self.names[s.anchor] = f"sec_{s.number}"
        self._styles()

    # ---- styles and low-level pieces --------------------------------------------------

    def _styles(self) -> None:
        styles = self.word.styles
        names = {s.name for s in styles}
        normal = styles["Normal"]
        normal.font.name = "Cambria"
        normal.font.size = Pt(11)
        for name, indent in (("TOC 1", 0.0), ("TOC 2", 0.6)):
            if name not in names:
                st = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
                st.base_style = normal
                st.paragraph_format.left_indent = Cm(indent)
                st.paragraph_format.space_after = Pt(2)
        if "Hyperlink" not in names:
            st = styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
            st.font.color.rgb = RGBColor(0x2C, 0x4A, 0x7A)
            st.font.underline = True

    def _link(self, p: Paragraph, text: str, anchor: str) -> None:
        link = OxmlElement("w:hyperlink")
        link.set(qn("w:anchor"), self.names[anchor])
        link.set(qn("w:history"), "1")
        run = OxmlElement("w:r")
        rpr = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), "Hyperlink")
        rpr.append(style)
        run.append(rpr)
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = _clean(text)
        run.append(t)
        link.append(run)
        p._p.append(link)

    def _bookmark(self, p: Paragraph, anchor: str) -> None:
        self.bookmark_id += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self.bookmark_id))
        start.set(qn("w:name"), self.names[anchor])
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self.bookmark_id))
        ppr = p._p.pPr
        if ppr is not None:
            ppr.addnext(start)
        else:
            p._p.insert(0, start)
        p._p.append(end)

    def _field_char(self, kind: str) -> OxmlElement:
        run = OxmlElement("w:r")
        fc = OxmlElement("w:fldChar")
        fc.set(qn("w:fldCharType"), kind)
        run.append(fc)
        return run

    @staticmethod
    def _shade(p: Paragraph, fill: str) -> None:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), fill)
        p._p.get_or_add_pPr().append(shd)

    @staticmethod
    def _left_border(p: Paragraph, kind: str) -> None:
        borders = OxmlElement("w:pBdr")
        left = OxmlElement("w:left")
        left.set(qn("w:val"), kind)
        left.set(qn("w:sz"), "12")
        left.set(qn("w:space"), "8")
        left.set(qn("w:color"), "2C4A7A")
        borders.append(left)
        p._p.get_or_add_pPr().append(borders)

    def _inline(self, p: Paragraph, parts: Inline) -> None:
        for part in parts:
            if isinstance(part, Ref):
                self._link(p, part.text, part.anchor)
            else:
                p.add_run(_clean(part))

    def _heading(self, text: str, level: int, anchor: str | None) -> Paragraph:
        p = self.word.add_heading(_clean(text), level=level)
        if anchor:
            self._bookmark(p, anchor)
        return p

    def _blocks(self, blocks: list[Block], indent: float = 0.0, box: str | None = None,
                border: str | None = None) -> None:
        for b in blocks:
            p = self.word.add_paragraph()
            self._decorate(p, box, border)
            p.paragraph_format.left_indent = Cm(indent + 0.8 * b.level)
            if b.label:
                p.add_run(b.label + " ")
            self._inline(p, b.inline)

    def _decorate(self, p: Paragraph, box: str | None, border: str | None) -> None:
        # Word wants pPr children in schema order: pBdr, then shd, then ind. These are
        # appended to a fresh pPr; python-docx then inserts ind and keepNext in place.
        if border:
            self._left_border(p, border)
        if box:
            self._shade(p, box)

    def _label(self, text: str, indent: float, box: str | None, border: str | None) -> None:
        p = self.word.add_paragraph()
        self._decorate(p, box, border)
        p.paragraph_format.left_indent = Cm(indent)
        p.paragraph_format.keep_with_next = True
        p.add_run(_clean(text)).bold = True

    # ---- the document -------------------------------------------------------------------

    def title_page(self) -> None:
        d = self.doc
        self.word.add_paragraph(_clean(d.title), style="Title")
        if d.version:
            self.word.add_paragraph(_clean(f"Version {d.version}"), style="Subtitle")
        self._blocks(d.summary)
        self.word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def contents(self) -> None:
        self._heading(CONTENTS_TITLE, 1, CONTENTS_ANCHOR)
        entries: list[tuple[str, str, str]] = []
        for part in self.doc.parts:
            entries.append(("TOC 1", part.heading, part.anchor))
            entries += [("TOC 2", s.heading, s.anchor) for s in part.sections]
        entries.append(("TOC 1", ANNEX_TITLE, ANNEX_ANCHOR))
        # A real TOC field, so Word can refresh it with page numbers; its cached result
        # is the list of linked headings, so it reads well before any refresh.
        paras = []
        for style, text, anchor in entries:
            p = self.word.add_paragraph(style=style)
            self._link(p, text, anchor)
            paras.append(p)
        first, last = paras[0], paras[-1]
        instr_run = OxmlElement("w:r")
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = ' TOC \\o "1-2" \\h \\z \\u '
        instr_run.append(instr)
        anchor_el = first._p.pPr
        for el in (self._field_char("begin"), instr_run, self._field_char("separate")):
            anchor_el.addnext(el)
            anchor_el = el
        last._p.append(self._field_char("end"))
        self.word.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def section(self, s: Section) -> None:
        self._heading(s.heading, 2, s.anchor)
        if s.optional:
            self.word.add_paragraph().add_run(OPTIONAL_NOTE).italic = True
        self._blocks(s.blocks)
        for alt in s.alternatives:
            self._label(alternative_label(alt.tradition), 0.4, None, "dashed")
            self._blocks(alt.blocks, indent=0.4, border="dashed")
        if s.commentary:
            self._label(COMMENTARY_LABEL, 0.4, SHADE, "single")
            self._blocks(s.commentary, indent=0.4, box=SHADE, border="single")
        if s.see:
            p = self.word.add_paragraph()
            p.add_run("See also: ")
            for i, r in enumerate(s.see):
                if i:
                    p.add_run(", ")
                self._link(p, r.text, r.anchor)
            p.add_run(".")
        if s.implements:
            self.word.add_paragraph("Implements: " + ", ".join(s.implements) + ".")
        if s.sources:
            self.word.add_paragraph(_clean("Sources: " + "; ".join(s.sources) + "."))

    def body(self) -> None:
        for part in self.doc.parts:
            self._heading(part.heading, 1, part.anchor)
            if part.summary:
                self.word.add_paragraph().add_run(_clean(" ".join(part.summary.split()))).italic \
                    = True
            for s in part.sections:
                self.section(s)

    def annex(self) -> None:
        self._heading(ANNEX_TITLE, 1, ANNEX_ANCHOR)
        table = self.word.add_table(rows=1, cols=len(ANNEX_HEADER))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, ANNEX_HEADER, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        # Repeat the header row on every printed page.
        tr_pr = table.rows[0]._tr.get_or_add_trPr()
        header = OxmlElement("w:tblHeader")
        tr_pr.append(header)
        for r in self.doc.annex:
            cells = table.add_row().cells
            self._link(cells[0].paragraphs[0], str(r.section), r.anchor)
            for cell, text in zip(cells[1:], (r.provision, r.requirement, r.instrument,
                                              r.article), strict=True):
                cell.paragraphs[0].add_run(_clean(text))

    def properties(self) -> None:
        cp = self.word.core_properties
        cp.title = _clean(self.doc.title)
        cp.subject = "Model law"
        cp.author = "modellaw"
        cp.last_modified_by = "modellaw"
        cp.revision = 1
        cp.created = FIXED_DATE
        cp.modified = FIXED_DATE
        cp.last_printed = FIXED_DATE
        cp.version = _clean(self.doc.version or "")


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry dates and attributes, keeping the entry order."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            fixed.create_system = 3
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def render_docx(doc: Document) -> bytes:
    w = _Writer(doc)
    w.properties()
    w.title_page()
    w.contents()
    w.body()
    w.annex()
    buf = io.BytesIO()
    w.word.save(buf)
    return _deterministic_zip(buf.getvalue())
