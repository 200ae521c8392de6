"""Response bodies of the API (pydantic), apart from the model's own (tables, findings)."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from jixiao.model import Finding, Indicator, TargetTable
from jixiao.services import ChangeRecord, RevisionSummary, TableSummary


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorEnvelope(BaseModel):
    """Every error: ``{"error": {"code": ..., "message": ...}}``, message in Chinese."""

    error: ErrorBody


class TablePage(BaseModel):
    total: int
    limit: int
    offset: int
    tables: list[TableSummary]


class TableDetail(BaseModel):
    """One revision of a table: ``table`` is a table of the documented JSON format."""

    id: int
    revision: int
    current_revision: int
    created_at: dt.datetime
    file: str
    table: TargetTable
    findings: list[Finding]


class NumberedIndicator(BaseModel):
    position: int
    indicator: Indicator
    findings: list[Finding]


class IndicatorList(BaseModel):
    table_id: int
    revision: int
    indicators: list[NumberedIndicator]


class FindingList(BaseModel):
    table_id: int
    revision: int
    findings: list[Finding]


class TableHistory(BaseModel):
    table_id: int
    revisions: list[RevisionSummary]
    changes: list[ChangeRecord]


class FoundFinding(BaseModel):
    table_id: int
    department: str | None
    year: int | None
    project: str | None
    finding: Finding


class FindingPage(BaseModel):
    total: int
    limit: int
    offset: int
    findings: list[FoundFinding]


class TargetEdit(BaseModel):
    target: str
    based_on: int


class EditOutcome(BaseModel):
    table_id: int
    revision: int
    changed: bool
    findings: list[Finding]


class UploadedTable(BaseModel):
    table_id: int
    revision: int
    project: str | None
    status: str


class UploadResult(BaseModel):
    file: str
    ok: bool
    already_imported: bool = False
    tables: list[UploadedTable] = []
    findings: dict[str, int] = {}
    error: ErrorBody | None = None


class UploadResults(BaseModel):
    results: list[UploadResult]


class Me(BaseModel):
    name: str
    role: str
    role_label: str
    departments: list[str]
