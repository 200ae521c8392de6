"""Placing a row's cells under the indicator columns when the empty cells have vanished.

Pasted text keeps a row's cells in order but drops the empty ones (and the cells of a merged
一级/二级 block after its first row). Placing the cells is then an alignment: every cell goes
to a column to the right of the previous cell's, each placement scored by how well the text
fits the column (:mod:`.cells`), each skipped column costed by where it is:

* before the first cell: free for merged columns (一级, 二级, a multi-project sheet's project
  cells), costly otherwise — a row does not start at its 指标值;
* after the last cell: cheap (an empty 备注), but costly for 三级指标 and 指标值 (a cut row);
* between cells: a vanished empty cell, possible but not free.

Every alignment is enumerated (a row has at most a dozen cells), so that two alignments of
(nearly) the same score are seen: the cells they place differently are *uncertain* and are
not placed at all. A stream of cells with no row breaks (one cell per line) is cut into rows
by the same scores (:func:`segment_rows`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from jixiao.ingest.pasted.cells import MERGED_COLUMNS, fit, is_level_name
from jixiao.model.labels import Field

_LEAD_COST: Final = 4.0
_TRAIL_COSTS: Final[dict[Field | None, float]] = {Field.NAME: 5.0, Field.TARGET: 3.0}
_TRAIL_COST: Final = 0.2
_MIDDLE_COSTS: Final[dict[Field | None, float]] = {Field.LEVEL2: 1.0, Field.NAME: 5.0}
_PROJECT_COLUMNS: Final = frozenset({Field.PROJECT, Field.DEPARTMENT, Field.TOTAL, Field.GOALS})
_MIDDLE_COST: Final = 2.0
_ROW_COST: Final = 1.0
# Alignments scoring within this of the best are taken as equally likely.
_TIE: Final = 0.5


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a row's cells go: ``places[i]`` is the column of cell ``i``, None if uncertain."""

    places: tuple[int | None, ...]
    score: float
    uncertain: tuple[int, ...] = ()  # cells left out: two alignments disagree on them
    alternatives: tuple[tuple[int, ...], ...] = ()

    @property
    def is_certain(self) -> bool:
        return not self.uncertain


def skip_cost(field: Field | None, where: str) -> float:
    if where == "lead":
        return 0.0 if field in MERGED_COLUMNS else _LEAD_COST
    if where == "trail":
        return _TRAIL_COSTS.get(field, _TRAIL_COST)
    return _MIDDLE_COSTS.get(field, _MIDDLE_COST)


def alignment_score(
    texts: Sequence[str], fields: Sequence[Field | None], places: Sequence[int]
) -> float | None:
    score = 0.0
    for text, place in zip(texts, places, strict=True):
        value = fit(text, fields[place])
        if value is None:
            return None
        score += value
    first, last = places[0], places[-1]
    used = set(places)
    # a row with only a multi-project sheet's project cells (a department subtotal)
    project_only = all(fields[place] in _PROJECT_COLUMNS for place in places)
    for column, field in enumerate(fields):
        if column in used:
            continue
        where = "lead" if column < first else "trail" if column > last else "middle"
        if project_only and where == "trail" and field not in _PROJECT_COLUMNS:
            continue
        score -= skip_cost(field, where)
    return score - (_ROW_COST if project_only else 0.0)


def place_cells(texts: Sequence[str], fields: Sequence[Field | None]) -> Placement | None:
    """The best placement of a row's cells, or None when no placement fits at all."""
    if not texts or len(texts) > len(fields):
        return None
    scored = [
        (score, places)
        for places in itertools.combinations(range(len(fields)), len(texts))
        if (score := alignment_score(texts, fields, places)) is not None
    ]
    if not scored:
        return None
    scored.sort(key=lambda item: -item[0])
    best_score, best = scored[0]
    tied = [places for score, places in scored if score >= best_score - _TIE]
    uncertain = tuple(i for i in range(len(texts)) if len({p[i] for p in tied}) > 1)
    places = tuple(None if i in uncertain else p for i, p in enumerate(best))
    return Placement(places, best_score, uncertain, tuple(tied) if uncertain else ())


def is_level_row(texts: Sequence[str]) -> bool:
    return bool(texts) and all(is_level_name(text) for text in texts)


def row_score(texts: tuple[str, ...], fields: tuple[Field | None, ...]) -> float | None:
    if is_level_row(texts):
        # 一级/二级 cells with no indicator under them (an empty 经济效益指标 row)
        return sum(fit(t, Field.LEVEL1) or fit(t, Field.LEVEL2) or 0.0 for t in texts) - 1.0
    return _best_score(texts, fields)


@lru_cache(maxsize=8192)
def _best_score(texts: tuple[str, ...], fields: tuple[Field | None, ...]) -> float | None:
    placement = place_cells(texts, fields)
    return placement.score if placement is not None else None


def segment_rows(texts: Sequence[str], fields: Sequence[Field | None]) -> list[tuple[int, int]]:
    """Cut a stream of cells (one per line, no row breaks) into rows: [(start, end), …].

    Dynamic programming over the cut points: the best total of row scores, each row costing a
    little so that a row is not split without reason. Cells that fit no row are left as
    single-cell rows (the caller reports them).
    """
    fields_key = tuple(fields)
    count = len(texts)
    best: list[float] = [0.0] * (count + 1)
    cut: list[int] = [count] * (count + 1)
    for start in range(count - 1, -1, -1):
        best[start], cut[start] = -1e9, start + 1
        for end in range(start + 1, min(count, start + len(fields)) + 1):
            score = row_score(tuple(texts[start:end]), fields_key)
            if score is None:
                continue
            total = score - _ROW_COST + best[end]
            if total > best[start]:
                best[start], cut[start] = total, end
        if best[start] == -1e9:
            best[start] = best[start + 1] - 10.0  # an unreadable cell: its own row
    rows: list[tuple[int, int]] = []
    start = 0
    while start < count:
        rows.append((start, cut[start]))
        start = cut[start]
    return rows
