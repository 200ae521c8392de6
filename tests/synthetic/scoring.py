"""Read a rendered synthetic table with jixiao and score it with the corpus's rules.

The comparison is ``tests/corpus/corpus_accuracy.py``'s, unchanged (``score_reading``): a gold
row is *exact* when level1, level2, name and target match after normalisation; otherwise it
is *covered* when a parse finding names the indicator read for it or its lines. Here each gold
row that is not exact is one of:

* **doubted**: covered by a finding (jixiao said it was unsure): allowed;
* **wrong**: read with a field differing and no finding: a silent error;
* **missed**: not read and no finding: a silent loss.

A **spurious** row is an indicator read that is no gold row. The property of the issue: every
row exact or doubted, none wrong or missed silently, none spurious. Table fields (project,
department, year, budget_total) are counted for the report, not asserted.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path

from jixiao.assemble import assemble_tables
from jixiao.errors import JixiaoError
from jixiao.ingest import read_grid
from jixiao.model import Document

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "corpus"))

import corpus_accuracy

from synthetic.shapes import Rendered


def read(rendered: Rendered) -> tuple[Document, str | None]:
    """What ``jixiao parse`` reads from the bytes (services.read_document without the file)."""
    try:
        grid = read_grid(rendered.data, rendered.filename)
        tables, findings = assemble_tables(grid)
    except JixiaoError as error:
        return Document(file=rendered.filename, sha256=""), str(error)
    digest = hashlib.sha256(rendered.data).hexdigest()
    document = Document(
        file=rendered.filename, sha256=digest, format=grid.format, tables=tables, findings=findings
    )
    return document, None if tables else "未找到绩效目标表"


@dataclass
class Outcome:
    """One rendered table's result, row by row."""

    rows: int = 0
    exact: int = 0
    doubted: int = 0
    wrong: int = 0
    missed: int = 0
    spurious: int = 0
    fields: int = 0  # table fields compared (project, department, year, budget_total)
    fields_ok: int = 0
    error: str | None = None
    details: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.wrong == 0 and self.missed == 0 and self.spurious == 0

    def add(self, other: Outcome) -> None:
        for name in (
            "rows",
            "exact",
            "doubted",
            "wrong",
            "missed",
            "spurious",
            "fields",
            "fields_ok",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score(rendered: Rendered) -> Outcome:
    document, error = read(rendered)
    result = corpus_accuracy.score_reading(
        rendered.filename, document, rendered.gold, rendered.lines, error
    )
    outcome = Outcome(rows=result.rows, exact=result.exact, error=error)
    outcome.fields, outcome.fields_ok = result.table_fields, result.table_fields_ok
    for miss in result.misses:
        status = ",".join(sorted(set(miss.covered_by)))
        if miss.covered_by:
            outcome.doubted += 1
        elif miss.read is not None:
            outcome.wrong += 1
        else:
            outcome.missed += 1
        outcome.details.append(f"{miss.gold} → {miss.read} [{status or 'SILENT'}]")
    outcome.spurious = len(result.spurious)
    outcome.details += [f"SPURIOUS {row}" for row in result.spurious]
    outcome.details += [f"table {diff}" for diff in result.table_diffs]
    if error:
        outcome.details.insert(0, f"REFUSED {error}")
    return outcome
