"""What the app is configured with; kept on ``app.state`` (no other state in memory)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from jixiao.services import Database, JobRunner

SESSION_COOKIE = "jixiao_session"
LOGIN_CSRF_COOKIE = "jixiao_login_csrf"
CSRF_HEADER = "x-csrf-token"
CSRF_FIELD = "csrf_token"


@dataclass(frozen=True)
class Settings:
    max_upload_mb: float = 20
    secure_cookies: bool = False  # set behind HTTPS so that cookies are sent over TLS only
    page_size: int = 50
    threads: int = 4  # worker threads for blocking work, and pooled database connections
    upload_wait: float | None = 5.0  # seconds an upload waits for its job; None: until done
    job_threads: int = 1  # uploads imported at a time, in the background

    @property
    def connections(self) -> int:
        """Pooled database connections: one per thread that may use the database."""
        return self.threads + self.job_threads

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)


def database_of(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def jobs_of(request: Request) -> JobRunner:
    jobs: JobRunner = request.app.state.jobs
    return jobs
