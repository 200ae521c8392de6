"""Text search over tables, indexed for large databases (migration 0007).

Each revision stores ``search_text`` (its header, goals and indicators' text, see
:func:`jixiao.store.rows.search_text`), so that a search reads one row per table. For a
million indicators that is still too much to scan, so it is indexed:

* PostgreSQL: a pg_trgm GIN index (``ix_revisions_search_text``) serves ``LIKE``.
* SQLite: an FTS5 table with the trigram tokenizer (``revisions_search``), filled in bulk by
  :func:`sync_search_index` after each import batch (per-document updates of an FTS index
  would double the import time). Revisions above ``revisions_search_state.upto`` are not
  indexed yet and are matched by scanning, so a search is always complete.

A phrase shorter than three characters cannot use trigrams and is matched by scanning.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ColumnElement, Connection, bindparam, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.functions import FunctionElement

from jixiao.store.schema import revisions

FTS_TABLE = "revisions_search"
FTS_STATE = "revisions_search_state"
TRIGRAM = 3


class IndexedSearch(FunctionElement[bool]):
    """``search_text`` contains the phrase (arguments: a LIKE pattern escaped with '/', and
    the phrase quoted for an FTS5 MATCH)."""

    name = "indexed_search"
    inherit_cache = True
    type = Boolean()


def text_search(phrase: str) -> ColumnElement[bool]:
    """Revisions whose header, goals or indicators contain ``phrase``."""
    return search_clause(is_indexed(phrase), search_values(phrase))


def is_indexed(phrase: str) -> bool:
    """Whether the index serves the phrase (three characters or more: trigrams)."""
    return len(phrase) >= TRIGRAM


def search_values(phrase: str) -> dict[str, str]:
    """The parameters of :func:`search_clause` for ``phrase``: a LIKE pattern escaped with
    '/' (``search_like``) and, when indexed, the phrase quoted for FTS5 (``search_phrase``)."""
    like = phrase.replace("/", "//").replace("%", "/%").replace("_", "/_")
    values = {"search_like": f"%{like}%"}
    if is_indexed(phrase):
        values["search_phrase"] = '"' + phrase.replace('"', '""') + '"'
    return values


def search_clause(indexed: bool, values: dict[str, str] | None = None) -> ColumnElement[bool]:
    """The search condition with its parameters bound to ``values``, or left to be given at
    execution (a statement built once, see :func:`jixiao.store.queries.list_tables`)."""

    def parameter(name: str) -> Any:
        return bindparam(name, values[name]) if values is not None else bindparam(name)

    if not indexed:
        return revisions.c.search_text.like(parameter("search_like"), escape="/")
    return IndexedSearch(parameter("search_like"), parameter("search_phrase"))


@compiles(IndexedSearch)
def compile_like(element: IndexedSearch, compiler: SQLCompiler, **kw: Any) -> str:
    """PostgreSQL (pg_trgm serves LIKE) and any other database."""
    pattern = compiler.process(next(iter(element.clauses)), **kw)
    return f"{compiler.process(revisions.c.search_text, **kw)} LIKE {pattern} ESCAPE '/'"


@compiles(IndexedSearch, "sqlite")
def compile_fts5(element: IndexedSearch, compiler: SQLCompiler, **kw: Any) -> str:
    """SQLite: indexed revisions by an FTS5 phrase query, the rest (not yet indexed) by LIKE."""
    like, phrase = (compiler.process(clause, **kw) for clause in element.clauses)
    ids = compiler.process(revisions.c.id, **kw)
    column = compiler.process(revisions.c.search_text, **kw)
    return (
        f"{ids} IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH {phrase}"
        f" UNION ALL SELECT id FROM revisions WHERE id > (SELECT upto FROM {FTS_STATE})"
        f" AND {column} LIKE {like} ESCAPE '/')"
    )


def sync_search_index(connection: Connection) -> int:
    """Index the revisions stored since the last call (SQLite; a no-op elsewhere)."""
    if connection.dialect.name != "sqlite":
        return 0
    upto = connection.scalar(text(f"SELECT upto FROM {FTS_STATE}")) or 0
    newest = connection.scalar(text("SELECT coalesce(max(id), 0) FROM revisions")) or 0
    if newest <= upto:
        return 0
    connection.execute(
        text(
            f"INSERT INTO {FTS_TABLE} (rowid, search_text) "
            "SELECT id, search_text FROM revisions WHERE id > :upto AND id <= :newest"
        ),
        {"upto": upto, "newest": newest},
    )
    connection.execute(text(f"UPDATE {FTS_STATE} SET upto = :newest"), {"newest": newest})
    return int(newest - upto)
