"""`modellaw gap`: statutes against the model law and the standards."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from modellaw.commands.inputs import (
    check_out_dir,
    load_model_or_exit,
    statute_files,
    write_failed,
)

FORMATS = ("json", "md", "html", "docx")


@click.command()
@click.argument("statutes", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--instrument", "instruments", multiple=True,
              help="Only requirements of this instrument (tip, untoc, coe, eu2011, ...). "
                   "Repeatable.")
@click.option("--format", "formats", multiple=True, type=click.Choice(FORMATS),
              help="Report format; repeatable. Default: json to stdout, or md with -o.")
@click.option("-o", "--out", "out_dir", type=click.Path(path_type=Path),
              help="Write one report per statute and format into this folder.")
@click.option("--provisions", "provisions", multiple=True, type=click.Path(path_type=Path),
              help="Model-law files or folders (default: provisions/).")
@click.option("--review", "review", type=click.Path(path_type=Path),
              help="Review file (default: <statute>.review.json beside the statute).")
@click.option("--title", help="Override the statute title (one statute only).")
@click.option("--country", help="Override the country (one statute only).")
@click.option("--spacy-model", help="An installed trained spaCy pipeline to use instead of the "
              "built-in lookup lemmatizer (nothing is downloaded).")
@click.option("--fail-on", type=click.Choice(["never", "unmet", "partial"]), default="never",
              show_default=True,
              help="Exit 1 when a mandatory requirement is unmet (or not fully met).")
def gap(statutes: tuple[Path, ...], instruments: tuple[str, ...], formats: tuple[str, ...],
        out_dir: Path | None, provisions: tuple[Path, ...], review: Path | None,
        title: str | None, country: str | None, spacy_model: str | None, fail_on: str) -> None:
    """Gap analysis: for every provision and requirement, met / partial / unmet with evidence.

    STATUTES are files (.txt, .md, .html, .pdf, .docx) or folders of them. Exit status: 0
    done, 1 a statute could not be read (or --fail-on found gaps), 2 usage errors.
    """
    from modellaw.compare.engine import analyse
    from modellaw.compare.review import ReviewError
    from modellaw.nlp.pipeline import NlpError, get_nlp
    from modellaw.report.progress import Progress
    from modellaw.statutes import StatuteReadError, read_statute

    files = statute_files(statutes)
    if (title or country or review) and len(files) > 1:
        raise click.UsageError("--title, --country and --review apply to one statute at a time")
    if review is not None and not review.is_file():
        raise click.UsageError(f"--review {review}: no such file; leave --review out to use "
                               "<statute>.review.json beside the statute")
    # Decide where the output goes before the (slow) analysis, so a typo costs nothing.
    if out_dir is not None:
        check_out_dir(out_dir)
    else:
        fmt = formats[0] if formats else "json"
        if len(set(formats)) > 1:
            raise click.UsageError("several formats need a folder: add -o DIR")
        if fmt == "docx":
            raise click.UsageError("a Word report cannot go to the terminal: add -o DIR")
        if fmt == "html" and len(files) > 1:
            raise click.UsageError("HTML reports for several statutes need a folder: add -o DIR")
    if spacy_model:
        try:
            get_nlp(model=spacy_model)
        except NlpError as e:
            raise click.UsageError(str(e)) from e
    model = load_model_or_exit(provisions)
    unknown = [i for i in instruments if i not in model.instruments]
    if unknown:
        raise click.UsageError(f"unknown instrument '{unknown[0]}'; choose from "
                               + ", ".join(sorted(model.instruments)))
    overrides = {k: v for k, v in {"title": title, "country": country}.items() if v}
    results = []
    failed = 0
    with Progress(len(files), "gap") as bar:
        for f in files:
            try:
                st = read_statute(f, overrides)
                results.append(analyse(model, st, instruments=list(instruments) or None,
                                       review_path=review, spacy_model=spacy_model))
            except (StatuteReadError, ReviewError) as e:
                click.echo(f"error: {e}", err=True)
                failed += 1
            bar.advance(f.name)
    if not results:
        if len(files) > 1:
            click.echo(f"error: none of the {len(files)} statutes could be read; no report "
                       "written", err=True)
        sys.exit(1)
    if out_dir is not None:
        from modellaw.report.write import write_reports

        try:
            written = write_reports(results, model, list(formats) or ["md"], out_dir)
        except OSError as e:
            write_failed(out_dir, e)
        for p in written:
            click.echo(f"wrote {p}", err=True)
    else:
        _print(results, model, formats[0] if formats else "json")
    if failed:
        sys.exit(1)
    bad = {"unmet": {"unmet"}, "partial": {"unmet", "partial"}}.get(fail_on, set())
    if any(r.status in bad and r.strength == "mandatory"
           for res in results for r in res.requirements):
        sys.exit(1)


def _print(results: list, model: object, fmt: str) -> None:
    from modellaw.report.html import render_html
    from modellaw.report.json_report import gap_json
    from modellaw.report.markdown import render_markdown

    if fmt == "json":
        data = [gap_json(r) for r in results]
        click.echo(json.dumps(data[0] if len(data) == 1 else data, indent=2, ensure_ascii=False))
    elif fmt == "md":
        click.echo("\n\n".join(render_markdown(r, model) for r in results))
    else:
        click.echo(render_html(results[0], model))
