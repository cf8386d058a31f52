"""What an adviser sees first: the core treaty first, whole country names, a contents list."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from bs4 import BeautifulSoup
from click.testing import CliRunner

from modellaw.cli import main

SAMPLES = Path(__file__).resolve().parents[2] / "national_laws"
TWO = [SAMPLES / "kestrel-tip-act-2019.txt", SAMPLES / "valmora-penal-code-ch4.txt"]


def test_matrix_puts_the_trafficking_protocol_first_and_names_countries_in_full(
        tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["matrix", *map(str, TWO), "-o", str(tmp_path)])
    assert res.exit_code == 0, res.stderr
    soup = BeautifulSoup((tmp_path / "matrix.html").read_text("utf-8"), "html.parser")
    rows = soup.select("g.row")
    assert rows[0]["data-id"].startswith("tip.")
    intro = soup.find("h1").find_next("p").get_text()
    assert intro.split("requirements of: ")[1].startswith("Trafficking Protocol")
    labels = [t.find(string=True, recursive=False).strip() for t in soup.select("g.col > text")]
    assert "Republic of Valmora (fictional)" in labels  # once cut to 'Republic of Valmora (fi…'
    # The grid starts below the slanted names, however long they are.
    heat = soup.find("svg", id="heat")
    top = int(heat["data-top"])
    assert top >= int(len("Republic of Valmora (fictional)") * 6.2 * 0.8)
    assert all(f"translate(0,{top + 8 + i * 18})" == r["transform"] for i, r in enumerate(rows))
    with (tmp_path / "matrix.csv").open(encoding="utf-8") as fh:
        body = list(csv.reader(io.StringIO(fh.read())))
    first_req = next(r for r in body[1:] if r and re.match(r"^[a-z0-9]+\.", r[0]))
    assert first_req[0].startswith("tip."), first_req


def test_gap_html_opens_with_contents_that_resolve(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["gap", str(TWO[0]), "--format", "html"])
    assert res.exit_code == 0, res.stderr
    soup = BeautifulSoup(res.stdout, "html.parser")
    nav = soup.find("nav", attrs={"aria-label": "Contents"})
    assert nav is not None and nav.find_previous("h2") is None  # before the summary
    links = [a["href"][1:] for a in nav.find_all("a")]
    assert {"r-summary", "r-requirements", "r-provenance", "r-part-offences"} <= set(links)
    for anchor in links:
        assert soup.find(id=anchor) is not None, anchor
    # The model law's version reads as written, not as escaped Markdown ("0\\.1").
    assert "\\." not in soup.find("h1").find_next("p").get_text()


def test_gap_markdown_keeps_plain_text_plain() -> None:
    res = CliRunner().invoke(main, ["gap", str(TWO[0]), "--format", "md"])
    assert res.exit_code == 0, res.stderr
    subtitle = res.stdout.splitlines()[2]
    assert re.search(r"\(version \d+\.\d+\) on \d{4}-\d{2}-\d{2}\.$", subtitle), subtitle
