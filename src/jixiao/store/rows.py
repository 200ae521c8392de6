"""Model objects ↔ database rows, exact both ways.

Rows are plain tuples in the column order of :data:`INDICATOR_COLUMNS` (and friends), so that
bulk writes (``executemany``, PostgreSQL ``COPY``) take them as they are. A parsed target has
one column per field (``target_*``; enums as their values, dates as ISO text, compound parts
as JSON text), and so has its source (``source_*``). Reading a row back validates the same
values, so ``target_from_columns(target_columns(t)) == t`` for every target.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from typing import Any, Final

from pydantic_core import to_jsonable_python

from jixiao.model import (
    Budget,
    Comparator,
    Finding,
    Indicator,
    Origin,
    Reading,
    SourceRef,
    TableKind,
    Target,
    TargetKind,
    TargetTable,
    TrendDirection,
)
from jixiao.model.characters import simplified_name

TARGET_FIELDS: Final = (
    "raw",
    "kind",
    "op",
    "op_implied",
    "value",
    "low",
    "high",
    "unit",
    "unit_printed",
    "factor",
    "qualifier",
    "date",
    "date_from",
    "grade",
    "vague",
    "baseline",
    "direction",
    "basis",
    "components",
)
"""Every field of :class:`Target`, in column order (tests check that none is missing)."""
SOURCE_FIELDS: Final = (
    "file",
    "line",
    "line_end",
    "page",
    "sheet",
    "cell",
    "table_index",
    "row",
    "column",
)
"""Every field of :class:`SourceRef` an indicator's source can have, in column order."""
TABLE_ONLY_SOURCE_FIELDS: Final = frozenset({"page_end"})
"""Fields only a table's source has (its last PDF page): kept in its ``source_json``."""
_CONTENT_COLUMNS: Final = (
    "position",
    "level1",
    "level1_printed",
    "level2",
    "level2_printed",
    "name",
    "description",
    *(f"target_{name}" for name in TARGET_FIELDS[:-1]),
    "target_components_json",
    "actual_json",
    "weight",
    "score",
    "deviation",
)
INDICATOR_COLUMNS: Final = (
    "revision_id",
    *_CONTENT_COLUMNS,
    *(f"source_{name}" for name in SOURCE_FIELDS),
)
FINDING_COLUMNS: Final = (
    "document_id",
    "revision_id",
    "position",
    "code",
    "severity",
    "rule",
    "message",
    "hint",
    "project",
    "indicator",
    "location_json",
    "fields_json",
    "origin",
    "field",
    "table_position",
    "indicator_position",
    "ruleset",
    "config_digest",
)
_BUDGET_FIELDS: Final = tuple(Budget.model_fields)
_TARGET_END: Final = 7 + len(TARGET_FIELDS)  # the target's columns are content[7:_TARGET_END]

_VALUES: Final[dict[Enum | None, str | None]] = {
    None: None,
    **{
        member: member.value for enum in (TargetKind, Comparator, TrendDirection) for member in enum
    },
}
"""Enum member → stored text (a dict lookup is much faster than ``.value``)."""

ContentRow = tuple[Any, ...]
"""What an indicator says: its columns from ``position`` to ``deviation``."""
SourceRow = tuple[Any, ...]
"""Where it was printed: the ``source_*`` columns."""


def dump_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def target_columns(target: Target) -> tuple[Any, ...]:
    """The ``target_*`` column values of a target, in :data:`TARGET_FIELDS` order."""
    date, date_from, components = target.date, target.date_from, target.components
    return (
        target.raw,
        _VALUES[target.kind],
        _VALUES[target.op],
        target.op_implied,
        target.value,
        target.low,
        target.high,
        target.unit,
        target.unit_printed,
        target.factor,
        target.qualifier,
        None if date is None else date.isoformat(),
        None if date_from is None else date_from.isoformat(),
        target.grade,
        target.vague,
        target.baseline,
        _VALUES[target.direction],
        target.basis,
        dump_json([c.model_dump(mode="json", exclude_defaults=True) for c in components])
        if components
        else None,
    )


def target_from_columns(values: Sequence[Any]) -> Target:
    fields = dict(zip(TARGET_FIELDS, values, strict=True))
    fields["components"] = json.loads(fields["components"]) if fields["components"] else ()
    return Target.model_validate(fields)


def source_columns(source: SourceRef) -> SourceRow:
    return (
        source.file,
        source.line,
        source.line_end,
        source.page,
        source.sheet,
        source.cell,
        source.table_index,
        source.row,
        source.column,
    )


def source_json(source: SourceRef) -> str:
    return dump_json(source.model_dump(exclude_none=True))


def source_from_json(text: str) -> SourceRef:
    return SourceRef.model_validate_json(text)


def indicator_rows(indicators: Sequence[Indicator]) -> tuple[list[ContentRow], list[SourceRow]]:
    """What each indicator says, and where it was printed; in printed order."""
    contents: list[ContentRow] = []
    sources: list[SourceRow] = []
    for position, indicator in enumerate(indicators):
        actual = indicator.actual
        contents.append(
            (
                position,
                indicator.level1,
                indicator.level1_printed,
                indicator.level2,
                indicator.level2_printed,
                indicator.name,
                indicator.description,
                *target_columns(indicator.target),
                None if actual is None else dump_json(target_columns(actual)),
                indicator.weight,
                indicator.score,
                indicator.deviation,
            )
        )
        sources.append(source_columns(indicator.source))
    return contents, sources


def indicator_from_row(row: Sequence[Any]) -> Indicator:
    """An :class:`Indicator` from a row in :data:`INDICATOR_COLUMNS` order."""
    (_, _, level1, level1_printed, level2, level2_printed, name, description) = row[:8]
    target_end = 1 + _TARGET_END
    actual_json, weight, score, deviation = row[target_end : target_end + 4]
    source = dict(zip(SOURCE_FIELDS, row[target_end + 4 :], strict=True))
    return Indicator(
        level1=level1,
        level1_printed=level1_printed,
        level2=level2,
        level2_printed=level2_printed,
        name=name,
        description=description,
        target=target_from_columns(row[8:target_end]),
        actual=None if actual_json is None else target_from_columns(json.loads(actual_json)),
        weight=weight,
        score=score,
        deviation=deviation,
        source=SourceRef.model_validate(source),
    )


def revision_values(table: TargetTable) -> dict[str, Any]:
    """The header columns of a revision (everything but ids, times and counts)."""
    values: dict[str, Any] = {
        "kind": table.kind.value,
        "title": table.title,
        "department_code": table.department_code,
        "department": table.department,
        "project": table.project,
        "year": table.year,
        "purpose": table.purpose,
        "goals_json": dump_json(table.goals),
        "source_json": source_json(table.source),
        "confidence": table.confidence,
        "reading_json": reading_json(table),
        "implementer": table.implementer,
        "total_score": table.total_score,
    }
    for name in _BUDGET_FIELDS:
        values[f"budget_{name}"] = getattr(table.budget, name)
    return values


def search_text(table: TargetTable) -> str:
    """What a text search looks in, one line per value: the header, the goals and every
    indicator's name, description and printed 指标值. Stored with each revision, so that a
    search reads one row per table instead of every indicator row."""
    parts: list[str | None] = [
        table.project,
        table.title,
        table.department,
        table.department_code,
        table.implementer,
        table.purpose,
        *table.goals,
    ]
    for indicator in table.indicators:
        parts += [indicator.name, indicator.description, indicator.target.raw]
    return "\n".join(dict.fromkeys(part for part in parts if part))  # each text once


def table_from_rows(
    revision: Mapping[Any, Any], indicators: Iterable[Sequence[Any]]
) -> TargetTable:
    """A :class:`TargetTable` from a revision row (a mapping) and its indicator rows."""
    budget = Budget.model_validate({name: revision[f"budget_{name}"] for name in _BUDGET_FIELDS})
    table = TargetTable(
        kind=TableKind(revision["kind"]),
        title=revision["title"],
        department_code=revision["department_code"],
        department=revision["department"],
        implementer=revision["implementer"],
        project=revision["project"],
        year=revision["year"],
        budget=budget,
        purpose=revision["purpose"],
        goals=json.loads(revision["goals_json"]),
        indicators=[indicator_from_row(row) for row in indicators],
        source=source_from_json(revision["source_json"]),
        confidence=1.0 if revision["confidence"] is None else revision["confidence"],
        total_score=revision["total_score"],
    )
    return with_reading(table, revision["reading_json"])


def reading_json(table: TargetTable) -> str | None:
    """What the reader saw of the form (``TargetTable.reading``) with the positions of the
    doubted rows (``Indicator.doubted``), as stored in ``revisions.reading_json``."""
    if table.reading is None:
        return None
    doubted = [i for i, indicator in enumerate(table.indicators) if indicator.doubted]
    return dump_json({**table.reading.model_dump(mode="json"), "doubted": doubted})


def with_reading(table: TargetTable, stored: str | None) -> TargetTable:
    """``table`` with the reading stored by :func:`reading_json` (None: not known)."""
    if stored is None:
        return table
    data = json.loads(stored)
    doubted = set(data.pop("doubted", ()))
    indicators = [
        indicator.model_copy(update={"doubted": True}) if i in doubted else indicator
        for i, indicator in enumerate(table.indicators)
    ]
    return table.model_copy(
        update={"reading": Reading.model_validate(data), "indicators": indicators}
    )


_NOT_CONTENT: Final = frozenset({"source_json", "confidence", "reading_json"})
# Header columns added after tables were stored: absent (None) they leave the hash as it was,
# so a table stored before them and read again unchanged is still 未变.
_ADDED_LATER: Final = frozenset({"implementer", "total_score"})


_PRINTED_LEVELS: Final = tuple(
    _CONTENT_COLUMNS.index(name) for name in ("level1_printed", "level2_printed")
)


def content_sha256(header: Mapping[str, Any], contents: list[ContentRow]) -> str:
    """Hash of what a table says, not where it was printed nor how sure its reading was:
    sources and the reader's confidence are left out (the same table read from a cleaner
    rendering is the same table), and printed level names count in simplified characters
    (the official-layout export prints 產出指標 as 产出指标; reading it back is no change)."""
    said = sorted(
        (k, v)
        for k, v in header.items()
        if k not in _NOT_CONTENT and not (k in _ADDED_LATER and v is None)
    )
    compared = [
        tuple(
            simplified_name(value) if index in _PRINTED_LEVELS and value else value
            for index, value in enumerate(row)
        )
        for row in contents
    ]
    return hashlib.sha256(repr((said, compared)).encode()).hexdigest()


FindingValues = tuple[Any, ...]
"""A finding's columns from ``code`` on: all but the document, revision and position."""


def finding_values(finding: Finding) -> FindingValues:
    return (
        finding.code,
        finding.severity.value,
        finding.rule,
        finding.message,
        finding.hint,
        finding.project,
        finding.indicator,
        source_json(finding.location),
        dump_json(to_jsonable_python(finding.fields)),
        finding.origin.value,
        finding.field,
        finding.table,
        finding.row,
        finding.ruleset,
        finding.config_digest,
    )


def finding_row(
    finding: Finding, *, document_id: int, revision_id: int | None, position: int
) -> tuple[Any, ...]:
    """A row in :data:`FINDING_COLUMNS` order."""
    return (document_id, revision_id, position, *finding_values(finding))


def finding_from_row(row: Mapping[Any, Any]) -> Finding:
    return Finding(
        code=row["code"],
        severity=row["severity"],
        rule=row["rule"],
        message=row["message"],
        hint=row["hint"],
        project=row["project"],
        indicator=row["indicator"],
        location=source_from_json(row["location_json"]),
        fields=json.loads(row["fields_json"]),
        origin=row["origin"] or (Origin.PARSE if row["code"].startswith("PRS") else Origin.REVIEW),
        field=row["field"],
        table=row["table_position"],
        row=row["indicator_position"],
        ruleset=row["ruleset"],
        config_digest=row["config_digest"],
    )
