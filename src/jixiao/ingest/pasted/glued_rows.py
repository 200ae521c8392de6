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

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Final

from jixiao.ingest.budget import check_budget
from jixiao.ingest.grid import ReadingDoubt
from jixiao.ingest.pasted.cells import is_comparator, is_direction, is_level_name, is_unit
from jixiao.ingest.pasted.tokens import Token
from jixiao.model import TargetKind
from jixiao.model.framework import FRAMEWORK, LEVEL1_ALIASES, LEVEL2_ALIASES, normalize_level1
from jixiao.model.labels import Field, is_anagram, unkept_column_shape
from jixiao.targets import parse_target
from jixiao.targets.vocabulary import (
    DIRECTIONS,
    GRADES,
    PLACEHOLDER_WORDS,
    TREND_FILLERS,
    alternation,
)

if TYPE_CHECKING:
    from jixiao.ingest.pasted.glued import GluedText
    from jixiao.ingest.pasted.layout import Column, RowBuilder

_CJK: Final = re.compile(r"[\u3400-\u9fff]")
_SCORE_PIECE: Final = re.compile(r"(?:100|[1-9]?\d)(?:\.\d{1,2})?")
_RATE_PIECE: Final = re.compile(r"(?:100|[1-9]?\d)(?:\.\d{1,2})?%")
_LEVEL_NAMES: Final = sorted(
    {
        name
        for name in [*LEVEL1_ALIASES, *LEVEL2_ALIASES, *(n for v in FRAMEWORK.values() for n in v)]
        if name.endswith("指标")
    }
)
# a level name, with the section weight some forms print after it: 产出指标（70分）
_LEVEL: Final = re.compile(rf"(?:{alternation(_LEVEL_NAMES)})(?:[（(]\d+(?:\.\d+)?分[)）])?")
# a level cell of a form whose levels are its own (制度指标, 项目年度绩效目标(定量指标))
_LEVEL_LIKE: Final = re.compile(
    r"^(?:(?!指标)[\u3400-\u9fff]){1,16}指标(?:[（(][^（()）]{1,10}[)）])?$"
)
_LEGACY_LEVEL2: Final = frozenset({("效益指标", "服务对象满意度指标")})
# a 二级 printed short (经济效益, 服务对象满意度) right after a level name
_SHORT_LEVEL2: Final = re.compile(
    alternation(a for a in LEVEL2_ALIASES if len(a) >= 4 and not a.endswith("指标"))
)
_SECTION_LABEL: Final = "绩效指标"  # the indicator block's own label, repeated after page breaks
_VALUE_START: Final = re.compile(r"[≥≤><=＝﹦\d+-]")
_LEADING_ZERO: Final = re.compile(r"^[≥≤><=＝﹦]?0\d")
_VALUE_WORDS: Final = frozenset(GRADES) | frozenset(PLACEHOLDER_WORDS)
_QUALITIES: Final = ("定性", "定量", "定性指标", "定量指标", "正向", "反向", "正向指标", "反向指标")
_NUMERIC_KINDS: Final = frozenset({TargetKind.NUMERIC, TargetKind.RANGE, TargetKind.DURATION})
# A 三级指标 starts with a word (or a quantity: 5000吨稻谷…) and ends with one; it holds no
# comparator or percent sign (those start a value).
_NAME: Final = re.compile(
    r"^(?:[\u3400-\u9fffA-Za-z(（“\"]|[1-9]).*[\u3400-\u9fffA-Za-z)）”\"]$|^[\u3400-\u9fff]$"
)
_NOT_IN_NAME: Final = re.compile(r"[≥≤><=＝﹦%]")
# lower-case Latin glued to Chinese: OCR noise (tot扁 for 篇), not a name
_OCR_NOISE: Final = re.compile(r"[a-z]{2,}[\u3400-\u9fff]|[\u3400-\u9fff][a-z]{2,}")
_ENDS_IN_QUANTITY: Final = re.compile(r"\d+(?:\.\d+)?[\u3400-\u9fff]{1,2}$")
_MAX_NAME: Final = 40
_MAX_PIECE: Final = 16
_ROW_COST: Final = 3.0
_DIGIT_CUT: Final = 2.5  # a cut between two digits is a guess: prefer cuts the text shows
_TWICE: Final = 7.5  # a value printed twice, target = actual: 高高, 显著提升显著提升
_MARGIN: Final = 0.75  # a reading this close to the best one is a real alternative
_FURNITURE: Final = 1.0  # the block's label at a page break: page furniture, not a name
_JUNK: Final = 6.0  # text that fits no cell (OCR noise) costs more than any cell is worth
_JUNK_PER_CHARACTER: Final = 0.5
_MAX_JUNK: Final = 8
_ALWAYS_FILLED: Final = 2.0  # an empty cell in a column every confident row fills
_TRUSTED_ROWS: Final = 3  # confident rows needed before a column counts as always filled
_BLANK_LINES: Final = 2  # more blank lines than this end a table printed one row per line
_QUALIFIERS: Final = ("以上", "以下", "以内", "左右")
_DESCRIPTION_ENDS: Final = ("情况", "程度", "水平", "比例", "效果", "效率")
# a 指标描述 worded as descriptions are: 反映…情况, 考核…, 用于衡量…
_DESCRIPTION: Final = re.compile(
    r"^(?:用于|主要)?(?:反映|考核|衡量|评价)[\u3400-\u9fff、，,（）()]+$"
)
# a value that is a trend word: (明显|显著|有效…)?(提升|减少|改善…)
_TREND_VALUE: Final = re.compile(
    rf"^(?:{alternation([*TREND_FILLERS, '有效'])})?(?:{alternation([*DIRECTIONS, '改善'])})$"
)
_FREE_VALUE: Final = 0.3  # a 指标值 of free words (有效保障): weak, so any better cut wins


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


_FIELD_SHAPES: Final[dict[Field, Shape]] = {
    Field.LEVEL1: Shape.LEVEL,
    Field.LEVEL2: Shape.LEVEL,
    Field.NAME: Shape.NAME,
    Field.DESCRIPTION: Shape.DESCRIPTION,
    Field.TARGET: Shape.VALUE,
    Field.ACTUAL: Shape.VALUE,
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
    slots = tuple(slot_of(c) for c in columns[fields.index(Field.NAME) :])
    # a form with level columns, or level names in its text: every row needs its 一级指标
    levelled = bool({Field.LEVEL1, Field.LEVEL2} & set(fields)) or bool(
        _LEVEL.search(glued.text, start, stop)
    )
    level1: Token | None = None
    level2: Token | None = None
    position = start
    pending: list[Token] = []  # level names read since the last chunk
    matches = [*_LEVEL.finditer(glued.text, start, stop), None]
    # level columns, but text before the first level name: the form's levels are its own words
    # (预算编审管理), which glued text gives no boundary for
    first = matches[0].start() if matches[0] is not None else stop
    own_levels = bool({Field.LEVEL1, Field.LEVEL2} & set(fields)) and bool(
        glued.text[start:first].replace(_SECTION_LABEL, "")
    )
    chunks: list[Chunk] = []
    for match in matches:
        chunk_end = match.start() if match is not None else stop
        if chunk_end > position:
            level1, level2 = settle_levels(pending, level1, level2)
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
            chunks.append(Chunk(chunk, offset, breaks, level1, level2, cut))
        if match is not None:
            if glued.text[match.start() : match.end()] != _SECTION_LABEL:
                pending.append(glued.token(match.start(), match.end()))
            position = match.end()
            short = _SHORT_LEVEL2.match(glued.text, position, stop)
            if short is not None and match.group() != _SECTION_LABEL:
                pending.append(glued.token(short.start(), short.end()))
                position = short.end()
    readings = read_twice([(c.text, c.breaks) for c in chunks], slots, whole=False)
    for item, rows in zip(chunks, readings, strict=True):
        missed = False
        for index, row in enumerate(rows):
            if missed and row.doubtful is None:
                row = GluedRow(
                    row.cells, row.inferred, "的上一行未得满分，其偏差原因可能粘连在本行前"
                )
            missed = fell_short(row, slots, item.text)
            if own_levels and row.doubtful is None:
                row = GluedRow(row.cells, row.inferred, "的一级/二级指标不在指标词汇中")
            if item.cut and index == len(rows) - 1:
                row = cut_doubt(row, slots, item.text)
            row = level_doubt(row, item.text, columns, item.level1, levelled=levelled)
            emit_row(builder, glued, item.offset, row, slots, columns, item.level1, item.level2)


@dataclass(frozen=True, slots=True)
class Chunk:
    """Glued text between two level names, and the levels in force over it."""

    text: str
    offset: int
    breaks: frozenset[int]
    level1: Token | None
    level2: Token | None
    cut: bool  # the text ends here with no footer: an excerpt cut off


def read_twice(
    chunks: list[tuple[str, frozenset[int]]], slots: tuple[Slot, ...], *, whole: bool
) -> list[list[GluedRow]]:
    """Every chunk read, then read again knowing which columns the table always fills.

    A number column that every confident row fills (分值 in a form where each row has its
    weight) is unlikely to be empty in the others: in the second reading an empty cell there
    costs more, so that ``…场次1020`` reads as weight 10 and value 20 rather than as a unit 次
    taken from the name and a value 1020 with no weight. Twice the cost of one reading.
    """
    first = [segment(text, slots, whole=whole, breaks=breaks) for text, breaks in chunks]
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
    return [
        segment(text, slots, whole=whole, breaks=breaks, always=always) for text, breaks in chunks
    ]


def read_line_rows(
    builder: RowBuilder, glued: GluedText, start: int, stop: int, columns: list[Column]
) -> None:
    """One row per printed line (an xlsx or web table pasted row by row)."""
    slots = tuple(slot_of(c) for c in columns)
    position = start
    lines: list[tuple[int, int]] = []
    while position < stop:
        line = glued.lines[position]
        end = position
        while end < stop and glued.lines[end] == line:
            end += 1
        chunk = glued.text[position:end]
        if position > start and glued.lines[position] - glued.lines[position - 1] > _BLANK_LINES:
            break  # blank lines: the table ended
        rows = segment(chunk, slots, whole=True)
        if not rows or not has_value(rows[0], slots):
            break  # the table ends here: a title, a unit line, the next table
        lines.append((position, end))
        position = end
    readings = read_twice([(glued.text[a:b], frozenset()) for a, b in lines], slots, whole=True)
    levels = [i for i, slot in enumerate(slots) if slot.shape is Shape.LEVEL]
    stale = False  # a doubted row changed the levels: rows that carry them cannot be trusted
    for (line_start, _), rows in zip(lines, readings, strict=True):
        if not rows:
            continue
        row = rows[0]
        own = any(row.filled(i) for i in levels)
        if row.doubtful is not None:
            stale = stale or own
        elif own:
            stale = False
        elif stale:
            row = GluedRow(row.cells, row.inferred, "的一级/二级指标随上一行变化，而上一行未能读取")
        emit_row(builder, glued, line_start, row, slots, columns, None, None)
    while position < stop:  # the lines after the table, as lines
        end = position
        while end < stop and glued.lines[end] == glued.lines[position]:
            end += 1
        builder.line([glued.token(position, end)])
        position = end


def has_value(row: GluedRow, slots: tuple[Slot, ...]) -> bool:
    """A row that holds a 指标值 (or, in a form with none, some value cell)."""
    return any(b > a and slots[i].field is Field.TARGET for i, (a, b) in enumerate(row.cells))


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
    return GluedRow(row.cells, row.inferred, "位于截断的文字末尾")


def has_level_one(text: str) -> bool:
    """Glued text that prints 一级指标 names (产出指标 …)."""
    return any(
        normalize_level1(m.group()) is not None and not is_level_two(m.group())
        for m in _LEVEL.finditer(text)
    )


def level_doubt(
    row: GluedRow, chunk: str, columns: list[Column], level1: Token | None, *, levelled: bool
) -> GluedRow:
    """A row of glued text whose levels are not known is not emitted: its 一级指标 was printed
    in a way the vocabulary does not read (出标产指: a vertical label out of order), or its
    name starts with a short level name (成本, 时效) that may be the 二级 cell glued to it."""
    if row.doubtful is not None:
        return row
    if levelled and level1 is None:
        return GluedRow(row.cells, row.inferred, "的一级指标无法确定")
    start, end = row.cells[0]
    name = chunk[start:end]
    if any(is_level_name(name[:size]) for size in range(2, min(len(name), 6) + 1)):
        return GluedRow(row.cells, row.inferred, "的指标名称以指标类别开头，可能粘连了二级指标")
    return row


def settle_levels(
    names: list[Token], level1: Token | None, level2: Token | None
) -> tuple[Token | None, Token | None]:
    """The 一级/二级 in force after a run of level names (the last one is the row's 二级,
    unless it can only be a 一级)."""
    for index, name in enumerate(names):
        followed = index + 1 < len(names)
        one = normalize_level1(name.text) is not None
        only_one = one and (not is_level_two(name.text) or not fits_under(name, level1))
        if only_one or (followed and one):
            level1, level2 = name, None
        else:
            level2 = name
    return level1, level2


def fits_under(name: Token, level1: Token | None) -> bool:
    """A name that can be a 二级 of the 一级 in force (成本指标 under 产出指标; 满意度指标 under
    效益指标, as the 2015 framework has it) — not 满意度指标 after 成本指标, a 一级 then."""
    from jixiao.model.framework import normalize_level2

    parent = normalize_level1(level1.text) if level1 is not None else None
    if parent is None:
        return True
    child = normalize_level2(re.sub(r"[（(].*", "", name.text))
    return child in FRAMEWORK.get(parent, ()) or (parent, child) in _LEGACY_LEVEL2


def is_level_two(text: str) -> bool:
    from jixiao.model.framework import normalize_level2

    return normalize_level2(re.sub(r"[（(].*", "", text)) is not None


# --- the dynamic programme --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GluedRow:
    cells: tuple[tuple[int, int], ...]  # (start, end) in the chunk of every slot
    inferred: bool  # a cut fell between two digits or inside a repeated value
    doubtful: str | None  # why the row is not emitted: it has a real alternative reading

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
        self.fits: dict[tuple[int, int, Shape], float | None] = {}

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
        for end in range(position + 1, min(length, position + longest) + 1):
            fit = self.fit(position, end, shape)
            if fit is None:
                continue
            cut = end < length and chunk[end - 1].isdigit() and chunk[end].isdigit()
            score = fit - (_DIGIT_CUT if cut else 0.0)
            yield Edge(position, slot, end, slot + 1, score, ((position, end),), cut)
        actual = self.actual_after(slot)
        if actual is not None:
            # a value printed twice (target = actual), glued: 高高, 显著提升显著提升
            empty = ((position, position),) * (actual - slot - 1)
            for size in range(1, 9):
                middle, end = position + size, position + 2 * size
                if (
                    end <= length
                    and chunk[position:middle] == chunk[middle:end]
                    and (size > 1 or chunk[position:middle] in _VALUE_WORDS)
                    and value_fit(chunk[position:middle], free=True) is not None
                ):
                    pieces = ((position, middle), *empty, (middle, end))
                    yield Edge(position, slot, end, actual + 1, _TWICE, pieces, True)

    def actual_after(self, slot: int) -> int | None:
        """The 实际值 slot after a 指标值 slot, with only columns the model does not keep (调整
        指标值) between them; None when ``slot`` is no 指标值 or no 实际值 follows it so."""
        if self.slots[slot].field is not Field.TARGET:
            return None
        for index in range(slot + 1, len(self.slots)):
            if self.slots[index].field is Field.ACTUAL:
                return index
            if self.slots[index].shape is not Shape.SPARE_VALUE:
                return None
        return None

    def fit(self, start: int, end: int, shape: Shape) -> float | None:
        key = (start, end, shape)
        if key not in self.fits:
            bounded = self.whole or shape is Shape.DESCRIPTION
            self.fits[key] = piece_fit(
                self.chunk[start:end], shape, rest=end == len(self.chunk), line=bounded
            )
        return self.fits[key]

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
        return rows

    def row(
        self, cells: tuple[tuple[int, int], ...], inferred: bool, junk: bool, contested: list[bool]
    ) -> GluedRow:
        begin = min(start for start, end in cells if end > start)
        finish = max(end for start, end in cells if end > start)
        doubtful = None
        if junk:
            doubtful = "含有无法识别的文字"
        elif any(contested[begin:finish]):
            doubtful = "有其他同样可能的拆分"
        else:
            filled = {self.slots[i].field for i, (a, b) in enumerate(cells) if b > a}
            fields = {s.field for s in self.slots}
            for field in (Field.TARGET, Field.ACTUAL):
                if {Field.TARGET, Field.ACTUAL} <= fields and field not in filled:
                    doubtful = "缺少指标值或实际完成值，无法确定其余数值所在的列"
            if Field.UNIT in fields and Field.UNIT not in filled and self.unit_printed(cells):
                # the unit column is empty but the value has a unit: the name may hold it
                doubtful = "计量单位列为空而指标值带有单位，单位可能粘连在指标名称中"
        return GluedRow(cells, inferred, doubtful)

    def unit_printed(self, cells: tuple[tuple[int, int], ...]) -> bool:
        for slot, (a, b) in zip(self.slots, cells, strict=True):
            if slot.field is Field.TARGET and b > a:
                target = parse_target(self.chunk[a:b])
                return bool(target.unit) and target.unit != "%"
        return False


def inside_number(chunk: str, position: int) -> bool:
    return (
        0 < position < len(chunk)
        and chunk[position].isdigit()
        and (chunk[position - 1].isdigit() or chunk[position - 1] == ".")
    )


def segment(
    chunk: str,
    slots: tuple[Slot, ...],
    *,
    whole: bool,
    breaks: frozenset[int] = frozenset(),
    always: frozenset[int] = frozenset(),
) -> list[GluedRow]:
    """The rows of a chunk of glued text (``whole``: the chunk is exactly one row; ``breaks``:
    where printed lines start in it; ``always``: slots the table's confident rows all fill)."""
    if not chunk:
        return []
    return Reader(chunk, slots, whole=whole, breaks=breaks, always=always).read()


# --- what a piece of text can be ----------------------------------------------------------


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
        case Shape.TEXT | Shape.DESCRIPTION:
            # free text (备注, 偏差原因, 指标说明): words, weak evidence
            if (line or rest) and _CJK.match(piece) and not _LEVEL.search(piece):
                return 0.0 if rest else -0.5
            return None
    return None


def value_fit(piece: str, *, free: bool) -> float | None:
    """A 指标值 or 实际值: a quantity the grammar reads and that ends where its unit (or a
    qualifier such as 以上) ends, a grade, a trend word (显著提升, 减少), or — ``free`` — a few
    words (有效保障)."""
    if piece in _VALUE_WORDS:
        return 2.0
    if _TREND_VALUE.match(piece):
        return 1.5
    if _VALUE_START.match(piece):
        if not _LEADING_ZERO.match(piece) and ends_as_quantity(piece):
            return 3.0
        return None
    if free and _CJK.match(piece) and not _LEVEL.search(piece) and not is_level_name(piece):
        return _FREE_VALUE
    return None


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
        and not text.startswith("指标")  # the rest of a level name (数量|指标…)
        and not (len(text) <= 4 and is_unit(text))
        and not is_unit(text[:2])  # 亿元…: the unit of the value before it
        and not _LEVEL.search(text)
    ):
        # a name ending in a quantity (…总投资1020万元) more likely lost its value to it
        return -1.0 if _ENDS_IN_QUANTITY.search(text) else 1.0
    return None


def emit_row(
    builder: RowBuilder,
    glued: GluedText,
    offset: int,
    row: GluedRow,
    slots: tuple[Slot, ...],
    columns: list[Column],
    level1: Token | None,
    level2: Token | None,
) -> None:
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
    for index, (start, end) in enumerate(row.cells, start=first):
        if end > start:
            cells[index] = glued.token(offset + start, offset + end)
    tokens = [c for c in cells if c is not None]
    doubts = (
        (ReadingDoubt("PRS012", "的单元格之间没有分隔符，按数值格式与指标词汇拆分"),)
        if row.inferred
        else ()
    )
    builder.table(cells, tokens, doubts)
