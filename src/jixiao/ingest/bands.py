"""Rows of a table laid out by position: which physical lines make one table row.

``pdftotext -layout`` prints a table row as a *band* of lines: each cell's text wrapped
inside its column, the row's cells aligned at the band's top (a Word table) or centred on
its middle (an Excel form), a merged 一级/二级 cell printed once at the top or the middle of
its span. No rule separates two rows, so the lines are grouped by what the layout proves:

* **a wrapped line is forced.** A cell's line continues on the next line only when the next
  line's first word (a run of digits or Latin letters, else one character) would not have
  fitted after it in the column (its width: the widest line printed in that column), and
  the break falls between words. A short line ends its cell.
* **a band holds one row.** Each row column (every column but the 一级/二级 ones) holds at
  most one cell per band, its lines consecutive; the 三级 name and a 指标值 are printed;
  every cell starts at the band's first line (``top``), or is centred on its middle with a
  half line rounded down (``middle``, a text rendering), or exactly (``centre``:
  pdftotext prints a cell half a line off on lines of its own, every other line); at most
  one level cell starts in a band.
* **a merged level cell spans whole rows.** At the top: from the band it is printed in to
  the next one printed in its column. At the middle: its span starts where the one above
  ended and ends as far below its text as it starts above it, on a band boundary (centred
  exactly, measured in row heights: a row is as tall as its tallest cell).

Bands are chosen by a dynamic program over the lines, once per alignment: fewest lines left
in no band, then fewest *coincidences* — a line that fills its column and yet ends a cell
across a band boundary, unless the name above it reads whole (…率, …标准), and a name joined
after a part that reads whole. Every best segmentation (at most ``_CAP``) with every level
assignment that fits it is a reading; a row is read when all readings of the best cost agree
on it, lines and cells. Lines of rows not agreed, rows beside a line no row takes, and two
rows a name that fills its column could run across (widths counted in characters only
approximate a page's) become one doubt (PRS024) naming their lines, and no row is guessed.
O(lines × band height × columns) per alignment.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from jixiao.ingest.cleaning import normalize_cell_text
from jixiao.ingest.grid import Cell, ReadingDoubt
from jixiao.model.labels import (
    column_field,
    entity_columns,
    is_level_name,
    stand_in_name_column,
    stands_alone,
)
from jixiao.model.target import TargetKind
from jixiao.model.vocabulary import Field
from jixiao.targets import parse_target

# a row's cells at its top, or centred on its middle with a half line rounded down (a text
# rendering), or exactly ("centre": pdftotext prints a cell half a line off on lines of its
# own, between the other cells' lines)
Alignment = Literal["top", "middle", "centre"]
ALIGNMENTS: Final[tuple[Alignment, ...]] = ("top", "middle", "centre")
_MAX_BAND: Final = 9  # physical lines of one row at most
_WORD_CHARACTERS: Final = r"0-9A-Za-z.%‰/:,\-"
_UNIT: Final = re.compile(f"[{_WORD_CHARACTERS}]+|.", re.DOTALL)  # a word, or a character
_WORD: Final = re.compile(f"[{_WORD_CHARACTERS}]")
_LEVELS: Final = (Field.LEVEL1, Field.LEVEL2)


def display_width(text: str) -> int:
    """Display columns: a wide (CJK) character takes two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


@dataclass(frozen=True, slots=True)
class Line:
    """One physical line of the table: its text per column (joined when several stretches
    fall in one), and its line number in the document."""

    number: int
    texts: dict[int, str]


@dataclass(frozen=True, slots=True)
class Band:
    """A row read from lines ``start`` to ``end`` (exclusive, indexes into the lines)."""

    start: int
    end: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Unsure:
    """Lines ``start`` to ``end`` (exclusive) read as no row, and why."""

    start: int
    end: int
    doubt: ReadingDoubt


@dataclass(frozen=True, slots=True)
class Reading:
    """The table's lines as rows and doubts, in line order."""

    parts: tuple[Band | Unsure, ...]


@dataclass(frozen=True, slots=True)
class Columns:
    """What each column of the header holds: the level columns, the 三级 name column and the
    指标值 columns (at least one of them is printed in every row)."""

    count: int
    levels: tuple[int, ...]  # 一级 then 二级 (those the header has)
    name: int
    targets: tuple[int, ...]

    @property
    def row_columns(self) -> list[int]:
        return [c for c in range(self.count) if c not in self.levels]


def header_columns(texts: Sequence[str]) -> Columns | None:
    """The columns the indicator header's labels name, as the assembler maps them
    (``assemble/columns.py``: a stand-in 三级 column, one 指标值 column per region); None
    without a 三级 name or a 指标值 column."""
    fields = [column_field(text) if text else None for text in texts]
    stand_in = stand_in_name_column(fields, texts)
    if stand_in is not None:
        fields[stand_in] = Field.NAME
    targets = tuple(c for c, f in enumerate(fields) if f is Field.TARGET)
    targets += tuple(entity_columns(fields, texts))
    if Field.NAME not in fields or not targets:
        return None
    levels = tuple(fields.index(level) for level in _LEVELS if level in fields)
    return Columns(len(fields), levels, fields.index(Field.NAME), targets)


def read_bands(lines: Sequence[Line], columns: Columns) -> Reading:
    """The lines as rows (see the module doc)."""
    if not lines:
        return Reading(())
    widths = column_widths(lines, columns.count)
    readings: list[tuple[int, list[tuple[int, int, tuple[str, ...]]]]] = []
    too_many = False
    for alignment in ALIGNMENTS:
        cost, paths = best_segmentations(lines, columns, widths, alignment)
        too_many = too_many or paths is None
        for bands in paths or []:
            for levels in assign_levels(lines, columns, widths, alignment, bands):
                readings.append((cost, [(s, e, levels[(s, e)]) for s, e in bands]))
            too_many = too_many or len(readings) > 4 * _CAP
    if too_many or not readings:
        return reading_of(lines, columns, [])
    best = min(cost for cost, _ in readings)
    kept = [rows for cost, rows in readings if cost == best]
    agreed = set(kept[0]).intersection(*map(set, kept[1:]))
    if best >= _LEFT_OUT:
        agreed -= beside_left_out(lines, columns, kept, agreed)
    agreed -= cut_by_width(lines, columns, widths, agreed)
    return reading_of(lines, columns, sorted(agreed))


def cut_by_width(
    lines: Sequence[Line],
    columns: Columns,
    widths: list[int],
    agreed: set[tuple[int, int, tuple[str, ...]]],
) -> set[tuple[int, int, tuple[str, ...]]]:
    """Rows whose name may go on across their edge: the name line at the edge fills its
    column, the name does not read whole, and the line across the edge is no row read, or
    one that would join this one had every line of the other columns been forced too. Widths
    counted in characters only approximate a page's (≤ is as wide as a CJK character in a
    CJK font): such rows are unsure."""
    by_start = {row[0]: row for row in agreed}
    by_end = {row[1]: row for row in agreed}
    unsure: set[tuple[int, int, tuple[str, ...]]] = set()
    for edge in range(1, len(lines)):
        above, below = by_end.get(edge), by_start.get(edge)
        if (above is None and below is None) or not name_goes_on(lines, columns, widths, edge):
            continue
        if above is None or below is None:
            unsure |= {row for row in (above, below) if row is not None}
        elif any(
            is_band(lines, columns, widths, alignment, above[0], below[1], fit=False)
            for alignment in ALIGNMENTS
        ):
            unsure |= {above, below}
    return unsure


def name_goes_on(lines: Sequence[Line], columns: Columns, widths: list[int], edge: int) -> bool:
    """The name printed on the line above ``edge`` may continue on the line below it."""
    above, below, column = lines[edge - 1].texts, lines[edge].texts, columns.name
    return (
        column in above
        and column in below
        and not stands_alone(normalize_cell_text(above[column]))
        and forced(above[column], below[column], widths[column])
    )


def beside_left_out(
    lines: Sequence[Line],
    columns: Columns,
    kept: list[list[tuple[int, int, tuple[str, ...]]]],
    agreed: set[tuple[int, int, tuple[str, ...]]],
) -> set[tuple[int, int, tuple[str, ...]]]:
    """The rows just above and below a line read into no row: its text may be theirs."""
    covered = {i for rows in kept for s, e, _ in rows for i in range(s, e)}
    row_columns = columns.row_columns
    left_out = {
        i
        for i, line in enumerate(lines)
        if i not in covered and any(c in line.texts for c in row_columns)
    }
    return {row for row in agreed if row[1] in left_out or row[0] - 1 in left_out}


def column_widths(lines: Sequence[Line], count: int) -> list[int]:
    widths = [0] * count
    for line in lines:
        for column, text in line.texts.items():
            widths[column] = max(widths[column], display_width(text))
    return widths


def forced(above: str, below: str, width: int) -> bool:
    """``below`` continues ``above`` in a column ``width`` wide: its first word (a run of
    digits or Latin letters, else one character) would not have fitted after ``above``, and
    the break falls between words."""
    if above and below and _WORD.match(above[-1]) and _WORD.match(below[0]):
        return False  # a line breaks between words: a number or a Latin word is never cut
    first = _UNIT.match(below)
    unit = first.group() if first else below[:1]
    return display_width(above) + display_width(unit) > width


# --- segmentation --------------------------------------------------------------------------


_CAP: Final = 16  # best segmentations compared at most
_LEFT_OUT: Final = 1000  # a line in no band weighs more than any number of coincidences


def best_segmentations(
    lines: Sequence[Line], columns: Columns, widths: list[int], alignment: Alignment
) -> tuple[int, list[list[tuple[int, int]]] | None]:
    """The fewest lines left in no band, and every segmentation leaving that few (its
    bands), or None when there are more than ``_CAP`` of them."""
    n = len(lines)
    row_columns = columns.row_columns
    level_only = [not any(c in line.texts for c in row_columns) for line in lines]
    # edges from a line: a band to ``end`` (True), or the line left out (False; a line of
    # level cells only costs nothing: a merged cell printed between rows)
    edges: list[list[tuple[int, bool]]] = [[] for _ in range(n)]
    joins: dict[tuple[int, int], int] = {}

    def whole_joins(start: int, end: int) -> int:
        """Lines of a name joined after a part that reads as a whole name (…标准 + 档案…)."""
        name = ""
        count = 0
        for line in lines[start:end]:
            text = line.texts.get(columns.name)
            if text is None:
                continue
            count += bool(name) and stands_alone(normalize_cell_text(name))
            name += text
        return count

    for start in range(n):
        edges[start].append((start + 1, False))
        if level_only[start]:
            continue
        for end in range(start + 1, min(n, start + _MAX_BAND) + 1):
            if level_only[end - 1]:
                break
            if is_band(lines, columns, widths, alignment, start, end):
                edges[start].append((end, True))
                joins[(start, end)] = whole_joins(start, end)

    def coincidences(start: int) -> int:
        """Cells of the line above a band's first line that fill their column, as a cell
        whose rest this line holds would, yet end there."""
        if start == 0:
            return 0
        above, below = lines[start - 1].texts, lines[start].texts
        if stands_alone(normalize_cell_text(above.get(columns.name, ""))):
            return 0  # a name that reads whole may well end where its column does
        return sum(
            1
            for c in row_columns
            if c in above and c in below and forced(above[c], below[c], widths[c])
        )

    def cost(start: int, band: bool, end: int = 0) -> int:
        if band:
            return coincidences(start) + joins[(start, end)]
        return 0 if level_only[start] else _LEFT_OUT

    backward = [0] * (n + 1)  # the fewest lines left out reading lines[i:]
    backward[n] = 0
    for start in range(n - 1, -1, -1):
        backward[start] = min(cost(start, band, end) + backward[end] for end, band in edges[start])
    paths: list[list[tuple[int, int]]] = []

    def walk(start: int, bands: list[tuple[int, int]]) -> bool:
        if start == n:
            paths.append(list(bands))
            return len(paths) <= _CAP
        for end, band in edges[start]:
            if cost(start, band, end) + backward[end] != backward[start]:
                continue
            if band:
                bands.append((start, end))
            going = walk(end, bands)
            if band:
                bands.pop()
            if not going:
                return False
        return True

    return backward[0], paths if walk(0, []) else None


def is_band(
    lines: Sequence[Line],
    columns: Columns,
    widths: list[int],
    alignment: Alignment,
    start: int,
    end: int,
    *,
    fit: bool = True,
) -> bool:
    """Lines ``start`` to ``end`` hold one row (see the module doc); ``fit=False``: were
    every wrapped line forced."""
    height = end - start
    for column in columns.row_columns:
        printed = [i for i in range(start, end) if column in lines[i].texts]
        if not printed:
            if column == columns.name:
                return False
            continue
        first, last = printed[0], printed[-1]
        step = printed[1] - first if len(printed) > 1 else 1
        if last - first != step * (len(printed) - 1) or step > (2 if alignment == "centre" else 1):
            return False  # a cell's lines are consecutive (or, centred, every other line)
        if alignment == "centre":
            if first + last != start + end - 1:
                return False
        elif first - start != offset(alignment, height, len(printed)):
            return False
        width = widths[column] if fit else 0
        if not all(continues_cell(lines, i, column, width, step) for i in printed[1:]):
            return False
        if column in columns.targets and any(
            starts_own_value(lines[i - step].texts[column], lines[i].texts[column])
            for i in printed[1:]
        ):
            return False
    for column in columns.levels:
        # a row lies in one span of each level column: one level cell starts in it at most
        # (at its first line, at the top)
        steps = (1, 2) if alignment == "centre" else (1,)
        begins = [
            i for i in range(start, end) if begins_cell(lines, i, column, widths[column], steps)
        ]
        if len(begins) > 1 or (alignment == "top" and begins and begins[0] != start):
            return False
    return any(any(c in lines[i].texts for i in range(start, end)) for c in columns.targets)


_COMPARATOR_START: Final = re.compile(r"^[≥≤≧≦<>＜＞=＝﹦]")
_WHOLE_VALUES: Final = frozenset(
    {TargetKind.NUMERIC, TargetKind.RANGE, TargetKind.QUALITATIVE, TargetKind.TREND}
)


def starts_own_value(above: str, below: str) -> bool:
    """A 指标值 line that opens with a comparator under a line that is a whole value of its
    own (显著提升 | ≥9%): two rows' values, never one value wrapped, however full the column."""
    if not _COMPARATOR_START.match(below):
        return False
    return parse_target(normalize_cell_text(above)).kind in _WHOLE_VALUES


def continues_cell(lines: Sequence[Line], i: int, column: int, width: int, step: int = 1) -> bool:
    """Line ``i`` holds the rest of the cell the line ``step`` lines above holds in
    ``column`` (2: a cell centred half a line off, another cell's line between)."""
    above = lines[i - step] if i >= step else None
    return (
        above is not None
        and column in above.texts
        and column in lines[i].texts
        and all(column not in line.texts for line in lines[i - step + 1 : i])
        and lines[i].number - above.number == step
        and forced(above.texts[column], lines[i].texts[column], width)
    )


def begins_cell(
    lines: Sequence[Line], i: int, column: int, width: int, steps: tuple[int, ...] = (1,)
) -> bool:
    return column in lines[i].texts and not any(
        continues_cell(lines, i, column, width, step) for step in steps
    )


def offset(alignment: Alignment, height: int, lines: int) -> int:
    """Where a cell of ``lines`` lines starts in a band ``height`` lines tall."""
    return 0 if alignment == "top" else (height - lines) // 2


# --- level spans ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Block:
    """A level cell's text, joined down its column, on lines ``first`` to ``last``."""

    first: int
    last: int
    text: str


def level_blocks(
    lines: Sequence[Line], column: int, width: int, steps: tuple[int, ...] = (1,)
) -> list[Block]:
    """The level cells of a column, each joined down its lines (``steps`` apart); a
    framework level name (产出指标) is a whole cell."""
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        text = line.texts.get(column)
        if text is None:
            continue
        block = blocks[-1] if blocks else None
        if (
            block is not None
            and not is_level_name(normalize_cell_text(block.text))  # 产出指标 is whole
            and any(
                block.last == i - step and continues_cell(lines, i, column, width, step)
                for step in steps
            )
        ):
            blocks[-1] = Block(block.first, i, block.text + text)
        else:
            blocks.append(Block(i, i, text))
    return blocks


def assign_levels(
    lines: Sequence[Line],
    columns: Columns,
    widths: list[int],
    alignment: Alignment,
    bands: list[tuple[int, int]],
) -> list[dict[tuple[int, int], tuple[str, ...]]]:
    """Every way the level cells fit the bands under the alignment (band → 一级, 二级 …):
    none when the table's first row prints no level at the top, or a span centred on its
    text can end on no band boundary; several when a middle could be that of either of two
    spans (at most ``_CAP``)."""
    if not bands:
        return [{}]
    per_column: list[list[dict[tuple[int, int], str]]] = []
    for column in columns.levels:
        steps = (1, 2) if alignment == "centre" else (1,)
        blocks = level_blocks(lines, column, widths[column], steps)
        if not blocks:
            per_column.append([{}])
        elif alignment == "top":
            per_column.append(top_spans(blocks, bands))
        elif alignment == "centre":
            per_column.append(centred_spans(lines, columns, blocks, bands))
        else:
            per_column.append(middle_spans(blocks, bands, len(lines)))
    choices: list[dict[tuple[int, int], tuple[str, ...]]] = [dict.fromkeys(bands, ())]
    for spans in per_column:
        choices = [
            {band: (*texts, span.get(band, "")) for band, texts in choice.items()}
            for choice in choices
            for span in spans
        ][: _CAP + 1]
    return choices


def top_spans(
    blocks: list[Block], bands: list[tuple[int, int]]
) -> list[dict[tuple[int, int], str]]:
    """At the top: a block starts on the first line of a band, and spans the bands down to
    the next block's; the first band holds one."""
    found: dict[tuple[int, int], str] = {}
    starts: list[tuple[int, str]] = []
    for block in blocks:
        index = next((k for k, (s, e) in enumerate(bands) if e > block.first), None)
        if index is None:
            continue  # below the last row: no level of any row
        if bands[index][0] != block.first or (starts and starts[-1][0] == index):
            return []  # at the top, a cell starts on its row's first line, one per row
        starts.append((index, block.text))
    if not starts or starts[0][0] != 0:
        return []  # the first row prints its level at the top
    for (index, text), following in zip(starts, [*starts[1:], (len(bands), "")], strict=True):
        for band in bands[index : following[0]]:
            found[band] = text
    return [found]


def centred_spans(
    lines: Sequence[Line], columns: Columns, blocks: list[Block], bands: list[tuple[int, int]]
) -> list[dict[tuple[int, int], str]]:
    """Centred exactly: pdftotext prints a text half a line off on a line of its own, so
    line numbers are no heights. A row is as tall as its tallest cell (its lines in one
    column); a line between rows lies on their boundary, a line of a row at its share of the
    row's height. Each span starts where the one above ended and ends as far below its
    text's middle as it starts above it, on a row boundary (within a quarter line)."""
    heights = [
        max(sum(c in line.texts for line in lines[s:e]) for c in columns.row_columns)
        for s, e in bands
    ]
    tops = [sum(heights[:k]) for k in range(len(bands) + 1)]

    def height_at(i: int) -> float:
        for k, (s, e) in enumerate(bands):
            if s <= i < e:
                return tops[k] + (i - s + 0.5) * heights[k] / (e - s)
            if i < s:
                return float(tops[k])
        return float(tops[-1])

    found: dict[tuple[int, int], str] = {}
    begin = 0
    for block in blocks:
        middle = (height_at(block.first) + height_at(block.last)) / 2
        if middle >= tops[-1]:
            break  # below the last row: no row's
        end = 2 * middle - tops[begin]
        ends = [k for k in range(begin + 1, len(bands) + 1) if abs(tops[k] - end) <= 0.25]
        if len(ends) != 1:
            return []
        for band in bands[begin : ends[0]]:
            found[band] = block.text
        begin = ends[0]
    return [found] if begin == len(bands) else []


# where a span centred on its text may end, from twice its middle less its top


def middle_spans(
    blocks: list[Block], bands: list[tuple[int, int]], count: int
) -> list[dict[tuple[int, int], str]]:
    """At the middle: each span starts where the one above ended and ends as far below its
    text's middle as it starts above it (or a line further, a middle between two lines
    printed on the upper one), between two rows (on the lines of level cells alone there, if
    any); every choice that ends the last span
    after the last row (by the ``count`` lines of the table)."""
    gaps: dict[int, int] = {}  # a line between rows → the number of rows above it
    for k in range(len(bands) + 1):
        low = bands[k - 1][1] if k else 0
        high = bands[k][0] if k < len(bands) else max(low, count)
        for line in range(low, high + 1):
            gaps.setdefault(line, k)
    blocks = [block for block in blocks if block.first < bands[-1][1]]  # below: no row's
    found: list[dict[tuple[int, int], str]] = []

    def walk(index: int, begin: int, top: int, spans: dict[tuple[int, int], str]) -> None:
        if len(found) > _CAP:
            return
        if index == len(blocks):
            if begin == len(bands):
                found.append(dict(spans))
            return
        block = blocks[index]
        if begin >= len(bands) or block.first < top:
            return  # a span's text lies inside it
        reach = block.first + block.last + 1 - top  # twice the middle, less the top
        for line in (reach, reach + 1):
            end = gaps.get(line)
            if end is None or end <= begin:
                continue
            walk(index + 1, end, line, spans | dict.fromkeys(bands[begin:end], block.text))

    walk(0, 0, 0, {})
    return found


# --- the rows ------------------------------------------------------------------------------


def reading_of(
    lines: Sequence[Line],
    columns: Columns,
    rows: list[tuple[int, int, tuple[str, ...]]],
) -> Reading:
    """The agreed rows, and a doubt for each run of lines with row cells between them."""
    parts: list[Band | Unsure | None] = []
    position = 0
    for start, end, levels in rows:
        parts.append(unsure_lines(lines, position, start, columns))
        parts.append(Band(start, end, band_cells(lines, columns, start, end, levels)))
        position = end
    parts.append(unsure_lines(lines, position, len(lines), columns))
    return Reading(tuple(part for part in parts if part is not None))


def band_cells(
    lines: Sequence[Line], columns: Columns, start: int, end: int, levels: tuple[str, ...]
) -> tuple[Cell, ...]:
    texts = [
        normalize_cell_text("".join(line.texts.get(c, "") for line in lines[start:end]))
        for c in range(columns.count)
    ]
    for column, text in zip(columns.levels, levels, strict=True):
        texts[column] = normalize_cell_text(text)
    return tuple(Cell(text, column) for column, text in enumerate(texts))


def unsure_lines(lines: Sequence[Line], start: int, end: int, columns: Columns) -> Unsure | None:
    """Lines read as no row: None when they hold level cells only (a merged cell printed
    between rows, read into its span)."""
    row_columns = columns.row_columns
    held = [i for i in range(start, end) if any(c in lines[i].texts for c in row_columns)]
    if not held:
        return None
    first, last = held[0], held[-1]
    doubt = ReadingDoubt(
        "PRS024",
        "的文字按列排版，单元格折行，无法确定哪几行属于同一指标行（或其一级/二级指标），未读取",
    )
    return Unsure(first, last + 1, doubt)
