"""The XLSX reader: the example's four tables as workbooks, and workbooks written for a quirk."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from jixiao.errors import EncryptedFile, UnreadableFile, UnsafeArchive, UnsupportedFormat
from jixiao.ingest import read_grid
from jixiao.ingest.archive import check_sizes
from jixiao.ingest.excel_values import format_cell_value
from jixiao.model import Document, TargetKind
from jixiao.services import read_document


@pytest.fixture(scope="module")
def workbook(documents: Path) -> Document:
    return read_document(documents / "binhai-zuzhibu-2024.xlsx")


@pytest.mark.parametrize("name", ["binhai-zuzhibu-2024.xlsx", "binhai-zuzhibu-2024-one-sheet.xlsx"])
def test_same_tables_as_the_text_form(
    name: str, documents: Path, assert_same_as_text: Callable[[Document], None]
) -> None:
    document = read_document(documents / name)
    assert document.format == "xlsx"
    assert_same_as_text(document)
    assert {f.code for f in document.findings} == {"PRS005"}  # nothing guessed but the year


def test_provenance_is_sheet_cell_and_row(workbook: Document) -> None:
    first, second = workbook.tables[0].indicators[:2]
    assert (first.source.sheet, first.source.cell, first.source.row) == ("表1", "A9", 9)
    assert (second.source.sheet, second.source.cell) == ("表1", "B10")  # A10 is merged
    assert first.source.line is None
    assert workbook.tables[2].source.sheet == "表3"
    assert workbook.tables[2].source.cell == "A1"  # the title row


def test_several_tables_on_one_sheet(documents: Path) -> None:
    document = read_document(documents / "binhai-zuzhibu-2024-one-sheet.xlsx")
    sources = [(t.source.sheet, t.source.cell) for t in document.tables]
    assert sources == [("绩效目标表", f"A{row}") for row in (1, 17, 37, 96)]


def test_merged_ranges_are_spans_with_empty_covered_cells(documents: Path) -> None:
    data = (documents / "binhai-zuzhibu-2024.xlsx").read_bytes()
    rows = {(r.source.sheet, r.source.row): r for r in read_grid(data, "b.xlsx").rows}
    budget, purpose = rows[("表1", 5)], rows[("表1", 6)]
    assert budget.cells[0].text == "预算规模及资金用途"
    assert budget.cells[0].rowspan == 2
    assert purpose.texts[0] == ""  # covered by the merged label above
    assert purpose.cells[1].colspan == 6
    level1 = rows[("表1", 9)].cells[0]
    assert (level1.text, level1.rowspan) == ("产出指标", 4)
    assert rows[("表1", 10)].texts[0] == ""


def test_numbers_are_shown_through_their_number_format(documents: Path) -> None:
    data = (documents / "binhai-zuzhibu-2024.xlsx").read_bytes()
    rows = {(r.source.sheet, r.source.row): r for r in read_grid(data, "b.xlsx").rows}
    assert rows[("表1", 5)].texts[2] == "3,300,000.00"  # stored as the number 3300000
    assert rows[("表1", 11)].texts[5] == "98%"  # stored as 0.98 with format 0%


@pytest.mark.parametrize(
    ("value", "number_format", "shown"),
    [
        (0.98, "0%", "98%"),
        (0.955, "0.0%", "95.5%"),
        (1, "0%", "100%"),
        (3300000, "#,##0.00", "3,300,000.00"),
        (3300000.0, "General", "3300000"),
        (0.1 + 0.2, "General", "0.3"),
        (7.29, '0.00"万元"', "7.29万元"),
        (16, '"≥"0"个"', "≥16个"),
        (12.5, "[$¥-804]#,##0.00", "12.50"),
        (1234567, "#,##0,", "1,235"),
        (dt.datetime(2024, 12, 31), "yyyy-mm-dd", "2024年12月31日"),
        (dt.date(2024, 6, 30), "yyyy/m/d", "2024年6月30日"),
        (dt.datetime(1899, 12, 30, 18, 0), "h:mm", "18:00"),
        (True, "General", "TRUE"),
        ("≥16 个", "@", "≥16 个"),
        (None, "General", ""),
    ],
)
def test_cell_values(value: object, number_format: str, shown: str) -> None:
    assert format_cell_value(value, number_format) == shown


def save(workbook: Workbook, path: Path) -> Path:
    workbook.save(path)
    return path


def test_operator_value_and_unit_in_separate_columns(tmp_path: Path) -> None:
    """Sichuan layout: 指标性质 | 指标值 | 度量单位, with a date and a percentage as numbers."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2023年部门预算项目绩效目标申报表"])
    sheet.append(["项目名称", "村组干部报酬"])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "权重"])
    sheet.append(["效益指标", "社会效益指标", "维护社会稳定", "≥", 95, "%", 10])
    sheet.append(["产出指标", "时效指标", "发放时间", "≤", dt.datetime(2023, 12, 31), "", 10])
    sheet.append(["产出指标", "质量指标", "发放合规率", "＝", 1, "", 10])
    sheet["E6"].number_format = "0%"
    sheet.append(["产出指标", "数量指标", "村组干部人数", "大于等于", 230, "人", 10])
    sheet.append(["满意度指标", "服务对象满意度指标", "群众满意度", "定性", "效果显著", "", 10])
    (table,) = read_document(save(book, tmp_path / "sichuan.xlsx")).tables
    targets = [(i.target.raw, i.target.kind, i.weight) for i in table.indicators]
    assert targets == [
        ("≥95%", TargetKind.NUMERIC, 10.0),
        ("2023年12月31日", TargetKind.DEADLINE, 10.0),  # a deadline needs no comparator
        ("=100%", TargetKind.NUMERIC, 10.0),
        ("≥230人", TargetKind.NUMERIC, 10.0),
        ("效果显著", TargetKind.QUALITATIVE, 10.0),
    ]
    assert table.indicators[1].target.date == dt.date(2023, 12, 31)


def test_tables_may_start_in_any_column_and_hidden_sheets_are_skipped(tmp_path: Path) -> None:
    book = Workbook()
    lists = book.active
    assert lists is not None
    lists.title = "下拉列表"
    lists.append(["项目名称", "不应读取"])
    lists.sheet_state = "hidden"
    sheet = book.create_sheet("填报")
    sheet["C3"] = "项目名称"
    sheet["D3"] = "甲项目"
    for row, values in enumerate(
        [["一级指标", "二级指标", "三级指标", "指标值"], ["产出指标", "数量指标", "甲数", "≥1个"]],
        start=4,
    ):
        for column, value in enumerate(values, start=3):
            sheet.cell(row, column, value)
    (table,) = read_document(save(book, tmp_path / "offset.xlsx")).tables
    assert table.project == "甲项目"
    assert table.indicators[0].source.cell == "C5"


def test_department_and_unit_on_one_row(tmp_path: Path) -> None:
    """A common template: 单位名称 on the left and 金额单位 on the right of the same row."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2024年项目支出绩效目标表"])
    sheet.append(["单位名称：123001 某县财政局", None, None, "金额单位：万元"])
    sheet.append(["项目名称", "乙项目"])
    sheet.append(["预算规模及资金用途", "预算数", 7.29, "其中：财政资金", 7.29])
    sheet.append(["一级指标", "二级指标", "三级指标", "指标值"])
    sheet.append(["产出指标", "数量指标", "乙数", "≥1个"])
    (table,) = read_document(save(book, tmp_path / "unit.xlsx")).tables
    assert (table.department_code, table.department) == ("123001", "某县财政局")
    assert table.budget.unit_printed == "万元"
    assert table.budget.total == 72900.0


# --- bad input --------------------------------------------------------------------------


def test_a_zip_bomb_disguised_as_xlsx_is_refused_before_unpacking(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/workbook.xml", "<workbook/>")
        bomb.writestr("xl/worksheets/sheet1.xml", b"\x00" * (16 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    with pytest.raises(UnsafeArchive) as caught:
        read_document(path)
    assert caught.value.message.startswith(f"{path}：")
    assert "压缩炸弹" in caught.value.message


def test_declared_sizes_beyond_the_limits_are_refused() -> None:
    def member(name: str, size: int, packed: int) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name)
        info.file_size, info.compress_size = size, packed
        return info

    mb = 1024 * 1024
    with pytest.raises(UnsafeArchive, match="解压后达 500 MB"):
        check_sizes([member("xl/worksheets/sheet1.xml", 500 * mb, 100 * mb)], "a.xlsx")
    with pytest.raises(UnsafeArchive, match="共 300 MB"):
        check_sizes([member(f"xl/s{i}.xml", 100 * mb, 50 * mb) for i in range(3)], "a.xlsx")
    check_sizes([member("xl/worksheets/sheet1.xml", 5 * mb, 1024)], "a.xlsx")  # small: fine


def cfb_with_streams(*names: str) -> bytes:
    """A compound file (OLE) header and a directory sector naming the given streams."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[24:34] = b"\x3e\x00\x03\x00\xfe\xff\x09\x00\x06\x00"
    directory = bytearray()
    for name in ("Root Entry", *names):
        encoded = (name + "\x00").encode("utf-16-le")
        entry = bytearray(128)
        entry[: len(encoded)] = encoded
        entry[64:66] = len(encoded).to_bytes(2, "little")
        entry[66] = 5 if name == "Root Entry" else 2
        directory += entry
    return bytes(header) + bytes(directory).ljust(512, b"\x00")


def test_a_password_protected_workbook_is_reported_as_encrypted(tmp_path: Path) -> None:
    path = tmp_path / "locked.xlsx"
    path.write_bytes(cfb_with_streams("EncryptionInfo", "EncryptedPackage"))
    with pytest.raises(EncryptedFile) as caught:
        read_document(path)
    assert caught.value.message.startswith(f"{path}：文件设有打开密码")


def test_a_damaged_old_doc_says_to_save_as_docx(tmp_path: Path) -> None:
    path = tmp_path / "old.doc"
    path.write_bytes(cfb_with_streams("WordDocument"))  # a directory and no Word stream
    with pytest.raises(UnreadableFile, match=r"旧版 Word 文档（\.doc）已损坏.*另存为 \.docx"):
        read_document(path)


def test_a_damaged_old_workbook_is_unreadable_not_unsupported(tmp_path: Path) -> None:
    path = tmp_path / "old.xls"
    path.write_bytes(cfb_with_streams("Workbook"))  # a directory and no workbook stream
    with pytest.raises(UnreadableFile, match=r"旧版 Excel 工作簿（\.xls）已损坏"):
        read_document(path)


def test_a_damaged_workbook_gets_a_clear_error(tmp_path: Path, documents: Path) -> None:
    data = (documents / "binhai-zuzhibu-2024.xlsx").read_bytes()
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableFile, match="压缩包已损坏"):
        read_document(truncated)
    broken = tmp_path / "broken.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not-xml")
    broken.write_bytes(buffer.getvalue())
    with pytest.raises(UnreadableFile) as caught:
        read_document(broken)
    assert str(broken) in caught.value.message


def test_a_zip_that_is_no_office_file(tmp_path: Path) -> None:
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "not a workbook")
    with pytest.raises(UnsupportedFormat, match=r"不是 \.xlsx 或 \.docx"):
        read_document(path)


def test_a_damaged_sheet_in_a_sound_workbook(tmp_path: Path, documents: Path) -> None:
    source = documents / "binhai-zuzhibu-2024.xlsx"
    path = tmp_path / "damaged-sheet.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(path, "w") as copy:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = data[: len(data) // 2]  # cut in the middle of the XML
            copy.writestr(info, data)
    with pytest.raises(UnreadableFile) as caught:
        read_document(path)
    assert caught.value.message.startswith(f"{path}：Excel 工作表已损坏")
