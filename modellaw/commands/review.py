"""`modellaw review`: record a reviewer's decision on one requirement."""

from __future__ import annotations

import difflib
from pathlib import Path

import click

from modellaw.commands.inputs import load_model_or_exit


@click.command()
@click.argument("statute", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.argument("requirement")
@click.option("--confirm", is_flag=True, help="The verdict is right.")
@click.option("--reject", is_flag=True,
              help="The verdict is wrong; keep it flagged for review.")
@click.option("--status", type=click.Choice(["met", "partial", "unmet"]),
              help="Change the verdict to this status.")
@click.option("--comment", default="", help="Why; shown in every report.")
@click.option("--reviewer", help="Who decided.")
@click.option("--provisions", "provisions", multiple=True, type=click.Path(path_type=Path),
              help="Model-law files or folders (default: provisions/).")
def review(statute: Path, requirement: str, confirm: bool, reject: bool, status: str | None,
           comment: str, reviewer: str | None, provisions: tuple[Path, ...]) -> None:
    """Confirm, reject or change the verdict on REQUIREMENT for STATUTE.

    The entry goes into <statute name>.review.json beside the statute; other entries are
    kept as they are, and gap runs never write to that file. Exit status: 0 recorded, 1 the
    statute or the review file could not be read, 2 usage errors.
    """
    from modellaw.compare.engine import analyse
    from modellaw.compare.review import ReviewError, record, review_path_for, units_hash
    from modellaw.statutes import StatuteReadError, read_statute

    chosen = [d for d, on in (("confirm", confirm), ("reject", reject), ("change", bool(status)))
              if on]
    if not chosen:
        raise click.UsageError("say --confirm, --reject or --status met|partial|unmet")
    if len(chosen) > 1:
        raise click.UsageError("give only one of --confirm, --reject and --status")
    decision = chosen[0]
    model = load_model_or_exit(provisions)
    row = model.resolve(requirement)
    if row is None:
        hint = difflib.get_close_matches(requirement, sorted(model.requirements), n=1)
        raise click.UsageError(f"unknown requirement id '{requirement}'"
                               + (f"; did you mean '{hint[0]}'?" if hint else
                                  "; see `modellaw coverage` for the ids"))
    try:
        st = read_statute(statute)
        path = review_path_for(statute)
        result = analyse(model, st, review_path=Path("/nonexistent/review.json"))
        finding = result.requirement(row)
        assert finding is not None
        units = list(dict.fromkeys(ev.unit for ev in finding.evidence))
        record(path, row, decision, status, comment, reviewer, units_hash(st, units), units)
    except (StatuteReadError, ReviewError) as e:
        raise click.ClickException(str(e)) from e
    click.echo(f"{path}: {row}: {decision}" + (f" -> {status}" if status else "")
               + f" (machine verdict: {finding.status})")
