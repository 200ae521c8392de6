from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jixiao.errors import UnreadableFile
from jixiao.ingest import RowKind, detect_format, read_grid
from jixiao.ingest.cleaning import canonical_characters, clean_cell_text, close_spaced_labels
from jixiao.ingest.text import decode_text
from jixiao.services import read_document
from jixiao.services.documents import read_tables


def test_tab_rows_keep_empty_cells_for_merged_cells() -> None:
    grid = read_grid("\t质量指标\t经费拨付合规率\t反映\t\t100%\t\n".encode(), "a.txt")
    (row,) = grid.rows
    assert row.kind is RowKind.TABLE
    assert row.texts == ["", "质量指标", "经费拨付合规率", "反映", "", "100%"]
    assert row.source.line == 1


def test_markdown_headings_of_any_depth() -> None:
    text = "## 1.甲绩效目标表\n\n### 3.乙\n#### 4.丙\n"
    rows = read_grid(text.encode(), "a.md").rows
    assert [(r.kind, r.text, r.source.line) for r in rows] == [
        (RowKind.HEADING, "1.甲绩效目标表", 1),
        (RowKind.HEADING, "3.乙", 3),
        (RowKind.HEADING, "4.丙", 4),
    ]


def test_pipe_tables_and_rulers() -> None:
    text = "| 一级指标 | 二级指标 |\n|---|---|\n| 产出指标 | 数量指标 |\n"
    rows = read_grid(text.encode(), "a.md").rows
    assert [r.texts for r in rows] == [["一级指标", "二级指标"], ["产出指标", "数量指标"]]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<b>项目名称</b>", "项目名称"),
        ("<b>预算规模及 资金用途</b>", "预算规模及资金用途"),
        ("<b>其中：财政 资金</b>", "其中：财政资金"),
        ("<p>1.甲。</p> <p>2.乙。</p>", "1.甲。\n2.乙。"),
        ("用于支付 2024 年经费。", "用于支付 2024 年经费。"),
        ("≥16 个", "≥16 个"),
        ("A &amp; B&nbsp;", "A & B"),
    ],
)
def test_cell_cleaning(raw: str, clean: str) -> None:
    assert clean_cell_text(raw) == clean


def test_gbk_text_is_read() -> None:
    data = "项目名称\t选调生补助\n".encode("gbk")
    assert read_grid(data, "gbk.txt").rows[0].texts == ["项目名称", "选调生补助"]


def test_utf8_bom_is_dropped() -> None:
    data = "\ufeff项目名称\t甲\n".encode()
    assert read_grid(data, "bom.txt").rows[0].texts == ["项目名称", "甲"]


def test_binary_content_is_refused_with_the_file_name() -> None:
    with pytest.raises(UnreadableFile) as caught:
        decode_text(b"\x00\x01\x02binary", "photo.txt")
    assert "photo.txt" in caught.value.message
    assert "二进制" in caught.value.message


def test_undecodable_bytes_are_refused() -> None:
    with pytest.raises(UnreadableFile) as caught:
        decode_text(b"\xff\xfe\xfa\xfb" * 10, "bad.txt")
    assert "编码" in caught.value.message


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7", "pdf"),
        (b"PK\x03\x04", "zip"),
        (b"\xd0\xcf\x11\xe0", "ole"),
        (b"<!DOCTYPE html><html>", "html"),
        ("项目名称".encode(), "text"),
    ],
)
def test_format_is_detected_from_content(head: bytes, kind: str) -> None:
    assert detect_format(head) == kind


def test_an_old_word_document_is_detected_by_content_whatever_its_name() -> None:
    old_document = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "WordDocument".encode("utf-16-le")
    with pytest.raises(UnreadableFile) as caught:  # a header and nothing else: damaged
        read_grid(old_document, "table.txt")
    assert caught.value.message.startswith("table.txt：旧版 Word 文档（.doc）已损坏")
    assert "另存为 .docx" in caught.value.message


_EXAMPLE_ROWS = "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t甲数\t≥1个\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
def test_text_saved_as_unicode_with_a_byte_order_mark(encoding: str) -> None:
    # Windows Notepad's "Unicode" is UTF-16-LE with a BOM; the -be codecs write none, so add it
    data = ("\ufeff" if encoding.endswith("-be") else "").encode(encoding)
    data += _EXAMPLE_ROWS.encode(encoding)
    rows = read_grid(data, "a.txt").rows
    assert [r.texts for r in rows] == [
        ["一级指标", "二级指标", "三级指标", "指标值"],
        ["产出指标", "数量指标", "甲数", "≥1个"],
    ]


def test_an_html_page_saved_as_utf16_is_read_as_html() -> None:
    page = (
        "<html><head><meta charset='utf-16'></head><body><table>"
        + "".join(
            "<tr>" + "".join(f"<td>{cell}</td>" for cell in line.split("\t")) + "</tr>"
            for line in _EXAMPLE_ROWS.splitlines()
        )
        + "</table></body></html>"
    )
    grid = read_grid(page.encode("utf-16"), "a.htm")
    assert grid.format == "html"
    assert ["产出指标", "数量指标", "甲数", "≥1个"] in [r.texts for r in grid.rows]


def test_a_broken_utf16_file_names_its_encoding() -> None:
    with pytest.raises(UnreadableFile, match="UTF-16"):
        read_grid(b"\xff\xfe" + "甲".encode("utf-16-le") + b"\x00\xd8", "a.txt")


def test_invisible_characters_and_full_width_digits_are_canonical() -> None:
    assert canonical_characters("\u200b项目名称\u200c\ufeff") == "项目名称"
    assert canonical_characters("≥１００％，１２．５万元，第一．二") == "≥100%，12.5万元，第一．二"
    assert clean_cell_text("\u200b≥９５％\u00ad") == "≥95%"


@given(st.text())
def test_canonical_characters_is_idempotent(text: str) -> None:
    once = canonical_characters(text)
    assert canonical_characters(once) == once


def _indicators(path: Path, data: bytes) -> list[tuple[str, str, str]]:
    document = read_tables(data, path.name)
    return [(i.level2, i.name, i.target.raw) for t in document.tables for i in t.indicators]


def test_a_page_pasted_with_zero_width_spaces_and_full_width_digits_reads_as_printed(
    example_path: Path,
) -> None:
    # web pages leave U+200B before cells; a full-width input mode types １００％
    text = example_path.read_text("utf-8")
    full_width = str.maketrans({str(d): chr(0xFF10 + d) for d in range(10)} | {"%": "％"})
    noisy = "\n".join("\u200b" + line.replace("\t", "\t\u200b") for line in text.splitlines())
    plain = _indicators(example_path, text.encode())
    assert len(plain) == 71
    assert _indicators(example_path, noisy.translate(full_width).encode()) == plain
    assert (
        read_document(example_path).tables[0].project
        == read_tables(noisy.encode(), example_path.name).tables[0].project
    )


@pytest.mark.parametrize(
    ("line", "closed"),
    [
        ("项 目 名 称  甲项目", "项目名称  甲项目"),
        ("项目 名称  甲项目", "项目名称  甲项目"),
        ("一  级  指  标", "一级指标"),
        # a level wrapped in its column beside the rest of a name in the next column
        # (pdftotext -layout): two cells, not the label 服务对象满意度 typed with a space
        ("             服务对象满   意度", "             服务对象满   意度"),
        ("项目  名称 甲", "项目  名称 甲"),
    ],
)
def test_spaced_labels_are_closed_only_when_typed_so(line: str, closed: str) -> None:
    assert close_spaced_labels(line).rstrip() == closed.rstrip()
