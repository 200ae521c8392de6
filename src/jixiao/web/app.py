"""The app factory: ``create_app(database_url)``; ``jixiao serve`` runs it under uvicorn.

The app keeps no state in memory beyond its settings and the database connection pool:
users, sessions and tables live in the database, so several worker processes may serve it.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Final

from anyio import to_thread
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

import jixiao
from jixiao.errors import ConfigError
from jixiao.services import JobRunner, connect_store, fail_interrupted_jobs
from jixiao.web.api import router as api_router
from jixiao.web.errors import install_error_handlers
from jixiao.web.limits import UploadLimit
from jixiao.web.security import JixiaoApp
from jixiao.web.settings import Settings
from jixiao.web.ui import router as ui_router

STATIC: Final = Path(__file__).parent / "static"
VENDOR_FILES: Final = ("htmx.min.js", "echarts.min.js")
"""The front-end libraries the pages load, vendored at build time (``make assets``)."""


def check_assets() -> None:
    """Raise :class:`ConfigError` naming the vendored front-end files that are missing."""
    vendor = STATIC / "vendor"
    missing = [vendor / name for name in VENDOR_FILES if not (vendor / name).is_file()]
    if missing:
        raise ConfigError(
            "网页前端文件",
            f"缺少 {'、'.join(str(path) for path in missing)}（htmx 与 ECharts 不随源码提交），"
            "页面将无法正常使用；请在源码目录运行 make assets"
            "（即 scripts/vendor_assets.sh，需要 npm）后再启动 jixiao serve",
        )


def create_app(
    database_url: str | None,
    *,
    max_upload_mb: float = 20,
    secure_cookies: bool = False,
    upload_wait: float | None = Settings.upload_wait,
) -> FastAPI:
    """The web app over the database at ``database_url`` (created and set up when new).

    An upload is imported in the background; its request waits up to ``upload_wait`` seconds
    (None: until it is done) and then answers with the results, or with the job's status URL.
    Jobs left unfinished by a server process that is gone are marked failed here.
    """
    settings = Settings(
        max_upload_mb=max_upload_mb, secure_cookies=secure_cookies, upload_wait=upload_wait
    )
    database = connect_store(database_url, connections=settings.connections)
    fail_interrupted_jobs(database)
    jobs = JobRunner(database, settings.job_threads)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Blocking work (database, templates) runs in the worker threads; as many threads as
        # pooled connections, so that no request opens a connection of its own. More
        # threads than that would only wait for the GIL and the pool in turn.
        to_thread.current_default_thread_limiter().total_tokens = settings.threads
        yield
        jobs.close()
        database.close()

    app = JixiaoApp(
        title="jixiao 绩效目标表 API",
        version=jixiao.__version__,
        description="绩效目标表的查询、审核发现、上传与导出。认证：Authorization: Bearer <令牌>。",
        lifespan=lifespan,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    app.state.database = database
    app.state.settings = settings
    app.state.jobs = jobs
    install_error_handlers(app)
    app.add_middleware(UploadLimit, max_bytes=app.state.settings.max_upload_bytes)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(ui_router)
    app.include_router(api_router)
    return app


def app_from_environment() -> FastAPI:
    """The app for ``uvicorn --factory``: database from ``JIXIAO_DB``, upload limit from
    ``JIXIAO_MAX_UPLOAD_MB``, secure cookies when ``JIXIAO_SECURE_COOKIES=1``, the seconds an
    upload waits for its results from ``JIXIAO_UPLOAD_WAIT``; refuses to start without the
    vendored front-end files (:func:`check_assets`)."""
    check_assets()
    return create_app(
        os.environ.get("JIXIAO_DB") or None,
        max_upload_mb=float(os.environ.get("JIXIAO_MAX_UPLOAD_MB", "20")),
        secure_cookies=os.environ.get("JIXIAO_SECURE_COOKIES") == "1",
        upload_wait=float(os.environ.get("JIXIAO_UPLOAD_WAIT", f"{Settings.upload_wait}")),
    )
