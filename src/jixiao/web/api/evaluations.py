"""/api/v1/tables/{id}/evaluation: a table's self-evaluation; entering its actual values."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field, JsonValue
from pydantic.config import JsonDict

from jixiao.services import (
    ActualInput,
    evaluation_profiles,
    save_self_evaluation,
    self_evaluation_view,
)
from jixiao.web.auth import ApiUser
from jixiao.web.params import (
    AMOUNT_SCHEMA,
    MAX_ID,
    MAX_POSITION,
    MULTI_LINE_SCHEMA,
    ONE_LINE_SCHEMA,
    AmountText,
    MultiLine,
    OneLine,
    TableId,
)
from jixiao.web.settings import database_of

router = APIRouter(tags=["evaluation"])

PROFILE_SCHEMA: JsonDict = {"enum": list[JsonValue](evaluation_profiles())}
ProfileQuery = Annotated[
    str | None,
    Query(
        max_length=40,
        json_schema_extra=PROFILE_SCHEMA,
        description="评分口径（默认 national，财预〔2020〕10号）",
    ),
]


class ActualEntry(BaseModel):
    position: int = Field(
        ge=0, le=MAX_POSITION, description="指标的序号（从 0 起，同 /indicators）"
    )
    value: Annotated[
        str,
        Field(
            max_length=500,
            json_schema_extra=ONE_LINE_SCHEMA,
            description="实际完成值，如 18人、98%",
        ),
        OneLine,
    ]
    note: Annotated[
        str | None,
        Field(
            default=None,
            max_length=1000,
            json_schema_extra=MULTI_LINE_SCHEMA,
            description="偏差原因分析及改进措施",
        ),
        MultiLine,
    ] = None
    band: Annotated[
        str | None,
        Field(
            default=None,
            max_length=20,
            json_schema_extra=ONE_LINE_SCHEMA,
            description="定性档次：达成/部分达成/未达成",
        ),
        OneLine,
    ] = None
    score: float | None = Field(
        default=None,
        ge=0,
        le=100,
        description="评价人给出的得分（按 profile 口径下该指标的分值计；选了档次时须在档内，"
        "如部分达成为分值的 60%–80%）；保存为分值的比例，换口径后仍然有效",
    )


class EvaluationInput(BaseModel):
    actuals: list[ActualEntry] = Field(default_factory=list, max_length=2000)
    executed: Annotated[
        str | None,
        Field(
            default=None,
            max_length=40,
            json_schema_extra=AMOUNT_SCHEMA,
            description="全年执行数，如 270000 或 27万元",
        ),
        AmountText,
    ] = None
    adjusted: Annotated[
        str | None,
        Field(
            default=None,
            max_length=40,
            json_schema_extra=AMOUNT_SCHEMA,
            description="调整后预算数",
        ),
        AmountText,
    ] = None
    profile: str | None = Field(
        default=None, max_length=40, json_schema_extra=PROFILE_SCHEMA, description="评分口径"
    )
    based_on: int | None = Field(
        default=None,
        ge=1,
        le=MAX_ID,
        description="录入所依据的表版本号（GET 返回的 revision）；"
        "表已有更新的版本时拒绝保存（409）",
    )


class EvaluationOutput(BaseModel):
    table_id: int
    revision: int = Field(description="表的当前版本号（保存时作为 based_on）")
    profile: str
    evaluation: dict[str, Any] | None = Field(description="自评结果（每个得分附计算过程）")
    problem: str | None = Field(description="尚不能计算时的原因")


def output(
    request: Request, user: ApiUser, table_id: TableId, profile: str | None
) -> EvaluationOutput:
    view = self_evaluation_view(database_of(request), user, table_id, profile=profile)
    evaluation = json.loads(view.evaluation.model_dump_json()) if view.evaluation else None
    return EvaluationOutput(
        table_id=table_id,
        revision=view.revision,
        profile=view.profile,
        evaluation=evaluation,
        problem=view.problem,
    )


@router.get("/tables/{table_id}/evaluation", response_model=EvaluationOutput)
def get_evaluation(
    request: Request, user: ApiUser, table_id: TableId, profile: ProfileQuery = None
) -> EvaluationOutput:
    """按已录入的实际完成值和执行数计算的自评结果（不保存）。"""
    return output(request, user, table_id, profile)


@router.put(
    "/tables/{table_id}/evaluation",
    response_model=EvaluationOutput,
    responses={409: {"description": "表已有更新的版本（based_on 不是当前版本）"}},
)
def put_evaluation(
    request: Request, user: ApiUser, table_id: TableId, body: EvaluationInput
) -> EvaluationOutput:
    """录入实际完成值与全年执行数（记入修改历史），计算并保存自评结果。"""
    save_self_evaluation(
        database_of(request),
        user,
        table_id,
        [ActualInput(e.position, e.value, e.note, e.band, e.score) for e in body.actuals],
        executed=body.executed,
        adjusted=body.adjusted,
        profile=body.profile,
        based_on=body.based_on,
    )
    return output(request, user, table_id, body.profile)
