"""Turn a statute file into raw text, choosing the reader by content as well as extension."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from modellaw.statutes.model import StatuteReadError

# Page breaks from PDF readers are kept as form feeds so clean-up can spot running heads.
PAGE_BREAK = "\f"

TEXT_EXTENSIONS = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"}
# Formats we know and cannot read, with what the user should do instead.
UNSUPPORTED = {
    ".doc": "old Word .doc files are not supported: save it as .docx (File > Save As), then retry",
    ".rtf": "RTF files are not supported: save it as .docx or .txt and try again",
    ".odt": "OpenDocument files are not supported: save it as .docx and try again",
    ".wpd": "WordPerfect files are not supported: save it as .docx and try again",
    ".xls": "spreadsheets are not statutes: export the text as .txt and try again",
    ".xlsx": "spreadsheets are not statutes: export the text as .txt and try again",
}


@dataclass
class RawDocument:
    text: str
    format: str  # txt|md|html|pdf|docx
    title: str | None = None  # from the document's own metadata (HTML <title>, PDF/DOCX info)
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


def read_raw(path: Path) -> RawDocument:
    if not path.exists():
        raise StatuteReadError(f"{path}: no such file; check the path and try again")
    if path.is_dir():
        raise StatuteReadError(f"{path}: is a directory; give the statute file itself")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StatuteReadError(
            f"{path}: cannot read the file ({exc.strerror}); check permissions"
        ) from exc
    ext = path.suffix.lower()
    if not data.strip():
        raise StatuteReadError(f"{path}: the file is empty; export the statute text again")

    sniffed = sniff(data)
    if sniffed == "doc" or (ext in UNSUPPORTED and sniffed in ("binary", "zip")):
        msg = UNSUPPORTED.get(ext) or UNSUPPORTED[".doc"]
        raise StatuteReadError(f"{path}: {msg}")
    if ext in UNSUPPORTED and sniffed not in ("text",):
        raise StatuteReadError(f"{path}: {UNSUPPORTED[ext]}")
    if sniffed == "binary" or sniffed == "zip":
        raise StatuteReadError(
            f"{path}: this is a binary file, not a statute; "
            "give a .txt, .md, .html, .pdf or .docx file"
        )

    warnings: list[str] = []
    fmt = sniffed if sniffed in ("pdf", "docx", "html") else _text_format(ext)
    expected = _format_for_extension(ext)
    if ext in UNSUPPORTED:
        # A text file that merely carries an unsupported extension: read it, but say so.
        warnings.append(f"file has extension {ext} but contains plain text; read as text")
    elif expected is None:
        warnings.append(f"unknown extension {ext or '(none)'}; read as {fmt} from its content")
    elif expected != fmt and not (expected in ("txt", "md") and fmt in ("txt", "md")):
        warnings.append(f"file has extension {ext} but its content is {fmt}; read as {fmt}")

    if fmt == "pdf":
        doc = _read_pdf(path, data)
    elif fmt == "docx":
        doc = _read_docx(path, data)
    else:
        text, encoding, enc_warnings = decode_text(path, data)
        warnings.extend(enc_warnings)
        if fmt == "html" or (fmt == "txt" and _looks_like_html(text)):
            doc = _read_html(text)
        else:
            doc = RawDocument(text=text, format=fmt)
        doc.encoding = encoding
    doc.warnings = warnings + doc.warnings
    if not doc.text.strip():
        raise StatuteReadError(
            f"{path}: no text found in the file; check that it holds the statute"
        )
    return doc


def _format_for_extension(ext: str) -> str | None:
    return {
        ".txt": "txt",
        ".text": "txt",
        ".md": "md",
        ".markdown": "md",
        ".html": "html",
        ".htm": "html",
        ".pdf": "pdf",
        ".docx": "docx",
    }.get(ext)


def _text_format(ext: str) -> str:
    return "md" if ext in (".md", ".markdown") else "txt"


def sniff(data: bytes) -> str:
    """Classify bytes: pdf|docx|doc|zip|html|text|binary."""
    head = data[:2048]
    if head.lstrip()[:5] == b"%PDF-":
        return "pdf"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"  # OLE2 container: legacy Word
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                if "word/document.xml" in zf.namelist():
                    return "docx"
        except zipfile.BadZipFile:
            return "binary"
        return "zip"
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return "text"
    if _utf16_without_bom(head) is not None:
        return "text"
    if b"\x00" in head:
        return "binary"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if head and controls / len(head) > 0.05:
        return "binary"
    lowered = head.lower()
    if b"<html" in lowered or b"<!doctype html" in lowered or b"<body" in lowered:
        return "html"
    return "text"


def _utf16_without_bom(head: bytes) -> str | None:
    if len(head) < 8:
        return None
    even_nuls = head[0::2].count(0) / max(1, len(head[0::2]))
    odd_nuls = head[1::2].count(0) / max(1, len(head[1::2]))
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


# Characters that Windows-1252 puts in 0x80-0x9F and which statute text really uses.
_CP1252_PLAUSIBLE = set("‘’“”–—…•€§°¶«»·")


def decode_text(path: Path, data: bytes) -> tuple[str, str, list[str]]:
    """Decode bytes; never silently wrong. Returns (text, encoding, warnings)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(path, data[3:], "utf-8"), "utf-8-sig", []
    if data.startswith(b"\xff\xfe"):
        return _strict(path, data[2:], "utf-16-le"), "utf-16-le", []
    if data.startswith(b"\xfe\xff"):
        return _strict(path, data[2:], "utf-16-be"), "utf-16-be", []
    bomless = _utf16_without_bom(data[:2048])
    if bomless:
        text = _strict(path, data, bomless)
        return (
            text,
            bomless,
            [f"no byte-order mark; read as {bomless.upper()} from its byte pattern"],
        )
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        high = [ch for ch in text if ord(ch) > 127]
        plausible = sum(1 for ch in high if ch in _CP1252_PLAUSIBLE or ch.isalpha())
        ascii_letters = sum(1 for ch in text if ch.isascii() and ch.isalpha())
        # Western text has accented letters as a minority; a text that is mostly "accented"
        # is another code page (e.g. Cyrillic 1251) read wrongly, so leave it to detection.
        if high and plausible / len(high) >= 0.9 and len(high) <= 0.3 * ascii_letters:
            return text, "windows-1252", []
    return _guess(path, data)


def _strict(path: Path, data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise StatuteReadError(
            f"{path}: the file says it is {encoding.upper()} but is not valid {encoding.upper()}; "
            "save it again as UTF-8 and try again"
        ) from exc


def _guess(path: Path, data: bytes) -> tuple[str, str, list[str]]:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise StatuteReadError(
            f"{path}: unreadable text encoding; save the file as UTF-8 and try again"
        )
    text = str(best)
    bad = sum(1 for ch in text if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\n\r\t\f"))
    if bad / max(1, len(text)) > 0.01:
        raise StatuteReadError(
            f"{path}: unreadable text encoding; save the file as UTF-8 and try again"
        )
    return (
        text,
        best.encoding,
        [
            f"text encoding guessed as {best.encoding}; check accented letters and quotes, "
            "or save the file as UTF-8"
        ],
    )


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<body" in head or "<!doctype html" in head


_BLOCK_TAGS = (
    "p",
    "div",
    "li",
    "tr",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "pre",
    "dt",
    "dd",
    "table",
    "ul",
    "ol",
)


def _read_html(markup: str) -> RawDocument:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup(["script", "style", "head", "nav", "noscript", "template"]):
        tag.decompose()
    # Headings become markdown headings so the segmenter sees them as headings.
    for level in range(1, 7):
        for tag in soup.find_all(f"h{level}"):
            tag.insert(0, "\n" + "#" * level + " ")
            tag.append("\n")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    for cell in soup.find_all(["td", "th"]):
        cell.insert_after(" ")
    body = soup.body or soup
    text = body.get_text("")
    return RawDocument(text=text, format="html", title=title or None)


def _read_pdf(path: Path, data: bytes) -> RawDocument:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            # Many gazette PDFs are "encrypted" only against editing, with an empty password.
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several types for unsupported ciphers
                ok = 0
            if not ok:
                raise StatuteReadError(
                    f"{path}: the PDF is encrypted (password-protected); "
                    "open it with the password and save an unprotected copy, then try again"
                )
        pages = [page.extract_text() or "" for page in reader.pages]
        info_title = None
        try:
            if reader.metadata and reader.metadata.title:
                info_title = str(reader.metadata.title).strip() or None
        except Exception:  # noqa: BLE001 - broken info dictionaries are common and harmless
            info_title = None
    except StatuteReadError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise StatuteReadError(
            f"{path}: the PDF is damaged and cannot be read ({exc}); "
            "export it again or save it as .docx"
        ) from exc
    if not any(re.search(r"\w", page) for page in pages):
        raise StatuteReadError(
            f"{path}: no text layer (scanned PDF: run OCR first, e.g. ocrmypdf, then try again)"
        )
    warnings = []
    empty = [str(i + 1) for i, page in enumerate(pages) if not re.search(r"\w", page)]
    if empty:
        warnings.append(
            f"PDF pages without a text layer (scanned?): {', '.join(empty[:10])}"
            + ("..." if len(empty) > 10 else "")
            + "; their text is missing, run OCR on them"
        )
    return RawDocument(
        text=PAGE_BREAK.join(pages), format="pdf", title=info_title, warnings=warnings
    )


def _read_docx(path: Path, data: bytes) -> RawDocument:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx wraps many zip/xml errors
        raise StatuteReadError(
            f"{path}: the Word file is damaged and cannot be read; open and save it again in Word"
        ) from exc
    lines: list[str] = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = docx.text.paragraph.Paragraph(child, document)
            lines.append(_docx_paragraph(para))
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            for row in table.rows:
                lines.append(" | ".join(cell.text.strip() for cell in row.cells))
    title = (document.core_properties.title or "").strip() or None
    return RawDocument(text="\n".join(lines), format="docx", title=title)


def _docx_paragraph(para) -> str:  # type: ignore[no-untyped-def]
    text = para.text
    style = (para.style.name if para.style is not None else "") or ""
    match = re.match(r"Heading (\d)", style)
    if match and text.strip():
        return "#" * int(match.group(1)) + " " + text.strip()
    if style == "Title" and text.strip():
        return "# " + text.strip()
    return text
