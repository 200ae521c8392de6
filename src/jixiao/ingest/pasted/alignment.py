"""Placing a row's cells under the indicator columns when the empty cells have vanished.

Pasted text keeps a row's cells in order but drops the empty ones (and the cells of a merged
一级/二级 block after its first row). Placing the cells is then an alignment: every cell goes
to a column to the right of the previous cell's, each placement scored by how well the text
fits the column (:mod:`.cells`), each skipped column costed by where it is:

* before the first cell: free for merged columns (一级, 二级, a multi-project sheet's project
  cells), costly otherwise — a row does not start at its 指标值;
* after the last cell: cheap (an empty 备注), but costly for 三级指标 and 指标值 (a cut row);
* between cells: a vanished empty cell, possible but not free — nearly free for a 自评表's
  figures (实际完成值, 分值, 得分), which forms leave blank one by one, so that a lone number
  after the 指标值 is uncertain between them rather than guessed.

The best alignment is found by dynamic programming over (cell, column), forwards and
backwards, so that for every cell and column the best alignment putting that cell in that
column is known: a cell two alignments of (nearly) the same score put in different columns is
*uncertain* and is not placed at all. Scores are exact (integer thousandths), so a tie is a
tie. A stream of cells with no row breaks (one cell per line) is cut into rows by the same
scores (:func:`segment_rows`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from jixiao.ingest.budget import check_budget
from jixiao.ingest.pasted.cells import MERGED_COLUMNS, fit, is_level_name
from jixiao.model.vocabulary import PROJECT_COLUMNS, Field

_LEAD_COST: Final = 4.0
_TRAIL_COSTS: Final[dict[Field | None, float]] = {Field.NAME: 5.0, Field.TARGET: 3.0}
_TRAIL_COST: Final = 0.2
# an indicator row always has its 三级指标: a row whose name cell vanished between its level
# cells and its values is (nearly) never the reading
# a 自评表's figures are often left blank one by one — 实际完成值 before the actuals are filled
# in, 分值 printed per group, 得分 not given: an empty one between two filled ones is as likely
# as an empty one at the row's end, so a lone number after the 指标值 could be any of them
_FIGURE_GAP: Final = 0.3
_MIDDLE_COSTS: Final[dict[Field | None, float]] = {
    Field.LEVEL2: 1.0,
    Field.NAME: 8.0,
    Field.ACTUAL: _FIGURE_GAP,
    Field.WEIGHT: _FIGURE_GAP,
    Field.SCORE: _FIGURE_GAP,
}
_PROJECT_COLUMNS: Final = frozenset(PROJECT_COLUMNS)
_MIDDLE_COST: Final = 2.0
_ROW_COST: Final = 1.0
# Alignments scoring within this of the best are taken as equally likely.
_TIE: Final = 0.5
# Two space-separated pieces read as one cell: what the placement must gain to prefer it.
_JOIN_COST: Final = 1.0
# A run of digits or Latin letters (7, PM2.5, 5G) printed apart from the CJK text it belongs
# to: converters and typesetters put a space at that boundary (岁以下 after 7)
_LATIN_RUN: Final = re.compile(r"[0-9A-Za-z][0-9A-Za-z.+\-]{0,7}")
_CJK: Final = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a row's cells go: ``places[i]`` is the column of cell ``i``, None if uncertain."""

    places: tuple[int | None, ...]
    score: float
    uncertain: tuple[int, ...] = ()  # cells left out: two alignments disagree on them
    choices: tuple[tuple[int, ...], ...] = ()  # the columns each uncertain cell could go to

    @property
    def is_certain(self) -> bool:
        return not self.uncertain


def skip_cost(field: Field | None, where: str) -> float:
    if where == "lead":
        return 0.0 if field in MERGED_COLUMNS else _LEAD_COST
    if where == "trail":
        return _TRAIL_COSTS.get(field, _TRAIL_COST)
    return _MIDDLE_COSTS.get(field, _MIDDLE_COST)


def alignment_score(
    texts: Sequence[str], fields: Sequence[Field | None], places: Sequence[int]
) -> float | None:
    score = 0.0
    for text, place in zip(texts, places, strict=True):
        value = fit(text, fields[place])
        if value is None:
            return None
        score += value
    first, last = places[0], places[-1]
    used = set(places)
    # a row with only a multi-project sheet's project cells (a department subtotal)
    project_only = all(fields[place] in _PROJECT_COLUMNS for place in places)
    for column, field in enumerate(fields):
        if column in used:
            continue
        where = "lead" if column < first else "trail" if column > last else "middle"
        if project_only and where == "trail" and field not in _PROJECT_COLUMNS:
            continue
        score -= skip_cost(field, where)
    return score - (_ROW_COST if project_only else 0.0)


def place_cells(texts: Sequence[str], fields: Sequence[Field | None]) -> Placement | None:
    """The best placement of a row's cells, or None when no placement fits at all.

    Dynamic programming over (cell, column, whether a column outside the project columns is
    used yet): a forward pass gives the best score of every prefix ending with cell ``i`` in
    column ``c``, a backward pass the best completion from there, so their sum is the best
    alignment through (``i``, ``c``). The best alignment is the first (in column order) of the
    highest score, as an exhaustive search in column order would find it; cell ``i`` is
    uncertain when alignments within :data:`_TIE` of the best put it in two columns.

    Bound: O(cells × columns) calls of :func:`fit` and O(cells × columns) arithmetic steps
    (running maxima over prefix sums of the skip costs), for any number of cells and columns.
    """
    check_budget()
    count, width = len(texts), len(fields)
    if not texts or count > width:
        return None
    table = _Costs.of(tuple(fields))
    slack = width - count  # cell i can only go to columns i … i + slack
    fits = [[_NO] * width for _ in texts]
    for i, text in enumerate(texts):
        for c in range(i, i + slack + 1):
            value = fit(text, fields[c])
            if value is not None:
                fits[i][c] = _exact(value)
    forward = _forward(fits, table)
    backward = _backward(fits, table)
    through = [
        [max(forward[i][c][g] + backward[i][c][g] for g in (0, 1)) for c in range(width)]
        for i in range(count)
    ]
    best_score = max(through[0])
    if best_score <= _IMPOSSIBLE:
        return None
    best = _first_best(fits, table, backward, best_score)
    choices = [
        tuple(c for c in range(width) if through[i][c] >= best_score - _exact(_TIE))
        for i in range(count)
    ]
    uncertain = tuple(i for i in range(count) if len(choices[i]) > 1)
    places = tuple(None if i in uncertain else p for i, p in enumerate(best))
    score = alignment_score(texts, fields, best)
    assert score is not None
    return Placement(places, score, uncertain, tuple(choices[i] for i in uncertain))


# Scores are compared exactly, in thousandths of a point: a tie is a tie whatever the order
# of the additions.
_SCALE: Final = 1000
_NO: Final = -(10**15)  # no alignment
_IMPOSSIBLE: Final = -(10**14)


def _exact(value: float) -> int:
    return round(value * _SCALE)


@dataclass(frozen=True, slots=True)
class _Costs:
    """A header's skip costs as prefix sums, in thousandths."""

    outside: tuple[int, ...]  # 1 for a column outside the project columns
    lead: tuple[int, ...]  # lead[c]: skipping every column before c
    middle: tuple[int, ...]  # middle[c]: skipping columns 0 … c-1 between cells
    trail: tuple[tuple[int, ...], tuple[int, ...]]  # [g][c]: skipping every column after c

    @staticmethod
    @lru_cache(maxsize=256)
    def of(fields: tuple[Field | None, ...]) -> _Costs:
        """Bound: O(columns)."""
        width = len(fields)
        lead, middle = [0] * (width + 1), [0] * (width + 1)
        for c, field in enumerate(fields):
            lead[c + 1] = lead[c] + _exact(skip_cost(field, "lead"))
            middle[c + 1] = middle[c] + _exact(skip_cost(field, "middle"))
        # g = 0: only project columns are used (a department subtotal): the other columns
        # after the last cell are free and the row costs _ROW_COST
        trail = [[0] * width, [0] * width]
        for g in (0, 1):
            after = 0 if g else _exact(_ROW_COST)
            for c in range(width - 1, -1, -1):
                trail[g][c] = after
                field = fields[c]
                if g or field in _PROJECT_COLUMNS:
                    after += _exact(skip_cost(field, "trail"))
        outside = tuple(int(f not in _PROJECT_COLUMNS) for f in fields)
        return _Costs(outside, tuple(lead), tuple(middle), (tuple(trail[0]), tuple(trail[1])))


def _forward(fits: list[list[int]], table: _Costs) -> list[list[list[int]]]:
    """[i][c][g]: the best score of cells 0 … i with cell i in column c (lead and middle
    skips included), g = 1 when a column outside the project columns is used. O(cells ×
    columns)."""
    width = len(table.outside)
    middle = table.middle
    result: list[list[list[int]]] = []
    for i, row in enumerate(fits):
        line = [[_NO, _NO] for _ in range(width)]
        running = [_NO, _NO]  # max over c' < c of previous[c'][g] + middle[c' + 1]
        for c in range(width):
            if i and c:
                previous = result[i - 1][c - 1]
                for g in (0, 1):
                    running[g] = max(running[g], previous[g] + middle[c])
            if row[c] <= _IMPOSSIBLE:
                continue
            outside = table.outside[c]
            if i == 0:
                line[c][outside] = row[c] - table.lead[c]
                continue
            for g in (0, 1):
                if running[g] > _IMPOSSIBLE:
                    g_next = g | outside
                    value = running[g] - middle[c] + row[c]
                    line[c][g_next] = max(line[c][g_next], value)
        result.append(line)
    return result


def _backward(fits: list[list[int]], table: _Costs) -> list[list[list[int]]]:
    """[i][c][g]: the best score of cells i+1 … with cell i in column c and g as in
    :func:`_forward` for cells 0 … i (middle and trail skips and the row cost included).
    O(cells × columns)."""
    width = len(table.outside)
    middle = table.middle
    count = len(fits)
    result: list[list[list[int]]] = [[] for _ in range(count)]
    result[count - 1] = [[table.trail[g][c] * -1 for g in (0, 1)] for c in range(width)]
    for i in range(count - 2, -1, -1):
        after, row = result[i + 1], fits[i + 1]
        line = [[_NO, _NO] for _ in range(width)]
        running = [_NO, _NO]  # max over c' > c of row[c'] - middle[c'] + after[c'][g | out]
        for c in range(width - 1, -1, -1):
            if c + 1 < width and row[c + 1] > _IMPOSSIBLE:
                outside = table.outside[c + 1]
                for g in (0, 1):
                    value = row[c + 1] - middle[c + 1] + after[c + 1][g | outside]
                    running[g] = max(running[g], value)
            for g in (0, 1):
                if running[g] > _IMPOSSIBLE:
                    line[c][g] = running[g] + middle[c + 1]
        result[i] = line
    return result


def _first_best(
    fits: list[list[int]], table: _Costs, backward: list[list[list[int]]], best: int
) -> tuple[int, ...]:
    """The first alignment in column order scoring ``best``: each cell in the leftmost column
    from which the rest can still reach it. O(cells × columns)."""
    places: list[int] = []
    score, g, previous = 0, 0, -1
    for i, row in enumerate(fits):
        for c in range(previous + 1, len(row)):
            if row[c] <= _IMPOSSIBLE:
                continue
            skipped = table.lead[c] if i == 0 else table.middle[c] - table.middle[previous + 1]
            g_next = g | table.outside[c]
            value = score - skipped + row[c]
            if value + backward[i][c][g_next] == best:
                places.append(c)
                score, g, previous = value, g_next, c
                break
    return tuple(places)


def is_split_pair(left: str, right: str) -> bool:
    """Two space-separated pieces that may be one cell cut at a space: a run of digits or Latin
    letters and CJK text on either side of it (``7 岁以下儿童健康管理率``, ``PM2.5 浓度``), as
    typesetting spaces them; or they may be two cells (``100 人``: a value and its unit)."""
    if _LATIN_RUN.fullmatch(left):
        return bool(_CJK.match(right)) and not is_level_name(right)
    if _LATIN_RUN.fullmatch(right):
        return bool(_CJK.match(left[-1:])) and not is_level_name(left)
    return False


@dataclass(frozen=True, slots=True)
class Joined:
    """A spaced row's pieces as cells: ``join`` is the piece put back together with the next
    (None: every piece is a cell); ``doubt``: the pieces ``join``, ``join + 1`` may be one cell
    or two, both readings placing the row as well (the caller places neither)."""

    texts: tuple[str, ...]
    join: int | None = None
    doubt: int | None = None


@lru_cache(maxsize=8192)
def join_split_cells(texts: tuple[str, ...], fields: tuple[Field | None, ...]) -> Joined:
    """Which pieces of a row printed with spaces between its cells are cells: a name with a
    space inside (``7 岁以下儿童健康管理率``, :func:`is_split_pair`) is one cell when reading it
    so gives a placement the columns allow, certain and better by more than :data:`_JOIN_COST`
    than reading the pieces apart (which puts 7 alone in a column, or no placement at all);
    the pieces stay apart when they place better so (``100 人`` under a 度量单位 column), and
    when the two readings are within :data:`_TIE` of each other neither is taken.

    Bound: one placement per adjacent pair that :func:`is_split_pair` admits, O(cells) more
    placements in all."""
    pairs = [i for i in range(len(texts) - 1) if is_split_pair(texts[i], texts[i + 1])]
    if not pairs:
        return Joined(texts)
    best: tuple[float, int] | None = None
    for index in pairs:
        joined = (*texts[:index], f"{texts[index]} {texts[index + 1]}", *texts[index + 2 :])
        placement = place_cells(joined, fields)
        if placement is None or not placement.is_certain:
            continue
        if best is None or placement.score > best[0]:
            best = (placement.score, index)
    if best is None:
        return Joined(texts)
    score, index = best
    joined = (*texts[:index], f"{texts[index]} {texts[index + 1]}", *texts[index + 2 :])
    apart = place_cells(texts, fields)
    if apart is None or score - _JOIN_COST > apart.score + _TIE:
        return Joined(joined, join=index)
    if score - _JOIN_COST >= apart.score - _TIE:
        return Joined(texts, doubt=index)
    return Joined(texts)


def is_level_row(texts: Sequence[str]) -> bool:
    return bool(texts) and all(is_level_name(text) for text in texts)


def row_score(
    texts: tuple[str, ...], fields: tuple[Field | None, ...], *, spaced: bool = False
) -> float | None:
    if is_level_row(texts):
        # 一级/二级 cells with no indicator under them (an empty 经济效益指标 row)
        return sum(fit(t, Field.LEVEL1) or fit(t, Field.LEVEL2) or 0.0 for t in texts) - 1.0
    if spaced:
        joined = join_split_cells(texts, fields)
        score = _best_score(joined.texts, fields)
        return None if score is None else score - (_JOIN_COST if joined.join is not None else 0.0)
    return _best_score(texts, fields)


@lru_cache(maxsize=8192)
def _best_score(texts: tuple[str, ...], fields: tuple[Field | None, ...]) -> float | None:
    placement = place_cells(texts, fields)
    return placement.score if placement is not None else None


def segment_rows(
    texts: Sequence[str], fields: Sequence[Field | None], *, spaced: bool = False
) -> list[tuple[int, int]]:
    """Cut a stream of cells (one per line, no row breaks) into rows: [(start, end), …].

    Dynamic programming over the cut points: the best total of row scores, each row costing a
    little so that a row is not split without reason. Cells that fit no row are left as
    single-cell rows (the caller reports them). ``spaced``: the cells are pieces of text split
    at spaces (a table run on along one line), and a row's pieces may be one cell cut at a
    space (:func:`join_split_cells`): a row may then hold one piece more than the columns.

    Bound: O(cells × columns) row scores, each a placement of O(columns × columns) (a row
    holds at most one cell per column): O(cells × columns³) in all, the columns being the
    header's (a label repeated in a row is one column: :func:`.layout.header_columns`);
    ``spaced``, each row score tries O(columns) joins: O(cells × columns⁴).
    """
    fields_key = tuple(fields)
    count = len(texts)
    best: list[float] = [0.0] * (count + 1)
    cut: list[int] = [count] * (count + 1)
    for start in range(count - 1, -1, -1):
        check_budget()
        best[start], cut[start] = -1e9, start + 1
        for end in range(start + 1, min(count, start + len(fields) + spaced) + 1):
            score = row_score(tuple(texts[start:end]), fields_key, spaced=spaced)
            if score is None:
                continue
            total = score - _ROW_COST + best[end]
            if total > best[start]:
                best[start], cut[start] = total, end
        if best[start] == -1e9:
            best[start] = best[start + 1] - 10.0  # an unreadable cell: its own row
    rows: list[tuple[int, int]] = []
    start = 0
    while start < count:
        rows.append((start, cut[start]))
        start = cut[start]
    return rows
