"""Upload jobs: an upload imported in the background, its status and its per-file results.

The store keeps what a job is and how far it got; it runs nothing (the services do). Each
file's result is appended in its own transaction once the file is committed, so a job cut
short still tells which files were imported.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from jixiao.store.records import Record
from jixiao.store.schema import upload_jobs


class JobStatus(StrEnum):
    QUEUED = "queued"  # waiting for a free job thread
    RUNNING = "running"
    DONE = "done"  # every file has its result (imported, unchanged or failed)
    FAILED = "failed"  # ended before every file had its result (the server stopped…)


UNFINISHED = (JobStatus.QUEUED, JobStatus.RUNNING)


class JobRecord(Record):
    id: int
    user_id: int
    status: JobStatus
    files: tuple[str, ...]
    results: tuple[dict[str, Any], ...]
    message: str | None
    runner: str
    created_at: dt.datetime
    started_at: dt.datetime | None
    finished_at: dt.datetime | None


def add_job(
    connection: Connection, *, user_id: int, files: Sequence[str], runner: str, now: dt.datetime
) -> int:
    """A new queued job for the files named (in upload order); returns its id."""
    values = {
        "user_id": user_id,
        "status": JobStatus.QUEUED.value,
        "files_json": json.dumps(list(files), ensure_ascii=False),
        "results_json": "[]",
        "runner": runner,
        "created_at": now,
    }
    return int(
        connection.execute(insert(upload_jobs).returning(upload_jobs.c.id), values).scalar_one()
    )


def start_job(connection: Connection, job_id: int, now: dt.datetime) -> bool:
    """Mark a queued job running; False when it is no longer queued (failed meanwhile)."""
    started = connection.execute(
        update(upload_jobs)
        .where(upload_jobs.c.id == job_id, upload_jobs.c.status == JobStatus.QUEUED.value)
        .values(status=JobStatus.RUNNING.value, started_at=now)
    )
    return started.rowcount == 1


def add_job_result(connection: Connection, job_id: int, result: dict[str, Any]) -> None:
    """Append one file's result (only the job's own thread writes a running job's results)."""
    stored = connection.execute(
        select(upload_jobs.c.results_json).where(upload_jobs.c.id == job_id)
    ).scalar_one()
    results = [*json.loads(stored), result]
    connection.execute(
        update(upload_jobs)
        .where(upload_jobs.c.id == job_id)
        .values(results_json=json.dumps(results, ensure_ascii=False))
    )


def finish_job(
    connection: Connection,
    job_id: int,
    status: JobStatus,
    now: dt.datetime,
    message: str | None = None,
) -> None:
    """End a job that has not ended yet (a job failed by a restart stays failed)."""
    connection.execute(
        update(upload_jobs)
        .where(
            upload_jobs.c.id == job_id,
            upload_jobs.c.status.in_([status.value for status in UNFINISHED]),
        )
        .values(status=status.value, finished_at=now, message=message)
    )


def load_job(connection: Connection, job_id: int) -> JobRecord | None:
    row = connection.execute(select(upload_jobs).where(upload_jobs.c.id == job_id)).first()
    if row is None:
        return None
    return JobRecord(
        id=row.id,
        user_id=row.user_id,
        status=JobStatus(row.status),
        files=tuple(json.loads(row.files_json)),
        results=tuple(json.loads(row.results_json)),
        message=row.message,
        runner=row.runner,
        created_at=row.created_at,
        started_at=row.started_at,
        finished_at=row.finished_at,
    )


def unfinished_jobs(
    connection: Connection, statuses: Iterable[JobStatus] = UNFINISHED
) -> list[tuple[int, str]]:
    """(id, runner) of every job in one of these statuses (by default: queued or running)."""
    query = select(upload_jobs.c.id, upload_jobs.c.runner).where(
        upload_jobs.c.status.in_([status.value for status in statuses])
    )
    return [(row.id, row.runner) for row in connection.execute(query)]


def count_unfinished_jobs(connection: Connection, user_id: int) -> int:
    query = select(func.count()).where(
        upload_jobs.c.user_id == user_id,
        upload_jobs.c.status.in_([status.value for status in UNFINISHED]),
    )
    return int(connection.execute(query).scalar_one())


def fail_jobs(
    connection: Connection, job_ids: Iterable[int], message: str, now: dt.datetime
) -> None:
    """Mark these jobs failed, with why, if they have not ended meanwhile."""
    for job_id in job_ids:
        finish_job(connection, job_id, JobStatus.FAILED, now, message)
