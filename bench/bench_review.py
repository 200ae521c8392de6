"""Review throughput: indicators per second through every rule, on one core.

Builds a large synthetic set of realistic tables from the example document's tables: each copy
gets a new project name, scaled budget and shifted numeric targets, so that the numbers rules
(budget reconciliation, rate and satisfaction checks) do real work. Times

* baseline: one pass that touches every indicator's parsed target (the floor for any engine);
* jixiao:   Reviewer().review_table over every table with all rules selected.

Prints indicators per second and findings per table. Target: ≥ 200,000 indicators/s.

    .venv/bin/python bench/bench_review.py [--tables 4000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from jixiao.model import TargetTable
from jixiao.review import Reviewer
from jixiao.services import read_document

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "binhai-zuzhibu-2024.txt"


def synthetic_tables(count: int, seed: int = 7) -> list[TargetTable]:
    rng = random.Random(seed)
    base = read_document(EXAMPLE).tables
    tables = []
    for n in range(count):
        table = base[n % len(base)]
        scale = rng.choice((0.5, 1.0, 1.0, 2.0, 10.0))
        indicators = []
        for indicator in table.indicators:
            target = indicator.target
            if target.value is not None and rng.random() < 0.3:
                target = target.model_copy(update={"value": target.value * rng.choice((0.9, 1.1))})
            indicators.append(indicator.model_copy(update={"target": target}))
        total = (table.budget.total or 0) * scale
        tables.append(
            table.model_copy(
                update={
                    "project": f"{table.project}{n}",
                    "indicators": indicators,
                    "budget": table.budget.model_copy(update={"total": total, "fiscal": total}),
                }
            )
        )
    return tables


def baseline(tables: list[TargetTable]) -> int:
    return sum(1 for t in tables for i in t.indicators if i.target.kind)


def best_of(repeat: int, run, tables):  # type: ignore[no-untyped-def]
    best, result = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = run(tables)
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    tables = synthetic_tables(args.tables)
    indicators = sum(len(t.indicators) for t in tables)
    reviewer = Reviewer()

    def review(tables: list[TargetTable]) -> int:
        return sum(len(reviewer.review_table(t)) for t in tables)

    base_s, _ = best_of(args.repeat, baseline, tables)
    ours_s, findings = best_of(args.repeat, review, tables)
    print(f"tables: {len(tables)}, indicators: {indicators}, rules: {len(reviewer.rules)}")
    print(f"baseline pass : {indicators / base_s:14,.0f} indicators/s")
    per_table = findings / len(tables)
    rate = indicators / ours_s
    print(f"jixiao review : {rate:14,.0f} indicators/s  ({per_table:.1f} findings/table)")
    print(f"ratio jixiao/baseline time: {ours_s / base_s:.0f}x")


if __name__ == "__main__":
    main()
