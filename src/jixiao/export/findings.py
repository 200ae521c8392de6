"""The review report's JSON form: ``{"findings": [...], "errors": [...]}``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from jixiao.model import Document, Finding


def finding_record(finding: Finding, file: str) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "rule": finding.rule,
        "message": finding.message,
        "hint": finding.hint,
        "file": finding.location.file or file,
        "project": finding.project,
        "indicator": finding.indicator,
        "location": finding.location.model_dump(mode="json"),
    }


def findings_to_json(reviewed: Iterable[tuple[Document, list[Finding]]]) -> str:
    findings: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []
    for document, document_findings in reviewed:
        if document.error is not None:
            errors.append(
                {
                    "file": document.file,
                    "code": document.error.code,
                    "message": document.error.message,
                }
            )
        findings.extend(finding_record(f, document.file) for f in document_findings)
    report = {"findings": findings, "errors": errors}
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
