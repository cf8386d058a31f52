"""`modellaw eval`: the comparator and the TF-IDF baseline against labelled statutes."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from modellaw.compare.context import StatuteView
from modellaw.compare.engine import analyse
from modellaw.dsl.model import ModelLaw
from modellaw.evaluate.baseline import baseline_statuses, requirement_queries
from modellaw.evaluate.metrics import LABELS, Agreement, agreement, precision_recall
from modellaw.statutes import StatuteReadError, read_statute
from modellaw.statutes.model import Statute, Unit

STATUTE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".docx")


@dataclass
class Item:
    statute: str
    requirement: str
    gold: str
    predicted: str
    baseline: str
    gold_units: list[str]
    predicted_units: list[str]
    needs_review: bool = False
    held_out: str | None = None  # the statute's `# held_out:` set, reported in aggregate only


@dataclass
class EvalReport:
    corpus: str
    statutes: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    ours: Agreement | None = None
    base: Agreement | None = None
    evidence_precision: float = 0.0
    evidence_recall: float = 0.0
    base_evidence_precision: float = 0.0
    base_evidence_recall: float = 0.0
    # recall counting only the labelled unit or a part of it, not a section around it
    evidence_recall_strict: float = 0.0
    base_evidence_recall_strict: float = 0.0

    def worst(self, k: int = 10) -> list[tuple[str, int, int]]:
        """The requirements most often wrong, on the statutes not held out."""
        wrong: Counter[str] = Counter()
        total: Counter[str] = Counter()
        for it in self.items:
            if it.held_out:
                continue
            total[it.requirement] += 1
            if it.gold != it.predicted:
                wrong[it.requirement] += 1
        return [(rid, wrong[rid], total[rid]) for rid, _ in wrong.most_common(k)]


def find_pairs(corpus: Path) -> list[tuple[Path, Path]]:
    gold_dir = corpus / "gold"
    pairs = []
    for g in sorted(gold_dir.glob("*.json")):
        for suffix in STATUTE_SUFFIXES:
            s = corpus / (g.stem + suffix)
            if s.exists():
                pairs.append((s, g))
                break
    return pairs


def _related(st: Statute, a: str, b: str, cache: dict[str, Unit | None]) -> bool:
    """Same unit, or one inside the other: citing 14(1) for a label on 14 is a hit."""
    return _within(st, a, b, cache) or _within(st, b, a, cache)


def _within(st: Statute, a: str, b: str, cache: dict[str, Unit | None]) -> bool:
    """Unit a is unit b or a part of it."""
    if a == b:
        return True
    ua = cache.setdefault(a, st.find(a))
    ub = cache.setdefault(b, st.find(b))
    if ua is None or ub is None:
        return False
    return ub.start <= ua.start and ua.end <= ub.end


def _evidence_scores(st: Statute, items: list[tuple[list[str], list[str]]]
                     ) -> tuple[int, int, int, int, int]:
    """Hits among the cited units, cited units, labelled units hit, labelled units, and
    labelled units hit strictly (by themselves or a part of them)."""
    cache: dict[str, Unit | None] = {}
    hp = npred = hg = ngold = strict = 0
    for gold_units, pred_units in items:
        npred += len(pred_units)
        ngold += len(gold_units)
        hp += sum(1 for p in pred_units if any(_related(st, p, g, cache) for g in gold_units))
        hg += sum(1 for g in gold_units if any(_related(st, p, g, cache) for p in pred_units))
        strict += sum(1 for g in gold_units
                      if any(_within(st, p, g, cache) for p in pred_units))
    return hp, npred, hg, ngold, strict


def evaluate(model: ModelLaw, corpus: Path) -> EvalReport:
    report = EvalReport(str(corpus))
    queries = requirement_queries(model)
    ours_ev = [0, 0, 0, 0, 0]
    base_ev = [0, 0, 0, 0, 0]
    for spath, gpath in find_pairs(corpus):
        try:
            st = read_statute(spath)
        except StatuteReadError as e:
            report.skipped.append(f"{spath.name}: {e}")
            continue
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        view = StatuteView.build(st)
        # Reviewer files are ignored: eval measures the machine, not the reviewer.
        result = analyse(model, st, view=view, review_path=Path("/nonexistent/review.json"))
        base = baseline_statuses(model, view, queries)
        report.statutes.append(spath.name)
        held_out = st.meta.extra.get("held_out") or None
        ev_pairs, base_pairs = [], []
        for rid, lab in gold.get("labels", {}).items():
            row = model.resolve(rid)
            f = result.requirement(row) if row else None
            if f is None:
                report.skipped.append(f"{spath.name}: {rid} is not a requirement of the model")
                continue
            b_status, b_units = base.get(row, ("unmet", []))
            pred_units = list(dict.fromkeys(e.unit for e in f.evidence))
            item = Item(spath.name, row, lab["status"], f.status, b_status,
                        list(lab.get("units", [])), pred_units, f.needs_review, held_out)
            report.items.append(item)
            if lab["status"] != "unmet" or pred_units:
                ev_pairs.append((item.gold_units if lab["status"] != "unmet" else [], pred_units))
                base_pairs.append((item.gold_units if lab["status"] != "unmet" else [], b_units))
        for acc, pairs in ((ours_ev, ev_pairs), (base_ev, base_pairs)):
            for i, v in enumerate(_evidence_scores(st, pairs)):
                acc[i] += v
    report.ours = agreement([(i.gold, i.predicted) for i in report.items])
    report.base = agreement([(i.gold, i.baseline) for i in report.items])
    report.evidence_precision, report.evidence_recall = precision_recall(*ours_ev[:4])
    report.base_evidence_precision, report.base_evidence_recall = precision_recall(
        *base_ev[:4])
    report.evidence_recall_strict = ours_ev[4] / ours_ev[3] if ours_ev[3] else 0.0
    report.base_evidence_recall_strict = base_ev[4] / base_ev[3] if base_ev[3] else 0.0
    return report


def format_report(r: EvalReport) -> str:
    assert r.ours and r.base
    lines = [f"corpus: {r.corpus} ({len(r.statutes)} statutes, {r.ours.n} labelled items)", ""]
    lines.append(f"{'':28}{'modellaw':>10}{'tf-idf':>10}")
    for name, a, b in (("status accuracy", r.ours.accuracy, r.base.accuracy),
                       ("macro-F1", r.ours.macro_f1, r.base.macro_f1),
                       ("Cohen's kappa", r.ours.kappa, r.base.kappa),
                       ("evidence precision", r.evidence_precision, r.base_evidence_precision),
                       ("evidence recall", r.evidence_recall, r.base_evidence_recall),
                       ("evidence recall, strict*", r.evidence_recall_strict,
                        r.base_evidence_recall_strict)):
        lines.append(f"{name:28}{a:>10.3f}{b:>10.3f}")
    lines.append("* the labelled unit itself or a part of it is cited; a section around it "
                 "does not count")
    flagged = [i for i in r.items if i.needs_review]
    sure = [i for i in r.items if not i.needs_review]
    if flagged and sure:
        lines += ["", f"verdicts flagged needs_review: {len(flagged)} of {len(r.items)}; "
                  f"accuracy {_acc(flagged):.3f} on those, {_acc(sure):.3f} on the rest"]
    lines += ["", "confusion (rows gold, columns modellaw):",
              f"{'':10}" + "".join(f"{p:>9}" for p in LABELS)]
    for g in LABELS:
        lines.append(f"{g:10}" + "".join(f"{r.ours.confusion[g][p]:>9}" for p in LABELS))
    lines += ["", "per statute accuracy:"]
    held: dict[str, list[Item]] = {}
    for it in r.items:
        if it.held_out:
            held.setdefault(it.held_out, []).append(it)
    for s in r.statutes:
        its = [i for i in r.items if i.statute == s]
        if its and its[0].held_out:
            continue  # a held-out test set is shown only as a whole, below
        lines.append(f"  {s:50} {_acc(its):.3f} ({len(its)} items)")
    for name, its in sorted(held.items()):
        n = len({i.statute for i in its})
        lines.append(f"  {'held out: ' + name + f' ({n} statutes)':50} {_acc(its):.3f} "
                     f"({len(its)} items)")
    lines += ["", "worst requirements (wrong / labelled)"
              + (", held-out statutes left out:" if held else ":")]
    for rid, wrong, total in r.worst():
        lines.append(f"  {rid:16} {wrong}/{total}")
    if r.skipped:
        lines += ["", "skipped:"] + [f"  {s}" for s in r.skipped]
    return "\n".join(lines)


def _acc(items: list[Item]) -> float:
    return sum(i.gold == i.predicted for i in items) / len(items) if items else 0.0


def report_json(r: EvalReport) -> dict:
    assert r.ours and r.base
    return {
        "schema": "modellaw.eval/1",
        "corpus": r.corpus,
        "statutes": r.statutes,
        "modellaw": {"accuracy": r.ours.accuracy, "macro_f1": r.ours.macro_f1,
                     "kappa": r.ours.kappa, "evidence_precision": r.evidence_precision,
                     "evidence_recall": r.evidence_recall,
                     "evidence_recall_strict": r.evidence_recall_strict,
                     "confusion": r.ours.confusion,
                     "needs_review": sum(i.needs_review for i in r.items),
                     "accuracy_needs_review": _acc([i for i in r.items if i.needs_review]),
                     "accuracy_confident": _acc([i for i in r.items if not i.needs_review])},
        "baseline_tfidf": {"accuracy": r.base.accuracy, "macro_f1": r.base.macro_f1,
                           "kappa": r.base.kappa,
                           "evidence_precision": r.base_evidence_precision,
                           "evidence_recall": r.base_evidence_recall,
                           "evidence_recall_strict": r.base_evidence_recall_strict},
        "items": [vars(i) for i in r.items],
        "worst": [{"id": a, "wrong": b, "labelled": c} for a, b, c in r.worst()],
        "skipped": r.skipped,
    }
