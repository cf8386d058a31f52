"""Checks on the fictional sample statutes in national_laws/ and their gold labels.

These are the project's own fixtures, so the checks are about their shape: the metadata
header, the labels file, and that every unit a label cites can be found in the text. The
real segmentation check lives with the statute readers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from modellaw.statutes import read_statute

ROOT = Path(__file__).resolve().parents[1]
SAMPLES_DIR = ROOT / "national_laws"
GOLD_DIR = SAMPLES_DIR / "gold"
CORPUS_GOLD = ROOT / ".." / "shared" / "corpus" / "gold"

SAMPLES = sorted(SAMPLES_DIR.glob("*.txt"))
REQUIRED_KEYS = ("title", "country", "year", "language", "source", "notes")
STATUSES = {"met", "partial", "unmet"}
HEADER_LINE = re.compile(r"^# ([a-z_]+): (.+)$")

# A cited unit: optional style prefix, a section number (3, 3A, 212-1, 401), then any
# bracketed sub-units: "3(1)(a)", "Art. 212(4)(b)", "401(a)(1)(C)", "19(b)(6)".
SCHEDULE_PARA = re.compile(r"^(.*Schedule)\s+para\s+(\d+)$")
NOTE_LABEL = re.compile(r"^(?:Art\.\s*)?(\d+[A-Za-z]?(?:-\d+)?),?\s+Note(?:\s+(\d+))?$")
# Codes numbered within divisions cite "271.2(1B)(a)".
# East Asian Acts cite a subparagraph after its paragraph: "Art. 26(1) 2.", "Art. 2 1.".
UNIT_LABEL = re.compile(
    r"^(?:Art\.\s*|Sec\.\s*|§\s*)?(\d+[A-Za-z]?(?:-\d+)*(?:\.\d+[A-Z]{0,2})?)((?:\([^()\s]+\))*)"
    r"(?:\s+(\d{1,2})\.)?$")

# How each drafting style starts a section at the beginning of a line ("Article (3)" is the
# Gulf translations' style).
SECTION_PREFIXES = {
    "article": r"(?:Article\s+\(?|ARTICLE\s+|Art\.\s*)",
    "sec": r"(?:SEC|Sec)\.\s*",
    "para": r"§\s*",
    "bare": r"",
}


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Return the `# key: value` metadata and the statute body after the `---` line."""
    meta: dict[str, str] = {}
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        stripped = line.rstrip("\r\n")
        if stripped == "---":
            return meta, "".join(lines[i + 1 :])
        match = HEADER_LINE.match(stripped)
        if match is None:
            raise ValueError(f"line {i + 1} is neither '# key: value' nor '---': {stripped!r}")
        meta[match.group(1)] = match.group(2).strip()
    raise ValueError("no '---' line ends the header")


def _section_headings(base: str, body: str) -> list[tuple[re.Match[str], str]]:
    """Every line that opens section `base` in the first drafting style that has one: an
    arrangement of sections repeats them before the enacted text."""
    for style, prefix in SECTION_PREFIXES.items():
        # Bare numbers must look like "3. Heading" (or "271.2 Heading" in a code numbered
        # within divisions) so that "2nd June" never counts; (?![\d-]) keeps "212" from
        # matching "212-1".
        # Westminster Acts print "1 Slavery, servitude ..." without the point.
        tail = ((r"\s" if "." in base else r"(?:\.\s|\s+(?=[A-Z]))") if style == "bare"
                else r"(?![\d-])")
        # An amending Act quotes the articles it inserts: '"Article 448-1. - ...'.
        found = [(m, style) for m in re.finditer(rf"(?m)^\"?{prefix}{re.escape(base)}{tail}", body)]
        if found:
            return found
    return []


def unit_found(label: str, body: str) -> bool:
    """True if the cited unit's section exists and its sub-markers appear in order in it."""
    note = NOTE_LABEL.match(label)
    if note:
        # "Art. 128, Note 2": a note at the foot of the article ("Notes. 1. ... 2. ...").
        number = note.group(2)
        pattern = r"(?m)^Notes?\.\s" + (rf"(?:.*\n)*?(?:Notes\.\s)?{number}\.\s" if number else "")
        return any(re.search(pattern, body[h.start():_section_end(h, style, body)])
                   for h, style in _section_headings(note.group(1), body))
    para = SCHEDULE_PARA.match(label)
    if para:
        # "Schedule para 6": a line opening with 6 below the schedule's heading.
        head = re.search(rf"(?mi)^\s*{re.escape(para.group(1))}\b", body)
        return head is not None and re.compile(
            rf"(?m)^{para.group(2)}(?:\.|\s)").search(body, head.end()) is not None
    parsed = UNIT_LABEL.match(label)
    if parsed is None:
        # Units cited by heading (texts whose numbers were lost): the heading line exists.
        return re.search(rf"(?mi)^\s*{re.escape(label)}\s*$", body) is not None
    base, subs, point = parsed.group(1), parsed.group(2), parsed.group(3)
    return any(_markers_in_section(heading, style, subs, body, point)
               for heading, style in _section_headings(base, body))


def _section_end(heading: re.Match[str], style: str, body: str) -> int:
    next_heading = re.compile(
        rf"(?m)^\"?{SECTION_PREFIXES[style]}\d+[A-Za-z]?(?:-\d+)*"
        + (r"(?:\.\s|\.\d+[A-Z]{0,2}\s|\s+(?=[A-Z]))" if style == "bare" else r"(?![\d])")
    )
    nxt = next_heading.search(body, heading.end())
    return nxt.start() if nxt else len(body)


def _markers_in_section(heading: re.Match[str], style: str, subs: str, body: str,
                        point: str | None = None) -> bool:
    span = body[heading.start() : _section_end(heading, style, body)]
    pos = 0
    if point is not None:
        subs += f"(#{point})"
    for depth, marker in enumerate(re.findall(r"\(([^()]+)\)", subs)):
        # Civil-law codes number their paragraphs "1." at the start of a line, and their
        # items "1)" or "a)" below them; a lawyer cites them as "Art. 212(1)", "Art. 13(2)(1)".
        if marker.startswith("#"):  # a subparagraph "2." at the start of a line
            pattern = rf"(?m)^{marker[1:]}\.\s"
        elif style == "article" and marker.isdigit():
            pattern = (rf"(?m)^\"?{marker}[.)]\s|\({marker}\)" if depth == 0
                       else rf"(?m)^\"?{marker}\)\s|\({marker}\)")
        elif style == "article":
            pattern = rf"(?m)\({re.escape(marker)}\)|^\"?{re.escape(marker)}[.)]\s"
        else:
            pattern = re.escape(f"({marker})")
        hit = re.compile(pattern).search(span, pos)
        if hit is None:
            return False
        pos = hit.end()
    return True


def load_gold(sample: Path) -> dict:
    return json.loads((GOLD_DIR / f"{sample.stem}.json").read_text(encoding="utf-8"))


def test_there_are_at_least_five_samples() -> None:
    assert len(SAMPLES) >= 5


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_header_parses_and_says_fictional(sample: Path) -> None:
    text = sample.read_text(encoding="utf-8")
    meta, body = split_header(text)
    for key in REQUIRED_KEYS:
        assert meta.get(key), f"{sample.name}: header lacks '{key}'"
    assert meta["language"] == "en"
    assert meta["source"] == "written for modellaw (fictional)"
    assert "(fictional)" in meta["country"]
    assert 6_000 <= len(text) <= 25_000, f"{sample.name}: {len(text)} characters"
    assert body.strip(), f"{sample.name}: empty statute text"


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_gold_file_shape(sample: Path) -> None:
    gold = load_gold(sample)
    assert gold["statute"] == sample.stem
    assert gold["labeller"] == "modellaw-team"
    for req_id, label in gold["labels"].items():
        assert set(label) == {"status", "units", "missing", "note"}, req_id
        assert label["status"] in STATUSES, req_id
        assert label["note"].strip(), req_id
        if label["status"] == "unmet":
            assert label["units"] == [], f"{req_id}: unmet label cites units"
        else:
            assert label["units"], f"{req_id}: {label['status']} label cites no unit"
        if label["status"] == "met":
            assert label["missing"] == [], f"{req_id}: met label lists missing elements"
        else:
            assert label["missing"], f"{req_id}: {label['status']} label names nothing missing"


def test_every_sample_has_gold_and_no_orphans() -> None:
    assert {p.stem for p in SAMPLES} == {p.stem for p in GOLD_DIR.glob("*.json")}


def test_samples_label_the_same_ids_as_the_corpus() -> None:
    corpus_files = sorted(CORPUS_GOLD.glob("*.json")) if CORPUS_GOLD.is_dir() else []
    if not corpus_files:
        pytest.skip("../shared/corpus/gold is not available")
    corpus_ids = set(json.loads(corpus_files[0].read_text(encoding="utf-8"))["labels"])
    assert len(corpus_ids) == 45
    for sample in SAMPLES:
        assert set(load_gold(sample)["labels"]) == corpus_ids, sample.name


def test_samples_label_the_same_ids_as_each_other() -> None:
    id_sets = {sample.stem: frozenset(load_gold(sample)["labels"]) for sample in SAMPLES}
    assert len(set(id_sets.values())) == 1, id_sets


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_cited_units_exist_in_text(sample: Path) -> None:
    """Checked on the text where the citation's form is a common one; citations of the
    later instruments of a file, of Alpine paragraphs ("Art. 182 para. 5 let. d") and of
    Explanations ("370 Expl. 2") are checked through the reader."""
    _, body = split_header(sample.read_text(encoding="utf-8"))
    statute = read_statute(sample)
    missing = sorted(
        {
            unit
            for label in load_gold(sample)["labels"].values()
            for unit in label["units"]
            if not unit_found(unit, body) and statute.find(unit) is None
        }
    )
    assert not missing, f"{sample.name}: cited units not found: {missing}"


@pytest.mark.parametrize(
    ("label", "body", "expected"),
    [
        ("3(1)(a)", "2. Defs\n(1) x\n3. Offence\n(1) A person\n(a) who\n", True),
        ("3(2)", "3. Offence\n(1) A person\n4. Next\n(2) elsewhere\n", False),
        ("Art. 212(2)", "Article 212 — T\n1. Whoever\n2. Consent\n", True),
        ("Art. 212-1", "Article 212 — T\n1. Whoever\n", False),
        ("Art. 2(1)(b)", "Article (1)\nX\nArticle (2)\n1. Whoever\n(a) a\n(b) b\n", True),
        ("Art. 1(2)", "Article (1)\n1. Whoever\nArticle (2)\n2. Other\n", False),
        ("Art. 1", "Article (12)\nWhoever\n", False),
        ("401(a)(1)(C)", "§ 401. Definitions\n(a) In\n(1) x\n(A) y\n(C) z\n", True),
        ("4(c)", "SEC. 4. Acts. –\n(a) To\n(b) To\nSEC. 5. Other\n(c) To\n", False),
        ("Trafficking in persons", "Definitions\nTrafficking in persons\n(1) x\n", True),
        ("271.2(1B)(a)", "271.1 Defs\n(1) x\n271.2 Offence\n(1B) A\n(a) b\n", True),
        ("271.2(2)", "271.2 Offence\n(1) A\n271.3 Other\n(2) B\n", False),
        # The arrangement of sections is skipped: "4. Offence" there has no subsections.
        ("4(1)", "ARRANGEMENT OF SECTIONS\n4. Offence\n5. Other\nBE IT ENACTED:\n"
         "4. Offence\n(1) A person\n", True),
        ("5(2)", "ARRANGEMENT OF SECTIONS\n5. Other\nBE IT ENACTED:\n5. Other\n(1) X\n", False),
        ("2(1)(a)", "1 Slavery\n(1) X\n2 Human trafficking\n(1) A person\n(a) arranges\n", True),
        ("1(2)", "1 Slavery\n(1) X\n2 Human trafficking\n(2) Other\n", False),
        ("Schedule para 6", "12 Defence\nText.\nSCHEDULE\n1 Murder.\n6 Drug offences.\n", True),
        ("Schedule para 7", "12 Defence\nText.\nSCHEDULE\n1 Murder.\n6 Drug offences.\n", False),
        ("Art. 13(2)(1)", "Article 13. Centres\n1. X\n2. Victims get:\n1) shelter;\n", True),
        ("Art. 128(2)(c)", "Article 128. T\n1. X\n2. The same:\na) x;\nc) y;\n", True),
        ("Art. 128, Note 2", "Article 128. T\n1. X\nNotes. 1. A.\n2. B.\nArticle 129. U\n",
         True),
        ("Art. 128, Note 3", "Article 128. T\n1. X\nNotes. 1. A.\n2. B.\nArticle 129. U\n",
         False),
        ("Art. 129, Note", "Article 128. T\nNote. A.\nArticle 129. U\n1. X\n", False),
        ("Art. 29(2)(b)", "Article 29\n(1) X\n(2) Y:\na. one;\nb. two.\n", True),
        ("Art. 82-5-2(4)", 'Article 2\n"Article 82-5-2. - Measures:\n"1. a;\n"4. d.\n', True),
    ],
)
def test_unit_finder(label: str, body: str, expected: bool) -> None:
    assert unit_found(label, body) is expected


def test_split_header_rejects_a_missing_separator() -> None:
    with pytest.raises(ValueError, match="no '---' line"):
        split_header("# title: x\n# country: y\n")
