"""Use-cases of correcting a table in place: preview a 指标值 as it is typed, then save it.

A saved edit is a new revision of the table, made through the store like an import: the
edited table is stored as a document of its own (named after the file the table came from,
``format`` null), the store writes every changed value to the history with who and when,
and the table is reviewed again so that its findings are those of the new content.

Optimistic concurrency: an edit names the revision it was based on; when the table has
moved on since, the edit is refused (:class:`StaleRevision`) instead of overwriting.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError

from jixiao.errors import InvalidRequest, NotFound, StaleRevision
from jixiao.model import Document, Finding, Indicator, Target, TargetTable
from jixiao.review import Reviewer
from jixiao.services.browse import readable_table
from jixiao.services.review import review_config
from jixiao.services.stored_review import last_years_table
from jixiao.services.users import User, utc_now
from jixiao.services.workflow import require_unlocked
from jixiao.store import (
    Database,
    StoredTable,
    current_revision,
    import_document,
    load_stored_table,
    sync_search_index,
    write_transaction,
)
from jixiao.targets import format_target, parse_target

MAX_TARGET_LENGTH = 500


@dataclass(frozen=True)
class TargetPreview:
    """How a typed 指标值 reads, and what the review rules would say about its row."""

    target: Target
    canonical: str
    findings: list[Finding]


@dataclass(frozen=True)
class EditResult:
    table_id: int
    revision: int  # the revision now current
    changed: bool  # False: the text was the same, nothing was stored
    findings: list[Finding]  # of the edited row, after the edit


def load_current(database: Database, user: User, table_id: int) -> StoredTable:
    readable_table(database, user, table_id)
    with database.engine.connect() as connection:
        stored = load_stored_table(connection, table_id)
    if stored is None:
        raise NotFound(f"编号为 {table_id} 的表")
    return stored


def edited_table(table: TargetTable, position: int, text: str) -> tuple[TargetTable, Indicator]:
    if not 0 <= position < len(table.indicators):
        raise NotFound(f"第 {position + 1} 个指标（此表共 {len(table.indicators)} 个）")
    text = text.strip()
    if len(text) > MAX_TARGET_LENGTH:
        raise InvalidRequest(f"指标值过长（{len(text)} 个字符，上限 {MAX_TARGET_LENGTH}）")
    old = table.indicators[position]
    # the value is now the one typed: no parse doubt concerns it any more
    new = old.model_copy(update={"target": parse_target(text, year=table.year), "doubted": False})
    indicators = [*table.indicators]
    indicators[position] = new
    return table.model_copy(update={"indicators": indicators}), new


def row_findings(findings: list[Finding], indicator: Indicator) -> list[Finding]:
    return [finding for finding in findings if finding.indicator == indicator.name]


def preview_target(
    database: Database, user: User, table_id: int, position: int, text: str
) -> TargetPreview:
    """The typed text parsed as the 指标值 of the row, and the row's review findings."""
    user.require_edit(readable_table(database, user, table_id))
    stored = load_current(database, user, table_id)
    table, indicator = edited_table(stored.table, position, text)
    reviewed = Reviewer(review_config()).review_table(
        table, previous=last_years_table(database, table)
    )
    findings = row_findings(reviewed, indicator)
    return TargetPreview(indicator.target, format_target(indicator.target), findings)


def edit_target(
    database: Database,
    user: User,
    table_id: int,
    position: int,
    text: str,
    *,
    based_on: int,
) -> EditResult:
    """Save a new 指标值 as the next revision, unless the table moved past ``based_on``."""
    summary = readable_table(database, user, table_id)
    user.require_edit(summary)
    stored = load_current(database, user, table_id)
    if not (stored.table.project or stored.table.title):
        raise InvalidRequest("此表没有项目名称或标题，无法识别为同一张表，不能在线修改")
    if stored.revision != based_on:
        raise StaleRevision(summary.describe(), based_on, stored.revision)
    table, indicator = edited_table(stored.table, position, text)
    # the findings replace the revision's: the cross-year ones (YR01) are found again too
    reviewed = Reviewer(review_config()).review_table(
        table, previous=last_years_table(database, table)
    )
    if indicator.target.raw == stored.table.indicators[position].target.raw:
        return EditResult(table_id, stored.revision, False, row_findings(reviewed, indicator))
    old_name = stored.table.indicators[position].name
    kept = [  # parse findings stay, but not those about the row just corrected
        finding
        for finding in stored.findings
        if finding.code.startswith("PRS") and finding.indicator != old_name
    ]
    now = utc_now()
    content = table.model_dump_json()
    digest = hashlib.sha256(
        f"edit:{table_id}:{based_on}:{user.id}:{now.isoformat()}:{content}".encode()
    ).hexdigest()
    document = Document(file=stored.file, sha256=digest, format=None, tables=[table], findings=kept)
    try:
        with write_transaction(database) as connection:
            current = current_revision(connection, table_id)
            if current != based_on:
                raise StaleRevision(summary.describe(), based_on, current or 0)
            require_unlocked(connection, user, summary)
            result = import_document(
                connection, document, findings=reviewed, user=user.name, now=now
            )
            sync_search_index(connection)
    except IntegrityError:  # PostgreSQL: another edit wrote the same revision number first
        raise StaleRevision(summary.describe(), based_on, based_on + 1) from None
    revision = result.tables[0].revision if result.tables else stored.revision
    return EditResult(table_id, revision, True, row_findings(reviewed, indicator))
