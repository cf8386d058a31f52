"""Speed of modellaw on this machine: start-up, and one ~60,000-character statute.

Figures are medians of several runs, each beside a baseline measured in the same run
(a plain TF-IDF pass over the same statute), so a slower or busier machine shows up in
both numbers. Run with `make bench`. Nothing here is asserted in tests.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"
RUNS = 5

STARTUP = """
import time
t = time.perf_counter()
from modellaw.dsl.loader import load_model
from modellaw.nlp.pipeline import get_nlp
import modellaw.compare.engine
load_model(["provisions"])
get_nlp()
print(time.perf_counter() - t)
"""


def _statute() -> Path:
    """The largest statute at hand: a real one from the corpus, else the samples."""
    candidates = sorted(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size) if CORPUS.exists() \
        else []
    if candidates:
        return candidates[-1]
    return max((REPO / "national_laws").glob("*.txt"), key=lambda p: p.stat().st_size)


def startup() -> list[float]:
    times = []
    for _ in range(RUNS):
        out = subprocess.run([sys.executable, "-c", STARTUP], cwd=REPO, capture_output=True,
                             text=True, check=True)
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return times


def main() -> None:
    sys.path.insert(0, str(REPO))
    from modellaw.compare.context import StatuteView
    from modellaw.compare.engine import analyse
    from modellaw.dsl.loader import load_model
    from modellaw.evaluate.baseline import baseline_statuses, requirement_queries
    from modellaw.statutes import read_statute

    s = startup()
    print(f"start-up (import, load model law, load spaCy): median {statistics.median(s):.2f} s "
          f"over {RUNS} runs (target < 2 s)")

    model = load_model([REPO / "provisions"]).model
    path = _statute()
    queries = requirement_queries(model)
    ours, base = [], []
    no_review = Path("/nonexistent/review.json")
    for _ in range(RUNS + 1):
        t = time.perf_counter()
        st = read_statute(path)
        analyse(model, st, review_path=no_review)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        st = read_statute(path)
        baseline_statuses(model, StatuteView.build(st), queries)
        base.append(time.perf_counter() - t)
    ours, base = ours[1:], base[1:]  # the first run warms caches
    mo, mb = statistics.median(ours), statistics.median(base)
    print(f"statute: {path.name} ({len(st.text):,} characters, {sum(1 for _ in st.walk())} units)")
    print(f"gap (read + analyse against {len(model.provisions)} provisions, "
          f"{len(model.catalog_requirements())} requirements): median {mo:.3f} s (target < 1 s)")
    print(f"tf-idf baseline (read + index + rank): median {mb:.3f} s")
    print(f"ratio gap / baseline: {mo / mb:.2f}")


if __name__ == "__main__":
    main()
