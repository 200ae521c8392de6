"""What the app is configured with; kept on ``app.state`` (no other state in memory)."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from jixiao.services import Database

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

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)


def database_of(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings
