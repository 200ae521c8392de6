"""Use-case: export the 审核意见表 (reviewer's opinion and decisions) of a table or a batch.

The sheet of a table is that of its last review (退回 or 审核通过): the revision then
reviewed, its findings with the decision on each, the reviewer and the opinion. A table not
reviewed yet shows its current revision's findings, undecided. A batch is the tables a filter
selects within the user's scope (optionally in one state), at most :data:`MAX_BATCH`.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path
from typing import IO, Final

from sqlalchemy import Connection

from jixiao.errors import InvalidRequest
from jixiao.export.opinions import (
    OpinionRow,
    OpinionSheet,
    write_opinions_docx,
    write_opinions_xlsx,
)
from jixiao.services.browse import readable_table, scoped
from jixiao.services.users import User
from jixiao.services.workflow import ReviewState, load_workflow
from jixiao.store import Database, TableFilter, TableSummary, list_tables
from jixiao.store import workflow as workflow_store

MAX_BATCH: Final = 1000

__all__ = [
    "MAX_BATCH",
    "MEDIA_TYPES",
    "OpinionFormat",
    "OpinionSheet",
    "batch_opinions",
    "opinion_format",
    "table_opinions",
    "write_opinions",
]


class OpinionFormat(StrEnum):
    XLSX = "xlsx"
    DOCX = "docx"


MEDIA_TYPES: Final = {
    OpinionFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    OpinionFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def opinion_sheet(connection: Connection, user: User, summary: TableSummary) -> OpinionSheet:
    flow = load_workflow(connection, user, summary)
    last = flow.last_review
    reviews = flow.feedback if last else flow.findings
    return OpinionSheet(
        table_id=summary.id,
        project=summary.project,
        department=summary.department,
        department_code=summary.department_code,
        year=summary.year,
        revision=last.revision if last else summary.revision,
        state=flow.state.label,
        conclusion=last.action.label if last else None,
        opinion=last.opinion if last else None,
        reviewer=last.actor if last else None,
        reviewed_at=last.created_at if last else None,
        rows=[
            OpinionRow(r.finding, r.decision.label if r.decision else None, r.reason)
            for r in reviews
        ],
    )


def table_opinions(database: Database, user: User, table_id: int) -> list[OpinionSheet]:
    summary = readable_table(database, user, table_id)
    with database.engine.connect() as connection:
        return [opinion_sheet(connection, user, summary)]


def batch_opinions(
    database: Database, user: User, wanted: TableFilter, state: ReviewState | None = None
) -> list[OpinionSheet]:
    """The sheets of the selected tables (in ``state`` only, when given), in list order."""
    with database.engine.connect() as connection:
        selected = list_tables(connection, scoped(user, wanted), limit=None)
        if state is not None:
            states = workflow_store.states_of(connection, [t.id for t in selected])
            selected = [
                table
                for table in selected
                if (states[table.id].state if table.id in states else ReviewState.DRAFT.value)
                == state.value
            ]
        if len(selected) > MAX_BATCH:
            raise InvalidRequest(
                f"所选的表有 {len(selected)} 张，一次最多导出 {MAX_BATCH} 张；"
                "请按部门或年度缩小范围"
            )
        return [opinion_sheet(connection, user, table) for table in selected]


def write_opinions(
    sheets: Sequence[OpinionSheet], output_format: OpinionFormat, out: Path | IO[bytes]
) -> int:
    """Write the sheets as XLSX or DOCX; returns the number of findings written."""
    if output_format is OpinionFormat.DOCX:
        return write_opinions_docx(sheets, out)
    return write_opinions_xlsx(sheets, out)


def opinion_format(path: Path) -> OpinionFormat:
    try:
        return OpinionFormat(path.suffix.lower().removeprefix("."))
    except ValueError:
        raise InvalidRequest(f"{path}：审核意见表只能导出为 .xlsx 或 .docx") from None
