"""Read a rendered synthetic table with jixiao and score it with the corpus's rules.

The comparison is ``tests/corpus/corpus_accuracy.py``'s, unchanged (``score_reading``): a gold
row is *exact* when level1, level2, name and target match after normalisation; otherwise it
is *covered* when a parse finding names the indicator read for it or its lines. Here each gold
row that is not exact is one of:

* **doubted**: covered by a finding (jixiao said it was unsure): allowed;
* **wrong**: read with a field differing and no finding: a silent error;
* **missed**: not read and no finding: a silent loss.

A **spurious** row is an indicator read that is no gold row. The property of the issue: every
row exact or doubted, none wrong or missed silently, none spurious. A 自评表 row read by its
name also has its figures checked — 实际完成值, 分值, 得分: each is the printed one or left
out (None); a figure read in another's place (a lone 60 after the 指标值 read as the 实际完成值
when it is the 分值) makes the row wrong. Table fields (project,
department, year, budget_total) are counted for the report, not asserted.
"""

from __future__ import annotations

import hashlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.assemble import assemble_tables
from jixiao.errors import JixiaoError
from jixiao.ingest import read_grid
from jixiao.model import Document, Indicator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "corpus"))

import corpus_accuracy
from corpus_accuracy import normalize

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


FIGURES = ("actual", "weight", "score")


def figure_errors(document: Document, gold: dict[str, Any]) -> list[str]:
    """Each figure (实际完成值, 分值, 得分) read for a gold row, paired by table and name, that is
    neither the printed one nor left out."""
    errors: list[str] = []
    for index, gold_table in enumerate(gold["tables"]):
        if index >= len(document.tables):
            break
        read = {normalize(i.name): i for i in document.tables[index].indicators}
        for row in gold_table["indicators"]:
            indicator = read.get(normalize(row["name"]))
            if indicator is None:
                continue
            for figure in FIGURES:
                expected, got = (
                    printed_figure(row.get(figure), figure),
                    read_figure(indicator, figure),
                )
                if got is not None and got not in (expected, with_unit(expected, indicator)):
                    errors.append(
                        f"FIGURE {row['name']} {figure}: printed {expected!r}, read {got!r}"
                    )
    return errors


def printed_figure(value: object, figure: str) -> object:
    if value in (None, ""):
        return None
    return normalize(value) if figure == "actual" else float(str(value))


def with_unit(printed: object, indicator: Indicator) -> object:
    """A bare 实际完成值 (95) read with the unit its row prints in a 度量单位 column (95%)."""
    unit = indicator.target.unit_printed or indicator.target.unit
    return printed + normalize(unit) if isinstance(printed, str) and unit else printed


def read_figure(indicator: Indicator, figure: str) -> object:
    if figure == "actual":
        return None if indicator.actual is None else normalize(indicator.actual.raw)
    return getattr(indicator, figure)


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
    figures = figure_errors(document, rendered.gold)
    outcome.wrong += len(figures)
    outcome.details += figures
    outcome.spurious = len(result.spurious)
    outcome.details += [f"SPURIOUS {row}" for row in result.spurious]
    outcome.details += [f"table {diff}" for diff in result.table_diffs]
    if error:
        outcome.details.insert(0, f"REFUSED {error}")
    return outcome
