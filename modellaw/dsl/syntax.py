"""The syntax tree of one DSL file: what the drafter wrote, with positions.

The formatter prints this tree back; the model builder turns it into typed objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lark import Token, Transformer, Tree, v_args

from modellaw.diagnostics import Span


@dataclass
class Value:
    kind: str  # string | long | number | words
    text: str  # the value without quotes (long strings: the raw inner text)
    raw: str  # exactly as written
    line: int
    col: int


@dataclass
class Attr:
    key: str
    values: list[list[Value]]  # comma-separated items, each a run of values
    line: int
    col: int
    block: bool = False  # written as `key:` with one value per indented line


@dataclass
class ConceptSyntax:
    name: str
    variants: list[str]
    raw_name: str
    raw_variants: list[str]
    line: int
    col: int
    partly: bool = False  # on its own this concept only partly meets the element


@dataclass
class ElementSyntax:
    verb: str  # requires | recommends
    mode: str  # all | any | clause | absence | number
    name: str
    line: int
    col: int
    requirements: list[str] = field(default_factory=list)
    full: str | None = None
    key: bool = False  # the element that shows the subject is dealt with at all
    gate: bool = False  # a key that is only a precondition, never partial credit
    label: str | None = None  # how reports name the element
    within: str | None = None  # `in PROVISION`: read where that provision's rule is
    raw_label: str | None = None
    concepts: list[ConceptSyntax] = field(default_factory=list)
    block: bool = False
    rows: list[list[ConceptSyntax]] = field(default_factory=list)  # concepts as laid out
    quantity: str | None = None
    op: str | None = None
    number: str | None = None
    unit: str | None = None


@dataclass
class Decl:
    kind: str  # include | model | instrument | requirement | part | provision | waive
    ident: str | None
    title: str | None
    line: int
    col: int
    end_line: int
    raw_title: str | None = None
    items: list[Attr | ElementSyntax] = field(default_factory=list)

    def span(self, path: str) -> Span:
        return Span(path, self.line, self.col)


@dataclass
class FileSyntax:
    path: str
    decls: list[Decl]
    comments: list[tuple[int, int, str]]  # (line, col, text), in source order


def unquote(raw: str) -> str:
    """Inner text of a "..." string; \\" and \\\\ are the only escapes."""
    inner = raw[1:-1]
    return inner.replace('\\"', '"').replace("\\\\", "\\")


def _phrase_text(tokens: list[Token]) -> tuple[str, str]:
    words, raws = [], []
    for t in tokens:
        raws.append(str(t))
        words.append(unquote(str(t)) if t.type == "STRING" else str(t))
    return " ".join(words), " ".join(raws)


@v_args(meta=False)
class _ToSyntax(Transformer):
    """Lark tree -> syntax dataclasses."""

    def start(self, children: list) -> list[Decl]:
        return [c for c in children if isinstance(c, Decl)]

    def include(self, children: list) -> Decl:
        val: Value = children[0]
        return Decl("include", None, val.text, val.line, 1, val.line, raw_title=val.raw)

    def title(self, children: list) -> Value:
        return children[0]

    def block(self, children: list) -> Decl:
        # `IDENT? title?` leaves no placeholders, so sort the head out by type.
        kind_tok = children[0]
        ident = next((c for c in children[1:3] if isinstance(c, Token)), None)
        title_val = next((c for c in children[1:3] if isinstance(c, Value)), None)
        items = [c for c in children[1:] if isinstance(c, Attr | ElementSyntax)]
        end_line = kind_tok.line
        for it in items:
            end_line = max(end_line, it.line)
        return Decl(
            kind=str(kind_tok),
            ident=str(ident) if ident is not None else None,
            title=title_val.text if title_val is not None else None,
            raw_title=title_val.raw if title_val is not None else None,
            line=kind_tok.line,
            col=kind_tok.column,
            end_line=end_line,
            items=items,
        )

    def values(self, children: list) -> list[list[Value]]:
        return [c for c in children if isinstance(c, list)]

    def item(self, children: list) -> list[Value]:
        """Runs of bare words become one `words` value; strings stay separate."""
        out: list[Value] = []
        run: list[Token] = []

        def flush() -> None:
            if run:
                text = " ".join(str(t) for t in run)
                out.append(Value("words", text, text, run[0].line, run[0].column))
                run.clear()

        for c in children:
            if isinstance(c, Token):
                run.append(c)
            else:
                flush()
                out.append(c)
        flush()
        return out

    def STRING(self, tok: Token) -> Value:  # noqa: N802 - Lark names terminals in capitals
        return Value("string", unquote(str(tok)), str(tok), tok.line, tok.column)

    def LONG_STRING(self, tok: Token) -> Value:  # noqa: N802
        return Value("long", str(tok)[3:-3], str(tok), tok.line, tok.column)

    def NUMBER(self, tok: Token) -> Value | Token:  # noqa: N802
        return Value("number", str(tok), str(tok), tok.line, tok.column)

    def attribute(self, children: list) -> Attr:
        key = children[0]
        vals = children[1] if len(children) > 1 and children[1] is not None else []
        return Attr(str(key), vals, key.line, key.column)

    def IDENT(self, tok: Token) -> Token:  # noqa: N802
        return tok

    def attribute_block(self, children: list) -> Attr:
        key = children[0]
        vals: list[list[Value]] = []
        for c in children[1:]:
            if isinstance(c, list):
                vals.extend(c)
        return Attr(str(key), vals, key.line, key.column, block=True)

    # --- elements -------------------------------------------------------------------

    def phrase(self, children: list) -> tuple[str, str, int, int]:
        toks = [self._tok(c) for c in children]
        text, raw = _phrase_text(toks)
        return text, raw, toks[0].line, toks[0].column

    @staticmethod
    def _tok(c: Token | Value) -> Token:
        if isinstance(c, Value):
            t = Token("STRING" if c.kind == "string" else "WORD", c.raw)
            t.line, t.column = c.line, c.col
            return t
        return c

    def concept(self, children: list) -> ConceptSyntax:
        partly = isinstance(children[0], Token) and children[0].type == "PARTLY"
        phrases = [c for c in children[1:] if c is not None]
        name, raw_name, line, col = phrases[0]
        return ConceptSyntax(
            name=name,
            variants=[p[0] for p in phrases[1:]],
            raw_name=raw_name,
            raw_variants=[p[1] for p in phrases[1:]],
            line=line,
            col=col,
            partly=partly,
        )

    def concepts(self, children: list) -> list[ConceptSyntax]:
        return [c for c in children if isinstance(c, ConceptSyntax)]

    def concept_block(self, children: list) -> tuple[str, list[list[ConceptSyntax]]]:
        return ("block", [c for c in children if isinstance(c, list)])

    def empty_body(self, children: list) -> tuple[str, list[list[ConceptSyntax]]]:
        return ("block", [])

    def for_reqs(self, children: list) -> tuple[str, list[str]]:
        return ("for", [str(c) for c in children])

    def within(self, children: list) -> tuple[str, str]:
        return ("in", str(children[0]))

    def full(self, children: list) -> tuple[str, str]:
        return ("full", str(children[0]))

    def bound(self, children: list) -> tuple[str, str, str, str | None]:
        q, op, num, unit = children
        num_text = num.text if isinstance(num, Value) else str(num)
        return (str(q), str(op), num_text, str(unit) if unit is not None else None)

    def _element_head(self, children: list, mode: str | None) -> ElementSyntax:
        verb, keymark = children[0], children[1]
        if mode is None:
            mode_tok, name, label = children[2], children[3], children[4]
            rest = children[5:]
            mode = str(mode_tok)
        else:
            name, label = children[2], children[3]
            rest = children[4:]
        el = ElementSyntax(str(verb), mode, str(name), verb.line, verb.column,
                           key=keymark is not None, gate=str(keymark or "") == "gate")
        if isinstance(label, Value):
            el.label, el.raw_label = label.text, label.raw
        for r in rest:
            if isinstance(r, tuple) and r and r[0] == "for":
                el.requirements.extend(r[1])
            elif isinstance(r, tuple) and r and r[0] == "full":
                el.full = r[1]
            elif isinstance(r, tuple) and r and r[0] == "in":
                el.within = r[1]
            elif isinstance(r, tuple) and r and r[0] == "block":
                el.block = True
                el.rows = r[1]
                el.concepts = [c for row in r[1] for c in row]
            elif isinstance(r, list):
                el.rows = [r]
                el.concepts = list(r)
            elif isinstance(r, tuple) and len(r) == 4:
                el.quantity, el.op, el.number, el.unit = r
        return el

    def element(self, children: list) -> ElementSyntax:
        return self._element_head(children, None)

    def number_element(self, children: list) -> ElementSyntax:
        return self._element_head(children, "number")


def to_syntax(tree: Tree, path: str, comments: list[tuple[int, int, str]]) -> FileSyntax:
    decls = _ToSyntax().transform(tree)
    return FileSyntax(path=path, decls=decls, comments=comments)
