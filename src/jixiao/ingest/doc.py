"""Reader for Word 97-2003 documents (.doc): converted to .docx by LibreOffice, read as one.

Why LibreOffice: of the converters Debian packages, only it keeps a table's structure (cells,
rows, merged 一级/二级 cells); measured on the example's .doc rendering, antiword draws tables
as text art whose wrapped cells run over several lines and drops cells of rows wider than the
first, catdoc separates cells by tabs but breaks a cell's lines into separate rows, and
wvHtml writes HTML whose vertically merged cells are lost (docs/formats.md, DOC). LibreOffice
writes the same WordprocessingML a .docx holds, so the DOCX reader (:mod:`.docx`) reads it
and every DOCX rule (merged cells, tables split by a page break) holds for .doc too.

Before converting, the compound file's ``WordDocument`` stream is checked (xlrd's compound
file reader): its File Information Block must start with Word's magic number, and a document
with an open password (``fEncrypted``) is refused at once with advice.

The conversion runs ``soffice --headless --convert-to docx`` in a temporary directory, with a
fresh LibreOffice profile there (conversions running at the same time share nothing), in its
own process group, killed whole when it runs past its time limit: 60 s, or what is left of
the document's reading budget (:mod:`.budget`). Failing conversions raise
:class:`~jixiao.errors.UnreadableFile` naming the file; without LibreOffice,
:class:`~jixiao.errors.UnsupportedFormat` says what to install or to save the file as .docx.

Provenance is the DOCX reader's (``table_index``, ``row``, ``column``), as Word numbers them.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import Final

from jixiao.errors import EncryptedFile, UnreadableFile, UnsupportedFormat
from jixiao.ingest.budget import check_budget, remaining_seconds
from jixiao.ingest.grid import Grid

CONVERSION_SECONDS: Final = 60.0
SOFFICE_PATHS: Final = (
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
_WORD_MAGIC: Final = (0xA5EC, 0xA5DC)  # Word 97-2003; Word 6/95
_ENCRYPTED_FLAG: Final = 0x0100  # FibBase.fEncrypted
_SAVE_AS_DOCX: Final = "请在 Word/WPS 中打开并另存为 .docx 后再读取"


def read_doc(data: bytes, file: str) -> Grid:
    """An old Word document's paragraphs and tables, as the DOCX reader reads its conversion."""
    from jixiao.ingest.docx import read_docx

    check_word_stream(data, file)
    grid = read_docx(convert_to_docx(data, file), file)
    grid.format = "doc"
    return grid


def check_word_stream(data: bytes, file: str) -> None:
    """Refuse a damaged or password-protected document before starting a converter."""
    import xlrd.compdoc

    try:
        stream = xlrd.compdoc.CompDoc(data, logfile=io.StringIO()).get_named_stream("WordDocument")
    except Exception:  # xlrd raises several kinds on a damaged compound file
        stream = None
    if stream is None or len(stream) < 12:
        raise UnreadableFile(file, f"旧版 Word 文档（.doc）已损坏，找不到正文；{_SAVE_AS_DOCX}")
    magic = int.from_bytes(stream[0:2], "little")
    flags = int.from_bytes(stream[10:12], "little")
    if magic not in _WORD_MAGIC:
        raise UnreadableFile(
            file, f"旧版 Word 文档（.doc）已损坏，正文格式无法识别；{_SAVE_AS_DOCX}"
        )
    if flags & _ENCRYPTED_FLAG:
        raise EncryptedFile(
            file, "Word 文档设有打开密码（已加密），无法读取；请取消打开密码后另存为 .docx 再读取"
        )


def find_soffice() -> str | None:
    """LibreOffice's ``soffice`` on the PATH or where packages install it, or None."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    return found or next((path for path in SOFFICE_PATHS if os.access(path, os.X_OK)), None)


def conversion_seconds() -> float:
    left = remaining_seconds()
    return CONVERSION_SECONDS if left is None else min(CONVERSION_SECONDS, left)


def convert_to_docx(data: bytes, file: str) -> bytes:
    """The document converted by LibreOffice (headless), as .docx bytes."""
    soffice = find_soffice()
    if soffice is None:
        raise UnsupportedFormat(
            file,
            "读取旧版 Word 文档（.doc）需要 LibreOffice，本机未安装（Debian/Ubuntu："
            f"apt-get install libreoffice-writer-nogui）；或{_SAVE_AS_DOCX[1:]}",
        )
    with tempfile.TemporaryDirectory(prefix="jixiao-doc-") as directory:
        folder = Path(directory)
        source = folder / "document.doc"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder),
            str(source),
        ]
        run_converter(command, folder, file)
        converted = folder / "document.docx"
        if not converted.is_file() or converted.stat().st_size == 0:
            raise UnreadableFile(
                file,
                "旧版 Word 文档（.doc）无法转换（文件可能已损坏，或不是 Word 文档）；"
                + _SAVE_AS_DOCX,
            )
        return converted.read_bytes()


def run_converter(command: list[str], folder: Path, file: str) -> None:
    """Run LibreOffice in its own process group; kill the group when it takes too long."""
    seconds = conversion_seconds()
    environment = {**os.environ, "HOME": str(folder)}  # nothing written to the user's home
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=folder,
        env=environment,
        start_new_session=True,
    )
    try:
        process.wait(timeout=max(seconds, 0.1))
    except subprocess.TimeoutExpired:
        stop(process)
        check_budget()  # the document's reading budget ran out: ReadingTimeLimit
        raise UnreadableFile(
            file,
            f"旧版 Word 文档（.doc）转换超过 {seconds:g} 秒，已停止；" + _SAVE_AS_DOCX,
        ) from None
    finally:
        if process.poll() is None:
            stop(process)


def stop(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
