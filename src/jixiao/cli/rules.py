"""``jixiao rules [CODE]``: list the review rules, or explain one."""

from __future__ import annotations

from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

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
    console.print(f"共 {len(rules)} 条规则；jixiao rules 代码 查看说明。")
