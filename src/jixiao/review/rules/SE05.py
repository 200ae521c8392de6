from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jixiao.evaluate import load_profile
from jixiao.evaluate.bands import band_in_text
from jixiao.model import Finding, Severity, TableKind
from jixiao.review.facts import QUALITATIVE
from jixiao.review.rule import Dimension, Option, Rule
from jixiao.review.view import TableView


class SE05(Rule):
    """定性指标的得分不在所选档次的分数范围内。

    Why: 定性指标按三档计分：达成年度指标 [80%,100%]、部分达成并具有一定效果 [60%,80%)、
    未达成且效果较差 [0,60%)（地方口径可能不同）；档次与得分不符，说明自评打分随意。
    Bad example: 实际完成值“部分达成年度指标并具有一定效果”，分值 10，得分 9。
    Good example: 实际完成值“部分达成年度指标并具有一定效果”，分值 10，得分 7。
    Basis: 财预〔2020〕10号《项目支出绩效评价管理办法》：定性指标按“达成、部分达成并具有一定效果、
    未达成且效果较差”分档评分（100–80%、80–60%、60–0%）；档次范围取评分口径（默认 national）。
    """

    code = "SE05"
    name = "evaluation.qualitative-score-out-of-band"
    severity = Severity.ERROR
    dimension = Dimension.SELF_EVALUATION
    field = "score"
    message = "“{indicator}”选了“{band}”档（{bounds}），得分 {score:g} / 分值 {weight:g} 不在档内"
    hint = "请按所选档次的分数范围重新打分，或改选相应的档次。"
    options = {"profile": Option("national", "定性档次范围所依据的评分口径")}
    kinds = frozenset({TableKind.SELF_EVALUATION})

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        profile = load_profile(options["profile"])
        for view in table.indicators:
            actual, score, weight = view.actual, view.score, view.weight
            if actual is None or score is None or not weight:
                continue
            if actual.kind is not QUALITATIVE:
                continue
            band = band_in_text(actual.raw, profile)
            if band is not None and not band.allows(score / weight):
                yield self.finding(
                    table,
                    view,
                    band=band.name,
                    bounds=band.describe(),
                    score=score,
                    weight=weight,
                )
