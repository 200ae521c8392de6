"""The rule reference (docs/rules.md), generated from the registry."""

from __future__ import annotations

from jixiao.review.registry import all_rules
from jixiao.review.rule import Rule
from jixiao.review.view import Family, Framework

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
KIND_NAMES = {
    "project_target": "项目支出绩效目标表",
    "self_evaluation": "绩效自评表",
    "department_target": "部门整体支出绩效目标表",
}
# The header fields a rule may need (Rule.needs), as the forms label them.
FIELD_NAMES = {
    "project": "项目名称",
    "department": "主管部门",
    "total": "预算数",
    "fiscal": "财政资金",
    "budget_section": "资金情况",
    "purpose": "资金用途",
    "goals": "绩效目标",
}
# What a finding concerns (Rule.field, Finding.field).
CONCERNS = {
    "name": "三级指标名称",
    "description": "指标描述",
    "level1": "一级指标",
    "level2": "二级指标",
    "target": "指标值",
    "actual": "实际完成值",
    "weight": "分值",
    "score": "得分",
    "deviation": "偏差原因分析",
    "project": "项目名称",
    "department": "主管部门",
    "year": "预算年度",
    "budget": "预算数",
    "purpose": "资金用途",
    "goals": "绩效目标",
    "indicators": "指标体系",
    "total_score": "总分",
}


def applicability(rule: type[Rule]) -> list[str]:
    """Where the rule applies (docs/review.md#where-a-rule-applies), one line each."""
    lines = [
        f"- 所涉栏目：{CONCERNS[rule.field]}（`{rule.field}`）",
        f"- 适用表格：{'、'.join(KIND_NAMES[k] for k in sorted(rule.kinds))}",
    ]
    if set(rule.families) != set(Family):
        lines.append(f"- 适用表式：仅{'、'.join(sorted(f.value for f in rule.families))}")
    if set(rule.frameworks) != set(Framework):
        names = "、".join(f"{f.value} 年框架" for f in sorted(rule.frameworks))
        lines.append(f"- 适用指标框架：{names}")
    if rule.needs:
        fields = "或".join(f"“{FIELD_NAMES.get(n, n)}”" for n in sorted(rule.needs))
        lines.append(f"- 表头须印有：{fields}一栏（没有这一栏的表式不检查）")
    return lines


def rule_reference(rule: type[Rule]) -> str:
    """One rule's section in markdown."""
    doc = rule.doc()
    lines = [
        f"### {rule.code} `{rule.name}`",
        "",
        f"**{doc.summary}**",
        "",
        f"- 级别：{SEVERITY_NAMES[rule.severity]}（`{rule.severity}`）",
        f"- 审核维度：{rule.dimension}",
        *applicability(rule),
        "",
        f"原因：{doc.why}",
        "",
        f"- 错误示例：{doc.bad}",
        f"- 正确示例：{doc.good}",
        f"- 依据：{doc.basis}",
    ]
    if rule.options:
        lines += ["", "| 选项 | 默认值 | 说明 |", "|---|---|---|"]
        lines += [
            f"| `{name}` | `{option.default}` | {option.description} |"
            for name, option in rule.options.items()
        ]
    return "\n".join(lines) + "\n"


def rules_markdown() -> str:
    rules = all_rules()
    out = [
        "# 审核规则 / Review rules",
        "",
        "Generated from the rule registry by `make docs` (`scripts/make_rules_doc.py`); do not "
        "edit by hand. `jixiao rules CODE` prints the same text.",
        "",
        "Codes: `BG` 预算与成本, `CT` 指标归类, `GL` 目标与指标对应, `HD` 表头, `NM` 名称与描述, "
        "`SE` 自评, `ST` 结构, `VL` 指标值. Parse findings (`PRS…`) are listed in "
        "[json-format.md](json-format.md#finding).",
        "",
        "| 代码 | 级别 | 维度 | 规则 |",
        "|---|---|---|---|",
    ]
    out += [
        f"| [{code}](#{code.lower()}-{rule.name.replace('.', '')}) | "
        f"{SEVERITY_NAMES[rule.severity]} | {rule.dimension} | {rule.doc().summary} |"
        for code, rule in rules.items()
    ]
    out.append("")
    out += [rule_reference(rule) for rule in rules.values()]
    return "\n".join(out)
