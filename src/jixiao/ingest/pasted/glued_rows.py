"""Indicator rows of glued text: a 三级指标 and its value cells, cut by a dynamic programme.

Between two level names (产出指标, 数量指标 …) the text is one or more rows, each a 三级指标
followed by the value columns of the header (分值, 指标值, 实际值, 得分 …). Every cut is tried;
a piece scores by what the 指标值 grammar makes of it (``≥266米`` a target, ``10`` a score,
``高高`` a grade printed twice as target and actual), a cut between two digits costs a little,
every row costs a little, and the best reading of the whole text wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from jixiao.ingest.grid import ReadingDoubt
from jixiao.ingest.pasted.cells import is_level_name, is_unit, target_kind
from jixiao.ingest.pasted.tokens import Token
from jixiao.model import TargetKind
from jixiao.model.framework import FRAMEWORK, LEVEL1_ALIASES, LEVEL2_ALIASES, normalize_level1
from jixiao.model.labels import Field
from jixiao.targets.vocabulary import GRADES, PLACEHOLDER_WORDS, alternation

if TYPE_CHECKING:
    from jixiao.ingest.pasted.glued import GluedText
    from jixiao.ingest.pasted.layout import Column, RowBuilder

_CJK: Final = re.compile(r"[\u3400-\u9fff]")
_SCORE_PIECE: Final = re.compile(r"(?:100|[1-9]?\d)(?:\.\d{1,2})?")
_LEVEL_NAMES: Final = sorted(
    {
        name
        for name in [*LEVEL1_ALIASES, *LEVEL2_ALIASES, *(n for v in FRAMEWORK.values() for n in v)]
        if name.endswith("指标")
    }
)
# a level name, with the section weight some forms print after it: 产出指标（70分）
_LEVEL: Final = re.compile(rf"(?:{alternation(_LEVEL_NAMES)})(?:[（(]\d+(?:\.\d+)?分[)）])?")
_SECTION_LABEL: Final = "绩效指标"  # the indicator block's own label, repeated after page breaks
_VALUE_START: Final = re.compile(r"[≥≤><=＝﹦\d+-]")
_LEADING_ZERO: Final = re.compile(r"^[≥≤><=＝﹦]?0\d")
_VALUE_WORDS: Final = frozenset(GRADES) | frozenset(PLACEHOLDER_WORDS)
_MAX_NAME: Final = 60
_MAX_VALUE: Final = 16
# A 三级指标 starts with a word (or a quantity: 5000吨稻谷…) and ends with one; it holds no
# comparator or percent sign (those start a value).
_NAME: Final = re.compile(
    r"^(?:[\u3400-\u9fffA-Za-z(（]|[1-9]).*[\u3400-\u9fffA-Za-z)）]$|^[\u3400-\u9fff]$"
)
_NOT_IN_NAME: Final = re.compile(r"[≥≤><=＝﹦%]")
_ROW_COST: Final = 3.0
_ENDS_IN_QUANTITY: Final = re.compile(r"\d+(?:\.\d+)?[\u3400-\u9fff]{1,2}$")
_DIGIT_CUT: Final = 1.5  # a cut between two digits is a guess: prefer cuts the text shows


def read_indicators(
    builder: RowBuilder, glued: GluedText, start: int, end: int | None, columns: list[Column]
) -> None:
    fields = [c.field for c in columns]
    if Field.NAME not in fields:
        return
    values = tuple(fields[fields.index(Field.NAME) + 1 :])
    stop = len(glued.text) if end is None else end
    level1: Token | None = None
    level2: Token | None = None
    position = start
    pending: list[Token] = []  # level names read since the last chunk
    for match in [*_LEVEL.finditer(glued.text, start, stop), None]:
        chunk_end = match.start() if match is not None else stop
        if chunk_end > position:
            level1, level2 = settle_levels(pending, level1, level2)
            pending = []
            chunk = glued.text[position:chunk_end].replace(_SECTION_LABEL, "")
            for row in read_chunk(chunk, values):
                emit_row(builder, glued, position, row, columns, level1, level2)
        if match is not None:
            if glued.text[match.start() : match.end()] != _SECTION_LABEL:
                pending.append(glued.token(match.start(), match.end()))
            position = match.end()
    level1, level2 = settle_levels(pending, level1, level2)


def settle_levels(
    names: list[Token], level1: Token | None, level2: Token | None
) -> tuple[Token | None, Token | None]:
    """The 一级/二级 in force after a run of level names (the last one is the row's 二级,
    unless it can only be a 一级)."""
    for index, name in enumerate(names):
        followed = index + 1 < len(names)
        only_one = normalize_level1(name.text) is not None and not is_level_two(name.text)
        if only_one or (followed and normalize_level1(name.text) is not None):
            level1, level2 = name, None
        else:
            level2 = name
    return level1, level2


def is_level_two(text: str) -> bool:
    from jixiao.model.framework import normalize_level2

    return normalize_level2(re.sub(r"[（(].*", "", text)) is not None


@dataclass(frozen=True, slots=True)
class GluedRow:
    cells: tuple[tuple[int, int], ...]  # (start, end) in the chunk of each column after NAME
    name: tuple[int, int]
    inferred: bool  # a cut fell between two digits or inside a repeated value


def read_chunk(chunk: str, values: tuple[Field | None, ...]) -> list[GluedRow]:
    """The rows of a chunk of glued text between two level names."""
    best = chunk_rows(chunk, values)
    return best if best is not None else []


def chunk_rows(chunk: str, values: tuple[Field | None, ...]) -> list[GluedRow] | None:
    length = len(chunk)
    # score[i] = best score of reading chunk[i:] as whole rows
    score: list[float | None] = [None] * (length + 1)
    choice: list[GluedRow | None] = [None] * (length + 1)
    score[length] = 0.0
    # the value cells after a name depend only on where the name ends: read them once
    readings: dict[int, list[tuple[float, tuple[tuple[int, int], ...], int, bool]]] = {}
    for start in range(length - 1, -1, -1):
        for name_end in range(start + 1, min(length, start + _MAX_NAME) + 1):
            name = chunk[start:name_end]
            if not is_name(name):
                continue
            if name_end not in readings:
                readings[name_end] = best_readings(value_readings(chunk, name_end, values))
            for row_score, cells, row_end, inferred in readings[name_end]:
                rest = score[row_end]
                if rest is None:
                    continue
                total = name_score(name) + row_score - _ROW_COST + rest
                current = score[start]
                if current is None or total > current:
                    score[start] = total
                    choice[start] = GluedRow(cells, (start, name_end), inferred)
    if score[0] is None:
        return None
    rows: list[GluedRow] = []
    position = 0
    while position < length:
        row = choice[position]
        assert row is not None
        rows.append(row)
        position = max([row.name[1], *(end for _, end in row.cells)])
    return rows


def best_readings(
    readings: list[tuple[float, tuple[tuple[int, int], ...], int, bool]],
) -> list[tuple[float, tuple[tuple[int, int], ...], int, bool]]:
    """For each place a row can end, only its best reading of the value cells."""
    best: dict[int, tuple[float, tuple[tuple[int, int], ...], int, bool]] = {}
    for reading in readings:
        end = reading[2]
        if end not in best or reading[0] > best[end][0]:
            best[end] = reading
    return list(best.values())


def name_score(name: str) -> float:
    """A name ending in a quantity (…总投资1020万元) more likely lost its value to it."""
    return -1.0 if _ENDS_IN_QUANTITY.search(name) else 1.0


def is_name(text: str) -> bool:
    return (
        len(text) >= 2
        and bool(_NAME.match(text))
        and bool(_CJK.search(text))
        and not _NOT_IN_NAME.search(text)
        and not (len(text) <= 4 and is_unit(text))
        and not is_level_name(text)
    )


def value_readings(
    chunk: str, start: int, values: tuple[Field | None, ...]
) -> list[tuple[float, tuple[tuple[int, int], ...], int, bool]]:
    """Every way to read the value columns from ``start``: (score, cells, end, inferred)."""
    readings: list[tuple[float, tuple[tuple[int, int], ...], int, bool]] = []

    def walk(
        index: int, position: int, score: float, cells: list[tuple[int, int]], inferred: bool
    ) -> None:
        if index == len(values):
            readings.append((score, tuple(cells), position, inferred))
            return
        field = values[index]
        # a value printed twice (target = actual), glued: 高高, 显著提升显著提升
        if field is Field.TARGET and index + 1 < len(values) and values[index + 1] is Field.ACTUAL:
            for size in range(1, 9):
                piece = chunk[position : position + size]
                if len(piece) == size and chunk[position + size : position + 2 * size] == piece:
                    walk(
                        index + 2,
                        position + 2 * size,
                        score + 6.5,
                        [
                            *cells,
                            (position, position + size),
                            (position + size, position + 2 * size),
                        ],
                        True,
                    )
        for end, piece_score in piece_readings(chunk, position, field):
            glued_digits = end < len(chunk) and chunk[end - 1].isdigit() and chunk[end].isdigit()
            walk(
                index + 1,
                end,
                score + piece_score - (_DIGIT_CUT if glued_digits else 0.0),
                [*cells, (position, end)],
                inferred or glued_digits,
            )
        walk(
            index + 1,
            position,
            score - skip_penalty(field),
            [*cells, (position, position)],
            inferred,
        )

    walk(0, start, 0.0, [], False)
    return readings


_SKIP_PENALTIES: Final[dict[Field | None, float]] = {
    Field.TARGET: 4.0,
    Field.ACTUAL: 2.0,
    Field.WEIGHT: 2.0,
    Field.SCORE: 2.0,
}


def skip_penalty(field: Field | None) -> float:
    """What an empty cell costs: a row without its 指标值 is the least likely."""
    return _SKIP_PENALTIES.get(field, 0.0)


def piece_readings(chunk: str, start: int, field: Field | None) -> list[tuple[int, float]]:
    """(end, score) of every piece at ``start`` that can be a cell of ``field``."""
    found: list[tuple[int, float]] = []
    if start >= len(chunk):
        return found
    if field in (Field.WEIGHT, Field.SCORE):
        for end in range(start + 1, min(len(chunk), start + 6) + 1):
            if _SCORE_PIECE.fullmatch(chunk[start:end]):
                found.append((end, 2.0))
        return found
    if field in (Field.TARGET, Field.ACTUAL):
        for end in range(start + 1, min(len(chunk), start + _MAX_VALUE) + 1):
            piece = chunk[start:end]
            if piece in _VALUE_WORDS:
                found.append((end, 2.0))
            elif (
                _VALUE_START.match(piece)
                and not _LEADING_ZERO.match(piece)
                and target_kind(piece)
                in (TargetKind.NUMERIC, TargetKind.RANGE, TargetKind.DURATION)
            ):
                found.append((end, 3.0))
        return found
    # free text (备注, 未完成原因): the rest of the chunk, when it is words
    rest = chunk[start:]
    if _CJK.match(rest):
        found.append((len(chunk), 0.0))
    return found


def emit_row(
    builder: RowBuilder,
    glued: GluedText,
    offset: int,
    row: GluedRow,
    columns: list[Column],
    level1: Token | None,
    level2: Token | None,
) -> None:
    fields = [c.field for c in columns]
    cells: list[Token | None] = [None] * len(columns)
    if level1 is not None and Field.LEVEL1 in fields:
        cells[fields.index(Field.LEVEL1)] = level1
    if level2 is not None and Field.LEVEL2 in fields:
        cells[fields.index(Field.LEVEL2)] = level2
    name_index = fields.index(Field.NAME)
    cells[name_index] = glued.token(offset + row.name[0], offset + row.name[1])
    for index, (start, end) in enumerate(row.cells, start=name_index + 1):
        if end > start:
            cells[index] = glued.token(offset + start, offset + end)
    tokens = [c for c in cells if c is not None]
    doubts = (
        (ReadingDoubt("PRS012", "的单元格之间没有分隔符，按数值格式与指标词汇拆分"),)
        if row.inferred
        else ()
    )
    builder.table(cells, tokens, doubts)
