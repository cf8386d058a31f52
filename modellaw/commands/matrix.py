"""`modellaw matrix`: several statutes against the model law, side by side."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from modellaw.commands.inputs import load_model_or_exit, statute_files
from modellaw.report.write import MATRIX_FORMATS


@click.command()
@click.argument("statutes", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Folder for matrix.html, matrix.csv and matrix.xlsx.")
@click.option("--instrument", "instruments", multiple=True, metavar="ID",
              help="Only this instrument's requirements (repeatable), e.g. --instrument tip.")
@click.option("--format", "formats", multiple=True, type=click.Choice(MATRIX_FORMATS),
              help="Only these outputs (repeatable); default: all three.")
@click.option("--provisions", multiple=True, type=click.Path(path_type=Path),
              help="The model law's DSL files (default: provisions/).")
def matrix(statutes: tuple[Path, ...], out_dir: Path, instruments: tuple[str, ...],
           formats: tuple[str, ...], provisions: tuple[Path, ...]) -> None:
    """Compare statutes (files or folders of them): heat map, regional figures, CSV, XLSX."""
    from modellaw.compare.engine import analyse
    from modellaw.compare.review import ReviewError
    from modellaw.report.matrix import build_matrix
    from modellaw.report.progress import Progress
    from modellaw.report.write import write_matrix
    from modellaw.statutes import StatuteReadError, read_statute

    missing = [p for p in statutes if not p.exists()]
    if missing:
        raise click.UsageError(f"{missing[0]}: no such file or folder")
    files = statute_files(statutes)
    if not files:
        raise click.UsageError("no statute files (.txt, .md, .html, .pdf, .docx) found there")
    model = load_model_or_exit(provisions)
    unknown = [i for i in instruments if i not in model.instruments]
    if unknown:
        raise click.UsageError(f"unknown instrument '{unknown[0]}'; choose from "
                               + ", ".join(sorted(model.instruments)))
    results = []
    failed = 0
    with Progress(len(files), "matrix") as bar:
        for f in files:
            try:
                st = read_statute(f)
                results.append(analyse(model, st, instruments=list(instruments) or None))
            except (StatuteReadError, ReviewError) as e:
                click.echo(f"error: {e}", err=True)
                failed += 1
            bar.advance(f.name)
    if not results:
        click.echo("error: no statute could be read; nothing written", err=True)
        sys.exit(1)
    m = build_matrix(results, model, list(instruments) or None)
    for p in write_matrix(m, out_dir, formats or MATRIX_FORMATS):
        click.echo(f"wrote {p}", err=True)
    click.echo(f"{len(results)} statute(s) x {len(m.rows)} requirement(s)"
               + (f"; {failed} statute(s) could not be read" if failed else ""), err=True)
    sys.exit(1 if failed else 0)
