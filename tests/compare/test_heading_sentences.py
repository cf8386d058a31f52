"""A heading without a full stop is a sentence of its own: phrases do not run from it into
the text below."""

from __future__ import annotations

from pathlib import Path

from modellaw.compare.carriers import merge
from modellaw.compare.context import StatuteView
from modellaw.compare.findings import Evidence
from modellaw.statutes import read_statute

# Written for this test, in the shape of an OCR'd statute: headings on their own lines.
STATUTE = """1. Short title
This Act may be cited as the Example Act.

12. Repatriation
A victim who is not a citizen shall be returned home with due regard for his or her safety.

13. Return of victims
The Minister shall arrange the return of victims of trafficking.
"""


def _view(tmp_path: Path) -> StatuteView:
    path = tmp_path / "s.txt"
    path.write_text(STATUTE, encoding="utf-8")
    return StatuteView.build(read_statute(path))


def test_a_phrase_does_not_run_from_a_heading_into_its_text(tmp_path: Path) -> None:
    view = _view(tmp_path)
    # "Repatriation / A victim" is not "repatriation of a victim" ...
    assert view.find("repatriation of a victim") == []
    # ... but each part still matches where it is.
    assert [view.label_at(m.start) for m in view.find("repatriation")] == ["12"]
    assert {view.label_at(m.start) for m in view.find("return of victims")} == {"13"}


def test_a_heading_is_quoted_alone(tmp_path: Path) -> None:
    view = _view(tmp_path)
    (m,) = view.find("repatriation")
    quote, _, _ = view.quote(m.start, m.end)
    assert quote == "12. Repatriation"


def test_a_section_cited_with_its_part_is_quoted_at_its_heading(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    path.write_text("1. Title\nThis is the Example Act.\n\n3. Trafficking in persons\n"
                    "(1) Whoever recruits a person by force commits an offence.\n"
                    "(2) Whoever harbours a child commits an offence.\n", encoding="utf-8")
    view = StatuteView.build(read_statute(path))
    (m,) = view.find("recruits a person")
    quote, s, e = view.quote(m.start, m.end)
    # Both the section and its subsection hold the rule, quoted at the same sentence.
    section = Evidence("3", quote, s, e)
    part = Evidence("3(1)", quote, s, e)
    out = merge(view, [section, part], [], 12)
    assert [ev.unit for ev in out] == ["3", "3(1)"]
    assert out[0].quote == "3. Trafficking in persons"
    assert out[1].quote.startswith("(1) Whoever recruits")
