"""Reading the store: ls filters, finding a table by name or number, revisions, diffs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from jixiao.errors import Ambiguous, NotFound
from jixiao.model import Document, TableKind
from jixiao.services import (
    diff_revisions,
    list_stored_tables,
    read_document,
    show_stored_table,
)
from jixiao.store import Database, TableFilter, import_document

PROJECTS = [
    "滨海新区社区党组织工作活动专项经费",
    "组织工作专项经费",
    "组织部招录及比选公务员专项经费",
    "选调生到村任职工作补助区配套资金",
]


@pytest.fixture
def stored(database: Database, example: Document) -> Database:
    with database.engine.begin() as connection:
        import_document(connection, example)
    return database


def projects(database: Database, **wanted: object) -> list[str | None]:
    listed = list_stored_tables(database, TableFilter.model_validate(wanted))
    assert listed.total == len(listed.tables)
    return [table.project for table in listed.tables]


def test_ls_lists_current_tables_by_department_year_and_project(stored: Database) -> None:
    listed = list_stored_tables(stored, TableFilter())
    assert sorted(t.project or "" for t in listed.tables) == sorted(PROJECTS)
    assert {t.revision for t in listed.tables} == {1}
    assert sum(t.indicator_count for t in listed.tables) == 71
    assert {t.project: t.finding_count for t in listed.tables}["组织工作专项经费"] == 7


@pytest.mark.parametrize(
    ("wanted", "expected"),
    [
        ({"year": 2024}, PROJECTS),
        ({"year": 2023}, []),
        ({"department": "组织部"}, PROJECTS),
        ({"department": "503101"}, PROJECTS),
        ({"department": "财政局"}, []),
        ({"kind": TableKind.PROJECT_TARGET}, PROJECTS),
        ({"kind": TableKind.SELF_EVALUATION}, []),
        ({"has_findings": True}, ["组织工作专项经费", "选调生到村任职工作补助区配套资金"]),
        ({"has_findings": False}, [PROJECTS[0], PROJECTS[2]]),
        ({"search": "选调生"}, [PROJECTS[2], PROJECTS[3]]),  # a project name, an indicator
        ({"search": "主考官评审费"}, [PROJECTS[2]]),  # in a 指标值
        ({"search": "党员年人均"}, [PROJECTS[0]]),  # in the goals
        ({"search": "100%_"}, []),  # LIKE wildcards are taken literally
    ],
)
def test_ls_filters(stored: Database, wanted: dict[str, object], expected: list[str]) -> None:
    assert sorted(p or "" for p in projects(stored, **wanted)) == sorted(expected)


def test_ls_pages_and_counts(stored: Database) -> None:
    page = list_stored_tables(stored, TableFilter(), limit=3, offset=0)
    rest = list_stored_tables(stored, TableFilter(), limit=3, offset=3)
    assert (len(page.tables), page.total, len(rest.tables), rest.total) == (3, 4, 1, 4)
    assert {t.id for t in page.tables}.isdisjoint({t.id for t in rest.tables})


def test_show_by_name_part_or_number(stored: Database, example: Document) -> None:
    by_name = show_stored_table(stored, "组织工作专项经费")
    assert by_name.table == example.tables[2]
    codes = [f.code for f in by_name.findings]
    assert codes == ["PRS005", "PRS002", "PRS001", "PRS002", "PRS002", "PRS001", "PRS002"]
    assert show_stored_table(stored, "招录及比选").table == example.tables[1]
    assert show_stored_table(stored, f"#{by_name.id}").table == example.tables[2]
    assert show_stored_table(stored, str(by_name.id), year=2024).revision == 1


def test_unknown_and_ambiguous_names(stored: Database) -> None:
    with pytest.raises(NotFound, match="项目“没有这个项目”"):
        show_stored_table(stored, "没有这个项目")
    with pytest.raises(NotFound, match="2023年"):
        show_stored_table(stored, "组织工作专项经费", year=2023)
    with pytest.raises(Ambiguous) as ambiguous:
        show_stored_table(stored, "专项经费")
    assert len(ambiguous.value.candidates) == 3
    with pytest.raises(NotFound, match="第 9 版"):
        show_stored_table(stored, "组织工作专项经费", revision=9)


def test_diff_between_revisions(stored: Database, edited_copy: Callable[..., Path]) -> None:
    changed = read_document(edited_copy(("≥15 人", "≥12 人"), ("480000.00", "500000.00")))
    with stored.engine.begin() as connection:
        import_document(connection, changed)
    diff = diff_revisions(stored, "组织部招录及比选公务员专项经费")
    assert (diff.old, diff.new) == (1, 2)
    fields = {(c.indicator, c.field, c.old, c.new) for c in diff.changes}
    assert ("选调生招录人数", "target", "≥15 人", "≥12 人") in fields
    assert (None, "budget.total", "480000", "500000") in fields
    assert diff_revisions(stored, "组织部招录", 2, 1).changes[0].new == "480000"
    assert diff_revisions(stored, "组织部招录", 1, 1).changes == []
    with pytest.raises(NotFound, match="第 3 版"):
        diff_revisions(stored, "组织部招录", 1, 3)
    assert show_stored_table(stored, "组织部招录", revision=1).current_revision == 2
