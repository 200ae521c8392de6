"""The Chinese UI: pages rendered with Jinja2, made interactive with htmx."""

from fastapi import APIRouter

from jixiao.web.ui import (
    account,
    evaluation,
    login,
    monitoring,
    pages,
    tables,
    uploads,
    workflow,
)

router = APIRouter(include_in_schema=False)
for module in (login, pages, tables, evaluation, monitoring, uploads, account, workflow):
    router.include_router(module.router)

__all__ = ["router"]
