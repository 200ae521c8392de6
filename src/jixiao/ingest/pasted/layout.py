"""Rebuilding grid rows from pasted cells: header block, indicator header, indicator rows.

The output is the common :class:`~jixiao.ingest.grid.Grid` the assembler reads: header rows
as ``label | value`` cells, the indicator header as one row of column labels, and every
indicator row with its cells under the right columns (empty cells put back). What could not be
placed with confidence is left out of the row and said in the row's ``doubts``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import takewhile
from typing import Final

from jixiao.ingest.budget import check_budget
from jixiao.ingest.grid import Cell, ReadingDoubt, Row, RowKind
from jixiao.ingest.pasted.alignment import (
    Placement,
    is_level_row,
    join_split_cells,
    place_cells,
    segment_rows,
)
from jixiao.ingest.pasted.cells import fit, is_measured_value, is_number, is_score
from jixiao.ingest.pasted.header import group_label_runs, group_whitespace_row, is_label
from jixiao.ingest.pasted.tokens import Token, is_furniture_line
from jixiao.model import SourceRef
from jixiao.model.framework import normalize_level1, normalize_level2
from jixiao.model.labels import (
    budget_sub_column,
    clean_label,
    column_field,
    column_label,
    header_label,
    implied_name_column,
    is_entity_label,
    is_indicator_header,
    is_name_stand_in,
    is_table_title,
    label_unit,
    printed_total,
    spanned_entity_columns,
    stand_in_name_column,
    total_label,
)
from jixiao.model.labels import (
    entity_columns as labels_entity_columns,
)
from jixiao.model.vocabulary import BLOCK_TOTAL_LABELS, COLUMN_NAMES, Field

# Where the indicator rows end: a note under the table, a signature line, a total.
# Free-text columns a 自评表 prints after 得分.
_AFTER_SCORE: Final = frozenset({Field.DEVIATION, Field.REMARK})
_FOOTER: Final = re.compile(
    r"^(?:注\s*[:：]|说明|其他需要?说明|填表人|填报人|审核人|联系电话|总分|合计"
    r"|附\s*[件表]\s*\d{1,2}\s*[:：]?\s*$)"  # 附件2: the next attachment (table) starts
)
# An unfilled template row: '……', '指标2:', '指标1:/ / /' (numbering and dashes, no content)
_TEMPLATE_NUMBER: Final = re.compile(r"^(?:指标|目标)\s*\d{1,2}\s*[:：、.．]")
_FILLER: Final = re.compile(r"^[/／\\\-—－…·.。、]*$")
# What is left of a lost 一级指标 cell: its section weight alone, '（50分）'
_SECTION_WEIGHT: Final = re.compile(r"^[（(]\s*\d{1,3}(?:\.\d+)?\s*分\s*[)）]$")
# the numbers printed in a cell (≥95% → 95)
_NUMBER_IN: Final = re.compile(r"\d+(?:\.\d+)?")

# Columns of free text (scoring standards, remarks) whose cells a table repeats row after row.
_FREE_TEXT_FIELDS: Final = frozenset({Field.DESCRIPTION, Field.REMARK, Field.DEVIATION, None})
_CUT_DOUBT: Final = "的指标行在原文末尾被截断，未读取"
_UNPLACED: Final = ReadingDoubt("PRS003", "的指标行无法对齐到各列，已跳过")
_SPLIT_DOUBT: Final = "可能是一个含空格的单元格，也可能是两个单元格，该行未读取"


@dataclass(frozen=True, slots=True)
class Column:
    field: Field | None
    label: Token
    # one of several 指标值 columns, one per town or unit (西坪镇 | 桃舟乡 | …): see
    # :func:`entity_columns`
    per_entity: bool = False

    @property
    def name(self) -> str:
        if self.field is None:
            return self.label.text
        return COLUMN_NAMES.get(self.field, self.label.text)


@dataclass(slots=True)
class RowBuilder:
    """Grid rows for one file, in reading order."""

    file: str
    rows: list[Row] = field(default_factory=list)
    cut: int | None = None  # the line where the text stops inside a cell (see tokens.cut_line)
    last: int | None = None  # the text's last line holding text (see tokens.last_line)
    # the rows built last are indicator rows: a 合计 row after them is the table's total
    after_indicators: bool = False
    # the cells are pieces of text split at spaces: one may be a cell cut at a space inside
    spaced: bool = False

    def source(self, tokens: Sequence[Token]) -> SourceRef:
        first, last = tokens[0].line, tokens[-1].line
        return SourceRef(file=self.file, line=first, line_end=last if last != first else None)

    def line(self, tokens: Sequence[Token], doubts: tuple[ReadingDoubt, ...] = ()) -> None:
        text = " ".join(t.text for t in tokens)
        printed = " ".join(t.printed for t in tokens)
        cell = Cell(text, 0, printed=printed if printed != text else None)
        self.rows.append(Row(RowKind.LINE, (cell,), self.source(tokens), doubts=doubts))

    def doubt(self, tokens: Sequence[Token], doubt: ReadingDoubt) -> None:
        """Text the reader could not turn into a row with confidence: a line with the doubt."""
        text = "".join(t.text for t in tokens)
        printed = "".join(t.printed for t in tokens)
        cell = Cell(text, 0, printed=printed if printed != text else None)
        self.rows.append(Row(RowKind.LINE, (cell,), self.source(tokens), doubts=(doubt,)))

    def table(
        self,
        cells: Sequence[Token | None],
        tokens: Sequence[Token],
        doubts: tuple[ReadingDoubt, ...] = (),
    ) -> None:
        placed = tuple(
            Cell(
                t.text if t else "",
                column,
                printed=t.printed if t is not None and t.printed != t.text else None,
            )
            for column, t in enumerate(cells)
        )
        self.rows.append(Row(RowKind.TABLE, placed, self.source(tokens), doubts=doubts))

    # --- header block ---------------------------------------------------------------------

    def total_row(self, cells: Sequence[Token], *, whole: bool = False) -> bool:
        """A row holding a 自评表's total (其他需要说明事项 | 无 | 总分 | 100 | 96 | 优 after the
        indicator rows; :func:`~jixiao.model.labels.printed_total`) is built as a table row, which
        the assembler reads the total from (``whole``: only when the total starts the cells)."""
        total = printed_total([t.text for t in cells], under_indicators=self.after_indicators)
        if total is None or (whole and total.start):
            return False
        self.table(cells, cells)
        self.after_indicators = False
        return True

    def header_groups(self, groups: list[list[Token]]) -> None:
        index = 0
        while index < len(groups):
            # one cell per line: a budget block's total row (合计 | 236 | 236 | note) is cells
            # in groups of one (合计 is no label)
            run = list(takewhile(lambda g: len(g) == 1, groups[index : index + 6]))
            block = next(
                (n for n in range(len(run), 1, -1) if is_block_total([g[0] for g in run[:n]])),
                0,
            )
            if block:
                cells = [g[0] for g in run[:block]]
                self.table(cells, cells)
                index += block
                continue
            # one cell per line: a total row's cells are groups of one (总分 | 100 | 96)
            singles = [g[0] for g in groups[index : index + 6] if len(g) == 1]
            taken = next(
                (n for n in range(len(singles), 1, -1) if self.total_row(singles[:n], whole=True)),
                0,
            )
            if taken:
                index += taken
                continue
            self.after_indicators = False
            group = groups[index]
            if len(group) == 1 and not is_label(group[0]):
                self.line(group)
            else:
                self.table(group, group)
            index += 1

    def header_rows(self, rows: list[list[Token]], *, whitespace: bool) -> None:
        """Rows of a row-structured form (pipes, spaces) before the indicator header."""
        after_label = False
        for index, row in enumerate(rows):
            if row and self.total_row(row):  # before a space-separated row's words are joined
                after_label = False
                continue
            if is_block_total(row):
                # 合计 | 236 | 236 under a budget block's sub-columns: its total row, not a
                # footer (its cells as printed: no label among them to group words by)
                self.table(row, row)
                after_label = False
                continue
            cells = group_whitespace_row(row) if whitespace else row
            if not cells:
                continue
            below = rows[index + 1] if index + 1 < len(rows) else []
            if (
                not whitespace
                and all(is_label(t) for t in cells)
                and below
                and not any(is_label(t) for t in below)
            ):
                # a sub-table: labels over their values (总体目标 | 中期目标 | 年度目标)
                self.header_groups(pair_labels_with_values(cells, below))
                rows[index + 1] = []
                after_label = False
                continue
            self.after_indicators = False
            if _FOOTER.match(cells[0].text) or is_furniture_line(cells[0].text):
                self.line(cells)  # a note under a table: no table row
                after_label = False
            elif is_label(cells[0]):
                self.table(cells, row)
                after_label = True
            elif whitespace and after_label and not any(is_label(t) for t in cells):
                # a value printed under its label (goals one per line): a continuation row
                self.table([None, *cells], row)
            elif len(cells) == 1:
                self.line(cells)
                after_label = False
            elif not whitespace and len(cells) > 1 and is_table_title(cells[0].text):
                # the title run into the header block's cells (one cell per line with no
                # row breaks): the title, then each label with the values after it
                self.line(cells[:1])
                self.header_groups(group_label_runs(cells[1:]))
                after_label = False
            elif not whitespace and labels_own_values(cells):
                # labels after an unlabelled cell (公开14表 | 项目名称 | 甲 | 主管部门 | 乙):
                # each label owns the values after it
                self.header_groups(group_label_runs(cells))
                after_label = False
            else:
                self.table(cells, row)

    # --- indicator header -------------------------------------------------------------------

    def column_header(self, columns: list[Column]) -> None:
        tokens = [c.label for c in columns]
        cells = [
            Token(c.name, c.label.printed, c.label.line)
            if c.field is not None and column_label(c.label.text) is None and not c.per_entity
            else c.label
            for c in columns
        ]
        if any(c.per_entity for c in columns):
            # the per-unit columns keep their names (no field of the model); the value they
            # share goes in one 指标值 column after them
            cells.append(Token(COLUMN_NAMES[Field.TARGET], "", tokens[-1].line))
        self.table(cells, tokens)

    # --- indicator rows ---------------------------------------------------------------------

    def indicator_rows(self, rows: list[list[Token]], columns: list[Column]) -> None:
        """Place each row's cells. Rows that hold only level names (an empty 经济效益指标 row,
        a 一级 label on its own line) give their 一级/二级 to the next row; unfilled template
        rows (指标2:, ……) and a lost 一级 cell's section weight (（50分）) are dropped."""
        fields = [c.field for c in columns]
        pending: Levels = (None, None)
        # texts placed in free-text columns (评分标准, 备注) of earlier rows: printed again,
        # they are that column's cell again, not a 三级指标
        free_texts: set[str] = set()
        placed: list[tuple[int, frozenset[Field]]] = []  # rows built: index, fields filled
        for number, tokens in enumerate(rows, start=1):
            check_budget()
            texts = [t.text for t in tokens]
            if self.cut is not None and any(t.line == self.cut for t in tokens):
                # the text stops inside this row: what it holds is not the whole row
                self.line(tokens, (ReadingDoubt("PRS011", _CUT_DOUBT),))
                if number == len(rows):
                    self.withhold_cut_start(placed)
                continue
            if is_template_filler(texts):
                continue
            levels = [t for t in tokens if t.text not in free_texts]
            if is_level_row([t.text for t in levels]):
                # level cells with no indicator under them (and perhaps the row's remark)
                for token in levels:
                    pending = add_level(pending, token)
                continue
            if self.spaced:
                joined = join_split_cells(tuple(texts), tuple(fields))
                if joined.join is not None:
                    tokens = join_pieces(tokens, joined.join)
                    texts = [t.text for t in tokens]
                elif joined.doubt is not None:
                    # one cell with a space inside or two cells: the row is not read
                    pair = f"“{texts[joined.doubt]}”与“{texts[joined.doubt + 1]}”"
                    self.line(tokens, (ReadingDoubt("PRS003", f"中{pair}{_SPLIT_DOUBT}"),))
                    continue
            open_end = self.last is not None and any(t.line == self.last for t in tokens)
            placement = place_row(texts, fields, open_end=open_end)
            if placement is None:
                # a row of the table that fits no placement: a doubt when it holds a 指标值
                # (a line after the table is dropped as what follows it, never this)
                self.line(tokens, (_UNPLACED,) if any(map(is_measured_value, texts)) else ())
                continue
            cells: list[Token | None] = [None] * len(columns)
            for token, place in zip(tokens, placement.places, strict=True):
                if place is not None:
                    cells[place] = token
                    if fields[place] in _FREE_TEXT_FIELDS and len(token.text) >= 4:
                        free_texts.add(token.text)
            doubts: list[ReadingDoubt] = []
            if placement.uncertain:
                doubts.append(uncertain_doubt(tokens, placement.uncertain, columns, placement))
                if Field.NAME in fields and cells[fields.index(Field.NAME)] is None:
                    # no 三级指标 that can be trusted: no indicator, only the doubt
                    self.line(tokens, tuple(doubts))
                    pending = (None, None)
                    continue
            give_levels(cells, fields, pending)
            pending = (None, None)
            if is_cut(cells, fields) and not placement.uncertain:
                target = fields.index(Field.TARGET)
                name_cell = cells[fields.index(Field.NAME)]
                name = name_cell.text if name_cell is not None else texts[0]
                if number == len(rows) and not any(cells[target + 1 :]):
                    # the text ends inside this row: its name, perhaps cut, and nothing else
                    doubt = ReadingDoubt("PRS011", f"的指标“{name}”在原文结尾处被截断，未读取")
                    self.table([], tokens, (doubt,))  # no cells: only the doubt is kept
                    continue
                why = "指标值为空" if any(cells[target + 1 :]) else "可能被截断"
                doubts.append(ReadingDoubt("PRS011", f"的指标“{name}”所在行没有指标值，{why}"))
            entity = [i for i, c in enumerate(columns) if c.per_entity]
            if entity:
                shared, differ = shared_value([cells[i] for i in entity], columns, entity)
                cells.append(shared)
                if differ is not None:
                    doubts.append(differ)
            self.table(cells, tokens, tuple(doubts))
            filled = frozenset(f for f, c in zip(fields, cells, strict=False) if f and c)
            placed.append((len(self.rows) - 1, filled))
        self.after_indicators = True

    def withhold_cut_start(self, placed: list[tuple[int, frozenset[Field]]]) -> None:
        """The text stops inside the last row: the row read just before it may be that
        row's beginning, split off (name | 分值 read as name | 指标值, then the cut ``>=9``).
        It is when it lacks a cell that every other row of the table fills (at least two
        rows to tell): then it is no row, only a doubt (PRS011). O(rows)."""
        if len(placed) < 3 or placed[-1][0] != len(self.rows) - 2:
            return
        index, filled = placed[-1]
        others = frozenset.intersection(*(f for _, f in placed[:-1]))
        missing = others - filled
        if not missing:
            return
        row = self.rows[index]
        name = row.text
        doubt = ReadingDoubt("PRS011", f"的指标行“{name[:40]}”在原文结尾处被截断，未读取")
        self.rows[index] = Row(RowKind.LINE, (Cell(name, 0),), row.source, doubts=(doubt,))

    def indicator_stream(self, tokens: list[Token], columns: list[Column]) -> None:
        fields = [c.field for c in columns]
        texts = [t.text for t in tokens]
        rows = [tokens[a:b] for a, b in segment_rows(texts, fields, spaced=self.spaced)]
        self.indicator_rows(rows, columns)


def join_pieces(tokens: list[Token], index: int) -> list[Token]:
    """Pieces ``index`` and ``index + 1`` of a spaced row as the one cell they are, its space
    kept (``7 岁以下儿童健康管理率``)."""
    first, second = tokens[index], tokens[index + 1]
    cell = Token(f"{first.text} {second.text}", f"{first.printed} {second.printed}", first.line)
    return [*tokens[:index], cell, *tokens[index + 2 :]]


def labels_own_values(cells: Sequence[Token]) -> bool:
    """A header row whose first cell is no label but whose later cells are label | value
    pairs (公开14表 | 项目名称 | 甲 | 主管部门 | 乙); not a column-heading row of another
    table (序号 | 乡镇名称 | 项目名称 | 金额 | 备注), where a label is followed by a label."""
    owners = [i for i in range(1, len(cells)) if header_label(cells[i].text) is not None]
    return bool(owners) and all(
        i + 1 == len(cells)  # its values on the rows below
        or (not is_label(cells[i + 1]) and column_label(cells[i + 1].text) is None)
        for i in owners
    )


def shared_value(
    values: Sequence[Token | None], columns: Sequence[Column], entity: Sequence[int]
) -> tuple[Token | None, ReadingDoubt | None]:
    """The 指标值 of a row with one value column per town or unit: the value they all print;
    when they differ (or one is empty) no value is read and the row carries a doubt."""
    texts = {v.text if v is not None else "" for v in values}
    if len(texts) == 1 and values[0] is not None:
        return values[0], None
    printed = "、".join(
        f"{columns[i].label.text}“{v.text if v is not None else ''}”"
        for i, v in zip(entity, values, strict=True)
    )
    return None, ReadingDoubt("PRS010", f"的各列指标值不同，未读取：{printed}", values_only=True)


def entity_columns(columns: list[Column]) -> list[Column]:
    """A header with one value column per town or unit (西坪镇尧山村 | 桃舟乡吾培村 | …: a
    target table for several towns or units, :func:`~jixiao.model.labels.entity_columns`):
    those columns are 指标值 columns, read together (:func:`shared_value`). Other headers are
    returned unchanged. O(columns)."""
    fields, texts = [c.field for c in columns], [c.label.text for c in columns]
    tail = set(labels_entity_columns(fields, texts))
    spanned = set(spanned_entity_columns(fields, texts))
    if spanned:  # 指标值 | 禾川镇 | 石桥镇: the 指标值 label spans the region columns
        columns = [c for i, c in enumerate(columns) if i != min(spanned) - 1]
        tail = {i - 1 for i in spanned}
    if not tail:
        return columns
    return [Column(Field.TARGET, c.label, per_entity=True) if i in tail else c
            for i, c in enumerate(columns)]  # fmt: skip


def is_cut(cells: Sequence[Token | None], fields: Sequence[Field | None]) -> bool:
    """An indicator row with a name but no 指标值."""
    if Field.NAME not in fields or Field.TARGET not in fields:
        return False
    return cells[fields.index(Field.NAME)] is not None and cells[fields.index(Field.TARGET)] is None


def pair_labels_with_values(labels: list[Token], values: list[Token]) -> list[list[Token]]:
    """Column labels over a row of values: the first label is the row's own when there is
    one value fewer than labels (年度总体目标 | 预期目标 | 实际完成情况 over two values)."""
    if len(values) == len(labels) - 1:
        pairs = zip(labels[1:], values, strict=True)
        return [[labels[0]], *([label, value] for label, value in pairs)]
    if len(values) == len(labels):
        return [[label, value] for label, value in zip(labels, values, strict=True)]
    return group_label_runs([*labels, *values])


def place_row(
    texts: Sequence[str], fields: Sequence[Field | None], *, open_end: bool = False
) -> Placement | None:
    """:func:`place_cells`, knowing that a 自评表 fills 分值 and 得分 on every row: a row ending
    in two numbers that can be a 分值 and its 得分 (得分 ≤ 分值) — perhaps followed by one
    text cell, its 偏差原因 or 备注 — has them there, and the cells before them are placed under
    the columns before 分值 (``1 1 10 10``, ``10 10`` and ``10 9 受天气影响`` alike).

    A row the text ends on (``open_end``) may have lost its last cells: when its 指标值 is
    placed but its 实际完成值 is not, its last two numbers are 分值 | 得分 or 实际完成值 | 分值
    with the 得分 cut off (``≥ 95 % 95 10.00``), and both are left out as uncertain. So are
    they in any row whose first number repeats its 指标值's (``≥95% 95 10``: an actual that met
    the target, and a 分值 with its 得分 left blank, as likely as a 分值 95).
    One placement more than :func:`place_cells`: the same bound."""
    if Field.WEIGHT in fields and Field.SCORE in fields:
        weight, score = fields.index(Field.WEIGHT), fields.index(Field.SCORE)
        after = [i for i in range(score + 1, len(fields)) if fields[i] in _AFTER_SCORE]
        tail = 1 if texts and not is_number(texts[-1]) and after else 0
        numbers = len(texts) - tail
        if (
            score == weight + 1
            and numbers >= 3
            and is_score(texts[numbers - 1])
            and is_score(texts[numbers - 2])
            and float(texts[numbers - 1]) <= float(texts[numbers - 2])
            and float(texts[numbers - 2]) > 0  # an indicator listed is never weighted 0
        ):
            head = place_cells(texts[: numbers - 2], fields[:weight])
            if head is not None and not value_apart(fields, head):
                places = (*head.places, weight, score, *after[:tail])
                first = texts[numbers - 2]
                if (
                    not tail
                    and (open_end or restates_target(texts, head, fields, first))
                    and lost_actual(fields, head, first)
                ):
                    actual = fields.index(Field.ACTUAL)
                    pair = (numbers - 2, numbers - 1)
                    return Placement(
                        (*head.places, None, None),
                        head.score,
                        (*head.uncertain, *pair),
                        (*head.choices, (actual, weight), (weight, score)),
                    )
                return Placement(places, head.score, head.uncertain, head.choices)
    return place_cells(texts, fields)


def restates_target(
    texts: Sequence[str], head: Placement, fields: Sequence[Field | None], number: str
) -> bool:
    """``number`` is the number of the row's 指标值 cell (95 after ≥95%)."""
    if Field.TARGET not in fields:
        return False
    target = fields.index(Field.TARGET)
    cell = next((t for t, p in zip(texts, head.places, strict=False) if p == target), None)
    return cell is not None and float(number) in map(float, _NUMBER_IN.findall(cell))


def value_apart(fields: Sequence[Field | None], head: Placement) -> bool:
    """The cells before a row's last two numbers hold the 指标值's unit or comparator but not
    its number (``% | ≥ | 90 | 5``, a split-column form with an empty 实际完成值): the first
    number is then the 指标值, not a 分值."""
    if Field.TARGET not in fields or fields.index(Field.TARGET) in head.places:
        return False
    parts = {i for i, field in enumerate(fields) if field in (Field.UNIT, Field.OPERATOR)}
    return bool(parts & set(head.places))


def lost_actual(fields: Sequence[Field | None], head: Placement, number: str) -> bool:
    """The cells before a row's last two numbers fill its 指标值 but not its 实际完成值,
    which the first of the two numbers can be."""
    if Field.ACTUAL not in fields or Field.TARGET not in fields:
        return False
    placed = set(head.places)
    actual, target = fields.index(Field.ACTUAL), fields.index(Field.TARGET)
    return target in placed and actual not in placed and fit(number, Field.ACTUAL) is not None


def is_template_filler(texts: Sequence[str]) -> bool:
    """An unfilled row of the template: numbering and dashes only (指标2:, ……, 指标1:/ / /),
    or a lost 一级指标 cell's section weight (（50分）)."""
    if len(texts) == 1 and _SECTION_WEIGHT.match(texts[0]):
        return True
    return all(_FILLER.match(_TEMPLATE_NUMBER.sub("", text, count=1)) for text in texts)


Levels = tuple[Token | None, Token | None]


def add_level(levels: Levels, token: Token) -> Levels:
    """The 一级/二级 names printed on rows above an indicator row, one more name read.

    A name that is only a 一级 starts over; a name that is only a 二级 replaces the 二级 (and
    makes a name that could be either, read before it, the 一级: 满意度指标 / 服务对象满意度指标);
    a name that could be either (满意度指标, 成本指标) is taken as the 二级 until then.
    Constant time.
    """
    one, two = levels
    as_one = normalize_level1(token.text) is not None
    as_two = normalize_level2(token.text) is not None
    if as_one and not as_two:
        return (token, None)
    if one is None and two is not None and normalize_level1(two.text) is not None and as_two:
        return (two, token)  # two names on the rows above: the first is the 一级
    return (one, token)


def give_levels(cells: list[Token | None], fields: Sequence[Field | None], levels: Levels) -> None:
    """Fill a row's empty 一级/二级 cells with the names printed on the rows above it."""
    if Field.LEVEL1 not in fields or Field.LEVEL2 not in fields:
        return
    column_one, column_two = fields.index(Field.LEVEL1), fields.index(Field.LEVEL2)
    one, two = levels
    if (
        one is None
        and two is not None
        and cells[column_two] is not None
        and normalize_level1(two.text) is not None
    ):
        one, two = two, None  # the row prints its own 二级: the name above is its 一级
    if cells[column_one] is None and one is not None:
        cells[column_one] = one
    if cells[column_two] is None and two is not None:
        cells[column_two] = two


def uncertain_doubt(
    tokens: Sequence[Token], uncertain: Sequence[int], columns: list[Column], placement: object
) -> ReadingDoubt:
    from jixiao.ingest.pasted.alignment import Placement

    assert isinstance(placement, Placement)
    parts = []
    for i, choices in zip(uncertain, placement.choices, strict=True):
        names = sorted({columns[c].name for c in choices})
        parts.append(f"“{tokens[i].text}”（{'或'.join(names)}）")
    structure = {Field.LEVEL1, Field.LEVEL2, Field.NAME}
    values_only = all(columns[c].field not in structure for cs in placement.choices for c in cs)
    message = f"的单元格位置无法确定，未读取：{'、'.join(parts)}"
    return ReadingDoubt("PRS010", message, values_only=values_only)


def header_columns(tokens: Sequence[Token], above: Sequence[Token] = ()) -> list[Column]:
    """The indicator columns from a header row (and the row above it, for a two-row header).

    A leading cell that names no column (绩效指标, 本年度绩效指标: a label merged down the
    indicator rows) is dropped; a number after the labels is the section's maximum score
    printed over the 得分 column. A label printed again right after itself (a merged header
    cell a flattener repeated, or a mutation repeating a line) is one column: the header's
    width, which every row's placement costs, stays that of the template. O(labels).
    """
    columns: list[Column] = []
    for token in tokens:
        kind = column_field(token.text)
        previous = columns[-1] if columns else None
        if (
            previous is not None
            and kind is not None
            and previous.field is kind
            and clean_label(previous.label.text) == clean_label(token.text)
        ):
            continue
        columns.append(Column(kind, token))
    while columns and columns[0].field is None:
        columns.pop(0)
    stand_in = stand_in_name_column([c.field for c in columns], [c.label.text for c in columns])
    if stand_in is not None:  # 一级指标 | 二级指标 | 指标内容 | 指标值
        columns[stand_in] = Column(Field.NAME, columns[stand_in].label)
    implied = implied_name_column([c.field for c in columns], [c.label.text for c in columns])
    if implied is not None:  # 一级指标 | 二级指标 | (三级, unlabelled) | 绩效标准 | 当年预期实现值
        line = columns[implied].label.line
        columns.insert(implied, Column(Field.NAME, Token("三级指标", "", line)))
    known = {c.field for c in columns}
    extra = [Column(column_field(t.text), t) for t in above]
    seen_target = False
    for column in extra:
        if column.field is Field.TARGET:
            seen_target = True
        elif seen_target and column.field is not None and column.field not in known:
            columns.append(column)
    if columns and is_number(columns[-1].label.text) and Field.SCORE not in known:
        columns[-1] = Column(Field.SCORE, columns[-1].label)
    return columns


def is_header_row(tokens: Sequence[Token]) -> bool:
    return is_indicator_header([t.text for t in tokens])


def is_block_total(cells: Sequence[Token]) -> bool:
    """A budget block's total row in the header block, no footer: 合计 | 236 | 236, and the
    note of the block's last column after the amounts (合计 | 182.4 | 176.9 | 岗位空缺)."""
    if cells and label_unit(cells[0].text) and not clean_label(cells[0].text):
        cells = cells[1:]  # （万元） 合计 | …: the unit of the block's label wrapped onto the row
    if not cells:
        return False
    amounts = 0
    while 1 + amounts < len(cells) and is_number(cells[1 + amounts].text):
        amounts += 1
    rest = cells[1 + amounts :]
    return (
        clean_label(cells[0].text) in BLOCK_TOTAL_LABELS
        and amounts > 0
        and len(rest) <= 1
        and not any(is_label(t) for t in rest)
    )


def is_stop(token: Token) -> bool:
    """Where the indicator rows end: a footnote, a signature, a total (总分, 合计, 总计), a
    header-block label, or the title of the next table (several tables pasted one after
    another). A budget block's sub-column label (执行率, 预算执行率, 执行数) is no stop: a
    管理指标 row names its 三级 that way, and a next table's budget block comes after its
    项目名称 or 单位名称."""
    if (
        _FOOTER.match(token.text)
        or is_table_title(token.text)
        or total_label(token.text)
        or is_furniture_line(token.text)
    ):
        return True
    return (
        is_label(token)
        and column_label(token.text) is None
        and budget_sub_column(token.text) is None
    )


def stream_header_end(tokens: Sequence[Token], start: int) -> int:
    """The end of the column labels starting at ``start`` (and a trailing score number)."""
    end = start
    while end < len(tokens) and (
        column_field(tokens[end].text) is not None
        or (  # 一级指标 | 二级指标 | 绩效指标 | 指标值: the 三级 names' stand-in label
            end > start
            and column_field(tokens[end - 1].text) is Field.LEVEL2
            and is_name_stand_in(tokens[end].text)
        )
    ):
        end += 1
    if end < len(tokens) and is_number(tokens[end].text):
        end += 1
    else:
        # one 指标值 column per region may follow: headed by the regions' names where no 指标值
        # is printed (… | 三级指标 | 城关镇 | 新河乡), or with 指标值 over them (a two-row header)
        after = end
        while after < len(tokens) and is_entity_label(tokens[after].text):
            after += 1
        texts = [t.text for t in tokens[start:after]]
        fields = [column_field(t) for t in texts]
        if labels_entity_columns(fields, texts) or spanned_entity_columns(fields, texts):
            end = after
    return end
