"""Synthetic tables × text shapes: how jixiao reads tables it has never seen, per shape.

For every shape of tests/synthetic/shapes.py, reads ``--documents`` generated documents of one
to three tables (the same documents for every shape: hypothesis, derandomized) and prints per
shape: documents, tables, documents passing (every row exact or doubted, none spurious), rows,
exact, doubted (covered by a PRS finding), silently wrong, silently missed, spurious, refused
(no table found), timeouts (a document not read within ``--timeout`` seconds), table fields
read right (project, department, year, budget_total) and the reading speed. ``--show N``
prints the first N failing documents of each shape with their text and misses. No assertion:
the property test is tests/synthetic/test_synthetic_tables.py.

``--source corpus`` prints the corpus's real tables instead (tests/synthetic/corpus_tables.py:
each gold table as one document, in variants 0 to ``--variants`` − 1 of every shape): real
names and values in shapes they were never published in.

    .venv/bin/python bench/bench_synthetic.py [--documents 100] [--shapes pipes,glued] [--show 1]
    .venv/bin/python bench/bench_synthetic.py --source corpus [--variants 2]
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
import warnings
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from hypothesis.errors import NonInteractiveExampleWarning  # noqa: E402
from hypothesis.internal.conjecture import providers  # noqa: E402
from hypothesis.internal.constants_ast import Constants  # noqa: E402

from synthetic.corpus_tables import corpus_tables  # noqa: E402
from synthetic.scoring import Outcome, score  # noqa: E402
from synthetic.shapes import SHAPES, Rendered  # noqa: E402
from synthetic.tables import Table, documents  # noqa: E402


class Timeout(Exception):
    pass


def on_alarm(signum: int, frame: FrameType | None) -> None:
    raise Timeout


def generated(count: int) -> list[tuple[tuple[Table, ...], int]]:
    """``count`` documents and variants, the same on every run — and with every version of
    jixiao: Hypothesis draws no constants from the source of the local modules loaded (as in
    tests/synthetic/conftest.py), so that an edit to the reader does not change the documents
    it is measured on (a before/after comparison reads the same documents)."""
    providers._get_local_constants = Constants  # an empty pool
    providers.CONSTANTS_CACHE.cache.clear()
    found: list[tuple[tuple[Table, ...], int]] = []

    @settings(
        max_examples=count,
        database=None,
        derandomize=True,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(documents(), st.integers(0, 2**16))
    def collect(tables: tuple[Table, ...], variant: int) -> None:
        found.append((tables, variant))

    collect()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100, help="of one to three tables")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--timeout", type=int, default=20, help="seconds per table")
    parser.add_argument("--show", type=int, default=0, help="failing documents shown per shape")
    parser.add_argument("--source", choices=("generated", "corpus"), default="generated")
    parser.add_argument("--variants", type=int, default=2, help="per corpus table")
    args = parser.parse_args()
    warnings.simplefilter("ignore", NonInteractiveExampleWarning)
    signal.signal(signal.SIGALRM, on_alarm)
    if args.source == "corpus":
        cases = [((table,), v) for _, table in corpus_tables() for v in range(args.variants)]
    else:
        cases = generated(args.documents)
    tables = sum(len(case[0]) for case in cases)
    header = (
        f"{'shape':<12} {'docs':>5} {'tables':>6} {'pass':>5} {'rows':>5} {'exact':>5} "
        f"{'doubt':>5} {'wrong':>5} {'miss':>5} {'spur':>5} {'refus':>5} {'t/o':>4} {'fields':>11} "
        f"{'ms/doc':>9}"
    )
    print(header)
    print("-" * len(header))
    shown: list[str] = []
    for name in args.shapes.split(","):
        shape = SHAPES[name]
        total, passed, refused, timeouts, seconds, failures = Outcome(), 0, 0, 0, 0.0, 0
        for document, variant in cases:
            rendered = shape.render(document, variant)
            start = time.perf_counter()
            signal.alarm(args.timeout)
            try:
                outcome = score(rendered)
            except Timeout:
                timeouts += 1
                continue
            finally:
                signal.alarm(0)
                seconds += time.perf_counter() - start
            total.add(outcome)
            passed += outcome.passed
            refused += outcome.error is not None
            if not outcome.passed and failures < args.show:
                failures += 1
                shown.append(describe(name, rendered, outcome))
        print(
            f"{name:<12} {len(cases):>5} {tables:>6} {passed:>5} {total.rows:>5} {total.exact:>5} "
            f"{total.doubted:>5} {total.wrong:>5} {total.missed:>5} {total.spurious:>5} "
            f"{refused:>5} {timeouts:>4} {total.fields_ok:>5}/{total.fields:<5} "
            f"{seconds / len(cases) * 1000:>9.1f}",
            flush=True,
        )
    print()
    print("pass = documents whose every row is exact or doubted and none spurious;")
    print("doubt = covered by a PRS finding;")
    print("wrong/miss = read wrong / not read, with no finding; spur = read, not in the table")
    print("fields = table fields read right: project, department, year, budget_total (yuan)")
    for text in shown:
        print()
        print(text)


def describe(shape: str, rendered: Rendered, outcome: Outcome) -> str:
    binary = rendered.filename.endswith((".xlsx", ".docx"))
    text = f"({rendered.filename})" if binary else rendered.data.decode("utf-8")
    return "\n".join([f"=== {shape}", text.rstrip(), "---", *outcome.details])


if __name__ == "__main__":
    main()
