"""Reader for text laid out in columns by position (``pdftotext -layout``, a PDF printed to text).

Such text keeps each cell where the page printed it: cells are separated by runs of two or
more spaces, empty cells are blank stretches, and a cell wrapped inside its column continues
on the next lines at the same place, the row's other cells blank there. Splitting on spaces
alone (the [pasted reader](pasted/__init__.py)'s whitespace form) would lose the empty cells
and glue a wrapped rest to the next row; here every text stretch is put in the column the
indicator header's labels start at, by its position on the line: its character, as
pdftotext places text, or its display width (a CJK character two columns wide, text padded
for a terminal), whichever lines up more stretches with the header's labels.

The text is read so only when a line names the indicator columns with runs of spaces between
them (一级指标  二级指标  三级指标  指标值), alone or with the rests of its labels on the next
line (年度绩效指标 | 值), which are joined to it. The indicator lines below it, up to a total
(总分), a header-block label at the left edge (the next table's 项目名称) or a table title,
are grouped into rows by position (``ingest/bands.py``: which lines make one row, and which
level cell spans which rows), each row with its cells joined down their columns and its
一级/二级 printed on it; lines that cannot be grouped with confidence become a line with a
doubt (PRS024) naming them, and no row. Lines before the header (the header block) become rows
of their stretches in order, a line that is one stretch a text line, or the rest of the
label/value cell above when it is indented under it; a line whose stretches are all indented,
each starting where a value of the labelled line above starts, none a label or an amount,
holds those values' wrapped rests (乙县卫生健康 / 委员会), joined to them (the next row of a
budget block, 其中：财政资金 | 0.01, is labels and amounts) — unless it is the first line of
values centred on the labelled line below (:func:`centred_top`); after a total, an indented line (a
label's value printed above the label) is a text line. Provenance: ``line`` (and
``line_end``). O(characters + lines × band height × columns).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from jixiao.ingest.bands import (
    Band,
    Columns,
    Line,
    Reading,
    display_width,
    forced,
    header_columns,
    read_bands,
)
from jixiao.ingest.budget import check_budget
from jixiao.ingest.cleaning import join_wrapped_lines, normalize_cell_text
from jixiao.ingest.grid import Cell, Grid, Row, RowKind
from jixiao.model import SourceRef
from jixiao.model.labels import (
    column_label,
    continues_column_label,
    is_any_table_title,
    is_indicator_header,
    is_known_label,
    is_level_name,
    is_page_number,
    printed_total,
    spanned_entity_columns,
    starts_header_label,
    total_label,
)

# A stretch of text: words separated by single spaces; two or more spaces end it.
_STRETCH: Final = re.compile(r"\S+(?: \S+)*")
_GAP: Final = re.compile(r"\S {2,}\S")
# an amount or a number alone in a stretch (0.01, 120.00, 95%, -)
_AMOUNT: Final = re.compile(r"[-+]?[\d,，.]+%?|[-—/]")
# How far left of its column a stretch may start and still be in it (a label centred over
# its column starts right of the column's cells; a cell starts at the column's edge).
_SLACK: Final = 1


def stretches(line: str, characters: bool = False) -> list[tuple[int, str]]:
    """The line's text stretches with the display column each starts at (``characters``:
    the character, as pdftotext places text: one position per character, CJK or not)."""
    return [
        (m.start() if characters else display_width(line[: m.start()]), m.group())
        for m in _STRETCH.finditer(line)
    ]


def counts_characters(lines: list[str]) -> bool:
    """Whether the columns line up by character (pdftotext -layout) rather than by display
    width (text padded for a terminal): the way more stretches of the lines under each
    indicator header start where one of its labels does. O(characters)."""
    agree = {False: 0, True: 0}
    for index, line in enumerate(lines):
        below = lines[index + 1] if index + 1 < len(lines) else ""
        for characters in agree:
            if not is_column_header(line, below, characters):
                continue  # a header whose rest lies under its labels counted so only
            starts = {x for x, _ in stretches(line, characters)}
            for below in lines[index + 1 : index + 25]:
                agree[characters] += sum(
                    any(abs(x - start) <= 1 for start in starts)
                    for x, _ in stretches(below, characters)
                )
    return agree[True] > agree[False]


def is_column_header(line: str, below: str = "", characters: bool = False) -> bool:
    """A line naming the indicator columns with runs of spaces between the labels, alone or
    with the rests of its labels wrapped onto the line ``below`` (年度绩效指标 | 值)."""
    if "\t" in line or "|" in line or not _GAP.search(line):
        return False
    found = stretches(line, characters)
    texts = [normalize_cell_text(text) for _, text in found]
    labelled = sum(column_label(text) is not None for text in texts)
    if labelled >= 3 and is_indicator_header(texts):
        return True
    usable = below and "\t" not in below and "|" not in below
    rest = stretches(below, characters) if usable else []
    if labelled < 2 or not rest:
        return False
    starts = [x for x, _ in found]
    header, cells = cells_at(found, starts), cells_at(rest, starts)
    if not continues_header(header, cells):
        return False
    joined = [cell.text for cell in joined_header(header, cells)]
    return sum(column_label(t) is not None for t in joined) >= 3 and is_indicator_header(joined)


def has_column_layout(lines: list[str]) -> bool:
    return any(
        is_column_header(line, lines[i + 1] if i + 1 < len(lines) else "", characters)
        for i, line in enumerate(lines)
        for characters in (False, True)
    )


def read_column_layout(text: str, file: str) -> Grid:
    """Text laid out in columns → grid rows, each cell in its column (see the module doc)."""
    rows: list[Row] = []
    starts: list[int] | None = None  # the indicator columns' start positions
    previous_table = False  # the last row was a table row (a header-block rest may follow)
    table: Columns | None = None  # the indicator columns, while reading indicator lines
    header: tuple[Cell, ...] = ()  # the indicator header, while its labels may wrap
    lines: list[Line] = []  # the indicator lines not yet read as rows
    after_total = False  # the last table ended at its total row
    # the header-block row last built from a line of stretches: its line and stretches
    block_row: tuple[int, list[tuple[int, str]]] | None = None
    # the top lines of the next line's values, centred on it: that line's number, the texts
    top: tuple[int, dict[int, str]] | None = None

    def read_lines() -> None:
        if table is not None and lines:
            rows.extend(band_rows(read_bands(lines, table), lines, file))
        lines.clear()

    printed = text.splitlines()
    characters = counts_characters(printed)
    for number, line in enumerate(printed, start=1):
        check_budget()
        found = stretches(line, characters)
        if not found:
            continue
        source = SourceRef(file=file, line=number)
        texts = [normalize_cell_text(t) for _, t in found]
        if is_column_header(line, printed[number] if number < len(printed) else "", characters):
            read_lines()
            starts = [x for x, _ in found]
            header = cells_at(found, starts)
            table = header_columns([cell.text for cell in header])
            rows.append(Row(RowKind.TABLE, header, source))
            previous_table = True
            continue
        single = len(found) == 1
        if starts is not None and single and is_any_table_title(texts[0]):
            read_lines()
            starts, table = None, None  # the next table's title: its header block follows
            rows.append(Row(RowKind.LINE, (Cell(texts[0], 0),), source))
            previous_table = after_total = False
            continue
        if table is not None and single and is_page_number(texts[0]):
            read_lines()  # a page's number between rows: the page breaks there
            rows.append(Row(RowKind.LINE, (Cell(texts[0], 0),), source))
            continue
        if starts is not None:
            cells = cells_at(found, starts)
            if header and continues_header(header, cells):
                # a wrapped label's rest (年度指标 | 值): the header row is read whole
                header = joined_header(header, cells)
                table = header_columns([cell.text for cell in header])
                first = rows[-1].source
                rows[-1] = Row(RowKind.TABLE, header, first.model_copy(update={"line_end": number}))
                continue
            regions = header_regions(header, found, starts) if header else None
            if regions is not None:
                # the header's second row: the regions' names under its last label, 指标值,
                # each over its own column (after the rests of wrapped labels, 述 of 绩效指标
                # 描述): the header is read with their columns instead
                header, found_names = regions
                kept = [c for c in header if c.text][:-1]
                starts = [starts[c.column] for c in kept] + [x for x, _ in found_names]
                labels = [(starts[i], c.text) for i, c in enumerate(kept)]
                header = cells_at([*labels, *found_names], starts)
                table = header_columns([cell.text for cell in header])
                first = rows[-1].source
                rows[-1] = Row(RowKind.TABLE, header, first.model_copy(update={"line_end": number}))
                continue
            header = ()
            ending = ends_indicators(texts, found[0][0], starts)
            if table is not None and ending is None:
                lines.append(Line(number, printed_at(found, starts, characters)))
                continue
            read_lines()
            table = None
            if ending != "header":  # a total: a row of the columns
                rows.append(Row(RowKind.TABLE, cells, source))
                if ending == "total":  # the table ends; the next one's header block follows
                    starts, after_total = None, True
                continue
            starts = None  # the next table's header block: its own positions
        above = block_row if block_row is not None and block_row[0] == number - 1 else None
        block_row = None
        below = [
            stretches(printed[n], characters) for n in (number, number + 1) if n < len(printed)
        ]
        centred = centred_top(found, above[1] if above else [], below, characters)
        if centred is not None:
            # the first lines of the next line's values, centred on their label's line
            top = (number + 1, centred)
            continue
        rests = wrapped_rests(found, above[1]) if above is not None and previous_table else None
        if rests is not None and above is not None:
            # the rests of the values above, wrapped in their columns (乙县卫生健康 / 委员会)
            rows[-1] = joined_rests(rows[-1], rests, number)
            block_row = (
                number,
                [(x, above[1][i][1] + rests.get(i, "")) for i, (x, _) in enumerate(above[1])],
            )
            continue
        if after_total and found[0][0] > 0:
            # after a total, the text of a header-block row printed above its label (a
            # label centred on a tall row): no cell of the table above, a text line
            rows.append(Row(RowKind.LINE, (Cell(" ".join(texts), 0),), source))
            continue
        after_total = False
        if single and not (found[0][0] > 0 and previous_table):
            rows.append(Row(RowKind.LINE, (Cell(texts[0], 0),), source))
            previous_table = False
            continue
        shift = 1 if found[0][0] > 0 else 0  # an empty label cell before an indented value
        if top is not None and top[0] == number and not shift:
            texts = [
                join_wrapped_lines(f"{top[1][i]}\n{text}") if i in top[1] else text
                for i, text in enumerate(texts)
            ]
            source = SourceRef(file=file, line=number - 1, line_end=number)
        top = None
        placed = [Cell("", 0)] * shift + [Cell(t, shift + i) for i, t in enumerate(texts)]
        rows.append(Row(RowKind.TABLE, tuple(placed), source))
        previous_table = True
        block_row = (number, found) if not shift else None
    read_lines()
    return Grid(file=file, format="text", rows=rows, merged_at_middle=True)


def wrapped_rests(
    found: list[tuple[int, str]], above: list[tuple[int, str]]
) -> dict[int, str] | None:
    """A header-block line that holds only the rests of the cells on the line above, each
    wrapped in its column: every stretch starting where a cell above starts, the label's rest
    only where it closes the label's bracket or completes a label (项目资金（万 / 元）), a
    value's neither a label nor an amount (the next row of a budget block,
    其中：财政资金 | 0.01, starts where the total row's cells do). Stretch index above → rest;
    None when the line is no such rest. O(stretches²)."""
    if not found or len(above) < 2 or above[0][0] > 0:
        return None
    if found[0][0] <= 0 and not continues_label(above[0][1], found[0][1]):
        return None
    rests: dict[int, str] = {}
    for x, text in found:
        index = next((i for i, (start, _) in enumerate(above) if abs(start - x) <= _SLACK), None)
        if index is None or index in rests:
            return None
        if (index == 0 and not continues_label(above[0][1], text)) or (
            index > 0 and not is_wrapped_rest(text)
        ):
            return None
        rests[index] = text
    return rests


def continues_label(label: str, rest: str) -> bool:
    """``rest``, at the left edge under the label ``label``, is the label's wrapped rest: it
    closes the label's bracket (项目资金（万 / 元）) or completes a label (年度预算 / 安排)."""
    label = normalize_cell_text(label)
    opened = label.count("（") + label.count("(") > label.count("）") + label.count(")")
    return opened or starts_header_label(label + normalize_cell_text(rest))


def centred_top(
    found: list[tuple[int, str]],
    above: list[tuple[int, str]],
    below: list[list[tuple[int, str]]],
    characters: bool,
) -> dict[int, str] | None:
    """A header-block line holding the first lines of the values of the labelled line below
    it, each centred on its label's line (pdftotext -layout prints a tall cell so): the line's
    stretches start where values of the line below start, the line after that holds those
    values' rests (:func:`wrapped_rests`), each first line fills its column — and no value on
    the line above fills its own there (then the line is that value's rest: a cell printed at
    the top of its row). Stretch index below → first line; None when the line is no such
    first line. O(stretches²)."""
    if len(below) < 2:
        return None
    labelled, after = below
    first = wrapped_rests(found, labelled)
    rests = wrapped_rests(after, labelled)
    if first is None or rests is None or set(rests) != set(first):
        return None
    starts = sorted({x for x, _ in (*above, *labelled)})
    for index, text in first.items():
        x = labelled[index][0]
        end = next((start for start in starts if start > x + _SLACK), None)
        over = next((t for start, t in above if start and abs(start - x) <= _SLACK), None)
        lines = [text, labelled[index][1], rests[index], *([over] if over else [])]
        in_column = [t for t in lines if end is None or x + printed_width(t, characters) <= end]
        width = max((display_width(t) for t in in_column), default=0)
        if not forced(text, labelled[index][1], width):
            return None
        if over is not None and over in in_column and forced(over, text, width):
            return None  # the value above fills its column too: which cell goes on is unknown
    return first


def printed_width(text: str, characters: bool) -> int:
    """How many positions ``text`` takes on its line: characters (pdftotext) or display
    columns."""
    return len(text) if characters else display_width(text)


def is_wrapped_rest(text: str) -> bool:
    """Text that can go on a value wrapped above it: no label, no number or amount."""
    text = normalize_cell_text(text)
    return not (
        is_known_label(text)
        or column_label(text) is not None
        or _AMOUNT.fullmatch(text) is not None
    )


def joined_rests(row: Row, rests: dict[int, str], number: int) -> Row:
    """``row`` (built from the stretches of the line above, label first) with ``rests`` (by
    stretch index) joined to its cells as wrapped lines."""
    cells = tuple(
        replace(cell, text=join_wrapped_lines(f"{cell.text}\n{rests[index]}"))
        if index in rests
        else cell
        for index, cell in enumerate(row.cells)
    )
    return replace(row, cells=cells, source=row.source.model_copy(update={"line_end": number}))


def header_regions(
    header: tuple[Cell, ...], found: list[tuple[int, str]], starts: list[int]
) -> tuple[tuple[Cell, ...], list[tuple[int, str]]] | None:
    """A line under the indicator header holding the regions' names under its last label,
    指标值 (:func:`~jixiao.model.labels.spanned_entity_columns`), perhaps after the rests of
    wrapped labels left of it: the header with those rests joined, and the names' stretches.
    None for any other line."""
    labelled = [c for c in header if c.text]
    if not labelled:
        return None
    target = starts[labelled[-1].column] - _SLACK
    rests = [(x, t) for x, t in found if x < target]
    names = [(x, t) for x, t in found if x >= target]
    if rests:
        cells = cells_at(rests, starts)
        if not continues_header(header, cells):
            return None
        header = joined_header(header, cells)
    texts = [c.text for c in header] + [normalize_cell_text(t) for _, t in names]
    fields = [column_label(c.text) for c in header] + [None] * len(names)
    return (header, names) if spanned_entity_columns(fields, texts) else None


def continues_header(header: tuple[Cell, ...], cells: tuple[Cell, ...]) -> bool:
    """Every text of the line is the rest of the header label above it (年度指标 | 值), or
    the end of a label that names no column yet (分析及改进 | 措施: a label centred on the
    header row, its first line printed above it)."""
    labels = {cell.column: cell.text for cell in header}
    printed = [cell for cell in cells if cell.text]
    return bool(printed) and all(
        continues_column_label(labels.get(cell.column, ""), cell.text)
        or (cell.column in labels and column_label(labels[cell.column]) is None)
        for cell in printed
    )


def joined_header(header: tuple[Cell, ...], rest: tuple[Cell, ...]) -> tuple[Cell, ...]:
    below = {cell.column: cell.text for cell in rest}
    return tuple(replace(cell, text=cell.text + below.get(cell.column, "")) for cell in header)


def ends_indicators(texts: list[str], first: int, starts: list[int]) -> str | None:
    """What ends the indicator rows at this line: a ``total`` (总分 | 100 | 96), or a
    ``header``-block label at the table's left edge (the next table's 项目名称); None."""
    if total_label(texts[0]) is not None or printed_total(texts, under_indicators=True):
        return "total"
    if first <= starts[0] + _SLACK and is_known_label(texts[0]) and not is_level_name(texts[0]):
        return "header"
    return None


def band_rows(reading: Reading, lines: list[Line], file: str) -> list[Row]:
    """The rows read from indicator lines, and a line with its doubt for lines read as none."""
    rows: list[Row] = []
    for part in reading.parts:
        first, last = lines[part.start].number, lines[part.end - 1].number
        source = SourceRef(file=file, line=first, line_end=last if last > first else None)
        if isinstance(part, Band):
            rows.append(Row(RowKind.TABLE, part.cells, source))
            continue
        text = " ".join(t for line in lines[part.start : part.end] for t in line.texts.values())
        rows.append(Row(RowKind.LINE, (Cell(text, 0),), source, doubts=(part.doubt,)))
    return rows


def cells_at(found: list[tuple[int, str]], starts: list[int]) -> tuple[Cell, ...]:
    """The stretches in the columns starting at ``starts``: each in the last column starting
    at or before it (a stretch running on into the next column's place stays in its own);
    two stretches in one column are one cell, joined."""
    texts: dict[int, str] = {}
    for x, text in found:
        column = max((c for c, start in enumerate(starts) if start <= x + _SLACK), default=0)
        texts[column] = texts.get(column, "") + normalize_cell_text(text)
    return tuple(Cell(texts.get(c, ""), c) for c in range(max(texts) + 1))


def printed_at(
    found: list[tuple[int, str]], starts: list[int], characters: bool = False
) -> dict[int, str]:
    """The stretches in the columns starting at ``starts``, as printed (their widths say
    where a cell wraps): column → text, two stretches in one column joined by a space. A
    stretch is cut at a single space after which a word starts where a later column does
    (pdftotext leaves one space between cells that nearly touch): text printed at a
    column's start is that column's, a cell's text never running out of its column."""
    texts: dict[int, str] = {}
    for x, text in (
        part for stretch in found for part in cut_at_columns(stretch, starts, characters)
    ):
        column = max((c for c, start in enumerate(starts) if start <= x + _SLACK), default=0)
        texts[column] = f"{texts[column]} {text}" if column in texts else text
    return texts


def cut_at_columns(
    stretch: tuple[int, str], starts: list[int], characters: bool
) -> list[tuple[int, str]]:
    """The stretch cut at each single space followed by text at a later column's start."""
    x, text = stretch
    for index, character in enumerate(text):
        if character != " ":
            continue
        at = x + (index + 1 if characters else display_width(text[: index + 1]))
        if any(start > x + _SLACK and abs(at - start) <= _SLACK for start in starts):
            rest = cut_at_columns((at, text[index + 1 :]), starts, characters)
            return [(x, text[:index]), *rest]
    return [stretch]
