"""`jixiao import --cluster`: reading and reviewing on a Dask cluster, writing to PostgreSQL
(issue 17). A local cluster of worker processes stands in for a real one; what it stores is
exactly what the local import stores. Skipped without the extra ``jixiao[cluster]`` (which
``make test`` installs)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jixiao.cli import app

from .conftest import drop_postgres, postgres_admin, postgres_url, unique_name

distributed = pytest.importorskip("distributed")

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from bench_import import write_documents  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """The scheduler address of a local cluster: two worker processes, one thread each."""
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local.scheduler_address


@pytest.fixture
def two_databases() -> Iterator[tuple[str, str]]:
    names = [unique_name("jixiao_cluster"), unique_name("jixiao_local")]
    with postgres_admin() as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield postgres_url(names[0]), postgres_url(names[1])
    finally:
        for name in names:
            drop_postgres(name)


def run(*args: str) -> Any:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code in (0, 2), result.output
    return json.loads(result.stdout)


def test_a_cluster_import_stores_what_the_local_import_stores(
    cluster: str, two_databases: tuple[str, str], tmp_path: Path, example_path: Path
) -> None:
    on_cluster, local = two_databases
    files = write_documents(tmp_path / "documents", 6)
    (files / "empty.txt").write_text("没有表格的文件\n", encoding="utf-8")  # fails alike
    (files / "same-as-0000.txt").write_bytes((files / "0000.txt").read_bytes())
    clustered = run("import", "--db", on_cluster, "--cluster", cluster, str(files))
    alone = run("import", "--db", local, "--workers", "1", str(files))
    assert clustered["summary"] == alone["summary"]
    assert clustered["summary"]["imported"] == 6
    assert clustered["summary"]["failed"] == 1
    assert [f["status"] for f in clustered["files"]] == [f["status"] for f in alone["files"]]
    assert [f["error"] for f in clustered["files"]] == [f["error"] for f in alone["files"]]
    exported = [run("export", "--db", url) for url in two_databases]
    assert exported[0] == exported[1]
    assert len(exported[0]["documents"]) == 6
    again = run("import", "--db", on_cluster, "--cluster", cluster, str(files))
    assert again["summary"]["already_imported"] == 7


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path, example_path: Path) -> None:
    database = str(tmp_path / "db.sqlite")
    result = runner.invoke(
        app, ["import", "--db", database, "--cluster", "tcp://127.0.0.1:9", str(example_path)]
    )
    assert result.exit_code == 2
    assert "无法连接 Dask 调度器" in result.output
