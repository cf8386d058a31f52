"""A tiny modellaw project on disk with its own standards, for the DSL tests."""

from __future__ import annotations

from pathlib import Path

from modellaw.diagnostics import Diagnostic
from modellaw.dsl.loader import LoadResult, load_model

# Just enough standards for the cases to resolve ids against (and to get suggestions from).
STANDARDS = '''\
instrument tip "Trafficking Protocol"
  kind treaty
  year 2000

requirement tip.3.a "Definition of trafficking"
  article "Art. 3(a)"
  strength mandatory
  verify verified

requirement tip.3.c "Child trafficking needs no means"
  article "Art. 3(c)"

requirement tip.5.1 "Criminalise trafficking"
  article "Art. 5(1)"

requirement tip.6.3 "Assistance to victims"
  article "Art. 6(3)"
  strength consider

requirement tip.9.1 "Prevention policies"
  article "Art. 9(1)"

part offences "Offences"
part victims "Protection of victims"
part prevention "Prevention"

provision definitions.exploitation "Exploitation"
  part offences
  implements tip.3.a
  text "Exploitation includes forced labour."
  requires any purposes: forced labour, slavery
'''


class Project:
    """A folder with a pyproject.toml marker (the project root) and a standards file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
        self.standards = root / "standards.mlaw"
        self.standards.write_text(STANDARDS, encoding="utf-8")

    def write(self, name: str, data: str | bytes) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8", newline="")
        return path

    def load(self, *files: Path, lint: bool = False) -> LoadResult:
        return load_model([self.standards, *files], lint=lint, root=self.root)

    def check(self, data: str | bytes, name: str = "case.mlaw",
              lint: bool = False) -> list[Diagnostic]:
        """Diagnostics reported in the case file (the standards file is clean)."""
        path = self.write(name, data)
        result = self.load(path, lint=lint)
        assert not [d for d in result.diagnostics if d.span.path == str(self.standards)]
        return [d for d in result.diagnostics if d.span.path == str(path)]
