"""Walk a grid's rows and collect table drafts.

The layout this understands (the official 项目支出绩效目标表 and its printed variants)::

    ## 1.<title>                       heading (optional)
    503101 <department>                department line with its code (optional)
    单位：元                           amount unit (optional; 元 assumed)
    项目名称 | <project>
    预算规模及资金用途 | 预算数 | 3300000.00 | 其中：财政资金 | 3300000.00 | 其他资金 |
             | <purpose>                  (merged label cell left empty)
    绩效目标 | 1.… 2.…
    一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值
    产出指标 | 数量指标 | … | … | ≥16 个
             | 质量指标 | … | … | 100%      (merged 一级 cell left empty)
    一级指标 | 二级指标 | …                   header repeated after a page break
             |          | <rest of a cut row>  a row cut by the page break

Every guess (a joined row, a level carried over a page break, a skipped line) becomes a
parse finding.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Final

from jixiao.assemble.amounts import NOT_AN_AMOUNT, stated_amounts
from jixiao.assemble.columns import (
    is_parallel_group,
    keep_last_group,
    map_columns,
    region_columns,
    regions_under_target,
    shared_value,
    strip_section_weight,
)
from jixiao.assemble.drafts import IndicatorDraft, TableDraft
from jixiao.assemble.fields import (
    UnitRole,
    looks_like_title,
    parse_department_line,
    parse_unit_line,
    parse_unit_line_with_role,
    parse_year_line,
    split_unit_suffix,
    strip_title_number,
    unit_role,
)
from jixiao.assemble.findings import parse_finding, where
from jixiao.assemble.wrapped import settle_wrapped_rows
from jixiao.ingest.budget import check_budget
from jixiao.ingest.grid import Cell, Grid, Row, RowKind
from jixiao.model import Finding, SourceRef
from jixiao.model.framework import FRAMEWORK, can_be_under, normalize_level1, normalize_level2
from jixiao.model.labels import (
    WEB_PAGE,
    budget_sub_column,
    clean_label,
    continues_column_label,
    furniture_kind,
    header_label,
    is_any_table_title,
    is_bare_measure,
    is_blank_form_cell,
    is_header_without_target,
    is_indicator_header,
    is_known_label,
    is_numbered_name,
    is_page_number,
    is_table_title,
    label_unit,
    not_a_name,
    printed_total,
    stands_alone,
)
from jixiao.model.vocabulary import (
    BLOCK_TOTAL_LABELS,
    BUDGET_NOTE_LABELS,
    DEPARTMENT_FORM_LABELS,
    FISCAL_TOTAL_LABELS,
    GRADES,
    PROJECT_COLUMNS,
    TASK_LABELS,
    Field,
)


@dataclass(slots=True)
class Preamble:
    """Lines seen before a table starts: its title, department and amount unit."""

    title: str | None = None
    title_source: SourceRef | None = None
    department_code: str | None = None
    department: str | None = None
    unit_printed: str | None = None
    year_line: str | None = None  # a line such as （2019年度） under the title
    units: dict[UnitRole, str] = field(default_factory=dict)  # 主管部门：… / 实施单位：… lines

    def is_empty(self) -> bool:
        return self.title is None and self.department is None and self.unit_printed is None


@dataclass(slots=True)
class Collector:
    """The state of one pass over a grid."""

    file: str
    drafts: list[TableDraft] = field(default_factory=list)
    preamble: Preamble = field(default_factory=Preamble)
    current: TableDraft | None = None
    last_label: Field | None = None
    after_page_break: bool = False
    fill_crosses_page: bool = False
    orphan_findings: list[SourceRef] = field(default_factory=list)
    sub_columns: list[Field] = field(default_factory=list)
    # the budget row's values when its label (年度资金总额) ended the sub-column headings and
    # the values follow on lines of their own (a broken pipe rendering): collected until a label
    sub_values: list[str] | None = None
    # the sub-columns of the budget block whose total row was read: the 其中：财政资金 and
    # 其他资金 rows below it print their values in the same columns (年初 | 调整后 | 执行 …)
    block_columns: list[Field] = field(default_factory=list)
    pending_findings: list[Finding] = field(default_factory=list)  # doubts before any table
    # the line of a wrapped rest joined to the row above that may start the row below instead
    doubt_after_wrap: int | None = None
    header_row: Row | None = None  # the indicator header just read, while its cells may wrap
    # the table's first indicator row has no 一级: merged level cells are printed at the middle
    # of their span (pdftotext -layout), so a level carried down from the row above is a guess
    levels_below: bool = False
    merged_at_middle: bool = False  # the grid's (Grid.merged_at_middle)
    in_tasks: bool = False  # inside a 部门整体 form's 年度主要任务 block (feed_task)
    # the rows' wrapped lines were settled before (assemble.wrapped): no rest is joined here
    wraps_settled: bool = False

    # --- table boundaries -------------------------------------------------------------

    def close(self) -> None:
        self.current = None
        self.block_columns = []
        self.levels_below = False
        self.last_label = None
        self.in_tasks = False
        self.after_page_break = False
        self.fill_crosses_page = False

    def open(self, source: SourceRef) -> TableDraft:
        self.close()
        pre = self.preamble
        draft = TableDraft(
            file=self.file,
            source=pre.title_source or source,
            title=pre.title,
            department_code=pre.department_code,
            department=pre.department,
            unit_printed=pre.unit_printed,
            year_line=pre.year_line,
            units=dict(pre.units),
        )
        draft.findings.extend(self.pending_findings)
        self.pending_findings.clear()
        self.drafts.append(draft)
        self.current = draft
        self.preamble = Preamble()
        return draft

    def in_indicators(self) -> bool:
        return self.current is not None and self.current.columns is not None

    # --- rows ----------------------------------------------------------------------------

    def feed(self, row: Row) -> None:
        before = self.indicator_count()
        self.feed_row(row)
        if row.doubts:
            self.record_doubts(row, became_row=self.indicator_count() > before)

    def indicator_count(self) -> int:
        return len(self.current.indicators) if self.current is not None else 0

    def record_doubts(self, row: Row, *, became_row: bool) -> None:
        """A reader's doubts about a row, as findings on the table (and the indicator it
        became: a doubt about text that became no row names none, even when a row read before
        it shares its line)."""
        draft = self.current
        indicator = None
        if (
            became_row
            and draft is not None
            and draft.indicators
            and draft.indicators[-1].source == row.source
        ):
            indicator = draft.indicators[-1].get(Field.NAME) or None
        findings = [
            parse_finding(
                doubt.code,
                f"{where(row.source)}{doubt.message}",
                row.source,
                project=draft.project if draft is not None else None,
                indicator=indicator,
                **({"part": values_part(draft)} if doubt.values_only and indicator else {}),
            )
            for doubt in row.doubts
        ]
        if draft is not None:
            draft.findings.extend(findings)
        else:
            self.pending_findings.extend(findings)

    def feed_row(self, row: Row) -> None:
        if row.starts_page and self.in_indicators():
            assert self.current is not None
            # A new page inside the indicator rows: its first row may be the rest of a row
            # cut by the page break, and its empty 一级 cells continue the previous page.
            self.after_page_break = bool(self.current.indicators)
            self.fill_crosses_page = self.after_page_break
        if row.is_empty():
            return
        if self.sub_values is not None and self.feed_sub_values(row):
            return
        if row.kind is RowKind.HEADING:
            self.close()
            if self.preamble.title is not None:
                self.preamble = Preamble()
            # A heading after the department and 单位 lines (an HTML <caption>) keeps them.
            self.preamble.title = strip_title_number(row.text)
            self.preamble.title_source = row.source
            return
        if self.current is not None and self.feed_total(row):
            return
        if row.kind is RowKind.TABLE and not self.in_indicators():
            row = split_run_labels(row)
        texts = row.texts
        if self.feed_furniture(row):
            return
        if self.header_row is not None and row.kind is RowKind.TABLE and self.feed_header_rest(row):
            return
        self.header_row = None
        if self.in_tasks and self.feed_task(row):
            return
        if is_indicator_header(texts) or (
            is_header_without_target(texts) and row.kind is RowKind.TABLE
        ):
            # without a 指标值 column the rows below are still indicator rows (never goals);
            # the table reports the missing column (validate.missing_target_column)
            self.feed_column_header(row)
            return
        nonempty = [t for t in texts if t]
        if len(nonempty) == 1 and header_label(nonempty[0]) is None and self.feed_preamble(row):
            return
        if len(nonempty) > 1 and all(is_preamble_text(t) for t in nonempty):
            # one spreadsheet row holding several preamble lines: 单位名称：… | 金额单位：万元
            for text in nonempty:
                self.feed_preamble(Row(RowKind.LINE, (Cell(text, 0),), row.source))
            return
        first = next((t for t in texts if t), "")
        first_is_label = bool(texts) and texts[0] == first and is_known_label(first)
        if not first_is_label and not self.sub_columns and not self.in_indicators():
            unit, cells = split_block_unit(row, first)
            if unit is not None and is_known_label(cells[0].text):
                # the unit of the merged 项目资金 label wrapped onto a row of its block
                # (项目资金 | 年度资金总额 | 0.64 / (万元) | 其中：财政资金 | 0.64; 年度预算安排 |
                # 资金总额 | 237.79 / (万元) | 项目支出 | 118.89): the block's
                self.take_block_unit(unit)
                row = replace(row, cells=tuple(cells))
                texts = row.texts
                first = texts[0]
                first_is_label = True
        if not first_is_label and self.sub_columns:
            # 年度资金总额 under the merged 项目资金 cell (its cell left empty, or holding the
            # label's unit wrapped onto this row: (万元) | 年度资金总额 | 29 | …): the budget row
            unit, cells = split_block_unit(row, first)
            if block_total(cells[0].text):
                first_is_label = True
                row = replace(row, cells=tuple(cells))
                self.take_block_unit(unit)
        if (
            first_is_label
            or self.continues_money_block(first)
            or (not self.in_indicators() and is_sub_column_heading(nonempty))
        ):
            # (a row of sub-column headings printed right of an empty label cell, the block's
            # label on the total row below: pdftotext -layout prints a tall cell's text on its
            # middle line)
            self.feed_header(row)
        elif self.in_indicators() and row.kind is RowKind.TABLE:
            self.feed_indicator(row)
        elif self.current is not None and not texts[0] and self.last_label is not None:
            self.feed_continuation(row)
        else:
            self.skip(row)

    def feed_total(self, row: Row) -> bool:
        """A 自评表's total row (总分 | 100 | 96 | 优, a line ``总分 100 96`` too) or its total
        score printed in the header (自评总分(分) | 97.6): kept as the table's printed total."""
        draft = self.current
        assert draft is not None
        texts = row.text.split() if row.kind is RowKind.LINE else row.texts
        total = printed_total(texts, under_indicators=self.in_indicators())
        if total is None:
            return False
        draft.totals.append(total.score)
        if self.in_indicators():
            draft.reached(row.source)
        return True

    def feed_furniture(self, row: Row) -> bool:
        """Page furniture is no part of a table. A line of web-page furniture (扫一扫, [打印],
        附件) or a page number (``- 12 -``, ``第 3 页 共 8 页``) is passed over, a page number
        inside the indicator rows as the page break it is. The title of another table (收支预算
        总表 in a budget book) ends the indicator rows, so that its rows are never read as
        indicators."""
        if row.kind is not RowKind.LINE:
            return False  # a table row holding furniture is dropped with a finding, as a row
        first = next((text for text in row.texts if text), "")
        kind = furniture_kind(first)
        if is_page_number(first):
            if self.in_indicators():
                assert self.current is not None
                self.after_page_break = bool(self.current.indicators)
                self.fill_crosses_page = self.after_page_break
            return True
        if self.in_indicators() and is_any_table_title(first):
            self.close()  # the next table of a budget book (收支预算总表): not our rows
            return not is_table_title(first)
        return kind == WEB_PAGE

    def feed_task(self, row: Row) -> bool:
        """A row of the 年度主要任务 block (任务名称 | 主要内容 | 预算金额, then one row per
        task): read past — a task is no goal, no indicator, and its amount no 预算数. The
        block ends at the indicator header or at a header label that heads no task column."""
        first = next((text for text in row.texts if text), "")
        if is_indicator_header(row.texts) or is_header_without_target(row.texts):
            self.in_tasks = False
            return False
        if is_known_label(first) and clean_label(first) not in TASK_LABELS:
            self.in_tasks = False
            return False
        if self.current is not None:
            self.current.reached(row.source)
        return True

    def take_block_unit(self, unit: str | None) -> None:
        """The unit of the 项目资金 block's merged label, printed on a row of the block."""
        if unit is not None and self.current is not None:
            self.current.unit_printed = self.current.unit_printed or unit

    def continues_money_block(self, first: str) -> bool:
        """A row of the 项目资金 block under its merged label (empty here): 其中：财政资金 |
        amount, then 其他资金 | amount, each a label of its own after the 年度资金总额 row; or
        the block's total row above the label."""
        if self.current is None or self.in_indicators():
            return False
        field = header_label(first)
        if self.last_label in _MONEY_LABELS and field in _MONEY_LABELS - {Field.BUDGET_SECTION}:
            return True
        # the block's total printed above its merged label, which a layout centres on the
        # block's lines (| 年度资金总额 | 0.64 / 项目资金（万元） | 其中：财政资金 | 0.64)
        return field is Field.TOTAL and Field.TOTAL not in self.current.printed_fields

    def feed_preamble(self, row: Row) -> bool:
        """A single-cell line outside table rows: title, department or unit line."""
        text = row.text
        suffixed = split_unit_suffix(text) if parse_unit_line(text) is None else None
        if suffixed is not None and parse_unit_line_with_role(suffixed[0]) is not None:
            # a department line with the unit line run into it (a scan lost the break)
            rest, unit_printed = suffixed
            for line in (rest, f"单位：{unit_printed}"):
                self.feed_preamble(Row(RowKind.LINE, (Cell(line, 0),), row.source))
            return True
        unit = parse_unit_line(text)
        department = parse_unit_line_with_role(text)
        if department is not None and (len(department[2]) < 2 or row.doubts):
            # '100分': a score, not '<code> <department>'; nor is a reader's unread row
            # (1109元/次≤1109元/次)
            department = None
        is_title = looks_like_title(text) and len(text) <= 80
        if parse_year_line(text) is not None and not self.in_indicators():
            # （2019年度） printed under the title: the table's year
            target_of_year = self.current if self.current is not None else self.preamble
            target_of_year.year_line = text
            return True
        if unit is None and department is None and not is_title:
            return False
        if self.in_indicators() or (self.current is not None and self.current.project):
            self.close()
        if self.current is not None:
            target: TableDraft | Preamble = self.current
        else:
            target = self.preamble
        if unit is not None:
            target.unit_printed = unit
        elif department is not None:
            role, code, name = department
            if role is UnitRole.REPORTING:
                target.department_code, target.department = code, name
            else:
                target.department_code = target.department_code or code
                target.units.setdefault(role, name)
        else:
            if self.current is not None:
                self.close()
            self.preamble.title = strip_title_number(text)
            self.preamble.title_source = row.source
        return True

    def feed_sub_columns(self, row: Row) -> bool:
        """The budget block of a 自评表: sub-column headings (全年预算数 | 全年执行数 | 执行率 …,
        in one row or one per row), then the 年度资金总额 row with the values in that order."""
        labels = [text for text in row.texts if text]
        sub = [budget_sub_column(text) for text in labels]
        if (
            self.current is not None
            and len(labels) > 2
            and header_label(labels[-1]) is Field.TOTAL
            and sub[-1] is None
            and all(sub[:-1])
        ):
            # 全年预算数 | 全年执行数 | … | 年度资金总额: the total's label printed after the
            # headings, its values on the lines below (feed_sub_values)
            self.sub_columns += [field for field in sub[:-1] if field]
            self.sub_values = []
            return True
        if all(sub[i] or header_label(t) is Field.BUDGET_SECTION for i, t in enumerate(labels)):
            if self.current is not None and self.current.unit_printed is None:
                self.current.unit_printed = next(filter(None, map(label_unit, labels)), None)
            self.sub_columns += [field for field in sub if field]
            if self.current is not None:
                self.current.printed_fields.update(self.sub_columns)
                if any(header_label(t) is Field.BUDGET_SECTION for t in labels):
                    self.current.printed_fields.add(Field.BUDGET_SECTION)
            return bool(self.sub_columns)
        heading = block_heading_length(labels, continuing=bool(self.sub_columns))
        if heading:
            # 年度预算数(万元) | 年初预算 | 调整后预算数 | … | 得分 | 原因: the total label over
            # the sub-columns heads no column of its own, nor does the note's; in text of one
            # cell per line the total row may run on after the headings (… | 原因 | 总额 | 238.93)
            head, rest = labels[:heading], labels[heading:]
            if self.current is not None and self.current.unit_printed is None:
                self.current.unit_printed = next(filter(None, map(label_unit, head)), None)
            self.sub_columns += [f for f in map(budget_sub_column, head) if f is not None]
            if self.current is not None:
                self.current.printed_fields.update(self.sub_columns)
                self.current.reached(row.source)
            if rest:
                cells = tuple(Cell(text, index) for index, text in enumerate(rest))
                self.feed_sub_columns(replace(row, cells=cells))
            return True
        columns, self.sub_columns = self.sub_columns, []
        if columns and section_before_total(labels):
            # 项目资金（元） | 年度资金总额 | 120.00 | …: the block's label, a tall cell printed
            # on its middle line (pdftotext -layout), runs into the total row under the headings
            if self.current is not None:
                self.current.printed_fields.add(Field.BUDGET_SECTION)
                if self.current.unit_printed is None:
                    self.current.unit_printed = label_unit(labels[0])
            labels = labels[1:]
        if not columns and self.block_columns and self.current is not None:
            return self.feed_block_parts(row, labels)
        self.block_columns = []
        if not columns or not block_total(labels[0]) or self.current is None:
            return False
        values = leading_values(labels[1:])
        if clean_label(labels[0]) in FISCAL_TOTAL_LABELS:
            self.current.total_is_fiscal = True  # 年度财政资金总额: all of it is fiscal money
        if Field.TOTAL not in columns and Field.INITIAL in columns:
            columns = [Field.TOTAL if c is Field.INITIAL else c for c in columns]
        for column, value in sub_column_values(columns, values):
            if column is not Field.INITIAL:
                self.current.set_header(column, value, row.source)
        self.current.reached(row.source)
        self.last_label = Field.TOTAL
        self.block_columns = columns
        rest = labels[1 + len(values) :]
        if rest:  # the block's next rows run into this one (one cell per line)
            self.feed_block_parts(row, rest)
        return True

    def feed_block_parts(self, row: Row, labels: list[str]) -> bool:
        """The rows under a budget block's total row (其中：财政资金 | 238.93 | 251.89 | …,
        其他资金 | …, 单位资金 | …): each part's amount is the one in the total's column (the
        全年/调整后 预算数), never the first printed (the 年初 one). Several parts may run into
        one row (one cell per line). False at a row that is no part of the block."""
        draft = self.current
        assert draft is not None
        if (
            not labels
            or not is_known_label(labels[0])
            or header_label(labels[0])
            in (
                Field.TOTAL,
                Field.BUDGET_SECTION,
            )
        ):
            self.block_columns = []
            return False
        if header_label(labels[0]) not in _MONEY_LABELS and not is_block_part(labels[0]):
            self.block_columns = []
            return False
        while labels and is_known_label(labels[0]):
            label, values = labels[0], leading_values(labels[1:])
            field_of_row = header_label(label)
            if field_of_row in (Field.FISCAL, Field.OTHER, Field.LOCAL_FISCAL):
                draft.printed_fields.add(field_of_row)
                for column, value in sub_column_values(self.block_columns, values):
                    if column is Field.TOTAL and not _DASHES.match(value):
                        draft.set_header(field_of_row, value, row.source)
            labels = labels[1 + len(values) :]
        draft.reached(row.source)
        self.last_label = Field.OTHER
        return True

    def feed_sub_values(self, row: Row) -> bool:
        """A line of the budget row's values after its label ended the sub-column headings;
        at the first line that is no value the values are read (sub_column_values)."""
        texts = [text for text in row.texts if text]
        assert self.sub_values is not None
        if all(is_budget_value(text) for text in texts):
            self.sub_values += texts
            if self.current is not None:
                self.current.reached(row.source)
            return True
        columns, values = self.sub_columns, self.sub_values
        self.sub_columns, self.sub_values = [], None
        if Field.TOTAL not in columns and Field.INITIAL in columns:
            columns = [Field.TOTAL if c is Field.INITIAL else c for c in columns]
        if self.current is not None:
            for column, value in sub_column_values(columns, values):
                if column is not Field.INITIAL and not _DASHES.match(value):
                    self.current.set_header(column, value, row.source)
        return False

    def feed_header(self, row: Row) -> None:
        """A header-block row of label/value pairs, e.g. 预算数 | 3300000.00 | 其他资金 | …"""
        if self.feed_sub_columns(row):
            return
        cells = row.texts
        first = next((text for text in cells if text), "")  # after a merged label's empty cell
        opens = header_label(first)
        if (opens is Field.PROJECT and (self.current is None or self.current.project)) or (
            opens in _OPENING_LABELS and self.in_indicators()
        ):
            # a header block after the indicator header is the next table's (one without a
            # title: its 项目名称, or a 部门整体 form's 部门名称, starts it)
            self.open(row.source)
        draft = self.current if self.current is not None else self.open(row.source)
        draft.reached(row.source)
        self.last_label = header_label(first)
        if self.last_label is Field.TASKS:
            draft.department_form = True  # only a 部门整体 form lists its 年度主要任务
            self.in_tasks = True
            self.last_label = None
            return
        pending: Field | None = None
        label = ""
        cells = join_split_labels(cells)
        for index, text in enumerate(cells):
            if is_known_label(text):
                # a label of a value the model does not keep (负责人, 执行数…) ends the pending one
                pending, label = header_label(text), text
                if pending is not None:
                    draft.printed_fields.add(pending)
                if clean_label(text) in FISCAL_TOTAL_LABELS:
                    draft.total_is_fiscal = True
                if clean_label(text) in DEPARTMENT_FORM_LABELS:
                    draft.department_form = True
                if draft.unit_printed is None:
                    draft.unit_printed = label_unit(text)
                continue
            following = cells[index + 1] if index + 1 < len(cells) else ""
            if (
                pending is not None
                and text
                and is_blank_form_cell(text, following, title=pending is not Field.PROJECT)
            ):
                if is_table_title(text) and draft.year_line is None:
                    draft.year_line = text  # a title's year is the table's
                continue  # a blank form's list number or checkbox, a title repeated on a page
            if pending is not None and text:
                amounts = pending in _MONEY_LABELS and several_amounts(cells[index:])
                if amounts:
                    # 总额 | 120.00 | 136.50 | 131.04 under sub-columns not read: which
                    # one is the 预算数 (the first is often the 年初 one) is not known
                    draft.findings.append(
                        parse_finding(
                            NOT_AN_AMOUNT,
                            f"{where(row.source)}“{clean_label(label)}”后印有多个金额"
                            f"（{'、'.join(amounts)}），无法确定哪一个是它的金额，未读取",
                            row.source,
                            project=draft.project,
                            part="header",
                        )
                    )
                    pending = None
                    continue
                draft.set_header(pending, text, row.source)
                if pending in (Field.DEPARTMENT, Field.IMPLEMENTER, Field.CENTRAL_DEPARTMENT):
                    draft.units.setdefault(unit_role(clean_label(label)), text)
                pending = None

    def feed_continuation(self, row: Row) -> None:
        """A row whose label cell is empty: it continues the merged label above it."""
        assert self.current is not None
        assert self.last_label is not None
        label = Field.PURPOSE if self.last_label is Field.BUDGET_SECTION else self.last_label
        text = "\n".join(t for t in row.texts if t)
        self.current.set_header(label, text, row.source)
        self.current.reached(row.source)

    def feed_header_rest(self, row: Row) -> bool:
        """The second line of the indicator header's wrapped labels (年度指标 | 值, 偏差原因 |
        分析及改): joined to the header, whose columns are mapped again."""
        header = self.header_row
        assert header is not None
        if self.feed_region_names(row):
            return True
        above = {cell.column: cell for cell in header.cells}
        rest = [cell for cell in row.cells if cell.text]
        if not rest or not all(
            cell.column in above and continues_column_label(above[cell.column].text, cell.text)
            for cell in rest
        ):
            return False
        joined = {cell.column: above[cell.column].text + cell.text for cell in rest}
        cells = tuple(replace(c, text=joined.get(c.column, c.text)) for c in header.cells)
        source = header.source.model_copy(update={"line_end": row.source.line})
        self.feed_column_header(replace(header, cells=cells, source=source))
        return True

    def feed_region_names(self, row: Row) -> bool:
        """The second row of a two-row header: the regions' names under the 指标值 label that
        spans their columns (:func:`regions_under_target`). False for any other row."""
        draft = self.current
        assert draft is not None
        assert self.header_row is not None
        regions = {} if draft.regions else regions_under_target(self.header_row.cells, row.cells)
        if not regions:
            return False
        assert draft.columns is not None
        draft.regions = regions
        draft.columns[Field.TARGET] = list(regions)
        draft.reached(row.source)
        self.header_row = None
        return True

    def feed_column_header(self, row: Row) -> None:
        """一级指标 | 二级指标 | … : maps columns; repeated after a page break."""
        columns = map_columns(row.cells)
        per_region = set(region_columns(row.cells))
        regions = {cell.column: cell.text for cell in row.cells if cell.column in per_region}
        if regions:
            columns[Field.TARGET] = list(regions)  # one 指标值 column per region
        parallel = is_parallel_group(columns)
        if parallel:
            columns = keep_last_group(columns)
        if self.in_indicators():
            assert self.current is not None
            self.after_page_break = bool(self.current.indicators)
            self.fill_crosses_page = self.after_page_break
        elif self.current is None:
            self.open(row.source)
        assert self.current is not None
        if parallel and self.current.columns is None:
            self.current.findings.append(
                parse_finding(
                    "PRS009",
                    f"{where(row.source)}的指标表头有两组并列的二级/三级指标列（如中期与年度），"
                    "只读取了最后一组",
                    row.source,
                    project=self.current.project,
                )
            )
        self.current.columns = columns
        self.current.regions = regions
        self.current.columns_source = row.source
        self.current.reached(row.source)
        self.last_label = None
        self.header_row = row if row.kind is RowKind.TABLE else None

    def feed_indicator(self, row: Row) -> None:
        draft = self.current
        assert draft is not None
        assert draft.columns is not None
        texts = row.texts
        printed_texts = [cell.printed_text for cell in row.cells]
        cells = {
            name: "".join(texts[i] for i in columns if i < len(texts) and texts[i])
            for name, columns in draft.columns.items()
        }
        mapped = {i for columns in draft.columns.values() for i in columns}
        if not any(cells.values()) or all(i not in mapped for i, text in enumerate(texts) if text):
            self.skip(row)
            return
        differ = None
        if draft.regions:
            values = [texts[i] if i < len(texts) else "" for i in draft.regions]
            cells[Field.TARGET], differ = shared_value(values, list(draft.regions.values()))
            if differ is not None:
                # the row prints its values (no wrapped rest or cut row): blanked once read
                cells[Field.TARGET] = next((value for value in values if value), "")
        if cells.get(Field.PROJECT) and cells[Field.PROJECT] != draft.project:
            draft = self.open_project_row(cells, row)
        if not any(text for name, text in cells.items() if name not in PROJECT_COLUMNS):
            self.skip(row)  # only project cells: a department subtotal row of the sheet
            return
        assert draft.columns is not None
        draft.reached(row.source)
        printed = {
            name: "".join(printed_texts[i] for i in draft.columns.get(name, ()) if i < len(texts))
            for name in (Field.LEVEL1, Field.LEVEL2)
        }
        for level in (Field.LEVEL1, Field.LEVEL2):
            cells[level] = strip_section_weight(cells.get(level, ""))
            printed[level] = strip_section_weight(printed[level])
        indicator = IndicatorDraft(
            cells=cells, source=row.source, printed={k: v for k, v in printed.items() if v}
        )
        previous = draft.indicators[-1] if draft.indicators else None
        after_break, self.after_page_break = self.after_page_break, False
        if after_break and previous is not None and self.is_cut_row(indicator):
            if (
                not continues_name(previous.get(Field.NAME), indicator.get(Field.NAME))
                and prints_beside_name(indicator)
                and not ends_in_a_cut_cell(previous)
                and not described_across(previous, indicator)
            ):
                # position alone is no evidence: a whole row whose 指标值 cell is empty here
                self.keep_whole_row(indicator, previous, row)
                return
            before = previous.get(Field.NAME)
            previous.join(indicator)
            draft.findings.append(
                parse_finding(
                    "PRS001",
                    f"{where(previous.source)}的三级指标“{before}”在分页处被截断，"
                    f"已与{where(row.source)}合并为“{previous.get(Field.NAME)}”",
                    previous.source,
                    project=draft.project,
                    indicator=previous.get(Field.NAME),
                )
            )
            return
        # the row above on the same page, of text rows: this one may hold the rest of its cells
        above = (
            previous
            if not after_break
            and not self.wraps_settled
            and row.kind is RowKind.TABLE
            and previous is not None
            and previous.source.line is not None
            else None
        )
        if above is not None and is_wrapped_rest(indicator, above):
            self.join_wrapped(above, indicator)
            return
        if above is not None and may_continue(indicator, above):
            self.say_about_row(
                "PRS024",
                f"{where(above.source)}的三级指标“{above.get(Field.NAME)}”不完整，"
                f"{where(row.source)}的“{indicator.get(Field.NAME)}”可能是它的折行",
                above,
            )
            self.say_about_row(
                "PRS024",
                f"{where(row.source)}的“{indicator.get(Field.NAME)}”可能是上一行三级指标的折行，"
                "已按独立的指标行读取",
                indicator,
            )
        columns = draft.columns
        carried = [level for level in _LEVELS if level in columns and not indicator.get(level)]
        if previous is None and Field.LEVEL1 in carried and self.merged_at_middle:
            self.levels_below = True  # the first row's 一级 printed lower: at its span's middle
        self.fill_levels(indicator, previous)
        draft.indicators.append(indicator)
        if differ is not None:
            indicator.cells[Field.TARGET] = ""  # no value every region prints
            draft.findings.append(
                parse_finding(
                    "PRS010",
                    f"{where(row.source)}的各列指标值不同，未读取：{differ}",
                    row.source,
                    project=draft.project,
                    indicator=indicator.get(Field.NAME),
                    part="target",  # the row is read, without a 指标值
                )
            )
        if self.merged_at_middle:
            self.doubt_levels_above(indicator, columns, carried)
        if self.doubt_after_wrap is not None:
            self.say_about_row(
                "PRS024",
                f"{where(row.source)}的三级指标“{indicator.get(Field.NAME)}”之前的第"
                f"{self.doubt_after_wrap}行是折行的单元格，若属于本行则本行的三级指标不完整",
                indicator,
            )
        self.doubt_after_wrap = None

    def doubt_levels_above(
        self, indicator: IndicatorDraft, columns: Collection[Field], carried: Collection[Field]
    ) -> None:
        """Text laid out by position may print a merged level cell at the middle of its span
        (Grid.merged_at_middle): a row with no level printed on it, when the table's first row
        has none either, or with no 二级 at all; and, at a row that prints a level, the rows
        just above that carried the level before it (they may belong to this one): PRS025."""
        draft = self.current
        assert draft is not None
        if (self.levels_below and carried) or (
            Field.LEVEL2 in columns and not indicator.get(Field.LEVEL2)
        ):
            self.doubt_level(indicator)
        printed = [level for level in _LEVELS if level in columns and level not in carried]
        if not printed:
            return
        depth = min(printed, key=_LEVELS.index)
        for above in reversed(draft.indicators[:-1]):
            if not self.carried_here(above, depth):
                break
            self.doubt_level(above)

    def carried_here(self, indicator: IndicatorDraft, depth: Field) -> bool:
        """The row's level of ``depth`` (or above it) was carried down, not printed on it."""
        return bool(indicator.carried & set(_LEVELS[: _LEVELS.index(depth) + 1]))

    def doubt_level(self, indicator: IndicatorDraft) -> None:
        """PRS025: the row's 一级/二级 may be a merged cell's printed lower down (once)."""
        assert self.current is not None
        name = indicator.get(Field.NAME)
        if any(f.code == "PRS025" and f.indicator == name for f in self.current.findings):
            return
        self.say_about_row(
            "PRS025",
            f"{where(indicator.source)}的一级/二级指标单元格为空，合并单元格的文字可能印在"
            "下方的行（跨行单元格的中间），此行的一级/二级指标无法确定",
            indicator,
        )

    def join_wrapped(self, previous: IndicatorDraft, rest: IndicatorDraft) -> None:
        """The rest of the cells of the row above, wrapped onto a line of their own (a
        converter prints a cell's second line as a row with only that cell): joined to it.
        When the name above reads whole and the rest reads as a name of its own, the rest may
        as well be the start of the row below (a PDF prints a tall row's short cells on its
        middle line), and a 指标值 printed over lines may read otherwise: the joined row and
        the row below are doubted (PRS024)."""
        assert self.current is not None
        before = previous.get(Field.NAME)
        previous_target = previous.get(Field.TARGET)
        for level in _LEVELS:
            if rest.get(level):
                previous.cells[level] = previous.get(level) + rest.get(level)
                if level in previous.printed or level in rest.printed:
                    previous.printed[level] = previous.printed.get(
                        level, previous.get(level)
                    ) + rest.printed.get(level, rest.get(level))
        previous.join(rest)
        after = previous.get(Field.NAME)
        if after != before:  # the doubts already said about the row name it whole
            self.current.findings = [
                f.model_copy(update={"indicator": after})
                if f.indicator == before and f.location.line == previous.source.line
                else f
                for f in self.current.findings
            ]
        value_cut = value_continues(previous_target, rest.get(Field.TARGET))
        if rest.get(Field.NAME) and stands_alone(before) and not previous.get(Field.TARGET):
            # two names that each read whole and no 指标值 on either line (its cells could not
            # be placed): the join is a guess, so neither row is read
            self.current.indicators.remove(previous)
            self.say_about_row(
                "PRS024",
                f"{where(previous.source)}的“{before}”与第{rest.source.line}行的"
                f"“{rest.get(Field.NAME)}”无法确定是一行折行还是两行，且都没有可读的指标值，"
                "均未读取",
                previous,
            )
            self.doubt_after_wrap = rest.source.line
            return
        if (rest.get(Field.TARGET) and not value_cut) or (
            rest.get(Field.NAME) and stands_alone(before)
        ):
            self.say_about_row(
                "PRS024",
                f"{where(previous.source)}的单元格折行：第{rest.source.line}行只有"
                f"“{rest.get(Field.NAME) or rest.get(Field.DESCRIPTION)}”等单元格的后半，"
                f"已并入上一行的“{before}”；它也可能是下一行的开头",
                previous,
            )
            self.doubt_after_wrap = rest.source.line

    def open_project_row(self, cells: dict[Field, str], row: Row) -> TableDraft:
        """A row of a multi-project sheet whose project cells are filled starts a new table.

        Layout: 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 | … on one header row; the
        project cells are merged down the project's rows (empty on the rows after its first).
        """
        previous = self.current
        assert previous is not None
        columns = previous.columns
        draft = previous
        if previous.project or previous.indicators:
            # the sheet's title, unit and department (merged down) are the new table's too
            self.preamble = Preamble(
                title=previous.title,
                department=previous.department,
                unit_printed=previous.unit_printed,
                year_line=previous.year_line,
            )
            draft = self.open(row.source)
        draft.columns = columns
        for name in PROJECT_COLUMNS:
            if cells.get(name):
                if name is Field.DEPARTMENT:
                    draft.department = cells[name]
                else:
                    draft.set_header(name, cells[name], row.source)
        return draft

    def keep_whole_row(self, indicator: IndicatorDraft, previous: IndicatorDraft, row: Row) -> None:
        """A row after a page break that looks like the rest of the row before it (no levels,
        no 指标值) but whose name stands alone, after a name that is whole: its own row, with
        an empty 指标值 (PRS011) — never joined on position alone."""
        assert self.current is not None
        self.fill_levels(indicator, previous)
        self.current.indicators.append(indicator)
        self.say_about_row(
            "PRS011",
            f"{where(row.source)}位于续页，没有一级/二级指标和指标值，但三级指标"
            f"“{indicator.get(Field.NAME)}”可独立成立，未与上页的“{previous.get(Field.NAME)}”"
            "合并；其指标值为空",
            indicator,
            row.source,
        )

    @staticmethod
    def is_cut_row(indicator: IndicatorDraft) -> bool:
        """The rest of a row cut by a page break: no levels, no target, only text to append."""
        return (
            not indicator.get(Field.LEVEL1)
            and not indicator.get(Field.LEVEL2)
            and not indicator.get(Field.TARGET)
            and bool(indicator.get(Field.NAME) or indicator.get(Field.DESCRIPTION))
        )

    def fill_levels(self, indicator: IndicatorDraft, previous: IndicatorDraft | None) -> None:
        """Empty 一级/二级 cells are merged cells: carry the value of the row above — unless
        the row's 二级 cannot be under that 一级 (the 一级 cell was lost), then see
        :meth:`infer_level1`."""
        if indicator.get(Field.LEVEL1):
            self.fill_crosses_page = False
            return
        heading = level1_heading(previous, indicator)
        if heading is not None:
            # the row above printed only a 一级 name, in the 二级 column (满意度指标 on a line
            # of its own, its points (0-10)分 on the next): this row's 二级 is its own
            assert previous is not None
            indicator.cells[Field.LEVEL1] = heading
            indicator.printed[Field.LEVEL1] = previous.printed.get(
                Field.LEVEL2, previous.get(Field.LEVEL2)
            )
            indicator.carried.add(Field.LEVEL1)
            self.fill_crosses_page = False
            return
        if previous is None or not fits_level1(previous.get(Field.LEVEL1), indicator):
            self.infer_level1(indicator)
            return
        filled: list[str] = []
        for level in (Field.LEVEL1, Field.LEVEL2):
            if not indicator.get(level) and previous.get(level):
                indicator.cells[level] = previous.get(level)
                indicator.carried.add(level)
                if level in previous.printed:
                    indicator.printed[level] = previous.printed[level]
                filled.append(previous.get(level))
        if previous.level1_inferred:
            # the 一级 carried down is itself a guess: each row under it says so
            indicator.level1_inferred = True
            self.say_about_row(
                "PRS014",
                f"{where(indicator.source)}没有一级指标，与上一行一样按指标体系补为"
                f"“{indicator.get(Field.LEVEL1)}”",
                indicator,
            )
        if filled and self.fill_crosses_page:
            self.say_about_row(
                "PRS002",
                f"{where(indicator.source)}位于续页，一级指标单元格为空，已沿用上页的“{filled[0]}”",
                indicator,
            )
        self.fill_crosses_page = False

    def infer_level1(self, indicator: IndicatorDraft) -> None:
        """A row with a 二级 but no 一级 to carry (a table whose 一级 cells were lost in the
        text): the 一级 the framework puts that 二级 under, when there is exactly one
        (数量指标 → 产出指标; not 经济成本指标, under 产出 or 成本). Finding PRS014."""
        parent = framework_parent(indicator.get(Field.LEVEL2))
        if parent is None or self.current is None:
            return
        indicator.cells[Field.LEVEL1] = parent
        indicator.printed[Field.LEVEL1] = parent
        indicator.level1_inferred = True
        indicator.carried.add(Field.LEVEL1)
        self.say_about_row(
            "PRS014",
            f"{where(indicator.source)}没有一级指标，按二级指标“{indicator.get(Field.LEVEL2)}”"
            f"补为“{parent}”",
            indicator,
        )

    def say_about_row(
        self, code: str, message: str, indicator: IndicatorDraft, at: SourceRef | None = None
    ) -> None:
        """A parse finding about an indicator row of the current table (at the row's place,
        or at ``at``)."""
        assert self.current is not None
        self.current.findings.append(
            parse_finding(
                code,
                message,
                at or indicator.source,
                project=self.current.project,
                indicator=indicator.get(Field.NAME),
            )
        )

    def skip(self, row: Row) -> None:
        self.orphan_findings.append(row.source)
        if self.current is not None and not row.doubts:  # a reader's doubt says why
            self.current.findings.append(
                parse_finding(
                    "PRS003",
                    f"{where(row.source)}未能识别，已跳过：“{row.text[:40]}”",
                    row.source,
                    project=self.current.project,
                    part="indicators" if self.in_indicators() else "header",
                )
            )


_AMOUNT_SUB_COLUMNS: Final = frozenset({Field.INITIAL, Field.TOTAL, Field.EXECUTED})
# a value of the budget row: an amount, a rate, a score, or a dash for an empty cell
_BUDGET_VALUE: Final = re.compile(
    r"^(?:[-+]?\d[\d,，]*(?:\.\d+)?\s*(?:%|％|万元|元|分)?|[—–\-－]+)$"
)
_DASHES: Final = re.compile(r"^[—–\-－]+$")


def values_part(draft: TableDraft | None) -> str:
    """What a reader's doubt about value cells only is about: the row's 指标值 when the row
    was read without one (``target``), else its other values (``values``)."""
    if draft is not None and draft.indicators and not draft.indicators[-1].get(Field.TARGET):
        return "target"
    return "values"


def is_budget_value(text: str) -> bool:
    """A cell of the budget row's values (387664.62, 100%, 10, —)."""
    return bool(_BUDGET_VALUE.match(text.strip()))


_MONEY_LABELS: Final = frozenset(
    {Field.BUDGET_SECTION, Field.TOTAL, Field.FISCAL, Field.OTHER, Field.LOCAL_FISCAL}
)
# the labels a header block opens with: after indicator rows, the start of the next table
_OPENING_LABELS: Final = frozenset({Field.PROJECT, Field.DEPARTMENT})


def block_heading_length(labels: list[str], *, continuing: bool = False) -> int:
    """How many cells of a row head a budget block whose headings are not all sub-columns:
    a total label over the sub-columns (年度预算数(万元) | 年初预算 | 调整后预算数 …) and the
    note column after them (… | 得分 | 原因). 0 when the row is no such heading (the plain
    heading rows are read by feed_sub_columns itself). The cells after the headings are the
    total row run on (总额 | 238.93 …), when they start with a total label. ``continuing``:
    headings were read on the rows above (one cell per line cuts them into several rows:
    得分 | 原因 ends them)."""
    subs = 0
    index = 0
    for index, text in enumerate(labels):
        if budget_sub_column(text) is not None:
            subs += 1
        elif header_label(text) is Field.BUDGET_SECTION and not subs:
            pass
        elif (
            header_label(text) is Field.TOTAL
            and not subs
            and index + 1 < len(labels)
            and budget_sub_column(labels[index + 1]) is not None
        ):
            pass  # the total label spanning the sub-columns
        elif subs and clean_label(text) in BUDGET_NOTE_LABELS:
            pass
        else:
            break
    else:
        index = len(labels)
    # the total label, or the section's (资金情况(万元) | 年初预算资金总额 | 实际投入资金额 |
    # 产生差异的原因), spanning the sub-columns
    spans = any(
        header_label(text) in (Field.TOTAL, Field.BUDGET_SECTION)
        and budget_sub_column(text) is None
        for text in labels[:index]
    )
    if not continuing and (subs < 2 or not spans):
        return 0
    if continuing and not subs:
        return 0
    if index < len(labels) and not block_total(labels[index]):
        return 0
    return index


def split_run_labels(row: Row) -> Row:
    """A header row whose cells hold several label/value pairs run together with single
    spaces (项目名称 | X 项目分类 Y, or | 建设周期 Z 业务主管部门 W): each word that is a known
    label becomes a cell of its own, the words between labels the value after it. A cell with
    no known label among its words stays as printed (a purpose that mentions a 主管部门)."""
    if not any(" " in cell.text.strip() for cell in row.cells):
        return row
    cells: list[Cell] = []
    changed = False
    for cell in row.cells:
        words = cell.text.split()
        marks = [i for i, word in enumerate(words) if is_known_label(word)]
        if len(words) < 2 or not marks or (marks == [0] and len(words) == 2):
            cells.append(cell)
            continue
        if marks[0] != 0 and not any(is_known_label(c.text) for c in cells):
            cells.append(cell)  # value words before a label must follow a label of the row
            continue
        changed = True
        bounds = [0, *marks, len(words)] if marks[0] != 0 else [*marks, len(words)]
        if marks[0] == 0 and not any(c.text for c in cells):
            cells = []  # the empty cell of a merged label above: this row prints its own
        for start, end in pairwise(bounds):
            if start in marks:
                cells.append(replace(cell, text=words[start], printed=None))
                start += 1
            if start < end:
                cells.append(replace(cell, text=" ".join(words[start:end]), printed=None))
    if not changed:
        return row
    return replace(row, cells=tuple(replace(c, column=i) for i, c in enumerate(cells)))


def level1_heading(previous: IndicatorDraft | None, row: IndicatorDraft) -> str | None:
    """The 一级 a level-only row above prints in its 二级 column, when ``row`` prints a 二级
    of its own that the framework puts under it: 满意度指标 alone on its line, then 服务对象
    满意度指标 | 受益群众满意度 | ≥90% — the lone name is no 二级 of the row below (that
    prints its own), so it is the 一级 over it (never the 效益指标 carried from further up,
    which the 2015 framework would also allow). None otherwise."""
    if previous is None or previous.get(Field.NAME) or previous.get(Field.TARGET):
        return None
    above, own = previous.get(Field.LEVEL2), row.get(Field.LEVEL2)
    if not above or not own or Field.LEVEL2 in previous.carried or Field.LEVEL2 in row.carried:
        return None
    level1, level2 = normalize_level1(above), normalize_level2(own)
    if level1 is None or level2 is None or clean_label(above) == clean_label(own):
        return None
    return level1 if can_be_under(level1, level2) else None


def join_split_labels(cells: Sequence[str]) -> list[str]:
    """A label printed over two cells (主管部门 | 及编码: a cell per paragraph, the label's
    line break a paragraph break) is one label, not a label and its value."""
    joined: list[str] = []
    index = 0
    while index < len(cells):
        text = cells[index]
        following = cells[index + 1] if index + 1 < len(cells) else ""
        if (
            following
            and is_known_label(text)
            and not is_known_label(following)
            and is_known_label(text + following)
            and (
                header_label(text + following) == header_label(text)
                or header_label(text + following) is Field.DEPARTMENT_CODE  # 主管部门 | 编码
            )
        ):
            joined.append(text + following)
            index += 2
            continue
        joined.append(text)
        index += 1
    return joined


def is_sub_column_heading(texts: list[str]) -> bool:
    """A row of a budget block's sub-column headings only (年初预算数 | 全年预算数 | …)."""
    return len(texts) >= 2 and all(budget_sub_column(text) is not None for text in texts)


def section_before_total(labels: list[str]) -> bool:
    """A row opening with the budget block's label (项目资金（元）) before its total's."""
    return (
        len(labels) > 2
        and header_label(labels[0]) is Field.BUDGET_SECTION
        and header_label(labels[1]) is Field.TOTAL
    )


def several_amounts(cells: Collection[str]) -> list[str]:
    """The differing amounts a label's value cells print one after another (120.00 | 136.50 |
    131.04 | 96% …: the values of sub-columns), or [] when its value is one amount (or the
    same amount repeated, 30 | 30 | 10 | 100%: no doubt which)."""
    values = list(itertools.takewhile(lambda t: t and is_budget_value(t), cells))
    amounts = [v for v in values if not v.rstrip().endswith(("%", "％")) and not _DASHES.match(v)]
    if len(values) < 3 or len(set(amounts)) < 2:
        return []
    return amounts


def is_block_part(label: str) -> bool:
    """A row label of a budget block's parts that the model does not keep (单位资金)."""
    return header_label(label) is None and is_known_label(label) and label.endswith("资金")


def leading_values(texts: list[str]) -> list[str]:
    """The values of a budget row: its cells up to the next label (in text of one cell per
    line the next row runs on: 238.93 | 251.89 | 其中：财政资金 | …)."""
    values: list[str] = []
    for text in texts:
        if is_known_label(text):
            break
        values.append(text)
    return values


def sub_column_values(columns: list[Field], values: list[str]) -> list[tuple[Field, str]]:
    """The budget row's values under their sub-columns.

    As many values as columns: by position. Fewer (empty cells vanished from the text, and
    which ones is not known): an amount column gets a value only when every way of choosing
    the vanished cells among the other columns gives it the same one (880 880 880 10 10
    under 年初 | 全年 | 执行 | 分值 | 执行率 | 得分: 全年 and 执行 are 880 whichever cell vanished;
    分值, 执行率, 得分 are not read). O(columns × vanished cells).
    """
    if len(values) >= len(columns):
        return list(zip(columns, values, strict=False))
    rates = [index for index, value in enumerate(values) if value.rstrip().endswith(("%", "％"))]
    if (
        len(rates) == 1
        and Field.EXECUTION_RATE in columns
        and columns.index(Field.EXECUTION_RATE) == rates[0]
    ):
        # the 执行率 stands in its own column: no cell vanished before it
        return list(zip(columns[: rates[0] + 1], values[: rates[0] + 1], strict=True))
    missing = len(columns) - len(values)
    found: list[tuple[Field, str]] = []
    for index, column in enumerate(columns):
        if column not in _AMOUNT_SUB_COLUMNS:
            continue
        # cells vanished before this column: at least those that do not fit after it
        low = max(0, missing - (len(columns) - 1 - index))
        candidates = {values[index - before] for before in range(low, min(missing, index) + 1)}
        if len(candidates) == 1:
            found.append((column, candidates.pop()))
    return found


def is_wrapped_rest(rest: IndicatorDraft, previous: IndicatorDraft) -> bool:
    """A row that holds only the second line of some cells of the row above (no 指标值 or no
    三级 name of its own, and nothing in a column the row above left empty); a level cell in
    it must complete the level above (服务对象满 | 意度指标)."""
    filled = {name for name, text in rest.cells.items() if text}
    if not filled or filled & _POINTS or not next_line(previous, rest):
        return False  # a 分值/得分 is never wrapped (a short cell): a row of its own
    above = {name for name, text in previous.cells.items() if text}
    if not filled <= above:
        return False
    if (
        Field.TARGET in filled
        and Field.NAME in filled
        and (
            filled & set(_LEVELS)
            or not value_continues(previous.get(Field.TARGET), rest.get(Field.TARGET))
            or stands_alone(previous.get(Field.NAME))
        )
    ):
        # a name and a 指标值: a row of its own, unless it prints no level, the name above is
        # cut and the 指标值 above is a number cut before its unit (≥1026 | 亩) or a comparator
        # alone (≤ | 3350台)
        return False
    if any(furniture_kind(text) for text in rest.cells.values() if text) or (
        rest.get(Field.NAME) and not_a_name(rest.get(Field.NAME))
    ):
        return False  # page furniture, a footer, a number: dropped as a row, with a finding
    if is_numbered_name(rest.get(Field.NAME)):
        return False  # a numbered name (指标2:…): a row
    for level in _LEVELS:
        if rest.get(level) and (
            normalize_level(level, previous.get(level) + rest.get(level)) is None
            or normalize_level(level, rest.get(level)) is not None
        ):
            return False
    return True


_POINTS: Final = frozenset({Field.WEIGHT, Field.SCORE})
_COMPARATOR_ONLY: Final = re.compile(r"^[≥≤≧≦<>=＝﹦＞＜]+$")
_DIGIT: Final = re.compile(r"\d")


def value_continues(before: str, rest: str) -> bool:
    """``rest`` is the end of the 指标值 ``before`` wrapped in its cell: ``before`` is a
    comparator alone (≤ | 3350台), or holds a number while ``rest`` holds none and is no
    grade of its own (≥1026 | 亩, ≤260万 | 元, 2019年10月25 | 日前; not 95% | 高)."""
    if _COMPARATOR_ONLY.match(before):
        return True
    return (
        bool(_DIGIT.search(before)) and not _DIGIT.search(rest) and clean_label(rest) not in GRADES
    )


def may_continue(rest: IndicatorDraft, previous: IndicatorDraft) -> bool:
    """A row with its own name and 指标值 that may still be the second line of the row above
    (its name is cut: 乡村道路硬化完成时 | 间, and it prints less than the row above: its
    short cells are on that line): read as its own row, both rows doubted (PRS024)."""
    if rest.get(Field.LEVEL1) or rest.get(Field.LEVEL2) or not next_line(previous, rest):
        return False
    filled = {name for name, text in rest.cells.items() if text}
    above = {name for name, text in previous.cells.items() if text} - set(_LEVELS)
    return filled < above and not stands_alone(previous.get(Field.NAME))


def next_line(previous: IndicatorDraft, rest: IndicatorDraft) -> bool:
    """``rest`` is one line, the line right after ``previous``'s last (a cell wraps onto the
    next physical line: rows rebuilt from several lines, or farther apart, are no rest)."""
    last = previous.source.line_end or previous.source.line
    return last is not None and rest.source.line_end is None and rest.source.line == last + 1


def normalize_level(level: Field, text: str) -> str | None:
    return normalize_level1(text) if level is Field.LEVEL1 else normalize_level2(text)


def prints_beside_name(indicator: IndicatorDraft) -> bool:
    """A row that prints more than a 三级 name (its description, 实际完成值, 分值 …). On a
    continuation page, a row with no levels, no 指标值 and nothing beside its name is the rest
    of the row cut before it — a whole row of the form prints its other cells. One CJK
    character beside the name (况 of a description cut at 情|况) is the rest of a cut cell too.
    """
    return any(text and not _ONE_CJK.fullmatch(text) for text in beside_name(indicator))


_ONE_CJK: Final = re.compile(r"[\u3400-\u9fff]")


def described_across(before: IndicatorDraft, rest: IndicatorDraft) -> bool:
    """The description cut by the break restates the joined name, not the two names apart
    (高标准 | 反映高 … 农田建设及时率 | 标准农田建设及时率情况): one row, whatever its halves
    read like. Linear in the cells' length."""
    names = before.get(Field.NAME), rest.get(Field.NAME)
    texts = before.get(Field.DESCRIPTION), rest.get(Field.DESCRIPTION)
    if not all(names) or not all(texts):
        return False
    apart = names[0] in texts[0] and names[1] in texts[1]
    return not apart and names[0] + names[1] in texts[0] + texts[1]


def ends_in_a_cut_cell(indicator: IndicatorDraft) -> bool:
    """The row before a page break holds one CJK character beside its name (反 of a
    description cut at 反|映…): the break cut the row, whatever its name reads like."""
    return any(_ONE_CJK.fullmatch(text) for text in beside_name(indicator))


def beside_name(indicator: IndicatorDraft) -> Iterator[str]:
    """The row's cells other than its name and levels (description, 指标值, 分值 …)."""
    return (text for name, text in indicator.cells.items() if name not in (Field.NAME, *_LEVELS))


_LEVELS: Final = (Field.LEVEL1, Field.LEVEL2)


def continues_name(before: str, rest: str) -> bool:
    """Whether a page's first row (no levels, no 指标值) is the rest of the row cut before it.

    The evidence must be in the text: the row has no 三级 name of its own (only a
    description's rest), or the names do not both stand alone — the name before the break
    is cut short (干部信息管 | 理信息系统…运行率) or the rest is a fragment (…工作 | 效果,
    …人数 | 及满意度), or only a measure with no object (…建设成本 | 控制率). Two whole names
    (…颁发率 | …合规率) are two rows when the second prints more than its name
    (:func:`prints_beside_name`, checked by the caller).
    """
    if not rest or len(clean_label(rest)) <= 2:
        return True  # (two characters are the end of a cut name: 情况, 年限)
    if is_bare_measure(rest):
        return True
    return not (stands_alone(before) and stands_alone(rest))


def framework_parent(level2: str) -> str | None:
    """The one 一级指标 the framework puts a 二级指标 under, or None (unknown or several)."""
    name = normalize_level2(level2)
    if name is None:
        return None
    parents = [level1 for level1, names in FRAMEWORK.items() if name in names]
    return parents[0] if len(parents) == 1 else None


def fits_level1(level1: str, indicator: IndicatorDraft) -> bool:
    """Whether a row's 二级 can be under the 一级 carried from the row above (True when
    either is outside the framework: nothing says otherwise)."""
    one, two = normalize_level1(level1), normalize_level2(indicator.get(Field.LEVEL2))
    if not level1:
        return False
    return one is None or two is None or can_be_under(one, two)


def is_preamble_text(text: str) -> bool:
    """A title, department or amount-unit line (what may come before a table)."""
    return (
        parse_unit_line(text) is not None
        or parse_department_line(text) is not None
        or (looks_like_title(text) and len(text) <= 80)
    )


def collect_drafts(grid: Grid) -> list[TableDraft]:
    """All table drafts in a grid, in document order."""
    collector = Collector(
        file=grid.file,
        merged_at_middle=grid.merged_at_middle,
        wraps_settled=grid.lines_as_printed,
    )
    rows = settle_wrapped_rows(grid.rows) if grid.lines_as_printed else grid.rows
    for row in rows:
        check_budget()
        collector.feed(row)
    if grid.ends_in_table and collector.in_indicators():
        assert collector.current is not None
        collector.current.cut = True
    drafts = [
        draft
        for draft in collector.drafts
        if draft.indicators or draft.project or rows_left_out(draft)
    ]
    if drafts:
        # amounts the running text states with their unit (a notice above its attached table)
        stated = stated_amounts(row.text for row in grid.rows if row.kind is RowKind.LINE)
        for draft in drafts:
            draft.stated_amounts = stated
    return drafts


def split_block_unit(row: Row, first: str) -> tuple[str | None, list[Cell]]:
    """The unit of a budget block's merged label wrapped onto the row's first cell ((万元) |
    年度资金总额 | 29), if it holds one, and the row's printed cells after it."""
    cells = [cell for cell in row.cells if cell.text]
    unit = label_unit(first) if len(cells) > 1 and not clean_label(first) else None
    return unit, cells[1:] if unit is not None else cells


def rows_left_out(draft: TableDraft) -> bool:
    """An indicator header whose rows a reader saw but left out (PRS010): the table is kept,
    with no rows, so that the doubts naming those lines reach the user instead of a bare
    “未找到绩效目标表”."""
    return draft.columns is not None and any(f.code == "PRS010" for f in draft.findings)


def block_total(text: str) -> bool:
    """The label of a budget block's total row under its sub-columns: 年度资金总额, or 合计
    (合计 | 236 | 236 under 年初预算资金总额 | 实际投入资金额)."""
    return header_label(text) is Field.TOTAL or clean_label(text) in BLOCK_TOTAL_LABELS
