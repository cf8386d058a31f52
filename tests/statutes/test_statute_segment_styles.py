"""Drafting styles met in the second round of samples: Gulf translations ("Article (1)",
"Chapter One"), § codes with numbered points, "a)" items, short headings that contain a
verb, and a schedule's title line. Each pattern has cases where it must not fire."""

from __future__ import annotations

from pathlib import Path

import pytest

from modellaw.statutes import read_statute
from modellaw.statutes.cleanup import normalise
from modellaw.statutes.model import Unit
from modellaw.statutes.segment import segment

SAMPLES = Path(__file__).resolve().parents[2] / "national_laws"


def _units(text: str) -> tuple[str, dict[str, Unit]]:
    clean = normalise(text)
    result = segment(clean.text, clean.lines)
    found: dict[str, Unit] = {}

    def walk(units: list[Unit]) -> None:
        for unit in units:
            found[unit.label] = unit
            walk(unit.children)

    walk(result.units)
    return clean.text, found


GULF = (
    "Have issued the following Law:\n\n"
    "Chapter One\nDefinitions\n\n"
    "Article (1)\nIn this Law, the Committee is the committee set up under Article (15).\n\n"
    "Chapter Two\nCrimes and Penalties\n\n"
    "Article (2)\n1. Whoever commits any of the following acts:\n(a) selling persons;\n"
    "(b) buying persons.\n2. The crime is committed whether or not exploitation occurs.\n\n"
    "Article (3)\nConsent shall not be taken into account.\n"
)

SIGN_CODE = (
    "Chapter Eighteen — Offences against personal liberty\n\n"
    "§ 232 Trafficking in human beings\n"
    "(1) Whoever recruits a person who is to be exploited\n"
    "1. in prostitution,\n2. through employment, or\n3. in begging,\n"
    "shall be punished.\n(2) The attempt is punishable.\n"
    "(3) The penalty is higher where\n1. the victim is a child, or\n2. a gang acts.\n\n"
    "§ 233c Offences committed abroad\nThe law applies where\n"
    "1. the offender is a national, or\n2. the victim is a national.\n"
)

LETTER_ITEMS = (
    "Article 7. Aggravating circumstances\n"
    "1. The penalty is higher where the offence:\n"
    "a) is committed against a child;\nb) is committed by an official.\n"
    "2. Where the victim dies, the penalty is life imprisonment.\n\n"
    "Article 8. Jurisdiction\nThe courts have jurisdiction over offences:\n"
    "a) committed in the territory;\nb) committed by a citizen abroad, see a) above.\n"
)


DECIMAL_CODE = (
    "Division 271 — Trafficking in persons\n\n"
    "271.1 Definitions\nIn this Division, exploitation has the meaning given by section 5.\n\n"
    "271.2 Offence of trafficking in persons\n"
    "(1) A person commits an offence if the person organises the entry of another person.\n"
    "Penalty: Imprisonment for 12 years.\n"
    "(1B) A person commits an offence if:\n(a) the person recruits another person; and\n"
    "(b) the person does so for exploitation.\nPenalty: Imprisonment for 12 years.\n\n"
    "271.10 Jurisdiction\nSection 15.2 applies to an offence against this Division.\n\n"
    "279.01 (1) Every person who recruits a person for exploitation commits an offence.\n"
    "279.011 (1) Every person who recruits a child for exploitation commits an offence.\n"
)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # Gulf style: "Article (n)" is an article and "1." under it a paragraph of it.
        (
            GULF,
            [
                "Art. 1",
                "Art. 2",
                "Art. 2(1)",
                "Art. 2(1)(a)",
                "Art. 2(1)(b)",
                "Art. 2(2)",
                "Art. 3",
            ],
            ["1", "2", "Art. 15", "1(a)"],
        ),
        # Chapters numbered in words, title case as well as capitals.
        (GULF, ["Chapter One", "Chapter Two"], []),
        (
            "CHAPTER TWELVE\nOFFENCES\n\nArticle 1\nText.\nArticle 2\nText.\n",
            ["Chapter TWELVE"],
            [],
        ),
        # Not chapters: a sentence about a Part, a lower-case word, an ordinal.
        (
            "Part Two of this Act applies to children.\nChapter one\nChapter Tenth\n"
            "Article 1\nText.\nArticle 2\nText.\n",
            ["Art. 1", "Art. 2"],
            ["Part Two", "Chapter one", "Chapter Tenth", "Chapter Ten"],
        ),
        # "Law No. (9) of 2015" and "(Article (4))" inside a line are not articles.
        (
            "FEDERAL LAW No. (9) of 2015\nArticle (1)\nAs in (Article (4)) below.\n"
            "Article (2)\nText.\n",
            ["Art. 1", "Art. 2"],
            ["Art. 4", "Art. 9"],
        ),
        # § codes: numbered points belong to the paragraph above, not new sections.
        (
            SIGN_CODE,
            [
                "Chapter Eighteen",
                "232",
                "232(1)",
                "232(1) no. 1",
                "232(1) no. 3",
                "232(2)",
                "232(3)",
                "232(3) no. 2",
                "233c",
                "233c no. 1",
                "233c no. 2",
            ],
            ["1", "2", "3", "3(2)", "232(1)(1)", "232(4)"],
        ),
        # Without § sections, "1." lines stay sections of a common-law Act...
        ("1. Title\nText.\n2. Offence\n(1) A person.\n", ["1", "2", "2(1)"], ["2(1) no. 1"]),
        # ... and an unindented "1." under "(1)" is neither a section nor a point.
        (
            "2. Defs\nText.\n3. Offence\n(1) A person who\n1. sells, or\n2. buys.\n",
            ["3", "3(1)"],
            ["3(1) no. 1", "3(1)(1)"],
        ),
        # "a)" items at the start of a line, under a numbered paragraph or the article itself.
        (
            LETTER_ITEMS,
            ["Art. 7(1)", "Art. 7(1)(a)", "Art. 7(1)(b)", "Art. 7(2)", "Art. 8(a)", "Art. 8(b)"],
            ["Art. 7(a)", "Art. 8(c)"],
        ),
        # Central Asian codes and laws in translation: "1)" items under "2." paragraphs, and
        # notes at the foot of an article ("Notes. 1. ... 2. ...").
        (
            "Article 128. Trafficking\n1. Recruitment of a person for exploitation\n- shall be "
            "punished.\n2. The same acts committed:\na) against two persons;\nb) by a group\n- "
            "shall be punished.\nNotes. 1. Exploitation means forced labour.\n2. Consent is no "
            "defence.\n\nArticle 129. Victims\n1. Victims shall have:\n1) shelter;\n2) "
            "counselling.\n2. Assistance lasts thirty days.\nNote. A victim is not liable.\n",
            ["Art. 128(1)", "Art. 128(2)(a)", "Art. 128(2)(b)", "Art. 128 Note 1",
             "Art. 128 Note 2", "Art. 129(1)(1)", "Art. 129(1)(2)", "Art. 129(2)",
             "Art. 129 Note"],
            ["Art. 128(3)", "Art. 129(3)", "Art. 129(1)(3)"],
        ),
        # An amending law quotes the articles it inserts into a code, each line opening with
        # a quotation mark; a quoted term ('"child" means') is not such a line.
        (
            "Article 1: The Penal Code is supplemented as follows:\n\"Article 448-1. - "
            "Trafficking means the recruitment of a person.\n\"Article 448-2. - Whoever "
            "commits trafficking shall be punished.\"\nArticle 2: The Code of Criminal "
            "Procedure is supplemented as follows:\n\"Article 82-5-2. - The court may order:\n"
            "\"1. protection;\n\"2. a change of residence.\"\nArticle 3: \"child\" means a "
            "person under eighteen years.\n",
            ["Art. 1", "Art. 448-1", "Art. 448-2", "Art. 2", "Art. 82-5-2", "Art. 82-5-2(1)",
             "Art. 82-5-2(2)", "Art. 3"],
            ["Art. 1(1)", "Art. 2(1)"],
        ),
        # Unnumbered paragraphs of an article, set apart by blank lines, are cited
        # "Art. 4, para. 2"; an article of one paragraph, or lines merely wrapped, has none.
        (
            "Article 4: Whoever traffics a person shall be punished by\nimprisonment.\n\n"
            "The attempt is punishable.\n\nArticle 5: Consent is irrelevant.\n",
            ["Art. 4", "Art. 4 para. 1", "Art. 4 para. 2", "Art. 5"],
            ["Art. 4 para. 3", "Art. 5 para. 1"],
        ),
        # "a)" in the middle of a line is a reference, not an item.
        (
            "Article 1. X\nSee item a) of Article 2.\nArticle 2. Y\nText.\n",
            ["Art. 1", "Art. 2"],
            ["Art. 1(a)"],
        ),
        # Sections numbered within their division, with "Penalty:" lines.
        (
            DECIMAL_CODE,
            ["Division 271", "271.1", "271.2", "271.2(1)", "271.2(1B)", "271.2(1B)(a)",
             "271.10", "279.01", "279.011", "279.011(1)"],
            ["1", "5", "271", "271.2(1)(a)"],
        ),
        # A code enacted as the schedule of an Act numbered "1 Short title": the Act's
        # sections and the code's keep their own labels.
        (
            "The Parliament enacts:\n\n1 Short title\nThis Act is the Code Act.\n\n"
            "3 The Criminal Code\n(1) The Schedule has effect as a law.\n\n"
            "SCHEDULE—THE CRIMINAL CODE\n\n" + DECIMAL_CODE,
            ["1", "3", "3(1)", "271.2", "271.2(1B)(a)", "279.011(1)"],
            ["Schedule para 271.2", "Schedule Division 271 para 271.2"],
        ),
        # Westminster Acts: "1 Slavery, servitude ..." without a point, cross-headings between.
        (
            "PART 1\nOFFENCES\n\nOffences\n\n1 Slavery and servitude\n(1) A person commits an "
            "offence if—\n(a) the person holds another in slavery.\n\n2 Human trafficking\n"
            "(1) A person commits an offence if the person arranges travel.\n\nMaximum "
            "sentences\n\n5 Offences\n(1) A person guilty of an offence is liable.\n"
            "12 months after commencement the Secretary of State shall report.\n\n"
            "6 Sentencing: aggravating factors\n(1) A court shall treat as aggravating—\n"
            "(a) a child victim.\n\nSCHEDULE\n\nSection 6\n\nEXCLUDED OFFENCES\n\n"
            "1 Any offence of murder.\n2 An offence under any of these provisions—\n"
            "(a) section 3;\n(b) section 4.\n",
            ["Part 1", "1", "1(1)", "1(1)(a)", "2", "2(1)", "5", "5(1)", "6", "6(1)(a)",
             "Schedule para 1", "Schedule para 2", "Schedule para 2(b)"],
            ["12", "5(1)(a)", "Schedule para 6"],
        ),
        # One decimal line is a number at the start of a sentence, not a section.
        (
            "1. Title\nText.\n2. Offence\n(1) A person.\n1.5 Million dollars is the fine.\n",
            ["1", "2", "2(1)"],
            ["1.5"],
        ),
        # East Asian Acts: "Article 6 (Heading)", paragraphs "(1)", subparagraphs "1." below
        # them (cited "Art. 6(1) 2."), items "(a)"; the transitional articles of the Addenda
        # start again at 1.
        (
            "Article 2 (Definitions)\nThe terms used in this Act are defined as follows:\n"
            "1. The term \"trafficking\" means recruiting a person by:\n(a) force;\n(b) fraud;\n"
            "2. The term \"child\" means a person under 18 years of age.\n\n"
            "Article 6 (Aggravated Trafficking)\n(1) The punishment shall be aggravated where:\n"
            "1. It is committed by a group;\n2. It is committed by a public official.\n"
            "(2) A person who causes death shall be punished by imprisonment for life.\n\n"
            "Article 7 (Support)\n(1) The State shall provide support.\n\n"
            "ADDENDA\n\nArticle 1 (Enforcement Date)\nThis Act shall enter into force.\n",
            ["Art. 2", "Art. 2 no. 1", "Art. 2 no. 1(a)", "Art. 2 no. 2", "Art. 6(1)",
             "Art. 6(1) no. 1", "Art. 6(1) no. 2", "Art. 6(2)", "Addenda Art. 1"],
            ["Art. 6(3)", "Art. 2(1)", "Art. 1"],
        ),
        # An amending Act quotes the sections it inserts with the numbers they take in the
        # amended Act, without a point ("143A Interpretation"), outside its own sequence.
        (
            "4. Principal Act\nThis Part amends the Crimes Act.\n\n5. New sections inserted\n"
            "The Crimes Act is amended by inserting the following sections:\n\n"
            "\"143A Trafficking in persons\n(1) A person commits an offence who recruits.\n"
            "(2) The penalty is 20 years.\n\n143B Consent no defence\nConsent is no "
            "defence.\"\n\n6. Commencement\nThis Act commences on assent.\n",
            ["4", "5", "143A", "143A(1)", "143A(2)", "143B", "6"],
            ["5(1)", "5(2)"],
        ),
        # A Central American decree: "ARTICLE 2.- Definitions. ...", items "a)", and the
        # signatures after the last article, which belong to no article.
        (
            "ARTICLE 1.- Object. This Law aims to prevent trafficking.\n\nARTICLE 2.- "
            "Functions. The Secretariat shall:\n\na) coordinate the institutions; and\n\n"
            "b) keep statistics.\n\nARTICLE 3.- Entry into force. This Decree enters into "
            "force eight days after its publication.\n\nREFER TO THE EXECUTIVE BODY FOR ITS "
            "SANCTION.\n\nISSUED IN THE LEGISLATIVE PALACE, ON THE FIRST OF MARCH.\n",
            ["Art. 1", "Art. 2", "Art. 2(a)", "Art. 2(b)", "Art. 3"],
            ["Art. 3 para. 1", "Art. 3 para. 2"],
        ),
        # A US state's codes: "Sec. 20A.02. TRAFFICKING OF PERSONS. (a) ...", numbered within
        # their chapters, and the Code of Criminal Procedure's "Art. 56.021.".
        (
            "Sec. 12.32. FIRST DEGREE FELONY PUNISHMENT. (a) An individual shall be sentenced "
            "for life.\n\nSec. 20A.02. TRAFFICKING OF PERSONS. (a) A person commits an offense "
            "if the person knowingly:\n(1) traffics another person; or\n(2) receives a "
            "benefit.\n(b) An offense under this section is a felony of the second degree.\n"
            "Added by Acts 2011, ch. 214, Sec. 2.\n\nSec. 402.035. COUNCIL. (a) A council is "
            "established.\n\nArt. 56.021. RIGHTS OF VICTIM OF TRAFFICKING. (a) A victim has "
            "the right to be informed.\n",
            ["12.32", "20A.02", "20A.02(a)", "20A.02(a)(1)", "20A.02(b)", "402.035",
             "Art. 56.021", "Art. 56.021(a)"],
            ["Art. 56", "2", "12"],
        ),
    ],
    ids=[
        "gulf-articles",
        "gulf-chapters",
        "chapter-in-capitals",
        "not-chapters",
        "articles-not-mid-line",
        "sign-code-points",
        "common-law-sections-kept",
        "unindented-points-not-units",
        "letter-items",
        "items-and-notes-in-translation",
        "quoted-inserted-articles",
        "unnumbered-paragraphs",
        "letter-mid-line-not-item",
        "decimal-sections",
        "code-in-a-schedule",
        "westminster-sections-without-a-point",
        "one-decimal-line-not-a-section",
        "east-asian-subparagraphs-and-addenda",
        "inserted-sections-without-a-point",
        "central-american-decree",
        "us-state-codes",
    ],
)
def test_style_labels(text: str, present: list[str], absent: list[str]) -> None:
    _text, units = _units(text)
    labels = list(units)
    missing = [label for label in present if label not in labels]
    assert not missing, f"{missing} not in {labels}"
    wrong = [label for label in absent if label in labels]
    assert not wrong, f"{wrong} should not be in {labels}"


def test_points_nest_under_their_paragraph() -> None:
    text, units = _units(SIGN_CODE)
    one = units["232(1)"]
    assert [u.label for u in one.children] == ["232(1) no. 1", "232(1) no. 2", "232(1) no. 3"]
    assert all(u.kind == "paragraph" for u in one.children)
    assert text[units["232(1) no. 2"].start :].startswith("2. through employment")
    assert units["232"].end >= units["232(3) no. 2"].end


@pytest.mark.parametrize(
    ("text", "label", "heading"),
    [
        # A short heading may contain "are"/"is" when it stands alone above its body.
        (
            "9. Jurisdiction\nText.\n10. Matters that are not a defence\n"
            "In proceedings it is not a defence that—\n(a) the victim consented.\n",
            "10",
            "Matters that are not a defence",
        ),
        (
            "9. A\nText.\n10. Where consent is irrelevant\n(1) Consent.\n",
            "10",
            "Where consent is irrelevant",
        ),
        # Not headings: operative words, a line ending on a verb, text continued below.
        ("9. A\nText.\n10. The Minister may make rules\nText.\n", "10", None),
        ("9. A\nText.\n10. Victims that are\nText.\n", "10", None),
        ("9. A\nText.\n10. Persons who are trafficked\nmust be protected.\n", "10", None),
        # A marginal note ending in a full stop, on its own line after a blank line.
        ("9. A\nText.\n\nTrafficking in persons.\n10. (1) A person who recruits.\n", "10",
         "Trafficking in persons"),
        # The last body line of the section before is not a heading.
        ("9. A\nText.\nOther text.\n10. (1) A person who recruits.\n", "10", None),
    ],
)
def test_short_headings(text: str, label: str, heading: str | None) -> None:
    _text, units = _units(text)
    assert units[label].heading == heading


@pytest.mark.parametrize(
    ("text", "schedule_heading", "para_heading"),
    [
        # The title under "(Section 2)" names the schedule, not its first paragraph.
        (
            "1. Act\nText.\n2. Defs\nText.\nSCHEDULE\n(Section 2)\nFORMS OF EXPLOITATION\n"
            "1. Sexual exploitation.\n2. Forced labour.\n",
            "FORMS OF EXPLOITATION",
            None,
        ),
        (
            "1. Act\nText.\n2. Defs\nText.\nSCHEDULE\nForms of exploitation\n"
            "1. Sexual exploitation.\n2. Forced labour.\n",
            "Forms of exploitation",
            None,
        ),
        # A numbered first paragraph keeps its own heading.
        (
            "1. Act\nText.\n2. Defs\nText.\nSCHEDULE\n(Section 5)\n1. Forms of assistance\n"
            "(a) shelter;\n(b) food.\n",
            None,
            "Forms of assistance",
        ),
        # A title in capitals a blank line below still names the schedule (East African
        # drafting: "FIRST SCHEDULE (s. 25)", a blank line, the title)...
        (
            "1. Act\nText.\n2. Defs\nText.\nSCHEDULE (s. 9(2))\n\nFORMS OF EXPLOITATION\n"
            "1. Sexual exploitation.\n2. Forced labour.\n",
            "FORMS OF EXPLOITATION",
            None,
        ),
        # ... but a title in ordinary case the body does not follow at once is left where
        # it was.
        (
            "1. Act\nText.\n2. Defs\nText.\nSCHEDULE\n\nForms of exploitation\n"
            "1. Sexual exploitation.\n2. Forced labour.\n",
            None,
            "Forms of exploitation",
        ),
    ],
)
def test_schedule_title(text: str, schedule_heading: str | None, para_heading: str | None) -> None:
    _text, units = _units(text)
    assert units["Schedule"].heading == schedule_heading
    assert units["Schedule para 1"].heading == para_heading


@pytest.mark.parametrize(
    ("sample", "label", "kind", "heading", "starts_with"),
    [
        ("qasimar-federal-law-9-2015", "Chapter One", "chapter", "Definitions", "Chapter One"),
        ("qasimar-federal-law-9-2015", "Art. 1", "article", None, "Article (1)\nIn applying"),
        ("qasimar-federal-law-9-2015", "Art. 2(1)(b)", "paragraph", None, "(b) Recruiting"),
        ("qasimar-federal-law-9-2015", "Art. 13(7)", "subsection", None, "7. Appoint a lawyer"),
        ("brennland-criminal-code-232-233", "232(4)", "subsection", None, "(4) The penalty"),
        ("brennland-criminal-code-232-233", "232(1) no. 2", "paragraph", None, "2. through"),
        (
            "brennland-criminal-code-232-233",
            "Chapter Eighteen",
            "chapter",
            "Offences against personal liberty",
            "Chapter Eighteen",
        ),
        ("calvaro-law-combating-trafficking-2014", "Art. 7(1)(d)", "paragraph", None, "d) deli"),
        ("calvaro-law-combating-trafficking-2014", "Art. 12(c)", "paragraph", None, "c) committed"),
        (
            "arrowcay-counter-trafficking-act-2017",
            "10",
            "section",
            "Matters that are not a defence",
            "10. Matters",
        ),
        (
            "arrowcay-counter-trafficking-act-2017",
            "Schedule",
            "schedule",
            "FORMS OF EXPLOITATION",
            "SCHEDULE",
        ),
        ("arrowcay-counter-trafficking-act-2017", "Schedule para 1", "paragraph", None, "1. The"),
    ],
)
def test_sample_units(
    sample: str, label: str, kind: str, heading: str | None, starts_with: str
) -> None:
    statute = read_statute(SAMPLES / f"{sample}.txt")
    unit = statute.find(label)
    assert unit is not None, label
    assert (unit.kind, unit.heading) == (kind, heading)
    assert statute.text_of(unit).startswith(starts_with)


def test_sample_has_no_stray_sections() -> None:
    statute = read_statute(SAMPLES / "brennland-criminal-code-232-233.txt")
    sections = [u.label for u in statute.walk() if u.kind == "section"]
    assert sections == ["232", "232a", "232b", "232c", "233", "233a", "233b", "233c", "233d"]
    assert statute.find("§ 232(1) no. 4") is not None


LUSOPHONE = (
    "Article 3\n(Definitions)\nFor the purposes of this Law, the following shall mean:\n"
    'a) "Child": any person under eighteen years of age;\n'
    'b) "Victim": any natural person subjected to trafficking.\n\n'
    "Article 5\n(Trafficking in persons)\n1. Whoever recruits a person for exploitation, by "
    "means of:\na) violence;\nb) fraud;\nshall be punished with imprisonment of 8 to 12 "
    "years.\n2. Consent is irrelevant.\n\nArticle 6\n(Entry into force)\nThis Law enters "
    "into force thirty days after its publication.\n\nApproved by the National Assembly on "
    "22 May 2008.\n\nLet it be published.\n"
)


def test_lusophone_articles() -> None:
    """Headings in parentheses under "Article 5", lettered quoted definitions, the words
    closing a list, and the promulgation block after the last article."""
    text, units = _units(LUSOPHONE)
    assert units["Art. 5"].heading == "Trafficking in persons"
    assert units["Art. 3"].heading == "Definitions"
    assert text[units["Art. 5(1)(b)"].start:units["Art. 5(1)(b)"].end] == "b) fraud;"
    assert "shall be punished" in text[units["Art. 5(1)"].start:units["Art. 5(1)"].end]
    assert "Art. 6 para. 1" not in units
    assert "Approved" not in text[units["Art. 6"].start:units["Art. 6"].end]


def test_lusophone_definitions(tmp_path: Path) -> None:
    path = tmp_path / "law.txt"
    path.write_text(LUSOPHONE, encoding="utf-8")
    st = read_statute(path)
    assert st.definitions["child"].unit == "Art. 3(a)"
    assert st.text[st.definitions["victim"].start:].startswith("Victim")


def test_east_asian_citations_are_found(tmp_path: Path) -> None:
    path = tmp_path / "act.txt"
    path.write_text("Article 2 (Definitions)\n1. The term \"trafficking\" means recruiting by:\n"
                    "(a) force;\n(b) fraud.\n\nArticle 6 (Aggravation)\n(1) Aggravated where:\n"
                    "1. by a group;\n2. by an official.\n(2) Life.\n\nArticle 7 (Support)\n"
                    "(1) Support.\n", encoding="utf-8")
    st = read_statute(path)
    assert st.find("Art. 6(1) 2.").label == "Art. 6(1) no. 2"
    assert st.find("Article 6(1) no. 1").label == "Art. 6(1) no. 1"
    assert st.find("Art. 2 1.(b)").label == "Art. 2 no. 1(b)"
    assert st.find("Art. 6(1)") is not None and st.find("Art. 6(3) 1.") is None


@pytest.mark.parametrize(("text", "label", "heading"), [
    ("ARTICLE 47.- Trafficking in persons. Whoever recruits a person shall be punished.\n\n"
     "ARTICLE 48.- Whoever harbours a victim shall be punished.\n", "Art. 47",
     "Trafficking in persons"),
    # No dash after the number: the first sentence is text, not a heading.
    ("Article 5. Consent. The consent of a victim is irrelevant.\nArticle 6. X\nText.\n",
     "Art. 5", None),
    ("Sec. 20A.02. TRAFFICKING OF PERSONS. (a) A person commits an offense.\n\n"
     "Sec. 20A.03. CONTINUOUS TRAFFICKING. (a) Text.\n", "20A.02", "TRAFFICKING OF PERSONS"),
])
def test_run_in_headings(text: str, label: str, heading: str | None) -> None:
    _text, units = _units(text)
    assert units[label].heading == heading


def test_an_item_running_on_into_the_next_is_not_a_heading() -> None:
    _text, units = _units("Article 7. Functions\nThe Secretariat shall:\n\na) coordinate the "
                          "institutions; and\n\nb) keep statistics.\n")
    assert units["Art. 7(a)"].heading is None


ALPINE = (
    "Criminal Code of the Confederation of Ostland\n(Criminal Code, CC)\n\n"
    "Art. 12  Trafficking in persons\n"
    "¹ Any person who recruits another person for exploitation is liable to a custodial "
    "sentence.\n"
    "² Exploitation includes in particular:\n"
    "1. sexual exploitation;\n2. forced labour.\n"
    "³ The penalty is higher if:\n"
    "a. the victim is a child; or\nb. the offender acts for gain.\n\n"
    "Art. 12a  Use of services\nAny person who uses the services of a victim is liable to a "
    "fine.\n\n"
    "Art. 12: Amended by the Federal Act of 3 May 2015.\n"
)


def test_alpine_superscript_paragraphs_and_their_lists() -> None:
    text, units = _units(ALPINE)
    assert {"Art. 12(1)", "Art. 12(2)", "Art. 12(2)(1)", "Art. 12(2)(2)", "Art. 12(3)",
            "Art. 12(3)(a)", "Art. 12(3)(b)", "Art. 12a"} <= set(units)
    para = units["Art. 12(2)"]
    assert text[para.start:para.end].startswith("² Exploitation")
    assert text[para.start:para.end].rstrip().endswith("2. forced labour.")
    # The consolidation's history note is no second article 12.
    last = units["Art. 12a"]
    assert "Amended by" not in text[units["Art. 12"].start:units["Art. 12"].end]
    assert last.label == "Art. 12a"


def test_alpine_citations_name_paragraphs_and_letters(tmp_path: Path) -> None:
    path = tmp_path / "ostland.txt"
    path.write_text(ALPINE, encoding="utf-8")
    st = read_statute(path)
    for citation, label in (("Art. 12 para. 3 let. b", "Art. 12(3)(b)"),
                            ("Art. 12 para. 2 no. 1", "Art. 12(2)(1)"),
                            ("Art. 12 para. 1", "Art. 12(1)")):
        found = st.find(citation)
        assert found is not None and found.label == label, citation


SOUTH_ASIAN = (
    "4. Offences beyond the territory.—(1) A citizen who commits an offence abroad may be "
    "tried here.\n\n"
    "195B. Intimidating a witness.—Whoever threatens a witness shall be punished.\n\n"
    "370. Trafficking of person.—(1) Whoever, for the purpose of exploitation, recruits "
    "any person by force commits trafficking.\n"
    "(2) Whoever commits trafficking shall be punished with imprisonment.\n"
    "Provided that the court may reduce the term.\n"
    "Explanation 1.—\"Exploitation\" includes forced labour.\n"
    "(3) Where the person trafficked is a child, the term shall be doubled.\n\n"
    "Explanation 2.—Consent is immaterial.\n\n"
    "Illustrations\n\n"
    "(a) A promises B work and sells B to C. A has committed trafficking.\n\n"
    "370D. Documents.—Whoever takes the passport of another shall be punished.\n\n"
    "Exception.—This section does not apply to a licensed agent holding it with consent.\n"
)


def test_south_asian_sections_explanations_and_illustrations() -> None:
    text, units = _units(SOUTH_ASIAN)
    # A code extract jumps from 4 to 195B and 370: each is a section all the same.
    assert {"4", "195B", "370", "370D"} <= set(units)
    assert {"370 Expl. 1", "370 Expl. 2", "370 Illus.", "370D Exception"} <= set(units)
    # An Explanation of the proviso to (2) does not swallow (3), nor does (2) run over it.
    assert "370(3)" in units and text[units["370(3)"].start:].startswith("(3) Where")
    assert "Explanation" not in text[units["370(2)"].start:units["370(2)"].end]
    assert units["370 Illus."].kind == "illustration"
    assert "Consent" not in text[units["370(3)"].start:units["370(3)"].end]


def test_general_and_special_parts_and_a_bracketed_omission() -> None:
    text, units = _units(
        "GENERAL PART\n\nArticle 1. Scope\nThis Code applies in the Republic.\n\n"
        "SPECIAL PART\n\nArticle 2. Trafficking\nWhoever recruits a person for exploitation "
        "shall be punished.\n\n"
        "Article 3. [Slave dealing.] Omitted by Law No. 9 of 2017.\n")
    assert units["General Part"].kind == units["Special Part"].kind == "part"
    assert "SPECIAL PART" not in text[units["Art. 1"].start:units["Art. 1"].end]
    assert units["Art. 3"].repealed and not units["Art. 2"].repealed
