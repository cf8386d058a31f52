"""The `modellaw` command. Thin: parse options, call a stage, print, pick an exit code.

Exit codes: 0 clean, 1 findings (errors, gaps, files that would change, files that could not
be read), 2 usage errors, 3 a bug in modellaw (reported in one line, never a traceback).
"""

from __future__ import annotations

import difflib
import os
import sys
from pathlib import Path

import click

from modellaw import __version__
from modellaw.diagnostics import Diagnostic, Severity, SourceCache, render_json, render_text

DEFAULT_PROVISIONS = "provisions"


def _emit_diagnostics(diags: list[Diagnostic], sources: SourceCache, fmt: str) -> None:
    if fmt == "json":
        click.echo(render_json(diags))
    elif diags:
        click.echo(render_text(diags, sources), err=True)


INTERNAL_ERROR = 3
DEBUG_ENV = "MODELLAW_DEBUG"


class _Guarded(click.Group):
    """The command group, with a last line of defence against tracebacks.

    Every stage is meant to turn bad input into a one-line message itself; whatever still
    escapes (a file system error, a bug) becomes one line too, unless MODELLAW_DEBUG is set.
    """

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except OSError as e:
            if os.environ.get(DEBUG_ENV):
                raise
            where = f"{e.filename}: " if e.filename else ""
            click.echo(f"error: {where}{e.strerror or e}; check the path and permissions",
                       err=True)
            sys.exit(1)
        except Exception as e:
            if os.environ.get(DEBUG_ENV):
                raise
            first = (str(e).splitlines() or [""])[0]
            click.echo(f"modellaw: internal error ({type(e).__name__}: {first}); this is a bug: "
                       f"please report it with the command you ran ({DEBUG_ENV}=1 shows "
                       "the details)", err=True)
            sys.exit(INTERNAL_ERROR)


@click.group(cls=_Guarded, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="modellaw")
def main() -> None:
    """Write model anti-trafficking law and measure national statutes against it.

    Exit status of every command: 0 clean, 1 findings (errors, gaps, a file that could not
    be read), 2 usage errors (a wrong option, a path that does not exist), 3 a bug in
    modellaw. Set MODELLAW_DEBUG=1 to see a bug's full traceback.
    """


def _missing_paths(paths: list[Path]) -> list[Diagnostic]:
    """Paths that do not exist, and folders without a single .mlaw file: usage errors."""
    from modellaw.diagnostics import Span

    out = []
    for p in paths:
        if not p.exists():
            out.append(Diagnostic("P005", Severity.ERROR, "no such file or folder",
                                  Span.whole_file(str(p)),
                                  help="give .mlaw files or folders that hold them"))
        elif p.is_dir() and not any(q.is_file() for q in p.rglob("*.mlaw")):
            out.append(Diagnostic("P005", Severity.ERROR, "no .mlaw files in this folder",
                                  Span.whole_file(str(p)),
                                  help="give the folder that holds the model law, e.g. "
                                       "provisions/"))
    return out


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="text for people, json for editors.")
@click.option("--no-lint", is_flag=True, help="Only syntax and semantic checks.")
@click.option("--strict", is_flag=True, help="Treat warnings as findings (exit 1).")
def check(paths: tuple[Path, ...], fmt: str, no_lint: bool, strict: bool) -> None:
    """Check DSL files (default: provisions/) for errors and drafting problems.

    Exit status: 0 clean, 1 errors found (or warnings with --strict), 2 bad paths.
    """
    from modellaw.dsl.loader import load_model

    # A drafter's tool: no fallback to the bundled model law, so a missing provisions/
    # folder is reported, not silently replaced.
    given = list(paths) or [Path(DEFAULT_PROVISIONS)]
    missing = _missing_paths(given)
    if missing:
        _emit_diagnostics(missing, SourceCache(), fmt)
        sys.exit(2)
    result = load_model(given, lint=not no_lint)
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    warnings = [d for d in result.diagnostics if d.severity is Severity.WARNING]
    m = result.model
    if fmt == "json":
        click.echo(render_json(result.diagnostics, summary={
            "files": len(result.parsed), "provisions": len(m.provisions),
            "requirements": len(m.requirements), "errors": len(errors),
            "warnings": len(warnings)}))
    else:
        _emit_diagnostics(result.diagnostics, result.sources, fmt)
        click.echo(f"{len(result.parsed)} file(s), {len(m.provisions)} provision(s), "
                   f"{len(m.requirements)} requirement(s): {len(errors)} error(s), "
                   f"{len(warnings)} warning(s)", err=True)
    sys.exit(1 if errors or (strict and warnings) else 0)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--check", "check_only", is_flag=True,
              help="Write nothing; exit 1 if a file would change.")
@click.option("--diff", "show_diff", is_flag=True, help="Print what would change; write nothing.")
def fmt(paths: tuple[Path, ...], check_only: bool, show_diff: bool) -> None:
    """Rewrite DSL files (default: provisions/) in the one canonical layout.

    A file is only written when its formatted form parses to the same model and formats
    to itself again. Line endings (LF or CRLF) are kept. Exit status: 0 nothing to do or
    all written, 1 files would change (--check/--diff) or could not be formatted, 2 bad
    paths.
    """
    from modellaw.dsl.fmt import FormatError, format_text
    from modellaw.dsl.loader import expand
    from modellaw.dsl.parser import decode_source
    from modellaw.util.files import write_atomic

    if not paths and not Path(DEFAULT_PROVISIONS).is_dir():
        raise click.UsageError("there is no provisions/ folder here; give the .mlaw files or "
                               "folders to format")
    given = list(paths) or [Path(DEFAULT_PROVISIONS)]
    missing = _missing_paths(given)
    if missing:
        click.echo(render_text(missing), err=True)
        sys.exit(2)
    files, _ = expand(given)
    changed = failed = 0
    for f in files:
        try:
            data = f.read_bytes()
        except OSError as e:
            click.echo(f"{f}: cannot read: {e.strerror or type(e).__name__}", err=True)
            failed += 1
            continue
        text, problems = decode_source(data, str(f))
        if text is None:
            click.echo(render_text(problems), err=True)
            failed += 1
            continue
        try:
            out = format_text(text, str(f))
        except FormatError as e:
            click.echo(f"{f}: cannot format: {e}", err=True)
            failed += 1
            continue
        # Keep the file's own line endings, as black does: judged by its first line.
        first = data.split(b"\n", 1)[0]
        newline = "\r\n" if first.endswith(b"\r") else "\n"
        new_data = out.replace("\n", newline).encode("utf-8")
        if new_data == data:
            continue
        changed += 1
        if show_diff:
            click.echo("".join(difflib.unified_diff(
                text.splitlines(keepends=True), out.splitlines(keepends=True),
                fromfile=str(f), tofile=f"{f} (formatted)")), nl=False)
        if check_only or show_diff:
            click.echo(f"would reformat {f}", err=True)
        else:
            write_atomic(f, new_data)
            click.echo(f"reformatted {f}", err=True)
    verb = "would be reformatted" if (check_only or show_diff) else "reformatted"
    click.echo(f"{len(files)} file(s), {changed} {verb}, {failed} failed", err=True)
    sys.exit(1 if failed or (changed and (check_only or show_diff)) else 0)


@main.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--title", help="Override the statute's title.")
@click.option("--country", help="Override the country.")
@click.option("--year", help="Override the year.")
@click.option("--language", help="Override the language.")
def ingest(file: Path, fmt: str, title: str | None, country: str | None, year: str | None,
           language: str | None) -> None:
    """Show how a statute was read: metadata, the unit tree, warnings.

    Exit status: 0 read, 1 the file could not be read as a statute, 2 usage errors.
    """
    import json

    from modellaw.statutes import StatuteReadError, read_statute
    from modellaw.statutes.view import ingest_json, ingest_text

    if not file.exists():
        raise click.UsageError(f"{file}: no such file; check the path")
    if file.is_dir():
        raise click.UsageError(f"{file}: is a folder; give one statute file")
    overrides = {k: v for k, v in {"title": title, "country": country, "year": year,
                                   "language": language}.items() if v}
    try:
        statute = read_statute(file, overrides)
    except StatuteReadError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(1)
    if fmt == "json":
        click.echo(json.dumps(ingest_json(statute), indent=2, ensure_ascii=False))
    else:
        click.echo(ingest_text(statute))
from modellaw.commands.coverage import coverage  # noqa: E402

main.add_command(coverage)
from modellaw.commands.evaluate import evaluate  # noqa: E402
from modellaw.commands.gap import gap  # noqa: E402
from modellaw.commands.review import review  # noqa: E402

main.add_command(gap)
main.add_command(evaluate)
main.add_command(review)
from modellaw.commands.render import render  # noqa: E402

main.add_command(render)

from modellaw.commands.matrix import matrix  # noqa: E402

main.add_command(matrix)
