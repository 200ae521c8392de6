"""Pasted text → cells ("tokens"), for each way a flattened table is printed.

* ``PIPE``: an HTML table flattened with ``|``; a row may run over several lines (a cell with
  a line break), ends at a run of ``||`` (the empty cells) and may start with a lone ``|``.
* ``WHITESPACE``: one row per line, cells separated by spaces; a label merged down several
  rows is printed one piece per line (年度 / 预算 / 安排 / （万元）) and is joined back.
* ``LINES``: one cell per line or paragraph, rows not marked at all.
* ``GLUED``: cells glued with no separator (:mod:`.glued`).

Empty cells are not kept: where they were cannot be told from the text, so the rows are rebuilt
by :mod:`.alignment` from what the cells say.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from jixiao.ingest.budget import check_budget
from jixiao.ingest.cleaning import join_wrapped_lines, normalize_cell_text
from jixiao.ingest.pasted.cells import is_level_name, level_fit
from jixiao.model.labels import (
    column_label,
    continues_column_label,
    furniture_kind,
    implied_name_column,
    is_any_table_title,
    is_entity_label,
    is_indicator_header,
    is_known_label,
    is_page_number,
    label_unit,
    spanned_entity_columns,
    stand_in_name_column,
    total_label,
)
from jixiao.model.vocabulary import Field


class Form(StrEnum):
    PIPE = "pipe"
    WHITESPACE = "whitespace"
    LINES = "lines"
    GLUED = "glued"


@dataclass(frozen=True, slots=True)
class Token:
    """One cell of pasted text: ``text`` for matching (simplified), ``printed`` as printed."""

    text: str
    printed: str
    line: int


# 一级指标 followed, with no separator, by 二级: the glued form
_GLUED_HEADER: Final = re.compile(r"一\s?级\s?指\s?标二\s?级")
# A document-sharing preview's page mark, 2、, starting the chunk of text after a page end
PAGE_MARK: Final = re.compile(r"^\s*\d{1,2}、")
# the 一级 column label of an indicator header (一级目标: a transfer-payment form's)
_LEVEL1_LABEL: Final = re.compile(r"一\s?级\s?(?:指\s?标|目\s?标)")
_LEVEL2_LABEL: Final = re.compile(r"二\s?级\s?指\s?标")
_NAME_LABEL: Final = re.compile(r"三\s?级\s?指\s?标")
_MARKDOWN_RULER: Final = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_PIPE_ROW_END: Final = re.compile(r"\|\s*\|\s*$")
_BARE_BARS: Final = re.compile(r"^[|\s]+$")
_BRACKET_ONLY: Final = re.compile(r"^[（(][^（()）]{1,8}[)）]$")
# one or a few CJK letters, nothing else
_CJK_LETTERS: Final = re.compile(r"[\u3400-\u9fff]+")
_QUALIFIER_ONLY: Final = re.compile(r"^其中\s*[:：]$")
# the letters a bracket split at its spaces holds at most ('( ≥**个 )', '（ 万元 ）')
_SHORT_BRACKET: Final = 9
# a level cell's section weight: 产出指标(50分)
_SECTION_WEIGHT: Final = re.compile(r"[（(]\d+(?:\.\d+)?分[)）]$")
# Lines around the indicator header that show how a pipe-printed table is laid out.
_LAYOUT_WINDOW: Final = 40


def detect_form(lines: list[str]) -> Form:
    """Which printing of a table the text is, judged around its indicator header: the first
    line naming 一级指标, or 二级指标 and 三级指标 together (a header whose 一级 label was
    printed over two lines, 一级 / 指标), or a glued run of column labels (perhaps cut by a
    preview's page end: 一级指标二 | 4、级指标三级指标…).

    Pipes near the header make a pipe form, unless the cells are printed on lines of their
    own with lone ``|`` lines between them: that is one cell per line (``LINES``).
    """
    from jixiao.ingest.pasted.glued_header import has_glued_header

    for number, line in enumerate(lines):
        check_budget()
        if _GLUED_HEADER.search(line) or has_glued_header(line):
            return Form.GLUED
        after = lines[number + 1] if number + 1 < len(lines) else ""
        if PAGE_MARK.match(after) and has_glued_header(line.rstrip() + PAGE_MARK.sub("", after)):
            return (
                Form.GLUED
            )  # a preview's page end inside the glued header (一级指标二 | 4、级指标)
        near = " ".join(lines[max(0, number - 1) : number + 2])
        label = _LEVEL1_LABEL.search(line)
        if label:
            if "|" in near:
                return Form.PIPE if cells_carry_bars(lines, number) else Form.LINES
            if _LEVEL2_LABEL.search(line, label.end()):
                return Form.WHITESPACE
            return Form.LINES
        if (
            _LEVEL2_LABEL.search(line)
            and _NAME_LABEL.search(line)
            and "|" not in near
            and len(line.split()) >= 3
        ):
            return Form.WHITESPACE
    return Form.LINES


_RUN_ON_LEAD: Final = 3  # pieces after the header within which the rows' first level name stands


def rows_run_on(lines: list[str]) -> bool:
    """A table printed with spaces between its cells but no line breaks between its rows: the
    line holding the indicator header goes on with the rows' cells (… 二级指标 三级指标 年度指标值
    … 偏差原因分析及改进措施 产出指标(50分) 数量指标 …), as a converter writes a document's text
    on one line. The header must stand whole — 一级指标 and 二级指标, then only column labels
    naming the 三级 and the 指标值 (or the regions' names of one 指标值 column each) — and a
    level cell must follow it at once (:func:`is_level_cell`: 管理指标 and 产出数量指标 too):
    a document whose
    converter wrapped the cells' text at spaces, or printed the table column by column (names
    first, values after), has no such run and is not read cell by cell. O(n)."""
    for line in lines:
        if "|" in line or not _LEVEL1_LABEL.search(line):
            continue
        pieces = line.split()
        level2 = next((i for i, p in enumerate(pieces) if _LEVEL2_LABEL.fullmatch(p)), None)
        if level2 is None or level2 == 0 or not _LEVEL1_LABEL.fullmatch(pieces[level2 - 1]):
            continue
        end = level2 + 1
        while end < len(pieces) and column_label(pieces[end]) is not None:
            end += 1
        labels = pieces[level2:end]
        fields = [column_label(p) for p in labels]
        if (
            Field.NAME not in fields
            and implied_name_column(fields, labels) is None
            and stand_in_name_column(fields, labels) is None
        ):
            continue  # (绩效标准 right after 二级指标: an unlabelled 三级 column; 指标内容)
        regions = end
        while regions < len(pieces) and is_entity_label(pieces[regions]):
            regions += 1
        if fields[-1] is Field.TARGET and spanned_entity_columns(
            [*fields, *([None] * (regions - end))], pieces[level2:regions]
        ):
            end = regions  # 指标值 over the regions' columns, their names after it
        elif Field.TARGET not in fields:
            # one 指标值 column per region, headed by the regions' names (城关镇 新河乡)
            if regions - end < 2:
                continue
            end = regions
        lead = pieces[end : end + _RUN_ON_LEAD]
        if any(is_level_cell(_SECTION_WEIGHT.sub("", p)) for p in lead):
            return True
    return False


def is_level_cell(text: str) -> bool:
    """What a level column holds: a framework level name (产出指标), a 部门整体 form's 管理指标
    or its management areas (预算执行管理), a level name outside the framework (产出数量指标)."""
    return (
        is_level_name(text)
        or level_fit(text, Field.LEVEL1) is not None
        or level_fit(text, Field.LEVEL2) is not None
    )


def cells_carry_bars(lines: list[str], number: int) -> bool:
    """True when the text lines near line ``number`` carry their ``|`` separators (``a |``,
    ``a | b |``); False when the text lines have none and the bars stand on lines of their own
    (one cell per line, a lone ``|`` after each). O(window)."""
    window = lines[max(0, number - _LAYOUT_WINDOW) : number + _LAYOUT_WINDOW]
    texts = [line for line in window if line.strip() and not _BARE_BARS.match(line)]
    # the page's furniture around the table (发布时间, 扫一扫, 附件, 第3页) is no table text
    texts = [line for line in texts if "|" in line or not is_furniture_line(line)]
    with_bars = sum("|" in line for line in texts)
    return with_bars * 2 >= len(texts)


def is_furniture_line(line: str) -> bool:
    """A line of page furniture: a web page's (发布时间, 扫一扫, [打印], 附件), a footer's
    (注：, 填报人) or a page number (``- 3 -``, ``第 3 页 共 8 页``)."""
    return furniture_kind(line) is not None or is_page_number(line, strict=True)


def rows_per_line(lines: list[str]) -> bool:
    """True when a pipe table prints each row on one line (``a | b | c |``) rather than each
    cell on a line of its own (``a |``): most lines with bars hold two cells or more. O(n)."""
    barred = [line for line in lines if "|" in line and not _BARE_BARS.match(line)]
    several = sum(sum(bool(part.strip()) for part in line.split("|")) >= 2 for line in barred)
    return several * 2 > len(barred)


def cut_line(lines: list[str]) -> int | None:
    """The line (1-based) where a text that closes every cell with ``|`` (``a | b |``, ``a |``)
    stops inside a cell: its last line holds text and no closing bar (the excerpt ends
    mid-row). A markdown row (``| a | b``) may leave its closing bar out and is not cut, nor
    is a text whose rows mostly do not close their cells (``a | b | c``). O(n).
    """
    numbered = [(n, line.strip()) for n, line in enumerate(lines, start=1) if line.strip()]
    barred = [line for _, line in numbered[-_LAYOUT_WINDOW:] if "|" in line]
    if not barred or 2 * sum(line.endswith("|") for line in barred) <= len(barred):
        return None  # no bars, or rows that do not close their cells (a | b | c)
    number, last = numbered[-1]
    return None if last.endswith("|") or last.startswith("|") else number


def last_line(lines: list[str]) -> int | None:
    """The last line (1-based) holding text: a row on it is where the text ends, and may have
    lost its last cells. O(n)."""
    return next((n for n in range(len(lines), 0, -1) if lines[n - 1].strip()), None)


def clean(text: str) -> str:
    """Whitespace collapsed and CJK wrap gaps removed, on one line."""
    return normalize_cell_text(text).replace("\n", " ")


def make_token(printed: str, line: int, convert: bool) -> Token | None:
    from jixiao.model.characters import to_simplified

    printed = clean(printed)
    if not printed:
        return None
    return Token(to_simplified(printed) if convert else printed, printed, line)


def pipe_rows(lines: list[str], convert: bool) -> list[list[Token]]:
    """Rows of a ``|``-flattened table (and single-cell rows for the text around it).

    The flattener prints a bar after every cell and pads a row that lost cells to a merged
    cell with more bars (``a | b | |||``), so that every row of a table holds as many bars as
    the table has columns. A row ends at such a padding run; when the table prints one row
    per line, a row also ends at a line ending in ``|`` once it holds that many bars (the
    width of the last padded row) — a line ending in ``|`` with fewer is a row broken over
    lines. When it prints one cell per line (``a |``), a row ends at a padding run, a line
    starting with ``|``, or once it holds the table's width in bars (a full row has no
    padding). Padded rows of one table holding different numbers of bars were padded with a
    fixed run, not to a width: then only padding runs end rows. Text between tables forgets
    the width. O(n) in the text.
    """
    per_line = rows_per_line(lines)
    rows: list[list[Token]] = []
    current: list[Token] = []
    open_row = False
    bars = 0  # bars printed in the current row
    width: int | None = None  # bars of the last padded row: the table's column count
    uneven = False  # padded rows of this table hold different numbers of bars

    def padded(count: int) -> None:
        """A padded row ends with ``count`` bars in all: the table's width, unless padded rows
        differ (a flattener that pads every row with the same run, ``a | b | ||||``: then no
        width is known and only padding runs end rows)."""
        nonlocal width, uneven
        uneven = uneven or (width is not None and count != width)
        width = None if uneven else count

    def flush() -> None:
        nonlocal current, open_row, bars
        if current:
            rows.append(current)
        current, open_row, bars = [], False, 0

    for number, line in enumerate(lines, start=1):
        check_budget()
        stripped = line.strip()
        if not stripped or _MARKDOWN_RULER.match(stripped):
            continue
        if "|" not in stripped:
            # a line without a bar: the rest of a cell broken over lines when rows are
            # printed one per line; text between tables when every cell closes with its bar
            alone = not open_row or not per_line
            if alone:
                width, uneven = None, False  # text between tables: the next table's own width
            token = make_token(stripped, number, convert)
            if alone:
                flush()
            if token is not None:
                current.append(token)
            if alone:
                flush()
            continue
        count = stripped.count("|")
        if (
            open_row
            and current
            and _BARE_BARS.match(stripped)
            and (count >= 2 or (width is not None and bars + count == width))
        ):
            # bars on a line of their own after a row's cells: a padding run ends the row
            # (and gives the table's width), and so does a lone bar that makes the width
            bars += count
            if count >= 2:
                padded(bars)
            flush()
            continue
        if stripped.startswith("|") or not open_row:
            flush()
        for part in stripped.split("|"):
            token = make_token(part, number, convert)
            if token is not None:
                current.append(token)
        open_row = True
        bars += stripped.count("|")
        if _PIPE_ROW_END.search(stripped):
            if current:
                padded(bars)
            flush()
        elif stripped.endswith("|") and (
            (width is not None and bars >= width) or (per_line and width is None)
        ):
            flush()
    flush()
    return rows


def whitespace_rows(lines: list[str], convert: bool) -> list[list[Token]]:
    """Rows of a space-separated table; labels printed one piece per line are joined."""
    rows: list[list[Token]] = []
    for number, line in enumerate(lines, start=1):
        check_budget()
        tokens = [t for part in line.split() if (t := make_token(part, number, convert))]
        if tokens:
            rows.append(join_row_fragments(tokens))
    return join_wrapped_header(join_vertical_labels(rows))


def join_wrapped_header(rows: list[list[Token]]) -> list[list[Token]]:
    """An indicator header whose labels wrapped in their cells, printed on two lines (一级指标
    二级指标 三级指标 年度 实际 分值 得分 / 指标值 完成值): the second line's pieces complete, in
    order, the first line's labels; the rows are joined when every piece completes one, every
    cell after the level labels that named no column is completed, and the joined row is an
    indicator header (the first line alone is none: it names no 指标值 column). O(cells)."""
    joined: list[list[Token]] = []
    index = 0
    while index < len(rows):
        row = rows[index]
        below = rows[index + 1] if index + 1 < len(rows) else []
        header = completed_header(row, below) if below else None
        if header is None:
            joined.append(row)
            index += 1
        else:
            joined.append(header)
            index += 2
    return joined


def completed_header(row: list[Token], below: list[Token]) -> list[Token] | None:
    """``row`` with ``below``'s pieces joined to the labels they complete (join_wrapped_header),
    or None."""
    levels = (Field.LEVEL1, Field.LEVEL2, Field.NAME)
    first = next((i for i, t in enumerate(row) if column_label(t.text) in levels), None)
    if first is None or len(below) > len(row) - first:
        return None
    texts = [t.text for t in row]
    if is_indicator_header(texts):
        return None
    completed = list(row)
    position = first + 1
    for piece in below:
        while position < len(row) and not continues_column_label(row[position].text, piece.text):
            if column_label(row[position].text) is None:
                return None  # a cell naming no column left incomplete
            position += 1
        if position >= len(row):
            return None
        completed[position] = concat(row[position], piece)
        position += 1
    if any(column_label(t.text) is None for t in completed[first:]):
        return None
    return completed if is_indicator_header([t.text for t in completed]) else None


def join_row_fragments(tokens: list[Token]) -> list[Token]:
    """'投入目标' '（万元）' → '投入目标（万元）'; '其中:' '财政拨款数' → '其中:财政拨款数';
    a cell whose bracket is still open takes the next pieces ('数量(' '≥**个' ')'); a label
    spaced out letter by letter to fill its cell is one label ('总' '分' → '总分', '备' '注')."""
    joined: list[Token] = []
    for token in tokens:
        if joined and (
            _BRACKET_ONLY.match(token.text)
            or _QUALIFIER_ONLY.match(joined[-1].text)
            or is_open_bracket(joined[-1].text)
            or spaced_label(joined[-1].text, token.text)
        ):
            joined[-1] = concat(joined[-1], token)
        else:
            joined.append(token)
    return joined


def spaced_label(before: str, letter: str) -> bool:
    """``letter`` (one character) completes a label spaced out letter by letter: 总 分, 合 计,
    一级 指标 is not one (both pieces are words)."""
    if len(letter) != 1 or not before or len(before) > 4 or not _CJK_LETTERS.fullmatch(before):
        return False
    if not _CJK_LETTERS.fullmatch(letter):
        return False
    label = before + letter
    return (
        is_known_label(label) or column_label(label) is not None or total_label(label) is not None
    )


def is_open_bracket(text: str) -> bool:
    """'开发数量( ≥**个 )' split at its spaces: a bracket opened and not yet closed."""
    return text.count("(") + text.count("（") > text.count(")") + text.count("）")


def opens_short_bracket(text: str) -> bool:
    """A piece ending in a bracket opened a few letters back and not closed: '开发数量(' or
    '开发数量(≥**个' of '开发数量( ≥**个 )' split at its spaces (a run-on row has no line end
    to stop an unclosed bracket, so only a short bracket is followed)."""
    opened = max(text.rfind("("), text.rfind("（"))
    return opened >= 0 and is_open_bracket(text) and len(text) - opened <= _SHORT_BRACKET


def concat(first: Token, second: Token) -> Token:
    return Token(first.text + second.text, first.printed + second.printed, first.line)


def join_vertical_labels(rows: list[list[Token]]) -> list[list[Token]]:
    """Short cells on consecutive lines that together make a label: one cell.

    A label merged down several rows is printed one piece per line (年度 / 预算 / 安排, 经济效益 /
    指标); its first piece may end a row that holds other cells (年度绩效指标完成情况 一级 /
    指标). A section weight printed alone (（50分）) starts no label: it is what is left of a
    lost 一级指标 cell.

    Bound: O(rows × _LONGEST_JOINED²) characters looked up: a joined label is at most
    :data:`_LONGEST_JOINED` characters, so from each row only the short cells whose text fits
    in it are scanned and tried.
    """
    joined: list[list[Token]] = []
    index = 0
    while index < len(rows):
        check_budget()
        row = rows[index]
        if len(row) > 1 and not is_whole_label(row[-1].text):
            end = short_run_end(rows, index + 1, len(row[-1].text))
            found = label_end(row[-1], rows, index + 1, end)
            if found is not None:
                token = row[-1]
                for piece in rows[index + 1 : found]:
                    token = concat(token, piece[0])
                joined.append([*row[:-1], token])
                index = found
                continue
        end = short_run_end(rows, index)
        found = None
        if end > index and not _BRACKET_ONLY.match(row[0].text):
            found = label_end(row[0], rows, index + 1, end)
        if found is None:
            joined.append(row)
            index += 1
            continue
        token = row[0]
        for piece in rows[index + 1 : found]:
            token = concat(token, piece[0])
        joined.append([token])
        index = found
    return joined


# The longest label or level name short cells are joined into: labels are at most 24
# characters (jixiao.model.labels), level names shorter still, with a bracket or two.
_LONGEST_JOINED: Final = 32


def short_run_end(rows: list[list[Token]], start: int, length: int = 0) -> int:
    """The end of the run of single short cells starting at ``start``, as far as their text
    (after ``length`` characters already taken) fits in the longest label. O(_LONGEST_JOINED)."""
    end = start
    while (
        end < len(rows)
        and len(rows[end]) == 1
        and len(rows[end][0].text) <= 6
        and length + len(rows[end][0].text) <= _LONGEST_JOINED
    ):
        length += len(rows[end][0].text)
        end += 1
    return end


def label_end(first: Token, rows: list[list[Token]], start: int, end: int) -> int | None:
    """The longest ``stop`` in (start, end] such that ``first`` and the single cells of
    ``rows[start:stop]`` make a label or level name together."""
    for stop in range(end, start, -1):
        text = first.text + "".join(row[0].text for row in rows[start:stop])
        if is_whole_label(text):
            return stop
    return None


def is_whole_label(text: str) -> bool:
    return is_known_label(text) or column_label(text) is not None or is_level_name(text)


def line_cells(lines: list[str], convert: bool, *, by_space: bool = False) -> list[Token]:
    """Cells printed one per line or paragraph; a cell broken over lines is joined back: the
    lines between two of the form's separators (:func:`wrapped_cells`), or pieces that make a
    label or level name (经济效益 / 指标). ``by_space``: the cells are separated by spaces,
    rows not marked (a whole table on one line: :func:`rows_run_on`)."""
    tokens: list[Token] = []
    pieces = (
        ((number, piece) for number, line in enumerate(lines, start=1) for piece in line.split())
        if by_space
        else wrapped_cells(lines)
    )
    for number, line in pieces:
        check_budget()
        token = make_token(line.strip().strip("|").strip(), number, convert)
        if token is None or set(token.text) <= {"|", " "}:
            continue
        if tokens and (
            is_fragment_of(tokens[-1], token) or (by_space and opens_short_bracket(tokens[-1].text))
        ):
            tokens[-1] = concat(tokens[-1], token)
        else:
            tokens.append(token)
    return tokens


def wrapped_cells(lines: list[str]) -> list[tuple[int, str]]:
    """The text's lines (1-based numbers) with each cell printed over two or three lines
    joined into one (:func:`~jixiao.ingest.cleaning.join_wrapped_lines`).

    Where the form marks every cell's end — a lone ``|`` line after each cell, or a blank line
    after each paragraph — text lines with no mark between them are one cell wrapped by its
    column (``高标准农田建`` ⏎ ``设完成率`` ⏎ ``|``): a run of at most three lines with a mark
    right before and right after it. A run holding a title, its year (（2024年度）),
    page furniture or a page number is the text between tables, never one cell. Text that
    marks no cell end (one cell per line, nothing between) is left as it is: where a cell ends
    is not printed. O(lines)."""
    numbered = list(enumerate(lines, start=1))
    mark = cell_end_mark(lines)
    if mark is None:
        return numbered
    out: list[tuple[int, str]] = []
    index = 0
    while index < len(numbered):
        end = index
        while end < len(numbered) and is_cell_text(numbered[end][1]):
            end += 1
        run = numbered[index:end]
        joined = join_wrapped_lines("\n".join(line.strip().strip("|") for _, line in run))
        if (
            2 <= len(run) <= _WRAPPED_LINES
            and index > 0
            and mark(numbered[index - 1][1])
            and end < len(numbered)
            and mark(numbered[end][1])
            and (is_whole_label(joined) or not any(stands_apart(line) for _, line in run))
        ):
            out.append((run[0][0], joined))
        else:
            out.extend(run or numbered[index : index + 1])
        index = max(end, index + 1)
    return out


# a cell wraps over at most this many lines before the column is widened (at a column's
# width, longer cells are rare and a longer run is the text between two tables)
_WRAPPED_LINES: Final = 3


def cell_end_mark(lines: list[str]) -> Callable[[str], bool] | None:
    """What ends every cell in this text, judged on its runs of text lines: a lone ``|`` line,
    when it follows most runs; a blank line, when the runs are those of cells (two lines at
    most on average, and at least ten of them: one cell per line with nothing between is one
    long run); None when neither (cells not marked). O(lines)."""
    runs = barred = lines_in_runs = 0
    for number, line in enumerate(lines):
        if not is_cell_text(line):
            continue
        lines_in_runs += 1
        after = lines[number + 1] if number + 1 < len(lines) else ""
        if is_cell_text(after):
            continue
        runs += 1
        barred += bool(after.strip())
    if runs and barred * 3 >= runs * 2:
        return lambda line: bool(line.strip()) and bool(_BARE_BARS.match(line))
    if runs >= 10 and lines_in_runs <= 2 * runs and barred * 3 < runs:
        return lambda line: not line.strip()
    return None


def is_cell_text(line: str) -> bool:
    return bool(line.strip()) and not _BARE_BARS.match(line)


# the table's year on a line of its own, under its title
_YEAR_ONLY: Final = re.compile(r"^[（(]\s*(?:19|20)\d{2}\s*年度?\s*[)）]$")


def stands_apart(line: str) -> bool:
    """A line that is never part of a wrapped cell: a title, its year (（2024年度）),
    page furniture, a page number."""
    text = line.strip().strip("|").strip()
    return is_any_table_title(text) or bool(_YEAR_ONLY.match(text)) or is_furniture_line(text)


def is_fragment_of(previous: Token, token: Token) -> bool:
    if _BRACKET_ONLY.match(token.text) and label_unit(token.text) and is_known_label(previous.text):
        return True  # 项目资金 / （万元）: the label's unit, broken onto a line of its own
    complete = is_known_label(previous.text) or is_level_name(previous.text)
    # '经济效益' is a level name by itself, but '经济效益' + '指标' is the printed one
    level_tail = token.text == "指标" and is_level_name(previous.text)
    text = previous.text + token.text
    # '服务对象' + '满意度指标': a level name's head on its own paragraph
    if not complete and len(previous.text) <= 6 and is_level_name(text):
        return True
    if (len(token.text) > 3 or complete) and not level_tail:
        return False
    return is_known_label(text) or column_label(text) is not None or is_level_name(text)
