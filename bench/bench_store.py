"""Store import speed against raw writes of the same rows, measured in the same run.

Builds a synthetic corpus from the example document: each document holds ``--copies`` copies
of its four tables (71 indicators) under new project names, spread over 60 departments, with
the example's parse findings. Documents are generated one at a time (never all in memory).
For each database (SQLite file, PostgreSQL) it times

* jixiao: ``import_document`` per document, one transaction each (identity lookups, content
  hashes, findings, history), on a migrated, empty database;
* raw:    the same rows written with the driver alone, one transaction per document:
  ``sqlite3`` ``executemany``; psycopg ``COPY`` for every table. Building the rows is not timed.

then ``ls`` and ``show`` latency (service calls, median of 20) on the full database, and the
process's resident memory along the way (it should stay flat). No assertion: machines are
shared and noisy.

    .venv/bin/python bench/bench_store.py [--indicators 1000000] [--only sqlite|postgresql]
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg

from jixiao.model import Document, Finding, SourceRef, TargetTable
from jixiao.services import list_stored_tables, open_store, read_document, show_stored_table
from jixiao.store import (
    TableFilter,
    head_revision,
    import_document,
    open_database,
    prepare_for_writes,
    sync_search_index,
    write_transaction,
)
from jixiao.store.imports import utc_now
from jixiao.store.prepared import table_identity
from jixiao.store.rows import (
    FINDING_COLUMNS,
    INDICATOR_COLUMNS,
    content_sha256,
    finding_row,
    indicator_rows,
    revision_values,
)

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "binhai-zuzhibu-2024.txt"
POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432"
DEPARTMENTS = 60


def corpus(indicators: int, copies: int) -> Iterator[Document]:
    """Synthetic documents until ``indicators`` indicators have been produced."""
    example = read_document(EXAMPLE)
    made = 0
    number = 0
    while made < indicators:
        tables: list[TargetTable] = []
        found: list[Finding] = []
        for copy in range(copies):
            for table in example.tables:
                project = f"{table.project}-{number}-{copy}"
                department = f"{table.department}第{(number * copies + copy) % DEPARTMENTS}分部"
                tables.append(
                    table.model_copy(update={"project": project, "department": department})
                )
                found += [
                    f.model_copy(update={"project": project, "location": SourceRef()})
                    for f in example.findings
                    if f.project == table.project
                ]
                made += len(table.indicators)
        yield Document(
            file=f"corpus/{number:06d}.txt",
            sha256=hashlib.sha256(f"synthetic {number}".encode()).hexdigest(),
            format="text",
            tables=tables,
            findings=found,
        )
        number += 1


def rss_mb() -> float:
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * 4096 / 1_000_000


def run_jixiao(url: str, documents: Iterator[Document], total: int) -> tuple[float, list[str]]:
    database = open_database(url, create=True)
    prepare_for_writes(database)
    elapsed = 0.0
    memory: list[str] = []
    checkpoints = {total // 10, total // 2, total - 1}
    for number, document in enumerate(documents):
        start = time.perf_counter()
        with write_transaction(database) as connection:
            import_document(connection, document)
        elapsed += time.perf_counter() - start
        if number in checkpoints:
            memory.append(f"{number + 1} docs {rss_mb():.0f} MB")
    start = time.perf_counter()  # the search index is filled once per batch, as jixiao import does
    with write_transaction(database) as connection:
        sync_search_index(connection)
    elapsed += time.perf_counter() - start
    database.close()
    return elapsed, memory


RawWriter = Callable[[str, list[str], list[tuple[Any, ...]]], None]


def raw_rows(
    document: Document, ids: dict[str, int]
) -> Iterator[tuple[str, list[str], list[tuple[Any, ...]]]]:
    """The rows jixiao writes for a new document, with ids assigned here (untimed)."""
    now = utc_now()
    ids["documents"] += 1
    document_id = ids["documents"]
    yield (
        "documents",
        ["id", "sha256", "file", "format", "imported_at", "imported_by"],
        [(document_id, document.sha256, document.file, document.format, now, None)],
    )
    tables, revision_rows, indicator_batch, finding_batch = [], [], [], []
    table_columns = ["id", "identity", "kind", "department_code", "department", "project"]
    table_columns += ["year", "current_revision", "created_at", "updated_at"]
    revision_columns: list[str] = []
    for position, table in enumerate(document.tables):
        ids["target_tables"] += 1
        ids["revisions"] += 1
        identity = table_identity(table, sha256=document.sha256, position=position)
        table_id = ids["target_tables"]
        tables.append(
            (
                table_id,
                identity,
                table.kind.value,
                table.department_code,
                table.department,
                table.project,
                table.year,
                1,
                now,
                now,
            )
        )
        header = revision_values(table)
        contents, sources = indicator_rows(table.indicators)
        values = {
            **header,
            "id": ids["revisions"],
            "table_id": ids["target_tables"],
            "number": 1,
            "document_id": document_id,
            "position": position,
            "content_sha256": content_sha256(header, contents),
            "created_at": now,
            "created_by": None,
            "indicator_count": len(contents),
            "finding_count": sum(1 for f in document.findings if f.project == table.project),
        }
        revision_columns = list(values)
        revision_rows.append(tuple(values.values()))
        indicator_batch += [
            (ids["revisions"], *content, *source)
            for content, source in zip(contents, sources, strict=True)
        ]
        finding_batch += [
            finding_row(f, document_id=document_id, revision_id=ids["revisions"], position=n)
            for n, f in enumerate(document.findings)
            if f.project == table.project
        ]
    yield "target_tables", table_columns, tables
    yield "revisions", revision_columns, revision_rows
    yield "indicators", list(INDICATOR_COLUMNS), indicator_batch
    yield "findings", list(FINDING_COLUMNS), finding_batch


def run_raw(url: str, documents: Iterator[Document], write: Callable[..., float]) -> float:
    database = open_database(url, create=True)
    prepare_for_writes(database)
    database.close()
    ids = dict.fromkeys(("documents", "target_tables", "revisions"), 0)
    return sum(write(list(raw_rows(document, ids))) for document in documents)


def sqlite_writer(path: str) -> tuple[Callable[..., float], Callable[[], None]]:
    import sqlite3

    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")

    def write(batches: list[tuple[str, list[str], list[tuple[Any, ...]]]]) -> float:
        start = time.perf_counter()
        connection.execute("BEGIN")
        for table, columns, rows in batches:
            marks = ", ".join("?" for _ in columns)
            connection.executemany(
                f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
            )
        connection.execute("COMMIT")
        return time.perf_counter() - start

    return write, connection.close


def postgres_writer(dsn: str) -> tuple[Callable[..., float], Callable[[], None]]:
    connection = psycopg.connect(dsn)

    def write(batches: list[tuple[str, list[str], list[tuple[Any, ...]]]]) -> float:
        start = time.perf_counter()
        with connection.cursor() as cursor:
            for table, columns, rows in batches:
                with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
        connection.commit()
        return time.perf_counter() - start

    return write, connection.close


def latency_ms(run: Callable[[], object], times: int = 20) -> float:
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def measure_reads(url: str) -> str:
    """Median latency of ``ls`` and ``show`` as the CLI runs them: open, check, query, close."""

    def ls(wanted: TableFilter) -> Callable[[], object]:
        def run() -> object:
            with open_store(url) as database:
                return list_stored_tables(database, wanted, limit=50)

        return run

    def show(project: str) -> Callable[[], object]:
        def run() -> object:
            with open_store(url) as database:
                return show_stored_table(database, project)

        return run

    with open_store(url) as database:
        middle = list_stored_tables(database, TableFilter(), limit=1, offset=5000).tables
    project = (middle[0].project if middle else None) or "组织工作专项经费-0-0"
    narrowed = TableFilter(year=2024, department="第7分部")
    return (
        f"ls {latency_ms(ls(TableFilter())):.1f} ms, "
        f"ls --year --department {latency_ms(ls(narrowed)):.1f} ms, "
        f"show {latency_ms(show(project)):.1f} ms, "
        f"ls --search {latency_ms(ls(TableFilter(search='满意度')), 3):.0f} ms"
    )


def bench(
    name: str,
    url: str,
    raw: tuple[Callable[..., float], Callable[[], None]],
    args: argparse.Namespace,
    total: int,
) -> None:
    print(f"\n== {name}")
    write, close = raw
    raw_s = run_raw(raw_url(name, args), corpus(args.indicators, args.copies), write)
    close()
    ours_s, memory = run_jixiao(url, corpus(args.indicators, args.copies), total)
    print(f"raw ({'executemany' if name == 'sqlite' else 'COPY'}): {raw_s:7.1f} s")
    print(f"jixiao import   : {ours_s:7.1f} s  ({args.indicators / ours_s:,.0f} indicators/s)")
    print(f"ratio jixiao/raw: {ours_s / raw_s:.2f}x")
    print(f"memory (RSS)    : {'; '.join(memory)}")
    print(f"reads           : {measure_reads(url)}")


def raw_url(name: str, args: argparse.Namespace) -> str:
    return args.raw_sqlite if name == "sqlite" else f"{POSTGRES}/{args.raw_pg}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--indicators", type=int, default=1_000_000)
    parser.add_argument(
        "--copies", type=int, default=14, help="copies of the 4 tables per document"
    )
    parser.add_argument("--only", choices=("sqlite", "postgresql"))
    args = parser.parse_args()
    per_document = 71 * args.copies
    total = -(-args.indicators // per_document)
    print(f"corpus: {total} documents x {per_document} indicators, schema {head_revision()}")
    with tempfile.TemporaryDirectory() as tmp:
        args.raw_sqlite = f"{tmp}/raw.db"
        if args.only in (None, "sqlite"):
            bench("sqlite", f"{tmp}/jixiao.db", sqlite_writer(args.raw_sqlite), args, total)
        if args.only in (None, "postgresql"):
            suffix = f"{time.time_ns()}"
            args.raw_pg = f"jixiao_bench_raw_{suffix}"
            ours = f"jixiao_bench_{suffix}"
            try:
                open_database(f"{POSTGRES}/{args.raw_pg}", create=True).close()
                dsn = f"postgresql://postgres@127.0.0.1:5432/{args.raw_pg}"
                bench("postgresql", f"{POSTGRES}/{ours}", postgres_writer(dsn), args, total)
            finally:
                drop_postgres_databases(args.raw_pg, ours)


def drop_postgres_databases(*names: str) -> None:
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
        for name in names:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


if __name__ == "__main__":
    main()
