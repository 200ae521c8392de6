from __future__ import annotations

from jixiao.model import Severity
from jixiao.model.framework import SATISFACTION
from jixiao.review.rule import Dimension
from jixiao.review.rules._blocks import MissingBlockRule


class ST03(MissingBlockRule):
    """没有满意度指标。

    Why: 有明确服务对象的项目应设置服务对象满意度指标；没有服务对象的项目可以不设，
    所以这只是提示。
    Bad example: 面向群众的培训项目没有“参训人员满意度”。
    Good example: 服务对象满意度指标“参训人员满意度 ≥90%”。
    Basis: 财预〔2020〕10号《项目支出绩效评价管理办法》：自评权重 10/50/30/10 以满意度指标存在为前
    提；财预〔2021〕101号《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》：有可识别的
    服务对象时设置满意度指标。
    """

    code = "ST03"
    name = "structure.missing-satisfaction"
    severity = Severity.INFO
    dimension = Dimension.COMPLETENESS
    field = "indicators"
    message = "没有{block}"
    hint = "如项目有明确的服务对象，请设置服务对象满意度指标。"
    block = SATISFACTION
