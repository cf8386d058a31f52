"""`modellaw render`: the model law as a workshop document (markdown, HTML or Word)."""

from __future__ import annotations

from pathlib import Path

import click

FORMATS = ("md", "html", "docx")
_SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format; by default taken from the output file's suffix.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File to write (replaced atomically).")
def render(paths: tuple[Path, ...], fmt: str | None, output: Path) -> None:
    """Publish the model law (default: provisions/) with contents, commentary and an annex.

    The same input always gives the same bytes: no dates or times are written. Exit
    status: 0 written, 1 the model law has errors or the file could not be written, 2 usage
    errors.
    """
    from modellaw.commands.inputs import check_out_file, load_model_or_exit, write_failed
    from modellaw.publish import render_bytes
    from modellaw.util.files import write_atomic

    check_out_file(output)
    implied = _SUFFIX.get(output.suffix.lower())
    if fmt is None and implied is None:
        raise click.UsageError(
            f"cannot tell the format from '{output.name}'; pass --format md, html or docx")
    if fmt is not None and implied is not None and implied != fmt:
        # A Word file named .html opens as gibberish; say so rather than write it.
        raise click.UsageError(f"--format {fmt} does not match '{output.name}'; name the file "
                               f"{output.with_suffix('.' + fmt).name} or leave --format out")
    fmt = fmt or implied
    assert fmt is not None
    m = load_model_or_exit(paths)
    data = render_bytes(m, fmt)
    try:
        write_atomic(output, data)
    except OSError as e:
        write_failed(output, e)
    click.echo(f"wrote {output} ({fmt}, {len(m.parts)} part(s), {len(m.provisions)} section(s))",
               err=True)
