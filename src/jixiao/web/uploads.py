"""Uploaded files in, per-file results out: shared by the upload page and the API."""

from __future__ import annotations

from collections import Counter

from fastapi import UploadFile

from jixiao.errors import InvalidRequest
from jixiao.services import (
    Database,
    ImportOutcome,
    Upload,
    User,
    import_files,
    review_config,
    rule_reviewer,
    upload_name,
)
from jixiao.web.api.schemas import ErrorBody, UploadedTable, UploadResult

MAX_FILES = 50


def receive_uploads(
    database: Database, user: User, files: list[UploadFile], year: int | None
) -> list[UploadResult]:
    user.require_upload()
    sent = [file for file in files if file.filename or file.size]
    if not sent:
        raise InvalidRequest("请选择要上传的文件")
    if len(sent) > MAX_FILES:
        raise InvalidRequest(f"一次最多上传 {MAX_FILES} 个文件")
    uploads = [Upload(upload_name(file.filename or ""), file.file.read()) for file in sent]
    imported = import_files(
        database, uploads, user=user, year=year, review=rule_reviewer(review_config())
    )
    return [upload_result(outcome) for outcome in imported]


def upload_result(outcome: ImportOutcome) -> UploadResult:
    if outcome.result is None:
        error = outcome.error
        return UploadResult(
            file=outcome.file,
            ok=False,
            error=ErrorBody(code=error.code, message=error.message) if error else None,
        )
    severities = Counter(finding.severity.value for finding in outcome.findings)
    return UploadResult(
        file=outcome.file,
        ok=True,
        already_imported=outcome.result.already_imported,
        tables=[
            UploadedTable(
                table_id=table.table_id,
                revision=table.revision,
                project=table.project,
                status=table.status.value,
            )
            for table in outcome.result.tables
        ],
        findings=dict(severities),
    )
