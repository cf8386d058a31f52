"""The gap report for one statute as Markdown; the HTML report is rendered from the same text.

Statute text, reviewer comments and file names are untrusted: everything taken from them
passes through `escape_md` (or `escape_cell` in tables) so it shows as text and never as
markup. The HTML flavour swaps status words and figures for placeholders that only
`html.py` can fill in; they carry a random nonce so statute text cannot forge them.
"""

from __future__ import annotations

import re

from modellaw.compare.findings import (
    ElementResult,
    Evidence,
    Finding,
    GapResult,
    ProvisionFinding,
    RequirementFinding,
)
from modellaw.dsl.model import ModelLaw
from modellaw.report.status import (
    BAR_GLYPH,
    cited_units,
    evidence_heading,
    label,
    override_sentence,
    strength_rank,
)
from modellaw.report.summary import InstrumentSummary, headline, instrument_name, summarise

_PUNCT = re.compile(r"([\\`*_\[\]<>|~#&])")
_LINE_START = re.compile(r"^(\s*)(?:([-+=>])|(\d+)([.)]))", re.MULTILINE)


def escape_md(text: str) -> str:
    """Make untrusted text render literally: backslash-escape Markdown punctuation."""
    text = _PUNCT.sub(r"\\\1", text)
    # A list marker is defused by escaping its punctuation: "\\-", "1\\." (never "\\1.").
    def defuse(m: re.Match[str]) -> str:
        if m.group(2):
            return m.group(1) + "\\" + m.group(2)
        return m.group(1) + m.group(3) + "\\" + m.group(4)

    return _LINE_START.sub(defuse, text)


def escape_inline(text: str) -> str:
    """As escape_md, for text set in the middle of a line: no list marker can start there,
    so a version such as "0.1" keeps its dot instead of showing as "0\\.1" in the file."""
    return _PUNCT.sub(r"\\\1", text)


def escape_cell(text: str) -> str:
    """As escape_inline, on one line, for a table cell (no list can start inside a cell)."""
    return escape_inline(" ".join(text.split()))


def text_bar(counts: dict[str, int], width: int = 20) -> str:
    """A bar in block characters; the counts follow in words so the glyphs are optional."""
    total = sum(counts.values())
    if not total:
        return ""
    cells: list[str] = []
    for s in ("met", "partial", "unmet"):
        cells.append(BAR_GLYPH[s] * round(width * counts.get(s, 0) / total))
    bar = "".join(cells)[:width].ljust(width, BAR_GLYPH["unmet"])
    return f"`{bar}`"


class Marks:
    """How verdicts and figures appear; plain Markdown here, placeholders for HTML."""

    def status(self, status: str) -> str:
        return f"**{label(status)}**"

    def bar(self, counts: dict[str, int]) -> str:
        return text_bar(counts)

    def strip(self, summary: InstrumentSummary) -> str | None:
        return None

    def legend(self) -> str:
        return (
            f"Bars: `{BAR_GLYPH['met']}` met, `{BAR_GLYPH['partial']}` partial, "
            f"`{BAR_GLYPH['unmet']}` unmet."
        )


def _fence(text: str, info: str) -> str:
    longest = max((len(m) for m in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{info}\n{text.rstrip()}\n{fence}"


def _quote(ev: Evidence) -> str:
    lines = ev.quote.strip().splitlines() or [""]
    body = "\n".join("> " + escape_md(ln) if ln.strip() else ">" for ln in lines)
    return f"> **{escape_md(ev.unit)}**\n>\n{body}"


def _override(f: Finding, marks: Marks) -> list[str]:
    o = f.override
    if o is None:
        return []
    who = ", ".join(x for x in (o.reviewer, o.date) if x)
    who_txt = f" ({escape_md(who)})" if who else ""
    decision = o.decision
    out = [f"**Reviewer decision**{who_txt}: "
           + escape_md(override_sentence(decision, o.status, o.original_status))]
    if o.comment.strip():
        out.append(f"*Reviewer's comment:* “{escape_md(o.comment.strip())}”")
    if o.stale:
        out.append(
            "**Stale review:** the statute text the reviewer relied on has changed since; "
            "check this override again."
        )
    return out


def _element_line(e: ElementResult) -> str:
    kind = "" if e.required else " (good practice)"
    bits = [f"- {label(e.status)}: {escape_md(e.title)}{kind}"]
    if e.found:
        bits.append(f"found {escape_md(', '.join(e.found))}")
    if e.missing:
        # Comparator messages often repeat the element's name; say it once.
        prefix = e.title + ": "
        gaps = [m[len(prefix):] if m.startswith(prefix) else m for m in e.missing]
        bits.append(f"missing: {escape_md('; '.join(gaps))}")
    if e.note:
        bits.append(escape_md(e.note))
    units = sorted({ev.unit for ev in e.evidence})
    if units:
        bits.append("in " + escape_md(", ".join(units)))
    return bits[0] + (" — " + "; ".join(bits[1:]) if len(bits) > 1 else "")


def _provision_block(
    p: ProvisionFinding, model: ModelLaw | None, number: int | None, marks: Marks
) -> list[str]:
    mp = model.provision(p.id) if model is not None else None
    title = p.title or (mp.title if mp else p.id)
    num = f"Section {number}: " if number is not None else ""
    out = [f"#### {num}{escape_md(title)} — {marks.status(p.status)}", ""]
    facts = [f"Verdict: {marks.status(p.status)}", f"score {p.score:.2f}",
             f"confidence {p.confidence:.2f}", f"provision `{p.id}`"]
    out += ["; ".join(facts) + ".", ""]
    if mp is not None and mp.implements:
        out += ["Implements: " + ", ".join(f"`{r}`" for r in mp.implements) + ".", ""]
    if p.needs_review:
        out += ["**Needs review:** the tool is not confident in this verdict; "
                "a reviewer should confirm it.", ""]
    for line in _override(p, marks):
        out += [line, ""]
    if p.evidence:
        out += [f"##### {evidence_heading(p.status)}", ""]
        for ev in p.evidence:
            out += [_quote(ev), ""]
    elif p.status != "unmet":
        out += ["No statute text is cited for this verdict.", ""]
    if p.missing:
        out += ["##### What is missing", ""]
        out += [f"- {escape_md(m)}" for m in p.missing] + [""]
    if p.elements:
        out += ["##### Elements checked", ""]
        out += [_element_line(e) for e in p.elements] + [""]
    for n in p.notes:
        out += [f"*Note:* {escape_md(n)}", ""]
    if p.status != "met" and mp is not None and mp.text.strip():
        where = f" (model law section {number})" if number is not None else ""
        out += [f"##### Model wording that would close the gap{where}", ""]
        out += [_fence(mp.text.strip("\n"), "model"), ""]
    return out


def provisions_by_part(
    result: GapResult, model: ModelLaw | None
) -> list[tuple[str, list[ProvisionFinding]]]:
    """Provisions grouped by part of the model law, in the model's order."""
    titles: dict[str, str] = {}
    order: list[str] = []
    if model is not None:
        for part in model.parts:
            titles[part.id] = part.title
            order.append(part.id)
        pos = {p.id: i for i, p in enumerate(model.ordered_provisions())}
    else:
        pos = {}
    groups: dict[str, list[ProvisionFinding]] = {}
    for p in result.provisions:
        mp = model.provision(p.id) if model is not None else None
        part = p.part or (mp.part if mp else None) or ""
        groups.setdefault(part, []).append(p)
    out = []
    for part in order + [k for k in groups if k not in order]:
        if part not in groups:
            continue
        provs = sorted(groups[part], key=lambda p: pos.get(p.id, len(pos)))
        out.append((titles.get(part, part or "Other provisions"), provs))
    return out


def _requirement_row(r: RequirementFinding, model: ModelLaw | None, marks: Marks) -> str:
    title = r.title or (model.requirements[r.id].title
                        if model is not None and r.id in model.requirements else "")
    req = f"`{r.id}` {escape_cell(title)}"
    if r.verify == "unverified":
        req += " *(wording unverified)*"
    verdict = marks.status(r.status)
    if r.override is not None:
        verdict += " (reviewer)"
    if r.needs_review:
        verdict += " (needs review)"
    units = cited_units(r.status, (e.unit for e in r.evidence))
    cells = [
        req, escape_cell(instrument_name(model, r.instrument)), escape_cell(r.strength), verdict,
        ", ".join(f"`{p}`" for p in r.provisions) or "none",
        escape_cell(units) or "—", escape_cell("; ".join(r.missing)) or "—",
    ]
    return "| " + " | ".join(cells) + " |"


def build_markdown(result: GapResult, model: ModelLaw | None, marks: Marks) -> str:
    s = result.statute
    title = s.title or s.path
    out: list[str] = [f"# Gap report: {escape_md(title)}", ""]
    sub = [x for x in (s.country, s.year) if x]
    out += [
        escape_md(" · ".join(sub) + (" — " if sub else ""))
        + f"measured against {escape_inline(result.model_title)}"
        + (f" (version {escape_inline(result.model_version)})" if result.model_version else "")
        + f" on {escape_inline(result.analysed_on)}.",
        "",
        "## Summary",
        "",
        escape_md(headline(result)),
        "",
    ]
    summaries = summarise(result, model)
    if summaries:
        out += ["| Instrument | Obligation | Met | Partial | Unmet | Figure |",
                "|---|---|--:|--:|--:|---|"]
        for inst in summaries:
            for i, row in enumerate(inst.rows):
                name = f"**{escape_cell(inst.name)}**" if i == 0 else ""
                c = row.counts
                out.append(f"| {name} | {escape_cell(row.strength)} | {c['met']} | "
                           f"{c['partial']} | {c['unmet']} | {marks.bar(c)} |")
        out += ["", marks.legend(), ""]
        strips = [(inst, marks.strip(inst)) for inst in summaries]
        if any(st for _, st in strips):
            out += ["Each square is one requirement, mandatory ones first:", ""]
            for inst, st in strips:
                if st:
                    out += [f"- {escape_md(inst.name)}: {st}"]
            out += [""]
    flagged = [p for p in result.provisions if p.needs_review] + [
        r for r in result.requirements if r.needs_review]
    overridden = [f for f in [*result.provisions, *result.requirements] if f.override]
    if flagged or overridden:
        out += [f"{len(flagged)} verdict(s) need review; {len(overridden)} verdict(s) were set "
                "by a reviewer and are marked as such below.", ""]
    out += ["## Provisions of the model law", "",
            "Each provision: the verdict, the statute text cited, what is missing and the "
            "model wording that would close the gap.", ""]
    numbers = model.numbering() if model is not None else {}
    for part_title, provs in provisions_by_part(result, model):
        out += [f"### Part: {escape_md(part_title)}", ""]
        for p in provs:
            out += _provision_block(p, model, numbers.get(p.id), marks)
    out += ["## Requirements", ""]
    if result.requirements:
        out += ["| Requirement | Instrument | Strength | Verdict | Provisions | Evidence "
                "| Missing |", "|---|---|---|---|---|---|---|"]
        inst_order = {iid: i for i, iid in enumerate(result.instruments)}
        reqs = sorted(result.requirements, key=lambda r: (
            inst_order.get(r.instrument, len(inst_order)), strength_rank(r.strength)))
        out += [_requirement_row(r, model, marks) for r in reqs]
    else:
        out.append("No requirements were assessed.")
    reviewed = [r for r in result.requirements if r.override is not None]
    if reviewed:
        out += ["", "### Reviewer decisions", "",
                "These verdicts come from a reviewer, not from the tool.", ""]
        for r in reviewed:
            out += [f"#### `{r.id}` {escape_md(r.title)}", ""]
            for line in _override(r, marks):
                out += [line, ""]
    out += ["", "## Provenance", "", "| Item | Value |", "|---|---|"]
    inst_names = ", ".join(instrument_name(model, i) for i in result.instruments) or "none"
    rows = [
        ("Statute", s.title or "(untitled)"), ("Country", s.country or "not stated"),
        ("Year", s.year or "not stated"), ("File", s.path), ("Units read", str(s.units)),
        ("Date of analysis", result.analysed_on),
        ("Tool version", f"modellaw {result.tool_version}"),
        ("Model law", result.model_title + (f", version {result.model_version}"
                                            if result.model_version else "")),
        ("Instruments assessed", inst_names),
    ]
    if result.review_file:
        rows.append(("Review file", result.review_file))
    out += [f"| {k} | {escape_cell(v)} |" for k, v in rows]
    if result.warnings:
        out += ["", "### Warnings from reading the statute", ""]
        out += [f"- {escape_md(w)}" for w in result.warnings]
    return "\n".join(out).rstrip() + "\n"


def render_markdown(result: GapResult, model: ModelLaw | None) -> str:
    """The gap report for one statute as Markdown."""
    return build_markdown(result, model, Marks())


