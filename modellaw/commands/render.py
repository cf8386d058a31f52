"""`modellaw render`: the model law as a workshop document (markdown, HTML or Word)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

FORMATS = ("md", "html", "docx")
_SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format; by default taken from the output file's suffix.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True,
              help="File to write (replaced atomically).")
def render(paths: tuple[Path, ...], fmt: str | None, output: Path) -> None:
    """Publish the model law (default: provisions/) with contents, commentary and an annex.

    The same input always gives the same bytes: no dates or times are written.
    """
    from modellaw.diagnostics import render_text
    from modellaw.dsl.loader import load_model
    from modellaw.publish import render_bytes
    from modellaw.util.files import write_atomic

    fmt = fmt or _SUFFIX.get(output.suffix.lower())
    if fmt is None:
        raise click.UsageError(
            f"cannot tell the format from '{output.name}'; pass --format md, html or docx")
    if output.exists() and output.is_dir():
        raise click.UsageError(f"'{output}' is a folder; give a file name with -o")
    result = load_model(list(paths) or ["provisions"], lint=False)
    if result.errors:
        click.echo(render_text(result.errors, result.sources), err=True)
        click.echo(f"render: the model has {len(result.errors)} error(s); "
                   "fix them first (see `modellaw check`)", err=True)
        sys.exit(1)
    data = render_bytes(result.model, fmt)
    try:
        write_atomic(output, data)
    except OSError as e:
        click.echo(f"{output}: error: cannot write: {e.strerror or e}", err=True)
        sys.exit(1)
    m = result.model
    click.echo(f"wrote {output} ({fmt}, {len(m.parts)} part(s), {len(m.provisions)} section(s))",
               err=True)
