"""Importing documents: idempotence, revisions, history, findings and per-document atomicity."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

import jixiao.ingest
from jixiao.export.json import documents_to_json
from jixiao.model import Document, Finding, Severity
from jixiao.services import import_files, read_document
from jixiao.store import (
    Database,
    TableFilter,
    TableStatus,
    import_document,
    iter_documents,
    list_changes,
    list_revisions,
)
from jixiao.store.schema import metadata


def row_counts(database: Database) -> dict[str, int]:
    with database.engine.connect() as connection:
        return {
            name: connection.scalar(select(func.count()).select_from(table)) or 0
            for name, table in metadata.tables.items()
        }


def store(database: Database, document: Document, **options: object):  # type: ignore[no-untyped-def]
    with database.engine.begin() as connection:
        return import_document(connection, document, **options)  # type: ignore[arg-type]


def test_first_import_stores_every_table_indicator_and_finding(
    database: Database, example: Document
) -> None:
    result = store(database, example)
    assert not result.already_imported
    assert [table.status for table in result.tables] == [TableStatus.NEW] * 4
    assert [table.revision for table in result.tables] == [1, 1, 1, 1]
    counts = row_counts(database)
    assert counts["documents"] == 1
    assert counts["target_tables"] == counts["revisions"] == 4
    assert counts["indicators"] == 71
    assert counts["findings"] == len(example.findings) == 8
    assert counts["changes"] == 0


def test_importing_the_same_file_again_changes_nothing(
    database: Database, example: Document
) -> None:
    first = store(database, example)
    before = row_counts(database)
    again = store(database, example)
    assert again.already_imported
    assert again.document_id == first.document_id
    assert row_counts(database) == before


def test_a_file_whose_bytes_are_stored_is_unchanged_without_being_read(
    database: Database, example_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (first,) = import_files(database, [example_path])
    assert first.result is not None
    before = row_counts(database)

    def unread(*args: object, **kwargs: object) -> None:
        raise AssertionError("stored bytes were read again")

    monkeypatch.setattr(jixiao.ingest, "read_grid", unread)
    (again,) = import_files(database, [example_path], review=unread)
    assert again.error is None
    assert again.result is not None
    assert again.result.already_imported
    assert again.result.document_id == first.result.document_id
    assert row_counts(database) == before


def test_same_tables_in_another_file_are_unchanged(
    database: Database, example: Document, edited_copy: Callable[..., Path]
) -> None:
    store(database, example)
    moved = read_document(edited_copy(("\n\n## 1.", "\n\n\n\n## 1.")))  # lines shift, text same
    result = store(database, moved)
    assert not result.already_imported
    assert [table.status for table in result.tables] == [TableStatus.UNCHANGED] * 4
    counts = row_counts(database)
    assert counts["documents"] == 2
    assert counts["revisions"] == 4
    assert counts["indicators"] == 71


def test_a_changed_table_becomes_a_new_revision_with_history(
    database: Database, example: Document, edited_copy: Callable[..., Path]
) -> None:
    store(database, example)
    changed = read_document(edited_copy(("≥16 个", "≥18 个"), ("街镇满意度", "街道满意度")))
    result = store(database, changed, user="张三")
    statuses = [table.status for table in result.tables]
    assert statuses == [TableStatus.REVISED] + [TableStatus.UNCHANGED] * 3
    revised = result.tables[0]
    assert revised.revision == 2
    with database.engine.connect() as connection:
        revisions = list_revisions(connection, revised.table_id)
        history = list_changes(connection, revised.table_id)
    assert [r.number for r in revisions] == [1, 2]
    assert revisions[1].created_by == "张三"
    assert revisions[1].file.endswith("edited.txt")
    described = {(c.indicator, c.field, c.old, c.new) for c in history}
    assert described == {
        ("经费发放街道数", "target", "≥16 个", "≥18 个"),
        ("街道满意度", "indicator", None, "≥95%"),
        ("街镇满意度", "indicator", "≥95%", None),
    }
    assert {c.revision for c in history} == {2}
    assert {c.changed_by for c in history} == {"张三"}
    assert row_counts(database)["indicators"] == 71 + 6


def test_export_after_import_gives_the_parsed_document_back(
    database: Database, example: Document
) -> None:
    store(database, example)
    with database.engine.connect() as connection:
        exported = list(iter_documents(connection, TableFilter()))
    assert json.loads(documents_to_json(exported)) == json.loads(documents_to_json([example]))


def test_the_implementer_is_stored_and_a_change_of_it_is_a_revision(
    database: Database, example: Document
) -> None:
    first = example.tables[0]
    named = example.model_copy(
        update={"tables": [first.model_copy(update={"implementer": "某街道办事处"})]}
    )
    store(database, named)
    with database.engine.connect() as connection:
        (exported,) = iter_documents(connection, TableFilter())
    assert exported.tables[0].implementer == "某街道办事处"
    renamed = named.model_copy(
        update={
            "sha256": "0" * 64,  # another file
            "tables": [first.model_copy(update={"implementer": "另一办事处"})],
        }
    )
    (table,) = store(database, renamed).tables
    assert (table.status, table.revision) == (TableStatus.REVISED, 2)
    with database.engine.connect() as connection:
        history = list_changes(connection, table.table_id)
    assert [(c.field, c.old, c.new) for c in history] == [
        ("implementer", "某街道办事处", "另一办事处")
    ]


def test_export_groups_current_revisions_by_the_document_that_brought_them(
    database: Database, example: Document, edited_copy: Callable[..., Path]
) -> None:
    store(database, example)
    changed = read_document(edited_copy(("≥16 个", "≥18 个")))
    store(database, changed)
    with database.engine.connect() as connection:
        exported = list(iter_documents(connection, TableFilter()))
    assert [d.file for d in exported] == [example.file, changed.file]
    assert [len(d.tables) for d in exported] == [3, 1]
    assert exported[1].tables[0] == changed.tables[0]
    assert exported[0].tables == example.tables[1:]


def test_findings_passed_in_are_stored_with_their_table(
    database: Database, example: Document
) -> None:
    project = example.tables[1].project
    review = Finding(
        code="TS01", severity=Severity.WARNING, rule="test.rule", message="测试", project=project
    )
    store(database, example, findings=[review])
    with database.engine.connect() as connection:
        exported = next(iter_documents(connection, TableFilter(has_findings=True)))
    assert exported.findings[-1] == review
    assert row_counts(database)["findings"] == 9


def test_a_document_that_fails_midway_leaves_nothing_and_the_batch_goes_on(
    database: Database, example: Document, edited_copy: Callable[..., Path], tmp_path: Path
) -> None:
    unserialisable = Finding(
        code="TS02", severity=Severity.INFO, rule="test.bad", message="坏", fields={"x": object()}
    )
    other = edited_copy(("≥16 个", "≥18 个"), name="other.txt")
    missing = tmp_path / "missing.txt"
    outcomes = list(
        import_files(
            database,
            [Path(example.file), missing, other],
            review=lambda document: [unserialisable] if document.file == example.file else [],
        )
    )
    assert [o.result is not None for o in outcomes] == [False, False, True]
    assert outcomes[0].error is not None
    assert outcomes[0].error.code == "ING999"  # a bug: the traceback to the log, not the user
    assert "存入数据库时发生程序内部错误" in outcomes[0].error.message
    assert example.file in outcomes[0].error.message
    assert outcomes[1].error is not None
    assert "文件不存在" in outcomes[1].error.message
    counts = row_counts(database)
    assert counts["documents"] == 1
    assert counts["revisions"] == 4
    assert counts["indicators"] == 71


def test_two_imports_of_the_same_file_at_once_store_it_once(
    database: Database, example: Document
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from jixiao.services.imports import import_one

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(lambda _: import_one(database, example), range(2)))
    assert all(outcome.result is not None for outcome in outcomes), outcomes
    assert sorted(o.result.already_imported for o in outcomes if o.result) == [False, True]
    assert row_counts(database)["revisions"] == 4


def test_awkward_text_is_stored_exactly(database: Database, example: Document) -> None:
    awkward = "第一行\n第二行\t制表符 \\反斜杠 \\N 'quote' \"双引号\" %_ \u3000全角空格 😀"
    table = example.tables[0].model_copy(
        update={"purpose": awkward, "goals": [awkward, ""], "title": None}
    )
    indicator = table.indicators[0].model_copy(update={"name": awkward, "description": ""})
    table.indicators = [indicator, *table.indicators[1:]]
    document = example.model_copy(update={"sha256": "0" * 64, "tables": [table], "findings": []})
    store(database, document)
    with database.engine.connect() as connection:
        (exported,) = iter_documents(connection, TableFilter(search="反斜杠"))
    assert exported.tables == [table]


def test_a_bug_while_storing_is_an_internal_error_with_its_traceback_not_sto000(
    database: Database,
    example: Document,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Only the database failing (unreachable, locked, full) is ``STO000``; a statement the
    database rejects (ProgrammingError, DataError: the program's fault) or any other exception
    is a bug, reported under the internal error's code with its traceback in the log."""
    from sqlalchemy.exc import DataError, OperationalError, ProgrammingError

    import jixiao.services.imports as imports

    def failing(error: Exception) -> Callable[..., object]:
        def store(*args: object, **kwargs: object) -> object:
            raise error

        return store

    bugs = [
        ProgrammingError("INSERT", {}, Exception("syntax error")),
        DataError("INSERT", {}, Exception("numeric field overflow")),
        KeyError("indicator"),
    ]
    for bug in bugs:
        caplog.clear()
        monkeypatch.setattr(imports, "import_rows", failing(bug))
        outcome = imports.import_one(database, example)
        assert outcome.error is not None
        assert outcome.error.code == "ING999", bug
        assert "存入数据库时发生程序内部错误" in outcome.error.message
        (record,) = [r for r in caplog.records if r.exc_info]
        assert record.exc_info is not None
        assert record.exc_info[1] is bug
    down = OperationalError("INSERT", {}, Exception("database is locked"))
    monkeypatch.setattr(imports, "import_rows", failing(down))
    outcome = imports.import_one(database, example)
    assert outcome.error is not None
    assert outcome.error.code == "STO000"
    assert "database is locked" in outcome.error.message


def test_a_printed_total_is_stored_and_read_back(database: Database) -> None:
    """The 总分 a 自评表 prints (TargetTable.total_score, migration 0016) is kept."""
    path = Path(__file__).resolve().parents[1] / "corpus" / "docs"
    document = read_document(
        path / "yunnan-lincang-yongde-2022-school-nutrition-selfeval-splitcols.txt"
    )
    assert document.tables[0].total_score == 96
    store(database, document)
    with database.engine.connect() as connection:
        (stored,) = iter_documents(connection, TableFilter())
    assert stored.tables[0].total_score == 96
