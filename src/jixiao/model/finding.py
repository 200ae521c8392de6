"""Findings: problems found in a user's document, as data (never exceptions)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from jixiao.model.source import SourceRef


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Finding(BaseModel):
    """One problem or doubt, with a stable code and the place it concerns.

    Parse-time doubts (what the assembler had to guess) use codes ``PRS…``.
    """

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    rule: str = Field(description="Stable dotted name of the rule, e.g. parse.split-row-joined.")
    message: str = Field(description="What is wrong, in Chinese.")
    hint: str | None = Field(default=None, description="How to fix it, in Chinese.")
    project: str | None = None
    indicator: str | None = None
    location: SourceRef = SourceRef()
    fields: dict[str, Any] = Field(default_factory=dict, description="Template values.")
