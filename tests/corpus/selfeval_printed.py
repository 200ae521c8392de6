"""Printed against computed on the corpus 自评表: what each form prints and what jixiao computes.

Every self-evaluation table of the corpus documents is read through the normal pipeline
(``read_document``) and scored as ``jixiao evaluate`` scores an imported 自评表: with its printed
全年执行数 and printed weights, under a profile (``--profile``, default national). For each
table it prints the 执行率 and its 得分, the weights' sum, every indicator's 得分 and the 总分,
printed against computed, and the differences reported as findings (rules SE08, SE07, SE01,
SE09). The 总分 column shows the printed total (— when the form prints none, or the reader could
not tell which number is the score), the sum of the printed 得分 (预算执行 and indicators; — when
one is not printed) and the computed total.

``python tests/corpus/selfeval_printed.py [--profile NAME]``
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from jixiao.errors import JixiaoError
from jixiao.evaluate import Evaluation, evaluate_table, load_profile
from jixiao.evaluate.display import number
from jixiao.model import TableKind, TargetTable
from jixiao.review.printed import TOLERANCE, compare_printed
from jixiao.services import read_document

DOCS = Path(__file__).resolve().parent / "docs"


@dataclass(frozen=True)
class Row:
    """One indicator: printed and computed score, and whether they agree."""

    document: str
    name: str
    weight: float | None
    printed: float | None
    computed: float | None

    @property
    def verdict(self) -> str:
        if self.printed is None:
            return "未印得分"
        if self.computed is None:
            return "未能计分"
        if abs(self.printed - self.computed) <= 1e-9:
            return "一致"
        if abs(self.printed - self.computed) <= TOLERANCE + 1e-9:
            return "取整内"
        if abs(self.printed - self.computed) <= 1 + 1e-9:
            return "差 1 分内"
        return "不符"


def self_evaluations() -> list[tuple[str, TargetTable]]:
    found: list[tuple[str, TargetTable]] = []
    for path in sorted(DOCS.iterdir()):
        try:
            document = read_document(path)
        except JixiaoError:
            continue
        found += [(path.name, t) for t in document.tables if t.kind is TableKind.SELF_EVALUATION]
    return found


def evaluate_printed(table: TargetTable, profile: str) -> Evaluation | None:
    """The evaluation ``jixiao evaluate`` gives an imported 自评表 (None: no 执行数 printed)."""
    if table.budget.executed is None:
        return None
    evaluation = evaluate_table(table, executed=table.budget.executed, profile=profile)
    evaluation.findings = compare_printed(table, evaluation)
    return evaluation


def printed_sum(table: TargetTable) -> float | None:
    """预算执行得分 + every indicator's 得分 as printed; None when one is not printed."""
    scores = [table.budget.execution_score, *(i.score for i in table.indicators)]
    if not table.indicators or any(s is None for s in scores):
        return None
    return round(sum(s or 0.0 for s in scores), 2)


def show(value: float | None) -> str:
    return "—" if value is None else number(value)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--profile", default="national")
    arguments = parser.parse_args()
    load_profile(arguments.profile)
    rows: list[Row] = []
    print(f"评分口径 {arguments.profile}\n")
    print(
        "| 文档 | 指标 | 执行率 印/算 | 执行得分 印/算 | 分值合计 | 得分合计 印/算 "
        "| 总分 印/印出得分之和/算 |"
    )
    print("|---|---|---|---|---|---|---|")
    differences: list[str] = []
    for document, table in self_evaluations():
        short = document.rsplit(".", 1)[0]
        evaluation = evaluate_printed(table, arguments.profile)
        if evaluation is None:
            total = f"{show(table.total_score)} / {show(printed_sum(table))} / —"
            print(f"| {short} | {len(table.indicators)} | 未印执行数 | | | | {total} |")
            continue
        execution = evaluation.execution
        rate = f"{table.budget.execution_rate_printed or '—'} / " + (
            "—" if execution.rate is None else f"{number(execution.rate * 100)}%"
        )
        score = f"{show(table.budget.execution_score)} / {show(execution.score)}"
        weights = [i.weight for i in table.indicators]
        weight_sum = (
            f"{number(sum(w or 0 for w in weights))}（{sum(w is None for w in weights)} 项未印）"
        )
        scores_printed = sum(i.score or 0 for i in table.indicators)
        computed_sum = sum(s.score or 0 for s in evaluation.indicators)
        total = f"{show(table.total_score)} / {show(printed_sum(table))} / {show(evaluation.total)}"
        print(
            f"| {short} | {len(table.indicators)} | {rate} | {score} | {weight_sum} | "
            f"{number(scores_printed)} / {number(computed_sum)} | {total} |"
        )
        for indicator, scored in zip(table.indicators, evaluation.indicators, strict=True):
            rows.append(Row(short, indicator.name, scored.weight, indicator.score, scored.score))
        differences += [f"{short}: {f.code} {f.message}" for f in evaluation.findings]
    print("\n| 文档 | 三级指标 | 分值 | 印出得分 | 计算得分 | 比较 |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row.document} | {row.name} | {show(row.weight)} | {show(row.printed)} | "
            f"{show(row.computed)} | {row.verdict} |"
        )
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.verdict] = counts.get(row.verdict, 0) + 1
    print("\n指标得分：" + "，".join(f"{k} {v}" for k, v in counts.items()) + f"（共 {len(rows)}）")
    print(f"\n印出与计算不符的发现 {len(differences)} 条：")
    for line in differences:
        print(f"- {line}")


if __name__ == "__main__":
    main()
