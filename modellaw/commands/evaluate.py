"""`modellaw eval`: accuracy against labelled statutes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from modellaw.commands.inputs import load_model_or_exit

DEFAULT_CORPUS = Path("..") / "shared" / "corpus"
STATUSES = ("met", "partial", "unmet")


def gold_problem(path: Path) -> str | None:
    """Why a gold label file cannot be used, in one line; None when it can.

    Checked here, before any statute is analysed, so a hand-edited label file gives a
    message naming the file and the entry instead of a failure deep inside the scoring.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as e:
        return f"{path}: cannot read it ({getattr(e, 'strerror', None) or e})"
    except json.JSONDecodeError as e:
        return f"{path}: not valid JSON (line {e.lineno}, column {e.colno}: {e.msg})"
    labels = data.get("labels") if isinstance(data, dict) else None
    if not isinstance(labels, dict):
        return f"{path}: expected an object with \"labels\": {{requirement id: label}}"
    for rid, lab in labels.items():
        if not isinstance(lab, dict) or lab.get("status") not in STATUSES:
            return (f"{path}: label '{rid}' needs \"status\": one of {', '.join(STATUSES)}")
        units = lab.get("units", [])
        if not isinstance(units, list) or not all(isinstance(u, str) for u in units):
            return f"{path}: label '{rid}': \"units\" must be a list of unit labels"
    return None


@click.command(name="eval")
@click.option("--corpus", "corpora", multiple=True, type=click.Path(path_type=Path),
              help="A folder of statutes with gold/<name>.json labels; repeatable. "
                   "Default: ../shared/corpus and national_laws/.")
@click.option("--provisions", "provisions", multiple=True, type=click.Path(path_type=Path),
              help="Model-law files or folders (default: provisions/).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def evaluate(corpora: tuple[Path, ...], provisions: tuple[Path, ...], fmt: str) -> None:
    """Requirement-status accuracy, macro-F1, kappa and evidence precision/recall against gold
    labels, beside a TF-IDF baseline measured in the same run.

    Exit status: 0 measured, 1 a label file is broken or no labelled statute could be read,
    2 usage errors.
    """
    from modellaw.evaluate.run import evaluate as run_eval
    from modellaw.evaluate.run import find_pairs, format_report, report_json

    targets = list(corpora) or [p for p in (DEFAULT_CORPUS, Path("national_laws")) if p.exists()]
    targets = [t for t in targets if find_pairs(t)] if not corpora else targets
    if not targets:
        raise click.UsageError("no labelled corpus found; pass --corpus DIR (a folder with "
                               "statutes and gold/<name>.json)")
    for t in targets:
        if not t.is_dir():
            raise click.UsageError(f"--corpus {t}: not a folder; give a folder that holds "
                                   "statutes and gold/<name>.json")
        if not find_pairs(t):
            raise click.UsageError(f"--corpus {t}: no statute with a gold/<name>.json label "
                                   "file beside it")
    problems = [msg for t in targets for _, g in find_pairs(t) if (msg := gold_problem(g))]
    if problems:
        for msg in problems:
            click.echo(f"error: {msg}", err=True)
        sys.exit(1)
    model = load_model_or_exit(provisions)
    out = []
    for t in targets:
        report = run_eval(model, t)
        if not report.items:
            for s in report.skipped:
                click.echo(f"error: {s}", err=True)
            click.echo(f"error: {t}: no labelled statute could be measured", err=True)
            sys.exit(1)
        out.append(report_json(report) if fmt == "json" else format_report(report))
    if fmt == "json":
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        click.echo("\n\n".join(out))
