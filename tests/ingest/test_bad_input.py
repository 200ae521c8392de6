"""Bad input in a batch: each broken file gets a clear error naming it; the rest is read.

The broken files are made here, in tmp_path: a zip bomb disguised as .xlsx, a 500 MB file (a
sparse file: no disk used), a truncated PDF, a password-protected workbook, a web page with
no table.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jixiao.cli import app
from jixiao.services import read_documents

ENCRYPTED_WORKBOOK = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    + bytes(504)
    + "EncryptionInfo\x00".encode("utf-16-le").ljust(128, b"\x00")
    + "EncryptedPackage\x00".encode("utf-16-le").ljust(128, b"\x00")
)


@pytest.fixture
def folder(tmp_path: Path, documents: Path) -> Path:
    with zipfile.ZipFile(tmp_path / "1-bomb.xlsx", "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/workbook.xml", "<workbook/>")
        bomb.writestr("xl/worksheets/sheet1.xml", b" " * (16 * 1024 * 1024))
    with (tmp_path / "2-huge.pdf").open("wb") as huge:
        huge.truncate(500 * 1024 * 1024)
    pdf = (documents / "binhai-zuzhibu-2024.pdf").read_bytes()
    (tmp_path / "3-truncated.pdf").write_bytes(pdf[: len(pdf) // 3])
    (tmp_path / "4-locked.xlsx").write_bytes(ENCRYPTED_WORKBOOK)
    (tmp_path / "5-notice.html").write_text(
        "<!DOCTYPE html><html><body><h1>通知</h1><p>无表格</p></body></html>", encoding="utf-8"
    )
    shutil.copy(documents / "binhai-zuzhibu-2024.docx", tmp_path / "6-good.docx")
    return tmp_path


EXPECTED = {
    "1-bomb.xlsx": ("ING005", "疑似压缩炸弹"),
    "2-huge.pdf": ("ING001", "文件过大（500 MB，上限 64 MB）"),
    "3-truncated.pdf": ("ING001", "PDF 文件不完整"),
    "4-locked.xlsx": ("ING004", "文件设有打开密码"),
    "5-notice.html": ("ING003", "未找到绩效目标表"),
}


def test_a_batch_reads_everything_it_can(folder: Path) -> None:
    documents = list(read_documents(sorted(folder.iterdir())))
    *broken, good = documents
    for document in broken:
        name = Path(document.file).name
        assert document.error is not None, name
        code, reason = EXPECTED[name]
        assert document.error.code == code, name
        assert document.error.message.startswith(f"{document.file}："), name
        assert reason in document.error.message, name
    assert good.error is None
    assert sum(len(t.indicators) for t in good.tables) == 71


def test_the_parse_command_reports_each_broken_file(folder: Path) -> None:
    files = [str(path) for path in sorted(folder.iterdir())]
    result = CliRunner().invoke(app, ["parse", "--format", "json", *files])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    for name, (_, reason) in EXPECTED.items():
        assert f"{folder / name}：" in result.stderr
        assert reason in result.stderr
    parsed = json.loads(result.stdout)["documents"]
    assert [len(d["tables"]) for d in parsed] == [0, 0, 0, 0, 0, 4]
