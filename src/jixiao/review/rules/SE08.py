from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.errors import EvaluationError
from jixiao.evaluate import Method, load_profile, score_indicator
from jixiao.model import Finding, Severity, TableKind
from jixiao.review.rule import Dimension, Option, Rule
from jixiao.review.view import TableView

# Formulas every profile writes alike (正向 B/A × w capped at w; a printed "=" met or not): a
# printed score is compared only where the formula leaves no choice to the profile.
_COMPARED: Final = frozenset({Method.POSITIVE, Method.EQUAL})


class SE08(Rule):
    """自评表印出的指标得分与按评分口径公式计算的得分不符。

    Why: 第三方复核自评表，第一步就是用公式重算得分：正向指标得分 = 实际完成值 ÷ 年度指标值
    × 分值（最多为分值），“=”指标达到即得满分。印出的得分与公式不符，说明得分算错或打分
    随意，总分和等级也随之失真。只比较公式没有选择余地的正向指标和印了“=”的指标；定性、
    反向、时限、未印运算符的指标不比较。差额在取整范围（默认 0.5 分）内不提示。
    Bad example: 年度指标值 ≥100%，实际完成值 83.5%，分值 20，得分 18（按公式应为 16.7）。
    Good example: 同上，得分 16.7（或取整 17）。
    Basis: 财预〔2020〕10号《项目支出绩效评价管理办法》 附件 项目支出绩效自评表的评分规则（定量指
    标得分 = 实际完成值 ÷ 年度指标值 × 分值，最高为分值）；评分口径取配置（默认 national）。
    """

    code = "SE08"
    name = "evaluation.printed-score-differs"
    severity = Severity.WARNING
    dimension = Dimension.SELF_EVALUATION
    field = "score"
    message = "“{indicator}”印出的得分 {printed:g} 与按公式计算的 {computed:g} 不符（{formula}）"
    hint = "请按评分公式重新计算该指标得分，或在偏差原因中说明酌情扣分/给分的依据。"
    options = {
        "profile": Option("national", "计算得分所依据的评分口径"),
        "tolerance": Option(0.5, "允许的差额（分），容纳取整"),
    }
    kinds = frozenset({TableKind.SELF_EVALUATION})

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        profile = load_profile(options["profile"])
        tolerance = float(options["tolerance"])
        for view in table.indicators:
            printed, weight = view.score, view.weight
            if printed is None or not weight or weight < 0 or view.actual is None:
                continue
            try:
                result = score_indicator(view.indicator, weight, profile)
            except EvaluationError:
                continue
            computed = result.score
            if computed is None or result.method not in _COMPARED:
                continue
            if result.method is Method.EQUAL and view.indicator.target.op_implied:
                continue  # no operator printed: 3% may be a ceiling or a floor

            computed = round(computed, profile.rounding)
            if abs(printed - computed) > tolerance + 1e-9:
                yield self.finding(
                    table,
                    view,
                    printed=printed,
                    computed=computed,
                    formula=result.explanation.split("；未达到满分")[0],
                )
