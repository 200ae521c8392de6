"""Uploads as background jobs (issue 18): 202 with a status URL, progress while the job runs,
per-file results when it is done, visible to its owner and admins only, and marked failed
(never left running) when its server process is gone. On SQLite and PostgreSQL.

No test waits on the clock: a job is held between two files by ``upload_gate`` and a test
waits for the job thread to be idle with ``jobs_idle`` (both in conftest.py).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx2
import psycopg
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import make_url

from jixiao.services import jobs
from jixiao.store import open_database, write_transaction
from jixiao.store.imports import utc_now
from jixiao.store.jobs import JobStatus, add_job, load_job
from jixiao.store.users import user_id_by_name
from jixiao.web import create_app

POSTGRES = os.environ.get("JIXIAO_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432")
ASYNC = {"Prefer": "respond-async"}
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "binhai-zuzhibu-2024.txt"
GARBAGE = ("broken.xlsx", b"PK\x03\x04 not really a workbook")


def revised_example() -> bytes:
    text = EXAMPLE.read_text(encoding="utf-8")
    assert "≥16 个" in text
    return text.replace("≥16 个", "≥17 个", 1).encode()


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(
    request: pytest.FixtureRequest,
    template: tuple[Path, dict[str, str]],
    database_path: Path,
    prepare: Callable[[str], dict[str, str]],
) -> Iterator[tuple[str, dict[str, str]]]:
    """The example database with its users, and their tokens: SQLite, or a new PostgreSQL."""
    if request.param == "sqlite":
        yield str(database_path), template[1]
        return
    name = f"jixiao_jobs_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin_dsn = make_url(POSTGRES).set(drivername="postgresql", database="postgres")
    dsn = admin_dsn.render_as_string(hide_password=False)
    try:
        psycopg.connect(dsn, autocommit=True, connect_timeout=5).close()
    except psycopg.OperationalError as error:
        pytest.fail(f"PostgreSQL is not reachable at {POSTGRES} ({error})", pytrace=False)
    url = make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    try:
        yield url, prepare(url)
    finally:
        with psycopg.connect(dsn, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_long_upload_answers_202_and_shows_its_progress(
    backend: tuple[str, dict[str, str]], upload_gate: Any, jobs_idle: Callable[[FastAPI], None]
) -> None:
    url, tokens = backend
    app = create_app(url, upload_wait=0)
    filler = {"Authorization": f"Bearer {tokens['filler']}"}
    files = [("files", ("revised.txt", revised_example())), ("files", GARBAGE)]
    with TestClient(app) as client:
        started = client.post("/api/v1/documents", headers=filler, files=files)
        assert started.status_code == 202, started.text
        location = started.headers["location"]
        assert location == f"/api/v1/jobs/{started.json()['id']}"
        assert started.json()["total"] == 2
        assert upload_gate.reached.wait(60)

        running = client.get(location, headers=filler)
        assert running.status_code == 200
        assert running.headers["retry-after"] == "1"
        body = running.json()
        assert (body["status"], body["status_label"]) == ("running", "处理中")
        assert (body["done"], body["total"]) == (1, 2)
        assert body["files"] == ["revised.txt", "broken.xlsx"]
        first = body["results"][0]
        assert first["ok"]
        assert first["tables"][0]["status"] == "revised"
        assert body["created_at"].endswith("+08:00")

        # the job is its owner's (and the admins'): anyone else is told it does not exist
        for other in ("outsider", "reviewer"):
            hidden = client.get(location, headers={"Authorization": f"Bearer {tokens[other]}"})
            assert hidden.status_code == 404, other
            assert "revised" not in hidden.text
        admin = {"Authorization": f"Bearer {tokens['admin']}"}
        assert client.get(location, headers=admin).json()["done"] == 1

        upload_gate.opened.set()
        jobs_idle(app)
        done = client.get(location, headers=filler)
        assert "retry-after" not in done.headers
        body = done.json()
        assert (body["status"], body["status_label"], body["done"]) == ("done", "已完成", 2)
        assert body["finished_at"] is not None
        failed = body["results"][1]
        assert failed["ok"] is False
        assert failed["file"] == "broken.xlsx"
        assert "broken.xlsx" in failed["error"]["message"]


def test_prefer_respond_async_and_waiting_uploads(
    database_path: Path, tokens: dict[str, str], jobs_idle: Callable[[FastAPI], None]
) -> None:
    app = create_app(str(database_path), upload_wait=None)
    filler = {"Authorization": f"Bearer {tokens['filler']}"}
    files = [("files", ("example.txt", EXAMPLE.read_bytes()))]
    with TestClient(app) as client:
        waited = client.post("/api/v1/documents", headers=filler, files=files)
        assert waited.status_code == 200  # done within the wait: the results themselves
        assert waited.json()["results"][0]["already_imported"] is True
        asked = client.post("/api/v1/documents", headers={**filler, **ASYNC}, files=files)
        assert asked.status_code == 202
        assert asked.headers["preference-applied"] == "respond-async"
        jobs_idle(app)
        result = client.get(asked.headers["location"], headers=filler).json()
        assert result["status"] == "done"
        assert result["results"][0]["already_imported"] is True


def test_a_users_unfinished_uploads_are_bounded(
    database_path: Path,
    tokens: dict[str, str],
    upload_gate: Any,
    jobs_idle: Callable[[FastAPI], None],
) -> None:
    app = create_app(str(database_path), upload_wait=0)
    filler = {"Authorization": f"Bearer {tokens['filler']}"}
    files = [("files", ("a.txt", b"a")), ("files", ("b.txt", b"b"))]
    with TestClient(app) as client:
        for _ in range(jobs.MAX_UNFINISHED_JOBS):
            assert client.post("/api/v1/documents", headers=filler, files=files).status_code == 202
        refused = client.post("/api/v1/documents", headers=filler, files=files)
        assert refused.status_code == 422
        assert "正在处理" in refused.json()["error"]["message"]
        other = {"Authorization": f"Bearer {tokens['admin']}"}  # others are not held up
        assert client.post("/api/v1/documents", headers=other, files=files).status_code == 202
        upload_gate.opened.set()
        jobs_idle(app)


def test_job_ids_out_of_range_or_unknown(api: Callable[..., Any]) -> None:
    assert api("GET", "/api/v1/jobs/99999").status_code == 404
    assert api("GET", "/api/v1/jobs/0").status_code == 422
    assert api("GET", "/api/v1/jobs/99999999999999999999").status_code == 422
    assert api("GET", "/api/v1/jobs/1", user=None).status_code == 401


def dead_pid() -> int:
    """The pid of a process that has ended."""
    ended = subprocess.Popen(["true"])
    ended.wait()
    return ended.pid


def test_a_restart_marks_unfinished_jobs_failed(backend: tuple[str, dict[str, str]]) -> None:
    url, tokens = backend
    database = open_database(url)
    host = jobs.this_runner().rpartition(":")[0]
    with write_transaction(database) as connection:
        filler = user_id_by_name(connection, "filler")
        assert filler is not None
        files = ["a.txt", "b.txt", "c.txt"]
        gone = add_job(
            connection,
            user_id=filler,
            files=files,
            runner=f"{host}:{dead_pid()}",
            now=utc_now(),
        )
        alive = add_job(  # this very process: still running
            connection, user_id=filler, files=files, runner=jobs.this_runner(), now=utc_now()
        )
        elsewhere = add_job(  # another host: cannot be checked from here, left alone
            connection, user_id=filler, files=files, runner="elsewhere:1", now=utc_now()
        )
    with TestClient(create_app(url)) as client:
        with database.engine.connect() as connection:
            statuses = {}
            for job_id in (gone, alive, elsewhere):
                record = load_job(connection, job_id)
                assert record is not None
                statuses[job_id] = record.status
        assert statuses[gone] is JobStatus.FAILED
        assert statuses[alive] is JobStatus.QUEUED  # this very process: still its own
        assert statuses[elsewhere] is JobStatus.QUEUED  # another host: cannot be checked
        shown = client.get(
            f"/api/v1/jobs/{gone}", headers={"Authorization": f"Bearer {tokens['filler']}"}
        ).json()
        assert (shown["status"], shown["status_label"]) == ("failed", "已中断")
        assert "重启" in shown["message"]
        assert "其余 3 个文件没有处理结果" in shown["message"]
    database.close()


def test_the_upload_page_polls_a_running_job(
    database_path: Path,
    upload_gate: Any,
    sign_in: Callable[..., str],
    jobs_idle: Callable[[FastAPI], None],
) -> None:
    app = create_app(str(database_path), upload_wait=0)
    with TestClient(app, follow_redirects=False) as client:
        csrf = sign_in(client, "filler")
        files = [("files", ("revised.txt", revised_example())), ("files", GARBAGE)]
        headers = {"HX-Request": "true", "X-CSRF-Token": csrf}
        started = client.post("/upload", headers=headers, files=files)
        assert started.status_code == 200
        assert 'hx-trigger="every 1s"' in started.text
        job_url = started.text.split('hx-get="', 1)[1].split('"', 1)[0]
        assert upload_gate.reached.wait(60)
        running = client.get(job_url, headers={"HX-Request": "true"})
        assert "已处理 1 / 2 个文件" in running.text
        assert "正在处理“broken.xlsx”" in running.text
        assert "hx-trigger" in running.text
        page = client.get(job_url)  # the page itself, for a browser without htmx's request
        assert "<form" in page.text
        assert "已处理 1 / 2 个文件" in page.text

        outsider = TestClient(app, follow_redirects=False)  # the app is running already
        sign_in(outsider, "outsider")
        assert outsider.get(job_url).status_code == 404
        upload_gate.opened.set()
        jobs_idle(app)
        done = client.get(job_url, headers={"HX-Request": "true"})
        assert "hx-trigger" not in done.text
        assert "新修订版" in done.text
        assert "未导入" in done.text
        assert "broken.xlsx" in done.text


def test_a_killed_server_leaves_its_job_failed_not_running(
    tmp_path: Path, prepare: Callable[[str], dict[str, str]]
) -> None:
    """kill -9 of a real server (uvicorn in a subprocess) in the middle of an upload job:
    the files committed stay, and the next server start says the job was cut short."""
    url = str(tmp_path / "killed.db")
    tokens = prepare(url)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "uvicorn", "--factory", "jixiao.web:app_from_environment"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    environment = {**os.environ, "JIXIAO_DB": url, "JIXIAO_UPLOAD_WAIT": "0"}
    server = subprocess.Popen(command, env=environment, stderr=subprocess.DEVNULL)
    text = EXAMPLE.read_text(encoding="utf-8")
    files = [  # each a new project: every file is read, reviewed and stored
        ("files", (f"copy-{n}.txt", text.replace("专项经费", f"专项经费（第{n}组）").encode()))
        for n in range(50)
    ]
    filler = {"Authorization": f"Bearer {tokens['filler']}"}
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(300):  # until the server answers
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        with httpx2.Client(base_url=base, timeout=60) as client:
            started = client.post("/api/v1/documents", headers=filler, files=files)
            assert started.status_code == 202, started.text
            location = started.headers["location"]
            for _ in range(1200):  # until the job has committed some files, not all
                job = client.get(location, headers=filler).json()
                if job["done"] >= 1:
                    break
                time.sleep(0.05)
            assert job["status"] == "running"
            assert 1 <= job["done"] < job["total"]
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait(30)
    with TestClient(create_app(url)) as client:  # the server starts again
        job = client.get(location, headers=filler).json()
    assert (job["status"], job["status_label"]) == ("failed", "已中断")
    assert job["done"] >= 1
    assert f"其余 {job['total'] - job['done']} 个文件没有处理结果" in job["message"]
    assert all(result["ok"] for result in job["results"])  # what it did, it committed
