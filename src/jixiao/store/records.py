"""What the store returns: import outcomes, table and revision summaries, history entries.

These are records of the database, not the domain: a :class:`TargetTable` is in
:mod:`jixiao.model`; a :class:`StoredTable` is one revision of it with its place in the store.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from jixiao.model import Finding, Severity, TableKind, TargetTable
from jixiao.model.timestamps import Timestamp


class Record(BaseModel):
    model_config = ConfigDict(frozen=True)


class TableStatus(StrEnum):
    NEW = "new"  # a table the database did not have
    REVISED = "revised"  # a new revision of a table it had
    UNCHANGED = "unchanged"  # the same content as the table's current revision


class TableImport(Record):
    position: int
    project: str | None
    status: TableStatus
    table_id: int
    revision: int


class DocumentImport(Record):
    """What importing one document did. ``already_imported``: the same bytes were stored."""

    file: str
    sha256: str
    document_id: int
    already_imported: bool = False
    tables: tuple[TableImport, ...] = ()

    def count(self, status: TableStatus) -> int:
        return sum(1 for table in self.tables if table.status is status)


class TableFilter(Record):
    """Which tables ``ls`` and ``export`` select; ``None`` selects everything."""

    department: str | None = Field(default=None, description="Part of the name, or the code.")
    year: int | None = None
    kind: TableKind | None = None
    has_findings: bool | None = None
    search: str | None = Field(
        default=None, description="Text in the project, title, purpose, goals or indicators."
    )
    departments: tuple[str, ...] | None = Field(
        default=None,
        description="Only tables of these departments (exact name or code): a user's scope. "
        "None: every department; an empty tuple: none.",
    )
    table_id: int | None = Field(default=None, description="Only the table with this id.")


class TableSummary(Record):
    """A table at its current revision, as ``ls`` shows it."""

    id: int
    kind: TableKind
    department_code: str | None
    department: str | None
    project: str | None
    year: int | None
    revision: int
    indicator_count: int
    finding_count: int
    updated_at: Timestamp

    def describe(self) -> str:
        """A short Chinese description that tells tables apart, e.g. in an error."""
        parts = [f"#{self.id}", self.project or "（无项目名称）"]
        parts += [p for p in (self.department, f"{self.year}年" if self.year else None) if p]
        return " ".join(parts)


class RevisionSummary(Record):
    number: int
    created_at: Timestamp
    created_by: str | None
    file: str
    sha256: str
    content_sha256: str
    indicator_count: int
    finding_count: int


class StoredTable(Record):
    """One revision of a table, with its findings and where it came from."""

    id: int
    revision: int
    current_revision: int
    created_at: Timestamp
    file: str
    table: TargetTable
    findings: tuple[Finding, ...] = ()


class ChangeRecord(Record):
    """One entry of the history: a stored value that a new revision changed."""

    revision: int
    changed_at: Timestamp
    changed_by: str | None
    indicator: str | None
    field: str
    old: str | None
    new: str | None


class ApiTokenRecord(Record):
    """An API token as stored (never its secret): whose, what for, and until when."""

    id: int
    user: str
    label: str | None
    created_at: Timestamp
    expires_at: Timestamp | None


class UserRecord(Record):
    """A user as stored (without the password hash). ``role``: filler, reviewer or admin."""

    id: int
    name: str
    role: str
    active: bool
    created_at: Timestamp
    departments: tuple[str, ...] = ()


class TableCount(Record):
    """How many tables (and their indicators and findings) a department has in a year."""

    department: str | None
    department_code: str | None
    year: int | None
    tables: int
    indicators: int
    findings: int


class FindingCount(Record):
    code: str
    rule: str
    severity: Severity
    count: int


class TableFinding(Record):
    """A finding of a table's current revision, with the table it belongs to."""

    table_id: int
    department: str | None
    year: int | None
    project: str | None
    finding: Finding
