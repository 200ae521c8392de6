from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, Final

from jixiao.model import Finding, Severity
from jixiao.review.facts import QUALITATIVE
from jixiao.review.rule import Dimension, Rule
from jixiao.review.view import TableView


def names_its_own_criterion(name: str, value: str) -> bool:
    """A yes/no criterion: the value is the quality the name's …性 asks for (立项程序规范性 →
    规范, 绩效目标合理性 → 合理), as the 共性指标框架 grades such indicators; the state the name
    commits to (保证财政建设补助专款专用 → 专款专用); or the name's act done as the rules
    require (信息公开完善 → 按规定公开: published or not)."""
    value = value.strip()
    if not value:
        return False
    if name.endswith(value + "性") or (len(value) >= 2 and name.endswith(value)):
        return True
    act = value.removeprefix("按规定")
    return act != value and len(act) >= 2 and act in name


# A defect ruled out or capped (无违规支出, 不超过预算, 不超编, 未超支, 零事故): judged yes or no
_RULED_OUT: Final = re.compile(r"^(?:无|不超过?|未超过?|零)[\u4e00-\u9fff]{1,10}$")
_CLAUSE_BREAK: Final = re.compile(r"[、，,；;]")


def rules_out_defects(value: str) -> bool:
    """Every clause of the value rules out or caps a countable defect (不超编、无违规支出):
    a yes/no criterion — did the unit overspend, break the rules, lose assets — not a vague
    statement."""
    clauses = [c.strip() for c in _CLAUSE_BREAK.split(value) if c.strip()]
    return bool(clauses) and all(_RULED_OUT.match(c) for c in clauses)


class VL06(Rule):
    """定性指标值表述模糊（提高、改善、显著、进一步……）或没有可判断的标准。

    Why: “效果显著”“有效提高”无法判断是否完成，审计将其列为“模糊、难以衡量”；“积极拥护党的
    路线”这样的陈述也没有说明怎样算达到。指标名称本身给出的是非标准（立项程序规范性 → 规范，
    保证资金专款专用 → 专款专用，信息公开完善 → 按规定公开），以及排除或限定某种问题的表述
    （不超过预算，不超编、无违规支出）可以判断是否达到，不提示。产出指标
    应当量化（错误）；效益、满意度指标确实难以量化时，应写明基准或分级标准（警告）。
    Bad example: 社会效益指标“为社区党建提供资金保障” → 效果显著。
    Good example: 社会效益指标“社区党组织活动覆盖率” → ≥95%；或“较上年增长≥5%”。
    Basis: 赤峰市审计局 2023 年预算绩效管理审计发现（
    http://sjj.chifeng.gov.cn/sjdt/202305/t20230517_2051216.html）列出“改善”“提高”等“模糊、难以衡
    量”的指标值；财预〔2015〕88号《中央部门预算绩效目标管理办法》 绩效指标应细化、量化。
    """

    code = "VL06"
    name = "value.vague"
    severity = Severity.WARNING
    dimension = Dimension.FEASIBILITY
    field = "target"
    message = "“{indicator}”的指标值“{value}”{problem}，无法衡量"
    hint = "请改为可量化的目标（比较符 + 数值 + 单位），或写明基准与分级标准。"

    def check(self, table: TableView, options: Mapping[str, Any]) -> Iterator[Finding]:
        for indicator in table.of_kind(QUALITATIVE):
            target = indicator.target
            if not target.vague and (
                names_its_own_criterion(indicator.name, indicator.raw)
                or rules_out_defects(indicator.raw)
            ):
                continue
            if target.vague or target.grade is None:
                problem = "表述模糊" if target.vague else "是一句陈述，没有可判断的标准"
                severity = Severity.ERROR if indicator.output else None
                yield self.finding(table, indicator, severity=severity, problem=problem)
