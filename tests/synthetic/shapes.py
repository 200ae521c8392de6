"""Flatteners: a table rendered into every text shape the corpus shows (and two structured ones).

Each shape takes the tables of a document (:func:`synthetic.tables.documents`: one to three,
printed one after another) and a ``variant`` (an integer drawn by hypothesis, so that shrinking
goes to variant 0, the plainest rendering) and returns a :class:`Rendered` document: the bytes
of the file, its name, the gold the reading is scored against and the text lines (for findings
located by line).

* ``tabs``: converter text (examples/binhai-zuzhibu-2024.txt): tab-separated rows, ``<b>``
  labels, the rows under a merged cell with empty cells; page breaks repeat the column header
  and may cut a row in two (name and description continue after the header);
* ``pipes``: ``a | b | c | ||||`` (hubei-huangshi): the cells of a merged 一级/二级 vanish, so
  the rows under it are shifted left;
* ``cell_lines``: one cell per line with bare ``|`` lines (anhui-bozhou), or ``text |`` lines
  with ``||||`` row ends (anhui-huaibei) — for the ``sichuan`` 自评表 also with nothing
  between rows, a bare ``|`` for an empty cell (sichuan-qingshen);
* ``paragraphs``: one cell per paragraph, an empty cell a ``" "`` paragraph (sichuan-daying,
  jiangsu-zhenjiang);
* ``spaces``: one row per line, cells split by spaces, empty cells vanish, optionally indented
  (hunan-nanyue, anhui-chuzhou);
* ``glued``: one row per line, no separator at all (hebei-xingtai);
* ``ocr``: the whole table glued into one text, after the document-sharing site's preamble,
  cut into chunks starting ``N、`` wherever the page ends, inside cells too
  (chongqing-kexuecheng, jiangxi-nanchang);
* ``traditional``: pipes in traditional characters with pinyin glosses (``項(xiàng)目``), as
  guangdong-shaoguan and hunan-yueyanglou;
* ``split``: pipes with 指标性质 | 指标值 | 度量单位 (or 计量单位 first), comparators printed
  ``≧`` ``═`` ``＝`` ``≦`` (yunnan-yongde, chongqing-rongchang);
* ``html``: a ``<table>`` with rowspan/colspan, title and year as blocks before it;
* ``xlsx``: a sheet with merged cells;
* ``docx``: a Word table with merged cells, the title lines as paragraphs before it.

The gold of a shape is the table as printed in it: for ``traditional`` the traditional text
(the comparison converts it back), for ``split`` the comparator glyph as printed (as the corpus
gold of yunnan-yongde does).
"""

from __future__ import annotations

import io
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import cache

import opencc
from docx import Document as WordDocument
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from synthetic.layout import Cell, Grid, GridRow, Split, grid
from synthetic.tables import Table, Value


@dataclass(frozen=True)
class Rendered:
    data: bytes
    filename: str
    gold: dict[str, object]  # {"tables": [gold table]}, the corpus gold shape
    lines: list[str]  # the text's lines ([] for structured formats)


Tables = Sequence[Table]  # the tables of one document, in order


@dataclass(frozen=True)
class Shape:
    name: str
    render: Callable[[Tables, int], Rendered]


def gold(tables: Tables) -> dict[str, object]:
    return {"tables": [table.gold() for table in tables]}


def text_document(tables: Tables, lines: list[str]) -> Rendered:
    text = "\n".join(lines) + "\n"
    return Rendered(text.encode("utf-8"), "synthetic.txt", gold(tables), lines)


def text_shape(lines_of: Callable[[Table, int], list[str]]) -> Callable[[Tables, int], Rendered]:
    """A shape printing each table with ``lines_of``, the tables one after another."""

    def render(tables: Tables, variant: int) -> Rendered:
        lines: list[str] = []
        for index, table in enumerate(tables):
            if index:
                lines.append("")
            lines += lines_of(table, variant + index if variant else 0)
        return text_document(tables, lines)

    return render


def positions(row: GridRow) -> list[tuple[str, str]]:
    """Each column of a row: ("cell", text), ("row", "") under a merged cell from above, or
    ("col", "") under a cell merged from the left."""
    out: list[tuple[str, str]] = []
    reach = 0  # columns still covered by the last cell's colspan
    for cell in row.cells:
        if cell is not None:
            out.append(("cell", cell.text))
            reach = cell.colspan - 1
        elif reach > 0:
            out.append(("col", ""))
            reach -= 1
        else:
            out.append(("row", ""))
    return out


def origin_texts(row: GridRow) -> list[str]:
    return [text for kind, text in positions(row) if kind == "cell"]


# --- text shapes -----------------------------------------------------------------------------


def tabs(table: Table, variant: int) -> list[str]:
    rng = random.Random(variant)
    bold = variant % 2 == 0
    g = grid(table)
    lines: list[str] = []
    for row in g.rows:
        if row.kind == "line":
            text = row.texts()[0]
            lines += [f"## {text}" if not lines and table.template == "binhai" else text, ""]
    columns_line = "\t".join(g.columns)
    last: list[str] | None = None  # the previous indicator row's cells, while it may be cut
    for row in g.rows:
        if row.kind == "line":
            continue
        cells = []
        for (kind, text), cell in zip(positions(row), row.cells, strict=True):
            labelled = kind == "cell" and cell is not None and cell.label and bold
            cells.append(f"<b>{text}</b>" if labelled else text)
        if row.kind == "indicator" and row.row and variant and rng.random() < 0.2:
            # a page break before this row: the column header again, maybe a row cut in two
            assert last is not None
            tail: list[str] | None = None
            name_at = 2
            name = last[name_at]
            if len(name) > 2 and rng.random() < 0.5:
                cut = rng.randrange(1, len(name))
                tail = [""] * len(last)
                tail[name_at] = name[cut:]
                last[name_at] = name[:cut]
                if table.describe and len(last[3]) > 2:
                    cut = rng.randrange(1, len(last[3]))
                    tail[3], last[3] = last[3][cut:], last[3][:cut]
            lines[-1] = "\t".join(last)
            lines += ["", columns_line]
            if tail is not None:
                lines.append("\t".join(tail))
        lines.append("\t".join(cells))
        last = cells if row.kind == "indicator" else None
    return lines


def pipe_lines(g: Grid) -> list[str]:
    lines = []
    for row in g.rows:
        texts = origin_texts(row)
        if row.kind == "line":
            lines.append(texts[0])
            continue
        lines.append(" | ".join(texts) + " | " + "|" * (g.width - len(texts)))
    return lines


def pipes(table: Table, variant: int) -> list[str]:
    return pipe_lines(grid(table))


def cell_lines(table: Table, variant: int) -> list[str]:
    # even: text and bare "|" lines; odd: "text |" lines with "||||" row ends (anhui-huaibei),
    # or for the Sichuan 自评表 as its pages print it, a bare "|" for an empty cell and
    # nothing between rows (sichuan-qingshen)
    inline = variant % 2 == 1
    row_ends = inline and not (table.template == "sichuan" and variant // 2 % 2 == 1)
    lines = []
    for row in grid(table).rows:
        texts = origin_texts(row)
        if row.kind == "line":
            lines.append(texts[0])
            continue
        for text in texts:
            if inline:
                lines.append(f"{text} |" if text else "|")
            else:
                lines += [text, "|"] if text else ["|"]
        if row_ends:
            lines.append("||||")
    return lines


def paragraphs(table: Table, variant: int) -> list[str]:
    lines = []
    for row in grid(table).rows:
        for text in origin_texts(row):
            lines += [text or " ", ""]
    return lines


# How a web page's narrow header cells wrap their labels (anhui-luan: 年度 / 指标值).
WRAPPED_LABELS = {
    "年度指标值": ("年度", "指标值"),
    "实际完成值": ("实际", "完成值"),
    "全年实际完成值": ("全年实际", "完成值"),
}
# a budget block's merged label whose unit wraps onto the block's next row (项目资金 / （万元）)
_UNIT_WRAP = re.compile(r"^(项目资金|资金情况)(（万?元）)$")


def spaces(table: Table, variant: int) -> list[str]:
    """One row per line, cells split by spaces; odd variants indent the rows. In variants 2 and
    3 (mod 4) the table is a web page's text (anhui-luan): the budget block's merged label
    wraps its unit onto the next row (项目资金 / （万元） 年度资金总额 …) and the indicator
    header wraps its long labels onto a second line (年度 实际 … / 指标值 完成值)."""
    indent = "    " if variant % 2 else ""
    web = variant // 2 % 2 == 1
    lines = []
    carried = ""  # the wrapped unit of the row above's merged label
    for row in grid(table).rows:
        texts = [text for text in origin_texts(row) if text]
        if carried:
            texts, carried = [carried, *texts], ""
        if web and row.kind == "header" and texts and (match := _UNIT_WRAP.match(texts[0])):
            texts[0], carried = match.group(1), match.group(2)
        if web and row.kind == "columns" and any(t in WRAPPED_LABELS for t in texts):
            upper = [WRAPPED_LABELS[t][0] if t in WRAPPED_LABELS else t for t in texts]
            lower = [WRAPPED_LABELS[t][1] for t in texts if t in WRAPPED_LABELS]
            lines += [indent + " ".join(upper), indent + " ".join(lower)]
            continue
        lines.append(indent + " ".join(texts))
    return lines


def spaces_run_on(table: Table, variant: int) -> list[str]:
    """The spaces form with no line break at all: a converter's dump of a document's text on
    one line (docx metadata and then every cell, separated by spaces)."""
    return [" ".join(line.strip() for line in spaces(table, 0) if line.strip())]


def glued(table: Table, variant: int) -> list[str]:
    return ["".join(origin_texts(row)) for row in grid(table).rows]


def ocr(tables: Tables, variant: int) -> Rendered:
    rng = random.Random(variant)
    first = grid(tables[0]).rows[0]
    # the shared file's name: the title, or for a form without one what it is about
    title = first.texts()[0] if first.kind == "line" else tables[0].project or tables[0].department
    text = "".join("".join(glued(table, variant)) for table in tables)
    preamble = f"《{title}.docx》由会员分享,可在线阅读,更多相关《{title}.docx(4页珍藏版)》"
    lines = [preamble + "请在优知文库上搜索。"]
    size = 60 + rng.randrange(0, 340) if variant else 10**6
    for number, start in enumerate(range(0, len(text), size), start=1):
        lines.append(f"{number}、{text[start : start + size]}")
    return text_document(tables, lines)


@cache
def _s2t() -> opencc.OpenCC:
    return opencc.OpenCC("s2t")


def to_traditional(text: str) -> str:
    converted: str = _s2t().convert(text)
    return converted


# Pinyin glosses as the two traditional mirrors of the corpus print them after characters.
GLOSSES = {
    "衛": "wèi", "執": "zhí", "補": "bǔ", "經": "jīng", "費": "fèi", "項": "xiàng", "規": "guī",
    "實": "shí", "區": "qū", "預": "yù", "數": "shù", "當": "dāng", "結": "jié", "轉": "zhuǎn",
    "標": "biāo", "進": "jìn", "質": "zhì", "產": "chǎn", "驗": "yàn", "責": "zé", "務": "wù",
    "價": "jià", "認": "rèn", "發": "fā", "時": "shí", "負": "fù", "級": "jí", "計": "jì",
    "評": "píng", "準": "zhǔn", "業": "yè", "達": "dá", "會": "huì", "濟": "jì", "運": "yùn",
    "應": "yīng", "學": "xué", "術": "shù", "關": "guān", "習": "xí",
}  # fmt: skip


def traditional(tables: Tables, variant: int) -> Rendered:
    rng = random.Random(variant)
    share = 1.0 if variant == 0 else rng.random()  # share of glossable characters glossed
    lines: list[str] = []
    for index, table in enumerate(tables):
        g = grid(table)
        g.map_text(to_traditional)
        lines += ([""] if index else []) + pipe_lines(g)
    text = "\n".join(lines) + "\n"
    glossed = "".join(
        f"{c}({GLOSSES[c]})" if c in GLOSSES and rng.random() < share else c for c in text
    )
    printed = gold([table.map_text(to_traditional) for table in tables])
    return Rendered(glossed.encode("utf-8"), "synthetic.txt", printed, glossed.splitlines())


# The glyphs the split-column forms print for a comparator (yunnan-yongde: ≧ ═).
GLYPHS = {"≥": ("≥", "≧"), "=": ("=", "═", "＝"), "≤": ("≤", "≦")}


def split(tables: Tables, variant: int) -> Rendered:
    rng = random.Random(variant)
    ops = {op: glyphs[rng.randrange(len(glyphs))] for op, glyphs in GLYPHS.items()}
    if not variant:
        ops = {}
    printed = [
        replace(
            table,
            rows=tuple(
                replace(row, target=replace(row.target, op=ops.get(row.target.op, row.target.op)))
                if row.target.quantity
                else row
                for row in table.rows
            ),
        )
        for table in tables
    ]
    layout = Split(unit_first=variant % 2 == 1)
    lines: list[str] = []
    for index, table in enumerate(printed):
        lines += ([""] if index else []) + pipe_lines(grid(table, layout))
    return text_document(printed, lines)


# --- structured formats ----------------------------------------------------------------------


def html(tables: Tables, variant: int) -> Rendered:
    parts = ["<!DOCTYPE html>", "<html><head><meta charset='utf-8'></head><body>"]
    for table in tables:
        g = grid(table)
        first = True
        for row in g.rows:
            if row.kind == "line":
                tag = "h3" if first else "p"
                parts.append(f"<{tag}>{row.texts()[0]}</{tag}>")
                first = False
        parts.append("<table border='1'>")
        for row in g.rows:
            if row.kind == "line":
                continue
            tds = []
            for cell in row.cells:
                if cell is None:
                    continue
                spans = ""
                if cell.rowspan > 1:
                    spans += f" rowspan='{cell.rowspan}'"
                if cell.colspan > 1:
                    spans += f" colspan='{cell.colspan}'"
                tds.append(f"<td{spans}>{cell.text}</td>")
            parts.append("<tr>" + "".join(tds) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    data = "\n".join(parts).encode("utf-8")
    return Rendered(data, "synthetic.html", gold(tables), [])


def xlsx(tables: Tables, variant: int) -> Rendered:
    """All tables on one sheet, a blank row between them (``variant`` odd: one sheet each)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    top = 0  # rows used on the sheet
    for index, table in enumerate(tables):
        if index and variant % 2:
            sheet, top = book.create_sheet(f"表{index + 1}"), 0
        elif index:
            top += 1
        top = write_sheet_rows(sheet, grid(table), top)
    out = io.BytesIO()
    book.save(out)
    return Rendered(out.getvalue(), "synthetic.xlsx", gold(tables), [])


def docx(tables: Tables, variant: int) -> Rendered:
    """A Word document: each table's title lines as paragraphs, then a Word table with merged
    cells (``variant`` odd: a page break before each table after the first)."""
    document = WordDocument()
    for index, table in enumerate(tables):
        g = grid(table)
        if index and variant % 2:
            document.add_page_break()
        for row in g.rows:
            if row.kind == "line":
                document.add_paragraph(row.texts()[0])
        rows = [row for row in g.rows if row.kind != "line"]
        word = document.add_table(rows=len(rows), cols=g.width)
        word.style = "Table Grid"
        for number, row in enumerate(rows):
            for column, cell in enumerate(row.cells):
                if cell is None:
                    continue
                target = word.cell(number, column)
                if cell.rowspan > 1 or cell.colspan > 1:
                    end = word.cell(number + cell.rowspan - 1, column + cell.colspan - 1)
                    target = target.merge(end)
                target.text = cell.text
    out = io.BytesIO()
    document.save(out)
    return Rendered(out.getvalue(), "synthetic.docx", gold(tables), [])


def write_sheet_rows(sheet: Worksheet, g: Grid, top: int) -> int:
    """Write the grid below row ``top``, merged cells merged; the last row written."""
    for number, row in enumerate(g.rows, start=top + 1):
        for column, cell in enumerate(row.cells, start=1):
            if cell is None:
                continue
            written = sheet.cell(row=number, column=column, value=cell.text or None)
            if cell.text.startswith("="):
                written.data_type = "s"  # a printed =24人, not a formula
            if cell.rowspan > 1 or cell.colspan > 1:
                sheet.merge_cells(
                    start_row=number,
                    start_column=column,
                    end_row=number + cell.rowspan - 1,
                    end_column=column + cell.colspan - 1,
                )
    return top + len(g.rows)


SHAPES: dict[str, Shape] = {
    shape.name: shape
    for shape in (
        Shape("tabs", text_shape(tabs)),
        Shape("pipes", text_shape(pipes)),
        Shape("cell_lines", text_shape(cell_lines)),
        Shape("paragraphs", text_shape(paragraphs)),
        Shape("spaces", text_shape(spaces)),
        Shape("spaces_run_on", text_shape(spaces_run_on)),
        Shape("glued", text_shape(glued)),
        Shape("ocr", ocr),
        Shape("traditional", traditional),
        Shape("split", split),
        Shape("html", html),
        Shape("xlsx", xlsx),
        Shape("docx", docx),
    )
}

# The printing artefacts of real documents (wrapped cells, web pages, budget books, converter
# markdown), built on the flatteners above: imported last, and only from here (importing
# synthetic.printing before this module is a circular import).
from synthetic.printing import SHAPES_PRINTED, WRAPPING  # noqa: E402

SHAPES.update({shape.name: shape for shape in SHAPES_PRINTED})

__all__ = ["SHAPES", "WRAPPING", "Cell", "Rendered", "Shape", "Value"]
