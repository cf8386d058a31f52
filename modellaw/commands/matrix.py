"""`modellaw matrix`: several statutes against the model law, side by side."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from modellaw.commands.inputs import (
    check_out_dir,
    load_model_or_exit,
    statute_files,
    write_failed,
)
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
    """Compare statutes (files or folders of them): heat map, regional figures, CSV, XLSX.

    Exit status: 0 done, 1 a statute could not be read (the others are still compared),
    2 usage errors.
    """
    from modellaw.compare.engine import analyse
    from modellaw.compare.review import ReviewError
    from modellaw.report.matrix import build_matrix
    from modellaw.report.progress import Progress
    from modellaw.report.write import write_matrix
    from modellaw.statutes import StatuteReadError, read_statute

    files = statute_files(statutes)
    check_out_dir(out_dir)
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
    try:
        written = write_matrix(m, out_dir, list(dict.fromkeys(formats)) or MATRIX_FORMATS)
    except OSError as e:
        write_failed(out_dir, e)
    for p in written:
        click.echo(f"wrote {p}", err=True)
    click.echo(f"{len(results)} statute(s) x {len(m.rows)} requirement(s)"
               + (f"; {failed} statute(s) could not be read" if failed else ""), err=True)
    sys.exit(1 if failed else 0)
