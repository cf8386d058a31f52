"""The README's example is real: it parses and uses ids the model law has."""

from __future__ import annotations

import re
from pathlib import Path

from modellaw.dsl.loader import load_model
from modellaw.dsl.parser import parse_text

REPO = Path(__file__).resolve().parents[1]


def test_readme_provision_parses_and_matches_the_model_law():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## A provision, as a drafter writes it.*?```\n(.*?)```", text, re.S)
    assert block
    res = parse_text(block.group(1), "README.md")
    assert res.syntax is not None and not res.diagnostics
    decl = res.syntax.decls[0]
    model = load_model([REPO / "provisions"]).model
    prov = model.provision(decl.ident)
    assert prov is not None
    for item in decl.items:
        if getattr(item, "key", None) == "see":
            assert all(model.provision(v.text) for vals in item.values for v in vals)
