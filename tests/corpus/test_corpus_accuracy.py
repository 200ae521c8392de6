"""The development corpus (tests/corpus/README.md): ten real pasted tables against their gold.

Run with ``-s`` to see the per-document table::

    .venv/bin/pytest -s tests/corpus/test_corpus_accuracy.py

The comparison rules (whitespace, NFKC, traditional characters) are in ``corpus_accuracy``.
The floors below are what the reader achieves today, rounded down: a change that reads fewer
rows exactly fails here. Every gold row not read exactly must be covered by a parse finding
(a miss is a finding, never a silently wrong value).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_accuracy

# Exact share of gold indicator rows (level1, level2, name and target all right).
OVERALL_FLOOR = 1.0
DOCUMENT_FLOOR = 1.0
# Table fields (project, department, year, budget_total) right, out of those gold gives.
TABLE_FIELDS_FLOOR = 1.0


@pytest.fixture(scope="module")
def scores() -> list[corpus_accuracy.DocumentScore]:
    results = corpus_accuracy.score_corpus()
    print("\n" + corpus_accuracy.format_table(results))
    return results


def test_the_corpus_is_copied_with_its_gold() -> None:
    documents = corpus_accuracy.documents()
    assert len(documents) == 10
    for document in documents:
        assert (corpus_accuracy.GOLD / f"{document.stem}.json").is_file()


def test_overall_accuracy(scores: list[corpus_accuracy.DocumentScore]) -> None:
    rows = sum(s.rows for s in scores)
    exact = sum(s.exact for s in scores)
    assert rows == 93
    assert exact / rows >= OVERALL_FLOOR


@pytest.mark.parametrize("document", [p.name for p in corpus_accuracy.documents()])
def test_document_accuracy(scores: list[corpus_accuracy.DocumentScore], document: str) -> None:
    (score,) = [s for s in scores if s.name == document]
    assert score.share >= DOCUMENT_FLOOR, corpus_accuracy.format_table([score])


def test_every_miss_is_a_finding(scores: list[corpus_accuracy.DocumentScore]) -> None:
    uncovered = [(s.name, miss.gold) for s in scores for miss in s.uncovered]
    assert not uncovered


def test_table_fields(scores: list[corpus_accuracy.DocumentScore]) -> None:
    ok = sum(s.table_fields_ok for s in scores)
    total = sum(s.table_fields for s in scores)
    assert ok / total >= TABLE_FIELDS_FLOOR, [d for s in scores for d in s.table_diffs]
