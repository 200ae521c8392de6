"""Review throughput: indicators per second through every rule, on one core.

Builds a large synthetic set of realistic tables from the example document's and the corpus's
tables (tests/corpus/docs). Published tables rarely share an indicator name (the corpus's 143
indicators have 142 distinct names), so each copy gets a subject of its own (社区养老, 园区消防
…) written into its project name, goals, indicator names and descriptions; a name is kept as
printed only where the subject would change what the rules see (a category name, a goal
sentence, a placeholder). Each copy also gets a scaled budget and shifted numeric targets, so that
the numbers rules (budget reconciliation, rate and satisfaction checks) do real work. Times

* baseline: one pass that touches every indicator's parsed target (the floor for any engine);
* jixiao:   Reviewer().review_table over every table with all rules selected.

Prints indicators per second, findings per table and the share of distinct indicator names
(how much any cache keyed on a name could help). Target: ≥ 50,000 indicators/s.

    .venv/bin/python bench/bench_review.py [--tables 4000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from jixiao.errors import JixiaoError
from jixiao.model import Indicator, TargetTable
from jixiao.review import Reviewer
from jixiao.review.facts import CATEGORY_NAMES, is_goal_sentence, name_key
from jixiao.services import read_document
from jixiao.targets import is_placeholder

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "binhai-zuzhibu-2024.txt"
CORPUS = ROOT / "tests" / "corpus" / "docs"
PLACES = (
    "社区",
    "农村",
    "城区",
    "街道",
    "乡镇",
    "园区",
    "学校",
    "医院",
    "景区",
    "流域",
    "山区",
    "库区",
    "林区",
    "牧区",
    "港区",
    "老城",
    "新城",
    "开发区",
    "保税区",
    "高新区",
    "边境",
    "沿海",
    "口岸",
    "垦区",
    "矿区",
    "灌区",
    "湿地",
    "河道",
    "集镇",
    "片区",
)
TOPICS = (
    "党建",
    "养老",
    "环卫",
    "水利",
    "粮食",
    "道路",
    "消防",
    "档案",
    "培训",
    "信息化",
    "医疗",
    "教育",
    "就业",
    "文化",
    "体育",
    "治安",
    "交通",
    "供水",
    "排水",
    "绿化",
    "扶贫",
    "助残",
    "托育",
    "食品",
    "药品",
    "安全",
    "应急",
    "统计",
    "普查",
    "宣传",
)


def base_tables() -> list[TargetTable]:
    """The example's tables and every corpus table that has indicators."""
    tables = list(read_document(EXAMPLE).tables)
    for path in sorted(CORPUS.iterdir()):
        try:
            tables.extend(t for t in read_document(path).tables if t.indicators)
        except JixiaoError:
            continue
    return tables


def keeps_printed_name(name: str) -> bool:
    return (
        not name
        or is_goal_sentence(name)
        or name_key(name) in CATEGORY_NAMES
        or is_placeholder(name)
    )


def with_subject(indicator: Indicator, subject: str, rng: random.Random) -> Indicator:
    target = indicator.target
    if target.value is not None and rng.random() < 0.3:
        target = target.model_copy(update={"value": target.value * rng.choice((0.9, 1.1))})
    name, description = indicator.name, indicator.description
    if not keeps_printed_name(name):
        name = subject + name
        if description:
            description = name if description == indicator.name else subject + description
    return indicator.model_copy(update={"target": target, "name": name, "description": description})


def synthetic_tables(count: int, seed: int = 7) -> list[TargetTable]:
    rng = random.Random(seed)
    bases = base_tables()
    tables = []
    for n in range(count):
        table = bases[n % len(bases)]
        subject = rng.choice(PLACES) + rng.choice(TOPICS)
        scale = rng.choice((0.5, 1.0, 1.0, 2.0, 10.0))
        total = (table.budget.total or 0) * scale
        tables.append(
            table.model_copy(
                update={
                    "project": f"{subject}{table.project}{n}",
                    "goals": [f"{subject}{goal}" for goal in table.goals],
                    "indicators": [with_subject(i, subject, rng) for i in table.indicators],
                    "budget": table.budget.model_copy(update={"total": total, "fiscal": total}),
                }
            )
        )
    return tables


def baseline(tables: list[TargetTable]) -> int:
    return sum(1 for t in tables for i in t.indicators if i.target.kind)


def best_of(repeat: int, run, tables):  # type: ignore[no-untyped-def]
    """The best wall time and the best CPU time of ``repeat`` runs, and the run's result."""
    best, best_cpu, result = float("inf"), float("inf"), 0
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = run(tables)
        best = min(best, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return best, best_cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    tables = synthetic_tables(args.tables)
    indicators = sum(len(t.indicators) for t in tables)
    names = {i.name for t in tables for i in t.indicators}
    reviewer = Reviewer()

    def review(tables: list[TargetTable]) -> int:
        return sum(len(reviewer.review_table(t)) for t in tables)

    base_s, _, _ = best_of(args.repeat, baseline, tables)
    ours_s, ours_cpu_s, findings = best_of(args.repeat, review, tables)
    print(f"tables: {len(tables)}, indicators: {indicators}, rules: {len(reviewer.rules)}")
    print(f"distinct indicator names: {len(names) / indicators:.0%}")
    print(f"baseline pass : {indicators / base_s:14,.0f} indicators/s")
    per_table = findings / len(tables)
    rate = indicators / ours_s
    print(f"jixiao review : {rate:14,.0f} indicators/s  ({per_table:.1f} findings/table)")
    # on a shared machine the process's CPU time varies less than the wall time
    print(f"jixiao review : {indicators / ours_cpu_s:14,.0f} indicators per CPU-second")
    print(f"ratio jixiao/baseline time: {ours_s / base_s:.0f}x")


if __name__ == "__main__":
    main()
