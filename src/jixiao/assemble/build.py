"""Turn collected drafts into typed target tables."""

from __future__ import annotations

import re
from collections import Counter
from typing import Final

from jixiao.assemble.amounts import screen_printed_values, settle_amount_unit
from jixiao.assemble.drafts import IndicatorDraft, TableDraft
from jixiao.assemble.fields import (
    UnitRole,
    amount_out_of_range,
    choose_department,
    compose_actual,
    compose_target,
    find_year,
    is_department_form,
    number_out_of_range,
    parse_amount,
    parse_department_line,
    parse_number,
    printed_amount_unit,
    printed_unit,
    split_goals,
    table_kind,
)
from jixiao.assemble.findings import parse_finding, where
from jixiao.assemble.validate import (
    mark_doubted,
    missing_target_column,
    screen_rows,
    table_confidence,
    withhold_uncertain,
)
from jixiao.ingest.cleaning import join_wrapped_lines
from jixiao.model import Budget, Finding, Indicator, Reading, SourceRef, TargetTable
from jixiao.model.framework import normalize_level1, normalize_level2
from jixiao.model.labels import is_template_filler
from jixiao.model.vocabulary import AMOUNT_FIELDS, POINT_FIELDS, Field
from jixiao.targets import parse_target

_TITLE_SUFFIXES = ("项目支出绩效目标表", "绩效目标申报表", "绩效目标表", "绩效自评表", "自评表")


def own_year(draft: TableDraft) -> int | None:
    """The year a table states in its own title, header or goals (not its targets)."""
    header = draft.header
    return find_year(
        draft.title,
        draft.year_line,
        header.get(Field.PROJECT),
        header.get(Field.PURPOSE),
        header.get(Field.GOALS),
    )


def build_tables(
    drafts: list[TableDraft], *, year: int | None = None
) -> tuple[list[TargetTable], list[Finding]]:
    """Typed tables and all parse findings; ``year`` overrides what the document says."""
    years = {id(draft): own_year(draft) for draft in drafts}
    stated = Counter(y for y in years.values() if y is not None)
    document_year = max(stated, key=lambda y: (stated[y], y)) if stated else None
    tables: list[TargetTable] = []
    findings: list[Finding] = []
    for draft in drafts:
        table_year = year if year is not None else years[id(draft)]
        table_findings: list[Finding] = []
        if table_year is None:
            table_year = document_year
            table_findings.extend(year_findings(draft, document_year))
        table_findings.extend(screen_printed_values(draft))
        table_findings.extend(settle_amount_unit(draft, draft.stated_amounts))
        table = build_table(draft, table_year)
        table, dropped = drop_impossible_amounts(table)
        table_findings.extend(draft.findings)
        table_findings.extend(
            parse_finding(
                "PRS013",
                f"{label}“{printed}”大于预算数“{table.budget.total_printed}”，未读取",
                draft.source,
                project=table.project,
            )
            for label, printed in dropped
        )
        table_findings.extend(missing_target_column(draft))
        rows = [(indicator.name, indicator.source) for indicator in table.indicators]
        table, screened = screen_rows(
            table,
            table_findings,
            has_level_columns=draft.has_level_columns,
            has_target_column=draft.columns is None or Field.TARGET in draft.columns,
        )
        table_findings.extend(screened)
        table_findings.extend(level_findings(draft, table))
        table, derived = derive_header_fields(draft, table)
        table_findings.extend(derived)
        table_findings.extend(range_findings(draft, table))
        if not draft.project and table.project:
            table_findings.append(
                parse_finding(
                    "PRS008",
                    f"表内无“项目名称”栏，项目名称取自标题“{draft.title}”",
                    draft.source,
                    project=table.project,
                )
            )
        table = mark_doubted(table, table_findings)
        if table.reading is not None and any(
            f.code == "PRS003" and f.fields.get("part") == "header" for f in table_findings
        ):
            reading = table.reading.model_copy(update={"header_skipped": True})
            table = table.model_copy(update={"reading": reading})
        if table.reading is not None and any(
            f.code == "PRS010" and f.fields.get("part") not in ("values", "target")
            for f in table_findings
        ):
            reading = table.reading.model_copy(update={"rows_left_out": True})
            table = table.model_copy(update={"reading": reading})
        confidence = table_confidence(rows, table_findings)
        table, withheld = withhold_uncertain(table, confidence, table_findings)
        position = len(tables)  # the table each doubt is about (Finding.table)
        findings.extend(f.model_copy(update={"table": position}) for f in table_findings)
        findings.extend(f.model_copy(update={"table": position}) for f in withheld)
        tables.append(table)
    return tables, findings


def drop_impossible_amounts(table: TargetTable) -> tuple[TargetTable, list[tuple[str, str]]]:
    """Clear 财政资金/其他资金 amounts larger than the 预算数 they are part of."""
    budget = table.budget
    if budget.total is None:
        return table, []
    dropped: list[tuple[str, str]] = []
    update: dict[str, None] = {}
    for field, label in (("fiscal", "其中：财政资金"), ("other", "其他资金")):
        value = getattr(budget, field)
        if value is not None and value > budget.total + 0.5:
            dropped.append((label, getattr(budget, f"{field}_printed") or ""))
            update[field] = None
    if not dropped:
        return table, []
    return table.model_copy(update={"budget": budget.model_copy(update=update)}), dropped


# '大英县民政局2022年度…': a title that starts with the department, then the year
_TITLE_DEPARTMENT: Final = re.compile(
    r"^([\u3400-\u9fff（）()]{2,40}?(?:局|委员会|委|办公室|办|院|中心|政府|厅|站|所|馆|处|队|校|学))"
    r"(?:19|20)\d{2}\s*年"
)


def derive_header_fields(
    draft: TableDraft, table: TargetTable
) -> tuple[TargetTable, list[Finding]]:
    """Header fields the table does not print but states otherwise, each with a finding:

    * the 预算数 as the sum of 财政资金 and 其他资金 when the total's cell holds no amount
      (a Sichuan 申报表 prints only the parts: 财政拨款小计, 自有资金小计) — ``PRS015``;
    * the department from the title when no label gives it ('大英县民政局2022年度…') —
      ``PRS016``.
    """
    findings: list[Finding] = []
    budget = table.budget
    update: dict[str, object] = {}
    if (
        budget.total is None
        and budget.fiscal is not None
        and budget.other is not None
        and not amount_out_of_range(budget.total_printed, budget.unit_printed)
    ):
        total = round(budget.fiscal + budget.other, 2)
        update["budget"] = budget.model_copy(update={"total": total})
        findings.append(
            parse_finding(
                "PRS015",
                f"预算数未填金额，按财政资金“{budget.fiscal_printed}”与其他资金"
                f"“{budget.other_printed}”之和计为{total:g}元",
                draft.source,
                project=table.project,
            )
        )
    if table.department is None and draft.title:
        match = _TITLE_DEPARTMENT.match(draft.title)
        if match:
            update["department"] = match.group(1)
            findings.append(
                parse_finding(
                    "PRS016",
                    f"表内无单位名称，部门取自标题“{draft.title}”",
                    draft.source,
                    project=table.project,
                )
            )
    return (table.model_copy(update=update) if update else table), findings


RANGE_DOUBT: Final = "PRS017"
"""The finding of an amount, weight or score out of range (fields.MAX_AMOUNT, MAX_POINTS)."""


def range_findings(draft: TableDraft, table: TargetTable) -> list[Finding]:
    """RANGE_DOUBT for each amount, weight or score printed out of range (left out of the table).

    Linear in the header fields and indicator rows.
    """
    unit = table.budget.unit_printed
    out: list[tuple[str, str, SourceRef, str | None]] = []
    for name, label in AMOUNT_FIELDS:
        text = draft.header.get(name)
        if amount_out_of_range(text, unit):
            out.append((label, text or "", draft.header_sources.get(name, draft.source), None))
    for name, label in POINT_FIELDS:
        text = draft.header.get(name)
        if number_out_of_range(text):
            out.append((label, text or "", draft.header_sources.get(name, draft.source), None))
    for row in draft.indicators:
        for name, label in ((Field.WEIGHT, "分值"), (Field.SCORE, "得分")):
            if number_out_of_range(row.get(name)):
                out.append((label, row.get(name), row.source, row.get(Field.NAME) or None))
    return [
        parse_finding(
            RANGE_DOUBT,
            f"{where(source)}的{label}“{shorten(printed)}”超出合理范围，未读取",
            source,
            project=table.project,
            indicator=indicator,
        )
        for label, printed, source, indicator in out
    ]


def shorten(text: str, limit: int = 40) -> str:
    """A printed value for a message, cut to ``limit`` characters (a number may be huge)."""
    return text if len(text) <= limit else f"{text[:limit]}…（共 {len(text)} 个字符）"


def year_findings(draft: TableDraft, document_year: int | None) -> list[Finding]:
    project = draft.project or draft.title
    if document_year is None:
        return [parse_finding("PRS006", "未能确定预算年度", draft.source, project=project)]
    return [
        parse_finding(
            "PRS005",
            f"表内未写明预算年度，按同一文档其他表推断为{document_year}年",
            draft.source,
            project=project,
            year=document_year,
        )
    ]


def with_code(code: str | None, department: str | None) -> tuple[str | None, str | None]:
    """The department's code and name, where one cell holds both (主管部门及代码:
    ``503101 中国共产党…组织部``, as the official form and jixiao's export print it)."""
    if code is None and department:
        split = parse_department_line(department)
        if split is not None and split[0] is not None:
            return split
    return code, department


def build_table(draft: TableDraft, year: int | None) -> TargetTable:
    header = draft.header
    unit = draft.unit_printed or printed_amount_unit(header)
    fiscal = header.get(Field.FISCAL)
    if fiscal is None and draft.total_is_fiscal:
        fiscal = header.get(Field.TOTAL)  # 年度本级预算金额: the total is all fiscal money
    fiscal_amount = parse_amount(fiscal, unit)
    if fiscal is None and header.get(Field.FISCAL_PART):
        fiscal, fiscal_amount = fiscal_by_level(header[Field.FISCAL_PART], unit)
    local = parse_amount(header.get(Field.LOCAL_FISCAL), unit)
    if fiscal is not None and fiscal_amount is not None and local is not None:
        # 其中：中央补助 | 100, 地方资金 | 20: both are fiscal money, printed by level
        fiscal = f"{fiscal} + {header[Field.LOCAL_FISCAL]}"
        fiscal_amount = round(fiscal_amount + local, 2)
    kind = table_kind(draft.title, draft.has_evaluation_columns, draft.department_form)
    code, department = with_code(
        draft.department_code or header.get(Field.DEPARTMENT_CODE),
        choose_department(
            draft.department or draft.units.get(UnitRole.REPORTING),
            draft.units.get(UnitRole.SUPERVISOR),
            draft.units.get(UnitRole.IMPLEMENTER),
            # a 转移支付区域 target form's 中央主管部门, not its 自评表's (filled by the region)
            None if "自评" in (draft.title or "") else draft.units.get(UnitRole.CENTRAL),
        ),
    )
    return TargetTable(
        kind=kind,
        title=draft.title,
        department_code=code,
        department=department,
        implementer=printed_unit(draft.units.get(UnitRole.IMPLEMENTER)),
        project=draft.project
        or project_from_title(
            draft.title, draft.has_evaluation_columns, department_form=draft.department_form
        ),
        year=year,
        budget=Budget(
            total=parse_amount(header.get(Field.TOTAL), unit),
            fiscal=fiscal_amount,
            other=parse_amount(header.get(Field.OTHER), unit),
            unit_printed=unit,
            total_printed=header.get(Field.TOTAL),
            fiscal_printed=fiscal,
            other_printed=header.get(Field.OTHER),
            executed=parse_amount(header.get(Field.EXECUTED), unit),
            executed_printed=header.get(Field.EXECUTED),
            execution_rate_printed=header.get(Field.EXECUTION_RATE),
            execution_weight=parse_number(header.get(Field.EXECUTION_WEIGHT)),
            execution_score=parse_number(header.get(Field.EXECUTION_SCORE)),
        ),
        purpose=header.get(Field.PURPOSE),
        goals=split_goals(header.get(Field.GOALS, "")),
        total_score=draft.total_score,
        indicators=[build_indicator(row, year) for row in draft.indicators],
        source=draft.location(),
        reading=Reading(
            header_fields=sorted(name.value for name in draft.printed_fields),
            cut=draft.cut,
            department_form=draft.department_form or is_department_form(draft.title or ""),
        ),
    )


def fiscal_by_level(printed: str, unit: str | None) -> tuple[str | None, float | None]:
    """The 财政资金 printed by level (其中：1.中央资金 | 2.市级资金 | 3.区级资金, one amount per
    line of ``printed``): the amounts joined by '+' and their sum; (None, None) when a part
    holds no amount."""
    parts = [line.strip() for line in printed.split("\n") if line.strip()]
    amounts = [parse_amount(part, unit) for part in parts]
    if not parts or any(amount is None for amount in amounts):
        return None, None
    return " + ".join(parts), round(sum(a for a in amounts if a is not None), 2)


def build_indicator(row: IndicatorDraft, year: int | None) -> Indicator:
    unit = row.get(Field.UNIT)
    target = compose_target(
        row.get(Field.TARGET), row.get(Field.OPERATOR), row.get(Field.DIRECTION), unit
    )
    actual = compose_actual(row.get(Field.ACTUAL), unit)
    return Indicator(
        level1=normalize_level1(row.get(Field.LEVEL1)),
        level1_printed=row.printed.get(Field.LEVEL1) or row.get(Field.LEVEL1) or None,
        level2=normalize_level2(row.get(Field.LEVEL2)),
        level2_printed=row.printed.get(Field.LEVEL2) or row.get(Field.LEVEL2) or None,
        name=join_wrapped_lines(row.get(Field.NAME)),  # a name wrapped in its cell is one name
        description=row.get(Field.DESCRIPTION) or None,
        target=parse_target(target, year=year),
        actual=parse_target(actual, year=year) if actual else None,
        weight=parse_number(row.get(Field.WEIGHT)),
        score=parse_number(row.get(Field.SCORE)),
        deviation=remark(row.get(Field.DEVIATION)),
        source=row.source,
    )


def remark(text: str | None) -> str | None:
    """A 偏差原因 cell's text; None for an empty cell or a template's filler (指标2, ……)."""
    return text if text and not is_template_filler(text) else None


def project_from_title(
    title: str | None, has_evaluation_columns: bool = False, *, department_form: bool = False
) -> str | None:
    if not title:
        return None
    if is_department_form(title) or department_form:
        return None  # a department's whole-budget table (or its self-evaluation) has no project
    for suffix in _TITLE_SUFFIXES:
        if title.endswith(suffix) and len(title) > len(suffix):
            return title[: -len(suffix)]
    return None


def level_findings(draft: TableDraft, table: TargetTable) -> list[Finding]:
    """Level names outside the framework, and a table with no level columns at all (a row
    with no level in a table that has them was dropped: validate.screen_rows)."""
    findings: list[Finding] = []
    for indicator in table.indicators:
        for printed, canonical, label in (
            (indicator.level1_printed, indicator.level1, "一级指标"),
            (indicator.level2_printed, indicator.level2, "二级指标"),
        ):
            if printed and canonical is None:
                findings.append(
                    parse_finding(
                        "PRS004",
                        f"{label}“{printed}”不在标准指标体系中",
                        indicator.source,
                        project=table.project,
                        indicator=indicator.name,
                        printed=printed,
                    )
                )
    if table.indicators and not draft.has_level_columns:
        # a form without level columns: one doubt for the table, not one per row
        findings.append(
            parse_finding(
                "PRS007",
                f"此表没有一级/二级指标列，{len(table.indicators)}个指标均无一级/二级指标",
                table.source,
                project=table.project,
            )
        )
    return findings
