"""Use-case: the review workflow of the 预算管理一体化 systems (填报 → 审核).

::

    草稿 draft ──submit──▶ 已提交 submitted ──approve──▶ 已审核 approved
                 ▲                  │
                 └──submit── 退回 returned ◀──return──┘

- a 填报 filler of the table's department (or an admin) submits a draft or a returned table;
- a 审核 reviewer of the department (or an admin) returns a submitted table (an opinion is
  required) or approves it (opinion optional), and while it is submitted decides on each of
  its findings: accepted (认可: to be fixed) or overridden (不予认可, with a reason);
- a submitted or approved table is locked: fillers cannot edit it or upload a new revision
  of it (:func:`require_unlocked`), so the reviewer decides on the revision submitted;
- every step is recorded with who, which role, when, from → to and the opinion.

Access is checked on the table actually written: the one named, at the revision the state
concerns. A step the state does not allow is :class:`InvalidTransition` (HTTP 409).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from sqlalchemy import Connection

from jixiao.errors import InvalidRequest, InvalidTransition, NotFound, PermissionDenied
from jixiao.model import Finding
from jixiao.services.browse import (
    TablePage,
    read_table_page,
    readable_summary,
    readable_table,
    scoped,
)
from jixiao.services.store import resolve_table
from jixiao.services.users import Role, User, utc_now
from jixiao.store import Database, TableFilter, TableSummary, table_summary, write_transaction
from jixiao.store import workflow as workflow_store
from jixiao.store.workflow import RevisionFinding, StateRecord, StepRecord, WaitingTable

MAX_OPINION: Final = 2000
MAX_INBOX: Final = 500


class ReviewState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"

    @property
    def label(self) -> str:
        return STATE_LABELS[self]


class Action(StrEnum):
    SUBMIT = "submit"
    RETURN = "return"
    APPROVE = "approve"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


class Decision(StrEnum):
    ACCEPTED = "accepted"
    OVERRIDDEN = "overridden"

    @property
    def label(self) -> str:
        return DECISION_LABELS[self]


STATE_LABELS: Final = {
    ReviewState.DRAFT: "草稿",
    ReviewState.SUBMITTED: "已提交",
    ReviewState.RETURNED: "退回",
    ReviewState.APPROVED: "已审核",
}
ACTION_LABELS: Final = {Action.SUBMIT: "提交", Action.RETURN: "退回", Action.APPROVE: "审核通过"}
DECISION_LABELS: Final = {Decision.ACCEPTED: "认可", Decision.OVERRIDDEN: "不予认可"}
TRANSITIONS: Final = {
    Action.SUBMIT: ((ReviewState.DRAFT, ReviewState.RETURNED), ReviewState.SUBMITTED),
    Action.RETURN: ((ReviewState.SUBMITTED,), ReviewState.RETURNED),
    Action.APPROVE: ((ReviewState.SUBMITTED,), ReviewState.APPROVED),
}
LOCKED: Final = tuple(ReviewState(state) for state in workflow_store.LOCKED_STATES)
"""States in which fillers may not change the table (submitted, approved)."""


@dataclass(frozen=True)
class Step:
    """One step of a table's history: who did what, when, from which state to which."""

    revision: int
    action: Action
    from_state: ReviewState
    to_state: ReviewState
    actor: str
    role: Role
    opinion: str | None
    created_at: dt.datetime  # naive UTC (shown in 北京时间)


@dataclass(frozen=True)
class FindingReview:
    """A finding of the revision under review (``index`` from 0) and the decision on it."""

    index: int
    finding: Finding
    decision: Decision | None
    reason: str | None
    decided_by: str | None


@dataclass(frozen=True)
class Workflow:
    table: TableSummary
    state: ReviewState
    revision: int | None  # the revision the state concerns (None for a draft never submitted)
    steps: list[Step]
    findings: list[FindingReview]  # of the current revision
    feedback: list[FindingReview]  # of the revision the last return or approval concerned
    actions: list[Action]  # what the acting user may do now
    can_decide: bool

    @property
    def last_review(self) -> Step | None:
        """The newest return or approval: what came back, and why."""
        reviewed = [s for s in self.steps if s.action in (Action.RETURN, Action.APPROVE)]
        return reviewed[-1] if reviewed else None


@dataclass(frozen=True)
class InboxItem:
    table: TableSummary
    state: ReviewState
    since: dt.datetime  # when the table came into its state (naive UTC)
    by: str | None
    severities: dict[str, int]


def is_reviewer(user: User) -> bool:
    return user.role in (Role.REVIEWER, Role.ADMIN)


def may_take(user: User, table: TableSummary, action: Action) -> bool:
    """Whether the user's role and departments allow the action on this table (any state)."""
    if action is Action.SUBMIT:
        return user.can_edit(table)
    return is_reviewer(user) and user.can_read(table)


def state_of(record: StateRecord | None) -> ReviewState:
    return ReviewState(record.state) if record else ReviewState.DRAFT


def require_unlocked(connection: Connection, user: User, table: TableSummary) -> None:
    """Refuse a filler's change to a table that is submitted or approved."""
    if user.is_admin:
        return
    state = state_of(workflow_store.review_state(connection, table.id))
    if state in LOCKED:
        raise InvalidTransition(
            f"{table.describe()} {state.label}，不能修改或上传新版本"
            + ("（待审核人员退回后再修改）" if state is ReviewState.SUBMITTED else "")
        )


def named_table(
    database: Database,
    user: User,
    name: str,
    *,
    year: int | None = None,
    department: str | None = None,
) -> int:
    """The id of the table ``name`` means (its number, or its project), if the user may read it."""
    with database.engine.connect() as connection:
        found = resolve_table(connection, name, year=year, department=department)
    return readable_table(database, user, found.id).id


def workflow_view(database: Database, user: User, table_id: int) -> Workflow:
    summary = readable_table(database, user, table_id)
    with database.engine.connect() as connection:
        return load_workflow(connection, user, summary)


def open_table_page(
    database: Database, user: User, table_id: int, revision: int | None = None
) -> tuple[TablePage, Workflow]:
    """The table page and its workflow, read in one transaction: the table's review state is
    read once (it decides both whether the user may edit and what the workflow shows), and
    the current revision's findings come from the revision cache."""
    with database.engine.connect() as connection:
        summary = readable_summary(connection, user, table_id)
        record = workflow_store.review_state(connection, table_id)
        locked = not user.is_admin and state_of(record) in LOCKED
        page = read_table_page(connection, database, user, summary, revision, locked=locked)
        current = page.stored.findings if page.stored.revision == summary.revision else None
        workflow = load_workflow(connection, user, summary, state_read=(record,), findings=current)
    return page, workflow


def load_workflow(
    connection: Connection,
    user: User,
    summary: TableSummary,
    *,
    state_read: tuple[StateRecord | None] | None = None,
    findings: Sequence[Finding] | None = None,
) -> Workflow:
    """The table's workflow. ``state_read``: its review state when read already (in a
    1-tuple, None for a draft); ``findings``: those of the current revision when at hand."""
    (record,) = state_read or (workflow_store.review_state(connection, summary.id),)
    state = state_of(record)
    if record is None and findings is not None:
        # never submitted: no steps and no decisions (deciding needs a submission)
        steps: list[Step] = []
        current = [FindingReview(i, f, None, None, None) for i, f in enumerate(findings)]
    else:
        steps = [step_of(s) for s in workflow_store.list_steps(connection, summary.id)]
        current = reviews_of(
            workflow_store.revision_findings(connection, summary.id, summary.revision)
        )
    reviewed = [s for s in steps if s.action in (Action.RETURN, Action.APPROVE)]
    feedback = current
    if reviewed and reviewed[-1].revision != summary.revision:
        found = workflow_store.revision_findings(connection, summary.id, reviewed[-1].revision)
        feedback = reviews_of(found)
    actions = [
        action
        for action, (sources, _) in TRANSITIONS.items()
        if state in sources and may_take(user, summary, action)
    ]
    return Workflow(
        table=summary,
        state=state,
        revision=record.revision if record else None,
        steps=steps,
        findings=current,
        feedback=feedback if reviewed else [],
        actions=actions,
        can_decide=state is ReviewState.SUBMITTED and may_take(user, summary, Action.RETURN),
    )


def step_of(record: StepRecord) -> Step:
    return Step(
        revision=record.revision,
        action=Action(record.action),
        from_state=ReviewState(record.from_state),
        to_state=ReviewState(record.to_state),
        actor=record.actor,
        role=Role(record.role),
        opinion=record.opinion,
        created_at=record.created_at,
    )


def reviews_of(found: Iterable[RevisionFinding]) -> list[FindingReview]:
    return [
        FindingReview(
            index=item.index,
            finding=item.finding,
            decision=Decision(item.decision.decision) if item.decision else None,
            reason=item.decision.reason if item.decision else None,
            decided_by=item.decision.decided_by if item.decision else None,
        )
        for item in found
    ]


def clean_text(text: str | None, what: str) -> str | None:
    """The text without surrounding blanks; None when nothing is left."""
    cleaned = (text or "").strip()
    if len(cleaned) > MAX_OPINION:
        raise InvalidRequest(f"{what}过长（最多 {MAX_OPINION} 字）")
    return cleaned or None


def take_action(
    database: Database,
    user: User,
    table_id: int,
    action: Action,
    opinion: str | None = None,
    *,
    based_on: int | None = None,
) -> Workflow:
    """Move the table by ``action``; ``based_on``: the revision the user saw (409 if stale).

    Returning needs an opinion (退回意见); submitting and approving take one if given.
    """
    summary = readable_table(database, user, table_id)
    if not may_take(user, summary, action):
        who = "只有本部门的填报用户" if action is Action.SUBMIT else "只有负责该部门的审核用户"
        raise PermissionDenied(f"{who}可以{action.label}（{summary.describe()}）")
    text = clean_text(opinion, "退回意见" if action is Action.RETURN else "意见")
    if action is Action.RETURN and text is None:
        raise InvalidTransition(f"退回 {summary.describe()} 需要填写退回意见，说明需修改之处")
    sources, target = TRANSITIONS[action]
    with write_transaction(database) as connection:
        current = table_summary(connection, table_id)
        if current is None:
            raise NotFound(f"编号为 {table_id} 的表")
        record = workflow_store.review_state(connection, table_id)
        state = state_of(record)
        if state not in sources:
            allowed = "、".join(source.label for source in sources)
            raise InvalidTransition(
                f"{current.describe()} 当前为“{state.label}”，不能{action.label}"
                f"（只有“{allowed}”的表可以{action.label}）"
            )
        if based_on is not None and based_on != current.revision:
            raise InvalidTransition(
                f"{current.describe()} 已有第 {current.revision} 版（您看到的是第 {based_on} 版），"
                "请刷新页面后重试"
            )
        if action is Action.APPROVE and record and record.revision != current.revision:
            raise InvalidTransition(
                f"{current.describe()} 提交的是第 {record.revision} 版，"
                f"现为第 {current.revision} 版：请退回，由填报人确认后重新提交"
            )
        now = utc_now()
        moved = workflow_store.move_state(
            connection,
            table_id,
            expected=state.value,
            state=target.value,
            revision=current.revision,
            user=user.name,
            now=now,
        )
        if not moved:
            raise InvalidTransition(f"{current.describe()} 的状态刚被他人改变，请刷新页面后重试")
        workflow_store.add_step(
            connection,
            table_id,
            revision=current.revision,
            action=action.value,
            from_state=state.value,
            to_state=target.value,
            actor=user.name,
            role=user.role.value,
            opinion=text,
            now=now,
        )
        return load_workflow(connection, user, current)


def decide_finding(
    database: Database,
    user: User,
    table_id: int,
    index: int,
    decision: Decision,
    reason: str | None = None,
) -> FindingReview:
    """The reviewer's decision on finding ``index`` (from 0) of the submitted revision.

    Overriding needs a reason; accepting takes an optional note (what to change).
    """
    summary = readable_table(database, user, table_id)
    if not is_reviewer(user):
        raise PermissionDenied(f"{user.role.label}角色不能审核发现（{summary.describe()}）")
    what = "不予认可的理由" if decision is Decision.OVERRIDDEN else "意见"
    text = clean_text(reason, what)
    if decision is Decision.OVERRIDDEN and text is None:
        raise InvalidTransition(f"不予认可一条审核发现需要说明理由（{summary.describe()}）")
    with write_transaction(database) as connection:
        record = workflow_store.review_state(connection, table_id)
        if state_of(record) is not ReviewState.SUBMITTED or record is None:
            raise InvalidTransition(
                f"{summary.describe()} 当前为“{state_of(record).label}”："
                "只能对已提交待审核的表逐条审核发现"
            )
        found = workflow_store.revision_findings(connection, table_id, record.revision)
        if not 0 <= index < len(found):
            raise NotFound(
                f"第 {index + 1} 条审核发现（此表第 {record.revision} 版共 {len(found)} 条）"
            )
        workflow_store.set_decision(
            connection,
            table_id,
            found[index].finding_id,
            decision=decision.value,
            reason=text,
            user=user.name,
            now=utc_now(),
        )
    return FindingReview(index, found[index].finding, decision, text, user.name)


def review_inbox(
    database: Database, user: User, wanted: TableFilter | None = None
) -> list[InboxItem]:
    """What waits for the user: 已提交 tables for reviewers (and admins), 退回 ones for
    fillers; oldest first, at most :data:`MAX_INBOX`."""
    state = ReviewState.SUBMITTED if is_reviewer(user) else ReviewState.RETURNED
    with database.engine.connect() as connection:
        found = workflow_store.tables_in_state(
            connection, scoped(user, wanted or TableFilter()), state.value, limit=MAX_INBOX
        )
    return [inbox_item(item) for item in found]


def inbox_item(item: WaitingTable) -> InboxItem:
    return InboxItem(
        table=item.table,
        state=ReviewState(item.state.state),
        since=item.state.changed_at,
        by=item.state.changed_by,
        severities={s: item.severities.get(s, 0) for s in ("error", "warning", "info")},
    )
