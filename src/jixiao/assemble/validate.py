"""The last check of every table the assembler emits: precision first.

Whatever reader and layout a table came from, each emitted indicator must be one:

* it has a 三级 name, and that name is not page furniture (扫一扫在手机打开当前页, [打印]), a
  form's footer (其他需说明的问题, 备注, 注：…, 填报人, signatures and dates), a bare number (a
  weight or score read as a name) or level vocabulary (产出指标, 指标)
  (:func:`jixiao.model.labels.not_a_name`), nor one character with no 指标值 (the rest of a
  row cut off mid-name, :func:`jixiao.model.labels.is_fragment`), nor a deadline beside no
  other value (a 时效 value shifted into the name column: :func:`is_deadline_value`); its
  指标值 is no template's empty-row numbering (指标2:
  :func:`jixiao.model.labels.is_template_number`);
* it belongs to a 一级指标: printed, carried from the merged cell above, or inferred from its
  二级指标 where the framework gives one parent (the collector's finding ``PRS014``) — unless
  the form prints no level columns at all;
* it has a 指标值, or a finding says that the value is empty (``PRS011``).

A row that fails is dropped with finding ``PRS020`` naming its line — never silently. Goals
that are furniture or footer lines are dropped the same way.

Then the table's ``confidence`` is computed from its doubts (see :func:`table_confidence`);
below :data:`CONFIDENCE_FLOOR` the structure was not recovered: no row is emitted and finding
``PRS022`` names the lines instead.

Every step is linear in the number of rows and findings of the table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Final

from jixiao.assemble.drafts import TableDraft
from jixiao.assemble.findings import parse_finding, where
from jixiao.model import CONFIDENCE_FLOOR, Finding, Indicator, Severity, SourceRef, TargetTable
from jixiao.model.framework import FRAMEWORK, normalize_level2
from jixiao.model.labels import (
    furniture_kind,
    is_fragment,
    is_level_name,
    is_template_number,
    not_a_name,
    stands_alone,
)
from jixiao.model.target import TargetKind
from jixiao.model.vocabulary import Field
from jixiao.targets import parse_target

# What one finding takes from a table's confidence, in rows (see table_confidence).
DOUBT_WEIGHTS: Final[dict[Severity, float]] = {Severity.INFO: 0.25, Severity.WARNING: 1.0}
# Doubts about the header block (year, project, department, amounts), about one value (a
# number out of range, PRS017), an empty 指标值 (PRS011: the row is read, its value is not
# printed), a form without level columns (PRS007) and level names outside the framework
# (PRS004: read as printed, e.g. an evaluation framework's 决策/过程 — unless the name shows
# shifted columns, see misplaced_level) are not doubts about the rows' structure: they weigh
# as an info.
# A reader's doubt about text it did not turn into a row (PRS010): about that text, never
# about a row read beside it on the same line. A PRS010 about a row's figures only (part
# "values": a lone number after the 指标值 that may be its 实际完成值 or its 分值, left out)
# is a doubt about one value, not about the row: it weighs as an info.
LEFT_OUT: Final = frozenset({"PRS010"})
# A doubt about the header block, about a row's figures only (part "values") or about its
# 指标值 alone, which the row is read without (part "target": its regions print different
# values, its value cell could be two columns'): the row's levels and name are sure, so it
# weighs as an empty 指标值 (PRS011) does.
_LIGHT_PARTS: Final = frozenset({"header", "values", "target"})
LIGHT_DOUBTS: Final = frozenset(
    {
        "PRS004",
        "PRS005",
        "PRS006",
        "PRS007",
        "PRS008",
        "PRS011",
        "PRS013",
        "PRS015",
        "PRS016",
        "PRS017",
        "PRS018",
        "PRS019",
    }
)


def screen_rows(
    table: TargetTable,
    findings: Sequence[Finding],
    *,
    has_level_columns: bool,
    has_target_column: bool = True,
) -> tuple[TargetTable, list[Finding]]:
    """Drop the rows and goals that are not indicators or goals; settle 一级 and empty 指标值.

    ``findings`` are the doubts already reported about the table (a row whose empty 指标值 a
    reader already reported gets no second finding). Returns the table and the new findings.
    """
    added: list[Finding] = []
    kept: list[Indicator] = []
    for indicator in table.indicators:
        reason = drop_reason(indicator, has_level_columns=has_level_columns)
        if reason is not None:
            added.append(
                parse_finding(
                    "PRS020",
                    f"{where(indicator.source)}不是指标：{reason}，未读取",
                    indicator.source,
                    project=table.project,
                    indicator=indicator.name or None,
                )
            )
            continue
        if (
            has_target_column
            and indicator.target.kind is TargetKind.EMPTY
            and not reported_empty(indicator, findings)
        ):
            added.append(
                parse_finding(
                    "PRS011",
                    f"{where(indicator.source)}的指标“{indicator.name}”没有指标值",
                    indicator.source,
                    project=table.project,
                    indicator=indicator.name,
                )
            )
        kept.append(indicator)
    goals: list[str] = []
    for goal in table.goals:
        kind = furniture_kind(goal)
        if kind is None:
            goals.append(goal)
            continue
        added.append(
            parse_finding(
                "PRS020",
                f"绩效目标中的“{goal[:40]}”是{kind}，不是绩效目标，未读取",
                table.source,
                project=table.project,
            )
        )
    return table.model_copy(update={"indicators": kept, "goals": goals}), added


def missing_target_column(draft: TableDraft) -> list[Finding]:
    """PRS021 when the indicator header has no 指标值 column (an error: no row is emitted)."""
    if draft.columns is None or Field.TARGET in draft.columns or not draft.indicators:
        return []
    source = draft.columns_source or draft.source
    return [
        parse_finding(
            "PRS021",
            f"{where(source)}的指标表头没有“指标值”（目标值）列，其下的指标行无法可靠读取",
            source,
            project=draft.project,
        )
    ]


def drop_reason(indicator: Indicator, *, has_level_columns: bool) -> str | None:
    """Why a row is no indicator, in Chinese; None when it is one."""
    name = indicator.name.strip()
    if not name:
        return "没有三级指标名称"
    why = None if names_a_sub_level(name, indicator.level2) else not_a_name(name)
    if why is not None:
        return f"“{name[:40]}”是{why}"
    if is_deadline_value(name) and indicator.target.kind in (TargetKind.EMPTY, TargetKind.DEADLINE):
        # 12月底之前完成 in the 三级 column and no other value beside it (or a deadline again):
        # the 时效 value shifted into the name column, the row has no name. Beside a rate
        # (12月底之前完成 | 100%) it is a name worded as the deadline it measures.
        return f"“{name[:40]}”是时限（指标值），不是指标名称"
    if is_template_number(indicator.target.raw):
        # the template's empty row (指标2 | | …) read as this row's 指标值: the cells are shifted
        return f"“{name[:40]}”的指标值“{indicator.target.raw.strip()}”是模板的空行编号"
    if indicator.target.kind is TargetKind.EMPTY and is_fragment(name):
        return f"“{name}”只是被截断的残片（一个字，没有指标值）"
    if has_level_columns and not indicator.level1_printed:
        # the collector carried the 一级 from above or inferred it from the 二级 (PRS014)
        if not indicator.level2_printed:
            return f"“{name[:40]}”没有一级/二级指标"
        return f"“{name[:40]}”没有一级指标，二级指标“{indicator.level2_printed}”也无法确定其归属"
    return None


def is_deadline_value(name: str) -> bool:
    """A 三级 cell that is a deadline, not a name: the grammar reads it as one with its
    ``前`` (12月底之前完成, 2023年6月30日前) and it does not end as a name ends (12月底前完成率
    is a rate's name, :func:`~jixiao.model.labels.stands_alone`)."""
    if "前" not in name or stands_alone(name):
        return False
    return parse_target(name).kind is TargetKind.DEADLINE


def names_a_sub_level(name: str, level2: str | None) -> bool:
    """A 三级 name that is a level of the framework one step below the row's 二级: a template
    that prints 成本指标 as the 二级 and 经济/社会/生态环境成本指标 as the 三级 (the 101号 tree,
    shifted one level). Such a name is an indicator, not level vocabulary read as a name."""
    return level2 is not None and normalize_level2(name) in FRAMEWORK.get(level2, ())


def reported_empty(indicator: Indicator, findings: Iterable[Finding]) -> bool:
    """A reader already said that the row's 指标值 is missing (PRS011) or left out (PRS010)."""
    return any(
        finding.code in ("PRS010", "PRS011")
        and (finding.indicator == indicator.name or finding.location == indicator.source)
        for finding in findings
    )


def mark_doubted(table: TargetTable, findings: Iterable[Finding]) -> TargetTable:
    """Mark the rows whose cells may be incomplete (``Indicator.doubted``): a warning doubt
    names the row, or points at its place when no other row shares that place (a glued line
    holds many rows: a doubt there is about one of them) — other than PRS011, which says that
    the printed 指标值 is empty — or the row is the last of a table whose text ends inside it
    (``Reading.cut``). Linear in rows and findings."""
    names: set[str] = set()
    places: set[tuple[object, ...]] = set()
    for finding in findings:
        if finding.severity is Severity.WARNING and finding.code != "PRS011":
            if finding.indicator:
                names.add(finding.indicator)
            places.add(place_key(finding.location))
    last = len(table.indicators) - 1 if table.reading is not None and table.reading.cut else -1
    if not names and not places and last < 0:
        return table
    shared = Counter(place_key(indicator.source) for indicator in table.indicators)
    marked = [
        indicator.model_copy(update={"doubted": True})
        if position == last
        or indicator.name in names
        or (shared[place_key(indicator.source)] == 1 and place_key(indicator.source) in places)
        else indicator
        for position, indicator in enumerate(table.indicators)
    ]
    return table.model_copy(update={"indicators": marked})


def table_confidence(rows: Sequence[tuple[str, SourceRef]], findings: Iterable[Finding]) -> float:
    """How sure the reading of a table is, from 0 to 1, from the doubts reported about it.

    ``rows`` are the indicator rows read (name and place; dropped ones included). Every
    finding about the table is a doubt about one row (the row it names, else the only row at
    its place — unless it is about text that became no row, ``LEFT_OUT``: a glued line holds
    the rows read and the text left out, and a doubt about the one is none about the other)
    or, failing that, about its own place (a skipped line, the table's title, a
    line holding several glued rows). An error makes the confidence 0; otherwise each row and
    place weighs its heaviest doubt — a warning 1; an info, an empty 指标值, a value out of
    range, a level name outside the framework, a form without level columns or a doubt
    about the header block (year, project, department, amounts, a line skipped above the
    indicator header) ¼ — and the confidence is ``1 − doubt / (units + 1)`` where ``units``
    counts the rows and the other places with a doubt. Rounded to two decimals. Linear in
    rows and findings. A table with no row read while a reader left rows out (``PRS010``)
    recovered none of its rows: 0.
    """
    findings = list(findings)
    if not rows and any(finding.code == "PRS010" for finding in findings):
        return 0.0
    doubts = [0.0] * len(rows)
    by_name: dict[str, int] = {}
    by_place: dict[tuple[object, ...], list[int]] = {}
    for position, (name, source) in enumerate(rows):
        by_name.setdefault(name, position)
        by_place.setdefault(place_key(source), []).append(position)
    places: dict[tuple[object, ...], float] = {}
    for finding in findings:
        if finding.severity is Severity.ERROR:
            return 0.0
        weight = doubt_weight(finding)
        key = place_key(finding.location)
        at = by_place.get(key, [])
        index: int | None = by_name.get(finding.indicator or "")
        if index is None and len(at) == 1 and finding.code not in LEFT_OUT:
            index = at[0]
        if index is not None:
            doubts[index] = max(doubts[index], weight)
        else:
            places[key] = max(places.get(key, 0.0), weight)
    doubt = sum(doubts) + sum(places.values())
    return round(max(0.0, 1.0 - doubt / (len(rows) + len(places) + 1)), 2)


def doubt_weight(finding: Finding) -> float:
    """What one (non-error) finding weighs in :func:`table_confidence`."""
    if finding.code == "PRS004" and misplaced_level(str(finding.fields.get("printed", ""))):
        return DOUBT_WEIGHTS[Severity.WARNING]
    if finding.code in LIGHT_DOUBTS or finding.fields.get("part") in _LIGHT_PARTS:
        return DOUBT_WEIGHTS[Severity.INFO]
    return DOUBT_WEIGHTS[finding.severity]


def misplaced_level(printed: str) -> bool:
    """A level cell outside the framework that holds what belongs elsewhere: a level of the
    other depth (时效指标 in the 一级 column) or a whole 三级 name (…故障发生率): the columns
    were shifted, unlike a name of another framework (决策, 项目立项) printed where it belongs."""
    return is_level_name(printed) or stands_alone(printed)


def place_key(source: SourceRef) -> tuple[object, ...]:
    """A row's place, whatever the format (the end of a joined row is left out)."""
    return (
        source.line,
        source.page,
        source.sheet,
        source.cell,
        source.table_index,
        source.row,
        source.column,
    )


def withhold_uncertain(
    table: TargetTable, confidence: float, findings: Sequence[Finding]
) -> tuple[TargetTable, list[Finding]]:
    """Below the floor, emit no guessed rows: the table keeps its header, and PRS022 names
    the lines of the rows withheld."""
    table = table.model_copy(update={"confidence": confidence})
    if confidence >= CONFIDENCE_FLOOR or not table.indicators:
        return table, []
    withheld = table.model_copy(update={"indicators": []})
    first, last = table.indicators[0].source, table.indicators[-1].source
    doubts = sum(1 for finding in findings if finding.severity is not Severity.INFO)
    finding = parse_finding(
        "PRS022",
        f"{span(first, last)}的指标表结构无法可靠识别（可信度{confidence:.2f}，"
        f"{doubts}处存疑），其中的{len(table.indicators)}个指标行未输出",
        first.model_copy(update={"line_end": last.line_end or last.line}),
        project=table.project,
        confidence=confidence,
    )
    return withheld, [finding]


def span(first: SourceRef, last: SourceRef) -> str:
    """'第12行至第30行', '第3页 第5行至第4页 第2行', or one place when both are the same."""
    start, end = where(first), where(last.model_copy(update={"line": last.line_end or last.line}))
    return start if start == end else f"{start}至{end}"
