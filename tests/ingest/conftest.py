"""Shared by the reader tests: the example document as text, and what must match it.

The fixtures in tests/documents/ are written by scripts/make_fixtures.py from the example's
text form; each must read back to the same tables.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jixiao.model import Document
from jixiao.services import read_document

# scan_accuracy (shared with bench/bench_scan.py) sits beside the tests, not in a package
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scan_accuracy import header_fields

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = ROOT / "tests" / "documents"
EXAMPLE = ROOT / "examples" / "binhai-zuzhibu-2024.txt"


def table_summary(document: Document) -> list[tuple[Any, ...]]:
    """Everything a reader must get right, table by table (no positions, no findings): the
    header fields a scan is held to too, then the purpose and goals."""
    return [
        (*header, table.purpose, tuple(table.goals))
        for header, table in zip(header_fields(document), document.tables, strict=True)
    ]


def indicator_summary(document: Document) -> list[tuple[str | None, ...]]:
    return [
        (
            indicator.level1,
            indicator.level2,
            indicator.level1_printed,
            indicator.level2_printed,
            indicator.name,
            indicator.description,
            indicator.target.raw,
        )
        for table in document.tables
        for indicator in table.indicators
    ]


@pytest.fixture(scope="session")
def text_document() -> Document:
    return read_document(EXAMPLE)


@pytest.fixture(scope="session")
def documents() -> Path:
    return DOCUMENTS


@pytest.fixture(scope="session")
def assert_same_as_text(text_document: Document) -> Callable[[Document], None]:
    """Check a document against the text form: the same 4 tables and 71 indicators."""

    def check(document: Document) -> None:
        assert table_summary(document) == table_summary(text_document)
        assert indicator_summary(document) == indicator_summary(text_document)
        assert len(indicator_summary(document)) == 71

    return check
