"""`modellaw eval`: accuracy against labelled statutes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from modellaw.commands.inputs import load_model_or_exit

DEFAULT_CORPUS = Path("..") / "shared" / "corpus"


@click.command(name="eval")
@click.option("--corpus", "corpora", multiple=True, type=click.Path(path_type=Path),
              help="A folder of statutes with gold/<name>.json labels; repeatable. "
                   "Default: ../shared/corpus and national_laws/.")
@click.option("--provisions", "provisions", multiple=True, type=click.Path(path_type=Path),
              help="Model-law files or folders (default: provisions/).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def evaluate(corpora: tuple[Path, ...], provisions: tuple[Path, ...], fmt: str) -> None:
    """Requirement-status accuracy, macro-F1, kappa and evidence precision/recall against gold
    labels, beside a TF-IDF baseline measured in the same run."""
    from modellaw.evaluate.run import evaluate as run_eval
    from modellaw.evaluate.run import find_pairs, format_report, report_json

    targets = list(corpora) or [p for p in (DEFAULT_CORPUS, Path("national_laws")) if p.exists()]
    targets = [t for t in targets if find_pairs(t)] if not corpora else targets
    if not targets:
        raise click.UsageError("no labelled corpus found; pass --corpus DIR (a folder with "
                               "statutes and gold/<name>.json)")
    model = load_model_or_exit(provisions)
    out = []
    for t in targets:
        if not find_pairs(t):
            click.echo(f"error: {t}: no statute with a gold/<name>.json label file", err=True)
            sys.exit(2)
        report = run_eval(model, t)
        out.append(report_json(report) if fmt == "json" else format_report(report))
    if fmt == "json":
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        click.echo("\n\n".join(out))
