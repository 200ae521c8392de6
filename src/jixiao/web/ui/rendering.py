"""Templates (Jinja2, autoescaped): every page is rendered through :func:`render`."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Final

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from jixiao.model import SourceRef
from jixiao.model.timestamps import beijing_time
from jixiao.services import (
    FIELD_LABELS,
    ROLE_LABELS,
    Session,
    profile_title,
    rule_title,
    web_hint,
)

TEMPLATES: Final = Path(__file__).parent.parent / "templates"
SEVERITY_LABELS: Final = {"error": "错误", "warning": "警告", "info": "提示"}
KIND_LABELS: Final = {
    "project_target": "项目支出绩效目标表",
    "self_evaluation": "项目支出绩效自评表",
    "department_target": "部门整体支出绩效目标表",
}
STATUS_LABELS: Final = {"new": "新表", "revised": "新修订版", "unchanged": "内容未变"}
TARGET_KIND_LABELS: Final = {
    "numeric": "数值",
    "range": "数值区间",
    "deadline": "完成时限",
    "period": "起止期间",
    "duration": "时长",
    "qualitative": "定性表述",
    "trend": "与往年比较",
    "compound": "多项数值",
    "text": "文字（无法衡量）",
    "empty": "未填写",
}

templates = Jinja2Templates(directory=TEMPLATES)
templates.env.auto_reload = False  # the templates are files of the package: no stat per page
templates.env.globals.update(
    SEVERITY_LABELS=SEVERITY_LABELS,
    KIND_LABELS=KIND_LABELS,
    ROLE_LABELS=ROLE_LABELS,
    FIELD_LABELS=FIELD_LABELS,
    STATUS_LABELS=STATUS_LABELS,
    TARGET_KIND_LABELS=TARGET_KIND_LABELS,
)


def describe_source(source: SourceRef) -> str:
    return source.describe(with_file=False) or "—"


def local_time(value: Any) -> str:
    """A stored time in 北京时间 (Asia/Shanghai), to the minute, whatever the server's zone."""
    return beijing_time(value).strftime("%Y-%m-%d %H:%M")


def money(value: float | None) -> str:
    """An amount in yuan for people: thousands separators, and 万元 beside it from 10,000 on
    (``2,150,000.00 元（215.00 万元）``)."""
    if value is None:
        return ""
    yuan = f"{value:,.2f} 元"
    return f"{yuan}（{value / 10000:,.2f} 万元）" if abs(value) >= 10000 else yuan


templates.env.filters["source"] = describe_source
templates.env.filters["local_time"] = local_time
templates.env.filters["money"] = money
templates.env.filters["rule_title"] = rule_title
templates.env.filters["profile_title"] = profile_title
templates.env.filters["web_hint"] = web_hint

# Macros every template calls per cell, loaded once (an include or an import in a loop
# would build a new context, or load the module, for every row of the table page).
for template_name, macro in (("_findings.html", "findings"), ("_target_cell.html", "target_cell")):
    templates.env.globals[macro] = getattr(templates.env.get_template(template_name).module, macro)


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status: int = 200
) -> HTMLResponse:
    session: Session | None = getattr(request.state, "session", None)
    values = {"session": session, "user": session.user if session else None, **(context or {})}
    return templates.TemplateResponse(request, name, values, status_code=status)


def render_error(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    template = "_error_fragment.html" if "hx-request" in request.headers else "error.html"
    return render(request, template, {"status": status, "code": code, "message": message}, status)
