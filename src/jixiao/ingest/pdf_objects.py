"""A page's glyphs and ruling lines read by pdfium, as the objects pdfplumber finds tables in.

pdfplumber takes a page's objects from pdfminer, which interprets the content stream in
Python: nine tenths of the time a PDF takes to read. pdfium (pypdfium2, pdfplumber's own
dependency) interprets it in C++, some thirty times faster. This module reads with pdfium what
the table finding and the text extraction use, in pdfplumber's form, so that pdfplumber's
:class:`~pdfplumber.table.TableFinder` and text extraction run on them unchanged:

* glyphs (``chars``): pdfium's characters less the spaces and line breaks pdfium generates,
  ``x0`` at the glyph's origin and ``x1`` one advance further, the box from the font's
  descent to one font size above it (as pdfminer's ``LTChar``); a character code that maps to
  several characters (a ligature) is one glyph, as in pdfminer;
* ruling lines (``edges``): every painted path, split into subpaths at each move and sorted
  into lines, rectangles and curves by pdfminer's rules (``PDFLayoutAnalyzer.paint_path``),
  then into edges by pdfplumber's (``line_to_edge``, ``rect_to_edges``, ``curve_to_edges``),
  in the order pdfplumber lists them; paths inside form XObjects with their form's matrix.

pdfium positions glyphs with advances in whole thousandths of an em where pdfminer uses the
font's exact widths: with fractional widths (reportlab, TeX; not Word, WPS or LibreOffice)
positions drift by hundredths of a point along a run of text, below the tolerances that
decide spaces, lines and cells unless a gap lies within that drift of the space threshold.
Where pdfium's reading could differ in kind, the page is not read here (:func:`page_objects`
returns None) and the caller reads it with pdfplumber: a rotated page or one whose media box
is not at the origin, a glyph that is turned, mirrored or set in vertical writing, a glyph
without a Unicode mapping (pdfminer writes ``(cid:N)``), a glyph pdfium drops as a repeat of
the one before (text drawn twice for a bold effect), a hyphen pdfium reads as ending a line
between two letters (U+FFFE: the glyph is not told).

:data:`PDFIUM_LOCK` serialises every use of pdfium in the process: it is not thread-safe, and
the web app reads documents in threads.
"""

from __future__ import annotations

import ctypes
import threading
from dataclasses import dataclass
from typing import Any, Final

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pdfplumber.utils.geometry import curve_to_edges, line_to_edge, rect_to_edges

PDFIUM_LOCK: Final = threading.Lock()

_TEXT: Final = pdfium_c.FPDF_PAGEOBJ_TEXT
_PATH: Final = pdfium_c.FPDF_PAGEOBJ_PATH
_IMAGE: Final = pdfium_c.FPDF_PAGEOBJ_IMAGE
_FORM: Final = pdfium_c.FPDF_PAGEOBJ_FORM
_MOVE: Final = pdfium_c.FPDF_SEGMENT_MOVETO
_LINE: Final = pdfium_c.FPDF_SEGMENT_LINETO
_BEZIER: Final = pdfium_c.FPDF_SEGMENT_BEZIERTO

# pdfium's text for a hyphen ending a line between two letters: the glyph it stands for
# (``-`` or a soft hyphen) is not told
_HYPHEN_AT_LINE_END: Final = "\ufffe"

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
_IDENTITY: Final[Matrix] = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


@dataclass(slots=True)
class PageObjects:
    """What the table finder and the text extraction read of one page (pdfplumber's names:
    top-down coordinates in points, ``bbox`` the media box)."""

    number: int
    bbox: tuple[float, float, float, float]
    chars: list[dict[str, Any]]
    edges: list[dict[str, Any]]
    images: int


def page_objects(document: pdfium.PdfDocument, index: int, doctop: float) -> PageObjects | None:
    """Page ``index`` (from 0) read by pdfium, or None where its reading could differ from
    pdfminer's (see the module's docstring). ``doctop``: the heights of the pages before it.
    The caller holds :data:`PDFIUM_LOCK`."""
    page = document[index]
    try:
        textpage = pdfium_c.FPDFText_LoadPage(page.raw)
        if not textpage:
            return None
        try:
            return loaded_page_objects(page, textpage, index, doctop)
        finally:
            pdfium_c.FPDFText_ClosePage(textpage)
    finally:
        page.close()


def loaded_page_objects(
    page: pdfium.PdfPage, textpage: Any, index: int, doctop: float
) -> PageObjects | None:
    """:func:`page_objects` of a page and its text page (``FPDF_TEXTPAGE``) loaded already,
    which the caller closes."""
    left, bottom, right, top = page.get_mediabox()
    if page.get_rotation() != 0 or left != 0 or bottom != 0:
        return None
    read = _read_chars(textpage, top, doctop)
    if read is None:
        return None
    chars, text_objects = read
    shapes = _Shapes(top, doctop)
    _walk(_address(page.raw), _page_object_count, _page_object, _IDENTITY, shapes)
    if shapes.text_objects - text_objects:  # text pdfium dropped as a repeat (or empty text)
        return None
    edges = [line_to_edge(line) for line in shapes.lines]  # in pdfplumber's order
    edges += [edge for rect in shapes.rects for edge in rect_to_edges(rect)]
    edges += [edge for curve in shapes.curves for edge in curve_to_edges(curve)]
    return PageObjects(index + 1, (0.0, 0.0, right, top), chars, edges, shapes.images)


def _address(handle: Any) -> int:
    return ctypes.cast(handle, ctypes.c_void_p).value or 0


def _by_address(function: Any, restype: Any, *argtypes: Any) -> Any:
    """A pdfium function taking and returning objects as plain addresses (ints): called for
    every glyph and object, where casting pypdfium2's typed pointers costs as much as the call."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(_address(function))


_VOID: Final = ctypes.c_void_p
_text_object: Final = _by_address(pdfium_c.FPDFText_GetTextObject, _VOID, _VOID, ctypes.c_int)
_text_font: Final = _by_address(pdfium_c.FPDFTextObj_GetFont, _VOID, _VOID)
_font_descent: Final = _by_address(
    pdfium_c.FPDFFont_GetDescent,
    ctypes.c_int,
    _VOID,
    ctypes.c_float,
    ctypes.POINTER(ctypes.c_float),
)
_page_object: Final = _by_address(pdfium_c.FPDFPage_GetObject, _VOID, _VOID, ctypes.c_int)
_page_object_count: Final = _by_address(pdfium_c.FPDFPage_CountObjects, ctypes.c_int, _VOID)
_form_object: Final = _by_address(pdfium_c.FPDFFormObj_GetObject, _VOID, _VOID, ctypes.c_ulong)
_form_object_count: Final = _by_address(pdfium_c.FPDFFormObj_CountObjects, ctypes.c_int, _VOID)
_object_type: Final = _by_address(pdfium_c.FPDFPageObj_GetType, ctypes.c_int, _VOID)
_object_matrix: Final = _by_address(
    pdfium_c.FPDFPageObj_GetMatrix, ctypes.c_int, _VOID, ctypes.POINTER(pdfium_c.FS_MATRIX)
)


def _read_chars(
    textpage: Any, height: float, doctop: float
) -> tuple[list[dict[str, Any]], set[int]] | None:
    """The page's glyphs and the text objects they come from; None when a glyph would be read
    differently from pdfminer."""
    count = pdfium_c.FPDFText_CountChars(textpage)
    if count < 0:
        return None
    buffer = (ctypes.c_ushort * (count + 1))()
    pdfium_c.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(buffer)[: count * 2].decode("utf-16-le", errors="surrogatepass")
    if len(text) != count:
        return None
    x = ctypes.c_double()
    y = ctypes.c_double()
    box = pdfium_c.FS_RECTF()
    matrix = pdfium_c.FS_MATRIX()
    descent = ctypes.c_float()
    objects: dict[int, tuple[float, float]] = {}  # text object → font size, descent
    chars: list[dict[str, Any]] = []
    # the text object, origin and width of the glyph before
    previous: tuple[int, float, float, float] | None = None
    for index in range(count):
        if pdfium_c.FPDFText_IsGenerated(textpage, index):
            continue
        if (
            pdfium_c.FPDFText_HasUnicodeMapError(textpage, index)
            or "\ud800" <= text[index] <= "\udfff"
            or text[index] == _HYPHEN_AT_LINE_END
        ):
            return None
        key = _text_object(textpage, index) or 0
        known = objects.get(key)
        if known is None:
            if not key or not pdfium_c.FPDFText_GetMatrix(textpage, index, matrix):
                return None
            upright = matrix.b == 0 and matrix.c == 0 and matrix.a > 0 and matrix.d > 0
            size = pdfium_c.FPDFText_GetFontSize(textpage, index)
            font = _text_font(key)
            if not upright or size <= 0 or not font:
                return None
            if not _font_descent(font, size, ctypes.byref(descent)):
                return None
            # pdfium's font size is the text state's: pdfminer's glyph box is scaled by the
            # text and graphics matrices (upright: their vertical scale)
            known = objects[key] = (size * matrix.d, -abs(descent.value) * matrix.d)
        size, below = known
        pdfium_c.FPDFText_GetCharOrigin(textpage, index, x, y)
        pdfium_c.FPDFText_GetLooseCharBox(textpage, index, box)
        width = box.right - box.left
        if previous is not None and previous[0] == key:
            if previous[1:] == (x.value, y.value, width):  # one code, several characters
                chars[-1]["text"] += text[index]
                continue
            if previous[2] != y.value:  # vertical writing
                return None
        previous = (key, x.value, y.value, width)
        x0 = x.value
        x1 = x0 + width
        y0 = y.value + below
        y1 = y0 + size
        top = height - y1
        chars.append(
            {
                "object_type": "char",
                "text": text[index],
                "x0": x0,
                "x1": x1,
                "y0": y0,
                "y1": y1,
                "top": top,
                "bottom": height - y0,
                "doctop": doctop + top,
                "width": x1 - x0,
                "height": size,
                "size": size,
                "upright": True,
            }
        )
    return chars, set(objects)


class _Shapes:
    """Painted paths sorted into pdfminer's lines, rectangles and curves (pdfplumber's dicts),
    the text objects met and the images counted, while walking a page's objects."""

    def __init__(self, height: float, doctop: float) -> None:
        self.height = height
        self.doctop = doctop
        self.lines: list[dict[str, Any]] = []
        self.rects: list[dict[str, Any]] = []
        self.curves: list[dict[str, Any]] = []
        self.text_objects: set[int] = set()
        self.images = 0

    def paint(self, path: Any, matrix: Matrix) -> None:
        """One path object: each subpath as pdfminer's ``paint_path`` sees it."""
        point_x = ctypes.c_float()
        point_y = ctypes.c_float()
        subpaths: list[tuple[str, list[Point]]] = []
        shape: list[str] = []
        points: list[Point] = []
        pending_bezier = 0
        for index in range(pdfium_c.FPDFPath_CountSegments(path)):
            segment = pdfium_c.FPDFPath_GetPathSegment(path, index)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            pdfium_c.FPDFPathSegment_GetPoint(segment, point_x, point_y)
            point = _apply(matrix, point_x.value, point_y.value)
            if kind == _MOVE:
                if len(shape) > 1:
                    subpaths.append(("".join(shape), points))
                shape, points, pending_bezier = ["m"], [point], 0
                continue
            if not shape:  # pdfminer paints no path that does not begin with a move
                return
            if kind == _BEZIER:
                pending_bezier += 1
                if pending_bezier < 3:  # control points: pdfminer keeps each curve's end
                    continue
                pending_bezier = 0
                shape.append("c")
            elif kind == _LINE:
                shape.append("l")
            else:
                return
            points.append(point)
            if pdfium_c.FPDFPathSegment_GetClose(segment):
                # pdfium closes a subpath with a line back to its start, or marks the segment
                # that ends there; pdfminer reads ``h`` as a point at the start
                if shape[-1] == "l" and point == points[0]:
                    shape[-1] = "h"
                else:
                    shape.append("h")
                    points.append(points[0])
        if len(shape) > 1:
            subpaths.append(("".join(shape), points))
        for shape_text, subpath_points in subpaths:
            self._add(shape_text, subpath_points)

    def _add(self, shape: str, points: list[Point]) -> None:
        if len(shape) > 3 and shape[-2:] == "lh" and points[-2] == points[0]:
            shape = shape[:-2] + "h"
            points = points[:-2] + points[-1:]
        if shape in {"mlh", "ml"}:
            self.lines.append(self._object("line", points[:2]))
            return
        if shape in {"mlllh", "mllll"}:
            (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = points
            closed = points[0] == points[4]
            square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
                y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
            )
            if closed and square:
                self.rects.append(self._object("rect", [points[0], points[2]]))
                return
        curve = self._object("curve", points)
        curve["pts"] = [(px, self.height - py) for px, py in points]
        self.curves.append(curve)

    def _object(self, kind: str, points: list[Point]) -> dict[str, Any]:
        x0 = min(px for px, _ in points)
        x1 = max(px for px, _ in points)
        y0 = min(py for _, py in points)
        y1 = max(py for _, py in points)
        top = self.height - y1
        return {
            "object_type": kind,
            "x0": x0,
            "y0": y0,
            "x1": x1,
            "y1": y1,
            "width": x1 - x0,
            "height": y1 - y0,
            "top": top,
            "bottom": self.height - y0,
            "doctop": self.doctop + top,
        }


def _apply(matrix: Matrix, x: float, y: float) -> Point:
    a, b, c, d, e, f = matrix
    return (a * x + c * y + e, b * x + d * y + f)


def _multiply(inner: Matrix, outer: Matrix) -> Matrix:
    """``inner`` then ``outer`` (pdfminer's ``mult_matrix(inner, outer)``)."""
    a1, b1, c1, d1, e1, f1 = inner
    a0, b0, c0, d0, e0, f0 = outer
    return (
        a0 * a1 + c0 * b1,
        b0 * a1 + d0 * b1,
        a0 * c1 + c0 * d1,
        b0 * c1 + d0 * d1,
        a0 * e1 + c0 * f1 + e0,
        b0 * e1 + d0 * f1 + f0,
    )


def _walk(parent: int, count: Any, get: Any, outer: Matrix, shapes: _Shapes) -> None:
    """Every object of a page or form (by address), forms entered with their matrix."""
    matrix = pdfium_c.FS_MATRIX()
    for index in range(count(parent)):
        obj = get(parent, index) or 0
        kind = _object_type(obj)
        if kind == _TEXT:
            shapes.text_objects.add(obj)
        elif kind == _IMAGE:
            shapes.images += 1
        elif kind in (_PATH, _FORM):
            if not _object_matrix(obj, ctypes.byref(matrix)):
                continue
            own: Matrix = (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)
            if kind == _PATH:
                shapes.paint(ctypes.cast(obj, pdfium_c.FPDF_PAGEOBJECT), _multiply(own, outer))
            else:
                _walk(obj, _form_object_count, _form_object, _multiply(own, outer), shapes)
