"""Glyphs and ruling lines read by pdfium give the grids pdfplumber's own reading gives.

The PDF reader takes a page's objects from pdfium (:mod:`jixiao.ingest.pdf_objects`) and reads
a page with pdfplumber (pdfminer) only where pdfium's reading could differ in kind. Both ways
are compared here on every text PDF fixture, object by object and grid by grid, and the pages
sent to pdfplumber are shown to be read as before.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from reportlab.pdfgen.canvas import Canvas

from jixiao.ingest.pdf import PdfSettings, read_pdf
from jixiao.ingest.pdf_objects import PDFIUM_LOCK, page_objects

FIXTURES = [
    "binhai-zuzhibu-2024.pdf",
    "binhai-zuzhibu-2024-pagebreak.pdf",
    "binhai-zuzhibu-2024-book.pdf",
]
PDFMINER = PdfSettings(pdfium=False)


@pytest.mark.parametrize("name", FIXTURES)
def test_fixtures_are_read_by_pdfium_into_the_same_grid(documents: Path, name: str) -> None:
    data = (documents / name).read_bytes()
    document = pdfium.PdfDocument(data)
    with PDFIUM_LOCK:
        read = [page_objects(document, index, 0.0) for index in range(len(document))]
        document.close()
    assert None not in read  # every page read by pdfium: the comparison below is not trivial
    assert read_pdf(data, name) == read_pdf(data, name, PDFMINER)


@pytest.mark.parametrize("name", FIXTURES)
def test_glyphs_and_edges_are_pdfminers(documents: Path, name: str) -> None:
    """Same glyphs in the same order, boxes within a fraction of a point (pdfium advances by
    whole thousandths of an em), the same edges."""
    data = (documents / name).read_bytes()
    document = pdfium.PdfDocument(data)
    doctop = 0.0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for index, page in enumerate(pdf.pages):
            with PDFIUM_LOCK:
                objects = page_objects(document, index, doctop)
            doctop += page.height
            assert objects is not None
            assert [c["text"] for c in objects.chars] == [c["text"] for c in page.chars]
            for ours, theirs in zip(objects.chars, page.chars, strict=True):
                for key in ("x0", "x1", "top", "bottom", "doctop"):
                    assert ours[key] == pytest.approx(theirs[key], abs=0.25)
            assert len(objects.edges) == len(page.edges)
            for ours, theirs in zip(objects.edges, page.edges, strict=True):
                assert ours["object_type"] == theirs["object_type"]
                assert ours["orientation"] == theirs["orientation"]
                for key in ("x0", "x1", "top", "bottom"):
                    assert ours[key] == pytest.approx(theirs[key], abs=1e-3)
            assert objects.images == len(page.images)
    document.close()


def ruled_pdf(draw: Callable[[Canvas], None], *, rotate: int = 0) -> bytes:
    """One page: a ruled two-by-two table with text in its cells, and what ``draw`` adds."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(400, 300))
    canvas.rect(50, 50, 300, 200)
    canvas.line(50, 150, 350, 150)
    canvas.line(200, 50, 200, 250)
    canvas.drawString(60, 200, "Name")
    canvas.drawString(210, 200, "Value")
    canvas.drawString(60, 100, "Cost")
    canvas.drawString(210, 100, "100")
    draw(canvas)
    canvas.showPage()
    canvas.save()
    if not rotate:
        return out.getvalue()
    document = pdfium.PdfDocument(out.getvalue())
    document[0].set_rotation(rotate)
    turned = io.BytesIO()
    document.save(turned)
    return turned.getvalue()


def nothing(canvas: Canvas) -> None:
    pass


def drawn_twice(canvas: Canvas) -> None:
    canvas.drawString(60, 200, "Name")  # pdfium drops a repeat, pdfminer keeps it


def turned_text(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.translate(120, 60)
    canvas.rotate(90)
    canvas.drawString(0, 0, "Up")
    canvas.restoreState()


def hyphen_at_line_end(canvas: Canvas) -> None:
    text = canvas.beginText(60, 120)
    text.textLine("inter-")  # pdfium reads the hyphen as U+FFFE, not as the glyph printed
    text.textLine("national")
    canvas.drawText(text)


def scaled_text(canvas: Canvas) -> None:
    canvas.saveState()
    canvas.scale(2, 2)
    canvas.drawString(30, 100, "Big")
    canvas.restoreState()


@pytest.mark.parametrize(
    ("draw", "rotate", "by_pdfium"),
    [
        (nothing, 0, True),
        (scaled_text, 0, True),
        (drawn_twice, 0, False),
        (turned_text, 0, False),
        (hyphen_at_line_end, 0, False),
        (nothing, 90, False),
    ],
)
def test_pages_pdfium_may_read_differently_are_read_by_pdfplumber(
    draw: Callable[[Canvas], None], rotate: int, by_pdfium: bool
) -> None:
    data = ruled_pdf(draw, rotate=rotate)
    document = pdfium.PdfDocument(data)
    with PDFIUM_LOCK:
        objects = page_objects(document, 0, 0.0)
        document.close()
    assert (objects is not None) == by_pdfium
    assert read_pdf(data, "t.pdf") == read_pdf(data, "t.pdf", PDFMINER)


def test_scaled_text_has_pdfminers_size() -> None:
    document = pdfium.PdfDocument(ruled_pdf(scaled_text))
    with PDFIUM_LOCK:
        objects = page_objects(document, 0, 0.0)
        document.close()
    assert objects is not None
    assert [c["size"] for c in objects.chars if c["text"] == "B"] == [24.0]


def ligature_pdf() -> bytes:
    """A page whose font maps one code to two characters (a ligature: code 1 prints "fi")."""
    cmap = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Lig def "
        b"1 begincodespacerange <00> <FF> endcodespacerange "
        b"2 beginbfchar <01> <00660069> <41> <0041> endbfchar "
        b"endcmap CMapName currentdict /CMap defineresource pop end end"
    )
    content = b"50 50 300 200 re S BT /F1 12 Tf 60 200 Td (\x01A\x01) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 400 300] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_a_code_printing_two_characters_is_one_glyph_as_in_pdfminer() -> None:
    data = ligature_pdf()
    document = pdfium.PdfDocument(data)
    with PDFIUM_LOCK:
        objects = page_objects(document, 0, 0.0)
        document.close()
    assert objects is not None
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        expected = [char["text"] for char in pdf.pages[0].chars]
    assert expected == ["fi", "A", "fi"]
    assert [char["text"] for char in objects.chars] == expected
