"""Response bodies of the API (pydantic), apart from the model's own (tables, findings)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from jixiao.model import Finding, Indicator, TargetTable
from jixiao.model.timestamps import Timestamp
from jixiao.services import ChangeRecord, RevisionSummary, TableSummary, UploadResult
from jixiao.web.params import MAX_ID, ONE_LINE_SCHEMA, OneLine


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
    created_at: Timestamp
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
    target: Annotated[
        str,
        Field(max_length=500, json_schema_extra=ONE_LINE_SCHEMA, description="新的指标值"),
        OneLine,
    ]
    based_on: int = Field(ge=1, le=MAX_ID, description="修改所依据的版本号")


class EditOutcome(BaseModel):
    table_id: int
    revision: int
    changed: bool
    findings: list[Finding]


class UploadResults(BaseModel):
    results: list[UploadResult]


class Me(BaseModel):
    name: str
    role: str
    role_label: str
    departments: list[str]
