"""'partly' concepts: found alone they make an element partial, never met."""

from __future__ import annotations

from pathlib import Path

import pytest
from compare_helpers import analyse_text, load_law

LAW = '''instrument tip "Protocol"

requirement tip.5.2.c "Organising or directing"
  strength mandatory
  verify verified

part offences "Offences"

provision offence.ancillary "Organisers"
  part offences
  implements tip.5.2.c
  text "(1) A person who organises or directs trafficking commits an offence."
  requires clause organising "organising or directing others":
    organises or directs ("directs another person"),
    partly conspiracy or accessory liability ("criminal conspiracy", "counsels or procures")
'''


@pytest.mark.parametrize(
    ("sentence", "status", "missing"),
    [
        ("A person who organises or directs another person to traffic commits an offence.",
         "met", ""),
        ("A person who is party to a criminal conspiracy to traffic commits an offence.",
         "partial", "only conspiracy or accessory liability, not organises or directs"),
        ("A person who traffics commits an offence.", "unmet", "no provision found"),
    ],
)
def test_partly_concepts(tmp_path: Path, sentence: str, status: str, missing: str) -> None:
    res = analyse_text(load_law(tmp_path, LAW), tmp_path, f"1. Offences\n{sentence}\n")
    f = res.requirement("tip.5.2.c")
    assert f.status == status
    assert missing in " ".join(f.missing)
