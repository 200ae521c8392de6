"""Text search (ls --search, the web app's search): indexed, complete, and literal."""

from __future__ import annotations

import pytest

from jixiao.model import Document
from jixiao.store import (
    Database,
    TableFilter,
    import_document,
    list_tables,
    sync_search_index,
    write_transaction,
)

VL04_TABLE = "选调生到村任职工作补助区配套资金"


def found(database: Database, phrase: str) -> set[str | None]:
    with database.engine.connect() as connection:
        return {t.project for t in list_tables(connection, TableFilter(search=phrase))}


@pytest.mark.parametrize("indexed", [False, True], ids=["not-yet-indexed", "indexed"])
@pytest.mark.parametrize(
    ("phrase", "projects"),
    [
        ("经费使用及时率", {VL04_TABLE}),  # an indicator name
        ("≥100%", {VL04_TABLE}),  # a 指标值, with a LIKE wildcard in it
        ("干部信息管理信息系统", {"组织工作专项经费"}),  # a joined cut row
        ("503101", None),  # the department code: every table
        ("满意", None),  # two characters: no trigram, scanned
        ("不存在的词语", set()),
        ('"两新"', set()),  # quotes are searched literally
        ("“两新”", {"组织工作专项经费"}),
    ],
)
def test_search_finds_what_the_tables_say(
    database: Database, example: Document, phrase: str, projects: set[str] | None, indexed: bool
) -> None:
    with write_transaction(database) as connection:
        import_document(connection, example)
        if indexed:
            sync_search_index(connection)
    everything = {table.project for table in example.tables}
    assert found(database, phrase) == (everything if projects is None else projects)


def test_syncing_twice_indexes_nothing_more(database: Database, example: Document) -> None:
    with write_transaction(database) as connection:
        import_document(connection, example)
        first = sync_search_index(connection)
        again = sync_search_index(connection)
    assert again == 0
    assert first in (0, 4)  # 4 revisions on SQLite; PostgreSQL's index is kept by the server
