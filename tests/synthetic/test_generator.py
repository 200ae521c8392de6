"""The generator and the flatteners themselves: valid tables, every name printed in every shape."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jixiao.model.characters import strip_pinyin_glosses, to_simplified
from jixiao.model.framework import can_be_under, normalize_level1, normalize_level2
from jixiao.model.target import Comparator, TargetKind
from jixiao.targets import is_placeholder, parse_target
from synthetic.shapes import SHAPES, WRAPPING
from synthetic.tables import Table, tables

variants = st.integers(0, 2**16)

OPS = {"≥": Comparator.GE, "≤": Comparator.LE, "=": Comparator.EQ, "": Comparator.EQ}


@settings(max_examples=200, deadline=None)
@given(tables())
def test_generated_tables_are_valid(table: Table) -> None:
    assert table.rows
    assert table.fiscal + table.other == table.total
    assert len({row.name for row in table.rows}) == len(table.rows)
    for row in table.rows:
        level1, level2 = normalize_level1(row.level1), normalize_level2(row.level2)
        assert level1 is not None
        assert level2 is not None
        assert can_be_under(level1, level2)  # 满意度 under 效益 in the 2015 framework too
        if row.by_region:
            assert len(row.by_region) == len(table.regions) >= 2
        target = parse_target(row.target.printed, year=table.year)
        readable = target.kind is not TargetKind.TEXT or is_placeholder(row.target.printed)
        assert readable, row.target.printed  # 无 is a placeholder: kept as text
        if row.target.quantity:
            assert target.kind in (TargetKind.NUMERIC, TargetKind.DURATION)
            assert target.op is OPS[row.target.op]
            factor = 10000 if row.target.unit.startswith("万") else 1
            assert Decimal(str(target.value)) == Decimal(row.target.number) * factor


@settings(max_examples=50, deadline=None)
@given(tables(), variants)
def test_text_shapes_print_every_name_and_target(table: Table, variant: int) -> None:
    for name, shape in SHAPES.items():
        rendered = shape.render((table,), variant)
        if name in ("xlsx", "docx", "html", "html_page", "mineru") or name in WRAPPING:
            continue  # structured, not text; or cells wrapped over lines
        text = to_simplified(strip_pinyin_glosses(rendered.data.decode("utf-8")))
        flat = "".join(line.split("、", 1)[-1] for line in text.splitlines())  # ocr chunks
        if name not in ("tabs", "webpage"):  # page breaks cut names there (webpage: in tabs)
            for row in table.rows:
                assert to_simplified(row.name) in flat, (name, row.name)
                assert row.target.number in flat, (name, row.target)
