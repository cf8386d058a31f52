"""Source bytes -> syntax tree, or located diagnostics. Never raises on bad input."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lark import Lark, Token
from lark.exceptions import (
    LarkError,
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedInput,
    UnexpectedToken,
)
from lark.indenter import DedentError, Indenter
from rapidfuzz import process

from modellaw.diagnostics import Diagnostic, Severity, Span
from modellaw.dsl.syntax import FileSyntax, to_syntax

GRAMMAR = Path(__file__).with_name("modellaw.lark")
MAX_BYTES = 4 * 1024 * 1024
MAX_INDENT_LEVELS = 8

DECLARATIONS = ("include", "model", "instrument", "requirement", "part", "provision", "waive")
VERBS = ("requires", "recommends")
MODES = ("all", "any", "clause", "absence", "number")

# How the parser's terminal names read to a drafter.
EXPECTED_WORDS = {
    "KIND": "a declaration (provision, requirement, part, instrument, model, waive)",
    "INCLUDE": "include",
    "_NL": "the end of the line",
    "_INDENT": "an indented block",
    "_DEDENT": "less indentation",
    "STRING": 'a quoted "title"',
    "LONG_STRING": 'a """text block"""',
    "IDENT": "an identifier such as offence.trafficking or tip.3.a",
    "KEY": "an attribute keyword (text, implements, see, ...)",
    "VERB": "requires or recommends",
    "MODE": "all, any, clause, absence or number",
    "NUMBER": "a number",
    "WORD": "a word",
    "OP": "a comparison (>=, <=, ==, >, <)",
    "COLON": "':'",
    "COMMA": "','",
    "LPAR": "'('",
    "RPAR": "')'",
    "FOR": "for",
    "FULL": "full",
    "NUMBER_KW": "number",
    "$END": "the end of the file",
}


class _Indenter(Indenter):
    NL_type = "_NL"
    OPEN_PAREN_types = ["LPAR"]
    CLOSE_PAREN_types = ["RPAR"]
    INDENT_type = "_INDENT"
    DEDENT_type = "_DEDENT"
    tab_len = 4


@dataclass
class ParseResult:
    path: str
    text: str
    syntax: FileSyntax | None
    diagnostics: list[Diagnostic] = field(default_factory=list)


@lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(
        GRAMMAR.read_text(encoding="utf-8"),
        parser="lalr",
        postlex=_Indenter(),
        propagate_positions=True,
        maybe_placeholders=True,
        lexer_callbacks={"COMMENT": _on_comment, "_NL": _on_newline},
    )


def _diag(code: str, message: str, span: Span, **kw: object) -> Diagnostic:
    return Diagnostic(code=code, severity=Severity.ERROR, message=message, span=span, **kw)


def decode_source(data: bytes, path: str) -> tuple[str | None, list[Diagnostic]]:
    """Bytes -> text, or a diagnostic saying why the file cannot be a DSL file."""
    whole = Span.whole_file(path)
    if len(data) > MAX_BYTES:
        return None, [_diag("P003", f"file is too large ({len(data)} bytes; the limit is "
                            f"{MAX_BYTES} bytes)", whole,
                            help="split the model law into several files joined with include")]
    if b"\x00" in data:
        return None, [_diag("P001", "this is a binary file, not a modellaw source file", whole,
                            help="modellaw files are plain UTF-8 text ending in .mlaw")]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        return None, [_diag("P002", "the file is not valid UTF-8", Span(path, line, col),
                            help="save the file as UTF-8 (most editors offer it under 'Save as')")]
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _word_at(text: str, line: int, col: int) -> str:
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    m = re.match(r"[^\s,():\"]+", lines[line - 1][col - 1 :])
    return m.group(0) if m else ""


def _suggest(word: str, choices: tuple[str, ...]) -> str | None:
    if not word:
        return None
    best = process.extractOne(word.lower(), choices, score_cutoff=70)
    return best[0] if best else None


def _expected_text(expected: set[str]) -> str:
    names = sorted({EXPECTED_WORDS.get(e, e.lower()) for e in expected if not e.startswith("__")})
    if not names:
        return ""
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " or " + names[-1]


def _from_lark_error(err: LarkError, text: str, path: str) -> Diagnostic:
    if isinstance(err, DedentError):
        m = re.search(r"line (\d+)", str(err))
        line = int(m.group(1)) if m else 1
        return _diag("P013", "this line's indentation does not match any enclosing block",
                     Span(path, line, 1),
                     help="indent attributes by two spaces under their declaration, and "
                          "element concepts by four")
    if isinstance(err, UnexpectedEOF):
        lines = text.rstrip("\n").split("\n")
        return _diag("P012", "the file ends in the middle of a declaration",
                     Span(path, len(lines), len(lines[-1]) + 1),
                     help=f"expected {_expected_text(set(err.expected))}")
    assert isinstance(err, UnexpectedInput)
    line, col = err.line, err.column
    if line is None or line < 1:
        line, col = 1, 1
    word = _word_at(text, line, col)
    if isinstance(err, UnexpectedCharacters):
        expected = set(err.allowed or ())
        char = text[err.pos_in_stream] if err.pos_in_stream < len(text) else ""
        if char == '"' and text.count('"""', err.pos_in_stream) % 2 == 1:
            return _diag("P014", 'this text block is never closed with """', Span(path, line, col),
                         help='end the block with """ on a line of its own')
        if char == '"':
            return _diag("P014", "this string is never closed", Span(path, line, col),
                         help='close the string with " on the same line, or use """ for text '
                              "that spans lines")
    else:
        assert isinstance(err, UnexpectedToken)
        expected = set(err.expected or ())
        tok: Token = err.token
        if tok.type == "_INDENT":
            return _diag("P013", "unexpected indentation", Span(path, line, col),
                         help="only attribute and element lines are indented, under a "
                              "declaration")
        if tok.type == "$END":
            return _from_lark_error(UnexpectedEOF(list(expected)), text, path)
    code, message, suggestion = "P011", f"unexpected '{word or text[err.pos_in_stream:][:1]}'", None
    end_col = col + max(len(word), 1)
    if expected & {"KIND", "INCLUDE"} and col == 1:
        suggestion = _suggest(word, DECLARATIONS)
        code, message = "P015", f"unknown declaration '{word}'"
    elif "MODE" in expected or "NUMBER_KW" in expected:
        suggestion = _suggest(word, MODES)
        code, message = "P016", f"unknown element kind '{word}'"
    elif "VERB" in expected and "KEY" in expected and word[:1].isalpha():
        suggestion = _suggest(word, VERBS)
        code = "P017"
        message = f"unexpected '{word}' where an attribute or element line was expected"
    elif isinstance(err, UnexpectedCharacters):
        code = "P010"
    return _diag(code, message, Span(path, line, col, line, end_col),
                 suggestion=suggestion,
                 help=f"expected {_expected_text(expected)}" if expected else None)


def _chunks(text: str) -> list[tuple[int, str]]:
    """Split at declarations (lines that start in column 0), keeping line numbers."""
    starts = [0]
    lines = text.split("\n")
    in_long = False
    for i, ln in enumerate(lines):
        if i and not in_long and ln[:1] not in ("", " ", "\t", "#"):
            starts.append(i)
        if ln.count('"""') % 2 == 1:
            in_long = not in_long
    starts.append(len(lines))
    return [(a, "\n" * a + "\n".join(lines[a:b]) + "\n") for a, b in zip(starts, starts[1:], strict=False)]


_collected: list[tuple[int, int, str]] = []


def _on_comment(tok: Token) -> Token:
    _collected.append((tok.line, tok.column, str(tok)))
    return tok


def _on_newline(tok: Token) -> Token:
    # Whole-line comments live inside newline tokens (see the grammar).
    if "#" in tok:
        line = tok.line
        for part in str(tok).split("\n")[1:]:
            line += 1
            stripped = part.lstrip(" \t")
            if stripped.startswith("#"):
                _collected.append((line, len(part) - len(stripped) + 1, stripped))
    return tok


def _run(text: str) -> tuple[object, list[tuple[int, int, str]]]:
    _collected.clear()
    tree = _parser().parse(text)
    # The lexer may see a token more than once while it looks ahead; keep each once.
    comments = sorted(set(_collected))
    _collected.clear()
    return tree, comments


def _too_deep(text: str, path: str) -> Diagnostic | None:
    for i, ln in enumerate(text.split("\n"), start=1):
        depth = len(ln) - len(ln.lstrip(" "))
        if depth > MAX_INDENT_LEVELS * 4 and not ln.lstrip().startswith("#"):
            return None  # deep indentation inside text blocks is fine; the parser decides
    if text.count("(") > 10000:
        return _diag("P003", "too many parentheses to be a model-law file", Span(path, 1, 1))
    return None


def parse_text(text: str, path: str) -> ParseResult:
    """Parse one file's text. Several errors are reported when the file has several."""
    if not text.strip():
        d = Diagnostic("P004", Severity.WARNING, "the file is empty", Span.whole_file(path),
                       help="add a provision, or remove the file")
        return ParseResult(path, text, FileSyntax(path, [], []), [d])
    deep = _too_deep(text, path)
    if deep:
        return ParseResult(path, text, None, [deep])
    src = text if text.endswith("\n") else text + "\n"
    try:
        tree, comments = _run(src)
    except LarkError as first:
        diags = []
        for _, chunk in _chunks(src):
            try:
                _run(chunk)
            except LarkError as e:
                diags.append(_from_lark_error(e, src, path))
            except RecursionError:
                diags.append(_diag("P003", "the file nests too deeply", Span(path, 1, 1)))
        if not diags:
            diags = [_from_lark_error(first, src, path)]
        return ParseResult(path, text, None, _dedupe(diags))
    except RecursionError:
        return ParseResult(path, text, None,
                           [_diag("P003", "the file nests too deeply", Span(path, 1, 1))])
    return ParseResult(path, text, to_syntax(tree, path, comments), [])


def _dedupe(diags: list[Diagnostic]) -> list[Diagnostic]:
    seen, out = set(), []
    for d in diags:
        key = (d.code, d.span.line, d.span.col)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


def parse_bytes(data: bytes, path: str) -> ParseResult:
    text, diags = decode_source(data, path)
    if text is None:
        return ParseResult(path, "", None, diags)
    return parse_text(text, path)


def parse_file(path: str | Path) -> ParseResult:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        reason = e.strerror or type(e).__name__
        return ParseResult(str(path), "", None,
                           [_diag("P005", f"cannot read the file: {reason}",
                                  Span.whole_file(str(path)))])
    return parse_bytes(data, str(path))
