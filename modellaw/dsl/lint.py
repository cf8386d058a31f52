"""Drafting-quality rules. Each rule has a code, a name, a reason, and a bad and a good example.

The examples double as the rule's tests and its documentation page (docs/rules/CODE.md).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from modellaw.diagnostics import Diagnostic, Severity, Span
from modellaw.dsl.model import ModelLaw, Provision

# A rule yields the provision at fault and a message, optionally with a narrower span
# (an element or a concept) to point at.
Finding = tuple[Provision, str] | tuple[Provision, str, Span | None]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    why: str
    bad: str
    good: str
    check: Callable[[ModelLaw], Iterator[Finding]]


def _is_child(p: Provision) -> bool:
    return "child" in p.id or "child" in p.title.lower()


def _is_offence(p: Provision) -> bool:
    return p.id.startswith("offence") or (p.part or "") == "offences"


def _has_acts(p: Provision) -> bool:
    return any(e.name.startswith("acts") for e in p.elements)


def _offence_without_means(m: ModelLaw) -> Iterator[Finding]:
    for p in m.provisions:
        if _is_offence(p) and _has_acts(p) and not _is_child(p):
            if not any(e.name.startswith("means") for e in p.elements):
                yield p, f"offence '{p.id}' lists acts but no means element"


def _child_requires_means(m: ModelLaw) -> Iterator[Finding]:
    for p in m.provisions:
        if _is_child(p):
            for e in p.elements:
                if e.name.startswith("means") and e.required and e.kind in ("all", "any"):
                    yield p, (f"child provision '{p.id}' requires means ('{e.name}'); "
                              "for children no means may be required")


def _optional_without_commentary(m: ModelLaw) -> Iterator[Finding]:
    for p in m.provisions:
        if p.optional and not (p.commentary or "").strip():
            yield p, f"optional provision '{p.id}' has no commentary explaining the choice"


def _no_elements(m: ModelLaw) -> Iterator[Finding]:
    for p in m.provisions:
        if not p.elements:
            yield p, f"provision '{p.id}' has no elements, so no statute can be tested against it"


def _no_text(m: ModelLaw) -> Iterator[Finding]:
    for p in m.provisions:
        if not p.text.strip():
            yield p, f"provision '{p.id}' has no model text"


_MAY = re.compile(r"\bmay\s+(?:be\s+)?(?:provide|provided|grant|granted|offer|offered|arrange|"
                  r"arranged|assist|assisted)\b", re.I)


def _discretionary_protection(m: ModelLaw) -> Iterator[Finding]:
    for p in m.provisions:
        if (p.part or "") in ("victims", "non_punishment", "residence", "compensation"):
            hit = _MAY.search(p.text)
            if hit:
                yield p, (f"'{hit.group(0)}' makes a victim's entitlement a discretion in "
                          f"'{p.id}'")


_SUB = re.compile(r"^\s*\((\d+)\)", re.M)


def _numbering_gap(m: ModelLaw) -> Iterator[Finding]:
    for p in m.provisions:
        nums = [int(n) for n in _SUB.findall(p.text)]
        expected = 1
        for n in nums:
            if n != expected:
                yield p, f"subsection ({expected}) is missing or out of order in '{p.id}'"
                break
            expected += 1


_OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": lambda a, b: a >= b, "<=": lambda a, b: a <= b, "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b, ">": lambda a, b: a > b, "<": lambda a, b: a < b,
}


def _child_age_not_18(m: ModelLaw) -> Iterator[Finding]:
    # child_age is the age limit a statute sets ("under 18" -> 18); the bound must accept
    # exactly that limit or a higher one, never a lower one.
    for p in m.provisions:
        for e in p.elements:
            if e.kind != "number" or e.quantity != "child_age" or e.value is None:
                continue
            ok = _OPS.get(e.op or "")
            if ok is None:
                continue
            if not ok(18.0, e.value) or any(ok(age, e.value) for age in (17.0, 16.0, 14.0)):
                yield p, (f"'{e.id}' ({e.quantity} {e.op} {_num(e.value)} "
                          f"{e.unit or ''}) lets a statute set the child age below 18, or "
                          "rejects 18"), e.span


def _num(v: float | None) -> str:
    return "?" if v is None else (str(int(v)) if v == int(v) else str(v))


def _phrase_in_two_concepts(m: ModelLaw) -> Iterator[Finding]:
    for p in m.provisions:
        for e in p.elements:
            owner: dict[str, str] = {}
            for c in e.concepts:
                for phrase in dict.fromkeys(ph.lower() for ph in c.phrases):
                    first = owner.setdefault(phrase, c.name)
                    if first != c.name:
                        yield p, (f"'{phrase}' is listed under both '{first}' and '{c.name}' "
                                  f"in '{e.id}'"), c.span


RULES: tuple[Rule, ...] = (
    Rule("L201", "offence-without-means",
         "An adult trafficking offence lists acts but no means.",
         "The Protocol defines trafficking of adults as act + means + purpose. An offence "
         "without a means element either over-criminalises or, more often, was left "
         "unfinished; the comparator then cannot test the means at all.",
         'provision offence.trafficking "Trafficking"\n  part offences\n'
         '  implements tip.3.a\n  text "..."\n  requires all acts: recruit, transport\n',
         'provision offence.trafficking "Trafficking"\n  part offences\n'
         '  implements tip.3.a\n  text "..."\n  requires all acts: recruit, transport\n'
         '  requires all means: threat, force, deception\n',
         _offence_without_means),
    Rule("L202", "child-clause-requires-means",
         "A child-trafficking provision requires means.",
         "Protocol art 3(c): for a child, the act and the purpose are enough. Requiring means "
         "in the child limb is the most common defect in national law; the model law must "
         "not repeat it.",
         'provision offence.child "Child trafficking"\n  part offences\n'
         '  implements tip.3.c\n  text "..."\n  requires all means: force, deception\n',
         'provision offence.child "Child trafficking"\n  part offences\n'
         '  implements tip.3.c\n  text "..."\n'
         '  requires clause no_means: "whether or not any of the means"\n',
         _child_requires_means),
    Rule("L203", "optional-without-commentary",
         "An optional provision has no commentary.",
         "States read the commentary to decide whether to adopt an optional provision; "
         "without one they cannot weigh the choice.",
         'provision prevention.research "Research"\n  part prevention\n  optional\n'
         '  implements tip.9.1\n  text "..."\n  requires any research: research\n',
         'provision prevention.research "Research"\n  part prevention\n  optional\n'
         '  implements tip.9.1\n  text "..."\n  commentary "Useful where no research body '
         'exists."\n  requires any research: research\n',
         _optional_without_commentary),
    Rule("L204", "provision-without-elements",
         "A provision has no elements.",
         "Elements are what the comparator looks for in a statute. A provision without them "
         "always comes out unmet, whatever the statute says.",
         'provision victims.shelter "Shelter"\n  part victims\n  implements tip.6.3\n'
         '  text "..."\n',
         'provision victims.shelter "Shelter"\n  part victims\n  implements tip.6.3\n'
         '  text "..."\n  requires any housing: shelter (accommodation, housing)\n',
         _no_elements),
    Rule("L205", "provision-without-text",
         "A provision has no model text.",
         "The model wording is what a drafter copies into national law and what a gap "
         "report offers to close a gap.",
         'provision victims.shelter "Shelter"\n  part victims\n  implements tip.6.3\n'
         '  requires any housing: shelter\n',
         'provision victims.shelter "Shelter"\n  part victims\n  implements tip.6.3\n'
         '  text "The State shall provide safe shelter."\n  requires any housing: shelter\n',
         _no_text),
    Rule("L206", "discretionary-protection",
         "A victim-protection provision makes an entitlement a discretion ('may provide').",
         "The Protocol's protection duties are weak ('in appropriate cases'); the model law "
         "goes further and makes them firm duties, written with 'shall'.",
         'provision victims.shelter "Shelter"\n  part victims\n  implements tip.6.3\n'
         '  text "The Minister may provide shelter."\n  requires any housing: shelter\n',
         'provision victims.shelter "Shelter"\n  part victims\n  implements tip.6.3\n'
         '  text "The Minister shall provide shelter."\n  requires any housing: shelter\n',
         _discretionary_protection),
    Rule("L207", "subsection-numbering",
         "Subsections are not numbered (1), (2), (3) ... in order.",
         "Cross-references and citations rely on the numbers; a gap usually means a "
         "subsection was deleted and references to the later ones are now wrong.",
         'provision victims.shelter "Shelter"\n  part victims\n  implements tip.6.3\n'
         '  text """\n  (1) First.\n  (3) Third.\n  """\n  requires any housing: shelter\n',
         'provision victims.shelter "Shelter"\n  part victims\n  implements tip.6.3\n'
         '  text """\n  (1) First.\n  (2) Second.\n  """\n  requires any housing: shelter\n',
         _numbering_gap),
    Rule("L208", "child-age-below-18",
         "A child-age element accepts an age limit below 18 (or rejects 18).",
         "Protocol art 3(d): a child is any person under eighteen years of age. The quantity "
         "child_age is the limit a statute sets (under 18 -> 18). An element that accepts a "
         "lower limit would pass a statute that leaves older children to the adult offence, "
         "where means must be proved.",
         'provision definitions.child "Child"\n  part offences\n  implements tip.3.c\n'
         '  text "..."\n  requires number age: child_age >= 16 years\n',
         'provision definitions.child "Child"\n  part offences\n  implements tip.3.c\n'
         '  text "..."\n  requires number age: child_age == 18 years\n',
         _child_age_not_18),
    Rule("L209", "phrase-in-two-concepts",
         "The same phrase is listed under two concepts of one element.",
         "The comparator credits a phrase found in a statute to a concept. When one phrase "
         "belongs to two concepts, a statute that says it once meets both, and a gap in one "
         "of them goes unreported.",
         'provision offence.trafficking "Trafficking"\n  part offences\n'
         '  implements tip.3.a\n  text "..."\n'
         '  requires all acts: transport (move, convey), transfer (move, hand over)\n'
         '  requires any means: force\n',
         'provision offence.trafficking "Trafficking"\n  part offences\n'
         '  implements tip.3.a\n  text "..."\n'
         '  requires all acts: transport (move, convey), transfer (hand over)\n'
         '  requires any means: force\n',
         _phrase_in_two_concepts),
)


def lint_model(m: ModelLaw) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    for rule in RULES:
        for found in rule.check(m):
            prov, message = found[0], found[1]
            span = (found[2] if len(found) > 2 else None) or prov.span
            out.append(Diagnostic(rule.code, Severity.WARNING, message,
                                  span or Span("<model>", 1, 1),
                                  help=f"{rule.summary} See docs/rules/{rule.code}.md "
                                       f"({rule.name})."))
    return out


def rule_doc(rule: Rule) -> str:
    """The docs page of one rule (docs/rules/CODE.md), generated from RULES."""
    return (f"# {rule.code}: {rule.name}\n\n"
            "<!-- generated by `python -m modellaw.dsl.lint --write-docs docs/rules`; "
            "edit modellaw/dsl/lint.py instead -->\n\n"
            f"{rule.summary}\n\nSeverity: warning (drafting quality; `modellaw check --strict` "
            f"makes it fail the check).\n\n## Why\n\n{rule.why}\n\n"
            f"## Bad\n\n```\n{rule.bad}```\n\n## Good\n\n```\n{rule.good}```\n")


def rules_index() -> str:
    rows = "".join(f"| [{r.code}]({r.code}.md) | {r.name} | {r.summary} |\n" for r in RULES)
    return ("# Drafting rules\n\n"
            "<!-- generated by `python -m modellaw.dsl.lint --write-docs docs/rules` -->\n\n"
            "`modellaw check` reports these as warnings. Each page has a bad and a good "
            "example.\n\n| Code | Name | What it finds |\n|---|---|---|\n" + rows)


def doc_pages() -> dict[str, str]:
    """File name -> content of every generated page."""
    pages = {f"{r.code}.md": rule_doc(r) for r in RULES}
    pages["README.md"] = rules_index()
    return pages


def write_docs(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in doc_pages().items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def _main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] != "--write-docs":
        print("usage: python -m modellaw.dsl.lint --write-docs docs/rules", file=sys.stderr)
        return 2
    for path in write_docs(Path(argv[1])):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
