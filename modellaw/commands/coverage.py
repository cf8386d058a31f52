"""`modellaw coverage`: the model law measured against the standards it implements."""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

import click


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--instrument", "instruments", multiple=True, metavar="ID",
              help="Show only this instrument (repeatable), e.g. --instrument tip.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md"]), default="text",
              help="text for the terminal, json for tools, md for documents.")
def coverage(paths: tuple[Path, ...], instruments: tuple[str, ...], fmt: str) -> None:
    """Which requirements the model law (default: provisions/) implements, waives or misses.

    Exit 1 if the model has errors, or if a mandatory Trafficking Protocol requirement is
    neither implemented nor waived; 2 on usage errors.
    """
    from modellaw.commands.inputs import load_model_or_exit
    from modellaw.coverage import compute_coverage, coverage_json, coverage_markdown, coverage_text

    model = load_model_or_exit(paths)
    unknown = [i for i in instruments if i not in model.instruments]
    if unknown:
        known = sorted(model.instruments)
        hint = difflib.get_close_matches(unknown[0], known, n=1)
        msg = f"unknown instrument '{unknown[0]}'"
        msg += f"; did you mean '{hint[0]}'?" if hint else f"; known: {', '.join(known) or 'none'}"
        raise click.UsageError(msg)
    report = compute_coverage(model, list(instruments) or None)
    if fmt == "json":
        click.echo(json.dumps(coverage_json(report), indent=2, ensure_ascii=False))
    elif fmt == "md":
        click.echo(coverage_markdown(report), nl=False)
    else:
        click.echo(coverage_text(report))
    if report.blocking:
        if fmt != "text":  # the text format already says so on stdout
            ids = ", ".join(r.id for r in report.blocking)
            click.echo(f"coverage: mandatory Trafficking Protocol requirement(s) neither "
                       f"implemented nor waived: {ids}", err=True)
        sys.exit(1)
