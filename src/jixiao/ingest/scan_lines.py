"""The text lines of a scanned page: dust removed, ink grouped into lines per table cell.

Used by :mod:`jixiao.ingest.scan` once the page is upright and its ruled tables are found
(:mod:`jixiao.ingest.ruling`). Linear in the ink's connected components, plus one cell lookup
per component (O(components × cells of its table)).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import cv2
import numpy as np
from numpy.typing import NDArray

from jixiao.ingest.ruling import Box, Image, RuledTable

OUTSIDE_GAP: Final = 2.5  # outside tables, a gap this many text heights wide splits a line


@dataclass(frozen=True, slots=True)
class TextLine:
    box: Box
    table: int | None  # index of the table whose cell holds it, None outside tables
    cell: int | None  # index of the cell in that table


def text_components(text: Image, dpi: float) -> tuple[Image, list[Box]]:
    """The ink worth reading and its components' boxes.

    A speck (a blob no larger than a 20th of an inch) is kept only where punctuation can be:

    * between larger ink on its line, within an eighth of an inch on both sides (a decimal
      point, the dots of a colon);
    * just after the end of a line's text (within a 30th of an inch): low (a full stop, a
      comma) or, a stroke taller than wide, high (a closing quote);
    * just before the start of a line's text, low or high (an opening quote; a comma that a
      wrapped line starts with, which may stand an eighth of an inch off if it is a stroke).

    Anywhere else — alone, or at the middle height of the text beside it — it is dust on the
    glass, and is not read.
    """
    _, labels, stats, centroids = cv2.connectedComponentsWithStats(text, connectivity=8)
    small = dpi / 20
    sizes = stats[:, cv2.CC_STAT_WIDTH : cv2.CC_STAT_HEIGHT + 1]
    is_small = (sizes[:, 0] <= small) & (sizes[:, 1] <= small)
    is_small[0] = True  # the background
    big = np.isin(labels, np.nonzero(~is_small)[0]).astype(np.uint8) * 255
    close, reach = round(dpi / 30), round(dpi / 8)
    wide, near = np.ones((5, reach), np.uint8), np.ones((5, close), np.uint8)
    # larger ink within reach to the right of a pixel, and to its left
    right_wide, right_close = (cv2.dilate(big, k, anchor=(0, 2)) for k in (wide, near))
    left_wide, left_close = (cv2.dilate(big, k, anchor=(k.shape[1] - 1, 2)) for k in (wide, near))
    keep = ~is_small
    for label in np.nonzero(is_small)[0][1:]:
        x, _, w, h = (int(v) for v in stats[label, :4])
        cy = round(float(centroids[label][1]))
        if left_wide[cy, x] and right_wide[cy, x + w - 1]:
            keep[label] = True
            continue
        tall = h >= 1.5 * w  # a stroke: a comma's or a quote's
        if left_close[cy, x]:  # after the end of the text: a full stop, a comma, a quote
            at = _height_beside(labels, stats, is_small, cy, max(0, x - close), x)
            keep[label] = at is not None and (at > 0.65 or (at < 0.35 and tall))
        elif right_close[cy, x + w - 1] or (tall and right_wide[cy, x + w - 1]):
            # before the start: an opening quote, a comma that starts a wrapped line
            end = x + w + (close if right_close[cy, x + w - 1] else reach)
            at = _height_beside(labels, stats, is_small, cy, x + w, end)
            keep[label] = at is not None and (at > 0.65 or at < 0.35)
        else:
            keep[label] = False
    mask = np.isin(labels, np.nonzero(keep)[0]).astype(np.uint8) * 255
    boxes = [
        Box(int(x), int(y), int(x + w), int(y + h))
        for (x, y, w, h) in stats[np.nonzero(keep)[0], :4].tolist()
    ]
    return mask, boxes


def _height_beside(
    labels: NDArray[Any],
    stats: NDArray[Any],
    is_small: NDArray[np.bool_],
    y: int,
    x0: int,
    x1: int,
) -> float | None:
    """Where ``y`` lies on the larger ink at rows y±2 between x0 and x1: 0 its top, 1 its
    bottom (the glyphs it belongs to, whole); None if there is none."""
    near = {int(n) for n in np.unique(labels[max(0, y - 2) : y + 3, x0:x1]) if not is_small[n]}
    if not near:
        return None
    top = min(int(stats[n, cv2.CC_STAT_TOP]) for n in near)
    bottom = max(int(stats[n, cv2.CC_STAT_TOP] + stats[n, cv2.CC_STAT_HEIGHT]) for n in near)
    return (y - top) / max(1, bottom - top)


def group_lines(boxes: list[Box], tables: list[RuledTable], dpi: float) -> list[TextLine]:
    """Components grouped into text lines: per table cell, and outside tables (where a wide
    gap splits a line: the department on the left, 单位：元 on the right)."""
    heights = [box.height for box in boxes if box.height > dpi / 30]
    text_height = float(np.median(heights)) if heights else dpi / 8
    regions: dict[tuple[int | None, int | None], list[Box]] = {}
    for box in boxes:
        regions.setdefault(place_of(box, tables), []).append(box)
    lines: list[TextLine] = []
    for (table, cell), members in regions.items():
        for band in bands(members, text_height):
            pieces = [band] if table is not None else split_wide_gaps(band, text_height)
            lines.extend(TextLine(enclose(piece), table, cell) for piece in pieces)
    lines.sort(key=lambda line: (line.box.y0, line.box.x0))
    return lines


def place_of(box: Box, tables: list[RuledTable]) -> tuple[int | None, int | None]:
    x = (box.x0 + box.x1) / 2
    y = (box.y0 + box.y1) / 2
    for t, table in enumerate(tables):
        if not inside(table.box, x, y):
            continue
        for c, cell in enumerate(table.cells):
            if inside(cell.box, x, y):
                return t, c
    return None, None


def inside(box: Box, x: float, y: float) -> bool:
    return box.x0 <= x < box.x1 and box.y0 <= y < box.y1


def bands(members: list[Box], text_height: float) -> list[list[Box]]:
    """Boxes grouped into lines.

    Boxes of about a character's height are grouped by overlapping rows of ink; neighbouring
    groups whose union is no taller than a line are one (the strokes of 二 or 三 standing
    alone). A taller box joins the one group it overlaps; one that crosses two lines (a hair
    on the glass) is dropped; the rest (a title's larger characters) are grouped by overlap
    among themselves.
    """
    normal = [box for box in members if box.height <= text_height * 1.5]
    groups = overlapping(normal)
    merged: list[list[Box]] = []
    for group in groups:
        if merged:
            top = min(b.y0 for b in merged[-1])
            if max(b.y1 for b in group) - top <= text_height * 1.3:
                merged[-1].extend(group)
                continue
        merged.append(group)
    spans = [(min(b.y0 for b in g), max(b.y1 for b in g)) for g in merged]
    alone: list[Box] = []
    for box in members:
        if box.height <= text_height * 1.5:
            continue
        crossed = [i for i, (y0, y1) in enumerate(spans) if box.y0 < y1 and y0 < box.y1]
        if len(crossed) == 1:
            merged[crossed[0]].append(box)
        elif not crossed:
            alone.append(box)
    return sorted(merged + overlapping(alone), key=lambda g: min(b.y0 for b in g))


def overlapping(boxes: list[Box]) -> list[list[Box]]:
    groups: list[list[Box]] = []
    bottom = 0
    for box in sorted(boxes, key=lambda b: b.y0):
        if groups and box.y0 < bottom:
            groups[-1].append(box)
            bottom = max(bottom, box.y1)
        else:
            groups.append([box])
            bottom = box.y1
    return groups


def split_wide_gaps(band: list[Box], text_height: float) -> list[list[Box]]:
    pieces: list[list[Box]] = []
    for box in sorted(band, key=lambda b: b.x0):
        if pieces and box.x0 - max(b.x1 for b in pieces[-1]) <= text_height * OUTSIDE_GAP:
            pieces[-1].append(box)
        else:
            pieces.append([box])
    return pieces


def enclose(boxes: list[Box]) -> Box:
    return Box(
        min(b.x0 for b in boxes),
        min(b.y0 for b in boxes),
        max(b.x1 for b in boxes),
        max(b.y1 for b in boxes),
    )
