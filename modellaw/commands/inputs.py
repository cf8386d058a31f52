"""Shared command-line plumbing: finding the model law, statute files and output places.

Problems with what the user typed (a path that does not exist, a folder with nothing in
it, an output folder that is really a file) are usage errors: exit 2 with one line that
says what to do. Problems inside a file that was found are findings: exit 1.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NoReturn

import click

from modellaw.diagnostics import Severity, render_text
from modellaw.dsl.model import ModelLaw

STATUTE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")
# Files that live beside statutes but are not statutes.
_NOT_STATUTES = (".review.json", ".meta.json", "README.md")
DSL_SUFFIX = ".mlaw"
DEFAULT_PROVISIONS = Path("provisions")


def bundled_provisions() -> Path:
    """The model law that ships with modellaw: the project's provisions/ folder beside the
    package (a checkout or an editable install), else the copy a wheel installs under
    <prefix>/share/modellaw."""
    beside = Path(__file__).resolve().parents[2] / "provisions"
    if beside.is_dir():
        return beside
    return Path(sys.prefix) / "share" / "modellaw" / "provisions"


def default_model_paths() -> list[Path]:
    """provisions/ in the current folder, else the model law shipped with modellaw.

    An adviser runs `gap` wherever their statutes are; they should not need to know where
    the model law lives.
    """
    if DEFAULT_PROVISIONS.is_dir():
        return [DEFAULT_PROVISIONS]
    bundled = bundled_provisions()
    if bundled.is_dir():
        return [bundled]
    raise click.UsageError("no model law found: there is no provisions/ folder here; "
                           "run modellaw in the project folder or pass --provisions DIR")


def model_paths(paths: tuple[Path, ...] | list[Path] | list[str]) -> list[Path]:
    """The DSL paths to load: as given (each must exist and hold .mlaw files) or the default."""
    given = [Path(p) for p in paths]
    if not given:
        return default_model_paths()
    for p in given:
        if not p.exists():
            raise click.UsageError(f"{p}: no such file or folder; give the model law's .mlaw "
                                   "files or the folder that holds them")
        if p.is_dir() and not any(q.is_file() for q in p.rglob(f"*{DSL_SUFFIX}")):
            raise click.UsageError(f"{p}: no {DSL_SUFFIX} files in this folder; give the "
                                   "folder that holds the model law (e.g. provisions/)")
    return given


def load_model_or_exit(paths: tuple[Path, ...] | list[Path]) -> ModelLaw:
    from modellaw.dsl.loader import load_model

    # Drafting lints are for `check`; a run over statutes needs only a model without errors.
    result = load_model(model_paths(paths), lint=False)
    errors = [d for d in result.diagnostics if d.severity is Severity.ERROR]
    if errors:
        click.echo(render_text(errors, result.sources), err=True)
        click.echo(f"the model law has {len(errors)} error(s); run `modellaw check` and fix "
                   "them first", err=True)
        sys.exit(1)
    return result.model


def _is_statute(f: Path) -> bool:
    return (f.is_file() and f.suffix.lower() in STATUTE_SUFFIXES
            and not f.name.endswith(_NOT_STATUTES) and not f.name.startswith("."))


def statute_files(args: tuple[Path, ...] | list[Path]) -> list[Path]:
    """Files as given, and for a folder the statute files directly inside it.

    A path that does not exist, or a folder without a single statute file, is a usage
    error naming that path.
    """
    out: list[Path] = []
    for a in args:
        if not a.exists():
            raise click.UsageError(f"{a}: no such file or folder; check the path")
        if a.is_dir():
            found = [f for f in sorted(a.iterdir()) if _is_statute(f)]
            if not found:
                raise click.UsageError(
                    f"{a}: no statute files in this folder (looked for "
                    f"{', '.join(STATUTE_SUFFIXES)}); give the statute files themselves")
            out.extend(found)
        else:
            out.append(a)
    # The same statute named twice would give two identical reports fighting for a name.
    return list(dict.fromkeys(out))


def _first_existing(path: Path) -> Path:
    p = path
    while not p.exists() and p != p.parent:
        p = p.parent
    return p


def check_out_dir(out: Path, option: str = "-o") -> None:
    """Fail early, before any analysis, when reports could not be written into `out`."""
    if out.exists() and not out.is_dir():
        raise click.UsageError(f"{option} {out}: this is a file; {option} takes a folder "
                               "for the reports")
    _check_writable(out, option, out)


def check_out_file(out: Path, option: str = "-o") -> None:
    """Fail early when `out` could not be written as a file."""
    if out.is_dir():
        raise click.UsageError(f"{option} {out}: this is a folder; give a file name, e.g. "
                               f"{out / 'model-law.html'}")
    _check_writable(out.parent, option, out)


def _check_writable(folder: Path, option: str, given: Path) -> None:
    base = _first_existing(folder)
    if not base.is_dir():
        raise click.UsageError(f"{option} {given}: {base} is a file, not a folder; choose "
                               "another place for the output")
    if not os.access(base, os.W_OK | os.X_OK):
        raise click.UsageError(f"{option} {given}: no permission to write in {base}; "
                               "choose a folder you can write to")


def write_failed(path: object, err: OSError) -> NoReturn:
    """A write that failed half-way (disk full, permissions changed): one line, exit 1."""
    reason = err.strerror or str(err)
    click.echo(f"error: cannot write {getattr(err, 'filename', None) or path}: {reason}; "
               "nothing half-written was left behind", err=True)
    sys.exit(1)
