"""The `modellaw` command. Thin: parse options, call a stage, print, pick an exit code.

Exit codes: 0 clean, 1 findings (errors, gaps, files that would change), 2 usage errors.
"""

from __future__ import annotations

import difflib
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


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="modellaw")
def main() -> None:
    """Write model anti-trafficking law and measure national statutes against it."""


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              help="text for people, json for editors.")
@click.option("--no-lint", is_flag=True, help="Only syntax and semantic checks.")
@click.option("--strict", is_flag=True, help="Treat warnings as findings (exit 1).")
def check(paths: tuple[Path, ...], fmt: str, no_lint: bool, strict: bool) -> None:
    """Check DSL files (default: provisions/) for errors and drafting problems."""
    from modellaw.dsl.loader import load_model

    result = load_model(list(paths) or [DEFAULT_PROVISIONS], lint=not no_lint)
    _emit_diagnostics(result.diagnostics, result.sources, fmt)
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    warnings = [d for d in result.diagnostics if d.severity is Severity.WARNING]
    if fmt == "text":
        m = result.model
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
    """Rewrite DSL files (default: provisions/) in the one canonical layout."""
    from modellaw.dsl.fmt import FormatError, format_text
    from modellaw.dsl.loader import expand
    from modellaw.dsl.parser import decode_source
    from modellaw.util.files import write_atomic

    files, diags = expand(list(paths) or [Path(DEFAULT_PROVISIONS)])
    for d in diags:
        click.echo(render_text([d]), err=True)
    changed = failed = 0
    for f in files:
        text, problems = decode_source(f.read_bytes(), str(f))
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
        if out == text:
            continue
        changed += 1
        if show_diff:
            click.echo("".join(difflib.unified_diff(
                text.splitlines(keepends=True), out.splitlines(keepends=True),
                fromfile=str(f), tofile=f"{f} (formatted)")), nl=False)
        if check_only or show_diff:
            click.echo(f"would reformat {f}", err=True)
        else:
            write_atomic(f, out)
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
    """Show how a statute was read: metadata, the unit tree, warnings."""
    import json

    from modellaw.statutes import StatuteReadError, read_statute
    from modellaw.statutes.view import ingest_json, ingest_text

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
