"""Agreement figures: accuracy, macro-F1, Cohen's kappa, confusion matrix."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

LABELS = ("met", "partial", "unmet")


@dataclass
class Agreement:
    n: int
    accuracy: float
    macro_f1: float
    kappa: float
    confusion: dict[str, dict[str, int]]  # gold -> predicted -> count
    per_label: dict[str, dict[str, float]]


def agreement(pairs: list[tuple[str, str]]) -> Agreement:
    """pairs of (gold, predicted)."""
    n = len(pairs)
    confusion = {g: {p: 0 for p in LABELS} for g in LABELS}
    for g, p in pairs:
        confusion[g][p] += 1
    correct = sum(confusion[lab][lab] for lab in LABELS)
    accuracy = correct / n if n else 0.0
    per_label: dict[str, dict[str, float]] = {}
    f1s = []
    for lab in LABELS:
        tp = confusion[lab][lab]
        pred = sum(confusion[g][lab] for g in LABELS)
        gold = sum(confusion[lab].values())
        precision = tp / pred if pred else 0.0
        recall = tp / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_label[lab] = {"precision": precision, "recall": recall, "f1": f1, "support": gold}
        if gold:
            f1s.append(f1)
    macro = sum(f1s) / len(f1s) if f1s else 0.0
    gold_c = Counter(g for g, _ in pairs)
    pred_c = Counter(p for _, p in pairs)
    expected = sum(gold_c[lab] * pred_c[lab] for lab in LABELS) / (n * n) if n else 0.0
    kappa = (accuracy - expected) / (1 - expected) if n and expected < 1 else 0.0
    return Agreement(n, accuracy, macro, kappa, confusion, per_label)


def precision_recall(hits_pred: int, n_pred: int, hits_gold: int, n_gold: int) -> tuple[float,
                                                                                        float]:
    precision = hits_pred / n_pred if n_pred else 0.0
    recall = hits_gold / n_gold if n_gold else 0.0
    return precision, recall
