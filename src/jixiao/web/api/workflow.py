"""/api/v1: the review workflow (草稿 → 已提交 → 退回 / 已审核), the inbox, the 审核意见表.

States, actions and decisions are enums in the OpenAPI description. A step the table's state
does not allow, a return without an opinion and an override without a reason are 409 with a
Chinese message; a role that may not take the step is 403; a table outside the user's scope
is 404, like one that does not exist.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from jixiao.model import Finding
from jixiao.model.timestamps import Timestamp
from jixiao.services import (
    Action,
    Decision,
    FindingReview,
    InboxItem,
    OpinionFormat,
    ReviewState,
    Role,
    TableSummary,
    Workflow,
    batch_opinions,
    decide_finding,
    review_inbox,
    table_opinions,
    take_action,
    workflow_view,
    write_opinions,
)
from jixiao.services.opinions import MEDIA_TYPES, OpinionSheet
from jixiao.web.auth import ApiUser
from jixiao.web.filters import Filter
from jixiao.web.params import MAX_ID, MAX_POSITION, MULTI_LINE_SCHEMA, MultiLine, TableId
from jixiao.web.settings import database_of

router = APIRouter(tags=["workflow"])

CONFLICT: dict[int | str, dict[str, Any]] = {
    409: {"description": "表的当前状态不允许此操作，或缺少必填的意见、理由"}
}
FindingIndex = Annotated[
    int, Path(ge=0, le=MAX_POSITION, description="审核发现在所审版本中的序号（从 0 起）")
]
OpinionText = Annotated[
    str | None,
    Field(
        default=None,
        max_length=2000,
        json_schema_extra=MULTI_LINE_SCHEMA,
        description="意见（可换行；不能含其他控制字符）",
    ),
    MultiLine,
]


class StepOut(BaseModel):
    revision: int = Field(description="此步骤针对的版本")
    action: Action
    action_label: str
    from_state: ReviewState
    to_state: ReviewState
    actor: str
    role: Role
    opinion: str | None
    created_at: Timestamp


class FindingReviewOut(BaseModel):
    index: int = Field(description="审核发现在所审版本中的序号（从 0 起）")
    finding: Finding
    decision: Decision | None = Field(description="accepted：认可；overridden：不予认可")
    decision_label: str | None
    reason: str | None
    decided_by: str | None


class WorkflowOut(BaseModel):
    table_id: int
    state: ReviewState = Field(
        description="draft 草稿、submitted 已提交、returned 退回、approved 已审核"
    )
    state_label: str
    revision: int | None = Field(description="状态所针对的版本（从未提交的草稿为 null）")
    current_revision: int
    actions: list[Action] = Field(description="当前用户此刻可执行的操作")
    can_decide: bool = Field(description="当前用户此刻可否逐条审核发现")
    steps: list[StepOut]
    findings: list[FindingReviewOut] = Field(description="当前版本的审核发现及审核结论")
    feedback: list[FindingReviewOut] = Field(
        description="最近一次退回或审核通过所针对版本的审核发现及审核结论"
    )


class ActionInput(BaseModel):
    action: Action = Field(description="submit 提交（填报）；return 退回、approve 审核通过（审核）")
    opinion: OpinionText = None
    based_on: int | None = Field(
        default=None, ge=1, le=MAX_ID, description="操作所依据的版本号（过期则 409）"
    )


class DecisionInput(BaseModel):
    decision: Decision
    reason: OpinionText = None


class SeverityCounts(BaseModel):
    error: int
    warning: int
    info: int


class InboxItemOut(BaseModel):
    table: TableSummary
    state: ReviewState
    since: Timestamp = Field(description="进入此状态的时间")
    by: str | None = Field(description="使表进入此状态的用户")
    findings: SeverityCounts = Field(description="当前版本的审核发现数，按级别")


class Inbox(BaseModel):
    tables: list[InboxItemOut]


def review_out(review: FindingReview) -> FindingReviewOut:
    return FindingReviewOut(
        index=review.index,
        finding=review.finding,
        decision=review.decision,
        decision_label=review.decision.label if review.decision else None,
        reason=review.reason,
        decided_by=review.decided_by,
    )


def workflow_out(flow: Workflow) -> WorkflowOut:
    return WorkflowOut(
        table_id=flow.table.id,
        state=flow.state,
        state_label=flow.state.label,
        revision=flow.revision,
        current_revision=flow.table.revision,
        actions=flow.actions,
        can_decide=flow.can_decide,
        steps=[
            StepOut(
                revision=s.revision,
                action=s.action,
                action_label=s.action.label,
                from_state=s.from_state,
                to_state=s.to_state,
                actor=s.actor,
                role=s.role,
                opinion=s.opinion,
                created_at=s.created_at,
            )
            for s in flow.steps
        ],
        findings=[review_out(r) for r in flow.findings],
        feedback=[review_out(r) for r in flow.feedback],
    )


def inbox_out(item: InboxItem) -> InboxItemOut:
    return InboxItemOut(
        table=item.table,
        state=item.state,
        since=item.since,
        by=item.by,
        findings=SeverityCounts.model_validate(item.severities),
    )


@router.get("/tables/{table_id}/workflow", response_model=WorkflowOut)
def get_workflow(request: Request, user: ApiUser, table_id: TableId) -> WorkflowOut:
    """审核流程：状态、可执行的操作、每一步（谁、何时、从何状态到何状态、意见）与逐条审核结论。"""
    return workflow_out(workflow_view(database_of(request), user, table_id))


@router.post("/tables/{table_id}/workflow", response_model=WorkflowOut, responses=CONFLICT)
def post_workflow(
    request: Request, user: ApiUser, table_id: TableId, body: ActionInput
) -> WorkflowOut:
    """提交（填报用户，草稿或退回的表）、退回（须填写意见）或审核通过（审核用户，已提交的表）。"""
    flow = take_action(
        database_of(request), user, table_id, body.action, body.opinion, based_on=body.based_on
    )
    return workflow_out(flow)


@router.put(
    "/tables/{table_id}/findings/{index}/decision",
    response_model=FindingReviewOut,
    responses=CONFLICT,
)
def put_decision(
    request: Request, user: ApiUser, table_id: TableId, index: FindingIndex, body: DecisionInput
) -> FindingReviewOut:
    """逐条审核发现（审核用户，已提交的表）：认可，或不予认可并说明理由。"""
    review = decide_finding(database_of(request), user, table_id, index, body.decision, body.reason)
    return review_out(review)


@router.get("/inbox", response_model=Inbox)
def get_inbox(request: Request, user: ApiUser, wanted: Filter) -> Inbox:
    """待办：审核用户为待审核（已提交）的表，填报用户为被退回的表；附各级别的审核发现数。"""
    items = review_inbox(database_of(request), user, wanted)
    return Inbox(tables=[inbox_out(item) for item in items])


FormatQuery = Annotated[OpinionFormat, Query(alias="format", description="xlsx 或 docx")]
FILE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {media: {} for media in MEDIA_TYPES.values()}}
}


def opinion_file(
    sheets: Sequence[OpinionSheet], output_format: OpinionFormat, name: str
) -> Response:
    out = io.BytesIO()
    write_opinions(sheets, output_format, out)
    return Response(
        out.getvalue(),
        media_type=MEDIA_TYPES[output_format],
        headers={"Content-Disposition": f'attachment; filename="{name}.{output_format.value}"'},
    )


@router.get(
    "/tables/{table_id}/opinions",
    response_class=Response,
    responses=FILE_RESPONSES,
)
def get_table_opinions(
    request: Request,
    user: ApiUser,
    table_id: TableId,
    output_format: FormatQuery = OpinionFormat.XLSX,
) -> Response:
    """一张表的审核意见表（XLSX 或 DOCX）：审核结论、审核意见与逐条审核结论。"""
    sheets = table_opinions(database_of(request), user, table_id)
    return opinion_file(sheets, output_format, f"opinions-{table_id}")


@router.get("/opinions", response_class=Response, responses=FILE_RESPONSES)
def get_batch_opinions(
    request: Request,
    user: ApiUser,
    wanted: Filter,
    output_format: FormatQuery = OpinionFormat.XLSX,
    state: Annotated[ReviewState | None, Query(description="只导出此状态的表")] = None,
) -> Response:
    """所选各表的审核意见表（一次最多 1000 张），XLSX 或 DOCX。"""
    sheets = batch_opinions(database_of(request), user, wanted, state)
    return opinion_file(sheets, output_format, "opinions")
