"""Schema versions: migrations create exactly the tables the code declares, on both databases."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from jixiao.errors import DatabaseMissing, DatabaseOutdated, StoreError
from jixiao.store import (
    Database,
    check_schema,
    head_revision,
    open_database,
    prepare_for_writes,
    schema_revision,
    upgrade_database,
)
from jixiao.store.schema import metadata


def not_search_index(name: str | None, kind: str, _parents: object) -> bool:
    """The search index is the database's own (FTS5 table, pg_trgm index; migration 0007)."""
    return not (name or "").startswith(("revisions_search", "ix_revisions_search_text"))


def test_migrations_match_the_declared_tables(database: Database) -> None:
    with database.engine.connect() as connection:
        options = {"compare_type": True, "include_name": not_search_index}
        context = MigrationContext.configure(connection, opts=options)
        assert compare_metadata(context, metadata) == []


def test_a_new_database_is_created_and_set_up_for_writes(new_database_url: str) -> None:
    with pytest.raises(DatabaseMissing):
        open_database(new_database_url)
    database = open_database(new_database_url, create=True)
    try:
        assert schema_revision(database) is None
        prepare_for_writes(database)
        assert schema_revision(database) == head_revision()
        check_schema(database)
        assert upgrade_database(database) == (head_revision(), head_revision())
    finally:
        database.close()


def test_an_unknown_schema_version_is_refused(database: Database) -> None:
    with database.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'future'"))
    with pytest.raises(DatabaseOutdated, match="jixiao db upgrade"):
        check_schema(database)
    with pytest.raises(DatabaseOutdated):
        prepare_for_writes(database)


def test_an_empty_database_without_schema_is_missing_for_readers(new_database_url: str) -> None:
    database = open_database(new_database_url, create=True)
    try:
        with pytest.raises(DatabaseMissing, match="jixiao import"):
            check_schema(database)
    finally:
        database.close()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("mysql://root@localhost/jixiao", "只支持 SQLite"),
        ("sqlite://", "需要一个数据库文件"),
        ("postgresql+psycopg://postgres@127.0.0.1:1/jixiao", "无法连接"),
        ("postgresql+psycopg://host:port/jixiao", "无法识别"),
        ("a b://c", "无法识别"),
    ],
)
def test_bad_database_names_get_a_clear_message(value: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        open_database(value, create=True)


def test_the_declared_schema_version_is_the_newest_migration() -> None:
    from alembic.script import ScriptDirectory

    from jixiao.store.migrate import alembic_config

    assert ScriptDirectory.from_config(alembic_config()).get_current_head() == head_revision()


def test_0008_gives_endless_api_tokens_an_end(new_database_url: str) -> None:
    """Tokens issued before tokens expired (0007) get an end; login_failures appears."""
    from alembic import command

    from jixiao.store.migrate import alembic_config

    database = open_database(new_database_url, create=True)
    try:
        with database.engine.begin() as connection:
            command.upgrade(alembic_config(connection), "0007")
        with database.engine.begin() as connection:
            connection.execute(
                text(
                    "INSERT INTO users (id, name, password_hash, role, active, created_at) "
                    "VALUES (1, 'a', 'x', 'admin', TRUE, '2026-01-01 00:00:00')"
                )
            )
            connection.execute(
                text(
                    "INSERT INTO api_tokens (token_hash, user_id, created_at, expires_at) VALUES "
                    "('h1', 1, '2026-01-01 00:00:00', NULL), "
                    "('h2', 1, '2026-01-01 00:00:00', '2026-02-01 00:00:00')"
                )
            )
        assert upgrade_database(database) == ("0007", head_revision())
        with database.engine.connect() as connection:
            rows = connection.execute(text("SELECT token_hash, expires_at FROM api_tokens"))
            ends = {row.token_hash: row.expires_at for row in rows}
            failures = connection.scalar(text("SELECT count(*) FROM login_failures"))
        assert ends["h1"] is not None
        assert str(ends["h2"]).startswith("2026-02-01")
        assert failures == 0
    finally:
        database.close()
