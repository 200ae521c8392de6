"""Zip containers (XLSX, DOCX): what is inside, and whether it is safe to unpack.

An Office file is a zip archive. Before any part is unpacked, the sizes declared in the zip's
central directory are checked: a zip bomb declares gigabytes of XML in a few kilobytes.
Python's zipfile never inflates a member beyond its declared size, so the declared sizes bound
what reading can cost.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Final

from jixiao.errors import UnreadableFile, UnsafeArchive, UnsupportedFormat

MAX_UNPACKED_MB: Final = 256  # all members together, as declared in the central directory
MAX_MEMBER_MB: Final = 128  # one member (a worksheet or document.xml)
MAX_RATIO: Final = 100  # unpacked/packed size above which a large member is suspicious
_RATIO_FLOOR: Final = 8 * 1024 * 1024  # members smaller than this are never suspicious
MAX_MEMBERS: Final = 10_000

_MB: Final = 1024 * 1024


def open_archive(data: bytes, file: str) -> zipfile.ZipFile:
    """Open a zip after checking its directory; refuse corrupt archives and zip bombs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise UnreadableFile(
            file, "压缩包已损坏或不完整，无法打开（.xlsx/.docx 本质是 zip 文件）"
        ) from None
    check_sizes(members, file)
    return archive


def check_sizes(members: list[zipfile.ZipInfo], file: str) -> None:
    if len(members) > MAX_MEMBERS:
        raise UnsafeArchive(file, f"压缩包内文件过多（{len(members)} 个），拒绝读取")
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > MAX_MEMBER_MB * _MB:
            raise UnsafeArchive(
                file,
                f"压缩包内的 {member.filename} 解压后达 {member.file_size / _MB:.0f} MB"
                f"（上限 {MAX_MEMBER_MB} MB），疑似压缩炸弹，拒绝读取",
            )
        packed = max(member.compress_size, 1)
        if member.file_size > _RATIO_FLOOR and member.file_size / packed > MAX_RATIO:
            raise UnsafeArchive(
                file,
                f"压缩包内的 {member.filename} 压缩比异常（{member.file_size / packed:.0f} 倍），"
                "疑似压缩炸弹，拒绝读取",
            )
    if total > MAX_UNPACKED_MB * _MB:
        raise UnsafeArchive(
            file,
            f"压缩包解压后共 {total / _MB:.0f} MB（上限 {MAX_UNPACKED_MB} MB），"
            "疑似压缩炸弹，拒绝读取",
        )


def office_kind(archive: zipfile.ZipFile, file: str) -> str:
    """'xlsx' or 'docx' from the parts a zip holds; anything else is unsupported."""
    names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "word/document.xml" in names:
        return "docx"
    if "content.xml" in names and "mimetype" in names:
        raise UnsupportedFormat(
            file, "这是 OpenDocument（.ods/.odt）文件，请在 WPS/Office 中另存为 .xlsx 或 .docx"
        )
    if "xl/workbook.bin" in names:
        raise UnsupportedFormat(file, "这是 Excel 二进制工作簿（.xlsb），请另存为 .xlsx")
    raise UnsupportedFormat(file, "这是一个 zip 压缩包，但不是 .xlsx 或 .docx 文件")


def read_member(archive: zipfile.ZipFile, name: str, file: str) -> bytes:
    """One part of the archive, unpacked (sizes were checked when the archive was opened)."""
    try:
        return archive.read(name)
    except KeyError:
        raise UnreadableFile(file, f"文件不完整：缺少 {name}") from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as error:
        raise UnreadableFile(file, f"压缩包已损坏，无法解压 {name}（{error}）") from None
