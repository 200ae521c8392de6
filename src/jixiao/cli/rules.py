"""``jixiao rules [CODE]``: list the review rules, or explain one."""

from __future__ import annotations

from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from jixiao.assemble.findings import PARSE_FINDINGS
from jixiao.cli import exit_codes
from jixiao.review import all_rules
from jixiao.review.reference import SEVERITY_NAMES, rule_reference


def rules_command(
    code: Annotated[str | None, typer.Argument(help="规则代码，如 VL04。")] = None,
) -> None:
    """列出全部审核规则；给出代码时说明该规则（原因、错误与正确示例、依据、选项）。"""
    console = Console()
    rules = all_rules()
    if code is not None:
        rule = rules.get(code.upper())
        if rule is None and code.upper() in PARSE_FINDINGS:
            console.print(Markdown(parse_finding_reference(code.upper())))
            return
        if rule is None:
            Console(stderr=True).print(f"没有代码为“{code}”的规则（jixiao rules 列出全部规则）")
            raise typer.Exit(exit_codes.ERROR)
        console.print(Markdown(rule_reference(rule)))
        return
    table = Table(box=box.SIMPLE_HEAD)
    for column in ("代码", "级别", "维度", "规则", "名称"):
        table.add_column(column, overflow="fold")
    for rule_code, rule in rules.items():
        table.add_row(
            rule_code,
            SEVERITY_NAMES[rule.severity],
            str(rule.dimension),
            rule.doc().summary,
            rule.name,
        )
    console.print(table)
    console.print(
        f"共 {len(rules)} 条规则；另有 {len(PARSE_FINDINGS)} 种读取疑点"
        f"（{min(PARSE_FINDINGS)}–{max(PARSE_FINDINGS)}）。jixiao rules 代码 查看说明。"
    )


def parse_finding_reference(code: str) -> str:
    """A parse finding (PRS…) explained like a rule: what the reader did, and what to check."""
    severity, name, hint = PARSE_FINDINGS[code]
    return (
        "\n".join(
            [
                f"### {code} `{name}`",
                "",
                "**读取疑点：读取表格时不得不推断或跳过的内容，与审核发现列在同一份报告中。**",
                "",
                f"- 级别：{SEVERITY_NAMES[severity]}（`{severity}`）",
                "- 来源：读取（`parse`），不是审核规则；"
                "可用 --select/--ignore 选择（代码前缀 PRS）",
                "",
                f"处理建议：{hint}",
                "",
                "全部读取疑点见 docs/json-format.md 的 Finding 一节。",
            ]
        )
        + "\n"
    )
