"""Plain heading lines as units when the section numbers were lost (no markdown '#' marks)."""

from __future__ import annotations

import pytest

from modellaw.statutes.cleanup import normalise
from modellaw.statutes.headings import is_plain_heading
from modellaw.statutes.segment import Segmentation, segment

BODY = "A person who recruits another person for exploitation commits an offence."


@pytest.mark.parametrize(
    ("text", "before", "after", "blank_before", "expected"),
    [
        # Headings: short, capitalised, no sentence punctuation, body text below.
        ("Trafficking in persons", "the end of the last section.", BODY, True, True),
        ("Interpretation", None, "In this Law, unless the context requires-", True, True),
        ("Short title and application", "ENACTED by the Assembly.", BODY, True, True),
        ("Assistance to victims", "was the end.", "(1) The Minister may provide", False, True),
        ("Repatriation", "text.", '"victim" means a person', True, True),
        ("Offences by bodies corporate, etc", "text.", BODY, True, True),
        # After the end of a paragraph, with no blank line between (blank lines lost in OCR).
        ("Sale of persons", "not exceeding seven years.", BODY, False, True),
        # Negative: a fragment of a wrapped paragraph.
        ("The Minister", "may, after consulting the Committee and", BODY, False, False),
        (
            "Attorney General",
            "after consulting the",
            "and the Committee, make rules.",
            False,
            False,
        ),
        # ... even after a sentence end, when the next line continues in lower case.
        ("The Court", "the victim is a child.", "may order otherwise where justice", False, False),
        # ... or when it ends on a word that needs a continuation.
        ("Any person convicted under", "text.", BODY, True, False),
        ("Transfers pursuant to paragraph", "text.", BODY, True, False),
        # Negative: ALL-CAPS title blocks and running heads.
        ("REPUBLIC OF CORVANIA", None, BODY, True, False),
        ("PREVENTION OF HUMAN TRAFFICKING LAW", "LAW No. 9 OF 2004", BODY, True, False),
        ("OFFICIAL GAZETTE Page 1", None, BODY, True, False),
        ("Corvania Gazette Extraordinary No 41", None, BODY, True, False),
        # Negative: sentences and operative text.
        ("This Law applies throughout Corvania.", None, BODY, True, False),
        ("A victim shall not be liable", "text.", BODY, True, False),
        ("In this Law:", "text.", '"child" means a person', True, False),
        ("Passed. The Minister", "text.", BODY, True, False),
        # Negative: nothing, or another title, below it.
        ("Regulations", "text.", None, True, False),
        ("Offences", "text.", "Trafficking in persons", True, False),
        ("(1) Offences", "text.", BODY, True, False),
        ('"child" means', "text.", BODY, True, False),
    ],
)
def test_is_plain_heading(
    text: str, before: str | None, after: str | None, blank_before: bool, expected: bool
) -> None:
    assert is_plain_heading(text, before, after, blank_before) is expected


def _segment(text: str) -> tuple[Segmentation, str]:
    clean = normalise(text)
    return segment(clean.text, clean.lines), clean.text


def _labels(result: Segmentation) -> list[str]:
    out: list[str] = []
    stack = list(reversed(result.units))
    while stack:
        unit = stack.pop()
        out.append(unit.label)
        stack.extend(reversed(unit.children))
    return out


# A title block whose capitalised lines each stand above a sentence, as headings do.
GAZETTE = (
    "REPUBLIC OF NORTHLAND\nLaw No. 3 of 2031, assented to on 2 May 2031.\n\n"
    "PREVENTION OF TRAFFICKING LAW\nA Law to provide for the prevention of trafficking in "
    "persons, and for connected matters.\n\n"
    "OFFICIAL JOURNAL OF THE ASSEMBLY\nPublished on 3 May 2031.\n\n"
    "ENACTED by the Assembly of Northland.\n\n"
)
LOST_NUMBERS = GAZETTE + (
    "Short title\nThis Law may be cited as the Prevention of Trafficking Law, 2031.\n\n"
    "Interpretation\nIn this Law, unless the context otherwise requires-\n"
    '"child" means a person under the age of eighteen years;\n'
    '"victim" means a person against whom an offence is committed.\n\n'
    "Trafficking in persons\n(1) Any person who recruits another person for exploitation\n"
    "commits an offence.\n(2) The consent of the victim is irrelevant.\n"
    "Protection of victims\nA victim shall not be punished for offences committed as a\n"
    "direct consequence of being trafficked.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            LOST_NUMBERS,
            [
                "Short title",
                "Interpretation",
                "Trafficking in persons",
                "Trafficking in persons(1)",
                "Trafficking in persons(2)",
                "Protection of victims",
            ],
        ),
        # A heading run into its first line still counts, next to headings on their own.
        (
            LOST_NUMBERS + "\nForfeiture of property (1) The court may order forfeiture.\n"
            "(2) Forfeited property goes to the State.\n",
            [
                "Short title",
                "Interpretation",
                "Trafficking in persons",
                "Trafficking in persons(1)",
                "Trafficking in persons(2)",
                "Protection of victims",
                "Forfeiture of property",
                "Forfeiture of property(1)",
                "Forfeiture of property(2)",
            ],
        ),
        # Parts are recognised by their words and keep the heading units under them.
        (
            "PART I - PRELIMINARY\n\nShort title\nThis Law is the Test Law.\n\n"
            "PART II - OFFENCES\n\nTrafficking in persons\nAny person who traffics commits an "
            "offence.\n\nAttempts\nAn attempt is punished as the offence.\n",
            ["Part I", "Short title", "Part II", "Trafficking in persons", "Attempts"],
        ),
        # The same heading twice gives two distinct labels.
        (
            "Offences\nAny person who traffics commits an offence.\n\nPenalties\nA person "
            "convicted is liable to ten years.\n\nOffences\nAny person who abets commits an "
            "offence.\n",
            ["Offences", "Penalties", "Offences [2]"],
        ),
    ],
)
def test_headings_become_units(text: str, expected: list[str]) -> None:
    result, _clean = _segment(text)
    assert _labels(result) == expected
    units = [u for u in result.units if u.kind == "section"]
    assert all(u.inferred and u.heading == u.label.removesuffix(" [2]") for u in units)
    assert any("labelled by their headings" in w for w in result.warnings)


def test_heading_unit_text_starts_at_its_heading() -> None:
    result, clean = _segment(LOST_NUMBERS)
    unit = next(u for u in result.units if u.label == "Trafficking in persons")
    assert clean[unit.start : unit.end].startswith("Trafficking in persons\n(1) Any person")
    assert clean[unit.start : unit.end].endswith("irrelevant.")
    first = unit.children[0]
    assert first.kind == "subsection"
    assert clean[first.start : first.end].startswith("(1) Any person")


def test_gazette_title_block_is_not_sections() -> None:
    result, clean = _segment(LOST_NUMBERS)
    first = result.units[0]
    assert first.label == "Short title"
    assert "REPUBLIC OF NORTHLAND" not in clean[first.start :]


@pytest.mark.parametrize(
    "text",
    [
        # Only an ALL-CAPS title block and running text: no headings to believe.
        GAZETTE + "A person who traffics another person commits an offence and is liable\n"
        "to imprisonment for ten years.\n",
        # A short fragment inside wrapped paragraphs is not a heading, even after a full stop.
        "Any person who recruits a child commits an offence.\nThe Minister\nmay make rules.\n\n"
        "The consent of the victim is irrelevant.\nThe Court\nshall hear the victim.\n\n"
        "A victim is not liable.\nThe Police\nshall protect the victim.\n",
        # Two headings are too few to be sure.
        "Offences\nAny person who traffics commits an offence.\n\nPenalties\nA person convicted"
        " is liable to ten years.\n",
    ],
)
def test_no_heading_units(text: str) -> None:
    result, _clean = _segment(text)
    assert len(result.units) == 1 and result.units[0].label == "1"
    assert any("no sections, articles or headings recognised" in w for w in result.warnings)


def test_numbered_statute_gets_no_heading_units() -> None:
    text = (
        "Short title\n1. This Act is the Test Act.\n\nTrafficking in persons\n2. Any person who "
        "traffics commits an offence.\n\nProtection of victims\n3. A victim is not liable.\n"
    )
    result, _clean = _segment(text)
    assert [u.label for u in result.units] == ["1", "2", "3"]
    assert [u.heading for u in result.units] == [
        "Short title",
        "Trafficking in persons",
        "Protection of victims",
    ]
    assert not any(u.inferred for u in result.units)
    assert not any("labelled by their headings" in w for w in result.warnings)
