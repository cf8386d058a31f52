"""Acceptance: the real statutes in ../shared/corpus, and our fictional samples in
national_laws/, segment into the units their gold labels cite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from modellaw.statutes import read_statute
from modellaw.statutes.view import ingest_json, ingest_text

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus"
SLUGS = sorted(p.stem for p in CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
SAMPLES = Path(__file__).resolve().parents[2] / "national_laws"
# Every sample that has a gold file; a sample without one is not an acceptance case.
SAMPLE_SLUGS = sorted(p.stem for p in (SAMPLES / "gold").glob("*.json"))


def _gold_units(slug: str, root: Path = CORPUS) -> list[str]:
    gold = json.loads((root / "gold" / f"{slug}.json").read_text(encoding="utf-8"))
    return sorted({unit for label in gold["labels"].values() for unit in label.get("units", [])})


@pytest.fixture(scope="module")
def statutes():  # type: ignore[no-untyped-def]
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available")
    return {slug: read_statute(CORPUS / f"{slug}.txt") for slug in SLUGS}


def test_corpus_is_there_when_present() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not available")
    assert len(SLUGS) >= 6


@pytest.mark.parametrize("slug", SLUGS)
def test_every_gold_unit_exists(statutes, slug: str) -> None:  # type: ignore[no-untyped-def]
    statute = statutes[slug]
    missing = [label for label in _gold_units(slug) if statute.find(label) is None]
    assert not missing, f"{slug}: labels cited in gold but not segmented: {missing}"


@pytest.mark.parametrize("slug", SLUGS)
def test_units_are_well_formed(statutes, slug: str) -> None:  # type: ignore[no-untyped-def]
    statute = statutes[slug]
    labels = [unit.label for unit in statute.walk()]
    assert len(labels) == len(set(labels)), f"{slug}: duplicate labels"
    for unit in statute.walk():
        assert 0 <= unit.start < unit.end <= len(statute.text), unit.label
        for child in unit.children:
            assert unit.start <= child.start and child.end <= unit.end, (unit.label, child.label)
    # The metadata header is metadata, not statute text.
    assert "# source:" not in statute.text
    assert statute.meta.title and statute.meta.country


@pytest.mark.parametrize("slug", SLUGS)
def test_definitions_point_into_the_text(statutes, slug: str) -> None:  # type: ignore[no-untyped-def]
    statute = statutes[slug]
    for term, definition in statute.definitions.items():
        quote = statute.text[definition.start : definition.end].lower()
        assert term.split()[0] in quote, (term, quote[:80])
        assert statute.find(definition.unit) is not None, definition.unit


@pytest.mark.parametrize(
    ("slug", "label", "heading", "starts_with"),
    [
        ("sg-phta-2014", "3", "Trafficking in persons", "Trafficking in persons\n3.—(1)"),
        ("sg-phta-2014", "3(1)(e)", None, "(e) the abuse of the position"),
        ("mw-tip-act-2015", "14", "Trafficking in persons", "14. Trafficking in persons"),
        ("mw-tip-act-2015", "First Schedule Part I para 1", "Information", "1. Information"),
        ("ug-ptip-act-2009", "2(1)(b)", None, "(b) recruits, hires"),
        ("us-usc-tvpa", "1589", "Forced labor", "§ 1589. Forced labor"),
        ("us-usc-tvpa", "7102(11)", "Severe forms of trafficking in persons", "(11) Severe"),
        ("lk-saarc-trafficking-prostitution-act-2005", "4(a)(i)", None, "i. is a member of"),
        ("pk-ptpa-2018", "Trafficking in persons", "Trafficking in persons", "Trafficking"),
    ],
)
def test_known_units(statutes, slug, label, heading, starts_with) -> None:  # type: ignore[no-untyped-def]
    statute = statutes[slug]
    unit = statute.find(label)
    assert unit is not None
    assert unit.heading == heading
    assert statute.text_of(unit).startswith(starts_with)


def test_known_definitions(statutes) -> None:  # type: ignore[no-untyped-def]
    assert statutes["sg-phta-2014"].definitions["child"].unit == "2"
    assert statutes["mw-tip-act-2015"].definitions["trafficking in persons"].unit == "2"
    assert statutes["ug-ptip-act-2009"].definitions["exploitation"].unit == "1"
    assert statutes["us-usc-tvpa"].definitions["coercion"].unit == "7102(3)"
    assert (
        statutes["lk-saarc-trafficking-prostitution-act-2005"].definitions["trafficking"].unit
        == "14"
    )
    child = statutes["mw-tip-act-2015"].definitions["child"]
    assert "eighteen years" in statutes["mw-tip-act-2015"].text[child.start : child.end]


def test_deleted_section_is_repealed(statutes) -> None:  # type: ignore[no-untyped-def]
    unit = statutes["ug-ptip-act-2009"].find("23")
    assert unit is not None and unit.repealed


def test_ocr_statute_warns_and_labels_by_heading(statutes) -> None:  # type: ignore[no-untyped-def]
    statute = statutes["pk-ptpa-2018"]
    assert any("lost in OCR" in w for w in statute.warnings)
    assert any("page header" in w for w in statute.warnings)
    assert "GAZETTE OF PAKISTAN" not in statute.text
    assert all(u.inferred for u in statute.units)


@pytest.mark.parametrize("slug", SLUGS)
def test_ingest_views(statutes, slug: str) -> None:  # type: ignore[no-untyped-def]
    statute = statutes[slug]
    data = ingest_json(statute)
    assert data["schema"] == "modellaw.ingest/1"
    assert set(data["statute"]) >= {"path", "title", "country", "year"}
    json.dumps(data)  # serialisable
    first = data["units"][0]
    assert set(first) >= {"label", "heading", "start", "end", "children"}
    text = ingest_text(statute)
    assert statute.meta.title[:30] in text
    assert statute.units[0].label in text
    assert text.rstrip().splitlines()[-1].startswith(("  - ", "warnings: none"))


# ---- our own samples (national_laws/) ------------------------------------------------------


@pytest.fixture(scope="module")
def samples():  # type: ignore[no-untyped-def]
    return {slug: read_statute(SAMPLES / f"{slug}.txt") for slug in SAMPLE_SLUGS}


def test_samples_are_there() -> None:
    assert len(SAMPLE_SLUGS) >= 6
    assert all((SAMPLES / f"{slug}.txt").is_file() for slug in SAMPLE_SLUGS)


@pytest.mark.parametrize("slug", SAMPLE_SLUGS)
def test_every_sample_gold_unit_exists(samples, slug: str) -> None:  # type: ignore[no-untyped-def]
    statute = samples[slug]
    cited = _gold_units(slug, SAMPLES)
    assert cited, f"{slug}: the gold file cites no units"
    missing = [label for label in cited if statute.find(label) is None]
    assert not missing, f"{slug}: labels cited in gold but not segmented: {missing}"


@pytest.mark.parametrize("slug", SAMPLE_SLUGS)
def test_samples_are_well_formed(samples, slug: str) -> None:  # type: ignore[no-untyped-def]
    statute = samples[slug]
    labels = [unit.label for unit in statute.walk()]
    assert len(labels) == len(set(labels)), f"{slug}: duplicate labels"
    for unit in statute.walk():
        assert 0 <= unit.start < unit.end <= len(statute.text), unit.label
    for definition in statute.definitions.values():
        assert statute.find(definition.unit) is not None, definition.unit
    assert not any("no sections, articles or headings" in w for w in statute.warnings)
    # Only the sample whose numbers were lost is labelled by headings.
    labelled_by_heading = any(unit.inferred for unit in statute.walk())
    assert labelled_by_heading == slug.endswith("-ocr"), slug


@pytest.mark.parametrize("slug", SLUGS)
def test_numbered_statutes_keep_their_numbers(statutes, slug: str) -> None:  # type: ignore[no-untyped-def]
    statute = statutes[slug]
    numbers_lost = any("lost in OCR" in w for w in statute.warnings)
    assert numbers_lost == (slug == "pk-ptpa-2018"), slug
    assert any(unit.inferred for unit in statute.walk()) == numbers_lost


def test_ocr_sample_is_labelled_by_its_headings(samples) -> None:  # type: ignore[no-untyped-def]
    statute = samples["corvania-human-trafficking-law-2004-ocr"]
    assert any("labelled by their headings" in w for w in statute.warnings)
    assert all(u.inferred and u.heading == u.label for u in statute.units)
    # The gazette title block and page furniture are not units.
    assert statute.units[0].label == "Short title and application"
    assert not any(u.label.isupper() or "GAZETTE" in u.label for u in statute.walk())
    offence = statute.find("Trafficking in persons")
    assert offence is not None
    assert [c.label for c in offence.children] == [
        "Trafficking in persons(1)",
        "Trafficking in persons(2)",
    ]
    assert offence.children[0].kind == "subsection"
    assert statute.text_of(offence.children[1]).startswith("(2) A person convicted")
    # Definitions are indexed under the "Interpretation" heading.
    assert {"child", "exploitation", "victim"} <= set(statute.definitions)
    assert statute.definitions["child"].unit == "Interpretation"
    exploitation = statute.definitions["exploitation"]
    assert "sexual exploitation," in statute.text[exploitation.start : exploitation.end]
