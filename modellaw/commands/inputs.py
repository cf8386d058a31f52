"""Shared command-line plumbing: loading the model law and finding statute files."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from modellaw.diagnostics import Severity, render_text
from modellaw.dsl.model import ModelLaw

STATUTE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
# Files that live beside statutes but are not statutes.
_NOT_STATUTES = (".review.json", ".meta.json", "README.md")


def load_model_or_exit(paths: tuple[Path, ...] | list[Path]) -> ModelLaw:
    from modellaw.dsl.loader import load_model

    result = load_model(list(paths) or ["provisions"])
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if errors:
        click.echo(render_text(errors, result.sources), err=True)
        click.echo(f"the model law has {len(errors)} error(s); run `modellaw check` and fix "
                   "them first", err=True)
        sys.exit(1)
    return result.model


def statute_files(args: tuple[Path, ...]) -> list[Path]:
    """Files as given, and for a folder the statute files directly inside it."""
    out: list[Path] = []
    for a in args:
        if a.is_dir():
            for f in sorted(a.iterdir()):
                if (f.is_file() and f.suffix.lower() in STATUTE_SUFFIXES
                        and not f.name.endswith(_NOT_STATUTES)):
                    out.append(f)
        else:
            out.append(a)
    return out
