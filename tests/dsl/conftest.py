"""Fixtures for the DSL tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from dsl_helpers import Project

from modellaw.diagnostics import Diagnostic


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path)


@pytest.fixture
def check(project: Project) -> Callable[..., list[Diagnostic]]:
    return project.check
