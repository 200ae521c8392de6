"""A read document as the rows its import inserts, prepared where it was read.

:func:`prepare_document` turns a document and its review findings into :class:`DocumentRows`:
plain tuples, dicts and strings (findings already in JSON), ready for ``executemany`` or
``COPY`` and cheap to send from a reading process to the writing one (a pickled document of
pydantic models costs the receiver several times what its rows do). It needs no database:
what only the database can decide (ids, revision numbers, which tables are unchanged) is
left to :func:`jixiao.store.imports.import_rows`. The few steps that need a table's model
(the history of a revision, a 自评表's actual values, the web's permission check) rebuild it
from the rows (:meth:`TableRows.table`), which keep every value exactly
(:mod:`jixiao.store.rows`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from jixiao.model import Document, Finding, Severity, TableKind, TargetTable
from jixiao.store.rows import (
    ContentRow,
    FindingValues,
    SourceRow,
    content_sha256,
    finding_values,
    indicator_rows,
    revision_values,
    search_text,
    table_from_rows,
)


@dataclass(frozen=True)
class TableRows:
    """One table of the document: its revision's header, indicator rows and search text,
    the hash of its content and the identity that says which stored table it revises."""

    position: int
    identity: str
    header: dict[str, Any]
    contents: list[ContentRow]
    sources: list[SourceRow]
    content: str
    search_text: str
    lines: tuple[int, int] | None = None  # the text lines it was read from, if any

    @property
    def kind(self) -> TableKind:
        return TableKind(self.header["kind"])

    @property
    def project(self) -> str | None:
        project: str | None = self.header["project"]
        return project

    @property
    def year(self) -> int | None:
        year: int | None = self.header["year"]
        return year

    @property
    def department(self) -> str | None:
        department: str | None = self.header["department"]
        return department

    @property
    def department_code(self) -> str | None:
        code: str | None = self.header["department_code"]
        return code

    @property
    def name(self) -> str | None:
        """What lists show for the table: its project, else its title."""
        name: str | None = self.header["project"] or self.header["title"]
        return name

    def table(self) -> TargetTable:
        """The table's model, rebuilt from its rows."""
        pairs = zip(self.contents, self.sources, strict=True)
        rows = ((None, *content, *source) for content, source in pairs)  # no revision id yet
        return table_from_rows(self.header, rows)


@dataclass(frozen=True)
class DocumentRows:
    """A readable document as rows. ``findings``, the reader's and then the review's in
    report order: the position of the table each concerns (None: the document as a whole)
    and its columns (:data:`jixiao.store.rows.FINDING_COLUMNS` from ``code`` on)."""

    file: str
    sha256: str
    format: str | None
    tables: tuple[TableRows, ...]
    findings: tuple[tuple[int | None, FindingValues], ...] = ()

    def severities(self) -> Counter[Severity]:
        counted = Counter(values[1] for _, values in self.findings)
        return Counter({Severity(value): count for value, count in counted.items()})

    def adding(self, findings: Sequence[Finding]) -> DocumentRows:
        """These rows with ``findings`` after the others (found where the rows are stored)."""
        added = tuple((owner_of(self.tables, f), finding_values(f)) for f in findings)
        return replace(self, findings=(*self.findings, *added)) if added else self


def prepare_document(document: Document, findings: Sequence[Finding] = ()) -> DocumentRows:
    """The rows of a readable document; ``findings`` are added to its own (e.g. a review's)."""
    if document.error is not None:
        raise ValueError(f"{document.file} could not be read; it has nothing to import")
    tables = tuple(
        prepare_table(table, position, document.sha256)
        for position, table in enumerate(document.tables)
    )
    rows = DocumentRows(document.file, document.sha256, document.format, tables)
    return rows.adding([*document.findings, *findings])


def prepare_table(table: TargetTable, position: int, sha256: str) -> TableRows:
    line = table.source.line
    header = revision_values(table)
    contents, sources = indicator_rows(table.indicators)
    return TableRows(
        position=position,
        identity=table_identity(table, sha256=sha256, position=position),
        header=header,
        contents=contents,
        sources=sources,
        content=content_sha256(header, contents),
        search_text=search_text(table),
        lines=None if line is None else (line, table.source.line_end or line),
    )


def table_identity(table: TargetTable, *, sha256: str, position: int) -> str:
    """Which stored table a table is a revision of: kind, department, project and year.

    Spaces do not count. A table with neither project nor title cannot be recognised again
    and is identified by its document and position.
    """
    name = table.project or table.title
    if not name:
        return json.dumps([table.kind.value, f"document:{sha256}", position])
    department = table.department or table.department_code or ""
    return json.dumps(
        [table.kind.value, squash(department), squash(name), table.year], ensure_ascii=False
    )


def squash(text: str) -> str:
    return "".join(text.split())


def owner_of(tables: Sequence[TableRows], finding: Finding) -> int | None:
    """The position of the table a finding concerns: the one whose lines hold it, else the
    one of its project; None when it concerns no single table."""
    line = finding.location.line
    if line is not None:
        for table in tables:
            if table.lines is not None and table.lines[0] <= line <= table.lines[1]:
                return table.position
    if finding.project is not None:
        for table in tables:
            if table.project == finding.project:
                return table.position
    return None
