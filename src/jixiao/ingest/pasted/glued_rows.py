"""Indicator rows of glued text: typed pieces, cut by a dynamic programme, doubts kept.

A row is the header's columns in order — (一级, 二级,) 三级指标, then value columns (分值, 计量单位,
指标性质, 指标值, 实际值, 得分 …) — each printed or empty, with nothing between them. Every
column has a *shape* (:class:`Shape`): a level name, a 三级指标, a 指标值 the grammar reads (or
a grade, or short free text), a unit, an operator, a score number, a rate, 是/否, free text. A
piece of text scores by how well it fits the shape of its column; an empty cell costs what an
empty cell of that column is unlikely to be; a cut between two digits costs a little (it is a
guess the text does not show); every row costs a little.

Between two level names (blob text) or on one line (one row per line) the text is read by a
dynamic programme over states ``(position, column)``: from each state a piece of the next
column starts (at most ``_MAX_PIECE`` characters long) or the column is left empty; after the
last column a row ends. With ``n`` characters, ``m`` columns and pieces of at most ``L``
characters it takes O(n · m · L) piece scorings (each cached), and as much again backwards.

The best reading is not taken on trust: a forward and a backward pass give, for every piece,
the score of the best whole reading that uses it. A piece not in the best reading whose best
reading scores within ``_MARGIN`` of the best is a real alternative: the rows of the best
reading that overlap it are not emitted, and carry the doubt PRS010 naming their text instead.
A row whose 指标值 or 实际值 vanished in a self-evaluation (where cells of the same shape could
have moved) is doubted the same way. A row whose cut fell between two digits or inside a value
printed twice carries the info doubt PRS012.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING, Final, NamedTuple

from jixiao.ingest.budget import check_budget
from jixiao.ingest.grid import ReadingDoubt
from jixiao.ingest.pasted.cells import is_comparator, is_direction, is_level_name, is_unit
from jixiao.ingest.pasted.glued_levels import (
    LEVEL,
    SECTION_LABEL,
    LevelMatch,
    find_levels,
    is_level_one,
    is_level_two,
    level_token,
    settle_levels,
    under_management,
)
from jixiao.ingest.pasted.tokens import Token
from jixiao.model import TargetKind
from jixiao.model.framework import evaluation_level, is_management_area, normalize_level2
from jixiao.model.labels import (
    ends_name_surely,
    is_anagram,
    is_bare_measure,
    stands_alone,
    unkept_column_shape,
)
from jixiao.model.vocabulary import (
    BASELINES,
    DIRECTIONS,
    GRADES,
    MISREAD_DIGITS,
    PLACEHOLDER_WORDS,
    PREFIX_OPERATORS,
    REVERSE_NAME_WORDS,
    STATEMENT_LEADS,
    STATEMENT_PHRASES,
    STATEMENT_VERBS,
    TREND_FILLERS,
    Field,
    alternation,
)
from jixiao.targets import parse_target

if TYPE_CHECKING:
    from jixiao.ingest.pasted.glued import GluedText
    from jixiao.ingest.pasted.layout import Column, RowBuilder

_CJK: Final = re.compile(r"[\u3400-\u9fff]")
_SCORE_PIECE: Final = re.compile(r"(?:100|[1-9]?\d)(?:\.\d{1,2})?")
_RATE_PIECE: Final = re.compile(r"(?:100|[1-9]?\d)(?:\.\d{1,2})?%")
_LEVEL: Final = LEVEL
# a level cell of a form whose levels are its own (制度指标, 项目年度绩效目标(定量指标))
_LEVEL_LIKE: Final = re.compile(
    r"^(?:(?!指标)[\u3400-\u9fff]){1,16}(?:指标|绩效目标)(?:[（(][^（()）]{1,10}[)）])?$"
)
_SECTION_LABEL: Final = SECTION_LABEL
_WORD_COMPARATORS: Final = tuple(w for w in PREFIX_OPERATORS if len(w) >= 2)
_VALUE_LEADS: Final = (*_WORD_COMPARATORS, *BASELINES)
# A rate's name ends in 率: its value starts after it (…及时率|按规定时限); a name with words
# after a 率 (利用率无资产损失、利用率) may have taken the value's first words.
_RATE_STEM: Final = "率"
# names numbered within their 二级 (任务1:, 指标2：): where a row starts
_ENUMERATOR: Final = re.compile(r"(?:任务|指标|目标)\d{1,2}[:：]")
_RATE_INSIDE: Final = re.compile(r"率(?![、，,及和与或的之等（(])[\u3400-\u9fff]")
_VALUE_START: Final = re.compile(rf"[≥≤><=＝﹦\d+-]|{alternation(_WORD_COMPARATORS)}")
_LEADING_ZERO: Final = re.compile(r"^[≥≤><=＝﹦]?0\d")
# a deadline as a 指标值 is printed: 2024年12月31日前, 8月底前, 2023年2月底前完成, 2021年
_DEADLINE_VALUE: Final = re.compile(
    r"^(?:(?:19|20)\d{2}年度?)(?:(?:1[0-2]|[1-9])月(?:(?:[12]\d|3[01]|[1-9])日)?)?"
    r"(?:底|末|上旬|中旬|下旬)?(?:前|之前|以前)?(?:完成|前完成)?$"
    r"|^(?:1[0-2]|[1-9])月(?:(?:[12]\d|3[01]|[1-9])日|底|末|上旬|中旬|下旬)(?:前|之前|以前)?"
    r"(?:完成)?$"
)
_MAX_UNIT_TAIL: Final = 4  # characters a quantity's unit may continue past a cut (个|工作日)
_MAX_DATE_TAIL: Final = 8  # characters a deadline may continue past a cut (2021年|12月31日前)
_VALUE_WORDS: Final = frozenset(GRADES) | frozenset(PLACEHOLDER_WORDS)
_QUALITIES: Final = ("定性", "定量", "定性指标", "定量指标", "正向", "反向", "正向指标", "反向指标")
_NUMERIC_KINDS: Final = frozenset({TargetKind.NUMERIC, TargetKind.RANGE, TargetKind.DURATION})
# A 三级指标 starts with a word (or a quantity: 5000吨稻谷…) and ends with one; it holds no
# comparator or percent sign (those start a value).
_NAME: Final = re.compile(
    r"^(?:[\u3400-\u9fffA-Za-z(（“\"]|[1-9]).*[\u3400-\u9fffA-Za-z)）”\"]$|^[\u3400-\u9fff]$"
)
_NOT_IN_NAME: Final = re.compile(r"[≥≤><=＝﹦%]|^[（(][\u3400-\u9fff]")
# lower-case Latin glued to Chinese: OCR noise (tot扁 for 篇), not a name
_OCR_NOISE: Final = re.compile(r"[a-z]{2,}[\u3400-\u9fff]|[\u3400-\u9fff][a-z]{2,}")
_LONE_MISREAD: Final = re.compile(rf"(?<![A-Za-z])[{MISREAD_DIGITS}](?![A-Za-z])")
# a letter OCR prints for a digit, glued to one (1OO%, l38元): a number misread, in no cell
_MISREAD_NUMBER: Final = re.compile(
    rf"[\d≥≤><=＝﹦][{MISREAD_DIGITS}](?![A-Za-z])|(?<![A-Za-z])[{MISREAD_DIGITS}][\d.%‰]"
)
_ENDS_IN_QUANTITY: Final = re.compile(r"\d+(?:\.\d+)?[\u3400-\u9fff]{1,2}$")
# a run of glued digits over the scored columns of a row (指标值|分值|实际值|得分: 901010010)
_SCORED_FIELDS: Final = (Field.TARGET, Field.WEIGHT, Field.ACTUAL, Field.SCORE)
# a 自评表 row's figures: read only when each can be placed with certainty
_FIGURE_FIELDS: Final = frozenset({Field.ACTUAL, Field.WEIGHT, Field.SCORE})
_RUN_CHARACTERS: Final = "0123456789."
_DIGIT_RUN: Final = re.compile(r"[\d.]+")
_PRINTED_NUMBER: Final = re.compile(r"(?:0|[1-9]\d*)(?:\.\d*[1-9])?")
_RATIO_LOW: Final = Decimal("0.1")  # a 实际值 below a tenth of its 指标值 is no likely reading
_SHARE_TOLERANCE: Final = Decimal("0.2")
# OCR noise printed where a unit is (tot扁 for 篇): read only when the 指标值 has its own unit
_NOISY_UNIT: Final = re.compile(r"[a-z]{2,4}[\u3400-\u9fff]?")
_NOISY_UNIT_FIT: Final = 0.5
_MAX_NAME: Final = 40
_MAX_PIECE: Final = 16
_ROW_COST: Final = 3.0
_DIGIT_CUT: Final = 2.5  # a cut between two digits is a guess: prefer cuts the text shows
_TWICE: Final = 7.5  # a value printed twice, target = actual: 高高, 显著提升显著提升
_MIN_TWICE_SHOWN: Final = 4  # characters of free words whose repetition shows their ends
_MARGIN: Final = 0.75  # a reading this close to the best one is a real alternative
_FURNITURE: Final = 1.0  # the block's label at a page break: page furniture, not a name
_JUNK: Final = 6.0  # text that fits no cell (OCR noise) costs more than any cell is worth
_JUNK_PER_CHARACTER: Final = 0.5
_MAX_JUNK: Final = 8
_ALWAYS_FILLED: Final = 2.0  # an empty cell in a column every confident row fills
_TRUSTED_ROWS: Final = 3  # confident rows needed before a column counts as always filled
_BLANK_LINES: Final = 2  # more blank lines than this end a table printed one row per line
_LOOKAHEAD: Final = 2  # lines after one with no value where a row may show the table goes on
_QUALIFIERS: Final = ("以上", "以下", "以内", "左右")
_DESCRIPTION_ENDS: Final = ("情况", "程度", "水平", "比例", "效果", "效率")
_DESCRIPTION_TAILS: Final = ("情况", "程度")  # a description's end, no name's start
# a 指标描述 worded as descriptions are: 反映…情况, 考核…, 用于衡量…
_DESCRIPTION: Final = re.compile(
    r"^(?:用于|主要)?(?:反映|考核|衡量|评价)[\u3400-\u9fff、，,（）()]+$"
)
_DESCRIPTION_LEAD: Final = re.compile(r"(?:反映|考核|衡量|评价)")
# a whole 指标描述 (反映…情况) inside a name, with text after it: a row's description glued
# between two names (…成效|反映…成效情况|持续发挥作用|就业帮扶…: an unread value between)
_DESCRIPTION_INSIDE: Final = re.compile(
    rf"(?<=[\u3400-\u9fff])(?:反映|考核|衡量|评价)[\u3400-\u9fff]{{2,}}?"
    rf"(?:{alternation(_DESCRIPTION_ENDS)})(?=[\u3400-\u9fff])"
)
# a value that is a trend word: (明显|显著|有效…)?(提升|减少|改善…)
_TREND_VALUE: Final = re.compile(
    rf"^(?:{alternation([*TREND_FILLERS, '有效'])})?(?:{alternation([*DIRECTIONS, '改善'])})$"
)
# a value relative to a baseline: 超上年2%, 较上年增长5%
_RELATIVE_VALUE: Final = re.compile(
    rf"^(?:超|较|比|超过|高于|低于)(?:{alternation(BASELINES)})"
    rf"(?:(?:{alternation([*DIRECTIONS, '提高'])})?\d+(?:\.\d+)?%?)?$"
)
# a value that is a change by a quantity: 增372人次, 增收27万元, 下降1%
_CHANGE_LEADS: Final = (*DIRECTIONS, "增收", "减收", "增", "减")
_CHANGE: Final = re.compile(rf"^(?:{alternation(_CHANGE_LEADS)})(?=\d)")
# a statement's lead that is no name's last word (已, 全部 may end one: 资金全部|…)
_NAME_END_LEADS: Final = tuple(lead for lead in STATEMENT_LEADS if lead.startswith("按"))
# a qualitative value worded as how something is done (按规定公开, 已公开, 全部达成) or a
# whole wording of the vocabulary (专款专用, 不超过预算)
_STATEMENT: Final = re.compile(
    rf"^(?:{alternation(STATEMENT_LEADS)})(?:{alternation(STATEMENT_VERBS)})$"
    rf"|^(?:{alternation(STATEMENT_PHRASES)})$"
)
_FREE_VALUE: Final = 0.3
# A 指标值 that lists one clause per item of a name that lists several (安全性、利用率 |
# 无资产损失、利用率高于80%): each clause is what something is — a negation (不超编, 无违规支出),
# or a subject the name holds with a grade (绿化良好), a trend (水电费开支有下降) or a quantity
# (利用率高于80%, 签约率提高1%).
_NEGATION: Final = r"(?:不|无|未)[\u3400-\u9fff]{1,6}"
_CLAUSE_PREDICATE: Final = (
    rf"{_NEGATION}"
    rf"|(?:{alternation(g for g in GRADES if len(g) >= 2)})"
    rf"|(?:有所|有|明显|显著)?(?:{alternation([*DIRECTIONS, '提高'])})(?:\d+(?:\.\d+)?%?)?"
    rf"|(?:{alternation(_WORD_COMPARATORS)}|[≥≤><])\d+(?:\.\d+)?%?"
)
# a clause: a negation alone, or a subject and what it is
_CLAUSE: Final = re.compile(rf"{_NEGATION}|[\u3400-\u9fff]{{2,8}}(?:{_CLAUSE_PREDICATE})")
_SUBJECT: Final = re.compile(rf"(?P<subject>[\u3400-\u9fff]{{2,8}}?)(?:{_CLAUSE_PREDICATE})$")
_LIST_VALUE: Final = 4.0  # a list the grammar reads whole outweighs a quantity cut from it
_MAX_LIST: Final = 24
_REACHES: Final = "达到"
_MAX_DESCRIPTION: Final = 12
_MIN_REPEAT: Final = 4  # characters of text a name holding them twice is two names
_CJK_RUN: Final = re.compile(r"[\u3400-\u9fff]+")
_MAX_WORD: Final = 6  # characters of a worded value a name's end is checked against (有效提高)
# the words a line starts with, up to its first number or comparator (name and 指标说明)
_LEADING_WORDS: Final = re.compile(
    r"[\u3400-\u9fff、，,：:（）()“”]+"
)  # a 指标值 of free words (有效保障): weak, so any better cut wins


class Shape(StrEnum):
    """What the cells of a column look like."""

    LEVEL = "level"
    NAME = "name"
    VALUE = "value"  # 指标值, 实际值
    SPARE_VALUE = "spare_value"  # a value column the model does not keep (调整指标值)
    UNIT = "unit"
    OPERATOR = "operator"
    NUMBER = "number"  # 分值, 得分, 权重
    RATE = "rate"  # 得分系数 100%
    YES_NO = "yes_no"
    TEXT = "text"  # 备注, 偏差原因: free words at the row's end
    DESCRIPTION = "description"  # 指标描述: free words between the name and the values
    AREA = "area"  # the 二级 of a 管理指标: a management area (预算执行管理), in the row


_FIELD_SHAPES: Final[dict[Field, Shape]] = {
    Field.LEVEL1: Shape.LEVEL,
    Field.LEVEL2: Shape.LEVEL,
    Field.NAME: Shape.NAME,
    Field.DESCRIPTION: Shape.DESCRIPTION,
    Field.TARGET: Shape.VALUE,
    Field.ACTUAL: Shape.VALUE,
    Field.OTHER_PERIOD_TARGET: Shape.SPARE_VALUE,
    Field.UNIT: Shape.UNIT,
    Field.OPERATOR: Shape.OPERATOR,
    Field.DIRECTION: Shape.OPERATOR,
    Field.WEIGHT: Shape.NUMBER,
    Field.SCORE: Shape.NUMBER,
}
# what an empty cell costs: a row without its 指标值 is the least likely
_SKIP_COSTS: Final[dict[Field | None, float]] = {
    Field.TARGET: 4.0,
    Field.ACTUAL: 2.0,
    Field.WEIGHT: 2.0,
    Field.SCORE: 2.0,
}


@dataclass(frozen=True, slots=True)
class Slot:
    field: Field | None
    shape: Shape


def slot_of(column: Column) -> Slot:
    if column.field is not None:
        return Slot(column.field, _FIELD_SHAPES.get(column.field, Shape.TEXT))
    shape = unkept_column_shape(column.label.text)
    return Slot(None, Shape(shape) if shape is not None else Shape.TEXT)


def read_indicators(
    builder: RowBuilder,
    glued: GluedText,
    start: int,
    end: int | None,
    columns: list[Column],
    *,
    rows_are_lines: bool = False,
) -> None:
    fields = [c.field for c in columns]
    if Field.NAME not in fields:
        return
    stop = len(glued.text) if end is None else end
    if rows_are_lines:
        read_line_rows(builder, glued, start, stop, columns)
        return
    name = fields.index(Field.NAME)
    slots = tuple(slot_of(c) for c in columns[name:])
    if name > 0 and fields[name - 1] is Field.LEVEL2:
        # the 二级 cell, read in the rows only under a 管理指标 (its areas are no level names)
        slots = (Slot(Field.LEVEL2, Shape.AREA), *slots)
    # a 一级 weight printed as bare digits after its name (分解目标 | 自评权重 | 二级指标 …)
    weighted = Field.WEIGHT in fields[:name] and Field.LEVEL2 in fields[:name]
    levels = find_levels(glued.text, start, stop, weighted=weighted)
    # a form with level columns, or level names in its text: every row needs its 一级指标
    levelled = bool({Field.LEVEL1, Field.LEVEL2} & set(fields)) or any(
        not m.is_section_label for m in levels
    )
    level1: Token | None = None
    level2: Token | None = None
    position = start
    pending: list[Token] = []  # level names read since the last chunk
    matches: list[LevelMatch | None] = [*levels, None]
    # level columns, but text before the first level name: the form's levels are its own words
    # (预算编审管理), which glued text gives no boundary for
    first = levels[0].start if levels else stop
    own_levels = bool({Field.LEVEL1, Field.LEVEL2} & set(fields)) and bool(
        glued.text[start:first].replace(_SECTION_LABEL, "")
    )
    # no 一级 printed anywhere, the rows starting right under the header with a 二级 (a
    # preview that lost the merged 一级 cells): nothing of a 一级 can be glued into a row, and
    # each row's 一级 follows from its 二级 (the assembler fills it in, PRS014)
    if levelled and not own_levels and first == start and levels:
        levelled = any(
            is_level_one(m.name) and not is_level_two(m.name)
            for m in levels
            if not m.is_section_label
        )
    chunks: list[Chunk] = []
    for match in matches:
        chunk_end = match.start if match is not None else stop
        if chunk_end > position:
            level1, level2 = settle_levels(pending, level1, level2)
            # the chunk starts right after its printed 二级: its first row has its level cell
            printed = level2 is not None and any(level2 is name for name in pending)
            pending = []
            chunk = glued.text[position:chunk_end]
            offset = position
            if chunk.startswith(_SECTION_LABEL):
                chunk, offset = chunk[len(_SECTION_LABEL) :], offset + len(_SECTION_LABEL)
            chunk = chunk.removesuffix(_SECTION_LABEL)
            breaks = frozenset(
                i - offset for i in range(offset, offset + len(chunk)) if glued.starts_line(i)
            )
            cut = match is None and end is None
            chunks.append(Chunk(chunk, offset, breaks, level1, level2, cut, printed))
        if match is not None:
            if not match.is_section_label:
                line = glued.lines[min(match.start, len(glued.lines) - 1)]
                pending.append(level_token(glued.text, match, line))
            position = max(position, match.end)
    readings = read_twice(
        [Passage(c.text, c.breaks, under_management(c.level1)) for c in chunks], slots, whole=False
    )
    # a table whose confident rows never print a remark (说明, 备注): words after a row's last
    # number are not its remark
    remarks = ends_in_words(slots)
    printed = remarks and prints_remarks(
        [rows[:-1] if c.cut else rows for c, rows in zip(chunks, readings, strict=True)], slots
    )
    for item, rows in zip(chunks, readings, strict=True):
        missed = unsure = open_end = False
        for index, row in enumerate(rows):
            # a row with a real alternative reading: where it ends is not known (only its
            # own doubt counts: a row doubted for the row before it ends where it was read)
            contested = row.doubtful is not None
            if missed and row.doubtful is None:
                row = row.doubt("的上一行未得满分，其偏差原因可能粘连在本行前")
            elif (
                unsure
                and remarks
                and row.doubtful is None
                and not starts_shown(row, slots, item)
                and (printed or not after_number(row, item.text))
            ):
                row = row.doubt("的上一行未能读取，其末尾的说明文字可能粘连在本行前")
            if open_end and row.doubtful is None and not starts_shown(row, slots, item):
                row = row.doubt("的上一行未能读取，两行在文字之间相接，本行从何处开始无法确定")
            missed = fell_short(row, slots, item.text)
            unsure = contested
            if own_levels and row.doubtful is None:
                row = row.doubt("的一级/二级指标不在指标词汇中")
            left: tuple[int, int] | None = None
            if item.cut and index == len(rows) - 1:
                if remarks and not printed and row.doubtful is None:
                    row, left = drop_trailing_words(row, slots)
                row = cut_doubt(row, slots, item.text)
            row = level_doubt(
                row,
                item.text,
                slots,
                item.level1,
                levelled=levelled,
                after_level2=item.after_level2,
            )
            open_end = row.doubtful is not None and ends_between_words(
                row, item.text, slots, contested=contested
            )
            emit_row(builder, glued, item.offset, row, slots, columns, item.level1, item.level2)
            if left is not None:
                start, end = item.offset + left[0], item.offset + left[1]
                builder.doubt(
                    [glued.token(start, end)],
                    ReadingDoubt(
                        "PRS010", f"的文字“{glued.text[start:end][:40]}”位于截断的文字末尾，未读取"
                    ),
                )


def ends_between_words(
    row: GluedRow, chunk: str, slots: tuple[Slot, ...], *, contested: bool
) -> bool:
    """The row ends between two characters of text, in a cell the vocabulary does not word
    whole (公共卫生服务|服务水平…), or in a value of a row with another reading as likely
    (``contested``: its cells, its last one too, are not known; a 是/否 column's word ends
    where it ends): the next row starts where this reading put the end, which the text does
    not show."""
    end = max(b for a, b in row.cells if b > a)
    index, last = next(
        (i, chunk[a:b]) for i, (a, b) in reversed(list(enumerate(row.cells))) if b == end and b > a
    )
    yes_no = slots[index].shape is Shape.YES_NO
    shown = worded_value(last) and (yes_no or not contested)
    return 0 < end < len(chunk) and between_words(chunk, end) and not shown


def after_number(row: GluedRow, chunk: str) -> bool:
    """The row starts right after a number (…5010|森林火灾受害率): the row before ended in
    its 得分, when the table prints no remarks."""
    start = min(a for a, b in row.cells if b > a)
    return start > 0 and chunk[start - 1].isdigit()


def worded_target(row: GluedRow, chunk: str, slots: tuple[Slot, ...]) -> bool:
    """The row's 指标值 is a value the vocabulary words whole (:func:`worded_value`)."""
    fields = [slot.field for slot in slots]
    if Field.TARGET not in fields:
        return False
    a, b = row.cells[fields.index(Field.TARGET)]
    return b > a and worded_value(chunk[a:b])


def prints_remarks(readings: list[list[GluedRow]], slots: tuple[Slot, ...]) -> bool:
    """Whether the table prints remarks: a confident row fills a free-text column (说明,
    备注), or no row is confident (nothing shows the column empty). The last row of a cut
    text is left out by the caller: its words are the ones in question."""
    sure = [row for rows in readings for row in rows if row.doubtful is None]
    text = [i for i, slot in enumerate(slots) if slot.shape is Shape.TEXT]
    return not sure or any(row.filled(i) for row in sure for i in text)


def drop_trailing_words(
    row: GluedRow, slots: tuple[Slot, ...]
) -> tuple[GluedRow, tuple[int, int] | None]:
    """The last row of a cut text, in a table that prints no remarks: words read as its
    remark after its last number are the start of a row the cut lost, not part of this one.
    Returns the row without them and their span (None when the row ends otherwise)."""
    filled = [i for i in range(len(slots)) if row.filled(i)]
    if len(filled) < 2 or slots[filled[-1]].shape is not Shape.TEXT:
        return row, None
    if slots[filled[-2]].shape is not Shape.NUMBER:
        return row, None
    start, end = row.cells[filled[-1]]
    cells = tuple((start, start) if i == filled[-1] else cell for i, cell in enumerate(row.cells))
    return replace(row, cells=cells), (start, end)


@dataclass(frozen=True, slots=True)
class Chunk:
    """Glued text between two level names, and the levels in force over it."""

    text: str
    offset: int
    breaks: frozenset[int]
    level1: Token | None
    level2: Token | None
    cut: bool  # the text ends here with no footer: an excerpt cut off
    after_level2: bool = False  # a 二级 name is printed right before the chunk


class Passage(NamedTuple):
    """Text to read as rows: where printed lines start in it, and whether its rows may start
    with a 二级 cell naming a management area (under a 管理指标)."""

    text: str
    breaks: frozenset[int] = frozenset()
    areas: bool = False
    descriptions: frozenset[str] = frozenset()  # 指标说明 the table prints on several rows


def read_twice(
    chunks: list[Passage], slots: tuple[Slot, ...], *, whole: bool
) -> list[list[GluedRow]]:
    """Every chunk read, then read again knowing which columns the table always fills.

    A number column that every confident row fills (分值 in a form where each row has its
    weight) is unlikely to be empty in the others: in the second reading an empty cell there
    costs more, so that ``…场次1020`` reads as weight 10 and value 20 rather than as a unit 次
    taken from the name and a value 1020 with no weight. Twice the cost of one reading.
    """
    first = [segment(chunk, slots, whole=whole) for chunk in chunks]
    sure = [row for rows in first for row in rows if row.doubtful is None]
    if len(sure) < _TRUSTED_ROWS:
        return first
    always = frozenset(
        index
        for index in range(len(slots))
        if slots[index].shape is Shape.NUMBER and all(row.filled(index) for row in sure)
    )
    if not always:
        return first
    return [segment(chunk, slots, whole=whole, always=always) for chunk in chunks]


def read_line_rows(
    builder: RowBuilder, glued: GluedText, start: int, stop: int, columns: list[Column]
) -> None:
    """One row per printed line (an xlsx or web table pasted row by row)."""
    slots = tuple(slot_of(c) for c in columns)
    printed = printed_lines(glued, start, stop)
    lines: list[tuple[int, int]] = []
    valueless: list[tuple[int, int]] = []  # lines inside the table that hold no value
    position = start
    for index, (line_start, end) in enumerate(printed):
        if index > 0 and glued.lines[line_start] - glued.lines[line_start - 1] > _BLANK_LINES:
            break  # blank lines: the table ended
        if not holds_value(glued.text[line_start:end], slots):
            # the table ends here (a title, a unit line, the next table) — unless a row with a
            # value follows close after: then this line is a row whose value is not read
            following = printed[index + 1 : index + 1 + _LOOKAHEAD]
            if not any(holds_value(glued.text[a:b], slots) for a, b in following):
                break
            valueless.append((line_start, end))
            position = end
            continue
        lines.append((line_start, end))
        position = end
    for line_start, end in valueless:
        text = glued.text[line_start:end]
        builder.doubt(
            [glued.token(line_start, end)],
            ReadingDoubt(
                "PRS010", f"的文字“{text[:40]}”在表格行之间，但读不出指标值，未读取为指标"
            ),
        )
    known = recurring_descriptions([glued.text[a:b] for a, b in lines], slots)
    readings = read_twice(
        [Passage(glued.text[a:b], descriptions=known) for a, b in lines], slots, whole=True
    )
    levels = [i for i, slot in enumerate(slots) if slot.shape is Shape.LEVEL]
    described = any(
        row.doubtful is None and row.filled(i)
        for rows in readings
        for row in rows[:1]
        for i, slot in enumerate(slots)
        if slot.field is Field.DESCRIPTION
    )
    carried: dict[int, Token] = {}  # the level cells in force, from the rows read so far
    stale = False  # a row whose levels could not be read: rows that carry them are not sure
    for (line_start, _), rows in zip(lines, readings, strict=True):
        if not rows:
            continue
        row = rows[0]
        own = [i for i in levels if row.filled(i)]
        if own and row.doubtful is not None and not row.levels_sure:
            stale = True
        elif own:
            stale = False
            for index in own:
                carried = {i: t for i, t in carried.items() if i < index}
                a, b = row.cells[index]
                carried[index] = glued.token(line_start + a, line_start + b)
        elif stale and row.doubtful is None:
            row = row.doubt("的一级/二级指标随上一行变化，而上一行未能读取")
        if described and row.doubtful is None:
            row = description_doubt(row, slots, glued.text[line_start:])
        emit_row(builder, glued, line_start, row, slots, columns, None, None, carried)
    while position < stop:  # the lines after the table, as lines
        end = position
        while end < stop and glued.lines[end] == glued.lines[position]:
            end += 1
        builder.line([glued.token(position, end)])
        position = end


def printed_lines(glued: GluedText, start: int, stop: int) -> list[tuple[int, int]]:
    """The spans of the printed lines of ``glued.text[start:stop]``. O(n)."""
    spans: list[tuple[int, int]] = []
    position = start
    while position < stop:
        end = position
        while end < stop and glued.lines[end] == glued.lines[position]:
            end += 1
        spans.append((position, end))
        position = end
    return spans


@lru_cache(maxsize=1024)
def holds_value(line: str, slots: tuple[Slot, ...]) -> bool:
    """A printed line that reads as one row holding a 指标值 (cached: a line is asked again
    when the lines before it are looked past)."""
    rows = segment(Passage(line), slots, whole=True)
    return bool(rows) and has_value(rows[0], slots)


def recurring_descriptions(lines: list[str], slots: tuple[Slot, ...]) -> frozenset[str]:
    """指标说明 a table prints on several rows (达到目标值): the words that end the text before
    the values on at least two lines, each after a name that ends as names end (资金支出率,
    资助对象满意度). Repetition is the evidence where a name ends and its 指标说明 starts —
    unless the words before them already start a worded 指标说明 (反映…|情况: the end of one,
    repeated because every description ends so). O(lines · w²) for words of at most ``w``
    characters."""
    if not any(slot.field is Field.DESCRIPTION for slot in slots):
        return frozenset()
    seen: dict[str, int] = {}
    for line in lines:
        words = _LEADING_WORDS.match(line)
        text = words.group() if words else ""
        for size in range(2, min(len(text) - 1, _MAX_DESCRIPTION) + 1):
            before = text[:-size]
            if _DESCRIPTION_LEAD.search(before):
                continue
            if stands_alone(before) and not _LEVEL_LIKE.match(text[-size:]):
                seen[text[-size:]] = seen.get(text[-size:], 0) + 1
    return frozenset(words for words, count in seen.items() if count >= 2)


def description_doubt(row: GluedRow, slots: tuple[Slot, ...], text: str) -> GluedRow:
    """In a table that prints 指标说明, a row read without one whose name does not end as
    names end (建档立卡学生全面覆盖), or with one the table does not repeat and whose start
    the text does not show: where the name ends is not known."""
    fields = [slot.field for slot in slots]
    name = text[slice(*row.cells[fields.index(Field.NAME)])]
    index = fields.index(Field.DESCRIPTION)
    a, b = row.cells[index]
    if b <= a:
        return row if stands_alone(name) else row.doubt("的指标名称与指标说明之间没有分界")
    return row


def has_value(row: GluedRow, slots: tuple[Slot, ...]) -> bool:
    """A row that holds a 指标值 (or, in a form with none, some value cell)."""
    return any(b > a and slots[i].field is Field.TARGET for i, (a, b) in enumerate(row.cells))


def starts_shown(row: GluedRow, slots: tuple[Slot, ...], chunk: Chunk) -> bool:
    """The text shows where the row starts: the passage starts there (after a level name), or
    the row opens with a numbered name (任务2:) or with a cell of its own level or area. (A
    line break in a stream is a preview's page break, anywhere in a row: no evidence.)"""
    first = next((i for i in range(len(slots)) if row.filled(i)), None)
    if first is None:
        return False
    start = row.cells[first][0]
    return (
        start == 0
        or _ENUMERATOR.match(chunk.text, start) is not None
        or slots[first].shape in (Shape.AREA, Shape.LEVEL)
    )


def ends_in_words(slots: tuple[Slot, ...]) -> bool:
    """A row ends in free words (偏差原因, 备注) after its values: in a stream nothing shows
    where they end, so a row after one whose cells are not known does not know its start."""
    return any(slot.shape is Shape.TEXT for slot in slots[-2:])


def fell_short(row: GluedRow, slots: tuple[Slot, ...], chunk: str) -> bool:
    """A row scored below its weight with no 偏差原因 read: its reason, printed after the score,
    would run into the next row's name (a stream gives free words no end)."""
    fields = [slot.field for slot in slots]
    if Field.DEVIATION not in fields or Field.WEIGHT not in fields or Field.SCORE not in fields:
        return False
    if row.filled(fields.index(Field.DEVIATION)):
        return False
    weight, score = (row.cells[fields.index(f)] for f in (Field.WEIGHT, Field.SCORE))
    if weight[1] <= weight[0] or score[1] <= score[0]:
        return False
    return float(chunk[score[0] : score[1]]) < float(chunk[weight[0] : weight[1]])


def cut_doubt(row: GluedRow, slots: tuple[Slot, ...], chunk: str) -> GluedRow:
    """The last row of a text that ends with no footer (an excerpt cut off): unless it ends
    in a number or value cell, where the text stopped cannot be told from a cell's end."""
    if row.doubtful is not None:
        return row
    last = max(range(len(slots)), key=lambda i: (row.filled(i), i))
    if slots[last].shape in (Shape.NUMBER, Shape.YES_NO, Shape.RATE):
        return row
    typed = [i for i, slot in enumerate(slots) if slot.shape is not Shape.TEXT]
    end = row.cells[last][1]
    if last == typed[-1] and slots[last].shape is Shape.VALUE and not chunk[end - 1].isdigit():
        return row  # the header's last value, ending in its unit (≥1人): nothing after it
    return row.doubt("位于截断的文字末尾")


def level_doubt(
    row: GluedRow,
    chunk: str,
    slots: tuple[Slot, ...],
    level1: Token | None,
    *,
    levelled: bool,
    after_level2: bool = False,
) -> GluedRow:
    """A row of glued text whose levels are not known is not emitted: its 一级指标 was printed
    in a way the vocabulary does not read, or its name starts with a short level name (成本,
    时效) that may be the 二级 cell glued to it — unless the row starts right after its
    printed 二级 (``after_level2``: 数量指标|成本控制…), which leaves no room for another, and
    its 指标值 is worded by the vocabulary (不超过预算), which shows where the name ends."""
    if row.doubtful is not None:
        return row
    if levelled and level1 is None:
        return row.doubt("的一级指标无法确定")
    start, end = row.cells[next(i for i, s in enumerate(slots) if s.shape is Shape.NAME)]
    name = chunk[start:end]
    if after_level2 and start == 0 and worded_target(row, chunk, slots):
        return row
    if any(is_level_name(name[:size]) for size in range(2, min(len(name), 8) + 1)):
        return row.doubt("的指标名称以指标类别开头，可能粘连了二级指标")
    return row


# --- the dynamic programme --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GluedRow:
    cells: tuple[tuple[int, int], ...]  # (start, end) in the chunk of every slot
    inferred: bool  # a cut fell between two digits or inside a repeated value
    doubtful: str | None  # why the row is not emitted: it has a real alternative reading
    levels_sure: bool = False  # its level cells (before the name) have no other reading
    # why the row's figures (实际完成值, 分值, 得分) are left out: the row is emitted without
    # them, and with a doubt about them (PRS010, part "values")
    unplaced: str | None = None

    def doubt(self, reason: str) -> GluedRow:
        return replace(self, doubtful=reason)

    def filled(self, slot: int) -> bool:
        start, end = self.cells[slot]
        return end > start


@dataclass(frozen=True, slots=True)
class Edge:
    """From state (start, slot) to (end, next_slot), putting ``pieces`` in the slots."""

    start: int
    slot: int
    end: int
    next_slot: int
    score: float
    pieces: tuple[tuple[int, int], ...]  # one span per slot covered (empty: start == end)
    inferred: bool
    junk: bool = False  # text read as no cell at all (OCR noise): the row is not trusted


class Reader:
    """The reading of one chunk of glued text as rows of ``slots``."""

    def __init__(
        self,
        chunk: str,
        slots: tuple[Slot, ...],
        *,
        whole: bool,
        breaks: frozenset[int] = frozenset(),
        always: frozenset[int] = frozenset(),
    ) -> None:
        self.always = always  # slots every confident row of the table fills
        self.chunk = chunk
        self.slots = slots
        self.whole = whole  # the chunk is exactly one row
        self.breaks = breaks  # where a printed line (a preview's page) starts
        self.cache: dict[tuple[int, int], list[Edge]] = {}
        self.name_slot = next(i for i, s in enumerate(slots) if s.shape is Shape.NAME)
        self.fits: dict[tuple[int, int, int], float | None] = {}
        self.areas = False  # a row may start with a 二级 naming a management area
        self.numbered = [m.start() for m in _ENUMERATOR.finditer(chunk)]  # 任务1: … starts
        self.descriptions: frozenset[str] = frozenset()  # 指标说明 printed on several rows
        self.word_cuts: dict[int, bool] = {}  # positions inside a worded value

    # states are (position, slot); slot == len(slots) is "the row is complete"
    def order(self) -> list[tuple[int, int]]:
        """States in an order where every edge goes forward: at one position, the slots after
        the name (reached by empty cells), the row end, then the row's start up to the name."""
        count = len(self.slots)
        states: list[tuple[int, int]] = []
        for position in range(len(self.chunk) + 1):
            states.extend((position, s) for s in range(self.name_slot + 1, count + 1))
            states.extend((position, s) for s in range(self.name_slot + 1))
        return states

    def edges(self, position: int, slot: int) -> list[Edge]:
        """The edges from a state, computed once (the three passes share them)."""
        check_budget()
        key = (position, slot)
        if key not in self.cache:
            self.cache[key] = list(self.new_edges(position, slot))
        return self.cache[key]

    def new_edges(self, position: int, slot: int) -> Iterator[Edge]:
        chunk, slots = self.chunk, self.slots
        length = len(chunk)
        if slot == len(slots):
            if position > 0 and (not self.whole or position == length):
                yield Edge(position, slot, position, 0, -_ROW_COST, (), False)
            return
        shape = slots[slot].shape
        label_end = position + len(_SECTION_LABEL)
        if chunk.startswith(_SECTION_LABEL, position) and (label_end in self.breaks):
            # the indicator block's label repeated at a page break: page furniture
            yield Edge(position, slot, label_end, slot, _FURNITURE, (), False)
        for end in range(position + 1, min(length, position + _MAX_JUNK) + 1):
            cost = _JUNK + _JUNK_PER_CHARACTER * (end - position)
            yield Edge(position, slot, end, slot, -cost, (), False, junk=True)
        if slot != self.name_slot:
            cost = _SKIP_COSTS.get(slots[slot].field, 0.0)
            if slot in self.always:
                cost += _ALWAYS_FILLED
            yield Edge(position, slot, position, slot + 1, -cost, ((position, position),), False)
        long_shapes = (Shape.NAME, Shape.LEVEL, Shape.TEXT, Shape.DESCRIPTION)
        longest = _MAX_NAME if shape in long_shapes else _MAX_PIECE
        if shape is Shape.NAME and inside_number(chunk, position):
            longest = 0  # a name does not start in the middle of a number (6.4|7亿元…)
        # a name right after a number, starting with a unit (5|天…, 2021|年8月…): more
        # likely the number's unit, glued to the next name; a guess either way
        unit_first = shape is Shape.NAME and self.starts_with_unit(position)
        for end in range(position + 1, min(length, position + longest) + 1):
            fit = self.fit(position, end, slot)
            if fit is None:
                continue
            cut = (
                unit_first
                or (end < length and chunk[end - 1].isdigit() and chunk[end].isdigit())
                or (shape is Shape.VALUE and self.quantity_goes_on(position, end, slot))
            )
            score = fit - (_DIGIT_CUT if cut else 0.0)
            yield Edge(position, slot, end, slot + 1, score, ((position, end),), cut)
        actual = self.twin_after(slot)
        if actual is not None:
            # a value printed twice (target = actual, or 实施期 = 年度): 高高, 显著提升显著提升
            empty = ((position, position),) * (actual - slot - 1)
            for size in range(1, 9):
                middle, end = position + size, position + 2 * size
                if (
                    end <= length
                    and chunk[position:middle] == chunk[middle:end]
                    and (size > 1 or chunk[position:middle] in _VALUE_WORDS)
                    and value_fit(chunk[position:middle], free=True) is not None
                    # not a number's digits (20|20 of 2020年): the copy ends where a value ends
                    and not inside_number(chunk, end)
                    and not self.quantity_goes_on(middle, end, actual)
                ):
                    pieces = ((position, middle), *empty, (middle, end))
                    yield Edge(position, slot, end, actual + 1, _TWICE, pieces, True)

    def starts_with_unit(self, position: int) -> bool:
        """A number ends right before ``position`` and a unit starts there. O(1)."""
        chunk = self.chunk
        if position == 0 or not chunk[position - 1].isdigit():
            return False
        return any(
            is_unit(chunk[position:end])
            for end in range(position + 1, min(len(chunk), position + _MAX_UNIT_TAIL) + 1)
        )

    def quantity_goes_on(self, start: int, end: int, slot: int) -> bool:
        """The quantity ``start:end`` reads on as a longer one into the words after it (≤26个|
        工作日, 2021|年8月底前, 2021年|8月底前, 2023年2月底前|完成): a cut there is a guess,
        like a cut between two digits. O(``_MAX_UNIT_TAIL`` + ``_MAX_DATE_TAIL``) matches."""
        chunk = self.chunk
        if not _VALUE_START.match(chunk, start) or end >= len(chunk):
            return False
        if _DEADLINE_VALUE.match(chunk[start:end]) and any(
            _DEADLINE_VALUE.match(chunk[start:tail])
            for tail in range(end + 1, min(len(chunk), end + _MAX_DATE_TAIL) + 1)
        ):
            return True  # 2021年|8月底前: a date reads on
        if not _CJK.match(chunk[end]):
            return False
        for tail in range(end + 1, min(len(chunk), end + _MAX_UNIT_TAIL) + 1):
            if not _CJK.match(chunk[tail - 1]):
                return False
            if self.fit(start, tail, slot) is not None:
                return True
        return False

    def twin_after(self, slot: int) -> int | None:
        """The value slot that may print the same value as ``slot``: the 实际值 after a 指标值
        slot, with only columns the model does not keep (调整指标值) between them, or the 年度
        指标值 right after a 实施期 one; None when no value follows ``slot`` so."""
        if self.slots[slot].shape is Shape.SPARE_VALUE:
            following = slot + 1
            if following < len(self.slots) and self.slots[following].field is Field.TARGET:
                return following
            return None
        if self.slots[slot].field is not Field.TARGET:
            return None
        for index in range(slot + 1, len(self.slots)):
            if self.slots[index].field is Field.ACTUAL:
                return index
            if self.slots[index].shape is not Shape.SPARE_VALUE:
                return None
        return None

    def fit(self, start: int, end: int, slot: int) -> float | None:
        shape = self.slots[slot].shape
        key = (start, end, slot)
        if key not in self.fits:
            piece = self.chunk[start:end]
            # the first numbered start inside the piece (a name may start with one)
            first = start + 1 if shape is Shape.NAME else start
            numbered = self.numbered[bisect_left(self.numbered, first) :]
            if numbered and numbered[0] < end:
                # 任务1:门诊住院人次 … 任务2:…: a numbered name starts a row, in no other cell
                self.fits[key] = None
                return None
            if shape is Shape.DESCRIPTION and piece in self.descriptions:
                self.fits[key] = 2.0  # printed on several rows: the table's own wording
                return self.fits[key]
            if shape is Shape.LEVEL:
                self.fits[key] = self.level_fit(start, end, self.slots[slot].field)
                return self.fits[key]
            if self.slots[slot].field is Field.WEIGHT and piece == "0":
                self.fits[key] = 0.5  # an indicator weighted 0 is not scored: unlikely
                return self.fits[key]
            if shape is Shape.AREA:
                self.fits[key] = 1.5 if self.areas and is_management_area(piece) else None
                return self.fits[key]
            if shape is Shape.UNIT and self.noisy_unit(start, end):
                self.fits[key] = _NOISY_UNIT_FIT  # tot扁 for 篇: the value's unit will tell
                return self.fits[key]
            if shape is Shape.NAME and inside_latin(self.chunk, end):
                self.fits[key] = None  # 数量t|ot扁: a cut inside a run of letters is no end
                return None
            if shape is Shape.NAME and self.after_misread(start):
                self.fits[key] = None  # ≥I|人设备…: the unit of a misread quantity
                return None
            if shape is Shape.NAME and self.inside_value_word(end):
                self.fits[key] = None  # 改善情况有效提|高: 有效提高 is one value
                return None
            if shape is Shape.NAME and self.value_lead_at_end(piece, end):
                self.fits[key] = None  # 人次增|372人次, 报送按时|完成: the lead starts the value
                return None
            if shape is Shape.VALUE and self.value_lead_at_end(piece, end, STATEMENT_LEADS):
                self.fits[key] = None  # 无违规支出全部|达成: 全部 starts the next value
                return None
            if shape is Shape.VALUE and self.listed_value(start, end):
                self.fits[key] = _LIST_VALUE
                return self.fits[key]
            bounded = (
                self.whole
                or shape is Shape.DESCRIPTION
                or self.ends_at_number(end, slot)
                or (shape is Shape.TEXT and end in self.numbered)
            )
            self.fits[key] = piece_fit(piece, shape, rest=end == len(self.chunk), line=bounded)
        return self.fits[key]

    def listed_value(self, start: int, end: int) -> bool:
        """``chunk[start:end]`` is a list of clauses (:data:`_CLAUSE`) joined by 、, whose first
        clause has no subject or one printed in the text before it (the name's own item: 绿化、
        节能 | 绿化良好、…), and that ends where a value ends (a number or the text's end)."""
        chunk = self.chunk
        piece = chunk[start:end]
        if not 0 < end - start <= _MAX_LIST or "、" not in piece:
            return False
        clauses = piece.split("、")
        if not all(_CLAUSE.fullmatch(clause) for clause in clauses):
            return False
        # a negation's words are open (无违规支出): where it ends, the text after must show
        shown = end == len(chunk) or chunk[end].isdigit() or self.value_follows(end)
        if re.fullmatch(_NEGATION, clauses[-1]) and not shown:
            return False
        if re.fullmatch(_NEGATION, clauses[0]):
            return True
        subject = _SUBJECT.match(clauses[0])
        return (
            subject is not None and subject["subject"] in chunk[max(0, start - _MAX_NAME) : start]
        )

    def value_follows(self, position: int) -> bool:
        """A value the vocabulary words whole starts at ``position`` (全部达成, 按规定公开)."""
        chunk = self.chunk
        return any(
            worded_value(chunk[position:end])
            for end in range(position + 2, min(len(chunk), position + _MAX_PIECE) + 1)
        )

    def noisy_unit(self, start: int, end: int) -> bool:
        """OCR noise where a unit is printed (``tot扁`` for 篇): a run of lower-case letters,
        perhaps with one character after it, starting where the letters start."""
        return bool(_NOISY_UNIT.fullmatch(self.chunk, start, end)) and not inside_latin(
            self.chunk, start
        )

    def after_misread(self, position: int) -> bool:
        """A lone letter OCR prints for a digit ends right before ``position`` and a unit
        starts there (人数I|人设备…): the rest of a misread quantity, no name's start."""
        chunk = self.chunk
        return (
            position > 0
            and _LONE_MISREAD.match(chunk, position - 1) is not None
            and (
                position < 2
                or not chunk[position - 2].isascii()
                or not chunk[position - 2].isalpha()
            )
            and misread_quantity(chunk[position - 1 : position + _MAX_UNIT_TAIL])
        )

    def inside_value_word(self, position: int) -> bool:
        """``position`` falls inside a value the vocabulary words whole (有效提|高, 显著|提升):
        a name does not end there. O(``_MAX_WORD``²) matches, cached per position."""
        if position not in self.word_cuts:
            chunk = self.chunk
            self.word_cuts[position] = (
                0 < position < len(chunk)
                and between_words(chunk, position)
                and any(
                    worded_value(chunk[start:end])
                    for start in range(max(0, position - _MAX_WORD + 1), position)
                    for end in range(position + 1, min(len(chunk), start + _MAX_WORD) + 1)
                )
            )
        return self.word_cuts[position]

    def value_lead_at_end(
        self, piece: str, end: int, leads: tuple[str, ...] = _NAME_END_LEADS
    ) -> bool:
        """``piece`` ends in the lead of a worded value that the text after it completes: a
        change word right before a number (增|372人次), or a statement's lead right before its
        verb (按时|完成, 按规定|公开). The lead starts the value; it is not the end of a name."""
        chunk = self.chunk
        if end >= len(chunk):
            return False
        if chunk[end].isdigit() and piece.endswith(_CHANGE_LEADS):
            return True
        return piece.endswith(leads) and chunk.startswith(STATEMENT_VERBS, end)

    def level_fit(self, start: int, end: int, field: Field | None) -> float | None:
        """A level cell: a name the vocabulary places at this level, or a form's own words
        ending in 指标 (制度指标, 项目年度绩效目标(定量指标)) — in the 一级 column weaker than
        in the 二级, which changes from row to row. A two-character level word right before
        another level cell (产出|数量指标) is more likely the start of one name (产出数量指标)."""
        one, two, like = level_kind(self.chunk[start:end])
        if field is Field.LEVEL1:
            # a row printing one level cell prints its 二级 (a new 一级 starts a new 二级 too):
            # a name that can be either (成本指标) or a form's own words is weak here
            sure = one and not two
            fit = 1.5 if sure else 0.5 if one or like else None
        else:
            fit = 1.5 if two or like else None
        if fit is not None and end - start <= 2 and self.level_follows(end):
            return -1.0
        return fit

    def level_follows(self, position: int) -> bool:
        chunk = self.chunk
        return any(
            any(level_kind(chunk[position:end]))
            for end in range(position + 2, min(len(chunk), position + _MAX_PIECE) + 1)
        )

    def ends_at_number(self, end: int, slot: int) -> bool:
        """Free words (按规定执行) end where a number starts, when their value column is the
        last before the number columns (实际值 | 分值 | 得分): a value's end the text shows."""
        chunk, slots = self.chunk, self.slots
        if slots[slot].shape is not Shape.VALUE or not 0 < end < len(chunk):
            return False
        after = next((s for s in slots[slot + 1 :] if s.shape is not Shape.SPARE_VALUE), None)
        if after is None or after.shape is not Shape.NUMBER:
            return False
        return chunk[end].isdigit() and bool(_CJK.match(chunk[end - 1]))

    def read(self) -> list[GluedRow]:
        states = self.order()
        final = (len(self.chunk), 0)
        forward: dict[tuple[int, int], float] = {(0, 0): 0.0}
        back: dict[tuple[int, int], Edge] = {}
        for state in states:
            here = forward.get(state)
            if here is None:
                continue
            for edge in self.edges(*state):
                target = (edge.end, edge.next_slot)
                total = here + edge.score
                if target not in forward or total > forward[target]:
                    forward[target] = total
                    back[target] = edge
        if final not in forward or final == (0, 0):
            return []
        backward: dict[tuple[int, int], float] = {final: 0.0}
        for state in reversed(states):
            best = backward.get(state)
            for edge in self.edges(*state):
                rest = backward.get((edge.end, edge.next_slot))
                if rest is not None and (best is None or edge.score + rest > best):
                    best = edge.score + rest
            if best is not None:
                backward[state] = best
        path: list[Edge] = []
        state = final
        while state != (0, 0):
            edge = back[state]
            path.append(edge)
            state = (edge.start, edge.slot)
        path.reverse()
        chosen = {
            (edge.slot + k, a, b) for edge in path for k, (a, b) in enumerate(edge.pieces) if b > a
        }
        contested = self.contested(states, forward, backward, forward[final], chosen)
        return self.rows(path, contested)

    def contested(
        self,
        states: list[tuple[int, int]],
        forward: dict[tuple[int, int], float],
        backward: dict[tuple[int, int], float],
        best: float,
        chosen: set[tuple[int, int, int]],
    ) -> list[bool]:
        """Characters that a near-best reading puts in another cell than the best one
        (``chosen``: the best reading's cells as (slot, start, end))."""
        marked = [False] * len(self.chunk)
        for state in states:
            here = forward.get(state)
            if here is None:
                continue
            for edge in self.edges(*state):
                rest = backward.get((edge.end, edge.next_slot))
                if edge.end == edge.start or rest is None:
                    continue
                pieces = [(edge.slot + k, a, b) for k, (a, b) in enumerate(edge.pieces) if b > a]
                if all(piece in chosen for piece in pieces):
                    continue
                if here + edge.score + rest >= best - _MARGIN:
                    for index in range(edge.start, edge.end):
                        marked[index] = True
        return marked

    def rows(self, path: list[Edge], contested: list[bool]) -> list[GluedRow]:
        rows: list[GluedRow] = []
        cells: list[tuple[int, int]] = []
        inferred = junk = False
        for edge in path:
            if edge.slot == len(self.slots) and not edge.junk:
                rows.append(self.row(tuple(cells), inferred, junk, contested))
                cells, inferred, junk = [], False, False
                continue
            cells.extend(edge.pieces)
            inferred = inferred or edge.inferred
            junk = junk or edge.junk
        return self.cut_names_doubted(rows)

    def cut_names_doubted(self, rows: list[GluedRow]) -> list[GluedRow]:
        """A row named by two characters (时间) holds the end of the name before it, cut where
        a value word stood (义务教育营养 | 改善 | 完成 / 时间 | 2018年…
        | 按期完成): it, and the row before when that name does not read whole, are doubted."""
        names = [self.chunk[slice(*row.cells[self.name_slot])] for row in rows]
        for index, name in enumerate(names):
            if rows[index].doubtful is not None or not name or not is_name_end(name):
                continue
            reason = "的指标名称只有两个字，可能是上一行名称的后半"
            rows[index] = rows[index].doubt(reason)
            if index and rows[index - 1].doubtful is None and not stands_alone(names[index - 1]):
                rows[index - 1] = rows[index - 1].doubt("的指标名称不完整，其后半可能在下一行")
        return rows

    def row(
        self, cells: tuple[tuple[int, int], ...], inferred: bool, junk: bool, contested: list[bool]
    ) -> GluedRow:
        begin = min(start for start, end in cells if end > start)
        finish = max(end for start, end in cells if end > start)
        doubtful = None
        unit = next((i for i, slot in enumerate(self.slots) if slot.field is Field.UNIT), None)
        noisy = (
            unit is not None and cells[unit][1] > cells[unit][0] and self.noisy_unit(*cells[unit])
        )
        if unit is not None and cells[unit][1] > cells[unit][0] and self.noisy_unit(*cells[unit]):
            if not self.unit_printed(cells):
                junk = True  # the unit is lost: nothing says what the value measures
            # the unit column read as noise: the 指标值's own unit stands for it
            cells = tuple((a, a) if i == unit else (a, b) for i, (a, b) in enumerate(cells))
            inferred = True
        if not junk and any(contested[begin:finish]):
            # digits glued across 指标值|分值|实际值|得分 (901010010): one split that scores
            # the row as its values say settles a contest that lies inside the digits only
            settled = self.settle_digits(cells)
            if settled is not None:
                run = range(*settled[1])
                if not any(contested[i] for i in range(begin, finish) if i not in run):
                    cells, inferred = settled[0], True
                    contested = [False] * len(contested)
        if junk:
            doubtful = "含有无法识别的文字"
        elif any(contested[begin:finish]):
            doubtful = "有其他同样可能的拆分"
        else:
            filled = {self.slots[i].field for i, (a, b) in enumerate(cells) if b > a}
            fields = {s.field for s in self.slots}
            if Field.TARGET in fields and Field.TARGET not in filled:
                # glued text prints no empty cell: the value most likely ran into the name
                doubtful = "缺少指标值，指标值可能粘连在指标名称中"
            for field in (Field.TARGET, Field.ACTUAL):
                if {Field.TARGET, Field.ACTUAL} <= fields and field not in filled:
                    if field is Field.ACTUAL and self.actual_left_blank(cells):
                        continue
                    doubtful = "缺少指标值或实际完成值，无法确定其余数值所在的列"
            if (
                Field.UNIT in fields
                and Field.UNIT not in filled
                and self.unit_printed(cells)
                and not noisy
            ):
                # the unit column is empty but the value has a unit: the name may hold it
                doubtful = "计量单位列为空而指标值带有单位，单位可能粘连在指标名称中"
            name = self.chunk[slice(*cells[self.name_slot])]
            if _RATE_INSIDE.search(name):
                doubtful = "的指标名称中间含有“率”字之后的文字，可能包含了指标值"
            elif Field.DESCRIPTION in fields and _DESCRIPTION_INSIDE.search(name):
                doubtful = "的指标名称中间含有一段指标说明（反映…情况），可能是两行粘连"
            elif repeats_words(name):
                doubtful = "的指标名称中同一段文字出现两次，可能是两行粘连"
            elif _DATE_INSIDE.search(name):
                doubtful = "的指标名称中间含有一个日期，可能包含了指标值（两行粘连）"
            elif holds_two_names(name):
                doubtful = "的指标名称由两个各自完整的名称（或说明）连成，可能是两行粘连"
            elif self.short_score_unexplained(cells):
                doubtful = "的分值与得分由连写的数字拆分而来，得分为0而无偏差原因，可能是一个数"
            elif self.lists_differ(cells):
                doubtful = "的指标值所列的项数与指标名称所列的不同"
            elif self.boundary_unshown(cells):
                doubtful = "的指标值与相邻单元格之间没有可辨认的分界"
            elif self.units_differ(cells):
                doubtful = "的指标值与实际完成值单位不同，数字可能粘连在指标名称中"
            elif self.scores_in_values(cells):
                doubtful = "的分值、得分为空而指标值由连写的数字拆分而来，数字可能是分值或得分"
            elif self.grade_in_name(cells):
                doubtful = (
                    "的指标名称以等级词（高、无…）结尾而指标值只是一个数字，"
                    "等级词可能是指标值，数字可能是分值"
                )
        unplaced = self.figures_unplaced(cells) if doubtful is None else None
        name_start = cells[self.name_slot][0]
        sure = not junk and not any(contested[begin:name_start])
        return GluedRow(cells, inferred, doubtful, levels_sure=sure, unplaced=unplaced)

    def figures_unplaced(self, cells: tuple[tuple[int, int], ...]) -> str | None:
        """Why the row's figures (实际完成值, 分值, 得分) cannot be placed with certainty, or
        None. Glued figures are bare numbers side by side, and forms leave them blank one by
        one (实际完成值 and 得分 before the actuals are filled in): a number is trusted in its
        column only when nothing else could have put it there —

        * a 得分 needs its 分值 (in a form with a 分值 column), and is at most that 分值;
        * a bare number read as the 实际完成值 (no unit, no words) while a 分值 or 得分 cell of
          the row is empty could be that 分值 or 得分 (``≤2万元5``: the 分值 5, not an actual).
        """
        fields = [slot.field for slot in self.slots]
        read = {
            field: self.chunk[a:b]
            for field, (a, b) in zip(fields, cells, strict=True)
            if field in _FIGURE_FIELDS and b > a
        }
        weight, score, actual = (read.get(f) for f in (Field.WEIGHT, Field.SCORE, Field.ACTUAL))
        if score is not None and Field.WEIGHT in fields:
            if weight is None:
                return "的得分没有对应的分值，数字可能属于其他列"
            numbers = _PRINTED_NUMBER.fullmatch(weight) and _PRINTED_NUMBER.fullmatch(score)
            if numbers and Decimal(score) > Decimal(weight):
                return "的得分大于分值，数字可能属于其他列"
        empty = [f for f in (Field.WEIGHT, Field.SCORE) if f in fields and f not in read]
        if actual is not None and _PRINTED_NUMBER.fullmatch(actual) and empty:
            return "的实际完成值是一个不带单位的数字，而分值或得分为空，它可能是分值或得分"
        return None

    def settle_digits(
        self, cells: tuple[tuple[int, int], ...]
    ) -> tuple[tuple[tuple[int, int], ...], tuple[int, int]] | None:
        """The row's 指标值, 分值, 实际值 and 得分 read from one run of glued digits, when
        the columns are side by side and exactly one split of the run scores the row as its
        values say (:func:`scored_as_read`); with the run's span. None otherwise. O(d³) splits
        for a run of ``d`` digits."""
        fields = [slot.field for slot in self.slots]
        if not all(field in fields for field in _SCORED_FIELDS):
            return None
        block = sorted(fields.index(field) for field in _SCORED_FIELDS)
        if block[-1] - block[0] != len(block) - 1:
            return None
        spans = [cells[i] for i in block if cells[i][1] > cells[i][0]]
        if not spans or any(a[1] != b[0] for a, b in itertools.pairwise(spans)):
            return None
        start, end = spans[0][0], spans[-1][1]
        chunk = self.chunk
        if not _DIGIT_RUN.fullmatch(chunk, start, end) or (
            (start > 0 and chunk[start - 1] in _RUN_CHARACTERS)
            or (end < len(chunk) and chunk[end] in _RUN_CHARACTERS)
        ):
            return None
        name = chunk[slice(*cells[self.name_slot])]
        reverse = any(word in name for word in REVERSE_NAME_WORDS)
        kinds = tuple(fields[i] for i in block)
        found = [
            pieces
            for pieces in digit_splits(chunk[start:end], len(block))
            if scored_as_read(dict(zip(kinds, pieces, strict=True)), reverse=reverse)
        ]
        if len(found) != 1:
            return None
        settled = list(cells)
        position = start
        for index, piece in zip(block, found[0], strict=True):
            settled[index] = (position, position + len(piece))
            position += len(piece)
        return tuple(settled), (start, end)

    def actual_left_blank(self, cells: tuple[tuple[int, int], ...]) -> bool:
        """A row whose 实际值 is blank while the text shows where every other value is: its
        指标值 is worded whole by the vocabulary (按规定时限: no number that could be the 实际值)
        and every number column (分值, 得分) is filled, so no number could have moved into
        the 实际值."""
        target = next(
            (a, b)
            for slot, (a, b) in zip(self.slots, cells, strict=True)
            if slot.field is Field.TARGET
        )
        if target[1] <= target[0] or not worded_value(self.chunk[slice(*target)]):
            return False
        numbers = [i for i, slot in enumerate(self.slots) if slot.shape is Shape.NUMBER]
        return bool(numbers) and all(cells[i][1] > cells[i][0] for i in numbers)

    def short_score_unexplained(self, cells: tuple[tuple[int, int], ...]) -> bool:
        """The 分值 and 得分 were cut from one run of digits (``10`` as 1 | 0) and the 得分 is 0
        with no 偏差原因 read: more likely one number (a 得分 of 10 with no 分值) than a row that
        earned nothing and says nothing of why."""
        fields = [slot.field for slot in self.slots]
        if Field.WEIGHT not in fields or Field.SCORE not in fields:
            return False
        weight, score = cells[fields.index(Field.WEIGHT)], cells[fields.index(Field.SCORE)]
        if weight[1] <= weight[0] or score[1] <= score[0] or weight[1] != score[0]:
            return False
        if not inside_number(self.chunk, score[0]):
            return False
        if any(
            slot.shape is Shape.TEXT and cells[i][1] > cells[i][0]
            for i, slot in enumerate(self.slots)
        ):
            return False
        return float(self.chunk[slice(*score)]) == 0

    def lists_differ(self, cells: tuple[tuple[int, int], ...]) -> bool:
        """A 指标值 read as a list of clauses (:meth:`listed_value`) under a name that does not
        list as many items (安全性、利用率 | 无资产损失、利用率高于80%: two and two)."""
        name = self.chunk[slice(*cells[self.name_slot])]
        for slot, (a, b) in zip(self.slots, cells, strict=True):
            if slot.field is Field.TARGET and b > a and self.listed_value(a, b):
                return self.chunk[a:b].count("、") != name.count("、")
        return False

    def boundary_unshown(self, cells: tuple[tuple[int, int], ...]) -> bool:
        """A value that is no vocabulary word (显著提升, 高, 无) and starts between two
        characters of text (利用率|高于80%, 率|按规定公开), or a value of free words that ends
        between two (按规定公开|已公开): where one cell ends and the next starts, the text
        does not show."""
        chunk = self.chunk
        for slot, (a, b) in zip(self.slots, cells, strict=True):
            if b <= a or slot.shape not in (Shape.VALUE, Shape.SPARE_VALUE):
                continue
            piece = chunk[a:b]
            if worded_value(piece) or self.listed_value(a, b) or printed_twice(chunk, cells, a, b):
                continue
            edges = (a,) if value_fit(piece, free=False) is not None else (a, b)
            for edge in edges:
                if not (0 < edge < len(chunk) and between_words(chunk, edge)):
                    continue
                if edge == a and self.name_ends_at(cells, a):
                    continue  # 利用率|高于80%: a rate's name ends in 率, its value follows
                if edge == a and self.value_ends_at(cells, a):
                    continue  # …、水电费开支有下降|水电支出…: a list's last clause shows it
                return True
        return False

    def value_ends_at(self, cells: tuple[tuple[int, int], ...], position: int) -> bool:
        """A list of clauses not ending in an open negation ends at ``position`` (a single
        word such as 明显 does not show it: 明显|变质比例 may be one name)."""
        for slot, (a, b) in zip(self.slots, cells, strict=True):
            if b != position or a >= b or slot.shape is not Shape.VALUE:
                continue
            last = self.chunk[a:b].rsplit("、", 1)[-1]
            return self.listed_value(a, b) and not re.fullmatch(_NEGATION, last)
        return False

    def name_ends_at(self, cells: tuple[tuple[int, int], ...], position: int) -> bool:
        """The row's name ends at ``position`` in 率 (…及时率|按规定时限)."""
        name = cells[self.name_slot]
        return name[1] == position and self.chunk[position - 1] == _RATE_STEM

    def units_differ(self, cells: tuple[tuple[int, int], ...]) -> bool:
        """The 指标值 and the 实际值 are quantities in different units, or — in a form with no
        unit column — glued digit to digit, one with a unit and one without (减少0|1万元 from a
        name that took the value's words): one row does not measure in two units."""
        values: list[tuple[int, int, str]] = []
        for slot, (a, b) in zip(self.slots, cells, strict=True):
            if b > a and slot.field in (Field.TARGET, Field.ACTUAL):
                target = parse_target(self.chunk[a:b])
                if target.kind in _NUMERIC_KINDS:
                    values.append((a, b, target.unit or ""))
        if len(values) != 2 or values[0][2] == values[1][2]:
            return False
        (_, end, first), (start, _, second) = values
        if first and second:
            return True
        units = any(slot.field is Field.UNIT for slot in self.slots)
        return not units and end == start and self.chunk[end - 1 : end + 1].isdigit()

    def scores_in_values(self, cells: tuple[tuple[int, int], ...]) -> bool:
        """Every number column (分值, 得分) of the row is empty while a value cell starts or
        ends between two digits (``…为主10`` read as 指标值 1, 实际值 0): the digits may be
        the row's scores. O(columns)."""
        numbers = [i for i, slot in enumerate(self.slots) if slot.shape is Shape.NUMBER]
        if not numbers or any(cells[i][1] > cells[i][0] for i in numbers):
            return False
        return any(
            b > a
            and slot.shape is Shape.VALUE
            and (inside_number(self.chunk, a) or inside_number(self.chunk, b))
            for slot, (a, b) in zip(self.slots, cells, strict=True)
        )

    def grade_in_name(self, cells: tuple[tuple[int, int], ...]) -> bool:
        """The name reads whole only without its last word, a grade or none (图书采购带动增收
        成效高, 社会影响无), and the 指标值 is a bare number: the grade may be the 指标值
        and the number its 分值. Linear in the name."""
        target = next((i for i, slot in enumerate(self.slots) if slot.field is Field.TARGET), None)
        if target is None:
            return False
        name = self.chunk[slice(*cells[self.name_slot])]
        return grade_glued_to_name(name, self.chunk[slice(*cells[target])])

    def unit_printed(self, cells: tuple[tuple[int, int], ...]) -> bool:
        for slot, (a, b) in zip(self.slots, cells, strict=True):
            if slot.field is Field.TARGET and b > a:
                target = parse_target(self.chunk[a:b])
                return bool(target.unit) and target.unit != "%"
        return False


def grade_glued_to_name(name: str, value: str) -> bool:
    """``name`` reads whole only without its last word, a grade or none (图书采购带动增收成效
    高, 社会影响无), and ``value`` is a bare number (the row's 分值, most likely)."""
    if not _BARE_NUMBER.fullmatch(value) or stands_alone(name):
        return False
    return any(
        name[-length:] in _GRADE_WORDS and stands_alone(name[:-length])
        for length in range(1, min(4, len(name) - 2) + 1)
    )


_BARE_NUMBER: Final = re.compile(r"\d+(?:\.\d+)?")
_GRADE_WORDS: Final = frozenset([*GRADES, "无", "没有"])


@lru_cache(maxsize=16384)
def level_kind(piece: str) -> tuple[bool, bool, bool]:
    """Whether ``piece`` can be a 一级 and a 二级 by the vocabulary, and whether it is worded
    as a form's own level (…指标). Cached: the same pieces recur in every row."""
    if len(piece) > 24 or not _CJK.match(piece):
        return False, False, False
    one = is_level_one(piece) or evaluation_level(piece) == 1
    two = is_level_two(piece) or evaluation_level(piece) == 2
    return one, two, bool(_LEVEL_LIKE.match(piece))


def digit_splits(run: str, count: int) -> Iterator[tuple[str, ...]]:
    """Every split of ``run`` into ``count`` numbers printed as numbers are: no leading
    zero (07), no decimal ending in 0 (0.410: a shorter cut reads the same digits)."""
    if count == 1:
        if _PRINTED_NUMBER.fullmatch(run):
            yield (run,)
        return
    for end in range(1, len(run)):
        if _PRINTED_NUMBER.fullmatch(run, 0, end):
            for rest in digit_splits(run[end:], count - 1):
                yield (run[:end], *rest)


def scored_as_read(values: dict[Field | None, str], *, reverse: bool) -> bool:
    """The numbers read as a scored row: a weight of one indicator among several (0 < 分值 <
    100), a 得分 no higher, a 实际值 within a factor of ten of the 指标值, and the 得分 the
    achievement gives — the full 分值 when the 实际值 reaches the 指标值 (at or below it for a
    measure where lower is better: ``reverse``), else about the share reached (within a fifth
    of the 分值)."""
    target, weight, actual, score = (Decimal(values[field]) for field in _SCORED_FIELDS)
    if not 0 < weight < 100 or score > weight:
        return False
    if target > 0 and actual > 0 and not _RATIO_LOW <= actual / target <= 1 / _RATIO_LOW:
        return False
    reached = actual <= target if reverse else actual >= target
    if reached:
        return score == weight
    share = (target / actual if reverse else actual / target) if target > 0 else Decimal(0)
    return abs(score - weight * share) <= weight * _SHARE_TOLERANCE


def printed_twice(chunk: str, cells: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """The cell ``start:end`` is printed again right before or after it, in a cell of the row
    (持续发挥作用持续发挥作用: 实施期 = 年度, or 指标值 = 实际值): the repetition shows where the
    value starts and ends — when it is long enough not to repeat by chance (志愿服务|服务水平
    prints 服务服务)."""
    piece = chunk[start:end]
    return len(piece) >= _MIN_TWICE_SHOWN and any(
        (b == start or a == end) and chunk[a:b] == piece for a, b in cells if (a, b) != (start, end)
    )


def between_words(chunk: str, position: int) -> bool:
    """``position`` falls between two characters of text (no digit, symbol or bracket)."""
    return bool(_CJK.match(chunk[position - 1])) and bool(_CJK.match(chunk[position]))


def inside_latin(chunk: str, position: int) -> bool:
    """``position`` falls inside a run of lower-case Latin letters."""
    return (
        0 < position < len(chunk)
        and (chunk[position - 1] + chunk[position]).isascii()
        and (chunk[position - 1] + chunk[position]).isalpha()
    )


def inside_number(chunk: str, position: int) -> bool:
    return (
        0 < position < len(chunk)
        and chunk[position].isdigit()
        and (chunk[position - 1].isdigit() or chunk[position - 1] == ".")
    )


def segment(
    passage: Passage,
    slots: tuple[Slot, ...],
    *,
    whole: bool,
    always: frozenset[int] = frozenset(),
) -> list[GluedRow]:
    """The rows of a passage of glued text (``whole``: the passage is exactly one row;
    ``always``: slots the table's confident rows all fill)."""
    if not passage.text:
        return []
    reader = Reader(passage.text, slots, whole=whole, breaks=passage.breaks, always=always)
    reader.areas = passage.areas
    reader.descriptions = passage.descriptions
    return reader.read()


# --- what a piece of text can be ----------------------------------------------------------


@lru_cache(maxsize=65536)
def piece_fit(piece: str, shape: Shape, *, rest: bool, line: bool) -> float | None:
    """The score of ``piece`` as a cell of ``shape``; None when it cannot be one. Free words
    (a 指标值 such as 有效保障, a remark) are only read where the row's end is known: on a line
    that is one row, or at the end of the text (a glued stream gives them no boundary)."""
    match shape:
        case Shape.NAME:
            return name_fit(piece)
        case Shape.LEVEL:
            if is_level_name(piece) or _LEVEL_LIKE.match(piece):
                return 1.5
            return None
        case Shape.VALUE | Shape.SPARE_VALUE:
            fit = value_fit(piece, free=line)
            if fit is None or shape is Shape.VALUE:
                return fit
            return min(fit, 0.25)  # a column the model does not keep takes what nothing else can
        case Shape.UNIT:
            return 2.0 if len(piece) <= 4 and is_unit(piece) else None
        case Shape.OPERATOR:
            if is_comparator(piece) or is_direction(piece) or piece in _QUALITIES:
                return 2.0
            if any(is_anagram(piece, word) for word in _QUALITIES if len(word) > 2):
                return 1.0  # 性标定指: a vertical label read out of order
            return None
        case Shape.NUMBER:
            return 2.0 if _SCORE_PIECE.fullmatch(piece) else None
        case Shape.RATE:
            return 2.0 if _RATE_PIECE.fullmatch(piece) else None
        case Shape.YES_NO:
            return 2.0 if piece in ("是", "否") else None
        case Shape.DESCRIPTION if _DESCRIPTION.match(piece) and not _LEVEL.search(piece):
            # 反映…情况: how descriptions are worded, and how they end
            return 2.5 if piece.endswith(_DESCRIPTION_ENDS) else 1.5
        case Shape.DESCRIPTION if piece.startswith(_REACHES) and not _LEVEL.search(piece):
            return 1.0  # 达到目标值: what a target must reach, after the name
        case Shape.TEXT | Shape.DESCRIPTION:
            # free text (备注, 偏差原因, 指标说明): words, weak evidence — an 指标说明 weaker
            # than none, so that only its wording or its repetition makes a name end early
            if (line or rest) and _CJK.match(piece) and not _LEVEL.search(piece):
                if shape is Shape.DESCRIPTION and not rest:
                    return -1.0
                return 0.0 if rest else -0.5
            return None
    return None


def value_fit(piece: str, *, free: bool) -> float | None:
    """A 指标值 or 实际值: a quantity the grammar reads and that ends where its unit (or a
    qualifier such as 以上) ends, a grade, a trend word (显著提升, 减少), a comparison with a
    baseline (超上年2%, 超上年度), a change by a quantity (增372人次), or — ``free`` — a few
    words (有效保障)."""
    if piece in _VALUE_WORDS or _STATEMENT.match(piece):
        return 2.0
    if _TREND_VALUE.match(piece):
        return 1.5
    if _RELATIVE_VALUE.match(piece):
        return 2.5
    change = _CHANGE.match(piece)
    if change is not None and ends_as_quantity(piece[change.end() :]):
        return 2.5
    if _VALUE_START.match(piece):
        if _LEADING_ZERO.match(piece):
            return None
        if ends_as_quantity(piece) or _DEADLINE_VALUE.match(piece):
            return 3.0
        return None
    if (
        free
        and _CJK.match(piece)
        and not _MISREAD_NUMBER.search(piece)
        and not piece.startswith(_RATE_STEM)  # 及时|率…: the 率 ends the name before it
        and not _LEVEL.search(piece)
        and not is_level_name(piece)
    ):
        return _FREE_VALUE
    return None


def worded_value(piece: str) -> bool:
    """A value the vocabulary words whole (显著提升, 高, 按规定公开, 超上年度, 增372人次): its
    wording shows where it starts and ends."""
    return bool(
        piece in _VALUE_WORDS
        or _TREND_VALUE.match(piece)
        or _STATEMENT.match(piece)
        or _RELATIVE_VALUE.match(piece)
        or _CHANGE.match(piece)
    )


def ends_as_quantity(piece: str) -> bool:
    target = parse_target(piece)
    if target.kind not in _NUMERIC_KINDS:
        return False
    if piece[-1].isdigit() or piece.endswith(_QUALIFIERS):
        return True
    unit = target.unit_printed or target.unit or ""
    return bool(unit) and piece.endswith(unit)


def name_fit(text: str) -> float | None:
    if (
        len(text) >= 2
        and _NAME.match(text)
        and _CJK.search(text)
        and not _NOT_IN_NAME.search(text)
        and not _OCR_NOISE.search(text)
        and not _MISREAD_NUMBER.search(text)
        and not misread_quantity(text)
        and text not in _DESCRIPTION_ENDS  # 情况: the end of a 指标说明, no name
        and not text.startswith(_DESCRIPTION_TAILS)  # 情况情况持续…: a description's end
        and not text.startswith("指标")  # the rest of a level name (数量|指标…)
        and not (len(text) <= 4 and is_unit(text))
        and not is_unit(text[:2])  # 亿元…: the unit of the value before it
        and not _LEVEL.search(text)
        # 结余率小于|5%, 管理率超上年|2%: a comparator or a baseline belongs to the value
        and not text.endswith(_VALUE_LEADS)
    ):
        # a name ending in a quantity (…总投资1020万元) more likely lost its value to it, and
        # one that starts with a level-like word (制度指标规章制度…) its 二级 cell
        if _ENDS_IN_QUANTITY.search(text) or _LEVEL_LIKE.match(text[: text.find("指标") + 2]):
            return -1.0
        # 享受资助人数达到预计值: 达到 starts a 指标说明 or a value, never inside a name
        return None if _REACHES in text else 1.0
    return None


def repeats_words(name: str) -> bool:
    """The name holds a run of ``_MIN_REPEAT`` characters of text twice (…生态保护成效持续发挥
    作用绿化养护生态保护成效提升率): no name of the corpus does; two rows' names with the
    value between them unread do. O(n²) for a name of n characters."""
    for start in range(len(name) - 2 * _MIN_REPEAT + 1):
        run = name[start : start + _MIN_REPEAT]
        if _CJK_RUN.fullmatch(run) and name.find(run, start + _MIN_REPEAT) >= 0:
            return True
    return False


def is_name_end(name: str) -> bool:
    """A name of two characters (时间, 情况): the end of a name cut before it. (A measure
    alone, 结余率 or 执行率, names a row under a form's own area, 部门结转结余资金管理.)"""
    return len(name) <= 2


def holds_two_names(name: str) -> bool:
    """The name reads whole up to a point, and again after it, as two names do (设备维护长效
    管护机制 | 持续发挥作用就业帮扶制度建设提升率; …经济效益情况 | 持续发挥作用…提升率), or it
    ends in the first words of a description (…经济效益反映, 该指): two rows' text with the value
    between them unread. Each part at least ``_MIN_PART`` characters. O(n) checks of the ends
    of names."""
    if _DESCRIPTION_LEAD_END.search(name):
        return True
    return any(
        ends_name_surely(name[:cut])
        and stands_alone(name[:cut])
        and stands_alone(name[cut:])
        and not is_bare_measure(name[cut:])
        for cut in range(_MIN_PART, len(name) - _MIN_SECOND + 1)
    )


_MIN_PART: Final = 4  # (the first name at least four characters, the second six: not a
_MIN_SECOND: Final = 6  # measure added to the first, …成效 | 提升率)
# a date in a name with a name's words after it (项目实施时间2021年1月-12月资金拨付): a value
# between two rows' names
_DATE_INSIDE: Final = re.compile(
    r"(?:19|20)\d{2}年\d{1,2}月(?:[-—~至]\d{1,2}月)?(?![\d日号底末前中上下旬份])[\u3400-\u9fff]{2,}"
)
# a description's first words, maybe cut (该指 | 标主要考察…), ending a name
_DESCRIPTION_LEAD_END: Final = re.compile(r"(?:[该該本此]指[标標]?|反映|考核|衡量)$")


def misread_quantity(text: str) -> bool:
    """``text`` holds a lone letter OCR prints for a digit with a unit after it (I元/次…,
    人数I人设备…: a misread quantity, ≤1元/次, 1人, not a name). O(n · ``_MAX_UNIT_TAIL``)."""
    return any(
        is_unit(text[match.end() : end])
        for match in _LONE_MISREAD.finditer(text)
        for end in range(match.end() + 1, min(len(text), match.end() + _MAX_UNIT_TAIL) + 1)
    )


def emit_row(
    builder: RowBuilder,
    glued: GluedText,
    offset: int,
    row: GluedRow,
    slots: tuple[Slot, ...],
    columns: list[Column],
    level1: Token | None,
    level2: Token | None,
    carried: dict[int, Token] | None = None,
) -> None:
    """The row as grid cells, or its doubt (PRS010); ``carried``: level cells (by slot) in
    force from the rows above, for the level cells this row leaves empty."""
    spans = [(a, b) for a, b in row.cells if b > a]
    tokens_of_row = [glued.token(offset + a, offset + b) for a, b in spans]
    if row.doubtful is not None:
        begin, finish = min(a for a, _ in spans), max(b for _, b in spans)
        text = glued.text[offset + begin : offset + finish]
        builder.doubt(
            tokens_of_row,
            ReadingDoubt("PRS010", f"的文字“{text[:40]}”{row.doubtful}，未读取为指标"),
        )
        return
    fields = [c.field for c in columns]
    cells: list[Token | None] = [None] * len(columns)
    if level1 is not None and Field.LEVEL1 in fields:
        cells[fields.index(Field.LEVEL1)] = level1
    if level2 is not None and Field.LEVEL2 in fields:
        cells[fields.index(Field.LEVEL2)] = level2
    first = len(columns) - len(slots)
    left_out: list[str] = []  # figures that cannot be placed with certainty
    for index, (start, end) in enumerate(row.cells, start=first):
        if end > start:
            if row.unplaced is not None and slots[index - first].field in _FIGURE_FIELDS:
                left_out.append(glued.text[offset + start : offset + end])
                continue
            cells[index] = glued.token(offset + start, offset + end)
    for slot, token in (carried or {}).items():
        if cells[first + slot] is None:
            cells[first + slot] = token
    tokens = [c for c in cells if c is not None]
    name = cells[fields.index(Field.NAME)] if Field.NAME in fields else None
    level2 = cells[fields.index(Field.LEVEL2)] if Field.LEVEL2 in fields else None
    if (
        level2 is not None
        and name is not None
        and level2.text.endswith("指标")
        and normalize_level2(level2.text) is None
        and normalize_level2(level2.text[-4:]) is None  # (产出数量指标: a 数量指标)
        and is_bare_measure(name.text)
    ):
        # 食品安全指标 | 达标率: a level no framework has, before a measure with no object —
        # rather one name (食品安全指标达标率) cut at its 指标 (a form's own areas, 政府采购管理
        # | 执行率, end otherwise)
        builder.doubt(
            tokens_of_row,
            ReadingDoubt(
                "PRS010",
                f"的二级指标“{level2.text}”不在指标体系中，三级指标“{name.text}”只是一个"
                "度量词，二者可能是同一个指标名称，未读取为指标",
            ),
        )
        return
    doubts: tuple[ReadingDoubt, ...] = (
        (ReadingDoubt("PRS012", "的单元格之间没有分隔符，按数值格式与指标词汇拆分"),)
        if row.inferred
        else ()
    )
    if left_out:
        message = f"{row.unplaced}，未读取：{''.join(left_out)[:40]}"
        doubts = (*doubts, ReadingDoubt("PRS010", message, values_only=True))
    builder.table(cells, tokens, doubts)
