"""The .doc reader (Word 97-2003): LibreOffice converts, the DOCX reader reads.

``binhai-zuzhibu-2024.doc`` is the DOCX fixture saved as Word 97 by LibreOffice
(scripts/make_fixtures.py). Converting it back collapses the column grid of the Word tables
that continue a table (five grid columns where the first part has seven), which the DOCX
reader aligns. The conversion needs LibreOffice (``make test`` installs it in CI or as root);
a test that needs it is skipped only outside CI when it is missing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from jixiao.errors import EncryptedFile, UnreadableFile, UnsupportedFormat
from jixiao.ingest import doc as doc_reader
from jixiao.ingest import read_grid
from jixiao.ingest.docx import aligned_columns
from jixiao.model import Document
from jixiao.services import read_documents
from jixiao.services.documents import read_tables

NAME = "binhai-zuzhibu-2024.doc"
needs_libreoffice = pytest.mark.skipif(
    doc_reader.find_soffice() is None and os.environ.get("CI") != "true",
    reason="LibreOffice is not installed (make test installs it in CI or as root)",
)


@pytest.fixture(scope="module")
def document(documents: Path) -> Document:
    # a generous budget: a cold LibreOffice start on a loaded machine takes seconds
    return read_tables((documents / NAME).read_bytes(), NAME, time_limit=120)


@needs_libreoffice
def test_same_tables_as_the_text_form(
    document: Document, assert_same_as_text: Callable[[Document], None]
) -> None:
    assert document.format == "doc"
    assert_same_as_text(document)  # 71 indicators exact, budgets, units, goals


@needs_libreoffice
def test_same_reading_as_the_docx_it_was_saved_from(document: Document, documents: Path) -> None:
    docx = read_tables((documents / "binhai-zuzhibu-2024.docx").read_bytes(), "x.docx")
    assert [(f.code, f.message) for f in document.findings] == [
        (f.code, f.message) for f in docx.findings
    ]  # no 指标值 lost in the continuation tables (PRS011)


def test_a_collapsed_grid_is_placed_on_the_grid_before_it() -> None:
    seven = [0, 1749, 3497, 5247, 6995, 8745, 10493, 12242]
    assert aligned_columns([0, 1749, 3497, 5247, 8745, 12243], seven) == [0, 1, 2, 3, 5, 7]
    assert aligned_columns(seven, seven) is None  # the same grid: nothing to align
    assert aligned_columns([0, 4000, 12242], seven) is None  # a boundary the other lacks
    assert aligned_columns([0, 1749, 9000], seven) is None  # narrower: another table


def word_stream(data: bytes) -> int:
    """Where the WordDocument stream starts: the sector that begins with Word's magic."""
    return next(i for i in range(0, len(data), 512) if data[i : i + 2] == b"\xec\xa5")


def encrypted(data: bytes) -> bytes:
    """The fixture with the File Information Block's fEncrypted flag set."""
    start = word_stream(data)
    flags = int.from_bytes(data[start + 10 : start + 12], "little") | 0x0100
    return data[: start + 10] + flags.to_bytes(2, "little") + data[start + 12 :]


def test_a_password_protected_doc_is_refused_before_converting(
    documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(doc_reader, "convert_to_docx", pytest.fail)
    with pytest.raises(EncryptedFile, match=r"^locked\.doc：Word 文档设有打开密码"):
        read_grid(encrypted((documents / NAME).read_bytes()), "locked.doc")


def test_without_libreoffice_the_message_says_what_to_do(
    documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(doc_reader, "find_soffice", lambda: None)
    with pytest.raises(UnsupportedFormat) as caught:
        read_grid((documents / NAME).read_bytes(), NAME)
    assert caught.value.message.startswith(f"{NAME}：读取旧版 Word 文档（.doc）需要 LibreOffice")
    assert "另存为 .docx" in caught.value.message


@needs_libreoffice
def test_a_conversion_past_its_time_limit_is_stopped_and_the_batch_goes_on(
    documents: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(doc_reader, "CONVERSION_SECONDS", 0.2)
    slow = tmp_path / "slow.doc"
    slow.write_bytes((documents / NAME).read_bytes())
    read = list(read_documents([slow, documents / "binhai-zuzhibu-2024.xlsx"], time_limit=0))
    assert read[0].error is not None
    assert read[0].error.code == "ING001"
    assert read[0].error.message.startswith(f"{slow}：旧版 Word 文档（.doc）转换超过 0.2 秒")
    assert read[1].error is None
    assert sum(len(t.indicators) for t in read[1].tables) == 71


def test_a_conversion_that_fails_gets_a_clear_error(
    documents: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(doc_reader, "find_soffice", lambda: "/bin/false")  # writes nothing
    with pytest.raises(UnreadableFile, match=r"^bad\.doc：旧版 Word 文档（\.doc）无法转换"):
        read_grid((documents / NAME).read_bytes(), "bad.doc")
