"""A read document: its tables and what the reader had to guess."""

from __future__ import annotations

from pydantic import BaseModel, Field

from jixiao.model.finding import Finding
from jixiao.model.table import TargetTable


class DocumentError(BaseModel):
    """Why a document could not be read at all."""

    code: str
    message: str


class Document(BaseModel):
    file: str
    sha256: str
    format: str | None = None
    tables: list[TargetTable] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    error: DocumentError | None = None


class DocumentSet(BaseModel):
    """The top level of jixiao's JSON format (docs/json-format.md)."""

    documents: list[Document] = Field(default_factory=list)
