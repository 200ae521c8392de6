"""Reader for web pages (.html/.htm): the page's tables, and the text lines around them.

Government sites publish target tables as HTML tables inside a page of navigation, share
buttons and footers. The page is walked in document order:

* chrome is skipped: ``script``, ``style``, ``nav``, ``header``, ``footer``, ``aside``,
  forms, hidden elements, and blocks whose ``id``/``class`` names a footer, menu, breadcrumb
  or share bar;
* a *data* table (one with no table inside it) becomes TABLE rows, its ``<caption>`` a HEADING
  row before them; ``rowspan``/``colspan`` are laid out on a grid, the text in the first
  position of a span and empty cells over the rest;
* a *layout* table (one holding other tables) is read like any other block of the page;
* text outside tables becomes one row per block (``<p>``, ``<div>``, ``<br>``…): HEADING for
  ``<h1>``–``<h6>``, LINE otherwise, so that titles, department lines and 单位：元 reach the
  assembler. Text after the last table is dropped.

Encoding: a BOM, else the ``<meta charset>``, else UTF-8, else GB18030.

Provenance: ``table_index`` (1-based among the page's data tables), ``row`` (1-based within
the table) and ``column`` (1-based grid column of the row's first non-empty cell). A text line
outside tables has no ``table_index``; its ``row`` is its number among the page's text blocks.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from dataclasses import dataclass, field, replace
from typing import Final

import lxml.html
from lxml import etree

from jixiao.errors import UnreadableFile
from jixiao.ingest.budget import check_budget
from jixiao.ingest.cleaning import normalize_cell_text
from jixiao.ingest.grid import Cell, Grid, Row, RowKind, drop_text_after_tables
from jixiao.model import SourceRef

_META_CHARSET: Final = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION: Final = re.compile(r"^\s*<\?xml[^>]*\?>")


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SKIPPED: Final = _names(
    "script style noscript template head title nav header footer aside form button select"
    " option textarea input iframe object embed svg canvas map audio video menu"
)
_HEADINGS: Final = _names("h1 h2 h3 h4 h5 h6")
_BLOCKS: Final = _HEADINGS | _names(
    "p div li ul ol dl dt dd section article main center blockquote pre address figure"
    " figcaption caption table tbody thead tfoot tr td th hr"
)
# id/class words of page chrome (gov sites: <div class="footer">, <div class="bdsharebuttonbox">)
_CHROME_NAMES: Final = _names(
    "footer foot nav navbar menu breadcrumb breadcrumbs crumb crumbs share bdsharebuttonbox"
    " copyright sidebar toolbar topbar"
)
_NEVER_CHROME: Final = _names("html body main article table tr td th caption")
_NAME_SPLIT: Final = re.compile(r"[\s_-]+")
_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_MAX_COLSPAN: Final = 256
_MAX_ROWSPAN: Final = 10_000


def decode_html(data: bytes, file: str) -> str:
    """The page's text: BOM, else declared charset, else UTF-8, else GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    declared = _META_CHARSET.search(data[:8192])
    candidates = ["utf-8", "gb18030"]
    if declared:
        name = declared.group(1).decode("ascii").lower()
        name = "gb18030" if name in ("gb2312", "gbk", "x-gbk", "gb_2312-80") else name
        with contextlib.suppress(LookupError):  # an unknown charset name: guess instead
            candidates.insert(0, codecs.lookup(name).name)
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(file, "无法识别网页的字符编码（支持 UTF-8 与 GBK/GB18030）")


def read_html(data: bytes, file: str) -> Grid:
    """A web page's data tables and the text lines between them, in document order."""
    text = _XML_DECLARATION.sub("", decode_html(data, file), count=1)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as error:
        raise UnreadableFile(file, f"网页无法解析（{error}）") from None
    page = PageWalker(file)
    page.walk(root)
    page.flush()
    return Grid(file=file, format="html", rows=drop_text_after_tables(page.rows))


def tag_of(element: etree._Element) -> str:
    """The lower-case tag name; '' for comments and processing instructions."""
    return element.tag.lower() if isinstance(element.tag, str) else ""


def is_chrome(element: etree._Element, tag: str) -> bool:
    if tag in _SKIPPED or element.get("hidden") is not None:
        return True
    if _HIDDEN_STYLE.search(element.get("style", "")):
        return True
    if tag in _NEVER_CHROME:
        return False
    names = f"{element.get('id', '')} {element.get('class', '')}".lower()
    return bool(_CHROME_NAMES.intersection(_NAME_SPLIT.split(names)))


def element_text(element: etree._Element) -> str:
    """A cell's text: blocks and <br> as line breaks, other whitespace collapsed."""
    parts: list[str] = []
    collect_text(element, parts)
    return normalize_cell_text("".join(parts))


def collect_text(element: etree._Element, parts: list[str]) -> None:
    parts.append(_collapse(element.text))
    for child in element:
        tag = tag_of(child)
        if tag and not is_chrome(child, tag):
            if tag == "br":
                parts.append("\n")
            elif tag in _BLOCKS:
                parts.append("\n")
                collect_text(child, parts)
                parts.append("\n")
            else:
                collect_text(child, parts)
        parts.append(_collapse(child.tail))


def _collapse(text: str | None) -> str:
    """HTML whitespace (including source line breaks) is a single space."""
    if not text:
        return ""
    words = " ".join(text.split())
    if not words:
        return " "
    return f"{' ' if text[0].isspace() else ''}{words}{' ' if text[-1].isspace() else ''}"


@dataclass(slots=True)
class PageWalker:
    """One pass over a page, collecting grid rows in document order."""

    file: str
    rows: list[Row] = field(default_factory=list)
    line: list[str] = field(default_factory=list)
    tables: int = 0
    blocks: int = 0

    def walk(self, element: etree._Element) -> None:
        tag = tag_of(element)
        if not tag or is_chrome(element, tag):
            return
        if tag == "table" and element.find(".//table") is None:
            self.flush()
            self.add_table(element)
            return
        if tag == "br":
            self.flush()
            return
        block = tag in _BLOCKS
        if block:
            self.flush()
        self.line.append(_collapse(element.text))
        for child in element:
            self.walk(child)
            self.line.append(_collapse(child.tail))
        if block:
            self.flush(RowKind.HEADING if tag in _HEADINGS else RowKind.LINE)

    def flush(self, kind: RowKind = RowKind.LINE) -> None:
        text = normalize_cell_text("".join(self.line))
        self.line.clear()
        if text:
            self.blocks += 1
            source = SourceRef(file=self.file, row=self.blocks)
            self.rows.append(Row(kind, (Cell(text, 0),), source))

    def add_table(self, table: etree._Element) -> None:
        self.tables += 1
        caption = table.find("caption")
        if caption is not None and (title := element_text(caption).replace("\n", " ")):
            source = SourceRef(file=self.file, table_index=self.tables)
            self.rows.append(Row(RowKind.HEADING, (Cell(title, 0),), source))
        trs = table.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
        elements = [tr for tr in trs if isinstance(tr, etree._Element)]
        self.rows.extend(table_rows(elements, self.tables, self.file))


def span(cell: etree._Element, name: str, limit: int) -> int:
    try:
        return min(max(int(cell.get(name, "1").strip() or 1), 1), limit)
    except ValueError:
        return 1


def table_rows(trs: list[etree._Element], index: int, file: str) -> list[Row]:
    """Lay out rowspan/colspan on a grid: text at the first position, empty cells elsewhere."""
    grid: list[dict[int, Cell]] = [{} for _ in trs]
    for r, tr in enumerate(trs):
        check_budget()
        column = 0
        for td in tr:
            if tag_of(td) not in ("td", "th"):
                continue
            while column in grid[r]:
                column += 1
            colspan = span(td, "colspan", _MAX_COLSPAN)
            rowspan = min(span(td, "rowspan", _MAX_ROWSPAN), len(trs) - r)
            grid[r][column] = Cell(element_text(td), column, colspan, rowspan)
            for dr in range(rowspan):
                for dc in range(colspan):
                    if dr or dc:
                        grid[r + dr][column + dc] = Cell("", column + dc)
            column += colspan
    rows: list[Row] = []
    for r, placed in enumerate(grid):
        width = 1 + max(placed, default=-1)
        cells = [placed.get(c, Cell("", c)) for c in range(width)]
        while cells and not cells[-1].text:
            cells.pop()
        if cells:
            first = next(cell.column for cell in cells if cell.text)
            source = SourceRef(file=file, table_index=index, row=r + 1, column=first + 1)
            rows.append(Row(RowKind.TABLE, tuple(cells), source))
    return rows


_TABLE_START: Final = re.compile(r"<table\b", re.IGNORECASE)
_TABLE_END: Final = re.compile(r"</table\s*>", re.IGNORECASE)


def has_html_table(text: str) -> bool:
    """Text (markdown from a PDF converter: MinerU, marker) holding an HTML ``<table>``."""
    start = _TABLE_START.search(text)
    return start is not None and _TABLE_END.search(text, start.end()) is not None


def read_markdown_tables(text: str, file: str) -> Grid:
    """Markdown whose tables are HTML ``<table>`` elements (MinerU prints each table so, on one
    line or over several): the lines outside tables read as converter text (headings, pipe
    rows, lines), each table laid out as a web page's, rowspan/colspan included. A table's
    rows keep the lines its markup spans, and their table and row numbers."""
    from jixiao.ingest.text import parse_line

    rows: list[Row] = []
    lines = text.splitlines()
    number, tables = 0, 0
    while number < len(lines):
        check_budget()
        line = lines[number]
        start = _TABLE_START.search(line)
        if start is None:
            row = parse_line(line, file, number + 1)
            if row is not None:
                rows.append(row)
            number += 1
            continue
        first = number
        if before := line[: start.start()].strip():
            rows.append(Row(RowKind.LINE, (Cell(normalize_cell_text(before), 0),),
                            SourceRef(file=file, line=first + 1)))  # fmt: skip
        markup = line[start.start() :]
        while _TABLE_END.search(markup) is None and number + 1 < len(lines):
            number += 1
            markup += "\n" + lines[number]
        end = _TABLE_END.search(markup)
        after = markup[end.end() :] if end is not None else ""
        page = PageWalker(file, tables=tables)
        body = markup[: end.end()] if end is not None else markup
        with contextlib.suppress(etree.ParserError, ValueError):  # markup lxml cannot read
            page.walk(lxml.html.document_fromstring(f"<html><body>{body}</body></html>"))
        tables = page.tables
        last = number + 1 if number != first else None
        for row in page.rows:
            source = row.source.model_copy(update={"line": first + 1, "line_end": last})
            rows.append(replace(row, source=source))
        lines[number] = after
        if after.strip():
            continue  # text after the table on its last line: read it as a line of its own
        number += 1
    return Grid(file=file, format="text", rows=rows)
