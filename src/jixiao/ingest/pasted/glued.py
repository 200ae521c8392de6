"""Cells glued with no separator: document-sharing previews, OCR text, pasted xlsx rows.

``安装坡面水标尺10≥266米≥266米10水标尺宽度10≥50厘米…`` is a whole table with every boundary
lost. It is cut with what the vocabulary knows:

* header labels (项目名称, 主管部门, 年度资金总额 …) and level names ending in 指标 are found
  by name; the text between two labels is the first label's value;
* a run of glued numbers under sub-column labels (全年预算数 | 全年执行数 | 执行率) is split
  where every piece is a well-formed number and 执行数 ÷ 预算数 gives the printed 执行率;
* the indicator header is a run of column labels (:mod:`.glued_header`), with or without
  level columns (指标名称指标权重计量单位指标性质指标值);
* the indicator rows are read by a dynamic programme over typed pieces, and a row with
  another reading about as likely is reported, not emitted (:mod:`.glued_rows`). When the
  header and every row stand on their own lines, each line is one row.

Page-break junk of previews (``2、`` page numbers, a repeated header fragment) is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Final

from jixiao.ingest.grid import ReadingDoubt
from jixiao.ingest.pasted.glued_header import (
    LabelRun,
    find_header_run,
    find_region_run,
    has_glued_header,
)
from jixiao.ingest.pasted.glued_levels import has_level_one
from jixiao.ingest.pasted.glued_rows import read_indicators
from jixiao.ingest.pasted.header import group_label_runs
from jixiao.ingest.pasted.tokens import PAGE_MARK, Token
from jixiao.model.labels import clean_label
from jixiao.model.vocabulary import (
    BUDGET_SUB_COLUMNS,
    HEADER_LABELS,
    IGNORED_LABELS,
    Field,
    alternation,
)

if TYPE_CHECKING:
    from jixiao.ingest.pasted.layout import Column, RowBuilder

_SPACE: Final = re.compile(r"\s+")
_BRACKET: Final = r"(?:[（(][^（()）]{1,12}[)）])?"
# 预算执行率(B/A) of a 转移支付 自评表: a budget sub-column found by name (a 三级 indicator of
# that name is never in the header block)
_RATE_LABELS: Final = [
    label for label, name in BUDGET_SUB_COLUMNS.items() if name is Field.EXECUTION_RATE
]
# a label, not a title that contains one (…绩效目标自评表, …绩效目标自评 (2021年度),
# 项目支出绩效目标批复表, 中央预算内投资项目绩效目标表), nor the words of a name
# (车辆购置税收入补助地方资金（普通省道公路建设）: a label's bracket holds a unit or a short
# qualifier, never five letters of a name)
_HEADER_LABEL: Final = re.compile(
    rf"(?:其中[:：]?)?(?:{alternation([*HEADER_LABELS, *IGNORED_LABELS, *_RATE_LABELS])})"
    rf"(?!(?:自评|申报|批复)?表|自评|(?:项目|支出)?绩效(?:目标|自评)|[（(][\u3400-\u9fff]{{5,}}[)）])"
    rf"{_BRACKET}[:：]?"
)
# …, or 附件2: the next attachment (a table) follows
_UNIT_LABELS_AFTER_PROJECT: Final = [
    label[2:]
    for label, name in HEADER_LABELS.items()
    if label.startswith("项目")
    and name in (Field.DEPARTMENT, Field.IMPLEMENTER)
    and HEADER_LABELS.get(label[2:]) is name
]
# 项目主管部门, 项目执行单位 glued after a value: the value (a project's name) keeps the 项目
# and the label is the shorter one, for names end in 项目 as often as forms print those labels
# (unless the label starts a printed line; in a form with cells, the label is its own cell)
_LABEL_AFTER_PROJECT: Final = re.compile(
    rf"项目(?:{alternation(_UNIT_LABELS_AFTER_PROJECT)})"
    rf"{_BRACKET}[:：]?"
)
_FOOTER: Final = re.compile(r"注[:：]|说明|……|总分|填表人|填报人|附[件表]\d{1,2}(?!\d)")
_TITLE_END: Final = re.compile(r"(?:表|报告)(?:[（(](?:19|20)\d{2}年度?[)）])?")

_NUMBER_PIECE: Final = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")
_RATE_PIECE: Final = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?%")
_SCORE_PIECE: Final = re.compile(r"(?:100|[1-9]?\d)(?:\.\d{1,2})?")
_NUMERIC_RUN: Final = re.compile(r"^[\d.,%]+")
_BROKEN_BRACKET: Final = re.compile(r"^[（(][^（()）]{1,8}$")
# sub-column labels of a budget block and what their values look like
_SUB_COLUMNS: Final[dict[str, str]] = {
    "全年预算数": "amount",
    "年初预算数": "amount",
    "预算数": "amount",
    "全年执行数": "executed",
    "执行数": "executed",
    "执行率": "rate",
    "预算执行率": "rate",
    "分值": "score",
    "得分": "score",
}


@dataclass(frozen=True, slots=True)
class GluedText:
    """The text with page marks and whitespace removed, and the line of every character."""

    text: str
    lines: tuple[int, ...]

    def starts_line(self, position: int) -> bool:
        """A printed line starts at ``position`` (or the text ends there)."""
        if position <= 0 or position >= len(self.text):
            return True
        return self.lines[position] != self.lines[position - 1]

    def token(self, start: int, end: int) -> Token:
        piece = self.text[start:end]
        return Token(piece, piece, self.lines[min(start, len(self.lines) - 1)])


# OCR text mixes full-width digits and signs into half-width ones (≥９９％, 100．5): read as
# the characters they are (the 指标值 grammar folds them too), so that a cut sees one number
_HALF_WIDTH: Final = str.maketrans("０１２３４５６７８９％．", "0123456789%.")
# 口 read for 日 after a month and a day's number (12月31口前): only a date prints there
_DAY_MISREAD: Final = re.compile(r"(?<=\d月)(\d{1,2})口")


def read_as_printed(line: str) -> str:
    """A line of OCR text with its width variants folded and 日 misread as 口 restored."""
    return _DAY_MISREAD.sub(r"\1日", line.translate(_HALF_WIDTH))


def glue(lines: list[str], first_line: int) -> GluedText:
    chars: list[str] = []
    numbers: list[int] = []
    for offset, line in enumerate(lines):
        line = read_as_printed(_SPACE.sub("", PAGE_MARK.sub("", line)))
        chars.append(line)
        numbers.extend([first_line + offset] * len(line))
    return GluedText("".join(chars), tuple(numbers))


def read_glued(builder: RowBuilder, text: str) -> None:
    """Every table of the text, one after another: each table's rows end where the next
    table's title starts (:func:`next_table`), or at a footer."""
    lines = text.splitlines()
    start = next(
        (
            i
            for i, line in enumerate(lines)
            if _HEADER_LABEL.search(_SPACE.sub("", line)) or has_glued_header(line)
        ),
        0,
    )
    for number, line in enumerate(lines[:start], start=1):
        if line.strip():
            builder.line([Token(line.strip(), line.strip(), number)])
    glued = glue(lines[start:], start + 1)
    position = 0
    while position < len(glued.text):
        header = find_header_run(glued.text, position)
        region = find_region_run(glued.text, position, header.start if header else None)
        if region is not None:
            read_header_block(builder, glued, position, region.start)
            following = leave_region_rows(builder, glued, region)
            if following is None:
                return
            position = following
            continue
        end_of_block = header.start if header else len(glued.text)
        read_header_block(builder, glued, position, end_of_block)
        if header is None:
            return
        columns_end, columns = read_column_labels(builder, glued, header)
        by_line = glued.starts_line(header.start) and glued.starts_line(header.end)
        names_end = region_names_end(glued, columns_end) if by_line else None
        if names_end is not None:  # 指标值 over the regions' columns: values not told apart
            following = leave_rows(builder, glued, names_end, by_line=by_line)
            if following is None:
                return
            position = following
            continue
        following = next_table(glued, columns_end, by_line=by_line)
        footer = _FOOTER.search(glued.text, columns_end, following or len(glued.text))
        read_indicators(
            builder,
            glued,
            columns_end,
            footer.start() if footer else following,
            columns,
            rows_are_lines=by_line,
        )
        if footer is not None:
            read_glued_total(builder, glued, footer.start())
        if following is None:
            return
        position = following


# 总分 glued to its two numbers, the full marks 100 and the score (……总分100100注:…, 总分10096优),
# after the rows' ellipsis, up to a footer, a grade or the end
_GLUED_TOTAL: Final = re.compile(
    r"[…\.]*(?P<label>总分)(?:[（(]分[)）])?100(?P<score>(?:100|[1-9]?\d)(?:\.\d{1,2})?)(?=注|说明|填|[优良中差]|$)"
)


def read_glued_total(builder: RowBuilder, glued: GluedText, start: int) -> None:
    """A 自评表's total row glued after its indicator rows (总分100100): the digits are split
    only as 100 | score, the one reading where the full marks come first (1001|00 and 10|0100
    are no points), and only up to a footer word, a grade or the end; then it is a table row
    ``总分 | 100 | 100``, which the assembler reads the total from. Anything else is left out."""
    match = _GLUED_TOTAL.match(glued.text, start)
    if match is None:
        return
    label = glued.token(match.start("label"), match.end("label"))
    full = glued.token(match.start("score") - 3, match.start("score"))
    score = glued.token(match.start("score"), match.end("score"))
    builder.table([label, full, score], [label, full, score])


_REGION_DOUBT: Final = ReadingDoubt(
    "PRS010",
    "的指标值按地区（单位）分列，各地区的指标值在没有分隔符的文本中无法分开，指标行未读取",
)


def leave_region_rows(builder: RowBuilder, glued: GluedText, run: LabelRun) -> int | None:
    """A header with one 指标值 column per region (no 指标值 label): the region names and the
    values glued under them cannot be told apart, so the rows are not read; one doubt names
    their lines. Where the next table starts (None: the text ends)."""
    columns_end, _ = read_column_labels(builder, glued, run)
    by_line = glued.starts_line(run.start) and glued.starts_line(run.end)
    return leave_rows(builder, glued, columns_end, by_line=by_line)


def leave_rows(builder: RowBuilder, glued: GluedText, start: int, *, by_line: bool) -> int | None:
    """The rows from ``start`` to the next table are not read; one doubt names their lines.
    Where the next table starts (None: the text ends)."""
    following = next_table(glued, start, by_line=by_line)
    stop = following if following is not None else len(glued.text)
    if stop > start:
        last = max(start, stop - 1)
        tokens = [glued.token(start, last), glued.token(last, stop)]
        builder.doubt([t for t in tokens if t.text], _REGION_DOUBT)
    return following


# A printed line of two or more place or unit names glued together (龙泉乡石桥镇): the regions
# whose columns a header's 指标值 spans, their names on the header's second row (the national
# 区域绩效目标表). Each region's value is glued to the next one's in the rows below.
_REGION_NAMES: Final = re.compile(
    r"(?:[\u4e00-\u9fff]{1,10}?(?:省|市|州|盟|县|区|旗|镇|乡|村|街道|社区)){2,}"
)


def region_names_end(glued: GluedText, start: int) -> int | None:
    """The end of the printed line at ``start`` when it holds only region names, else None."""
    end = start + 1
    while end < len(glued.text) and not glued.starts_line(end):
        end += 1
    return end if _REGION_NAMES.fullmatch(glued.text, start, end) else None


# the wording a table's title ends in (…绩效目标表（2022年度）), with a label that opens a header
# block (项目名称…) close after it (a budget code, a department, 单位：万元 may come between)
_NEXT_TITLE: Final = re.compile(
    r"(?:绩效目标表|绩效目标申报表|绩效自评表|自评表|绩效目标批复表)"
    r"(?:[（(](?:19|20)\d{2}年度?[)）])?"
)
# how a title starts, when the text shows no line break before it: a year, the form's kind
_TITLE_START: Final = re.compile(
    r"(?:(?:19|20)\d{2}年度?)?(?:项目支出|部门整体支出|部门整体|整体支出|部门|项目)?绩效"
    r"|(?:(?:19|20)\d{2}年度?)?(?:项目支出|部门整体支出|部门整体|整体支出|部门|项目)?自评表"
)
_MAX_TITLE: Final = 40


# the labels a table's header block opens with (项目名称, 专项名称, 部门名称): a next table
# printed without a title starts there
_OPENING_LABEL: Final = re.compile(
    alternation(
        [label for label, name in HEADER_LABELS.items() if name is Field.PROJECT] + ["部门名称"]
    )
)


def next_table(glued: GluedText, start: int, *, by_line: bool) -> int | None:
    """Where the next table starts after ``start`` (None: no next table): its title, or for
    a table printed without one the label its header block opens with (项目名称, 部门名称 —
    at a line's start in a table printed one row per line)."""
    titled = next_title(glued, start, by_line=by_line)
    stop = titled if titled is not None else len(glued.text)
    for match in _OPENING_LABEL.finditer(glued.text, start, stop):
        if not by_line or glued.starts_line(match.start()):
            return match.start()
    return titled


def next_title(glued: GluedText, start: int, *, by_line: bool) -> int | None:
    """Where the title of the next table starts after ``start`` (None: no next table). The
    title ends in a table's wording with a header-block label close after it; it starts at its
    line's start in a table printed one row per line (``by_line``), else with the project's
    name printed again after 项目名称 (…项目绩效目标表项目名称…项目), else at the
    wording that starts titles (2022年度项目支出绩效…). O(n) regex scans."""
    text = glued.text
    for match in _NEXT_TITLE.finditer(text, start):
        label = _HEADER_LABEL.search(text, match.end(), match.end() + _MAX_TITLE)
        if label is not None:
            break
    else:
        return None
    keyword = match.start()
    earliest = max(start, keyword - _MAX_TITLE)
    if by_line:
        line_start = next(
            (p for p in range(keyword, earliest - 1, -1) if glued.starts_line(p)), None
        )
        if line_start is not None:
            return line_start
    value = text[label.end() : label.end() + _MAX_TITLE]
    for size in range(min(keyword - earliest, len(value)), 1, -1):
        if text[keyword - size : keyword] == value[:size]:
            return keyword - size
    for found in _TITLE_START.finditer(text, earliest, match.end()):
        return found.start()
    return keyword


# --- header block ---------------------------------------------------------------------------


def read_header_block(builder: RowBuilder, glued: GluedText, start: int, end: int) -> None:
    tokens: list[Token] = []
    position = start
    for match in _HEADER_LABEL.finditer(glued.text, start, end):
        label_start = match.start()
        if (
            label_start > position
            and not glued.starts_line(label_start)
            and not glued.text.endswith("项目", position, label_start)
            and _LABEL_AFTER_PROJECT.fullmatch(match.group())
        ):
            label_start += len("项目")  # 道路养护项目|主管部门, not 道路养护|项目主管部门
        if label_start > position:
            tokens.append(glued.token(position, label_start))
        tokens.append(glued.token(label_start, match.end()))
        position = match.end()
    if position < end:
        tokens.append(glued.token(position, end))
    if tokens and not _HEADER_LABEL.fullmatch(tokens[0].text):
        tokens[:1] = split_titles(tokens[0])
    builder.header_groups(group_label_runs(split_number_runs(tokens)))


def split_titles(token: Token) -> list[Token]:
    """Text before the first label, cut after each title-like end (…自评表（2022年度）)."""
    pieces: list[Token] = []
    position = 0
    for match in _TITLE_END.finditer(token.text):
        pieces.append(Token(token.text[position : match.end()], "", token.line))
        position = match.end()
    if position < len(token.text):
        pieces.append(Token(token.text[position:], "", token.line))
    return [Token(p.text, p.text, p.line) for p in pieces if p.text]


def split_number_runs(tokens: list[Token]) -> list[Token]:
    """Glued numbers under sub-column labels → one token per number, when the split is sure."""
    result: list[Token] = []
    kinds: list[str] = []
    run: list[str] = []
    for token in tokens:
        label = clean_label(token.text)
        if run and _BROKEN_BRACKET.match(token.text):
            continue  # a label's bracket whose end was lost: 执行率(B/A1 得分…
        if _HEADER_LABEL.fullmatch(token.text):
            run.append(_SUB_COLUMNS.get(label, ""))
            result.append(token)
            continue
        if len([k for k in run if k]) >= 2:
            kinds = [k for k in run if k]
        run = []
        numbers = _NUMERIC_RUN.match(token.text)
        if kinds and numbers:
            pieces = split_numbers(numbers.group(), tuple(kinds))
            if pieces is not None:
                result.extend(Token(p, p, token.line) for p in pieces)
                rest = token.text[numbers.end() :]
                if rest:
                    result.append(Token(rest, rest, token.line))
                continue
        result.append(token)
    return result


@lru_cache(maxsize=256)
def split_numbers(run: str, kinds: tuple[str, ...]) -> tuple[str, ...] | None:
    """'194.9194.9100%' under (amount, executed, rate) → ('194.9', '194.9', '100%'); None when
    no split, or more than one, fits the columns."""
    found = [pieces for pieces in number_splits(run, kinds) if numbers_agree(pieces, kinds)]
    return found[0] if len(found) == 1 else None


def number_splits(run: str, kinds: tuple[str, ...]) -> list[tuple[str, ...]]:
    if not run:
        return [()]
    if not kinds:
        return []
    pattern = {"rate": _RATE_PIECE, "score": _SCORE_PIECE}.get(kinds[0], _NUMBER_PIECE)
    splits: list[tuple[str, ...]] = []
    for end in range(1, len(run) + 1):
        if pattern.fullmatch(run[:end]):
            splits.extend((run[:end], *rest) for rest in number_splits(run[end:], kinds[1:]))
    return splits


def numbers_agree(pieces: tuple[str, ...], kinds: tuple[str, ...]) -> bool:
    """The pieces read as a budget row: 执行数 ÷ 预算数 gives the printed 执行率 (to its
    printed precision), 得分 is at most 分值, and a 0% execution earns no score."""
    if len(pieces) != len(kinds) and not (
        {"amount", "executed", "rate"} <= set(kinds[: len(pieces)])
    ):
        return False
    values: dict[str, Decimal] = {}
    scores: list[Decimal] = []
    for kind, piece in zip(kinds, pieces, strict=False):
        number = Decimal(piece.rstrip("%"))
        if kind == "score":
            scores.append(number)
        else:
            values.setdefault(kind, number)
    if len(scores) >= 2 and scores[1] > scores[0]:
        return False
    rate = values.get("rate")
    if rate is None or "amount" not in values or "executed" not in values:
        return len(pieces) == len(kinds)
    exponent = rate.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    tolerance = Decimal(5).scaleb(-(decimals + 1))  # half the last printed digit
    budget, executed = values["amount"], values["executed"]
    if budget <= 0 or abs(executed / budget * 100 - rate) > tolerance:
        return False
    return not (rate == 0 and scores and scores[-1] > 0)


# --- indicator header -------------------------------------------------------------------------


def read_column_labels(
    builder: RowBuilder, glued: GluedText, run: LabelRun
) -> tuple[int, list[Column]]:
    """The columns of a glued header; a label printed out of order reads as the label."""
    from jixiao.ingest.pasted.layout import Column, header_columns

    tokens: list[Token] = []
    for start, end, label in run.labels:
        printed = glued.text[start:end]
        line = glued.lines[min(start, len(glued.lines) - 1)]
        tokens.append(Token(label, printed, line))
    columns = header_columns(tokens)
    fields = [c.field for c in columns]
    if Field.LEVEL1 not in fields and Field.NAME in fields and has_level_one(glued.text[run.end :]):
        # the rows print 一级指标 names but the header lost its label (read out of order)
        line = tokens[0].line if tokens else 0
        columns.insert(0, Column(Field.LEVEL1, Token("一级指标", "", line)))
    builder.column_header(columns)
    return run.end, columns
