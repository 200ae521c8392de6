"""Render the example document's four tables into the reader fixtures in tests/documents/.

The example (examples/binhai-zuzhibu-2024.txt) is read with jixiao itself, and its four
tables are written back in the forms users hold, laid out like the official template
(title, department and 单位 lines, the header block, merged 一级/二级 cells):

* ``binhai-zuzhibu-2024.xlsx``           one sheet per table, amounts and percentages as numbers;
* ``binhai-zuzhibu-2024-one-sheet.xlsx`` all four tables on one sheet;
* ``binhai-zuzhibu-2024.xls``            Excel 97-2003: one sheet per table, merged cells, amounts
                                         and percentages as numbers with number formats;
* ``binhai-zuzhibu-2024.docx``           merged cells; table 2 continued in a second Word table
                                         without a header, table 3 with a repeated header;
* ``binhai-zuzhibu-2024.doc``            Word 97-2003: the DOCX above saved as "MS Word 97" by
                                         LibreOffice (headless; the same bytes every run);
* ``binhai-zuzhibu-2024.html``           rowspan/colspan inside a government site's chrome;
* ``binhai-zuzhibu-2024.pdf``            ruled tables; table 3 crosses four page breaks as in the
                                         original, two of them cutting a row in half (one page
                                         repeats the header, the last does not);
* ``binhai-zuzhibu-2024-pagebreak.pdf``  the same, with one more break between two whole rows
                                         of table 3 (颁发率 | 合规率), the next page without a
                                         header and its first row's 指标值 cell empty: they must
                                         stay two rows;
* ``binhai-zuzhibu-2024-book.pdf``       the whole 部门预算 book: text chapters and nine budget
                                         tables around the four target tables, paged as in the
                                         PDF above (scripts/fixture_book.py);
* ``binhai-zuzhibu-2024-scan.pdf``       the PDF as a photocopy: every page an image at 150 dpi,
                                         slightly skewed, specked, no text layer (seeded:
                                         scripts/fixture_scan.py).

Every fixture must read back to the same 71 indicators as the text (tests/ingest/). Only this
script needs a CJK font (for the PDF) and LibreOffice (for the .doc); the outputs are
committed, so the tests need no font (reading the .doc needs LibreOffice, as jixiao does).

    .venv/bin/python scripts/make_fixtures.py [--font /usr/share/fonts/.../wqy-microhei.ttc]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

from fixture_book import write_book  # noqa: E402
from fixture_layout import Placed, block_height, table_block, title_lines, whole  # noqa: E402
from fixture_pdf import BREAK_BETWEEN_WHOLE_ROWS, write_pdf  # noqa: E402
from fixture_scan import write_scan  # noqa: E402
from jixiao.model import TargetTable  # noqa: E402
from jixiao.services import read_document  # noqa: E402

OUT = ROOT / "tests" / "documents"
NAME = "binhai-zuzhibu-2024"
FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)
FIXED_TIME = (2024, 1, 1, 0, 0, 0)
FIXED_DATETIME = dt.datetime(*FIXED_TIME)
_PERCENT = re.compile(r"^(\d+(?:\.\d+)?)%$")
_W3CDTF = re.compile(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z")


def load_tables() -> list[TargetTable]:
    os.chdir(ROOT)
    document = read_document(Path("examples") / f"{NAME}.txt")
    assert sum(len(t.indicators) for t in document.tables) == 71
    return document.tables


# --- XLSX ----------------------------------------------------------------------------------


def write_xlsx(tables: list[TargetTable], path: Path, *, one_sheet: bool) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    workbook = Workbook()
    workbook.remove(workbook.active)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet = None
    row = 1
    for number, table in enumerate(tables, start=1):
        if sheet is None or not one_sheet:
            sheet = workbook.create_sheet("绩效目标表" if one_sheet else f"表{number}")
            for letter, width in zip("ABCDEFG", (12, 16, 28, 18, 14, 12, 12), strict=True):
                sheet.column_dimensions[letter].width = width
            row = 1
        title, department, unit = title_lines(table, number)
        for text, size, align in ((title, 14, "center"), (department, 10, "left")):
            sheet.cell(row, 1, text).font = Font(size=size, bold=size > 10)
            sheet.cell(row, 1).alignment = Alignment(horizontal=align)
            sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
            row += 1
        sheet.cell(row, 7, unit).alignment = Alignment(horizontal="right")
        row += 1
        placed = table_block(table, [whole(i) for i in table.indicators], header_block=True)
        for item in placed:
            cell = sheet.cell(row + item.row, 1 + item.col)
            set_xlsx_value(cell, item)
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            if item.label:
                cell.font = Font(bold=True)
            if item.rowspan > 1 or item.colspan > 1:
                sheet.merge_cells(
                    start_row=row + item.row,
                    start_column=1 + item.col,
                    end_row=row + item.row + item.rowspan - 1,
                    end_column=item.col + item.colspan,
                )
        height = block_height(placed)
        for r in range(row, row + height):
            for c in range(1, 8):
                sheet.cell(r, c).border = border
        row += height + 2  # a blank row between two tables on one sheet
    workbook.properties.creator = "jixiao scripts/make_fixtures.py"
    workbook.save(path)
    fix_zip_times(path)


def set_xlsx_value(cell: Any, item: Placed) -> None:
    """Amounts as numbers (#,##0.00), bare percentages as fractions (0%), the rest as text."""
    percent = _PERCENT.match(item.text) if item.col >= 5 else None
    if item.amount and item.text:
        cell.value = float(item.text.replace(",", ""))
        cell.number_format = "#,##0.00"
    elif percent:
        cell.value = float(percent.group(1)) / 100
        cell.number_format = "0%"
    else:
        cell.value = item.text


def write_xls(tables: list[TargetTable], path: Path) -> None:
    """The one-sheet-per-table workbook of :func:`write_xlsx`, as Excel 97-2003 (xlwt)."""
    import xlwt

    box = "borders: left thin, right thin, top thin, bottom thin"
    plain = xlwt.easyxf(f"align: wrap on, vert centre; {box}")
    bold = xlwt.easyxf(f"font: bold on; align: wrap on, vert centre; {box}")
    amount = xlwt.easyxf(box, num_format_str="#,##0.00")
    percent = xlwt.easyxf(box, num_format_str="0%")
    title_style = xlwt.easyxf("font: bold on, height 280; align: horiz centre")
    workbook = xlwt.Workbook(encoding="utf-8")
    for number, table in enumerate(tables, start=1):
        sheet = workbook.add_sheet(f"表{number}")
        for column, width in enumerate((12, 16, 28, 18, 14, 12, 12)):
            sheet.col(column).width = 256 * width
        title, department, unit = title_lines(table, number)
        sheet.write_merge(0, 0, 0, 6, title, title_style)
        sheet.write_merge(1, 1, 0, 6, department)
        sheet.write(2, 6, unit)
        top = 3
        placed = table_block(table, [whole(i) for i in table.indicators], header_block=True)
        for item in placed:
            ratio = _PERCENT.match(item.text) if item.col >= 5 else None
            value: object = item.text
            style = bold if item.label else plain
            if item.amount and item.text:
                value, style = float(item.text.replace(",", "")), amount
            elif ratio:
                value, style = float(ratio.group(1)) / 100, percent
            row, column = top + item.row, item.col
            if item.rowspan > 1 or item.colspan > 1:
                last_row, last_column = row + item.rowspan - 1, column + item.colspan - 1
                sheet.write_merge(row, last_row, column, last_column, value, style)
            else:
                sheet.write(row, column, value, style)
    workbook.save(str(path))


# --- DOCX ----------------------------------------------------------------------------------


def write_docx(tables: list[TargetTable], path: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.core_properties.author = "jixiao scripts/make_fixtures.py"
    for number, table in enumerate(tables, start=1):
        title, department, unit = title_lines(table, number)
        if number == 1:
            document.add_heading(title, level=2)
        else:
            paragraph = document.add_paragraph()
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run = paragraph.add_run(title)
            run.bold = True
            run.font.size = Pt(14)
        document.add_paragraph(department)
        document.add_paragraph(unit).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        entries = [whole(i) for i in table.indicators]
        # table 2 continues in a second Word table without a header, table 3 with one
        split = {2: 4, 3: 24}.get(number)
        chunks = [entries] if split is None else [entries[:split], entries[split:]]
        for index, chunk in enumerate(chunks):
            placed = table_block(
                table, chunk, header_block=index == 0, column_header=index == 0 or number == 3
            )
            add_docx_table(document, placed)
            if index + 1 < len(chunks):
                document.add_paragraph()  # Word joins two tables with nothing between them
        if number < len(tables):
            document.add_page_break()
    document.add_paragraph("填报人：张某某    联系电话：022-12345678")  # after the last table
    document.core_properties.created = document.core_properties.modified = FIXED_DATETIME
    document.save(str(path))
    fix_zip_times(path)


def add_docx_table(document: Any, placed: list[Placed]) -> None:
    table = document.add_table(rows=block_height(placed), cols=7)
    table.style = "Table Grid"
    for item in placed:
        cell = table.cell(item.row, item.col)
        if item.rowspan > 1 or item.colspan > 1:
            end = table.cell(item.row + item.rowspan - 1, item.col + item.colspan - 1)
            cell = cell.merge(end)
        lines = item.text.split("\n")
        cell.paragraphs[0].text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
        if item.label:
            for run in cell.paragraphs[0].runs:
                run.bold = True


def write_doc(docx_path: Path, path: Path) -> None:
    """The DOCX fixture converted to Word 97-2003 by LibreOffice (a fresh profile each run)."""
    import shutil
    import subprocess
    import tempfile

    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("LibreOffice not found: apt-get install libreoffice-writer-nogui")
    with tempfile.TemporaryDirectory() as directory:
        source = Path(directory) / path.with_suffix(".docx").name
        source.write_bytes(docx_path.read_bytes())
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={(Path(directory) / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "doc:MS Word 97",
                "--outdir",
                directory,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        path.write_bytes(source.with_suffix(".doc").read_bytes())


# --- HTML ----------------------------------------------------------------------------------

HTML_HEAD = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>中共天津市滨海新区委员会组织部2024年部门预算项目绩效目标表</title>
<style>table{border-collapse:collapse}td,th{border:1px solid #333;padding:4px}</style>
<script>var _hmt = _hmt || []; document.write("<table><tr><td>统计</td></tr></table>");</script>
</head>
<body>
<header class="site-header"><div class="logo">天津市滨海新区人民政府</div>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/czyjs/">财政预决算</a></li></ul></nav></header>
<div class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 财政预决算 &gt; 部门预算</div>
<div class="article">
<h1>中共天津市滨海新区委员会组织部2024年部门预算项目绩效目标表</h1>
<div class="info">发布时间：2024-02-01　来源：区委组织部
<span class="share">分享到：微信 微博</span></div>
"""

HTML_FOOT = """<p>附件：<a href="/files/zuzhibu-2024.pdf">
中共天津市滨海新区委员会组织部2024年部门预算.pdf</a></p>
</div>
<div class="footer"><table><tr><td>主办：天津市滨海新区人民政府办公室</td>
<td>网站标识码：1201160001</td></tr></table><p>津ICP备00000000号</p></div>
<footer><p>版权所有 © 天津市滨海新区人民政府</p></footer>
<script src="/js/common.js"></script>
</body>
</html>
"""


def write_html(tables: list[TargetTable], path: Path) -> None:
    from html import escape

    parts = [HTML_HEAD]
    for number, table in enumerate(tables, start=1):
        title, department, unit = title_lines(table, number)
        caption = ""
        if number == 1:  # titles as a heading, a caption (after the unit line) and a <p>
            parts.append(f"<h2>{escape(title)}</h2>\n")
        elif number == 2:
            caption = f"<caption>{escape(title)}</caption>"
        else:
            parts.append(f'<p style="text-align:center"><strong>{escape(title)}</strong></p>\n')
        parts.append(f'<p>{escape(department)}</p>\n<p style="text-align:right">{unit}</p>\n')
        placed = table_block(table, [whole(i) for i in table.indicators], header_block=True)
        parts.append(html_table(placed, caption))
    parts.append(HTML_FOOT)
    path.write_text("".join(parts), encoding="utf-8")


def html_table(placed: list[Placed], caption: str) -> str:
    rows: list[list[str]] = [[] for _ in range(block_height(placed))]
    for item in sorted(placed, key=lambda p: (p.row, p.col)):
        tag = "th" if item.label else "td"
        spans = "".join(
            f' {name}="{value}"'
            for name, value in (("rowspan", item.rowspan), ("colspan", item.colspan))
            if value > 1
        )
        text = "<br>".join(escape_html(line) for line in item.text.split("\n"))
        rows[item.row].append(f"<{tag}{spans}>{text}</{tag}>")
    body = "\n".join(f"<tr>{''.join(cells)}</tr>" for cells in rows)
    return f'<table border="1" width="100%">{caption}\n<tbody>\n{body}\n</tbody></table>\n'


def escape_html(text: str) -> str:
    from html import escape

    return escape(text, quote=False)


# --- output hygiene ------------------------------------------------------------------------


def fix_zip_times(path: Path) -> None:
    """Rewrite a zip with fixed timestamps, so that regenerating changes no bytes."""
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in members:
            if info.filename == "docProps/core.xml":  # created/modified: the time of saving
                data = _W3CDTF.sub(b"2024-01-01T00:00:00Z", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font", help="a TrueType/TTC font with CJK glyphs (for the PDF)")
    args = parser.parse_args()
    font = args.font or next((f for f in FONTS if Path(f).exists()), None)
    if font is None:
        sys.exit("no CJK font found: install fonts-wqy-microhei or pass --font")
    tables = load_tables()
    OUT.mkdir(parents=True, exist_ok=True)
    write_xlsx(tables, OUT / f"{NAME}.xlsx", one_sheet=False)
    write_xlsx(tables, OUT / f"{NAME}-one-sheet.xlsx", one_sheet=True)
    write_xls(tables, OUT / f"{NAME}.xls")
    write_docx(tables, OUT / f"{NAME}.docx")
    write_doc(OUT / f"{NAME}.docx", OUT / f"{NAME}.doc")
    write_html(tables, OUT / f"{NAME}.html")
    write_pdf(tables, OUT / f"{NAME}.pdf", font)
    write_pdf(tables, OUT / f"{NAME}-pagebreak.pdf", font, BREAK_BETWEEN_WHOLE_ROWS)
    pages = write_book(tables, OUT / f"{NAME}-book.pdf", font)
    print("target tables in the book:", pages)
    write_scan(OUT / f"{NAME}.pdf", OUT / f"{NAME}-scan.pdf")
    for path in sorted(OUT.glob(f"{NAME}*")):
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size / 1024:.0f} KB)")


if __name__ == "__main__":
    main()
