"""A table laid out as its official form: a grid of cells with merged (row/column spanning) cells.

Every shape in :mod:`synthetic.shapes` starts from this grid; what differs between shapes is
what happens to its separators, its empty cells and the cells covered by a merged cell.

Templates (all seen in the corpus or the example):

* 项目支出绩效目标表, "standard": 项目名称 | 主管部门 … 实施单位 | 项目资金（万元） over
  年度资金总额 / 其中：财政资金 / 其他资金 | 年度目标 | indicator header;
* 项目支出绩效目标表, "binhai" (examples/binhai-zuzhibu-2024.txt): 项目名称 | 预算规模及资金用途 |
  预算数 | 其中：财政资金 | 其他资金 on one row, the 资金用途 below, 绩效目标; the department on a
  ``503101 名称`` line and ``单位：元`` above the table;
* 项目支出绩效自评表: the budget block 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
  (the ``sichuan`` family: 年度预算数 over 年初预算 | 调整后预算数 | … | 原因, rows 总额 …),
  预期目标 | 实际完成情况, and the columns 年度指标值 | 实际完成值 | 分值 | 得分 |
  偏差原因分析及改进措施;
* 部门整体支出绩效目标表: 部门名称 | 部门预算编码, 年度预算安排 over 资金总额 / 项目支出 / 基本支出,
  年度总体目标 (or 年度履职目标); "tasks": then a 年度主要任务 block, 任务名称 | 主要内容 |
  预算金额 over one row per task;
* 转移支付区域绩效目标表 / 自评表, "transfer": 专项名称, 主管部门 (or 中央主管部门) naming several
  departments | 区域, 资金情况 over 年度金额 / 其中：中央补助 / 地方资金 (the 自评表's budget
  block with the same row labels), 年度目标 as 目标1：… 目标2：…;
* 中央预算内投资, "investment": 项目资金 over 总投资 / 其中：中央预算内投资 / 地方配套资金.

Value columns: one 指标值; 实施期指标值 | 年度指标值; 半年（程）指标值 | 全年（程）指标值; or one
column per region (the region's name over its values, or — ``target_over_regions`` — 指标值
printed over the regions' names in a second header row). A 自评表 may end in a 总分 line.
Titles: see :func:`title_lines` (no title line at all for ``title_style`` "none").

With ``split``, the 指标值 column is printed as 指标性质 | 指标值 | 度量单位 (or, ``unit_first``,
计量单位 | 指标性质 | 指标值): the comparator in its own column, printed with the glyphs of
``ops`` (≧, ═ …).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from synthetic.tables import DEPARTMENT_TARGET, SELF_EVALUATION, Row, Table


@dataclass
class Cell:
    text: str
    rowspan: int = 1
    colspan: int = 1
    label: bool = False  # a printed label (bold in converter text)


@dataclass
class GridRow:
    """A row of the grid; ``cells`` has one entry per column, None under a merged cell."""

    kind: str  # "line" (text outside the table), "header", "columns", "indicator"
    cells: list[Cell | None] = field(default_factory=list)
    row: int | None = None  # the index of the table row an indicator row prints

    def texts(self) -> list[str]:
        return [cell.text for cell in self.cells if cell is not None]


@dataclass
class Grid:
    width: int
    rows: list[GridRow]
    columns: list[str]  # the indicator column labels

    def map_text(self, convert: object) -> None:
        for row in self.rows:
            for cell in row.cells:
                if cell is not None:
                    cell.text = convert(cell.text)  # type: ignore[operator]


@dataclass(frozen=True)
class Split:
    """How a split 指标值 is printed: column order and comparator glyphs."""

    unit_first: bool = False
    ops: tuple[tuple[str, str], ...] = ()  # (canonical, printed) glyph replacements

    def glyph(self, op: str) -> str:
        return dict(self.ops).get(op, op)


def title_lines(table: Table) -> list[str]:
    if table.template == "binhai":
        return [f"{table.project}绩效目标表", f"{table.department_code} {table.department}",
                f"单位：{table.amount_unit}"]  # fmt: skip
    style = table.title_style
    if style == "none":
        return []  # a form with no title line: its header block starts the table
    if table.template == "transfer":
        title = "转移支付区域绩效" + ("自评表" if table.kind == SELF_EVALUATION else "目标表")
        title = f"中央对地方{title}" if table.year % 2 else title
    elif table.template == "investment":
        title = "中央预算内投资项目绩效目标表"
    elif table.kind == SELF_EVALUATION and table.template == "hunan":
        title = f"{table.year}年{table.goals[2:8]}经费部门整体支出绩效自评表"
    elif table.kind == SELF_EVALUATION:
        title = "项目支出绩效自评表"
    elif table.kind == DEPARTMENT_TARGET:
        title = "部门整体支出绩效目标申报表" if style == "申报表" else "部门整体支出绩效目标表"
    else:
        title = {
            "申报表": "项目绩效目标申报表",
            "批复表": "项目支出绩效目标批复表",
            "本次下达": "项目支出绩效目标表（本次下达）",
        }.get(style, "项目支出绩效目标表")
    lines = [title, f"（{table.year}年度）"]
    if style == "附件":
        lines.insert(0, "附件2")
    return lines


def value_labels(table: Table) -> list[str]:
    """The labels of the value columns before a split 指标值 (or instead of it)."""
    if table.value_columns == "period":
        return ["实施期指标值"]
    if table.value_columns == "half_year":
        return ["半年（程）指标值"]
    return []


def indicator_columns(table: Table, split: Split | None) -> list[str]:
    columns = ["一级指标", "二级指标", table.name_label]
    if table.describe:
        columns.append(table.describe_label)
    columns += value_labels(table)
    target_label = table.target_label
    if table.value_columns == "period":
        target_label = "年度指标值"
    elif table.value_columns == "half_year":
        target_label = "全年（程）指标值"
    if table.value_columns == "regions":
        columns += list(table.regions)
    elif split is None:
        columns.append(target_label)
    elif split.unit_first:
        columns += ["计量单位", "指标性质", "指标值"]
    else:
        columns += ["指标性质", "指标值", "度量单位"]
    if table.kind == SELF_EVALUATION and table.template == "hunan":
        columns += [table.actual_label, table.deviation_label]  # no 分值 | 得分 columns
    elif table.kind == SELF_EVALUATION:
        columns += [table.actual_label, "分值", "得分", table.deviation_label]
    return columns


def target_cells(row: Row, split: Split | None) -> list[str]:
    if row.by_region:
        return list(row.by_region)
    value = row.target
    spare = [row.spare] if row.spare else []
    if split is None:
        return [*spare, value.printed]
    if value.quantity:
        op, number, unit = split.glyph(value.op), value.number, value.unit
    else:
        op, number, unit = "", value.text, ""
    return [*spare, *([unit, op, number] if split.unit_first else [op, number, unit])]


def indicator_rows(table: Table, split: Split | None) -> list[GridRow]:
    """The indicator rows, 一级 (and 二级 unless repeated) merged down their group."""
    rows = table.rows
    grid: list[GridRow] = []
    for index, row in enumerate(rows):
        cells: list[Cell | None] = []
        if index == 0 or rows[index - 1].level1 != row.level1:
            span = 1
            while index + span < len(rows) and rows[index + span].level1 == row.level1:
                span += 1
            cells.append(Cell(row.level1, rowspan=span))
        else:
            cells.append(None)
        same_group = index > 0 and rows[index - 1].level1 == row.level1
        if table.repeat_level2 or not same_group or rows[index - 1].level2 != row.level2:
            span = 1
            while (
                not table.repeat_level2
                and index + span < len(rows)
                and rows[index + span].level1 == row.level1
                and rows[index + span].level2 == row.level2
            ):
                span += 1
            cells.append(Cell(row.level2, rowspan=span))
        else:
            cells.append(None)
        texts = [row.name]
        if table.describe:
            texts.append(row.description)
        texts += target_cells(row, split)
        if table.kind == SELF_EVALUATION and table.template == "hunan":
            texts += [row.actual, row.deviation]
        elif table.kind == SELF_EVALUATION:
            texts += [row.actual, row.weight, row.score, row.deviation]
        cells += [Cell(text) for text in texts]
        grid.append(GridRow("indicator", cells, row=index))
    return grid


def fill(width: int, *cells: Cell) -> list[Cell | None]:
    """Cells of one row; the last spans the rest of the width."""
    used = sum(cell.colspan for cell in cells)
    out: list[Cell | None] = []
    for cell in cells:
        out.append(cell)
        out += [None] * (cell.colspan - 1)
    if used < width:
        last = cells[-1]
        last.colspan += width - used
        out += [None] * (width - used)
    return out


def column_rows(table: Table, columns: list[str], width: int) -> list[GridRow]:
    """The indicator header: one row, or (``target_over_regions``) two — 指标值 over the
    regions' columns, their names under it, the other labels merged down both rows."""
    if not table.target_over_regions:
        return [GridRow("columns", fill(width, *header_cells(columns)))]
    count = len(table.regions)
    cells = [Cell(c.text, rowspan=2, colspan=c.colspan, label=True)
             for c in header_cells(columns[:-count])]  # fmt: skip
    cells.append(Cell(table.target_label, colspan=count, label=True))
    upper = fill(width, *cells)
    lower: list[Cell | None] = [None] * (len(columns) - count)
    lower += [label(region) for region in table.regions]
    missing = width - len(lower)
    if missing:
        assert lower[-1] is not None
        lower[-1].colspan += missing
        lower += [None] * missing
    return [GridRow("columns", upper), GridRow("columns", lower)]


def header_cells(columns: list[str]) -> list[Cell]:
    """The indicator header's cells: an unlabelled column ("", the 三级 names of a form whose
    二级指标 label is printed over the 二级 and 三级 columns) widens the label on its left."""
    cells: list[Cell] = []
    for column in columns:
        if not column and cells:
            cells[-1].colspan += 1
        else:
            cells.append(label(column))
    return cells


def label(text: str, rowspan: int = 1) -> Cell:
    return Cell(text, rowspan=rowspan, label=True)


def header_rows(table: Table, width: int) -> list[GridRow]:
    amount = table.amount
    unit = table.amount_unit
    rows: list[list[Cell | None]] = []
    half = max(1, (width - 2) // 2)
    if table.kind == DEPARTMENT_TARGET:
        rows.append(fill(width, label("部门名称"), Cell(table.department, colspan=half),
                         label("部门预算编码"), Cell(table.department_code)))  # fmt: skip
        basic = table.total - table.other
        rows.append(fill(width, label(f"年度预算安排（{unit}）", 3), label("资金总额"),
                         Cell(amount(table.total))))  # fmt: skip
        rows.append([None, *fill(width - 1, label("项目支出"), Cell(amount(table.other)))])
        rows.append([None, *fill(width - 1, label("基本支出"), Cell(amount(basic)))])
        goals_label = "年度总体目标" if table.template == "standard" else table.goals_label
        rows.append(fill(width, label(goals_label), Cell(table.goals)))
        if table.tasks:
            heads = ["任务名称", "主要内容", f"预算金额（{unit}）"]
            rows.append(fill(width, label("年度主要任务", len(table.tasks) + 1),
                             *[label(h) for h in heads]))  # fmt: skip
            for task in table.tasks:
                cells = [Cell(task.name), Cell(task.content), Cell(task.amount)]
                rows.append([None, *fill(width - 1, *cells)])
    elif table.kind == SELF_EVALUATION and table.template == "sichuan":
        rows += sichuan_budget_rows(table, width, half)
    elif table.kind == SELF_EVALUATION and table.template == "hunan":
        rows += hunan_budget_rows(table, width, half)
    elif table.kind == SELF_EVALUATION:
        transfer = table.template == "transfer"
        rows.append(fill(width, label("专项名称" if transfer else "项目名称"),
                         Cell(table.project or "")))  # fmt: skip
        second = (label("区域"), Cell(table.region)) if transfer else (
            label("实施单位"), Cell(table.implementer))  # fmt: skip
        rows.append(fill(width, label(table.department_label),
                         Cell(table.department, colspan=half), *second))  # fmt: skip
        rate = table.executed / table.total * 100
        score = (Decimal(10) * table.executed / table.total).quantize(Decimal("0.01"))
        subs = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
        rows.append(fill(width, label(f"项目资金（{unit}）", 4), Cell(""),
                         *[label(s) for s in subs]))  # fmt: skip
        total = [amount(table.total), amount(table.total), amount(table.executed), "10",
                 f"{rate:.2f}%", format(score.normalize(), "f")]  # fmt: skip
        names = ("年度金额", "其中：中央补助", "地方资金") if transfer else (
            "年度资金总额", "其中：财政拨款", "其他资金")  # fmt: skip
        rows.append([None, *fill(width - 1, label(names[0]), *[Cell(t) for t in total])])
        fiscal = [amount(table.fiscal), amount(table.fiscal), "", "", "", ""]
        rows.append([None, *fill(width - 1, label(names[1]), *[Cell(t) for t in fiscal])])
        other = [amount(table.other) if table.other else "", "", "", "", "", ""]
        rows.append([None, *fill(width - 1, label(names[2]), *[Cell(t) for t in other])])
        expected = Cell("预期目标", colspan=half, label=True)
        rows.append(fill(width, label("年度总体目标", 2), expected, label("实际完成情况")))
        rows.append([None, *fill(width - 1, Cell(table.goals, colspan=half), Cell(table.done))])
    elif table.template == "binhai":
        rows.append(fill(width, label("项目名称"), Cell(table.project or "")))
        rows.append(fill(width, label("预算规模及资金用途", 2), label("预算数"),
                         Cell(amount(table.total)), label("其中：财政资金"),
                         Cell(amount(table.fiscal)), label("其他资金")))  # fmt: skip
        rows.append([None, *fill(width - 1, Cell(f"用于{table.year}年{table.goals[2:8]}等支出。"))])
        rows.append(fill(width, label("绩效目标"), Cell(table.goals)))
    elif table.template == "transfer":
        rows.append(fill(width, label("专项名称"), Cell(table.project or "")))
        rows.append(fill(width, label(table.department_label), Cell(table.department, colspan=half),
                         label("区域"), Cell(table.region)))  # fmt: skip
        other = amount(table.other) if table.other else ""
        rows.append(fill(width, label(f"资金情况（{unit}）", 3), label("年度金额"),
                         Cell(amount(table.total))))  # fmt: skip
        rows.append([None, *fill(width - 1, label("其中：中央补助"), Cell(amount(table.fiscal)))])
        rows.append([None, *fill(width - 1, label("地方资金"), Cell(other))])
        rows.append(fill(width, label(table.goals_label), Cell(table.goals)))
    else:
        investment = table.template == "investment"
        names = ("总投资", "其中：中央预算内投资", "地方配套资金") if investment else (
            "年度资金总额", "其中：财政资金", "其他资金")  # fmt: skip
        rows.append(fill(width, label("项目名称"), Cell(table.project or "")))
        rows.append(fill(width, label("主管部门"), Cell(table.department, colspan=half),
                         label("实施单位"), Cell(table.implementer)))  # fmt: skip
        other = amount(table.other) if table.other else ""
        rows.append(fill(width, label(f"项目资金（{unit}）", 3), label(names[0]),
                         Cell(amount(table.total))))  # fmt: skip
        rows.append([None, *fill(width - 1, label(names[1]), Cell(amount(table.fiscal)))])
        rows.append([None, *fill(width - 1, label(names[2]), Cell(other))])
        rows.append(fill(width, label(table.goals_label), Cell(table.goals)))
    return [GridRow("header", cells) for cells in rows]


def sichuan_budget_rows(table: Table, width: int, half: int) -> list[list[Cell | None]]:
    """A Sichuan 部门预算项目支出绩效自评表's header: the goals, then the budget block whose
    年度预算数 heading spans the sub-columns and whose rows are 总额, 其中：财政资金 and the
    other parts, each printing its 年初 amount before the adjusted one."""
    amount = table.amount
    initial = table.initial if table.initial is not None else table.total
    fiscal_initial = max(Decimal(0), table.fiscal - (table.total - initial))
    rate = table.executed / table.total * 100
    score = (Decimal(10) * table.executed / table.total).quantize(Decimal("0.01"))
    rows: list[list[Cell | None]] = [
        fill(width, label("项目名称"), Cell(table.project or "")),
        fill(width, label("主管部门"), Cell(table.department, colspan=half),
             label("实施单位"), Cell(table.implementer)),
        fill(width, label("项目年度目标"), Cell(table.goals, colspan=half),
             label("年度目标完成情况"), Cell(table.done)),
    ]  # fmt: skip
    subs = ["年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"]
    rows.append(
        fill(
            width,
            label("预算执行情况（10分）", 6),
            label(f"年度预算数（{table.amount_unit}）"),
            *[label(s) for s in subs],
        )
    )
    total = [amount(initial), amount(table.total), amount(table.executed), f"{rate:.2f}%", "10",
             format(score.normalize(), "f"), ""]  # fmt: skip
    fiscal_done = min(table.fiscal, table.executed)
    fiscal_rate = f"{fiscal_done / table.fiscal * 100:.2f}%" if table.fiscal else "0.00%"
    fiscal = [amount(fiscal_initial), amount(table.fiscal), amount(fiscal_done), fiscal_rate,
              "/", "/", ""]  # fmt: skip
    zero = [amount(Decimal(0))] * 3 + ["0.00%", "/", "/", ""]
    other = [amount(table.other)] * 2 + ["", "", "/", "/", ""] if table.other else (
        ["", "", "", "", "/", "/", ""])  # fmt: skip
    for name, values in (
        ("总额", total),
        ("其中：财政资金", fiscal),
        ("财政专户管理资金", zero),
        ("单位资金", zero),
        ("其他资金", other),
    ):
        rows.append([None, *fill(width - 1, label(name), *[Cell(v) for v in values])])
    return rows


def hunan_budget_rows(table: Table, width: int, half: int) -> list[list[Cell | None]]:
    """A Hunan 部门整体支出绩效自评表 of one fund (hunan-hengyang): no 项目名称, the unit's name
    and its 主管部门, the budget block 资金情况 | 年初预算资金总额 | 实际投入资金额 |
    产生差异的原因 with a 合计 row, then 总体目标 over 年度目标 | 年度总体目标完成情况."""
    amount = table.amount
    fiscal_done = min(table.fiscal, table.executed)
    note = "部分支出结转下年" if table.executed != table.total else ""
    return [
        fill(width, label("单位名称"), Cell(table.department, colspan=half),
             label("单位负责人及电话"), Cell("王某某0734-5550123")),
        fill(width, label("主管部门"), Cell(table.department, colspan=half),
             label("实施单位"), Cell(table.implementer)),
        fill(width, label(f"资金情况（{table.amount_unit}）", 4), label("年初预算资金总额"),
             label("实际投入资金额"), label("产生差异的原因")),
        [None, *fill(width - 1, label("合计"), Cell(amount(table.total)),
                     Cell(amount(table.executed)), Cell(note))],
        [None, *fill(width - 1, label("其中：财政拨款"), Cell(amount(table.fiscal)),
                     Cell(amount(fiscal_done)), Cell(""))],
        [None, *fill(width - 1, label("其他资金"), Cell(amount(table.other) if table.other else ""),
                     Cell(""), Cell(""))],
        fill(width, label("总体目标", 2), label("年度目标"), label("年度总体目标完成情况")),
        [None, *fill(width - 1, Cell(table.goals), Cell(table.done))],
    ]  # fmt: skip


def grid(table: Table, split: Split | None = None) -> Grid:
    """The table as its printed form, ``split`` printing 指标值 in operator | value | unit."""
    columns = indicator_columns(table, split)
    width = max(len(columns), 6 if table.template == "binhai" else 4)
    if table.kind == SELF_EVALUATION:
        width = max(width, 9 if table.template == "sichuan" else 8)
    rows = [GridRow("line", [Cell(text)]) for text in title_lines(table)]
    rows += header_rows(table, width)
    rows += column_rows(table, columns, width)
    for row in indicator_rows(table, split):
        last = next(c for c in reversed(row.cells) if c is not None)
        missing = width - len(row.cells)
        if missing:
            last.colspan += missing
            row.cells += [None] * missing
        rows.append(row)
    if table.total_line and all(row.score for row in table.rows):
        # (a form printed before it was scored has no 总分 to print)
        rows.append(GridRow("footer", total_cells(table, columns, width)))
    return Grid(width, rows, columns)


def total_cells(table: Table, columns: list[str], width: int) -> list[Cell | None]:
    """A 自评表's 总分 line: the label over the columns before 分值, the sums of 分值 and 得分."""
    weight = columns.index("分值")
    weights = sum(int(row.weight) for row in table.rows)
    scores = sum(int(row.score) for row in table.rows)
    return fill(width, Cell("总分", colspan=weight, label=True), Cell(str(weights)),
                Cell(str(scores)), Cell(""))  # fmt: skip
