"""``jixiao serve``: the web app (FastAPI, served by uvicorn)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from jixiao.cli.database import DbOption, DebugOption, reporting_errors
from jixiao.cli.options import DEFAULT_TIME_LIMIT, TimeLimitOption
from jixiao.services import connect_store

APP_FACTORY = "jixiao.web:app_from_environment"
CHECK_ASSETS = "jixiao.web:check_assets"  # the CLI and the web app are independent layers


def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="监听地址。")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="端口。", min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(help="工作进程数（应用不在内存中保存状态）。")] = 1,
    time_limit: TimeLimitOption = DEFAULT_TIME_LIMIT,
    debug: DebugOption = False,
) -> None:
    """启动网页版：浏览、审核、在线修改、上传与导出，以及 /api/v1 接口。"""
    import uvicorn  # only this command needs the server
    from uvicorn.importer import import_from_string

    with reporting_errors(debug):
        import_from_string(CHECK_ASSETS)()  # no broken UI: refuse without htmx and ECharts
        connect_store(db).close()  # create or check the database before serving
    os.environ["JIXIAO_DB"] = db or os.environ.get("JIXIAO_DB", "") or "jixiao.db"
    os.environ["JIXIAO_TIME_LIMIT"] = f"{time_limit:g}"  # read by each upload's reading

    typer.echo(f"jixiao 网页版：http://{host}:{port}/ （Ctrl+C 停止）")
    uvicorn.run(
        APP_FACTORY,
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="debug" if debug else "info",
    )
