"""How close a reading of a scan is to the text form: indicators exact, wrong, missed, spurious.

Shared by ``tests/ingest/test_scan_reader.py`` (which asserts the floors) and
``bench/bench_scan.py`` (which prints them beside the speed). A scan cannot be held to
:func:`assert_same_as_text`'s equality: recognition drops the narrow spaces a typesetter puts
between Chinese and digits (``≥16 个`` reads ``≥16个``) and may mistake a character. So each
indicator row (level names as printed and canonical, name, description, 指标值) is compared
the way the corpus harness compares values (tests/corpus/corpus_accuracy.py: Unicode NFKC,
whitespace removed), table by table:

* *exact*: a read row equal to the text form's row;
* *wrong*: a text row with a read row of the same name (or, failing that, the same 指标值 and
  二级指标) that differs in some field; *covered* when that row carries a reading doubt;
* *missed*: a text row with no read row at all;
* *spurious*: a read row that is neither exact nor some text row's wrong reading.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from jixiao.model import Document, Indicator

Row = tuple[str, ...]


def normalize(text: object) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", "" if text is None else str(text)))


def row_of(indicator: Indicator) -> Row:
    return tuple(
        normalize(value)
        for value in (
            indicator.level1,
            indicator.level2,
            indicator.level1_printed,
            indicator.level2_printed,
            indicator.name,
            indicator.description,
            indicator.target.raw,
        )
    )


@dataclass
class ScanScore:
    rows: int = 0
    exact: int = 0
    wrong: list[tuple[Row, Row]] = field(default_factory=list)
    covered: int = 0  # wrong rows that carry a doubt finding
    missed: list[Row] = field(default_factory=list)
    spurious: list[Row] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.exact}/{self.rows} exact, {len(self.wrong)} wrong ({self.covered} with a"
            f" doubt), {len(self.missed)} missed, {len(self.spurious)} spurious"
        )


def header_fields(document: Document) -> list[tuple[object, ...]]:
    """What each table's header block states, but its long purpose and goals texts (which
    recognition reads as well, but whose every comma is not what this measures)."""
    return [
        (
            table.title,
            table.project,
            table.department_code,
            table.department,
            table.year,
            table.budget.total,
            table.budget.fiscal,
            table.budget.other,
            table.budget.unit_printed,
        )
        for table in document.tables
    ]


def score_scan(document: Document, text: Document) -> ScanScore:
    score = ScanScore()
    doubted = {normalize(f.indicator) for f in document.findings if f.code == "PRS023"}
    for index, expected_table in enumerate(text.tables):
        table = document.tables[index] if index < len(document.tables) else None
        read = [row_of(i) for i in table.indicators] if table is not None else []
        used: set[int] = set()
        for expected in (row_of(i) for i in expected_table.indicators):
            score.rows += 1
            same = next(
                (n for n, row in enumerate(read) if row == expected and n not in used), None
            )
            if same is not None:
                score.exact += 1
                used.add(same)
                continue
            paired = next(
                (
                    n
                    for n, row in enumerate(read)
                    if n not in used
                    and (row[4] == expected[4] or (row[6], row[3]) == (expected[6], expected[3]))
                ),
                None,
            )
            if paired is None:
                score.missed.append(expected)
                continue
            used.add(paired)
            score.wrong.append((expected, read[paired]))
            score.covered += read[paired][4] in doubted
        score.spurious.extend(row for n, row in enumerate(read) if n not in used)
    for table in document.tables[len(text.tables) :]:
        score.spurious.extend(row_of(i) for i in table.indicators)
    return score
