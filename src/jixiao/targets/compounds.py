"""Compound standards: several named values in one cell.

Two shapes are read:

* a list of items ``[basis:] name value unit, name value unit, ... [tail]`` where the basis is
  what is printed before a colon (``每人每天费用：`` -> 每人每天), a leading reference
  (``参照2023年``) or a leading ``每…`` run (``每人每天``); items are separated by ， , 、 ; ；
  and every item needs a unit. A tail without digits after the last item is dropped
  (``…奖牌350元/个执行的费用标准``).
* a list of N names joined by 、 and, later, N values joined by 、, paired by position:
  ``按照党委、党总支、党支部不同层级，每月给予党组织书记500元、300元、200元的岗位津贴``; the
  basis is the first ``每…`` run anywhere in the cell.

Either way at least two items are needed; one value with words around it is not a compound.
"""

from __future__ import annotations

import re

from jixiao.model.target import Comparator, Target, TargetComponent, TargetKind
from jixiao.model.vocabulary import (
    BASIS_TRAILERS,
    NAME_LIST_LEADS,
    NAME_LIST_TRAILERS,
    PER_WORDS,
    PREFIX_OPERATORS,
    REFERENCE_WORDS,
    alternation,
)
from jixiao.targets.quantities import QUANTITY, UNIT, format_quantity, read_quantity

SEPARATORS = ",，、;；"
NAME = rf"[^0-9:{SEPARATORS}]{{0,20}}?"
ITEM_RE = re.compile(rf"(?P<name>{NAME}){QUANTITY}")
SEPARATOR_RE = re.compile(rf"[{SEPARATORS}]")
TAIL_RE = re.compile(r"[^0-9]{0,30}")
PER_BASIS_RE = re.compile(rf"(?:每(?:{alternation(PER_WORDS)}))+")
REFERENCE_BASIS_RE = re.compile(
    rf"(?:{alternation(REFERENCE_WORDS)})(?:(?:19|20|21)[0-9]{{2}}年度?)?"
)
BASIS_TRAILER_RE = re.compile(rf"(?:{alternation(BASIS_TRAILERS)})+$")
VALUE = rf"(?:{alternation(PREFIX_OPERATORS)})?[0-9]+(?:\.[0-9]+)?(?:{UNIT})"
VALUE_LIST_RE = re.compile(rf"{VALUE}(?:、{VALUE})+")
CLAUSE_SEPARATOR_RE = re.compile(r"[,，;；:]")
NAME_LIST_LEAD_RE = re.compile(rf"^(?:{alternation(NAME_LIST_LEADS)})")
NAME_LIST_TRAILER_RE = re.compile(rf"(?:不同|各|等)?(?:{alternation(NAME_LIST_TRAILERS)})$")
DIGIT_RE = re.compile(r"[0-9]")


def read_compound(raw: str, text: str) -> Target | None:
    """A list of at least two named values, with what they are per or based on."""
    for basis, body in split_basis(text):
        if components := read_items(body):
            return Target(raw=raw, kind=TargetKind.COMPOUND, basis=basis, components=components)
    return read_paired_lists(raw, text)


def split_basis(text: str) -> list[tuple[str | None, str]]:
    """The ways to split ``text`` into a basis and a list of items, most specific first."""
    splits: list[tuple[str | None, str]] = []
    if ":" in text:
        prefix, body = text.split(":", 1)
        splits.append((clean_basis(prefix), body))
    for pattern in (REFERENCE_BASIS_RE, PER_BASIS_RE):
        if match := pattern.match(text):
            splits.append((match.group(), text[match.end() :]))
    splits.append((None, text))
    return splits


def clean_basis(prefix: str) -> str | None:
    """``每人每天费用`` -> ``每人每天``; None when nothing is left."""
    return BASIS_TRAILER_RE.sub("", prefix) or None


def read_items(body: str) -> tuple[TargetComponent, ...] | None:
    """The items of ``body``, or None unless it is a list of at least two of them."""
    components: list[TargetComponent] = []
    position = 0
    while True:
        match = ITEM_RE.match(body, position)
        component = read_component(match) if match else None
        if match is None or component is None:
            if components and TAIL_RE.fullmatch(body, position):
                break  # the words after a separator that ends the list
            return None
        components.append(component)
        position = match.end()
        if separator := SEPARATOR_RE.match(body, position):
            position = separator.end()
        elif TAIL_RE.fullmatch(body, position):
            break
        else:
            return None
    return tuple(components) if len(components) >= 2 else None


def read_component(match: re.Match[str]) -> TargetComponent | None:
    """One item of a list; None when it has no unit."""
    quantity = read_quantity(match) if match["unit"] else None
    if quantity is None:
        return None
    return TargetComponent(
        name=match["name"] or None,
        op=quantity.op,
        value=quantity.value,
        unit=quantity.unit.unit,
        unit_printed=quantity.unit.unit_printed,
        factor=quantity.unit.factor,
    )


def read_paired_lists(raw: str, text: str) -> Target | None:
    """N names joined by 、 and then N values joined by 、, paired by position."""
    values = VALUE_LIST_RE.search(text)
    if values is None or DIGIT_RE.search(text, values.end()):
        return None
    before = text[: values.start()]
    items = values.group().split("、")
    names = find_name_list(before, len(items))
    if names is None:
        return None
    body = ",".join(name + item for name, item in zip(names, items, strict=True))
    components = read_items(body)
    if components is None:
        return None
    basis = PER_BASIS_RE.search(text)
    return Target(
        raw=raw,
        kind=TargetKind.COMPOUND,
        basis=basis.group() if basis else None,
        components=components,
    )


def find_name_list(text: str, count: int) -> list[str] | None:
    """The clause of ``text`` that lists ``count`` names joined by 、, trimmed; no digits."""
    if DIGIT_RE.search(text):
        return None
    for clause in CLAUSE_SEPARATOR_RE.split(text):
        names = clause.split("、")
        if len(names) != count:
            continue
        names[0] = NAME_LIST_LEAD_RE.sub("", names[0])
        names[-1] = NAME_LIST_TRAILER_RE.sub("", names[-1])
        if all(names):
            return names
    return None


def format_compound(target: Target) -> str | None:
    """``每人每天:住宿费80元,餐费90元``; None when the target has no components."""
    if not target.components:
        return None
    items = ",".join(
        (component.name or "")
        + format_quantity(
            component.op,
            component.op is Comparator.EQ,
            component.value,
            component.unit,
            component.unit_printed,
            component.factor,
        )
        for component in target.components
    )
    return f"{target.basis}:{items}" if target.basis else items
