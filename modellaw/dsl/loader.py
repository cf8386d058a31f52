"""Files and includes -> one ModelLaw plus every diagnostic found on the way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from modellaw.diagnostics import Diagnostic, Label, Severity, SourceCache, Span
from modellaw.dsl.build import Builder
from modellaw.dsl.checks import check_model
from modellaw.dsl.lint import lint_model
from modellaw.dsl.model import ModelLaw
from modellaw.dsl.parser import ParseResult, parse_file

SUFFIX = ".mlaw"
T = TypeVar("T")


@dataclass
class LoadResult:
    model: ModelLaw
    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: SourceCache = field(default_factory=SourceCache)
    parsed: list[ParseResult] = field(default_factory=list)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]


def project_root(start: Path) -> Path:
    """The nearest folder holding pyproject.toml or .git; includes may not leave it."""
    here = start.resolve()
    for p in [here, *here.parents]:
        if (p / "pyproject.toml").exists() or (p / ".git").exists():
            return p
    return here if here.is_dir() else here.parent


def expand(paths: list[Path]) -> tuple[list[Path], list[Diagnostic]]:
    files: list[Path] = []
    diags: list[Diagnostic] = []
    for p in paths:
        if p.is_dir():
            files.extend(sorted(q for q in p.rglob(f"*{SUFFIX}") if q.is_file()))
        elif p.exists():
            files.append(p)
        else:
            diags.append(Diagnostic("P005", Severity.ERROR, "no such file or folder",
                                    Span.whole_file(str(p))))
    return files, diags


class _Loader:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.done: dict[Path, ParseResult] = {}
        self.order: list[Path] = []
        self.diags: list[Diagnostic] = []

    def load(self, path: Path, stack: tuple[Path, ...]) -> None:
        real = path.resolve()
        if real in stack:
            chain = " -> ".join(_rel(p, self.root) for p in (*stack, real))
            # Reported at the include line by the caller; here we only stop.
            raise _Cycle(chain)
        if real in self.done:
            return
        result = parse_file(path)
        self.done[real] = result
        self.diags.extend(result.diagnostics)
        if result.syntax is None:
            self.order.append(real)
            return
        for d in result.syntax.decls:
            if d.kind != "include":
                continue
            span = Span(str(path), d.line, 1, d.line, 8)
            target = (real.parent / (d.title or "")).resolve()
            if not _inside(target, self.root):
                self.diags.append(Diagnostic(
                    "S108", Severity.ERROR, f"include leaves the project: '{d.title}'", span,
                    help=f"included files must live under {self.root}"))
                continue
            if not target.is_file():
                self.diags.append(Diagnostic(
                    "S108", Severity.ERROR, f"included file not found: '{d.title}'", span,
                    help="paths are relative to the file that includes them"))
                continue
            try:
                self.load(target, (*stack, real))
            except _Cycle as c:
                self.diags.append(Diagnostic(
                    "S107", Severity.ERROR, "include cycle: " + c.chain, span,
                    labels=(Label(Span(str(target), 1, 1), "this file is already being read"),),
                    help="remove one of the includes; each file needs to be included once"))
        self.order.append(real)


class _Cycle(Exception):
    def __init__(self, chain: str) -> None:
        super().__init__(chain)
        self.chain = chain


def _inside(p: Path, root: Path) -> bool:
    try:
        p.relative_to(root)
        return True
    except ValueError:
        return False


def _rel(p: Path, root: Path) -> str:
    try:
        return str(p.relative_to(root))
    except ValueError:
        return str(p)


def load_model(paths: list[str | Path] | None = None, *, lint: bool = True,
               root: Path | None = None) -> LoadResult:
    """Parse, include, build and check. Never raises on bad input."""
    given = [Path(p) for p in (paths or ["provisions"])]
    files, diags = expand(given)
    base = root or project_root(given[0] if given else Path.cwd())
    loader = _Loader(base)
    loader.diags.extend(diags)
    for f in files:
        try:
            loader.load(f, ())
        except _Cycle as c:  # a file given on the command line that includes itself
            loader.diags.append(Diagnostic("S107", Severity.ERROR, "include cycle: " + c.chain,
                                           Span.whole_file(str(f))))
    builder = Builder()
    sources = SourceCache()
    parsed: list[ParseResult] = []
    for real in loader.order:
        res = loader.done[real]
        parsed.append(res)
        sources.texts[res.path] = res.text
        if res.syntax is not None:
            _guarded(lambda s=res.syntax: builder.add_file(s), res.path, loader.diags)
    model = builder.model
    model.files = [r.path for r in parsed]
    all_diags = loader.diags + builder.diags
    all_diags += _guarded(lambda: check_model(model), "<model>", all_diags) or []
    if lint:
        all_diags += _guarded(lambda: lint_model(model), "<model>", all_diags) or []
    return LoadResult(model, _sorted(all_diags), sources, parsed)


def _guarded(step: Callable[[], T], path: str, diags: list[Diagnostic]) -> T | None:
    """Run one stage; an unforeseen failure becomes a P000 diagnostic, never a traceback."""
    try:
        return step()
    except Exception as e:  # noqa: BLE001 - the last line of defence
        diags.append(Diagnostic("P000", Severity.ERROR,
                                f"internal error while checking ({type(e).__name__}: {e})",
                                Span.whole_file(path),
                                help="please report this, with the files attached"))
        return None


def _sorted(diags: list[Diagnostic]) -> list[Diagnostic]:
    return sorted(diags, key=lambda d: (d.span.path, d.span.line, d.span.col, d.code))
