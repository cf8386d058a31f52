"""The document layout shared by every format: blocks, cross-references, annex."""

from __future__ import annotations

import pytest

from modellaw.publish.document import Block, Ref, build_document, link_refs, split_blocks

NUMBERS = {"offence.trafficking": 4, "victims.assistance": 9, "general.terms": 1}


@pytest.mark.parametrize("text, expected", [
    ("see [offence.trafficking].", ["see ", Ref("offence.trafficking", 4, False), "."]),
    ("under section [offence.trafficking]",
     ["under section ", Ref("offence.trafficking", 4, True)]),
    ("sections [offence.trafficking] and [victims.assistance]",
     ["sections ", Ref("offence.trafficking", 4, True), " and ",
      Ref("victims.assistance", 9, True)]),
    ("[offence.trafficking] and [victims.assistance]",
     [Ref("offence.trafficking", 4, False), " and ", Ref("victims.assistance", 9, False)]),
    ("the law of [State] applies", ["the law of [State] applies"]),
    ("an [unknown.provision] stays", ["an [unknown.provision] stays"]),
])
def test_link_refs(text, expected):
    assert link_refs(text, NUMBERS) == expected


@pytest.mark.parametrize("text, expected", [
    ("(1) First\n    wrapped.\n(2) Second:\n    (a) one;\n    (b) two.\n",
     [(0, "(1)", "First wrapped."), (0, "(2)", "Second:"), (1, "(a)", "one;"),
      (1, "(b)", "two.")]),
    ("Intro:\n(a) x;\n(b) y.\n", [(0, None, "Intro:"), (0, "(a)", "x;"), (0, "(b)", "y.")]),
    ("One paragraph\nwrapped.\n\nAnother.\n",
     [(0, None, "One paragraph wrapped."), (0, None, "Another.")]),
    ("(1) A person who\n    (a) makes; or\n    (b) uses,\n    commits an offence.\n(2) Next.\n",
     [(0, "(1)", "A person who"), (1, "(a)", "makes; or"), (1, "(b)", "uses,"),
      (1, None, "commits an offence."), (0, "(2)", "Next.")]),
    ('In this Law:\n"a" means x\n    wrapped;\n"b" means:\n    (a) one;\n    (b) two;\n'
     '"c" means z.\n',
     [(0, None, "In this Law:"), (0, None, '"a" means x wrapped;'), (0, None, '"b" means:'),
      (1, "(a)", "one;"), (1, "(b)", "two;"), (0, None, '"c" means z.')]),
    ("Flush prose that\nwraps at the margin.\n\nSecond paragraph.\n",
     [(0, None, "Flush prose that wraps at the margin."), (0, None, "Second paragraph.")]),
    ("", []),
])
def test_split_blocks(text, expected):
    got = split_blocks(text, {})
    assert [(b.level, b.label, "".join(b.inline)) for b in got] == expected
    assert all(isinstance(b, Block) for b in got)


def test_document_of_fixture(mini_model, implements_links):
    doc = build_document(mini_model)
    assert [p.heading for p in doc.parts] == [
        "Part 1: General provisions", "Part 2: Offences", "Part 3: Protection of victims"]
    # Declared victims-first in the files; printed in part order.
    assert [(s.number, s.id) for s in doc.sections] == [
        (1, "general.definitions"), (2, "offence.trafficking"), (3, "victims.assistance")]
    assert sorted((r.section, r.provision, r.requirement) for r in doc.annex) == implements_links
    offence = doc.sections[1]
    assert [a.tradition for a in offence.alternatives] == ["civil-law"]
    assert doc.sections[2].optional and not offence.optional
    # The alias tip.3 in general.definitions is shown as its row id.
    assert doc.sections[0].implements == ["tip.3.a"]
