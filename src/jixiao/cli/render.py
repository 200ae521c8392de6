"""Rich views of documents for people: header block, goals and the indicator tree."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from jixiao.model import Document, Finding, Severity, Target, TargetKind, TargetTable

_SEVERITY_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_SEVERITY_NAME = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
_KIND_NAME = {
    "project_target": "项目支出绩效目标表",
    "self_evaluation": "项目支出绩效自评表",
    "department_target": "部门整体支出绩效目标表",
}


def render_document(console: Console, document: Document) -> None:
    console.print(Text(f"{document.file}：{len(document.tables)} 张表", style="bold"))
    for table in document.tables:
        console.print(render_table(table))
    if document.findings:
        console.print(render_findings(document.findings))


def render_table(table: TargetTable) -> Panel:
    header = Table.grid(padding=(0, 2))
    header.add_column(style="bold", no_wrap=True)
    header.add_column()
    rows = [
        ("部门", " ".join(p for p in (table.department_code, table.department) if p)),
        *([("实施单位", table.implementer)] if table.implementer else []),
        ("年度", str(table.year) if table.year else "未知"),
        ("预算", format_budget(table)),
        ("资金用途", table.purpose or ""),
    ]
    if table.source.page is not None:  # where a PDF (a whole budget book) prints the table
        rows.insert(0, ("页码", table.source.pages()))
    for label, value in rows:
        header.add_row(label, Text(value))
    goals = Table.grid(padding=(0, 1))
    goals.add_column(justify="right", no_wrap=True)
    goals.add_column(overflow="fold")
    for number, goal in enumerate(table.goals, start=1):
        goals.add_row(f"{number}.", Text(goal))
    title = f"{table.project or table.title or '（无项目名称）'}  [{_KIND_NAME[table.kind]}]"
    body = Group(header, Text("绩效目标", style="bold"), goals, render_indicators(table))
    return Panel(body, title=Text(title, style="bold"), title_align="left")


def render_indicators(table: TargetTable) -> Table:
    grid = Table(box=box.SIMPLE_HEAD, show_lines=False, expand=True)
    grid.add_column("一级指标", no_wrap=True, min_width=10)
    grid.add_column("二级指标", no_wrap=True, min_width=12)
    grid.add_column("三级指标", ratio=3, overflow="fold")
    grid.add_column("指标值", ratio=2, overflow="fold")
    grid.add_column("解析", ratio=2, overflow="fold")
    evaluation = any(i.actual or i.score is not None for i in table.indicators)
    if evaluation:
        grid.add_column("实际完成值")
        grid.add_column("分值/得分")
    last1: str | None = None
    last2: str | None = None
    for indicator in table.indicators:
        level1 = indicator.level1_printed or ""
        level2 = indicator.level2_printed or ""
        shown = (
            level1 if level1 != last1 else "",
            level2 if (level1, level2) != (last1, last2) else "",
        )
        last1, last2 = level1, level2
        cells = [
            Text(shown[0]),
            Text(shown[1]),
            Text(indicator.name),
            Text(indicator.target.raw),
            describe_target(indicator.target),
        ]
        if evaluation:
            cells.append(Text(indicator.actual.raw if indicator.actual else ""))
            cells.append(Text(f"{fmt(indicator.weight)}/{fmt(indicator.score)}"))
        grid.add_row(*cells)
    return grid


def describe_target(target: Target) -> Text:
    """A short Chinese reading of a parsed target, e.g. '≥ 16 个', '截止 2024-12-31'."""
    kind = target.kind
    if kind in (TargetKind.NUMERIC, TargetKind.DURATION):
        text = f"{target.op or ''} {fmt(target.value)} {target.unit or ''}".strip()
        return Text(text + (f"（{target.qualifier}）" if target.qualifier else ""), "green")
    if kind is TargetKind.RANGE:
        return Text(f"{fmt(target.low)}～{fmt(target.high)} {target.unit or ''}", "green")
    if kind is TargetKind.DEADLINE:
        return Text(f"截止 {target.date}" if target.date else "截止日期（缺年份）", "green")
    if kind is TargetKind.PERIOD:
        return Text(f"{target.date_from} 至 {target.date}", "green")
    if kind is TargetKind.TREND:
        change = {"flat": "持平", "increase": "增长", "decrease": "下降"}.get(
            str(target.direction), ""
        )
        amount = f" {target.op or ''}{fmt(target.value)}{target.unit or ''}" if target.value else ""
        return Text(f"较{target.baseline or '基期'}{change}{amount}", "magenta")
    if kind is TargetKind.COMPOUND:
        parts = [f"{c.name or ''} {fmt(c.value)}{c.unit or ''}" for c in target.components]
        prefix = f"{target.basis}：" if target.basis else ""
        return Text(prefix + "；".join(parts), "blue")
    if kind is TargetKind.QUALITATIVE:
        return Text("定性" + ("（模糊）" if target.vague else ""), "yellow" if target.vague else "")
    if kind is TargetKind.EMPTY:
        return Text("（空）", "red")
    return Text("未能解析", "red")


def render_findings(findings: list[Finding]) -> Table:
    grid = Table(title="读取时的推断与疑点", box=box.SIMPLE_HEAD, title_justify="left")
    for column in ("代码", "级别", "位置"):
        grid.add_column(column, no_wrap=True)
    grid.add_column("说明", overflow="fold")
    for finding in findings:
        grid.add_row(
            finding.code,
            Text(_SEVERITY_NAME[finding.severity], _SEVERITY_STYLE[finding.severity]),
            finding.location.describe(with_file=False),
            Text(finding.message),
        )
    return grid


def format_budget(table: TargetTable) -> str:
    budget = table.budget
    parts = [f"预算数 {yuan(budget.total)}"]
    if budget.fiscal is not None:
        parts.append(f"财政资金 {yuan(budget.fiscal)}")
    if budget.other is not None:
        parts.append(f"其他资金 {yuan(budget.other)}")
    printed = f"（原表单位：{budget.unit_printed}）" if budget.unit_printed else ""
    return "，".join(parts) + printed


def yuan(amount: float | None) -> str:
    return "—" if amount is None else f"{amount:,.2f} 元"


def fmt(number: float | None) -> str:
    if number is None:
        return "—"
    return f"{number:.10g}" if number != int(number) else str(int(number))
