"""The HTML reports in a real browser: no console errors, key parts visible, no script runs."""

from __future__ import annotations

from pathlib import Path

from modellaw.report import build_matrix, write_matrix, write_reports


class PageWatch:
    """Collect console errors, page errors and any request that leaves file://."""

    def __init__(self, page) -> None:
        self.errors: list[str] = []
        self.requests: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("request", lambda r: self.requests.append(r.url))

    def external(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file://", "data:"))]


def _order(page, selector: str, attr: str, axis: int) -> list[str]:
    """Attribute values of SVG groups in on-screen order along x (0) or y (1)."""
    return page.evaluate(
        """([sel, attr, axis]) => Array.from(document.querySelectorAll(sel))
            .map(g => [parseFloat(g.getAttribute('transform').slice(10).split(',')[axis]),
                       g.getAttribute(attr)])
            .sort((a, b) => a[0] - b[0]).map(p => p[1])""", [selector, attr, axis])


def _open(browser, path: Path):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    watch = PageWatch(page)
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    return page, watch


def test_gap_report_in_browser(browser, model, results, artifacts, tmp_path):
    [path] = write_reports([results["kestrel"]], model, ["html"], tmp_path)
    page, watch = _open(browser, path)
    try:
        assert watch.errors == []
        assert watch.external() == []
        assert page.locator("h1").inner_text().startswith("Gap report: Prevention of Trafficking")
        for heading in ("Summary", "Provisions of the model law", "Requirements", "Provenance"):
            assert page.get_by_role("heading", name=heading, exact=True).is_visible()
        assert page.locator("svg.bar").first.is_visible()
        assert page.locator("svg.strip").first.is_visible()
        quote = page.locator("blockquote", has_text="under the age of 18 years").first
        assert quote.is_visible()
        # Status is shown by words: the badge text, not only its colour.
        scope = page.get_by_role("heading", name="Section 2: Scope")
        assert "Partial" in scope.inner_text()
        assert page.get_by_text("Reviewer decision").first.is_visible()
        page.screenshot(path=str(artifacts / "gap-report.png"), full_page=False)
        page.emulate_media(media="print")
        page.screenshot(path=str(artifacts / "gap-report-print.png"), full_page=False)
    finally:
        page.close()


def test_hostile_statute_does_not_run(browser, model, results, artifacts, tmp_path):
    [path] = write_reports([results["hostile"]], model, ["html"], tmp_path)
    page, watch = _open(browser, path)
    try:
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert watch.external() == []
        assert page.locator("img").count() == 0
        assert page.locator("script").count() == 0
        body = page.locator("main").inner_text()
        assert "<script>window.__pwned=1</script>" in body
        assert 'onerror="window.__pwned=1"' in body
        assert "[click me](javascript:window.__pwned=1)" in body
        # Only the contents' jumps to the report's own headings are links.
        assert page.locator("a:not([href^='#r-'])").count() == 0
        page.screenshot(path=str(artifacts / "gap-report-hostile.png"), full_page=True)
    finally:
        page.close()


def test_matrix_in_browser(browser, model, results, artifacts, tmp_path):
    matrix = build_matrix([results["kestrel"], results["hostile"]], model)
    paths = write_matrix(matrix, tmp_path)
    html_path = next(p for p in paths if p.suffix == ".html")
    page, watch = _open(browser, html_path)
    try:
        assert watch.errors == []
        assert watch.external() == []
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.get_by_role("heading", name="Regional figures").is_visible()
        assert page.locator("svg#heat").is_visible()
        assert page.locator("ul.figures li").count() == len(matrix.figures)
        # The inline script was admitted by the CSP and enabled the sort buttons.
        assert page.locator('button[data-sort="col-name"]').is_enabled()
        page.locator('button[data-sort="col-name"]').click()
        assert _order(page, "g.col", "data-name", axis=0) == sorted(
            c.label.lower() for c in matrix.columns)
        page.locator('button[data-sort="col-cover"]').click()
        covers = [float(v) for v in _order(page, "g.col", "data-cover", axis=0)]
        assert covers == sorted(covers, reverse=True)
        page.locator('button[data-sort="row-id"]').click()
        assert _order(page, "g.row", "data-id", axis=1) == sorted(r.id for r in matrix.rows)
        page.locator('button[data-sort="row-cover"]').click()
        covers = [float(v) for v in _order(page, "g.row", "data-cover", axis=1)]
        assert covers == sorted(covers)
        # Cells moved with their columns: each cell sits under its column's header.
        assert page.evaluate("""() => Array.from(document.querySelectorAll('g.cell')).every(
            c => c.getAttribute('transform').split(',')[0] ===
                 document.querySelector('g.col[data-col="' + c.getAttribute('data-col') + '"]')
                   .getAttribute('transform').split(',')[0])""")
        assert watch.errors == []
        page.screenshot(path=str(artifacts / "matrix.png"), full_page=False)
    finally:
        page.close()


def test_gap_report_fits_a_phone(browser, model, results, artifacts, tmp_path):
    [path] = write_reports([results["kestrel"]], model, ["html"], tmp_path)
    page = browser.new_page(viewport={"width": 420, "height": 800})
    try:
        page.goto(path.resolve().as_uri())
        assert page.get_by_role("heading", name="Summary", exact=True).is_visible()
        # Model wording wraps instead of pushing the page sideways.
        widths = page.evaluate("""() => Array.from(document.querySelectorAll('pre')).map(
            p => p.scrollWidth - p.clientWidth)""")
        assert widths and max(widths) <= 1
        page.screenshot(path=str(artifacts / "gap-report-narrow.png"))
    finally:
        page.close()
