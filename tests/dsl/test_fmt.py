"""The formatter: one canonical layout, idempotent, and it never changes what a file says."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modellaw.cli import main
from modellaw.dsl import fmt as fmt_module
from modellaw.dsl.build import Builder
from modellaw.dsl.fmt import WIDTH, FormatError, format_text
from modellaw.dsl.parser import parse_text

# --- a generator of valid DSL files ---------------------------------------------------

KEYWORDS = {"model", "instrument", "requirement", "part", "provision", "waive", "include",
            "requires", "recommends", "all", "any", "clause", "absence", "number", "for",
            "full"}
name = st.from_regex(r"[a-z][a-z0-9_]{0,7}", fullmatch=True)
ident = st.builds(lambda a, b: f"{a}.{b}" if b else a, name,
                  st.sampled_from(["", "a", "3.a", "5.1", "x_y"]))
# Bare words: anything the grammar's WORD takes, including legal punctuation.
word = st.from_regex(r"[a-z][a-z0-9'\-./;]{0,9}", fullmatch=True).filter(
    lambda w: w not in KEYWORDS)
phrase_text = st.text(st.characters(min_codepoint=32, max_codepoint=0x2FF,
                                    exclude_characters='"\\'), min_size=1, max_size=20)
string = phrase_text.map(lambda s: '"' + s + '"')
escaped = st.builds(lambda a, b: '"' + a + '\\"' + b + '"', phrase_text, phrase_text)


@st.composite
def text_block(draw: st.DrawFn) -> str:
    """A triple-quoted block whose lines have odd indentation, tabs and blank lines."""
    lines = draw(st.lists(
        st.builds(lambda pad, body: pad + body,
                  st.sampled_from(["", " ", "  ", "   ", "\t", "      ", "    "]),
                  st.sampled_from(["(1) A person who recruits", "(a) by force;", "",
                                   "# not a comment", "   trailing spaces   ", "é ü — «»",
                                   "(2) see section 3(1)(a)", "\"quoted\" words", "x, y: z"])),
        min_size=0, max_size=6))
    closing = draw(st.sampled_from(["", "  ", "    "]))
    return '"""\n' + "\n".join(lines) + ("\n" if lines else "") + closing + '"""'


def comment(draw: st.DrawFn) -> str:
    return "# " + draw(st.text(st.characters(min_codepoint=32, max_codepoint=126),
                               max_size=30)).rstrip()


def trailing(draw: st.DrawFn) -> str:
    return "  " + comment(draw) if draw(st.integers(0, 4)) == 0 else ""


def before(draw: st.DrawFn, indent: str) -> list[str]:
    out = []
    if draw(st.integers(0, 5)) == 0:
        out.append("")
    if draw(st.integers(0, 4)) == 0:
        out.append(indent + comment(draw))
    return out


@st.composite
def concept(draw: st.DrawFn) -> str:
    head = draw(st.lists(word | string, min_size=1, max_size=3).map(" ".join))
    variants = draw(st.lists(st.lists(word | string, min_size=1, max_size=3).map(" ".join),
                             max_size=12))
    return f"{head} ({', '.join(variants)})" if variants else head


@st.composite
def element(draw: st.DrawFn) -> list[str]:
    verb = draw(st.sampled_from(["requires", "recommends"]))
    el_name = draw(name)
    if draw(st.integers(0, 5)) == 0:
        q, units = draw(st.sampled_from([("max_penalty", "years"), ("child_age", "years"),
                                         ("duration", "days"), ("fine", "currency")]))
        op = draw(st.sampled_from([">=", "<=", "==", "<", ">", "!="]))
        n = draw(st.sampled_from(["10", "18", "30", "2.5"]))
        return [f"  {verb} number {el_name}: {q} {op} {n} {units}" + trailing(draw)]
    mode = draw(st.sampled_from(["all", "any", "clause", "absence"]))
    head = f"  {verb} {mode} {el_name}"
    if draw(st.booleans()):
        head += " for " + ", ".join(draw(st.lists(ident, min_size=1, max_size=3)))
    if mode == "any" and draw(st.booleans()):
        head += " full " + draw(st.sampled_from(["all", "most"]))
    concepts = draw(st.lists(concept(), min_size=1, max_size=25))
    if draw(st.booleans()):
        return [f"{head}: {', '.join(concepts)}" + trailing(draw)]
    rows = []
    i = 0
    while i < len(concepts):
        n = draw(st.integers(1, 4))
        rows.append(concepts[i: i + n])
        i += n
    lines = [f"{head}:" + trailing(draw)]
    for r, row in enumerate(rows):
        lines += before(draw, "    ") if r else []
        lines.append("    " + ", ".join(row) + ("," if r < len(rows) - 1 else "")
                     + trailing(draw))
    return lines


ATTRS = {
    "model": ["version", "summary"],
    "instrument": ["short", "kind", "year", "summary"],
    "requirement": ["article", "strength", "verify", "aliases", "overlaps", "summary",
                    "reference"],
    "part": ["summary"],
    "provision": ["part", "implements", "see", "text", "alternative", "commentary", "source",
                  "optional"],
    "waive": ["reason"],
}


@st.composite
def attribute(draw: st.DrawFn, kind: str) -> list[str]:
    key = draw(st.sampled_from(ATTRS[kind]))
    if key in ("optional", "reference"):
        return [f"  {key}" + trailing(draw)]
    if key in ("implements", "see", "aliases", "overlaps", "source"):
        items = draw(st.lists(ident if key != "source" else string, min_size=1, max_size=30))
        if draw(st.integers(0, 3)) == 0:  # the block form, one or more per line
            return [f"  {key}:" + trailing(draw), *("    " + it for it in items)]
        return [f"  {key} {', '.join(items)}" + trailing(draw)]
    if key == "alternative":
        return [f"  alternative {draw(word)} {draw(text_block() | string)}" + trailing(draw)]
    value = draw(st.one_of(word, string, escaped, text_block(), st.sampled_from(["2000", "7"])))
    return [f"  {key} {value}" + trailing(draw)]


@st.composite
def declaration(draw: st.DrawFn) -> list[str]:
    kind = draw(st.sampled_from(list(ATTRS) + ["include"]))
    if kind == "include":
        return [f'include "{draw(name)}.mlaw"' + trailing(draw)]
    head = kind
    if kind != "model":
        head += " " + draw(ident)
    if kind != "waive" and draw(st.booleans()):
        head += " " + draw(string | escaped)
    lines = [head + trailing(draw)]
    for _ in range(draw(st.integers(0, 5))):
        lines += before(draw, "  ")
        lines += draw(attribute(kind))
    if kind == "provision":
        for _ in range(draw(st.integers(0, 3))):
            lines += before(draw, "  ")
            lines += draw(element())
    return lines


@st.composite
def dsl_file(draw: st.DrawFn) -> str:
    lines: list[str] = [comment(draw)] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(1, 5))):
        lines += before(draw, "")
        lines += draw(declaration())
    if draw(st.booleans()):
        lines += ["", comment(draw)]
    return "\n".join(lines) + ("\n" if draw(st.integers(0, 5)) else "")


def _strip_positions(obj: object) -> object:
    """A model as plain data without spans, which formatting may legitimately move."""
    if dataclasses.is_dataclass(obj):
        return {f.name: _strip_positions(getattr(obj, f.name)) for f in dataclasses.fields(obj)
                if f.name not in ("span", "ref_spans", "files")}
    if isinstance(obj, dict):
        return {k: _strip_positions(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_strip_positions(v) for v in obj]
    return obj


def _model_of(text: str) -> tuple[object, list]:
    res = parse_text(text, "gen.mlaw")
    assert res.syntax is not None, res.diagnostics
    b = Builder()
    b.add_file(res.syntax)
    diags = sorted((d.code, d.message) for d in b.diags)
    return _strip_positions(b.model), diags


def _comments(text: str) -> list[str]:
    res = parse_text(text, "gen.mlaw")
    assert res.syntax is not None
    return sorted(c.rstrip() for _, _, c in res.syntax.comments)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(dsl_file())
def test_fmt_is_idempotent_and_keeps_the_model(text: str) -> None:
    before = parse_text(text, "gen.mlaw")
    assert before.syntax is not None, f"generator made an invalid file: {before.diagnostics}"
    out = format_text(text)
    assert format_text(out) == out
    assert _model_of(out) == _model_of(text)
    assert _comments(out) == _comments(text)
    # Lists wrap to the width; a trailing comment may stick out (as in black), and so may
    # one long word, string or text block.
    for line in out.splitlines():
        code = line.split("  #")[0]
        if len(code) > WIDTH and '"' not in code:
            assert len(code.split()) <= 3 or "," not in code, line


# --- fixed cases ----------------------------------------------------------------------

LONG_MEANS = ("threat, force, coercion, abduction, fraud, deception, abuse of power, "
              "abuse of a position of vulnerability")
TEXT_BLOCK = ['  text """',
              "(1) A person who recruits, transports ... commits an offence.",
              "      (a) by threat;   ",  # odd indentation and trailing spaces are kept
              '  """']

MESSY = "\n".join([
    "# The model law, part one.",
    'include "standards.mlaw"',
    'provision offence.trafficking   "Trafficking in persons"   # the core offence',
    "  part offences",
    "  implements tip.3.a,tip.5.1",
    *TEXT_BLOCK,
    "  # Elements:",
    "  requires all acts:   recruit (enlist,hire) ,transport",
    "  requires any means full most: " + LONG_MEANS,
    "  requires number penalty:max_penalty>=10 years",
]) + "\n"

CANONICAL = "\n".join([
    "# The model law, part one.",
    'include "standards.mlaw"',
    "",
    'provision offence.trafficking "Trafficking in persons"  # the core offence',
    "  part offences",
    "  implements tip.3.a, tip.5.1",
    "",
    *TEXT_BLOCK,
    "",
    "  # Elements:",
    "  requires all acts: recruit (enlist, hire), transport",
    "  requires any means full most:",
    *(f"    {m}," for m in LONG_MEANS.split(", ")[:-1]),
    "    abuse of a position of vulnerability",
    "  requires number penalty: max_penalty >= 10 years",
]) + "\n"


def test_messy_file_gets_the_canonical_layout() -> None:
    assert format_text(MESSY) == CANONICAL
    assert format_text(CANONICAL) == CANONICAL


def test_model_text_is_kept_byte_for_byte() -> None:
    block = '"""\n\t(1) Tab-indented.\n   (2)  Two  spaces   inside.  \n\n# hash line\n  """'
    text = f'provision p.x "T"\n  text {block}\n'
    out = format_text(text)
    assert block in out
    prov_before = _model_of(text)[0]["provisions"][0]["text"]  # type: ignore[index]
    prov_after = _model_of(out)[0]["provisions"][0]["text"]  # type: ignore[index]
    assert prov_before == prov_after == (
        "\t(1) Tab-indented.\n   (2)  Two  spaces   inside.  \n\n# hash line\n")


def test_comments_are_kept_in_place() -> None:
    text = (
        "# top\n"
        "\n"
        "# before the provision\n"
        'provision p.x   "T"  # after the head\n'
        "  # before part\n"
        "  part offences  # after part\n"
        "\n"
        "\n"
        "  # about the elements\n"
        "\n"
        "  requires any means:\n"
        "    force,\n"
        "    # deception is the common case\n"
        "    deception\n"
        "# at the end\n"
    )
    assert format_text(text) == (
        "# top\n"
        "\n"
        "# before the provision\n"
        'provision p.x "T"  # after the head\n'
        "  # before part\n"
        "  part offences  # after part\n"
        "\n"
        "  # about the elements\n"
        "\n"
        "  requires any means:\n"
        "    force,\n"
        "    # deception is the common case\n"
        "    deception\n"
        "\n"
        "# at the end\n"
    )


def test_long_lists_wrap_inside_the_width() -> None:
    ids = ", ".join(f"tip.{i}.a" for i in range(40))
    out = format_text(f'provision p.x "T"\n  implements {ids}\n')
    lines = out.splitlines()
    assert lines[1] == "  implements:"
    assert all(len(ln) <= WIDTH for ln in lines)
    assert all(ln.startswith("    ") for ln in lines[2:])


def test_long_concept_with_many_variants_wraps_inside_its_parentheses() -> None:
    variants = ", ".join(f"variant number {i}" for i in range(20))
    out = format_text(f'provision p.x "T"\n  requires all acts: recruit ({variants}), move\n')
    assert all(len(ln) <= WIDTH for ln in out.splitlines())
    lines = out.splitlines()
    at = lines.index("  requires all acts:")
    assert lines[at + 1: at + 3] == [
        "    recruit (",
        "      variant number 0, variant number 1, variant number 2, variant number 3, "
        "variant number 4,"]
    assert lines[-2:] == ["      variant number 19),", "    move"]
    assert format_text(out) == out


def test_syntax_errors_are_refused() -> None:
    with pytest.raises(FormatError, match="syntax errors"):
        format_text('provison p.x "T"\n')


def test_unsafe_output_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    real = fmt_module.format_syntax

    def lossy(fs, source):  # noqa: ANN001, ANN202 - a broken formatter that drops comments
        return "\n".join(ln for ln in real(fs, source).splitlines()
                         if not ln.startswith("#")) + "\n"

    monkeypatch.setattr(fmt_module, "format_syntax", lossy)
    with pytest.raises(FormatError, match="change the file's meaning"):
        format_text('# keep me\nprovision p.x "T"\n')


def test_unstable_output_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}
    real = fmt_module.format_syntax

    def drifting(fs, source):  # noqa: ANN001, ANN202 - one more blank line on every pass
        calls["n"] += 1
        return real(fs, source) + "\n" * calls["n"]

    monkeypatch.setattr(fmt_module, "format_syntax", drifting)
    with pytest.raises(FormatError, match="not stable"):
        format_text('provision p.x "T"\n')


# --- the command line -----------------------------------------------------------------


@pytest.fixture
def messy(tmp_path: Path) -> Path:
    path = tmp_path / "law.mlaw"
    path.write_text(MESSY, encoding="utf-8")
    return path


def test_fmt_check_exits_1_then_0_after_formatting(messy: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(main, ["fmt", "--check", str(messy)])
    assert res.exit_code == 1
    assert f"would reformat {messy}" in res.output
    assert messy.read_text(encoding="utf-8") == MESSY  # --check writes nothing

    res = runner.invoke(main, ["fmt", str(messy)])
    assert res.exit_code == 0
    assert messy.read_text(encoding="utf-8") == CANONICAL

    res = runner.invoke(main, ["fmt", "--check", str(messy)])
    assert res.exit_code == 0
    assert "0 would be reformatted" in res.output


def test_fmt_diff_prints_a_unified_diff(messy: Path) -> None:
    res = CliRunner().invoke(main, ["fmt", "--diff", str(messy)])
    assert res.exit_code == 1
    assert f"--- {messy}\n+++ {messy} (formatted)\n" in res.output
    assert "-  implements tip.3.a,tip.5.1\n+  implements tip.3.a, tip.5.1\n" in res.output
    assert messy.read_text(encoding="utf-8") == MESSY


def test_fmt_refuses_to_write_a_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.mlaw"
    broken = 'provison p.x "T"\n  part   offences\n'
    path.write_text(broken, encoding="utf-8")
    res = CliRunner().invoke(main, ["fmt", str(path)])
    assert res.exit_code == 1
    assert "cannot format" in res.output
    assert path.read_text(encoding="utf-8") == broken


def test_fmt_cli_writes_nothing_when_unsafe(messy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = fmt_module.format_syntax
    monkeypatch.setattr(fmt_module, "format_syntax",
                        lambda fs, source: real(fs, source).replace("# the core offence", ""))
    res = CliRunner().invoke(main, ["fmt", str(messy)])
    assert res.exit_code == 1
    assert "cannot format" in res.output and "meaning" in res.output
    assert messy.read_text(encoding="utf-8") == MESSY


def test_fmt_refuses_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "bin.mlaw"
    path.write_bytes(b"\x00\x01provision")
    res = CliRunner().invoke(main, ["fmt", str(path)])
    assert res.exit_code == 1
    assert "P001" in res.output
    assert path.read_bytes() == b"\x00\x01provision"


def test_fmt_keeps_crlf_line_endings(tmp_path: Path) -> None:
    canonical = tmp_path / "canonical.mlaw"
    canonical.write_bytes(b'provision p.x "T"\r\n  part offences\r\n')
    messy = tmp_path / "messy.mlaw"
    messy.write_bytes(b'provision p.x   "T"\r\n  part   offences\r\n')
    runner = CliRunner()
    res = runner.invoke(main, ["fmt", "--check", str(canonical)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(main, ["fmt", str(canonical), str(messy)])
    assert res.exit_code == 0, res.output
    assert "1 reformatted" in res.output
    assert messy.read_bytes() == canonical.read_bytes() == (
        b'provision p.x "T"\r\n  part offences\r\n')


def test_fmt_missing_path_is_reported(tmp_path: Path) -> None:
    res = CliRunner().invoke(main, ["fmt", str(tmp_path / "nope.mlaw")])
    assert res.exit_code == 2
    assert "P005" in res.output


PROVISIONS = Path(__file__).resolve().parents[2] / "provisions"


@pytest.mark.parametrize("path", sorted(PROVISIONS.rglob("*.mlaw")),
                         ids=lambda p: p.relative_to(PROVISIONS).as_posix())
def test_the_bundled_model_law_is_formatted(path: Path) -> None:
    # `make demo` checks this first; a wording change left unformatted would stop it.
    text = path.read_text(encoding="utf-8")
    assert format_text(text) == text, f"run: modellaw fmt {path}"
