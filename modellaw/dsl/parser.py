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


class _IndentError(DedentError):
    """A line whose indentation matches no enclosing block, with where it happened."""

    def __init__(self, line: int, col: int) -> None:
        super().__init__(f"unexpected dedent at line {line}")
        self.line, self.col = line, col


class _Indenter(Indenter):
    NL_type = "_NL"
    OPEN_PAREN_types = ["LPAR"]
    CLOSE_PAREN_types = ["RPAR"]
    INDENT_type = "_INDENT"
    DEDENT_type = "_DEDENT"
    # The language indents by two spaces, so one tab stands for one level.
    tab_len = 2

    def __init__(self) -> None:
        super().__init__()
        self.tabs: list[tuple[int, int]] = []  # where a tab was used to indent

    def process(self, stream):  # noqa: ANN001, ANN201 - Lark's signature
        self.tabs = []
        return super().process(stream)

    def handle_NL(self, token: Token):  # noqa: ANN201, N802 - Lark's name
        # Like Lark's, but indent tokens carry the position of the indented line (not of
        # the end of the line before) so diagnostics point where the drafter looks.
        if self.paren_level > 0:
            return
        yield token
        indent_str = token.rsplit("\n", 1)[1]
        line = (token.end_line or token.line or 1)
        if "\t" in indent_str:
            self.tabs.append((line, indent_str.index("\t") + 1))
        indent = indent_str.count(" ") + indent_str.count("\t") * self.tab_len
        col = len(indent_str) + 1
        pos = (token.end_pos or 0)

        def tok(kind: str) -> Token:
            return Token(kind, indent_str, pos, line, col, line, col, pos)

        if indent > self.indent_level[-1]:
            self.indent_level.append(indent)
            yield tok(self.INDENT_type)
            return
        while indent < self.indent_level[-1]:
            self.indent_level.pop()
            yield tok(self.DEDENT_type)
        if indent != self.indent_level[-1]:
            raise _IndentError(line, col)


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
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [_diag("P002", "the file is saved as UTF-16", whole,
                            help="save it as UTF-8 (most editors offer it under 'Save as')")]
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


def _misspelt_verb(text: str, line: int) -> tuple[int, str, str] | None:
    """An indented line like `require all acts: x` that reads as an element gone wrong."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return None
    src = lines[line - 1]
    words = src.split()
    if not src[:1].isspace() or len(words) < 2 or ":" not in src or words[0] in VERBS:
        return None
    if words[1] not in MODES and not words[1].startswith(tuple(m[:2] for m in MODES)):
        return None
    best = process.extractOne(words[0].lower(), VERBS, score_cutoff=75)
    if not best:
        return None
    return _indent_of(src) + 1, words[0], best[0]


def _paren_diag(path: str, opened: tuple[int, int]) -> Diagnostic:
    return _diag("P014", "this '(' is never closed", Span(path, *opened),
                 help="close the list of variants with ')' before the next concept or line")


def _from_lark_error(err: LarkError, text: str, path: str) -> Diagnostic:
    if isinstance(err, DedentError):
        line, col = (err.line, err.col) if isinstance(err, _IndentError) else (1, 1)
        return _diag("P013", "this line's indentation does not match any enclosing block",
                     Span(path, line, col),
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
        opened = _unclosed_paren(text, line) if "RPAR" in expected else None
        if opened and opened[0] < line:
            return _paren_diag(path, opened)
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
        if "RPAR" in expected:
            opened = _unclosed_paren(text, line)
            if opened and (opened[0] < line or tok.type in ("_NL", "_DEDENT")):
                return _paren_diag(path, opened)
        if tok.type in ("_NL", "_DEDENT"):
            # The line stopped before it was complete: point just after its last word.
            lines = text.split("\n")
            if tok.type == "_DEDENT" or line > len(lines) or not lines[line - 1].strip():
                line = max((i for i in range(min(line, len(lines)) - 1, 0, -1)
                            if lines[i - 1].strip() and not lines[i - 1].lstrip().startswith("#")),
                           default=1)
            src_line = lines[line - 1] if line <= len(lines) else ""
            src_line = src_line.split(" #")[0].rstrip()
            return _diag("P012", "this line stops before it is complete",
                         Span(path, line, len(src_line) + 1),
                         help=f"expected {_expected_text(expected)}" if expected else None)
    shown = word or text[err.pos_in_stream:][:1]
    code, message, suggestion = "P011", f"unexpected '{shown}'", None
    end_col = col + max(len(word), 1)
    if expected & {"KIND", "INCLUDE"} and col == 1 and word[:1].isalpha():
        suggestion = _suggest(word, DECLARATIONS)
        code, message = "P015", f"unknown declaration '{word}'"
    elif "MODE" in expected or "NUMBER_KW" in expected:
        suggestion = _suggest(word, MODES)
        code, message = "P016", f"unknown element kind '{word}'"
    elif "VERB" in expected and "KEY" in expected and word[:1].isalpha():
        suggestion = _suggest(word, VERBS)
        code = "P017"
        message = f"unexpected '{word}' where an attribute or element line was expected"
    elif "STRING" in expected and text.split("\n")[line - 1].rstrip().endswith('"'):
        code, message = "P014", "the title has no opening quote"
        suggestion = f'"{text.split(chr(10))[line - 1][col - 1:].strip()}'
        return _diag(code, message, Span(path, line, col, line, end_col), suggestion=suggestion,
                     help='put the title between two double quotes: "Title"')
    elif (verb := _misspelt_verb(text, line)) is not None:
        start_col, first, suggestion = verb
        return _diag("P017", f"'{first}' is neither an attribute nor an element verb",
                     Span(path, line, start_col, line, start_col + len(first)),
                     suggestion=suggestion,
                     help="element lines start with requires or recommends")
    elif isinstance(err, UnexpectedCharacters):
        code = "P010"
    return _diag(code, message, Span(path, line, col, line, end_col),
                 suggestion=suggestion,
                 help=f"expected {_expected_text(expected)}" if expected else None)


_STRINGS = re.compile(r'"""(?:.|\n)*?"""|"(?:[^"\\\n]|\\.)*"|#[^\n]*')


def _unclosed_paren(text: str, line: int) -> tuple[int, int] | None:
    """Where the '(' still open at `line` was written, scanning from its declaration."""
    lines = text.split("\n")
    line = min(line, len(lines))
    first = next((i for i in range(line, 0, -1) if lines[i - 1][:1].strip()
                  and not lines[i - 1].startswith("#")), 1)
    # Blank out strings, text blocks and comments so their brackets do not count.
    chunk = "\n".join(lines[first - 1 : line])
    plain = _STRINGS.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), chunk)
    stack: list[tuple[int, int]] = []
    for i, ln in enumerate(plain.split("\n"), start=first):
        for j, ch in enumerate(ln, start=1):
            if ch == "(":
                stack.append((i, j))
            elif ch == ")" and stack:
                stack.pop()
    return stack[-1] if stack else None


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
    return [(a, "\n" * a + "\n".join(lines[a:b]) + "\n")
            for a, b in zip(starts, starts[1:], strict=False)]


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


MAX_ERRORS = 50


def _indent_of(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _recover(src: str, path: str) -> list[Diagnostic]:
    """Find as many errors as the file has: each declaration is parsed on its own, and
    after an error inside a declaration the offending line (with any lines indented under
    it) is blanked out and the declaration parsed again. Line numbers never move."""
    diags: list[Diagnostic] = []
    for start, chunk in _chunks(src):
        lines = chunk.split("\n")
        while len(diags) < MAX_ERRORS:
            try:
                _run("\n".join(lines))
                break
            except LarkError as e:
                d = _from_lark_error(e, src, path)
            except RecursionError:
                d = _diag("P003", "the file nests too deeply", Span(path, start + 1, 1))
            diags.append(d)
            bad = d.span.line - 1  # index into lines
            # An unclosed block or a broken declaration line leaves nothing safe to retry.
            if d.code in ("P003", "P012") and "stops before" not in d.message \
                    or "text block" in d.message or bad <= start or bad >= len(lines):
                break
            if not lines[bad].strip():
                break
            width = _indent_of(lines[bad])
            lines[bad] = ""
            if d.code != "P013" or d.message.startswith("unexpected indentation"):
                j = bad + 1
                while j < len(lines) and (not lines[j].strip() or _indent_of(lines[j]) > width):
                    lines[j] = ""
                    j += 1
    return diags


def _leading_indent(src: str, path: str) -> Diagnostic | None:
    """The first declaration must start in column 0 (Lark would silently accept it)."""
    for i, ln in enumerate(src.split("\n"), start=1):
        body = ln.lstrip(" \t")
        if not body or body.startswith("#"):
            continue
        if len(body) == len(ln):
            return None
        return _diag("P013", "a declaration must start at the beginning of the line",
                     Span(path, i, _indent_of(ln) + 1),
                     help="remove the spaces before it; only attributes and elements are "
                          "indented")
    return None


def _tab_warnings(tabs: list[tuple[int, int]], path: str) -> list[Diagnostic]:
    if not tabs:
        return []
    line, col = tabs[0]
    more = f" (and on {len(tabs) - 1} more line(s))" if len(tabs) > 1 else ""
    return [Diagnostic("P018", Severity.WARNING, f"a tab is used to indent this line{more}",
                       Span(path, line, col, line, col + 1),
                       help="indent with spaces, two per level; `modellaw fmt` fixes this")]


def parse_text(text: str, path: str) -> ParseResult:
    """Parse one file's text. Several errors are reported when the file has several.

    Never raises: anything unforeseen becomes a P000 diagnostic asking for a report.
    """
    try:
        return _parse_text(text, path)
    except Exception as e:  # noqa: BLE001 - the last line of defence against a traceback
        return ParseResult(path, text, None, [_diag(
            "P000", f"internal error while reading this file ({type(e).__name__})",
            Span.whole_file(path), help="please report this, with the file attached")])


def _parse_text(text: str, path: str) -> ParseResult:
    if not text.strip():
        d = Diagnostic("P004", Severity.WARNING, "the file is empty", Span.whole_file(path),
                       help="add a provision, or remove the file")
        return ParseResult(path, text, FileSyntax(path, [], []), [d])
    src = text if text.endswith("\n") else text + "\n"
    lead = _leading_indent(src, path)
    if lead:
        return ParseResult(path, text, None, [lead])
    try:
        tree, comments = _run(src)
    except (LarkError, RecursionError) as first:
        diags = _recover(src, path)
        if not diags:
            diags = ([_from_lark_error(first, src, path)] if isinstance(first, LarkError)
                     else [_diag("P003", "the file nests too deeply", Span(path, 1, 1))])
        return ParseResult(path, text, None, _dedupe(diags))
    tabs = _tab_warnings(_parser().options.postlex.tabs, path)
    return ParseResult(path, text, to_syntax(tree, path, comments), tabs)


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
