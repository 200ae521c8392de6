"""Schema versions: Alembic migrations shipped inside the package.

``upgrade_database`` brings a database to the newest schema (``jixiao db upgrade``); imports
call :func:`prepare_for_writes`, which upgrades a new, empty database by itself but asks for an
explicit upgrade of one that already holds data. Reading commands call :func:`check_schema`,
which reads the version table directly: Alembic is only imported to run migrations.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from sqlalchemy import Connection, inspect, text

from jixiao.errors import DatabaseMissing, DatabaseOutdated
from jixiao.store.database import Database

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION: Final = "jixiao.store:migrations"
SCHEMA_VERSION: Final = "0016"
"""The newest migration's revision (tests check it against the migrations directory)."""
VERSION_TABLE: Final = "alembic_version"


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return SCHEMA_VERSION


def schema_revision(database: Database) -> str | None:
    """The database's schema version, or None for a database jixiao has not set up."""
    with database.engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        version: str | None = connection.scalar(text(f"SELECT version_num FROM {VERSION_TABLE}"))
        return version


def upgrade_database(database: Database) -> tuple[str | None, str]:
    """Run every migration the database lacks; returns (version before, version after)."""
    from alembic import command

    before = schema_revision(database)
    with database.engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
    return before, head_revision()


def check_schema(database: Database) -> None:
    """Raise unless the database has exactly this jixiao's schema."""
    current = schema_revision(database)
    if current is None:
        raise DatabaseMissing(database.name)
    if current != SCHEMA_VERSION:
        raise DatabaseOutdated(database.name, current, SCHEMA_VERSION)


def prepare_for_writes(database: Database) -> None:
    """Set up a new database; refuse one whose schema is not this jixiao's."""
    if schema_revision(database) is None:
        upgrade_database(database)
    check_schema(database)
