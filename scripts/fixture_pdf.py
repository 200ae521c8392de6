"""The PDF fixture for scripts/make_fixtures.py: ruled tables, one page per part.

Each page is laid out explicitly (reportlab never splits a table here), so that table 3
breaks where the original document broke: after the first five indicators, in the middle of
the row “干部信息管|理信息系统…” (the next page repeats the header), after the 12 rows that
follow, and in the middle of “公务员、集体奖励、即时奖励工作|效果” — where the next page goes on
*without* a repeated header. Cell text is wrapped by hand, only between two CJK characters,
so that extraction can join wrapped lines without guessing about spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table
from reportlab.platypus.tables import TableStyle

from fixture_layout import Entry, Placed, block_height, table_block, title_lines, whole
from jixiao.model import TargetTable

FONT = "CJK"
SIZE = 9
LEADING = 11.5
PADDING = 3
COLUMNS = (64, 86, 170, 130, 110, 100, 110)  # points; 770 fills A4 landscape less margins
MARGIN = 36
TABLE3_CUTS = {
    18: ("干部信息管", "干部信息管理信息系统和"),
    40: ("公务员、集体奖励、即时奖励工作", "公务员、集体奖励工作效果"),
}


@dataclass(frozen=True)
class Table3Layout:
    """How table 3 (index 2) is paged: the indicator ranges of its pages, the rows cut by a
    page break (name and description before the break; a cut row's rest has no 指标值), and
    the pages that go on without a repeated header row."""

    pages: tuple[tuple[int, int], ...]
    cuts: dict[int, tuple[str, str]]
    headerless: frozenset[int]


# As the original document broke: the last page of table 3 goes on without a header row.
ORIGINAL = Table3Layout(
    pages=((0, 5), (5, 19), (18, 31), (31, 41), (40, 49)),
    cuts=TABLE3_CUTS,
    headerless=frozenset({4}),
)
# A page break between two whole rows, the next page without a header, its first row's 指标值
# cell empty (the value 100% printed once, above the break, for both rows — a merged cell):
# “公务员、集体奖励证书、奖章及奖牌颁发率” ends a page and “两新”组织党建工作经费发放合规率 begins
# the next one with no levels and no 指标值 (indicator 14 is printed as the "rest" of a cut row
# whose part before the break is empty). Position alone must not join them.
BREAK_BETWEEN_WHOLE_ROWS = Table3Layout(
    pages=((0, 5), (5, 14), (14, 19), (18, 31), (31, 41), (40, 49)),
    cuts={14: ("", ""), **TABLE3_CUTS},
    headerless=frozenset({2, 5}),
)
_BREAKABLE = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”、]")


def wrap(text: str, width: float) -> str:
    """Wrap a cell's text to a width, breaking only between two CJK characters."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        last_break = -1
        for char in paragraph:
            candidate = line + char
            if pdfmetrics.stringWidth(candidate, FONT, SIZE) > width and last_break > 0:
                lines.append(line[:last_break])
                line = line[last_break:] + char
            else:
                line = candidate
            last_break = next(
                (
                    i
                    for i in range(len(line) - 1, 0, -1)
                    if _BREAKABLE.match(line[i - 1]) and _BREAKABLE.match(line[i])
                ),
                -1,
            )
        lines.append(line)
    return "\n".join(lines)


def pdf_table(placed: list[Placed]) -> Table:
    data = [["" for _ in COLUMNS] for _ in range(block_height(placed))]
    style: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, SIZE, LEADING),
        ("GRID", (0, 0), (-1, -1), 0.6, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
    for item in placed:
        width = sum(COLUMNS[item.col : item.col + item.colspan]) - 2 * PADDING - 1
        data[item.row][item.col] = wrap(item.text, width)
        if item.rowspan > 1 or item.colspan > 1:
            end = (item.col + item.colspan - 1, item.row + item.rowspan - 1)
            style.append(("SPAN", (item.col, item.row), end))
    return Table(data, colWidths=COLUMNS, style=TableStyle(style), repeatRows=0)


def page_entries(
    table: TargetTable, number: int, layout: Table3Layout = ORIGINAL
) -> list[tuple[list[Entry], bool]]:
    """(entries, with a column header) for each page of a table."""
    if number != 3:
        return [([whole(i) for i in table.indicators], True)]
    pages = []
    for page, (begin, end) in enumerate(layout.pages):
        entries = []
        for index in range(begin, end):
            indicator = table.indicators[index]
            cut = layout.cuts.get(index)
            if cut is None:
                entries.append(whole(indicator))
            else:
                part = "head" if index == end - 1 else "tail"
                entries.append(Entry(indicator, part, *cut))
        pages.append((entries, page not in layout.headerless))
    return pages


def number_pages(canvas: Any, document: Any) -> None:
    canvas.setFont(FONT, SIZE)
    canvas.drawCentredString(landscape(A4)[0] / 2, MARGIN / 2, f"- {canvas.getPageNumber()} -")


def target_story(tables: list[TargetTable], layout: Table3Layout = ORIGINAL) -> list[Any]:
    """The four tables' flowables, each printed page ending in a page break but the last
    (needs :func:`register_font` first)."""
    from reportlab.lib.styles import ParagraphStyle

    title_style = ParagraphStyle("title", fontName=FONT, fontSize=14, leading=20, alignment=1)
    line_style = ParagraphStyle("line", fontName=FONT, fontSize=10, leading=14)
    unit_style = ParagraphStyle("unit", parent=line_style, alignment=2)
    story: list[Any] = []
    frame_height = landscape(A4)[1] - 2 * MARGIN
    for number, table in enumerate(tables, start=1):
        title, department, unit = title_lines(table, number)
        pages = page_entries(table, number, layout)
        for page, (entries, column_header) in enumerate(pages):
            flowables: list[Any] = []
            if page == 0:
                flowables += [
                    Paragraph(title, title_style),
                    Spacer(1, 4),
                    Paragraph(department, line_style),
                    Paragraph(unit, unit_style),
                ]
            placed = table_block(
                table, entries, header_block=page == 0, column_header=column_header
            )
            flowables.append(pdf_table(placed))
            height = sum(f.wrap(770, frame_height)[1] for f in flowables)
            if height > frame_height - 12:
                raise SystemExit(f"table {number} page {page + 1} does not fit ({height:.0f} pt)")
            story += flowables
            story.append(PageBreak())
    story.pop()
    return story


def register_font(font: str) -> None:
    pdfmetrics.registerFont(TTFont(FONT, font, subfontIndex=0))


def write_pdf(
    tables: list[TargetTable], path: Path, font: str, layout: Table3Layout = ORIGINAL
) -> None:
    register_font(font)
    document = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title="中共天津市滨海新区委员会组织部2024年项目支出绩效目标表",
        author="jixiao scripts/make_fixtures.py",
        invariant=1,
    )
    document.build(
        target_story(tables, layout), onFirstPage=number_pages, onLaterPages=number_pages
    )
