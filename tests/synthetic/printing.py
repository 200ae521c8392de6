"""Printing artefacts of real documents: wrapped cells, document wrappers, converter markdown.

:mod:`synthetic.shapes` prints each cell on one line, the table alone in its file. Real
documents do neither. The shapes here print the same grid (:func:`synthetic.layout.grid`) the
way real documents carry it:

* ``tabs_wrapped``: converter tab text whose long cells are split over two or three physical
  lines, the rest of a split cell on lines of its own under its column (the other cells of the
  row on the first line or on the middle one, as a PDF centres them), or joined with a space
  where the converter kept the cell together (``预算规模及 资金用途``, the example);
* ``layout``: ``pdftotext -layout``: columns padded with spaces (counted in display columns,
  or in characters as pdftotext writes them), long cells wrapped inside their column at its
  width, merged 一级/二级 cells printed once at the top or the middle of their span
  (sichuan-guangyuan-zhaohua: ``项目完成`` / ``指标``);
* ``lines_wrapped``: one cell per line (bare ``|`` lines) or per paragraph, a long cell over two
  lines;
* ``markdown``: a converter's GitHub table (marker, docling): a ``| --- |`` ruler under the first
  row, the cells under a merged cell empty (or, docling, repeating it), ``<br>`` inside cells;
* ``mineru``: a converter's markdown (MinerU) with the table as an HTML ``<table>`` with
  rowspan/colspan inside the markdown;
* ``webpage``: a text shape (tabs, pipes, one cell per line or paragraph, spaces) inside a web
  page pasted as text: navigation, 发布时间/来源, 扫一扫在手机打开当前页, [打印] [关闭], 附件;
* ``html_page``: the HTML table inside a government page: the same chrome as ``<div>`` blocks;
* ``book``: a budget book in converter text: prose, the other tables of the book (收支总表,
  “三公”经费, 政府采购) before, between and after the target tables, page furniture
  (``第 3 页 共 8 页``, ``- 12 -``) between indicator rows, footnotes (注：…, 其他需说明的问题,
  填报人/联系电话) under a table.

None of the wrapper text is an indicator, a goal or a header field: the gold is the tables'.
"""

from __future__ import annotations

import html as htmllib
import random
import re
import unicodedata
from collections.abc import Callable

from synthetic.layout import Cell, Grid, GridRow, grid
from synthetic.shapes import (
    Rendered,
    Shape,
    Tables,
    cell_lines,
    gold,
    origin_texts,
    paragraphs,
    pipes,
    positions,
    spaces,
    tabs,
    text_document,
)

# --- wrapping --------------------------------------------------------------------------------

_ASCII_RUN = "0123456789.%‰-/:,ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def wrap(text: str, width: int) -> list[str]:
    """``text`` as the lines of a column ``width`` characters wide (at most three: a longer
    text takes wider lines), never breaking a run of digits or Latin letters (a PDF breaks
    those at spaces only)."""
    if len(text) <= width:
        return [text]
    width = max(width, -(-len(text) // 3))
    lines: list[str] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + width)
        while 0 < end < len(text) and end - start > 1 and _inside_run(text, end):
            end -= 1
        if _inside_run(text, end) and end < len(text):  # a run longer than the line
            while end < len(text) and _inside_run(text, end):
                end += 1
        lines.append(text[start:end])
        start = end
    return lines


def _inside_run(text: str, at: int) -> bool:
    return 0 < at < len(text) and text[at - 1] in _ASCII_RUN and text[at] in _ASCII_RUN


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def placed(row: GridRow, width: int, middle: bool) -> list[list[str]]:
    """The physical lines of one grid row, each a list of one text per column: long cells
    wrapped to ``width`` per column they span; a short cell on the first line, or
    (``middle``) the middle one."""
    columns = [text if kind == "cell" else "" for kind, text in positions(row)]
    spans = [cell.colspan if cell is not None else 1 for cell in row.cells]
    chunks = [wrap(t, width * s) if t else [] for t, s in zip(columns, spans, strict=True)]
    height = max([len(c) for c in chunks] + [1])
    lines = [[""] * len(columns) for _ in range(height)]
    for column, parts in enumerate(chunks):
        top = (height - len(parts)) // 2 if middle else 0
        for offset, part in enumerate(parts):
            lines[top + offset][column] = part
    return lines


def title_of(g: Grid) -> list[str]:
    return [row.texts()[0] for row in g.rows if row.kind == "line"]


# --- converter tab text with wrapped cells ---------------------------------------------------


def tabs_wrapped(tables: Tables, variant: int) -> Rendered:
    rng = random.Random(variant)
    width = 4 + rng.randrange(7) if variant else 6
    middle = variant % 2 == 1
    spaced = variant % 3 == 2  # the converter keeps some cells whole, the wrap a space
    lines: list[str] = []
    for index, table in enumerate(tables):
        g = grid(table)
        lines += ([""] if index else []) + [line for text in title_of(g) for line in (text, "")]
        for row in g.rows:
            if row.kind == "line":
                continue
            if spaced and rng.random() < 0.5:
                texts = [" ".join(wrap(t, width)) if k == "cell" else "" for k, t in positions(row)]
                lines.append("\t".join(texts))
                continue
            lines += ["\t".join(line) for line in placed(row, width, middle)]
    return text_document(tables, lines)


# --- pdftotext -layout ------------------------------------------------------------------------


def wrap_physical(text: str, width: int) -> list[str]:
    """``text`` as the lines of a column ``width`` display columns wide, as a PDF wraps a cell:
    each line takes words (a run of digits or Latin letters, else one character) while they
    fit, a CJK character twice as wide as a digit; a word wider than the column alone on its
    line."""
    words = re.findall(f"[{re.escape(_ASCII_RUN)}]+|.", text)
    lines: list[str] = []
    line = ""
    for word in words:
        if line and display_width(line) + display_width(word) > width:
            lines.append(line)
            line = word
        else:
            line += word
    return [*lines, line] if line else lines


def column_widths(rows: list[GridRow], columns: int, width: int, gap: int) -> list[int]:
    """Each column's width in display columns: ``width`` characters, wider where a cell of
    the column would take more than three lines (or holds a word wider than that)."""
    widths = [2 * width] * columns
    for row in rows:
        for column, cell in enumerate(row.cells):
            if cell is None or cell.colspan > 1 or not cell.text:
                continue
            words = re.findall(f"[{re.escape(_ASCII_RUN)}]+|.", cell.text)
            need = max(-(-display_width(cell.text) // 3), *(display_width(w) for w in words))
            widths[column] = max(widths[column], need)
    return widths


def layout_lines(
    g: Grid, rng: random.Random, width: int, middle: bool, characters: bool = False
) -> list[str]:
    """The grid's table rows as ``pdftotext -layout`` prints them: every cell wrapped at its
    column's width (a merged cell at the width of the columns it spans), a row as tall as its
    tallest cell, the short cells at its top or (``middle``) centred on it; a merged 一级/二级
    cell at the top or the middle of the lines of the rows it spans. Each text starts at its
    column's place counted in display columns (a terminal's view of the page) or, as
    pdftotext writes it (``characters``), the same place counted in characters: one per
    character, CJK or not, so a CJK cell leaves half its width blank."""
    measure = len if characters else display_width
    rows = [GridRow(r.kind, list(r.cells), r.row) for r in g.rows if r.kind != "line"]
    gap = 2 + rng.randrange(3)
    widths = column_widths(rows, g.width, width, gap)

    def wrapped(column: int, cell: Cell) -> list[str]:
        span = sum(widths[column : column + cell.colspan]) + gap * (cell.colspan - 1)
        return wrap_physical(cell.text, span) if cell.text else []

    heights = [
        max([1] + [len(wrapped(c, cell)) for c, cell in enumerate(row.cells)
                   if cell is not None and cell.rowspan == 1])
        for row in rows
    ]  # fmt: skip
    for number, row in enumerate(rows):  # a merged cell taller than its rows lengthens them
        for column, cell in enumerate(row.cells):
            if cell is not None and cell.rowspan > 1:
                last = number + cell.rowspan - 1
                short = len(wrapped(column, cell)) - sum(heights[number : last + 1])
                heights[last] += max(0, short)
    tops = [sum(heights[:number]) for number in range(len(rows))]
    grid_lines = [[""] * g.width for _ in range(sum(heights))]
    for number, row in enumerate(rows):
        for column, cell in enumerate(row.cells):
            if cell is None:
                continue
            parts = wrapped(column, cell)
            height = sum(heights[number : number + cell.rowspan])
            top = tops[number] + ((height - len(parts)) // 2 if middle else 0)
            for offset, part in enumerate(parts):
                grid_lines[top + offset][column] = part
    starts = [sum(widths[:column]) + gap * column for column in range(g.width)]
    out = []
    for line in grid_lines:
        printed = ""
        for column, text in enumerate(line):
            if not text:
                continue
            if printed and measure(printed) >= starts[column]:
                printed = printed.rstrip() + " " * gap  # a long cell ran over: still a gap
            printed += " " * max(0, starts[column] - measure(printed)) + text
        out.append(printed.rstrip())
    return out


def layout(tables: Tables, variant: int) -> Rendered:
    rng = random.Random(variant)
    width = 5 + rng.randrange(6) if variant else 8
    middle = variant % 2 == 1
    characters = variant % 3 == 1  # as pdftotext writes it (variant 0: a terminal's view)
    lines: list[str] = []
    for index, table in enumerate(tables):
        g = grid(table)
        lines += ([""] if index else []) + [" " * 20 + text for text in title_of(g)]
        lines += layout_lines(g, rng, width, middle, characters)
    return text_document(tables, lines)


# --- one cell per line or paragraph, a cell over two lines ----------------------------------


def lines_wrapped(tables: Tables, variant: int) -> Rendered:
    rng = random.Random(variant)
    width = 5 + rng.randrange(6) if variant else 8
    per_paragraph = variant % 2 == 1
    lines: list[str] = []
    for index, table in enumerate(tables):
        if index:
            lines.append("")
        for row in grid(table).rows:
            texts = origin_texts(row)
            if row.kind == "line":
                lines += [texts[0], ""] if per_paragraph else [texts[0]]
                continue
            for text in texts:
                parts = wrap(text, width) if text else []
                if per_paragraph:
                    lines += [*(parts or [" "]), ""]
                else:
                    lines += [*parts, "|"]
    return text_document(tables, lines)


# --- converter markdown ----------------------------------------------------------------------


def markdown(tables: Tables, variant: int) -> Rendered:
    """marker/docling: one GitHub table per form, the first row as its header."""
    rng = random.Random(variant)
    width = 5 + rng.randrange(6) if variant else 8
    repeat = variant % 2 == 1  # docling repeats a merged cell's text in every cell it covers
    lines: list[str] = []
    for index, table in enumerate(tables):
        g = grid(table)
        lines += ([""] if index else []) + [f"# {t}" if not n else t for n, t in
                                            enumerate(title_of(g))] + [""]  # fmt: skip
        rows = [row for row in g.rows if row.kind != "line"]
        spans: dict[int, tuple[int, Cell]] = {}  # column → (last row it covers, cell)
        for number, row in enumerate(rows):
            texts = []
            for column, (kind, text) in enumerate(positions(row)):
                cell = row.cells[column]
                if cell is not None and cell.rowspan > 1:
                    spans[column] = (number + cell.rowspan - 1, cell)
                if kind == "row" and repeat and column in spans and spans[column][0] >= number:
                    text = spans[column][1].text
                texts.append("<br>".join(wrap(text, width)) if text else "")
            lines.append("| " + " | ".join(texts) + " |")
            if number == 0:
                lines.append("|" + "---|" * g.width)
    return Rendered(("\n".join(lines) + "\n").encode("utf-8"), "synthetic.md", gold(tables), lines)


def html_table(g: Grid, breaks: int = 0) -> list[str]:
    """The grid's table rows as ``<table>`` markup, one ``<tr>`` per line; a cell longer than
    ``breaks`` characters (0: none) with ``<br>`` where its column wraps it."""
    parts = ["<table>"]
    for row in g.rows:
        if row.kind == "line":
            continue
        tds = []
        for cell in row.cells:
            if cell is None:
                continue
            spans = f' rowspan="{cell.rowspan}"' if cell.rowspan > 1 else ""
            spans += f' colspan="{cell.colspan}"' if cell.colspan > 1 else ""
            text = htmllib.escape(cell.text, quote=False)
            if breaks and cell.text:
                text = "<br>".join(htmllib.escape(p, quote=False) for p in wrap(cell.text, breaks))
            tds.append(f"<td{spans}>{text}</td>")
        parts.append("<tr>" + "".join(tds) + "</tr>")
    parts.append("</table>")
    return parts


def mineru(tables: Tables, variant: int) -> Rendered:
    """MinerU: markdown whose tables are HTML, the whole table on one line (or, odd variants,
    one ``<tr>`` per line with ``<br>`` in long cells)."""
    rng = random.Random(variant)
    lines: list[str] = []
    for table in tables:
        g = grid(table)
        for number, text in enumerate(title_of(g)):
            lines += [f"# {text}" if number == 0 else text, ""]
        markup = html_table(g, 5 + rng.randrange(6) if variant % 2 else 0)
        lines += markup if variant % 2 else ["".join(markup)]
        lines.append("")
    return Rendered(("\n".join(lines) + "\n").encode("utf-8"), "synthetic.md", gold(tables), lines)


# --- document wrappers -----------------------------------------------------------------------

NAVIGATION = (
    "首页 > 政务公开 > 财政资金 > 预决算公开",
    "当前位置：首页 > 信息公开 > 部门预算",
    "网站首页 | 政务公开 | 政务服务 | 互动交流",
)
ATTACHMENTS = ("附件：", "1.{project}绩效目标表.xlsx", "2.{year}年部门预算公开表.pdf")
CHROME_AFTER = (
    "扫一扫在手机打开当前页",
    "[打印] [关闭]",
    "【下载】【打印】【关闭】",
    "上一篇：关于做好{year}年预算公开工作的通知",
    "下一篇：{year}年“三公”经费预算情况说明",
    "版权所有：{department}  网站标识码：5113020001  蜀ICP备12345678号",
)


def page_chrome(table_lines: list[str], tables: Tables, rng: random.Random) -> list[str]:
    first = tables[0]
    fill = {
        "project": first.project or first.department,
        "year": str(first.year),
        "department": first.department,
    }
    top = [rng.choice(NAVIGATION), f"{fill['project']}绩效目标公开"]
    top.append(
        f"发布时间：{first.year}-03-0{1 + rng.randrange(9)} 10:25:19  来源：{first.department}"
        f"  浏览次数：{rng.randrange(20, 900)}"
    )
    top.append("字体：[大 中 小]")
    bottom = [line.format(**fill) for line in ATTACHMENTS if rng.random() < 0.7]
    bottom += [line.format(**fill) for line in CHROME_AFTER if rng.random() < 0.7]
    return [*top, "", *table_lines, "", *bottom]


INNER: tuple[tuple[str, Callable[[object, int], list[str]]], ...] = (
    ("tabs", tabs),  # type: ignore[arg-type]
    ("pipes", pipes),  # type: ignore[arg-type]
    ("cell_lines", cell_lines),  # type: ignore[arg-type]
    ("paragraphs", paragraphs),  # type: ignore[arg-type]
    ("spaces", spaces),  # type: ignore[arg-type]
)


def webpage(tables: Tables, variant: int) -> Rendered:
    rng = random.Random(variant)
    _, lines_of = INNER[variant % len(INNER)]
    body: list[str] = []
    for index, table in enumerate(tables):
        body += ([""] if index else []) + lines_of(table, variant + index if variant else 0)
    return text_document(tables, page_chrome(body, tables, rng))


def html_page(tables: Tables, variant: int) -> Rendered:
    rng = random.Random(variant)
    first = tables[0]
    parts = [
        "<!DOCTYPE html>",
        "<html><head><meta charset='utf-8'><title>绩效目标公开</title></head><body>",
        f"<div class='position'>{rng.choice(NAVIGATION)}</div>",
        f"<div class='info'>发布时间：{first.year}-03-01 来源：{first.department}</div>",
        "<div class='zoom'>字体：[大 中 小]</div>",
        "<div class='content'>",
    ]
    for table in tables:
        g = grid(table)
        parts += [f"<p>{text}</p>" for text in title_of(g)]
        parts += html_table(g, 5 + rng.randrange(6) if variant % 2 else 0)
    parts.append("</div>")
    fill = {"project": first.project or "", "year": first.year, "department": first.department}
    parts += [f"<p>{line.format(**fill)}</p>" for line in ATTACHMENTS]
    parts += [f"<div>{line.format(**fill)}</div>" for line in CHROME_AFTER]
    parts.append("</body></html>")
    return Rendered("\n".join(parts).encode("utf-8"), "synthetic.html", gold(tables), [])


# The other tables of a budget book, in converter tab text.
BOOK_TABLES = (
    (
        "收支预算总表",
        [
            "收入\t\t支出\t",
            "项目\t本年预算\t项目\t本年预算",
            "一、一般公共预算拨款收入\t{a}\t一、一般公共服务支出\t{b}",
            "二、政府性基金预算拨款收入\t0.00\t二、教育支出\t{c}",
            "收入总计\t{a}\t支出总计\t{a}",
        ],
    ),
    (
        "“三公”经费支出预算表",
        [
            "合计\t因公出国（境）费\t公务用车购置及运行费\t\t公务接待费",
            "\t\t小计\t公务用车运行费\t",
            "{c}\t0.00\t{b}\t{b}\t1.20",
        ],
    ),
    (
        "政府采购预算表",
        [
            "采购项目\t采购品目\t数量\t预算金额（万元）",
            "办公设备购置\t台式计算机\t12\t{c}",
            "合计\t\t\t{c}",
        ],
    ),
)
PROSE = (
    "一、部门职责：负责本行政区域内相关工作的组织实施和监督管理。",
    "二、机构设置：本部门内设机构5个，下属事业单位2个。",
    "三、预算绩效情况说明：{year}年实行绩效目标管理的项目{n}个，涉及资金{a}万元。",
    "以上项目绩效目标已经财政部门审核。",
)
FOOTNOTES = (
    "注：1.绩效指标应细化、量化；2.表中金额单位为万元。",
    "其他需说明的问题\t无",
    "填报人：王某某\t联系电话：0839-1234567",
    "单位负责人：李某某\t填报日期：{year}年3月1日",
)


def book(tables: Tables, variant: int) -> Rendered:
    rng = random.Random(variant)
    first = tables[0]
    fill = {"year": str(first.year), "n": str(len(tables)), "a": "3456.78", "b": "123.45",
            "c": "12.30"}  # fmt: skip
    page = [1 + rng.randrange(20)]

    def furniture() -> str:
        page[0] += 1
        return rng.choice((f"第 {page[0]} 页 共 48 页", f"- {page[0]} -", f"{page[0]}/48"))

    def other_table() -> list[str]:
        title, rows = BOOK_TABLES[rng.randrange(len(BOOK_TABLES))]
        return [f"{title}", "", *[row.format(**fill) for row in rows], ""]

    lines = [f"{first.department}{first.year}年部门预算", "", *PROSE[:2], ""]
    lines += other_table()
    for index, table in enumerate(tables):
        if index and rng.random() < 0.5:
            lines += other_table()
        elif index:
            lines += [PROSE[3], ""]
        if rng.random() < 0.5:
            lines += [PROSE[2].format(**fill), ""]
        for line in tabs(table, 0):
            lines.append(line)
            cells = line.split("\t")
            if len(cells) > 3 and cells[2] in {r.name for r in table.rows} and rng.random() < 0.2:
                lines += ["", furniture(), ""]
        lines += [line.format(**fill) for line in FOOTNOTES if rng.random() < 0.6] + [""]
    if rng.random() < 0.5:
        lines += other_table()
    lines.append(furniture())
    return text_document(tables, lines)


SHAPES_PRINTED: tuple[Shape, ...] = (
    Shape("tabs_wrapped", tabs_wrapped),
    Shape("layout", layout),
    Shape("lines_wrapped", lines_wrapped),
    Shape("markdown", markdown),
    Shape("mineru", mineru),
    Shape("webpage", webpage),
    Shape("html_page", html_page),
    Shape("book", book),
)

# Shapes that split a cell over lines (a name is not printed whole on one line).
WRAPPING = frozenset({"tabs_wrapped", "layout", "lines_wrapped", "markdown"})
