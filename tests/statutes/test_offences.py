"""Where a statute punishes an offence stated in another unit."""

from __future__ import annotations

import pytest

from modellaw.statutes.offences import (
    creates_offence,
    makes_conduct_an_offence,
    offence_references,
)

# Each row: a sentence written for this test, the sections it points at (() = its own).
CASES = [
    ("Any person who is guilty of an offence under section 3, upon conviction", [("3",)]),
    ("A person guilty of an offence under sections 3 and 4A shall be liable", [("3", "4A")]),
    ("is guilty of an offence under subsections (1) or (2) of this section shall be",
     [()]),
    ("The punishment for an offense under subsection (a) is", [()]),
    ("A person who commits an offence under subsection (1) of section 2 is liable", [("2",)]),
    ("A person convicted of an offence against this section is liable", [()]),
    ("Whoever commits an offence under section 12(1)(b) shall be punished", [("12",)]),
    ("(a) Any person found guilty of committing any of the acts in Section 4 shall suffer",
     [("4",)]),
    ("(c) Any person found guilty of qualified trafficking under Section 7 shall suffer",
     [("7",)]),
    ("(d) Whoever violates this section shall be fined under this title", [()]),
    ("Whoever knowingly violates section 1589 shall be fined", [("1589",)]),
    ("A person who commits an offence against section 271.2(1B) is liable", [("271.2",)]),
    ("A person guilty of an offence under section 3. The court may", [("3",)]),
]
# Phrases that name someone other than the offender of that offence.
NOT_PENALTIES = [
    "a victim of an offence under section 3 shall be assisted",
    "a person who attempts to commit an offence under section 3",
    "organises another person to commit an offence under section 3",
    "a carrier shall not be guilty of an offence under section 9 if",
    "a person liable for damages under section 5",
]


@pytest.mark.parametrize(("text", "targets"), CASES)
def test_offence_references(text: str, targets: list[tuple[str, ...]]) -> None:
    assert [r.targets for r in offence_references(text)] == targets


@pytest.mark.parametrize("text", NOT_PENALTIES)
def test_other_people_are_not_offenders(text: str) -> None:
    assert offence_references(text) == []


def test_offsets_cover_the_phrase() -> None:
    text = "(1) Any person who is guilty of an offence under section 3 shall be punished."
    (ref,) = offence_references(text)
    assert text[ref.start:ref.end] == "is guilty of an offence under section 3"


@pytest.mark.parametrize(
    ("text", "creates"),
    [
        ("A person who traffics another commits an offence.", True),
        ("Whoever recruits a person for labour shall be fined under this title.", True),
        ("shall be punished with imprisonment for a term of ten years", True),
        ("is liable on conviction to imprisonment for life", True),
        # Malawian style: the offence named, the conviction set between commas
        ("A person who trafficks another person commits the offence termed trafficking", True),
        ("and shall, upon conviction, be liable to imprisonment for fourteen years", True),
        ("A victim shall not be liable for offences committed while trafficked.", False),
        ("The Minister shall establish shelters for victims.", False),
        ("In this Act, 'child' means a person under eighteen years.", False),
    ],
)
def test_creates_offence(text: str, creates: bool) -> None:
    assert creates_offence(text) is creates


@pytest.mark.parametrize(
    ("text", "conduct"),
    [
        ("(d) Whoever obstructs the enforcement of this section shall be fined", True),
        ("(2) A person who recruits a child commits an offence.", True),
        ("It shall be unlawful for any person to recruit a person for prostitution", True),
        ("(2) A person who commits aggravated trafficking is liable to imprisonment for life",
         False),
        ("shall, upon conviction, be liable to imprisonment for fourteen years", False),
        ("(6) A person who commits the offence of trafficking in persons is liable (a) on "
         "summary conviction, to imprisonment for five years", False),
        ("Whoever commits an offence under this section shall be punished", False),
        ("A person who recruits a child commits the offence of trafficking", True),
    ],
)
def test_makes_conduct_an_offence(text: str, conduct: bool) -> None:
    assert makes_conduct_an_offence(text) is conduct
