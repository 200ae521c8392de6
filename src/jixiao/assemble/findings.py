"""Parse findings (PRS…): what the assembler had to guess, recorded instead of hidden."""

from __future__ import annotations

from typing import Any

from jixiao.model import Finding, Origin, Severity, SourceRef

PARSE_FINDINGS: dict[str, tuple[Severity, str, str]] = {
    # code: (severity, rule name, hint)
    "PRS001": (
        Severity.INFO,
        "parse.split-row-joined",
        "请核对合并后的指标名称；原表此行在分页处被截断。",
    ),
    "PRS002": (
        Severity.INFO,
        "parse.merged-cell-filled-across-page",
        "续页的合并单元格为空，已沿用上页的指标类别；请核对。",
    ),
    "PRS003": (
        Severity.WARNING,
        "parse.line-skipped",
        "此行不属于任何可识别的表格字段，未被读取；如含有效数据，请检查原表格式。",
    ),
    "PRS004": (
        Severity.WARNING,
        "parse.unknown-level-name",
        "请使用标准指标体系中的一级/二级指标名称（见财预〔2015〕88号、财预〔2021〕101号）。",
    ),
    "PRS005": (
        Severity.INFO,
        "parse.year-inferred",
        "表内未写明预算年度，已按同一文档其他表推断；可用 --year 指定。",
    ),
    "PRS006": (
        Severity.WARNING,
        "parse.year-unknown",
        "未能确定预算年度；可用 --year 指定，否则无年份的截止日期无法解析。",
    ),
    "PRS007": (
        Severity.WARNING,
        "parse.level-missing",
        "此表没有一级/二级指标列，指标无法归入指标体系；请补全一级/二级指标。",
    ),
    "PRS008": (
        Severity.WARNING,
        "parse.project-from-title",
        "表内无“项目名称”栏，项目名称取自表标题；请核对。",
    ),
    "PRS009": (
        Severity.INFO,
        "parse.parallel-column-group",
        "表头有两组并列的指标列（如中期与年度），只读取了最后一组（年度）；前一组未读取。",
    ),
    # Doubts of the pasted-text reader (cells rebuilt from text that lost its table).
    "PRS010": (
        Severity.WARNING,
        "parse.cell-boundary-uncertain",
        "此行的单元格边界无法确定，有歧义的单元格未读取；请对照原表补全。",
    ),
    "PRS011": (
        Severity.WARNING,
        "parse.row-incomplete",
        "此行缺少指标值（可能是原文在此截断），请对照原表补全。",
    ),
    "PRS012": (
        Severity.INFO,
        "parse.glued-cells-split",
        "原文单元格之间没有分隔符，已按指标词汇与数值格式拆分；请核对。",
    ),
    "PRS013": (
        Severity.WARNING,
        "parse.amount-exceeds-total",
        "“其中”的金额不可能大于预算数，多半是粘连或错位的数字，未读取；请对照原表填写。",
    ),
    "PRS014": (
        Severity.INFO,
        "parse.level1-inferred",
        "此行没有一级指标（原文中该单元格缺失），已按二级指标在指标体系中的位置补全；请核对。",
    ),
    "PRS015": (
        Severity.INFO,
        "parse.total-from-parts",
        "表内预算数未填金额，已按财政资金与其他资金之和计算；请核对。",
    ),
    "PRS016": (
        Severity.INFO,
        "parse.department-from-title",
        "表内没有单位名称，部门取自标题开头；请核对。",
    ),
    "PRS017": (
        Severity.WARNING,
        "parse.value-out-of-range",
        "金额超过 10 万亿元、分值或得分不在 0–100 之间，多半是粘连的数字或转换错误，未读取；"
        "请对照原表填写。",
    ),
    "PRS018": (
        Severity.WARNING,
        "parse.amount-unit-unstated",
        "表内没有注明金额单位（元或万元）；请核对金额单位，必要时在表头补注“单位：万元”后重新导入。",
    ),
    "PRS019": (
        Severity.WARNING,
        "parse.not-an-amount",
        "金额或执行率栏中不是金额（多为相邻单元格的文字串入），未读取；请对照原表填写。",
    ),
    # The final check of every table (assemble/validate.py). Codes from PRS020 on, so that
    # other codes can be added below it.
    "PRS020": (
        Severity.WARNING,
        "parse.row-dropped",
        "此行不是指标或绩效目标（网页元素、表尾说明、分值数字或层级名称等），未读取；"
        "如确为指标，请检查原表格式。",
    ),
    "PRS021": (
        Severity.ERROR,
        "parse.target-column-missing",
        "指标表头没有“指标值”（目标值）列，指标行无法可靠读取，未读取；请补全表头后重新导入。",
    ),
    "PRS022": (
        Severity.ERROR,
        "parse.structure-uncertain",
        "此表的结构无法可靠识别，未输出任何指标行；请对照原表手工录入，或提供原始的"
        " Excel/Word 文件。",
    ),
    # Doubts of the scan reader (ingest/scan.py): characters recognised with low probability.
    "PRS023": (
        Severity.WARNING,
        "parse.ocr-uncertain",
        "扫描件的文字识别（OCR）对此单元格把握不大，请对照原件核对；"
        "可用 --debug-image 查看识别结果。",
    ),
    # Doubts of the assembler about a cell printed over several lines (assemble/collect.py).
    "PRS024": (
        Severity.WARNING,
        "parse.wrapped-cell-uncertain",
        "原文中单元格折行，后半行单独成行，已并入上一行；它也可能属于下一行，请对照原表核对"
        "这两行的三级指标。",
    ),
    "PRS025": (
        Severity.WARNING,
        "parse.merged-level-uncertain",
        "此行的一级/二级指标单元格为空，而合并单元格的文字印在下方的行，此行属于哪个一级/二级"
        "指标无法确定；请对照原表核对。",
    ),
}


PARSE_TITLES: dict[str, str] = {
    # code: the Chinese name people read (the web pages, the dashboard)
    "PRS001": "跨页截断的指标行已合并",
    "PRS002": "续页的合并单元格沿用上页",
    "PRS003": "有一行未能识别，未读取",
    "PRS004": "一级/二级指标名称不在指标体系中",
    "PRS005": "预算年度按同一文档推断",
    "PRS006": "无法确定预算年度",
    "PRS007": "缺少一级/二级指标列",
    "PRS008": "项目名称取自表标题",
    "PRS009": "并列的指标列只读取了一组",
    "PRS010": "单元格边界无法确定",
    "PRS011": "指标行缺少指标值",
    "PRS012": "无分隔符的单元格已拆分",
    "PRS013": "“其中”金额大于预算数，未读取",
    "PRS014": "一级指标按指标体系补全",
    "PRS015": "预算数按资金来源之和计算",
    "PRS016": "部门取自标题",
    "PRS017": "数值超出合理范围，未读取",
    "PRS018": "表内未注明金额单位",
    "PRS019": "金额栏中不是金额，未读取",
    "PRS023": "扫描件文字识别把握不大",
    "PRS024": "折行的单元格归属不确定",
    "PRS025": "合并的层级单元格归属不确定",
    "PRS020": "非指标行未读取",
    "PRS021": "表头缺少“指标值”列",
    "PRS022": "表格结构无法可靠识别",
}


def where(source: SourceRef) -> str:
    """A position for a message: '第74行' in text, '第3页 第5行' or '工作表 表1 单元格 C12 …'."""
    if source.line is not None:
        return f"第{source.line}行"
    return source.describe(with_file=False) or "未知位置"


def parse_finding(
    code: str,
    message: str,
    location: SourceRef,
    *,
    project: str | None = None,
    indicator: str | None = None,
    **fields: Any,
) -> Finding:
    severity, rule, hint = PARSE_FINDINGS[code]
    return Finding(
        code=code,
        severity=severity,
        rule=rule,
        message=message,
        hint=hint,
        project=project,
        indicator=indicator,
        location=location,
        fields=fields,
        origin=Origin.PARSE,
    )
