"""Reader for pasted web text: tables that lost their cell boundaries on the way.

What users paste or download from government pages is a table flattened to text in one of a
few ways (:class:`~.tokens.Form`): cells separated by ``|`` with rows running over lines, one
cell per line or paragraph, cells separated by spaces with the empty ones gone, or cells glued
with no separator at all; sometimes in traditional characters with pinyin glosses. The reader

1. drops pinyin glosses and, for traditional text, matches on a simplified copy
   (:mod:`jixiao.model.characters`), keeping the printed text beside it;
2. cuts the text into cells as the form allows (:mod:`.tokens`, :mod:`.glued`);
3. pairs header-block labels with their values (:mod:`.header`);
4. finds the indicator header and places every row's cells under its columns by what they say —
   level names, operators, units, 指标值 the grammar reads (:mod:`.cells`, :mod:`.alignment`) —
   putting the vanished empty cells back (:mod:`.layout`).

A cell that could go under two columns equally well is left out and the row carries a doubt,
which the assembler reports as a parse finding: a value is never put in a field silently.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from jixiao.ingest.grid import Grid, Row, RowKind, drop_text_after_tables, ends_in_table
from jixiao.ingest.pasted.cells import is_level_name
from jixiao.ingest.pasted.glued import read_glued
from jixiao.ingest.pasted.header import group_label_runs
from jixiao.ingest.pasted.layout import (
    RowBuilder,
    entity_columns,
    header_columns,
    is_header_row,
    is_stop,
    stream_header_end,
)
from jixiao.ingest.pasted.tokens import (
    Form,
    Token,
    cut_line,
    detect_form,
    last_line,
    line_cells,
    pipe_rows,
    rows_run_on,
    whitespace_rows,
)
from jixiao.model.characters import is_traditional, strip_pinyin_glosses, to_simplified
from jixiao.model.framework import evaluation_level, normalize_level1
from jixiao.model.labels import (
    column_label,
    furniture_kind,
    header_label,
    is_header_without_target,
    is_indicator_header,
    is_known_label,
    is_table_title,
    printed_total,
    spanned_entity_columns,
)
from jixiao.model.vocabulary import Field

__all__ = ["has_indicator_header", "needs_pasted_reading", "read_pasted_text"]

# A line break inside a cell of a converter's markdown table (marker, docling): the cell's
# text wrapped, not a new row; a space, which a CJK wrap drops (cleaning.normalize_cell_text).
_LINE_BREAK_TAG: Final = re.compile(r"<br\s*/?>", re.IGNORECASE)


def read_pasted_text(text: str, file: str) -> Grid:
    """Pasted text → grid rows with the table's cells put back in their columns.

    Tables pasted one after another may each be printed their own way (one ``a |`` per line,
    then one cell per line with lone ``|`` lines): when the tables' forms differ, each table
    (from its title to the next table's title) is read in its own form.
    """
    text = strip_pinyin_glosses(_LINE_BREAK_TAG.sub(" ", text))
    convert = is_traditional(text)
    lines = text.splitlines()
    matched = [to_simplified(line) for line in lines] if convert else lines
    builder = RowBuilder(file, cut=cut_line(lines), last=last_line(lines))
    parts = table_parts(matched)
    forms = [detect_form(blank_outside(matched, part)) for part in parts]
    if len(set(forms)) == 1:
        read_form(builder, forms[0], lines, convert)
    else:
        for part, form in zip(parts, forms, strict=True):
            read_form(builder, form, blank_outside(lines, part), convert)
    return Grid(
        file=file,
        format="text",
        rows=drop_text_after_tables(builder.rows),
        ends_in_table=ends_in_table(builder.rows),
    )


def read_form(builder: RowBuilder, form: Form, lines: list[str], convert: bool) -> None:
    """Read ``lines`` (blank outside the part read: line numbers are kept) in one form."""
    if form is Form.GLUED:
        text = "\n".join(lines)
        read_glued(builder, to_simplified(text) if convert else text)
    elif form is Form.LINES:
        read_stream(builder, line_cells(lines, convert))
    elif form is Form.WHITESPACE and rows_run_on(lines):
        builder.spaced = True
        read_stream(builder, line_cells(lines, convert, by_space=True))
    else:
        whitespace = form is Form.WHITESPACE
        builder.spaced = whitespace
        rows = whitespace_rows(lines, convert) if whitespace else pipe_rows(lines, convert)
        read_rows(builder, rows, whitespace=whitespace)


def table_parts(lines: list[str]) -> list[range]:
    """The lines of each table: a part ends where the title of a next table starts (or, untitled,
    its 项目名称 line: :func:`starts_table`), once the part has an indicator header (三级指标 /
    指标名称 / 二级指标 printed); text before the first title belongs to the first table.
    O(lines)."""
    parts: list[range] = []
    start, has_header = 0, False
    for number, line in enumerate(lines):
        compact = "".join(line.split()).strip("|")
        if has_header and compact and len(compact) <= 80 and starts_table(compact):
            parts.append(range(start, number))
            start, has_header = number, False
        if "三级指标" in compact or "指标名称" in compact or "二级指标" in compact:
            # (二级指标: a header whose 三级 column is headed by a stand-in such as 指标内容)
            has_header = True
    parts.append(range(start, len(lines)))
    return parts


def starts_table(text: str) -> bool:
    """A line that starts a table: its title, or for a table printed without one, the label its
    header block opens with (项目名称, 专项名称, 部门名称)."""
    return is_table_title(text) or header_label(text) in (Field.PROJECT, Field.DEPARTMENT)


def blank_outside(lines: list[str], part: range) -> list[str]:
    """The lines, blank outside ``part`` (so that every line keeps its number)."""
    if len(part) == len(lines):
        return lines
    return ["" if number not in part else line for number, line in enumerate(lines)]


def read_rows(builder: RowBuilder, rows: list[list[Token]], *, whitespace: bool) -> None:
    """Forms whose rows are known (pipes, spaces): place each row's cells."""
    start = 0
    while start < len(rows):
        header = next(
            (
                i
                for i in range(start, len(rows))
                if is_header_row(rows[i]) or is_entity_header(rows[i])
            ),
            None,
        )
        if header is None:
            builder.header_rows(rows[start:], whitespace=whitespace)
            return
        header_tokens = rows[header]
        above: list[Token] = []
        block_end = header
        if header > start and is_header_above(rows[header - 1]):
            above = rows[header - 1]
            block_end = header - 1
        elif header > start and starts_header(rows[header - 1], header_tokens):
            # 一级指标 printed at the end of the line above (年度绩效指标完成情况 一级 / 指标)
            header_tokens = [rows[header - 1][-1], *header_tokens]
            rows[header - 1] = rows[header - 1][:-1]
            block_end = header if rows[header - 1] else header - 1
        run = None if whitespace or is_entity_header(header_tokens) else run_together(header_tokens)
        if run is not None:
            # the header line carries the block's last values before it and the first
            # indicator's cells after it: the rows ran together, and are cut by what the
            # cells say, as one cell per line
            before, above, labels, after = run
            builder.header_rows(rows[start:block_end], whitespace=False)
            builder.header_groups(group_label_runs(before))
            columns = header_columns(labels, above)
            builder.column_header(columns)
            end = header + 1
            stream = list(after)
            while end < len(rows) and not is_stop(rows[end][0]) and not is_header_row(rows[end]):
                stream.extend(rows[end])
                end += 1
            builder.indicator_stream(stream, columns)
            start = end
            continue
        builder.header_rows(rows[start:block_end], whitespace=whitespace)
        end = header + 1
        if end < len(rows) and names_regions_below(header_tokens, rows[end]):
            # 指标值 over the regions' columns, their names on the header's second row
            header_tokens = [*header_tokens, *rows[end]]
            end += 1
        columns = entity_columns(header_columns(header_tokens, above))
        merged = merged_labels(header_tokens)
        builder.column_header(columns)
        body: list[list[Token]] = []
        evaluation = end < len(rows) and uses_evaluation_levels(rows[end][:3])
        while end < len(rows):
            row = drop_merged_labels(rows[end], merged)
            if not row or ends_rows(row[0], evaluation=evaluation) or is_header_row(row):
                break
            body.append(row)
            end += 1
        builder.indicator_rows(body, columns)
        start = end


Run = tuple[list[Token], list[Token], list[Token], list[Token]]


def names_regions_below(header: list[Token], below: list[Token]) -> bool:
    """``below`` is the second row of a two-row header: the names of the regions whose
    columns the header's last label, 指标值, spans (:func:`spanned_entity_columns`)."""
    texts = [t.text for t in (*header, *below) if t.text]
    return len(below) >= 2 and bool(
        spanned_entity_columns([column_label(text) for text in texts], texts)
    )


def is_entity_header(tokens: list[Token]) -> bool:
    """An indicator header with one value column per town or unit (:func:`entity_columns`)."""
    return any(c.per_entity for c in entity_columns(header_columns(tokens)))


def run_together(tokens: list[Token]) -> Run | None:
    """A header row that holds more than the column labels, split into what comes before them
    (the header block's last cells), the upper row of a two-row header (年度指标值 | 实际完成值
    | 分值 | 得分 printed before 一级指标 | … | 度量单位), the labels, and the cells after them
    (the first indicator rows); None when the row is only the labels. O(cells)."""
    first = next(
        (
            i
            for i, t in enumerate(tokens)
            if column_label(t.text) in (Field.LEVEL1, Field.LEVEL2, Field.NAME)
        ),
        None,
    )
    if first is None:
        return None
    end = stream_header_end(tokens, first)
    if end >= len(tokens):
        return None
    start = first
    while start > 0 and column_label(tokens[start - 1].text) is not None:
        start -= 1
    before, above = tokens[:start], tokens[start:first]
    if above and Field.TARGET not in {column_label(t.text) for t in above}:
        before, above = tokens[:first], []
    return before, above, tokens[first:end], tokens[end:]


def uses_evaluation_levels(tokens: list[Token]) -> bool:
    """Indicator rows that start with a 一级 of the evaluation framework (决策, 过程)."""
    return any(evaluation_level(t.text) == 1 and normalize_level1(t.text) is None for t in tokens)


def ends_rows(token: Token, *, evaluation: bool) -> bool:
    """Where indicator rows end (:func:`is_stop`); in rows of the evaluation framework its
    level names (绩效目标, also a header label) do not."""
    return is_stop(token) and not (evaluation and evaluation_level(token.text) is not None)


def starts_header(tokens: list[Token], header: list[Token]) -> bool:
    """The line above a header that lacks 一级指标 ends with the 一级指标 label."""
    fields = {column_label(t.text) for t in header}
    if not tokens or Field.LEVEL1 in fields:
        return False
    return column_label(tokens[-1].text) is Field.LEVEL1


def merged_labels(header: list[Token]) -> frozenset[str]:
    """The leading header cells that name no column (绩效指标): merged down the indicator rows,
    they may be printed again at the start of the first indicator row."""
    labels: set[str] = set()
    for token in header:
        if column_label(token.text) is not None:
            break
        labels.add(token.text)
    return frozenset(labels)


def drop_merged_labels(tokens: list[Token], merged: frozenset[str]) -> list[Token]:
    index = 0
    while index < len(tokens) - 1 and tokens[index].text in merged:
        index += 1
    return tokens[index:]


def is_header_above(tokens: list[Token]) -> bool:
    """The first row of a two-row header: column labels but no level columns, and mostly
    labels — a header block run together into one row (a budget block printed one cell per
    line: … | 权重 | 得分 | 原因 | 总额 | 120.00 | … | 其中：财政资金 | …) names columns too, and
    is read as the header block it is, not dropped as the upper header row."""
    fields = [column_label(t.text) for t in tokens]
    levels = {Field.LEVEL1, Field.LEVEL2, Field.NAME}
    labelled = sum(f is not None for f in fields)
    filled = sum(bool(t.text.strip()) for t in tokens)
    return labelled >= 2 and labelled * 2 >= filled and not levels & set(fields)


def read_stream(builder: RowBuilder, tokens: list[Token]) -> None:
    """One cell per line: the rows are cut by what the cells say."""
    start = 0
    while start < len(tokens):
        header = find_stream_header(tokens, start)
        if header is None:
            builder.header_groups(group_label_runs(tokens[start:]))
            return
        builder.header_groups(group_label_runs(tokens[start:header]))
        end = stream_header_end(tokens, header)
        columns = entity_columns(header_columns(tokens[header:end]))
        builder.column_header(columns)
        stop = end
        evaluation = uses_evaluation_levels(tokens[end : end + 3])
        while stop < len(tokens) and not ends_rows(tokens[stop], evaluation=evaluation):
            stop += 1
        builder.indicator_stream(tokens[end:stop], columns)
        start = stop


def find_stream_header(tokens: list[Token], start: int) -> int | None:
    for index in range(start, len(tokens)):
        if column_label(tokens[index].text) in (Field.LEVEL1, Field.LEVEL2, Field.NAME):
            end = stream_header_end(tokens, index)
            if is_indicator_header([t.text for t in tokens[index:end]]):
                return index
    return None


def needs_pasted_reading(grid: Grid) -> bool:
    """True when the tab/pipe reading of a text found no indicator table it could place.

    The tab/pipe reading holds when an indicator header row is found and every level name in
    the rows after it sits in a level column; a level name elsewhere means the row lost its
    empty cells (a flattened web table) — unless the row kept a level cell, empty (the 一级
    cell of a row under a merged 一级: ``\t成本指标\t社会成本指标\t…``, a 三级 printed as a
    level name, sits where it is printed) or prints a level name in every level cell (its
    三级 may be a level word: 满意度) — and no header at all means the table is not in
    tab/pipe rows. So does a row shorter than the header whose 一级指标 cell holds no level
    name (a row continuing a merged 一级/二级 cell, printed shifted left: its 三级指标 sits
    in the 一级 column). O(cells).
    """
    columns: set[int] | None = None
    width = 0
    rows = grid.rows
    for number, row in enumerate(rows):
        if row.kind is not RowKind.TABLE:
            if columns is not None and is_table_title(row.text):
                columns = None  # the next table: its header block is no indicator row
            continue
        texts = row.texts
        if columns is not None and header_label(next((t for t in texts if t), "")) in (
            Field.PROJECT,
            Field.DEPARTMENT,
        ):
            columns = None  # the next table's header block (项目名称, 专项名称, 部门名称)
            continue
        if any(level_column(t) for t in texts) and is_indicator_header(texts):
            columns = {i for i, t in enumerate(texts) if level_column(t)}
            width = sum(bool(t) for t in texts)
            continue
        if columns is None:
            continue
        kept_empty = any(i < len(texts) and not texts[i] for i in columns)
        if (
            not kept_empty
            and any(t and i not in columns and is_level_cell(t) for i, t in enumerate(texts))
            # a row whose level cells all hold level names lost no cell before them either: a
            # level word after them is its 三级 (满意度指标 | 服务对象满意度指标 | 满意度)
            and not all(
                i < len(texts) and (is_level_cell(texts[i]) or _wrapped_level_cell(rows, number, i))
                for i in columns
            )
        ):
            # (a row that kept its empty level cells lost none: a level word in its 三级 cell
            # is the rest of a name cut by a page break, 学生家长 | 满意度)
            return True
        first = min(columns)
        if (
            first < len(texts)
            and texts[first]
            and sum(bool(t) for t in texts) < width
            and not is_level_cell(texts[first])
            and not texts[first].endswith("指标")
            and not _wrapped_level_cell(rows, number, first)
            and not is_known_label(texts[first])  # the next table's header block
            and printed_total(texts, under_indicators=True) is None  # 总分 | | 100 | 96
            and furniture_kind(texts[first]) is None  # a note under the table, 附件2
        ):
            return True
    return columns is None


def _wrapped_level_cell(rows: list[Row], number: int, column: int) -> bool:
    """Whether the cell at ``column`` of row ``number`` is part of a level name wrapped over
    two or three lines of that column (满意度指 | 标): converter text whose cells wrap keeps
    its cells in place (assemble/wrapped.py joins the lines); its rows lost no cell."""
    for top in range(max(0, number - 2), number + 1):
        joined = ""
        for below in range(top, min(len(rows), top + 3)):
            row = rows[below]
            if row.kind is not RowKind.TABLE or column >= len(row.texts):
                break
            if below > top and (not row.texts[column] or any(row.texts[:column])):
                break
            joined += row.texts[column]
            if below >= number and below > top and is_level_cell(joined):
                return True
    return False


@lru_cache(maxsize=4096)
def level_column(text: str) -> bool:
    """The header cell of the 一级指标 or 二级指标 column."""
    return column_label(text) in (Field.LEVEL1, Field.LEVEL2)


@lru_cache(maxsize=4096)
def is_level_cell(text: str) -> bool:
    return is_level_name(text)


def has_indicator_header(grid: Grid) -> bool:
    """True when a grid holds an indicator header row (一级指标 | 二级指标 | … | 指标值), or
    one naming the level columns but no 指标值 column (the table reports the missing column;
    its rows are never goals)."""
    return any(
        row.kind is RowKind.TABLE
        and (is_indicator_header(row.texts) or is_header_without_target(row.texts))
        for row in grid.rows
    )
