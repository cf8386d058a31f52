"""The country matrix as one HTML page: an SVG heat map that sorts, and figures in words.

Works without its script (the default order is the catalog's); the short inline script
only reorders rows and columns, and the page's CSP admits that script by its hash alone.
"""

from __future__ import annotations

import math
from html import escape

from modellaw.report import svg
from modellaw.report.html import BASE_CSS, page
from modellaw.report.matrix import Matrix
from modellaw.report.status import COLOUR, SYMBOL, label

CELL = 26
ROW_H = 18
LEFT = 330
LABEL_CHARS = 44  # statute names longer than this are shortened (the full name is a tooltip)
CHAR_W = 6.2  # average width of an 11px sans-serif character
SLANT = 55  # degrees

MATRIX_CSS = BASE_CSS + """
body { max-width: none; }
.controls button { font: inherit; margin: .2rem .3rem .2rem 0; padding: .2rem .6rem; }
.heat text { font-family: 'Helvetica Neue', Arial, sans-serif; font-size: 11px; }
.heat .sym { font-weight: bold; fill: #1b1b1b; }
.heat .inst { font-weight: bold; }
.heatwrap { overflow-x: auto; }
"""

SORT_SCRIPT = """
(function () {
  var svg = document.getElementById('heat');
  if (!svg) { return; }
  var L = +svg.getAttribute('data-left'), T = +svg.getAttribute('data-top');
  var C = +svg.getAttribute('data-cell'), H = +svg.getAttribute('data-row');
  function arr(sel) { return Array.prototype.slice.call(svg.querySelectorAll(sel)); }
  function by(attr, numeric, desc) {
    return function (a, b) {
      var x = a.getAttribute(attr), y = b.getAttribute(attr);
      var r = numeric ? (+x) - (+y) : (x < y ? -1 : x > y ? 1 : 0);
      return desc ? -r : r;
    };
  }
  function sortCols(attr, numeric, desc) {
    var pos = {};
    arr('g.col').sort(by(attr, numeric, desc)).forEach(function (g, i) {
      pos[g.getAttribute('data-col')] = i;
      g.setAttribute('transform', 'translate(' + (L + i * C) + ',' + T + ')');
    });
    arr('g.cell').forEach(function (g) {
      g.setAttribute('transform', 'translate(' + (L + pos[g.getAttribute('data-col')] * C) + ',0)');
    });
  }
  function sortRows(attr, numeric, desc) {
    arr('g.row').sort(by(attr, numeric, desc)).forEach(function (g, i) {
      g.setAttribute('transform', 'translate(0,' + (T + 8 + i * H) + ')');
    });
  }
  var actions = {
    'col-name': function () { sortCols('data-name', false, false); },
    'col-cover': function () { sortCols('data-cover', true, true); },
    'row-order': function () { sortRows('data-order', true, false); },
    'row-id': function () { sortRows('data-id', false, false); },
    'row-cover': function () { sortRows('data-cover', true, false); }
  };
  Array.prototype.slice.call(document.querySelectorAll('button[data-sort]')).forEach(function (b) {
    b.addEventListener('click', function () { actions[b.getAttribute('data-sort')](); });
    b.disabled = false;
  });
})();
"""


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _label_room(m: Matrix) -> tuple[int, int]:
    """Height above and width beside the grid that the slanted statute names need."""
    longest = max((len(_short(c.label, LABEL_CHARS)) for c in m.columns), default=0)
    run = longest * CHAR_W
    return (int(run * math.sin(math.radians(SLANT))) + 24,
            int(run * math.cos(math.radians(SLANT))) + 24)


def heat_map(m: Matrix) -> str:
    n_cols, n_rows = len(m.columns), len(m.rows)
    top, right = _label_room(m)
    width = LEFT + n_cols * CELL + max(right, 60)
    height = top + 8 + n_rows * ROW_H + 10
    parts = [
        f'<svg id="heat" class="heat" role="group" aria-label="Heat map: {n_rows} requirements '
        f'by {n_cols} statutes" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'data-left="{LEFT}" data-top="{top}" data-cell="{CELL}" data-row="{ROW_H}" '
        'xmlns="http://www.w3.org/2000/svg">'
    ]
    for i, col in enumerate(m.columns):
        parts.append(
            f'<g class="col" data-col="{i}" data-name="{escape(col.label.lower())}" '
            f'data-cover="{col.coverage:.4f}" transform="translate({LEFT + i * CELL},{top})">'
            f'<text transform="translate({CELL // 2 + 4},-6) rotate(-{SLANT})">'
            f"{escape(_short(col.label, LABEL_CHARS))}<title>{escape(col.title)} — "
            f"{col.coverage:.0%} coverage</title></text></g>"
        )
    for j, row in enumerate(m.rows):
        y = top + 8 + j * ROW_H
        parts.append(
            f'<g class="row" data-order="{j}" data-id="{escape(row.id)}" '
            f'data-cover="{row.coverage:.4f}" transform="translate(0,{y})">'
            f'<text x="4" y="{ROW_H - 5}"><tspan class="inst">{escape(row.id)}</tspan> '
            f"{escape(_short(row.title, 42))}<title>{escape(row.instrument_name)}, "
            f"{escape(row.strength)}: {escape(row.title)}</title></text>"
        )
        for i, cell in enumerate(row.cells):
            st = cell.status
            fill = COLOUR.get(st or "", "#dddddd") if st else "#f0f0f0"
            sym = SYMBOL.get(st or "", "–")
            tip = f"{m.columns[i].label} — {row.id}: {label(st)}"
            if cell.units:
                tip += " (" + ", ".join(cell.units) + ")"
            if cell.reviewed:
                tip += " [set by reviewer]"
            parts.append(
                f'<g class="cell" data-col="{i}" transform="translate({LEFT + i * CELL},0)">'
                f'<rect x="1" y="1" width="{CELL - 2}" height="{ROW_H - 2}" fill="{fill}" '
                f'fill-opacity="{0.85 if st else 1}"><title>{escape(tip)}</title></rect>'
                f'<text class="sym" x="{CELL // 2}" y="{ROW_H - 5}" text-anchor="middle" '
                f'aria-hidden="true">{sym}</text></g>'
            )
        parts.append("</g>")
    parts.append("</svg>")
    return "".join(parts)


def render_matrix_html(m: Matrix) -> str:
    title = "Country comparison: " + (m.model_title or "model law")
    names = {r.instrument: r.instrument_name for r in m.rows}
    inst = ", ".join(names[i] for i in m.instruments if i in names) or "none"
    body = [
        f"<h1>{escape(title)}</h1>",
        f"<p>{len(m.columns)} statutes against {len(m.rows)} requirements of: {escape(inst)}."
        f" Analysed {escape(m.analysed_on)} with modellaw {escape(m.tool_version)}"
        + (f", model law version {escape(m.model_version)}" if m.model_version else "")
        + ".</p>",
        # The heat map sits below a long list of figures; a workshop jumps straight to it.
        '<p class="noprint">Go to: <a href="#heat-map">heat map</a> · '
        '<a href="#statutes">statutes and coverage</a></p>',
        '<h2 id="figures">Regional figures</h2>',
    ]
    if m.figures:
        body.append("<ul class=\"figures\">" + "".join(
            f"<li>{escape(f)}</li>" for f in m.figures) + "</ul>")
    else:
        body.append("<p>No figures: no statute was assessed.</p>")
    body += [
        '<h2 id="heat-map">Heat map</h2>',
        svg.legend().replace("</p>", " Grey with –: not assessed.</p>"),
        '<div class="controls noprint" role="toolbar" aria-label="Sort the heat map">'
        'Statutes: <button type="button" data-sort="col-name" disabled>by name</button>'
        '<button type="button" data-sort="col-cover" disabled>by coverage</button> '
        'Requirements: <button type="button" data-sort="row-order" disabled>catalog order'
        '</button><button type="button" data-sort="row-id" disabled>by id</button>'
        '<button type="button" data-sort="row-cover" disabled>least covered first</button>'
        "</div>",
        f'<div class="heatwrap">{heat_map(m)}</div>',
        '<h2 id="statutes">Statutes</h2>',
        "<table><thead><tr><th scope=\"col\">Statute</th><th scope=\"col\">Country</th>"
        "<th scope=\"col\">Year</th><th scope=\"col\">Coverage</th>"
        "<th scope=\"col\">File</th></tr></thead><tbody>",
    ]
    for c in m.columns:
        body.append(
            f"<tr><td>{escape(c.title)}</td><td>{escape(c.country or 'not stated')}</td>"
            f"<td>{escape(c.year or '')}</td><td>{c.coverage:.0%}</td>"
            f"<td>{escape(c.path)}</td></tr>")
    body.append("</tbody></table>")
    body.append("<p>Coverage counts a met requirement as one and a partial one as half.</p>")
    return page(title, "\n".join(body), css=MATRIX_CSS, script=SORT_SCRIPT)
