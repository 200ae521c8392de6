"""Finding ruled tables in a page image: deskew, ruling lines, cells with their spans.

This is the image counterpart of pdfplumber's table finding (``ingest/pdf.py``), and like it a
separate step from reading the cells' text (``ingest/scan.py``):

1. the page is binarised (dark ink on white, adaptive threshold: a scan's grey varies);
2. long horizontal strokes are kept by a morphological opening with a kernel a quarter inch
   long, vertical ones with a fifth of an inch (no character stroke is that long at the
   sizes forms are printed in); the skew is the median slope of the long horizontal lines,
   and the page is turned back by it (:func:`deskew`);
3. each connected group of ruling lines at least an inch wide is a table; its distinct line
   positions (clustered within a 30th of an inch) are the row and column boundaries;
4. a boundary between two neighbouring grid positions exists when a ruling segment covers
   at least half of it; positions without a boundary between them are one merged cell, whose
   ``rowspan``/``colspan`` count the grid positions it covers (as the PDF reader measures
   spans against pdfplumber's grid).

Everything is linear in the number of pixels, plus O(rows × columns) per table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import cv2
import numpy as np
from numpy.typing import NDArray

Image = NDArray[Any]  # a greyscale or binary page, 8 bits a pixel (OpenCV's types are loose)

MAX_SKEW: Final = 5.0  # degrees: a page turned further is not a skewed scan


@dataclass(frozen=True, slots=True)
class Box:
    x0: int
    y0: int
    x1: int
    y1: int

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.y1 - self.y0


@dataclass(frozen=True, slots=True)
class GridCell:
    """A cell of a ruled table: its top-left grid position, spans and pixel box."""

    row: int
    column: int
    rowspan: int
    colspan: int
    box: Box


@dataclass(frozen=True, slots=True)
class RuledTable:
    box: Box
    rows: int
    columns: int
    cells: tuple[GridCell, ...]
    lines: tuple[Box, ...]  # the ruling segments found (for debug images)

    def row_top(self, row: int) -> int:
        return min(cell.box.y0 for cell in self.cells if cell.row == row)


@dataclass(frozen=True, slots=True)
class _Segment:
    position: float  # y of a horizontal segment, x of a vertical one
    start: int
    end: int


def binarize(grey: Image) -> Image:
    """Ink as 255 on 0, with a threshold that follows the page's local brightness."""
    return cv2.adaptiveThreshold(
        grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15
    )


def ruling_masks(ink: Image, dpi: float) -> tuple[Image, Image]:
    """The horizontal and the vertical ruling strokes of a binarised page."""
    across = cv2.getStructuringElement(cv2.MORPH_RECT, (max(8, round(dpi / 4)), 1))
    down = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(8, round(dpi / 5))))
    horizontal = cv2.morphologyEx(ink, cv2.MORPH_OPEN, across)
    vertical = cv2.morphologyEx(ink, cv2.MORPH_OPEN, down)
    return horizontal, vertical


def skew_angle(grey: Image, dpi: float) -> float:
    """The page's skew in degrees (counter-clockwise positive), from its long horizontal
    lines; 0 when it has none."""
    horizontal, _ = ruling_masks(binarize(grey), dpi)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(horizontal, connectivity=8)
    slopes: list[float] = []
    weights: list[float] = []
    for label in range(1, count):
        width = int(stats[label, cv2.CC_STAT_WIDTH])
        if width < dpi * 2:
            continue
        x, y, w, h = (int(v) for v in stats[label, :4])
        ys, xs = np.nonzero(labels[y : y + h, x : x + w] == label)
        slope = float(np.polyfit(xs.astype(np.float64), ys.astype(np.float64), 1)[0])
        slopes.append(slope)
        weights.append(width)
    if not slopes:
        return 0.0
    order = np.argsort(slopes)
    cumulative = np.cumsum(np.asarray(weights)[order])
    median = slopes[int(order[np.searchsorted(cumulative, cumulative[-1] / 2)])]
    angle = float(np.degrees(np.arctan(median)))
    return angle if abs(angle) <= MAX_SKEW else 0.0


def deskew(grey: Image, dpi: float) -> tuple[Image, float]:
    """The page turned upright, and the angle it was turned by (degrees)."""
    angle = skew_angle(grey, dpi)
    if abs(angle) < 0.05:
        return grey, 0.0
    height, width = grey.shape
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), angle, 1.0)
    turned = cv2.warpAffine(
        grey,
        matrix,
        (width, height),
        flags=cv2.INTER_CUBIC,
        borderMode=cv2.BORDER_CONSTANT,
        borderValue=255,
    )
    return turned, angle


def find_tables(ink: Image, dpi: float) -> list[RuledTable]:
    """The ruled tables of an upright binarised page, top to bottom."""
    horizontal, vertical = ruling_masks(ink, dpi)
    across = _segments(horizontal, dpi, horizontal=True)
    down = _segments(vertical, dpi, horizontal=False)
    joined = cv2.dilate(cv2.bitwise_or(horizontal, vertical), np.ones((5, 5), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    tables: list[RuledTable] = []
    for label in range(1, count):
        x, y, w, h = (int(v) for v in stats[label, :4])
        if w < dpi or h < dpi * 0.3:
            continue
        box = Box(x, y, x + w, y + h)
        table = _table(box, across, down, dpi)
        if table is not None:
            tables.append(table)
    return sorted(tables, key=lambda table: table.box.y0)


def _segments(mask: Image, dpi: float, *, horizontal: bool) -> list[_Segment]:
    count, _, stats, centroids = cv2.connectedComponentsWithStats(mask, connectivity=8)
    minimum = dpi / 5
    found: list[_Segment] = []
    for label in range(1, count):
        x, y, w, h = (int(v) for v in stats[label, :4])
        if horizontal and w >= minimum:
            found.append(_Segment(float(centroids[label][1]), x, x + w))
        elif not horizontal and h >= minimum:
            found.append(_Segment(float(centroids[label][0]), y, y + h))
    return found


def _cluster(values: list[float], tolerance: float) -> list[int]:
    """Positions closer than ``tolerance`` are one line; each cluster's mean, in order."""
    clusters: list[list[float]] = []
    for value in sorted(values):
        if clusters and value - clusters[-1][-1] <= tolerance:
            clusters[-1].append(value)
        else:
            clusters.append([value])
    return [round(sum(c) / len(c)) for c in clusters]


def _covered(segments: list[_Segment], at: int, start: int, end: int, tolerance: float) -> bool:
    """Whether segments at ``at`` cover at least half of ``start``–``end``."""
    length = 0
    for segment in segments:
        if abs(segment.position - at) <= tolerance:
            length += max(0, min(segment.end, end) - max(segment.start, start))
    return length * 2 >= end - start


def _table(box: Box, across: list[_Segment], down: list[_Segment], dpi: float) -> RuledTable | None:
    tolerance = dpi / 30
    across = [
        s
        for s in across
        if box.y0 - 3 <= s.position <= box.y1 + 3 and s.start < box.x1 and s.end > box.x0
    ]
    down = [
        s
        for s in down
        if box.x0 - 3 <= s.position <= box.x1 + 3 and s.start < box.y1 and s.end > box.y0
    ]
    ys = _cluster([s.position for s in across], tolerance)
    xs = _cluster([s.position for s in down], tolerance)
    if len(ys) < 3 or len(xs) < 3:  # a frame around one cell (a box, a stamp) is no table
        return None
    rows, columns = len(ys) - 1, len(xs) - 1
    parent = list(range(rows * columns))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for row in range(rows):
        for column in range(columns):
            here = row * columns + column
            if column + 1 < columns and not _covered(
                down, xs[column + 1], ys[row], ys[row + 1], tolerance
            ):
                parent[root(here + 1)] = root(here)
            if row + 1 < rows and not _covered(
                across, ys[row + 1], xs[column], xs[column + 1], tolerance
            ):
                parent[root(here + columns)] = root(here)
    regions: dict[int, list[tuple[int, int]]] = {}
    for index in range(rows * columns):
        regions.setdefault(root(index), []).append(divmod(index, columns))
    cells = []
    for positions in regions.values():
        top = min(r for r, _ in positions)
        bottom = max(r for r, _ in positions)
        left = min(c for _, c in positions)
        right = max(c for _, c in positions)
        cells.append(
            GridCell(
                top,
                left,
                bottom - top + 1,
                right - left + 1,
                Box(xs[left], ys[top], xs[right + 1], ys[bottom + 1]),
            )
        )
    cells.sort(key=lambda cell: (cell.row, cell.column))
    lines = tuple(Box(round(s.start), round(s.position), s.end, round(s.position)) for s in across)
    lines += tuple(Box(round(s.position), s.start, round(s.position), s.end) for s in down)
    return RuledTable(box, rows, columns, tuple(cells), lines)
