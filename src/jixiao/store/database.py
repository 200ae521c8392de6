"""Opening a database: SQLite by default, PostgreSQL (psycopg 3) for teams.

A database is named by a SQLAlchemy URL (``postgresql+psycopg://user@host:5432/jixiao``) or a
plain file path (``jixiao.db``, read as SQLite). SQLite connections run in WAL mode with
foreign keys on, and begin their transactions explicitly, so that a transaction covers reads
and DDL too (SQLAlchemy's recommended recipe for pysqlite).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from sqlalchemy import URL, Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from jixiao.errors import DatabaseMissing, DatabaseUnavailable, StoreError
from jixiao.store.cache import RevisionCache
from jixiao.store.records import StoredTable

DEFAULT_DATABASE: Final = "jixiao.db"
POOL_SIZE: Final = 5  # SQLAlchemy's default; the web app asks for one per worker thread
SUPPORTED: Final = ("sqlite", "postgresql")


@dataclass(frozen=True)
class Database:
    """An open database: the SQLAlchemy engine and the URL to show users (no password).

    ``revisions`` keeps recently read table revisions in this process: a stored revision is
    never changed once written (an edit or an upload makes a new one), so a copy read
    earlier stays true, in every process that reads the same database.
    """

    engine: Engine
    name: str
    revisions: RevisionCache[StoredTable] = field(
        default_factory=RevisionCache, compare=False, repr=False
    )

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()


def database_url(value: str | None) -> URL:
    """The URL for ``--db``/``JIXIAO_DB``: a URL, a file path (SQLite), or the default."""
    value = value or DEFAULT_DATABASE
    try:
        if "://" not in value:
            return URL.create("sqlite", database=value)
        return make_url(value)
    except (ArgumentError, ValueError):
        raise StoreError(value, "无法识别的数据库地址（应为文件路径或 URL）") from None


def open_database(
    value: str | None, *, create: bool = False, connections: int = POOL_SIZE
) -> Database:
    """Open the database; with ``create``, make a missing SQLite file or PostgreSQL database.

    Without ``create`` a missing database raises :class:`DatabaseMissing`, so that reading
    commands never leave an empty database behind. The pool keeps ``connections`` open: a
    server should keep one per thread that may use the database at the same time, since a
    connection beyond the pool is opened (and, for SQLite, set up with its pragmas) for each
    use and closed after it.
    """
    url = database_url(value)
    name = display_name(url)
    if url.get_backend_name() not in SUPPORTED:
        raise StoreError(
            name, "只支持 SQLite（文件路径或 sqlite:///…）和 PostgreSQL（postgresql+psycopg://…）"
        )
    if url.get_backend_name() == "sqlite":
        prepare_sqlite_file(url, name, create=create)
    elif create and url.get_backend_name() == "postgresql":
        create_postgresql_database(url)
    try:
        engine = create_engine(
            url, connect_args=connect_arguments(url), pool_size=connections, max_overflow=10
        )
    except (ArgumentError, NoSuchModuleError) as error:
        raise StoreError(name, f"不支持的数据库（{error}）") from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", configure_sqlite_connection)
        event.listen(engine, "begin", begin_sqlite_transaction)
    database = Database(engine=engine, name=name)
    check_connection(database)
    return database


def connect_arguments(url: URL) -> dict[str, Any]:
    """Driver options. psycopg would prepare a statement run five times on a connection and
    may keep the plan it made while the tables were small (a sequential scan that grows with
    every import); plan each statement afresh instead."""
    return {"prepare_threshold": None} if url.get_backend_name() == "postgresql" else {}


def display_name(url: URL) -> str:
    """The database as users named it: a SQLite file's path, or the URL without password."""
    if url.get_backend_name() == "sqlite" and url.database:
        return url.database
    return url.render_as_string(hide_password=True)


def check_connection(database: Database) -> None:
    try:
        with database.engine.connect() as connection:
            connection.execute(text("SELECT 1"))
    except DBAPIError as error:
        database.close()
        reason = str(error.orig).strip().splitlines()[0] if error.orig else str(error)
        if "does not exist" in reason:
            raise DatabaseMissing(database.name) from None
        raise DatabaseUnavailable(database.name, f"无法连接（{reason}）") from None


def prepare_sqlite_file(url: URL, name: str, *, create: bool) -> None:
    if not url.database or url.database == ":memory:":
        raise StoreError(name, "需要一个数据库文件（内存数据库无法在命令之间保存）")
    path = Path(url.database)
    if path.exists():
        if path.is_dir():
            raise StoreError(name, "这是一个目录，不是数据库文件")
        return
    if not create:
        raise DatabaseMissing(name)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise DatabaseUnavailable(name, f"无法创建目录（{error.strerror or error}）") from None


def create_postgresql_database(url: URL) -> None:
    """Create the database named in ``url`` if the server lacks it (and the user may)."""
    if not url.database:
        return
    maintenance = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with maintenance.connect() as connection:
            exists = connection.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": url.database}
            )
            if not exists:
                quoted = connection.dialect.identifier_preparer.quote(url.database)
                connection.execute(text(f"CREATE DATABASE {quoted}"))
    except DBAPIError:
        pass  # no server or no permission: connecting to the database itself will say so
    finally:
        maintenance.dispose()


def configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # transactions begin in begin_sqlite_transaction
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def begin_sqlite_transaction(connection: Connection) -> None:
    """``BEGIN``, or ``BEGIN IMMEDIATE`` for :func:`write_transaction` (takes the write lock
    at once, so that a concurrent import waits instead of failing on a stale snapshot)."""
    immediate = connection.get_execution_options().get("jixiao_write", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def write_transaction(database: Database) -> Iterator[Connection]:
    """A transaction that will write: committed at the end, rolled back on any error."""
    with database.engine.connect() as connection:
        connection.execution_options(jixiao_write=True)
        with connection.begin():
            yield connection
