"""What a user's upload may write: only tables of the user's own departments.

The check is made on what the import would actually write, inside its transaction
(:func:`jixiao.store.import_document` asks :meth:`WriteGuard.admit`): the stored table a table
would revise must be one the user may edit, and the department the new revision carries must
be the user's. A department name or code in the file that is not one of the user's is accepted
only when no stored table the user may not read carries it. So a file printing department B's
name beside department A's code is refused for a filler of A once B has a table; a name that
no table carries yet is taken as A's (users' department lists are not evidence: one
department is often assigned by code to some users and by name to others). A filled 自评表
feeds only target tables the user may edit. A stored table the user may edit but that is
submitted for review or approved (:mod:`jixiao.services.workflow`) is refused too, saying so.

Bound: per table, at most four indexed queries (the stored table, its review state, each of two
identifiers).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from jixiao.errors import PermissionDenied
from jixiao.model import TargetTable
from jixiao.services.users import User
from jixiao.store import TableSummary, table_summary
from jixiao.store import users as user_store
from jixiao.store import workflow as workflow_store


@dataclass(frozen=True)
class WriteGuard:
    """The writes of one user's import: asked by the store before each document is written."""

    user: User

    def may_write(self, table: TableSummary) -> bool:
        return self.user.can_edit(table)

    def admit(
        self, connection: Connection, tables: Sequence[tuple[TargetTable, int | None]]
    ) -> None:
        """Raise :class:`PermissionDenied` naming every table of the document not allowed."""
        if self.user.is_admin:
            return
        refused = [
            f"《{table.project or table.title or '无名称'}》{reason}"
            for table, known_id in tables
            if (reason := self.refusal(connection, table, known_id))
        ]
        if refused:
            more = f"；等 {len(refused)} 张表" if len(refused) > 5 else ""
            listed = "；".join(refused[:5]) + more
            raise PermissionDenied(
                f"含有不属于您部门的表：{listed}。填报用户只能上传本部门"
                f"（{'、'.join(self.user.departments)}）的表，整份文件未导入"
            )

    def refusal(self, connection: Connection, table: TargetTable, known_id: int | None) -> str:
        """Why this table may not be written by the user ('' when it may).

        One reason for every case, so that a refusal tells nothing about other departments'
        tables (whether one of that name exists) beyond what the file itself says.
        """
        user = self.user
        named = [name for name in (table.department, table.department_code) if name]
        refused = "（主管部门" + ("、".join(f"“{name}”" for name in named) or "未填写") + "）"
        if not user.covers(table.department, table.department_code):
            return refused
        if known_id is not None:
            stored = table_summary(connection, known_id)
            if stored is not None and not user.can_edit(stored):
                return refused
            if stored is not None and workflow_store.is_locked(connection, known_id):
                return "（已提交审核或已审核，审核人员退回前不能上传新版本）"
        for name in named:
            if name not in user.departments and self.claimed_elsewhere(connection, name):
                return refused
        return ""

    def claimed_elsewhere(self, connection: Connection, name: str) -> bool:
        """Whether a stored table the user may not read carries this department name or code."""
        return any(
            not self.user.covers(department, code)
            for department, code in user_store.department_claims(connection, [name])
        )
