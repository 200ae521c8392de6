"""Upload jobs: an upload imported in the background, so that no request waits minutes.

:class:`JobRunner` holds a server process's job threads. :meth:`JobRunner.submit` records a
queued job and hands the files to a thread, which imports them with
:func:`jixiao.services.imports.import_files` (one reading process: the thread itself, with the
uploading user, so that access is checked on what is actually written, as for any upload)
and appends each file's result to the job as soon as the file is committed. The caller may
wait for the job a while and answer with its results, or answer at once with its status URL
(:func:`upload_job`, visible to its owner and to admins only).

A job whose server process is gone (restarted, killed) is marked failed, saying which files
were imported before it stopped: :func:`fail_interrupted_jobs` runs when a server starts, and
:func:`upload_job` checks a job's process whenever it is asked about a job not yet ended. A
process is known by host name and pid, so only processes on the same host can be checked.
"""

from __future__ import annotations

import logging
import os
import socket
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Final

from pydantic import BaseModel

from jixiao.errors import InvalidRequest, NotFound
from jixiao.model.timestamps import Timestamp
from jixiao.services.imports import import_files
from jixiao.services.review import review_config, rule_reviewer
from jixiao.services.uploads import Upload, UploadResult, upload_name, upload_result
from jixiao.services.users import User
from jixiao.store import Database, write_transaction
from jixiao.store.imports import utc_now
from jixiao.store.jobs import (
    UNFINISHED,
    JobRecord,
    JobStatus,
    add_job,
    add_job_result,
    count_unfinished_jobs,
    fail_jobs,
    finish_job,
    load_job,
    start_job,
    unfinished_jobs,
)

logger = logging.getLogger("jixiao.services")

MAX_UNFINISHED_JOBS: Final = 3
"""Uploads one user may have waiting or running at once (each holds its files in memory)."""

STATUS_LABELS: Final = {
    JobStatus.QUEUED: "排队中",
    JobStatus.RUNNING: "处理中",
    JobStatus.DONE: "已完成",
    JobStatus.FAILED: "已中断",
}

INTERRUPTED: Final = "服务在处理期间停止或重启，任务中断"


class UploadJob(BaseModel):
    """An upload job as its owner sees it: status, progress and the results so far."""

    id: int
    status: JobStatus
    status_label: str
    total: int
    done: int
    files: list[str]
    results: list[UploadResult]
    message: str | None = None
    created_at: Timestamp
    started_at: Timestamp | None = None
    finished_at: Timestamp | None = None

    @property
    def finished(self) -> bool:
        return self.status not in UNFINISHED

    @property
    def complete(self) -> bool:
        """Every file has its result (imported, unchanged or refused)."""
        return self.status is JobStatus.DONE


def this_runner() -> str:
    """The name of the process running a job: host and pid (read at call time: a forked
    server worker has its own pid)."""
    return f"{socket.gethostname()}:{os.getpid()}"


def is_gone(runner: str) -> bool:
    """Whether a job's process has ended: only known for processes of this host."""
    host, _, pid = runner.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)  # signal 0: is there such a process? (nothing is sent)
    except ProcessLookupError:
        return True
    except PermissionError:  # it exists, under another user
        return False
    return False


class JobRunner:
    """The job threads of one server process (``threads`` uploads imported at a time)."""

    def __init__(self, database: Database, threads: int = 1) -> None:
        self.database = database
        self.executor = ThreadPoolExecutor(threads, thread_name_prefix="jixiao-upload-job")

    def submit(
        self, user: User, uploads: Sequence[Upload], year: int | None = None
    ) -> tuple[int, Future[None]]:
        """Record a queued job for ``uploads`` and start it; its id and its future (done when
        every file has its result)."""
        user.require_upload()
        runner = this_runner()
        with write_transaction(self.database) as connection:
            waiting = count_unfinished_jobs(connection, user.id)
            if waiting >= MAX_UNFINISHED_JOBS:
                raise InvalidRequest(
                    f"已有 {waiting} 个上传正在处理，请等其完成后再上传"
                    f"（每人同时至多 {MAX_UNFINISHED_JOBS} 个）"
                )
            names = [upload_name(upload.name) for upload in uploads]
            job_id = add_job(connection, user_id=user.id, files=names, runner=runner, now=utc_now())
        future = self.executor.submit(run_job, self.database, job_id, user, list(uploads), year)
        return job_id, future

    def close(self) -> None:
        """Stop taking jobs: the queued ones are failed now; the running one ends with the
        process (or, when the process lives on, by itself)."""
        self.executor.shutdown(wait=False, cancel_futures=True)
        runner = this_runner()
        with write_transaction(self.database) as connection:
            queued = [
                job_id
                for job_id, job_runner in unfinished_jobs(connection, [JobStatus.QUEUED])
                if job_runner == runner
            ]
            fail_jobs(connection, queued, "服务停止，任务未开始", utc_now())


def run_job(
    database: Database, job_id: int, user: User, uploads: list[Upload], year: int | None
) -> None:
    """Import the job's files, appending each file's result once it is committed."""
    with write_transaction(database) as connection:
        if not start_job(connection, job_id, utc_now()):
            return
    try:
        review = rule_reviewer(review_config())
        outcomes = import_files(database, uploads, user=user, year=year, review=review, workers=1)
        for outcome in outcomes:
            result = upload_result(outcome).model_dump(mode="json")
            with write_transaction(database) as connection:
                add_job_result(connection, job_id, result)
        with write_transaction(database) as connection:
            finish_job(connection, job_id, JobStatus.DONE, utc_now())
    except Exception:  # a bug, or the database gone: the job says so, the server goes on
        logger.exception("upload job %s failed", job_id)
        message = "处理出错（程序错误或数据库不可用，已记入日志），任务中断"
        try:
            with write_transaction(database) as connection:
                finish_job(connection, job_id, JobStatus.FAILED, utc_now(), message)
        except Exception:  # the database is gone: the next server start marks it failed
            logger.exception("upload job %s could not be marked failed", job_id)


def upload_job(database: Database, user: User, job_id: int) -> UploadJob:
    """The job, for its owner or an admin; anyone else gets :class:`NotFound`, as for a job
    that does not exist. A job whose process is gone is marked failed first."""
    with database.engine.connect() as connection:
        job = load_job(connection, job_id)
    if job is None or not (job.user_id == user.id or user.is_admin):
        raise NotFound(f"编号为 {job_id} 的上传任务")
    if job.status in UNFINISHED and is_gone(job.runner):
        with write_transaction(database) as connection:
            fail_jobs(connection, [job_id], INTERRUPTED, utc_now())
            job = load_job(connection, job_id) or job
    return job_view(job)


def fail_interrupted_jobs(database: Database) -> int:
    """Mark failed every unfinished job whose process is gone (a server starting); how many."""
    with write_transaction(database) as connection:
        orphans = [job_id for job_id, runner in unfinished_jobs(connection) if is_gone(runner)]
        fail_jobs(connection, orphans, INTERRUPTED, utc_now())
    return len(orphans)


def job_view(job: JobRecord) -> UploadJob:
    results = [UploadResult.model_validate(result) for result in job.results]
    message = job.message
    if job.status is JobStatus.FAILED:
        left = len(job.files) - len(results)
        done = f"已列出的 {len(results)} 个文件已处理完毕" if results else "没有文件处理完毕"
        rest = (  # the file being stored when it stopped may have been committed
            f"，其余 {left} 个文件没有处理结果，请重新上传这些文件"
            "（其中已入库的会显示为以前已导入，不会重复导入）"
            if left
            else ""
        )
        message = f"{message or '任务中断'}：{done}{rest}。"
    return UploadJob(
        id=job.id,
        status=job.status,
        status_label=STATUS_LABELS[job.status],
        total=len(job.files),
        done=len(results),
        files=list(job.files),
        results=results,
        message=message,
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
    )
