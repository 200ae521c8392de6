"""docs/formats.md stays true: every ingest error code and every reader format is described."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao import errors
from jixiao.model.vocabulary import COLUMN_LABELS, Field

FORMATS_DOC = (Path(__file__).resolve().parents[2] / "docs" / "formats.md").read_text("utf-8")


def ingest_errors() -> list[type[errors.IngestError]]:
    found: list[type[errors.IngestError]] = []
    pending: list[type[errors.IngestError]] = [errors.IngestError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return [cls for cls in found if cls is not errors.IngestError]


@pytest.mark.parametrize("error", ingest_errors(), ids=lambda cls: cls.__name__)
def test_every_ingest_error_is_documented(error: type[errors.IngestError]) -> None:
    assert f"| `{error.code}` | `{error.__name__}` |" in FORMATS_DOC


@pytest.mark.parametrize(
    "heading",
    [
        "## XLSX",
        "## XLS",
        "## DOCX",
        "## DOC",
        "## HTML",
        "## Text PDF",
        "## Scans (OCR)",
        "## Pasted web text",
    ],
)
def test_every_reader_has_a_section(heading: str) -> None:
    assert f"\n{heading}\n" in FORMATS_DOC


@pytest.mark.parametrize(
    "label",
    sorted(
        k for k, v in COLUMN_LABELS.items() if v in (Field.OPERATOR, Field.DIRECTION, Field.UNIT)
    ),
)
def test_every_target_part_column_is_documented(label: str) -> None:
    assert label in FORMATS_DOC
