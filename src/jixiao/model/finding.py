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


class Origin(StrEnum):
    """Which stage found a finding."""

    PARSE = "parse"  # a reading doubt (PRS…)
    REVIEW = "review"  # a review rule on the target table
    EVALUATION = "evaluation"  # a self-evaluation consistency rule (SE…)


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
    origin: Origin = Field(
        default=Origin.REVIEW, description="The stage that found it: parse, review or evaluation."
    )
    field: str | None = Field(
        default=None,
        description="The field it concerns, declared by its rule: an indicator's name, "
        "description, level1, level2, target, actual, weight, score or deviation; or the "
        "table's project, department, year, budget, purpose, goals or indicators.",
    )
    table: int | None = Field(
        default=None, description="The table's position in its document (0-based)."
    )
    row: int | None = Field(
        default=None, description="The indicator's position in its table (0-based)."
    )
    ruleset: str | None = Field(
        default=None, description="The version of the rule set that found it (review findings)."
    )
    config_digest: str | None = Field(
        default=None, description="A digest of the review configuration it was found with."
    )
