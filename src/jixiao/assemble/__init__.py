"""The assembler: grids from any reader → typed target tables, plus parse findings.

Collecting (:mod:`.collect`) walks the rows and keeps cell texts per table; building
(:mod:`.build`) settles years across the document and parses every value.
"""

from __future__ import annotations

from jixiao.assemble.build import build_tables
from jixiao.assemble.collect import collect_drafts
from jixiao.ingest.grid import Grid
from jixiao.model import Finding, TargetTable

__all__ = ["assemble_tables"]


def assemble_tables(
    grid: Grid, *, year: int | None = None
) -> tuple[list[TargetTable], list[Finding]]:
    """The target tables in a grid and what had to be guessed to read them."""
    return build_tables(collect_drafts(grid), year=year)
