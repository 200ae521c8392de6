"""Every store test runs against SQLite and a real PostgreSQL server; no mocks.

PostgreSQL: ``JIXIAO_TEST_POSTGRES`` (default ``postgresql+psycopg://postgres@127.0.0.1:5432``,
trust auth); ``make test`` starts the server if it is not running. The tests create their
databases and drop them afterwards: a migrated SQLite file per test; on PostgreSQL one migrated
database per session, emptied before each test, and a database of its own for each test that
needs to create one.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import make_url

from jixiao.model import Document
from jixiao.services import read_document
from jixiao.store import Database, head_revision, open_database, upgrade_database
from jixiao.store.schema import metadata

POSTGRES = os.environ.get("JIXIAO_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432")
BACKENDS = ("sqlite", "postgresql")
ROOT = Path(__file__).resolve().parent.parent.parent
EXAMPLE = ROOT / "examples" / "binhai-zuzhibu-2024.txt"


def postgres_dsn(database: str) -> str:
    url = make_url(POSTGRES).set(drivername="postgresql", database=database)
    return url.render_as_string(hide_password=False)


def postgres_url(database: str) -> str:
    return make_url(POSTGRES).set(database=database).render_as_string(hide_password=False)


def postgres_admin() -> psycopg.Connection[tuple[object, ...]]:
    try:
        return psycopg.connect(postgres_dsn("postgres"), autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as error:
        pytest.fail(
            f"PostgreSQL is not reachable at {POSTGRES} ({error}); "
            "start it with scripts/ensure_postgres.sh (make test does)",
            pytrace=False,
        )


def drop_postgres(name: str) -> None:
    with postgres_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def unique_name(prefix: str) -> str:
    return f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "jixiao.db"
    database = open_database(str(path), create=True)
    upgrade_database(database)
    database.close()
    return path


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[Callable[[], str]]:
    """A migrated database for the session; calling the fixture's value empties it."""
    name = unique_name("jixiao_test")
    with postgres_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        database = open_database(postgres_url(name))
        upgrade_database(database)
        database.close()
        with psycopg.connect(postgres_dsn(name), autocommit=True) as connection:

            def emptied() -> str:
                connection.execute(f"TRUNCATE {', '.join(metadata.tables)} RESTART IDENTITY")
                connection.execute(
                    "UPDATE alembic_version SET version_num = %s", (head_revision(),)
                )
                return postgres_url(name)

            yield emptied
    finally:
        drop_postgres(name)


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty database of each kind.

    SQLite: a copy of a migrated file. PostgreSQL: the session's database, emptied (creating
    a database per test costs ten times as much); tests that need a database of their own
    use ``new_database_url``.
    """
    if request.param == "sqlite":
        path = tmp_path / "jixiao.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
        return str(path)
    emptied: Callable[[], str] = request.getfixturevalue("postgres_database")
    return emptied()


@pytest.fixture(params=BACKENDS)
def new_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where no database exists yet (a missing file; a database name the server lacks)."""
    if request.param == "sqlite":
        yield str(tmp_path / "new" / "jixiao.db")
        return
    postgres_admin().close()
    name = unique_name("jixiao_new")
    try:
        yield postgres_url(name)
    finally:
        drop_postgres(name)


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    opened = open_database(database_url)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def example() -> Document:
    """The example document as read from ``examples/`` (4 tables, 71 indicators)."""
    return read_document(EXAMPLE)


@pytest.fixture
def edited_copy(tmp_path: Path) -> Callable[..., Path]:
    """Write the example with text replaced, as a new file (a changed version of it)."""

    def write(*replacements: tuple[str, str], name: str = "edited.txt") -> Path:
        text = EXAMPLE.read_text("utf-8")
        for old, new in replacements:
            assert old in text, old
            text = text.replace(old, new)
        path = tmp_path / name
        path.write_text(text, "utf-8")
        return path

    return write
