"""Indicator rows printed over several physical lines (converter tab or pipe text).

A converter that prints a tall table row line by line puts each long cell over two or three
lines, its pieces under its column, the row's short cells on the first line (top-aligned
cells) or on the middle one (cells centred, as most forms print them)::

    产出指标  质量指标  食品安全抽检完  ≥98%      15  15        top-aligned: a rest below
                        成率
              义务教育营养改                                centred: a piece above the
    效益指标  可持续影响  善持续发挥作用  ≥9%     5   5      line of the short cells, and
                        年限提升率                          one below it

Which lines make one row is decided for a whole run of such lines at once, by what the
joined cells are, never by position alone (:func:`settle_wrapped_rows`): every way of cutting
the run into rows of one to four lines is scored by dynamic programming, a row scoring by its
cells — a 三级 name that reads whole (`stands_alone`), a level cell that is a level name (and
better, one completed by the join: 经济成本指 | 标), a 指标值 the grammar reads (a number
completed by its unit, ≤2000 | 元/次; a date cut inside, 2019年12 | 月31日前), at most one
line of 分值/得分 (short cells are never wrapped). Two whole values, two whole names or two
descriptions (反映… twice) in one row cost, as does a row without a name or a 指标值. A table
prints all its rows one way: a run is cut once with every row's short cells on its first line
and once on its middle line, and the better of the two is taken.

Precision first: where another cutting that puts some line in another row scores within a
margin of the best (or the other alignment's cutting, within the margin, cuts it otherwise),
the rows it touches are not read: one ``PRS024`` doubt names their lines (their level cells
are kept, so that the rows below carry the right levels). Runs whose every line is a whole
row are left as they are.

The header block above the indicators wraps too (部门名称 | 乌海市民 / | 政局): in a block
printed top-aligned, a line holding only the rests of the cells above is joined to them
(:func:`settle_header_block`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Final

from jixiao.assemble.columns import map_columns, region_columns, regions_under_target
from jixiao.ingest.budget import check_budget
from jixiao.ingest.cleaning import join_wrapped_lines
from jixiao.ingest.grid import Cell, ReadingDoubt, Row, RowKind
from jixiao.model.characters import is_traditional, to_simplified
from jixiao.model.framework import normalize_level1, normalize_level2
from jixiao.model.labels import (
    continues_column_label,
    furniture_kind,
    is_bare_measure,
    is_header_without_target,
    is_indicator_header,
    is_known_label,
    printed_total,
    stands_alone,
    starts_header_label,
)
from jixiao.model.target import TargetKind
from jixiao.model.vocabulary import DIRECTIONS, GRADES, Field
from jixiao.targets.parser import parse_target

# a row is printed over at most this many lines (a cell wraps over three at a column's width)
_MOST_LINES: Final = 4
# a cutting of the run is doubted when another one scores within this margin of the best
_MARGIN: Final = 2.5
_LEVELS: Final = (Field.LEVEL1, Field.LEVEL2)
_JOINING_END: Final = ("、", "，", ",", "及", "和", "与")
_POINTS: Final = (Field.WEIGHT, Field.SCORE)
# how a level name ends, the framework's or a form's own (预算执行管理, 资产管理)
_LEVEL_ENDS: Final = ("指标", "管理", "效益", "效果", "质量", "数量", "时效", "成本", "满意度")


@dataclass(frozen=True, slots=True)
class Expected:
    """What every row of the table prints: a 指标值, 分值/得分."""

    target: bool
    points: bool
    # the table's 指标说明 cells start with 反映 (反映…情况): a line whose piece does not is
    # the rest of the row above
    reflects: bool = False
    # how the table prints a row's short cells: on its first line ("top"), on its middle one
    # ("centred"); None: either
    alignment: str | None = None


def settle_wrapped_rows(rows: Sequence[Row]) -> list[Row]:
    """The grid's rows with each indicator row printed over several lines made one row
    (cells joined down their columns, ``line_end`` its last line), or, where the text does not
    settle which lines belong together, replaced by a row holding only their level cells and
    a ``PRS024`` doubt naming the lines. O(lines × _MOST_LINES²) cell joins."""
    settled: list[Row] = []
    columns: dict[Field, list[int]] | None = None
    header: Row | None = None
    run: list[Row] = []

    last_doubted = False  # the last row of the last run was not read

    def flush() -> None:
        nonlocal last_doubted
        if run and columns is not None:
            rows = settle_run(run, columns)
            last_doubted = any(doubt.code == "PRS024" for doubt in rows[-1].doubts)
            settled.extend(rows)
        elif run:
            settled.extend(run)
        run.clear()

    def header_columns(cells: Sequence[Cell]) -> dict[Field, list[int]]:
        mapped = map_columns(cells)
        regions = region_columns(cells)
        if regions:
            mapped[Field.TARGET] = regions  # one 指标值 column per region (the collector's)
        return mapped

    block: list[Row] = []  # the lines of a header block (before its indicator header)

    def settle_block() -> None:
        if block:
            settled.extend(settle_header_block(block))
            block.clear()

    seen = False  # the table has indicator lines: a header or a line between them is a break
    broken = False  # the next line starts a page
    for row in rows:
        check_budget()
        texts = row.texts
        if row.kind is RowKind.TABLE and (
            is_indicator_header(texts) or is_header_without_target(texts)
        ):
            settle_block()
            flush()
            broken = seen and columns is not None
            columns, header = header_columns(row.cells), row
            settled.append(row)
            continue
        regions = regions_under_target(header.cells, row.cells) if header and not run else {}
        if regions and columns is not None:
            # the header's second row: the regions' names under its 指标值 (the collector's)
            columns = {**columns, Field.TARGET: list(regions)}
            header = None
            settled.append(row)
            continue
        if header is not None and not run and continues_header(header, row):
            # the header's labels wrapped (年度指标 | 值): the collector joins them too
            header = joined([header, row])
            columns = header_columns(header.cells)
            settled.append(row)
            continue
        header = None
        if columns is not None and is_indicator_line(row, texts, columns):
            if run and (row.starts_page or not follows(run[-1], row)):
                flush()
                broken = True
            if (broken or row.starts_page) and not run and cut_by_break(row, columns):
                # the rest of a row cut by a page break: the collector's — unless the row
                # before the break was not read (it would join the row above that one)
                settled.append(doubted([row], columns) if last_doubted else row)
            else:
                run.append(row)
            seen, broken = True, False
            continue
        flush()
        broken = seen
        if row.kind is RowKind.TABLE and opens_header_block(texts, columns):
            columns, seen, broken = None, False, False  # the next table's header block
        if columns is None and row.kind is RowKind.TABLE:
            block.append(row)
            continue
        settle_block()
        settled.append(row)
    flush()
    settle_block()
    return settled


def settle_header_block(lines: list[Row]) -> list[Row]:
    """A header block's lines with each cell wrapped over lines joined to its row
    (:func:`continues_block_row`), when the block is printed top-aligned. A block printed
    centred (its first line holds no label: the first line of values centred on the label's
    line below) is left as printed."""
    if not lines or not lines[0].texts or not lines[0].texts[0]:
        return list(lines)
    out: list[Row] = []
    for row in lines:
        if out and continues_block_row(out[-1], row):
            out[-1] = joined([out[-1], row])  # 部门名称 | 乌海市民 / | 政局
        else:
            out.append(row)
    return out


def continues_block_row(above: Row, row: Row) -> bool:
    """In a header block, the line right after a row holding only the rests of its cells
    wrapped in their columns (部门名称 | 乌海市民 | 部门预算 | 345743 / | 政局 | 编码 |; 年度预算 /
    安排（万 / 元）): every piece under a cut cell of the row — not under a whole label, a figure
    or a sentence — and no piece starting a label of its own (| 项目支出 | 0, | 其中：财政拨款
    | …), unless it completes the label above it (部门预算 | 编码)."""
    if (
        row.kind is not RowKind.TABLE
        or above.kind is not RowKind.TABLE
        or not follows(above, row)
        or is_indicator_header(above.texts)
    ):
        return False
    upper = above.texts
    printed = [(i, text) for i, text in enumerate(row.texts) if text]
    if not printed:
        return False
    for i, text in printed:
        head = upper[i] if i < len(upper) else ""
        if not head or _FIGURE.fullmatch(head) or head.endswith(_SENTENCE_END):
            return False
        label_above = is_known_label(head)
        if label_above and not starts_header_label(head + text):
            return False  # a whole label: the line is the next row (年度资金总额 / 其中：财…)
        if not label_above and starts_header_label(head + text):
            continue  # the label cut in its cell (部门预算 | 编码, 预算规模及资金 | 用途)
        if head.endswith(_WHOLE_VALUE_END) and not text.startswith(_JOINING_START):
            return False  # a name ending as names of projects and units end (…项目, …局)
        if text.startswith("其中") or is_known_label(text) or starts_header_label(text):
            return False  # a label of its own: the next row
    return True


# how the names of projects and units end: a value so ending is whole unless the next piece
# starts with a joining mark (财政局、水利局 | 、自然资源局)
# (not a character that starts longer words too: 委 of 委员会, 部 of 部门, 院 of 院校)
_WHOLE_VALUE_END: Final = (
    "项目", "经费", "资金", "工程", "专项", "局", "委员会", "中心", "办公室", "政府", "学校",
    "医院", "图书馆", "博物馆",
)  # fmt: skip
_JOINING_START: Final = ("、", "，", ",", "及", "和", "与", "（", "(")
_FIGURE: Final = re.compile(r"[-+]?[\d,，.]+%?")
_SENTENCE_END: Final = ("。", "；", ";", "！", "？")


def continues_header(header: Row, row: Row) -> bool:
    """The line right after the indicator header holding only the rest of its labels."""
    above = {cell.column: cell.text for cell in header.cells}
    rest = [cell for cell in row.cells if cell.text]
    return (
        row.kind is RowKind.TABLE
        and bool(rest)
        and follows(header, row)
        and all(
            cell.column in above and continues_column_label(above[cell.column], cell.text)
            for cell in rest
        )
    )


def cut_by_break(row: Row, columns: dict[Field, list[int]]) -> bool:
    """The first line after a page break with no level cell and no 指标值: maybe the rest of
    the row the break cut (the collector joins it on the evidence, PRS001)."""
    fields = line_fields(row, columns)
    return not any(fields.get(field) for field in (*_LEVELS, Field.TARGET))


def is_indicator_line(row: Row, texts: Sequence[str], columns: dict[Field, list[int]]) -> bool:
    """A table line (its cells' ``texts``) under the indicator header that may be (part of)
    an indicator row: not a header-block label, a total or furniture."""
    if row.kind is not RowKind.TABLE or row.source.line is None:
        return False
    printed = [text for text in texts if text]
    return (
        bool(printed)
        and not opens_header_block(texts, columns)
        and printed_total(printed, under_indicators=True) is None
        and not any(furniture_kind(text) for text in printed)
    )


def opens_header_block(texts: Sequence[str], columns: dict[Field, list[int]] | None) -> bool:
    """The line starts the next table's header block (项目名称, 部门名称 …): its first text is
    a header label, printed left of the 二级 and 三级 columns (in those, a label's word is a
    level of the evaluation framework, 绩效目标, or a piece of a wrapped name: 国家政策性 |
    粮收购价格 | 执行率)."""
    first = next((i for i, text in enumerate(texts) if text), None)
    if first is None or not is_known_label(texts[first]):
        return False
    inner = [i for field in (Field.LEVEL2, Field.NAME) for i in (columns or {}).get(field, [])]
    return not inner or first < min(inner)


def follows(above: Row, row: Row) -> bool:
    last = above.source.line_end or above.source.line
    return last is not None and row.source.line == last + 1


def settle_run(run: list[Row], columns: dict[Field, list[int]]) -> list[Row]:
    """One run of consecutive indicator lines, settled (see :func:`settle_wrapped_rows`).

    What a row prints once is on one of its lines only (:func:`printed_once`): the run is cut
    between two lines that both print such a thing (two whole lines, two 二级 names), and only
    its pieces holding a partial line are settled by the dynamic program."""
    lines = [line_fields(row, columns) for row in run]
    expected = Expected(
        target=Field.TARGET in columns,
        points=any(field in columns for field in _POINTS),
        reflects=any(line.get(Field.DESCRIPTION, "").startswith("反映") for line in lines),
    )
    once = [printed_once(fields, expected) for fields in lines]
    cuts = [i for i in range(1, len(run)) if once[i - 1] & once[i]]
    pieces = [
        (first, end)
        for first, end in zip([0, *cuts], [*cuts, len(run)], strict=True)
        if end - first > 1
    ]
    # a table prints all its rows one way: the pieces are cut under each alignment, and the
    # one whose cuttings score better is taken; where the other scores within the margin, the
    # rows the two cut differently are not read
    plans = {
        alignment: [
            cutting(lines[a:b], once[a:b], replace(expected, alignment=alignment))
            for a, b in pieces
        ]
        for alignment in _ALIGNMENTS
    }
    totals = {alignment: sum(plan.best for plan in plans[alignment]) for alignment in plans}
    chosen, other = sorted(_ALIGNMENTS, key=lambda alignment: -totals[alignment])
    close = totals[chosen] - totals[other] < _MARGIN
    cut = {a: plan for (a, _), plan in zip(pieces, plans[chosen], strict=True)}
    rival = {a: plan for (a, _), plan in zip(pieces, plans[other], strict=True)}
    settled: list[Row] = []
    index = 0
    while index < len(run):
        plan = cut.get(index)
        if plan is None:
            settled.append(run[index])  # a row of its own line
            index += 1
            continue
        unsure = plan.unsure
        if close:
            theirs = set(rival[index].groups)
            unsure = [
                u or group not in theirs for group, u in zip(plan.groups, unsure, strict=True)
            ]
        for (first, last), doubt in zip(plan.groups, unsure, strict=True):
            rows = run[index + first : index + last + 1]
            if doubt:
                settled.append(doubted(rows, columns))
            elif len(rows) == 1:
                settled.append(rows[0])
            else:
                settled.append(joined(rows))
        index += plan.groups[-1][1] + 1
    return settled


_ALIGNMENTS: Final = ("top", "centred")


_WHOLE: Final = "whole line"


def printed_once(fields: dict[Field, str], expected: Expected) -> frozenset[str]:
    """What a line prints that a row prints on one line only: a level name in a level column
    (a row's level cell names one level; cut by its column, its pieces are no names: 经济成本指 |
    标), and being a whole row by itself (a row holds at most one such line: two are two rows).

    A line is whole with a name that reads whole, a 指标值 the grammar reads (not ≥978人/) and
    分值/得分 where the table prints them, and no level cell that is no level name."""
    named = frozenset(
        level for level in _LEVELS if level in fields and normalize_level(level, fields[level])
    )
    whole = (
        reads_whole(fields.get(Field.NAME, ""))
        and not (expected.target and quality(fields.get(Field.TARGET, "")) < 0)
        and not (expected.points and not any(field in fields for field in _POINTS))
        and all(level in named for level in _LEVELS if level in fields)
    )
    return named | {_WHOLE} if whole else named


def printed_twice(once: Sequence[frozenset[str]]) -> bool:
    """Some lines both print what a row prints once: they are no one row."""
    seen: set[str] = set()
    for marks in once:
        if seen & marks:
            return True
        seen |= marks
    return False


@dataclass(frozen=True, slots=True)
class Cutting:
    """The best cutting of a piece of a run into rows: the rows' first and last lines (in the
    piece), whether each is unsure, and the cutting's score."""

    groups: list[tuple[int, int]]
    unsure: list[bool]
    best: float


def cutting(
    lines: list[dict[Field, str]], once: list[frozenset[str]], expected: Expected
) -> Cutting:
    """Lines of a run, no two after one another printing the same thing a row prints once
    (:func:`printed_once`), cut into rows by dynamic programming over the spans of one to
    ``_MOST_LINES`` lines among which none is printed twice: the best cutting, each of its rows
    unsure where another cutting that puts some of its lines in another row scores within
    ``_MARGIN`` of the best."""
    count = len(lines)
    scores = {
        (first, last): row_score(lines[first : last + 1], expected)
        + (cut_cost(lines[first - 1], lines[first]) if first else 0.0)
        for first in range(count)
        for last in range(first, min(count, first + _MOST_LINES))
        if not printed_twice(once[first : last + 1])
    }
    before = best_scores(count, scores, forward=True)
    after = best_scores(count, scores, forward=False)
    best = before[count]
    groups: list[tuple[int, int]] = []
    end = count
    while end > 0:  # the best cutting, back to front
        first = max(
            (a for a, b in scores if b == end - 1),
            key=lambda a: before[a] + scores[a, end - 1],
        )
        groups.append((first, end - 1))
        end = first
    groups.reverse()
    unsure = [
        best
        - max(
            (
                before[a] + score + after[b + 1]
                for (a, b), score in scores.items()
                if a <= last and first <= b and (a, b) != (first, last)
            ),
            default=float("-inf"),
        )
        < _MARGIN
        for first, last in groups
    ]
    # a row whose name does not read whole before lines not settled may hold their start
    # (公卫均等化签 | 约完成率、特 …), after them their end unless it prints a level of its
    # own: not read either
    for index, (first, last) in enumerate(groups):
        name = join([line.get(Field.NAME, "") for line in lines[first : last + 1]])
        if reads_whole(name):
            continue
        ends_them = index > 0 and unsure[index - 1] and not once[first] - {_WHOLE}
        starts_them = unsure[index + 1 : index + 2] == [True]
        if ends_them or starts_them:
            unsure[index] = True
    return Cutting(groups, unsure, best)


def best_scores(count: int, scores: dict[tuple[int, int], float], *, forward: bool) -> list[float]:
    """Forward: the best score of cutting lines [0, i) into rows of the ``scores``' spans, for
    each i; backward: of cutting lines [i, count)."""
    best = [float("-inf")] * (count + 1)
    if forward:
        best[0] = 0.0
        for (a, b), score in sorted(scores.items(), key=lambda item: item[0][1]):
            best[b + 1] = max(best[b + 1], best[a] + score)
    else:
        best[count] = 0.0
        for (a, b), score in sorted(scores.items(), key=lambda item: -item[0][0]):
            best[a] = max(best[a], best[b + 1] + score)
    return best


def line_fields(row: Row, columns: dict[Field, list[int]]) -> dict[Field, str]:
    """The line's text per field that has some; of several 指标值 columns (one per region)
    the first."""
    texts = row.texts
    width = len(texts)
    fields: dict[Field, str] = {}
    for name, indices in columns.items():
        text = ""
        for i in indices:
            if i < width and texts[i]:
                text += texts[i]
                if name is Field.TARGET:
                    break
        if text:
            fields[name] = text
    return fields


def cut_cost(above: dict[Field, str], line: dict[Field, str]) -> float:
    """What starting a row at ``line`` costs when it continues a cell of the line above: a
    date cut inside (2018年 | 12月31日前), a number cut before its unit (≤2000 | 元/次), a
    level name cut (经济成本指 | 标)."""
    cost = 0.0
    before, after = above.get(Field.TARGET, ""), line.get(Field.TARGET, "")
    if before and after:
        if _DATE_HEAD.search(before) and _DATE_TAIL.match(after):
            cost -= 3
        elif quality(before) == 1 and _UNIT_ONLY.fullmatch(after):
            cost -= 2
    for level in _LEVELS:
        head, tail = above.get(level, ""), line.get(level, "")
        if (
            head
            and tail
            and normalize_level(level, head) is None
            and normalize_level(level, head + tail) is not None
        ):
            cost -= 3
    return cost


def row_score(lines: Sequence[dict[Field, str]], expected: Expected) -> float:
    """How plausible these lines are as one indicator row, by what the joined cells are."""
    score = 0.0
    with_points = sum(any(field in line for field in _POINTS) for line in lines)
    if with_points > 1:
        score -= 10 * (with_points - 1)  # 分值/得分 are short cells: on one line of their row
    elif expected.points and not with_points:
        score -= 1  # (a 分值 merged over several rows is printed on the first only)
    at: dict[Field, list[int]] = {}  # the lines each cell is printed on
    texts: dict[Field, list[str]] = {}  # and its pieces
    for number, line in enumerate(lines):
        for field, text in line.items():
            at.setdefault(field, []).append(number)
            texts.setdefault(field, []).append(text)
    if not aligned(at, len(lines), expected.alignment):
        score -= 3

    def pieces(field: Field) -> tuple[str, ...]:
        return tuple(texts.get(field, ()))

    score += name_score(pieces(Field.NAME))
    for level in _LEVELS:
        score += level_score(level, pieces(level))
    if expected.target:
        score += value_score(pieces(Field.TARGET), required=True)
    score += value_score(pieces(Field.ACTUAL), required=False) / 2
    descriptions = pieces(Field.DESCRIPTION)
    if any(piece.startswith("反映") for piece in descriptions[1:]):
        score -= 4  # a second description starts: another row's
    if expected.reflects and descriptions and not descriptions[0].startswith("反映"):
        score -= 4  # a row starting with the rest of a description (…完成时间情况)
    return score


def aligned(at: dict[Field, list[int]], count: int, alignment: str | None = None) -> bool:
    """The cells sit on the row's ``count`` lines (``at``: the lines each is printed on) as a
    row's cells are printed: each on consecutive lines, all from the first line (top-aligned)
    or all centred on the row's lines — the short cells of a row of two lines on its first,
    of three on its middle one; only as ``alignment`` says where it is given."""
    top = centred = True
    for numbers in at.values():
        if numbers[-1] - numbers[0] != len(numbers) - 1:
            return False
        top = top and numbers[0] == 0
        centred = centred and numbers[0] == (count - len(numbers)) // 2
    if alignment is not None:
        return top if alignment == "top" else centred
    return top or centred


# The scores of a row's cells are asked again for every cutting that holds the same pieces.
@lru_cache(maxsize=4096)
def name_score(parts: tuple[str, ...]) -> float:
    if not parts:
        return -6
    name = join(parts)
    score = 2.0 if reads_whole(name) else -2.0
    if len(parts) > 1 and any(
        reads_whole(join(parts[:cut]))
        and (reads_whole(join(parts[cut:])) or any(reads_whole(part) for part in parts[cut:]))
        for cut in range(1, len(parts))
    ):
        score -= 5  # two whole names: two rows (县级储备粮 | 应急保障率 / 国家政策性)
    return score


@lru_cache(maxsize=4096)
def reads_whole(name: str) -> bool:
    """A 三级 name that can stand as a row's: it ends as names end, and is more than a measure
    with no object (提升率, 满意度) or two characters (年限, 情况: the end of a cut name)."""
    if is_traditional(name):
        name = to_simplified(name)  # (how names end is told in simplified characters)
    return len(name) > 2 and stands_alone(name) and not is_bare_measure(name)


@lru_cache(maxsize=4096)
def level_score(level: Field, parts: tuple[str, ...]) -> float:
    if not parts:
        return 0
    if normalize_level(level, join(parts)) is None:
        # pieces that make no level name: two levels (数量指标 | 质量指标) are two rows' cells;
        # a piece that ends in a joining mark is cut (社会、经济、 | 生态效益指标); one piece alone
        # is a form's own word (管理指标's areas)
        if len(parts) == 1 or all(part.endswith(_JOINING_END) for part in parts[:-1]):
            return 0
        named = sum(normalize_level(level, part) is not None for part in parts)
        if not named and not parts[0].endswith(_LEVEL_ENDS):
            return 0  # a form's own level word cut by its column (预算执行管 | 理)
        return -6 * named - 3
    if len(parts) > 1 and normalize_level(level, parts[0]) is None:
        return 3  # a level name cut by its column and completed (经济成本指 | 标)
    return 1


@lru_cache(maxsize=4096)
def value_score(parts: tuple[str, ...], *, required: bool) -> float:
    if not parts:
        return -6 if required else 0  # (a row without its 指标值: rather a row's piece)
    score = quality(join(parts))
    if len(parts) > 1:
        if date_continues(parts[0], join(parts[1:])):
            score += 3  # a date cut inside (2019年12 | 月31日前)
        elif quality(parts[0]) >= 2 and (
            quality(join(parts[1:])) >= 2 or any(quality(part) >= 2 for part in parts[1:])
        ):
            score -= 6  # two whole values: two rows
    return score


@lru_cache(maxsize=4096)
def quality(value: str) -> float:
    """How well a 指标值 reads: 2 a quantity with its unit, a date, a known grade; 1 a bare
    number; 0 other words or a year alone (2018年); −4 nothing; −2 what the grammar cannot
    read (≥978人/, 2019年12) or a unit alone (元/次, 次)."""
    if not value:
        return -4
    if value in _NONE_VALUES:
        return 2  # a value stating there is none
    if _YEAR_ALONE.fullmatch(value):
        return 0  # a year alone: a date cut by its column, more likely than a 指标值
    target = parse_target(value)
    if target.kind is TargetKind.TEXT:
        return -2
    if target.kind is TargetKind.NUMERIC:
        return 2 if target.unit or target.unit_printed else 1
    if target.kind is TargetKind.QUALITATIVE:
        if target.grade or value.endswith(_WORDED_ENDS):
            return 2
        return -2 if _UNIT_ONLY.fullmatch(value) else 0
    return 2


# a unit printed alone: one to three characters of a measure (次, 元/次, 人/年, 平方米)
_UNIT_ONLY: Final = re.compile(r"[/／]?[\u3400-\u9fff]{1,3}(?:[/／][\u3400-\u9fff]{1,2}){0,2}")
# a worded 指标值 ending in a trend or grade word: 有效提高, 显著提升, 明显改善
_WORDED_ENDS: Final = (*DIRECTIONS, *(grade for grade in GRADES if len(grade) > 1), "改善")
_NONE_VALUES: Final = ("无", "没有", "零")
_YEAR_ALONE: Final = re.compile(r"(?:19|20)\d{2}\s*年")
_DATE_HEAD: Final = re.compile(r"(?:(?:19|20)\d{2}年|\d|\d月|[月日底末]前)$")
_DATE_TAIL: Final = re.compile(r"^(?:\d{1,2}\s*[月日]|[月日号]|[底末]|[上中下]旬|完成)")


def date_continues(head: str, tail: str) -> bool:
    """A date cut inside by its column: 2018年 | 12月31日前, 2019年12 | 月31日前, 2019年6月 |
    底前完成, 2019年12月底前 | 完成."""
    return (
        bool(_DATE_HEAD.search(head))
        and bool(_DATE_TAIL.match(tail))
        and parse_target(head + tail).kind is TargetKind.DEADLINE
    )


def join(parts: Sequence[str]) -> str:
    return joined_text(tuple(parts))


@lru_cache(maxsize=4096)  # the spans of a run share their pieces
def joined_text(parts: tuple[str, ...]) -> str:
    return join_wrapped_lines("\n".join(parts))


@lru_cache(maxsize=4096)
def normalize_level(level: Field, text: str) -> str | None:
    return normalize_level1(text) if level is Field.LEVEL1 else normalize_level2(text)


def joined(rows: Sequence[Row]) -> Row:
    """Lines of one row as one row: each column's pieces joined top to bottom."""
    width = max(len(row.cells) for row in rows)
    cells: list[Cell] = []
    for column in range(width):
        present = [row.cells[column] for row in rows if column < len(row.cells)]
        texts = [cell.text for cell in present if cell.text]
        printed = [cell.printed_text for cell in present if cell.text]
        first = next((cell for cell in present if cell.text), present[0])
        text = join(texts) if texts else ""
        cells.append(
            replace(
                first,
                text=text,
                column=column,
                printed=None if printed == texts else join(printed),
            )
        )
    source = rows[0].source.model_copy(update={"line_end": rows[-1].source.line})
    return Row(
        RowKind.TABLE,
        tuple(cells),
        source,
        doubts=tuple(doubt for row in rows for doubt in row.doubts),
    )


def doubted(rows: Sequence[Row], columns: dict[Field, list[int]]) -> Row:
    """Lines whose row the text does not settle: only their level cells (so that the rows
    below carry the right levels), with a PRS024 doubt naming the lines and their text."""
    whole = joined(rows)
    keep = {index for level in _LEVELS for index in columns.get(level, [])}
    cells = tuple(
        cell if cell.column in keep else replace(cell, text="", printed=None)
        for cell in whole.cells
    )
    text = " / ".join(" ".join(t for t in row.texts if t) for row in rows)
    last = rows[-1].source.line
    span = f"至第{last}行" if len(rows) > 1 else ""
    doubt = ReadingDoubt(
        "PRS024",
        f"{span}的单元格折行，无法确定哪些行属于同一指标，未读取：“{text[:80]}”",
    )
    return replace(whole, cells=cells, doubts=(*whole.doubts, doubt))
