"""The printed labels of a target table's header block and indicator columns.

Labels are compared after :func:`clean_label`: no whitespace, no trailing colon, no leading
"其中：", brackets such as "（万元）" dropped, traditional characters converted.

The labels themselves are words of the one vocabulary (:mod:`jixiao.model.vocabulary`); the
functions here, which the assembler (to map a grid's cells to fields) and the pasted-text
reader (to find cell boundaries in text that lost them) both call, look them up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from jixiao.model.framework import (
    clean_level_name,
    evaluation_level,
    normalize_level1,
    normalize_level2,
)
from jixiao.model.vocabulary import (
    AMOUNT_UNITS,
    BUDGET_SUB_COLUMNS,
    COLUMN_LABELS,
    EVALUATION_GRADES,
    HEADER_LABELS,
    IGNORED_LABELS,
    PROJECT_COLUMNS,
    TOTAL_PART_LABELS,
    TOTAL_ROW_LABELS,
    TOTAL_SCORE_LABELS,
    UNKEPT_COLUMNS,
    Field,
    alternation,
)

# An indicator header row names at least these many of the level columns.
_LEVEL_COLUMNS: Final = frozenset({Field.LEVEL1, Field.LEVEL2, Field.NAME})
# ... or names the 三级指标 and 指标值 with at least two of these
_VALUE_COLUMNS: Final = frozenset(
    {Field.UNIT, Field.OPERATOR, Field.WEIGHT, Field.ACTUAL, Field.SCORE, Field.DIRECTION}
)

# '*指标值', '★三级指标': a required-field mark before the label
_LEADING_QUALIFIER: Final = re.compile(r"^[*＊★☆]*(?:其中[:：]?)?")
_TRAILING_COLON: Final = re.compile(r"[:：]+$")
_BRACKETED: Final = re.compile(r"[（(][^（()）]*[)）]")
# '资金情况（万元）', '预算执行情况(万元) (20分)': the unit, perhaps before a section's score
_UNIT_IN_BRACKETS: Final = re.compile(
    rf"[（(]\s*({alternation(AMOUNT_UNITS)})\s*[)）](?:\s*[（(][^（()）]{{0,12}}[)）])*\s*[:：]?\s*$"
)


@lru_cache(maxsize=4096)
def clean_label(text: str) -> str:
    label = clean_level_name(text)  # whitespace and traditional characters
    label = _LEADING_QUALIFIER.sub("", label)
    label = _BRACKETED.sub("", label)
    return _TRAILING_COLON.sub("", label)


# a bracket left open at the end of a label cut by its column (项目资金（万)
_OPEN_BRACKET: Final = re.compile(r"[（(][^）)]*$")
# '2.市级资金', '其中:1.中央资金': a header label numbered in a list of parts
_LIST_NUMBER: Final = re.compile(r"^\d{1,2}\s*[.．、]\s*")


@lru_cache(maxsize=4096)
def header_key(text: str) -> str:
    """The form of a header-block label looked up in the vocabulary (list numbering dropped)."""
    return _LIST_NUMBER.sub("", clean_label(text))


def header_label(text: str) -> Field | None:
    """The header-block field a cell labels, or None."""
    if not text or len(text) > 24:
        return None
    return HEADER_LABELS.get(header_key(text))


@lru_cache(maxsize=8192)  # asked of the first cell of every row, by every stage
def is_known_label(text: str) -> bool:
    """A header-block label, whether or not the model keeps its value."""
    if not text or len(text) > 24:
        return False
    label = header_key(text)
    return label in HEADER_LABELS or label in IGNORED_LABELS


def budget_sub_column(text: str) -> Field | None:
    """The budget-block sub-column a cell heads (全年执行数, 执行率 …), or None."""
    if not text or len(text) > 24:
        return None
    return BUDGET_SUB_COLUMNS.get(clean_label(text))


def label_unit(text: str) -> str | None:
    """The amount unit a label prints in brackets: '资金情况（万元）' → '万元'."""
    match = _UNIT_IN_BRACKETS.search(_LINE_BREAKS.sub("", text))  # (万<br>元): one unit
    return match.group(1) if match else None


_LINE_BREAKS: Final = re.compile(r"\s*\n\s*")


# Wordings of the value columns beyond the listed labels, by how forms compose them: the
# 指标值 with its qualifiers (年度绩效指标值, 本年目标值), the 实际完成值 (年度实际完成数), the
# 偏差原因分析及改进措施 column (偏差原因及改进措施, 未完成原因分析和改进措施).
_COLUMN_WORDINGS: Final = (
    (
        re.compile(
            r"(?:年度|全年|年初|本年|当年|预期|计划|调整后)*(?:绩效)?(?:指标|目标)值"
            r"|(?:年度|全年|本年|当年)?预期(?:实现)?值"  # 当年预期实现值, 预期值
        ),
        Field.TARGET,
    ),
    (re.compile(r"(?:年度|全年|本年|当年)?(?:实际完成|实际|完成)(?:指标)?(?:值|数)"), Field.ACTUAL),
    (re.compile(r"(?:偏差|未完成).{0,6}原因.{0,8}|.{0,4}原因分析.{0,8}"), Field.DEVIATION),
)


@lru_cache(maxsize=8192)  # every row's cells are asked whether they head a column
def column_label(text: str) -> Field | None:
    """The indicator column a header cell names, or None: a listed label, else a wording of
    the 指标值, 实际完成值 or 偏差原因 columns (:data:`_COLUMN_WORDINGS`)."""
    if not text or len(text) > 24:
        return None
    label = clean_label(text)
    found = COLUMN_LABELS.get(label)
    if found is not None or label in UNKEPT_COLUMNS:
        return found
    return next((field for pattern, field in _COLUMN_WORDINGS if pattern.fullmatch(label)), None)


@lru_cache(maxsize=1024)
def starts_header_label(text: str) -> bool:
    """``text`` is a header-block label, or the first line of one wrapped in its cell
    (部门预算 of 部门预算编码, 年度预算安排（万 of 年度预算安排（万元））."""
    key = header_key(_OPEN_BRACKET.sub("", text))
    return len(key) >= 2 and any(
        label.startswith(key) for labels in (HEADER_LABELS, IGNORED_LABELS) for label in labels
    )


@lru_cache(maxsize=1024)
def starts_column_label(text: str) -> bool:
    """``text`` names a column, or is the first line of a label wrapped in its cell (年度指标,
    偏差原因分)."""
    label = clean_label(text)
    return bool(label) and (
        column_label(text) is not None or any(w.startswith(label) for w in _WRAPPABLE_LABELS)
    )


@lru_cache(maxsize=1024)
def continues_column_label(above: str, rest: str) -> bool:
    """``rest`` is the second line of the column label ``above`` wrapped in its cell (年度指标 |
    值, 偏差原因 | 分析及改 | 进措施): together they name a column, or start a label that
    does."""
    if not above or not clean_label(rest):
        return False  # nothing, or a bracketed qualifier (（含直属单位）): no label's rest
    return starts_column_label(above + rest)


def column_field(text: str) -> Field | None:
    """The column a cell of the indicator header names: an indicator column, or one of the
    project columns a multi-project sheet prints in front of them (单位名称, 项目名称 …)."""
    name = column_label(text)
    if name is None:
        label = header_label(text)
        name = label if label in PROJECT_COLUMNS else None
    return name


def unkept_column_shape(text: str) -> str | None:
    """The cell shape of an indicator column the model does not keep (调整指标值 …), or None."""
    if not text or len(text) > 24:
        return None
    return UNKEPT_COLUMNS.get(clean_label(text))


def is_anagram(text: str, word: str) -> bool:
    """``text`` holds the characters of ``word`` out of order: a vertical label a document
    preview read column by column (性标定指 for 定性指标)."""
    return len(text) == len(word) and text != word and sorted(text) == sorted(word)


# The column labels a wrapped header cell may be the start of (the listed labels, and the
# worded 偏差原因 columns' usual wording).
_WRAPPABLE_LABELS: Final = (*COLUMN_LABELS, *UNKEPT_COLUMNS, "偏差原因分析及改进措施")


def column_labels(texts: Sequence[str]) -> frozenset[Field | None]:
    """The indicator columns a row's cells name (None for a cell naming none)."""
    return row_column_labels(tuple(texts))


@lru_cache(maxsize=4096)  # each row is asked whether it heads the indicators, by every stage
def row_column_labels(texts: tuple[str, ...]) -> frozenset[Field | None]:
    return frozenset(column_label(text) for text in texts)


def is_header_without_target(texts: list[str]) -> bool:
    """A row naming the level columns (一级指标 | 二级指标 | 三级指标) but no 指标值 column (nor
    one per region)."""
    fields = column_labels(texts)
    return (
        len(fields & _LEVEL_COLUMNS) >= 2
        and Field.TARGET not in fields
        and not entity_columns([column_label(text) for text in texts], texts)
    )


# What a form may print over its 三级 column when it prints no 三级指标/指标名称: the merged
# section label, or a column label that elsewhere heads the indicators' descriptions.
_NAME_COLUMN_STAND_INS: Final = frozenset({"绩效指标", "指标", "指标内容", "具体内容"})


def stand_in_name_column(fields: Sequence[Field | None], texts: Sequence[str]) -> int | None:
    """The column that holds the 三级 names in a header naming no 三级 column: the one right
    after the 二级指标 column, labelled 指标内容 or 绩效指标 (一级指标 | 二级指标 | 指标内容 |
    指标值), when the 指标值 column follows it. None otherwise."""
    if Field.NAME in fields or Field.LEVEL2 not in fields:
        return None
    after = max(i for i, f in enumerate(fields) if f is Field.LEVEL2) + 1
    if after >= len(fields) or Field.TARGET not in fields[after + 1 :]:
        return None
    if fields[after] in (None, Field.DESCRIPTION) and is_name_stand_in(texts[after]):
        return after
    return None


def implied_name_column(fields: Sequence[Field | None], texts: Sequence[str]) -> int | None:
    """Where an unlabelled 三级 column stands in a header naming none: right after the 二级指标
    label when a description column follows it straight (一级指标 | 二级指标 | 绩效标准 |
    当年预期实现值 — the 二级 label printed over the 二级 and 三级 columns; a description heads
    no names), and a 指标值 column follows. None otherwise (a stand-in label such as 指标内容
    is :func:`stand_in_name_column`'s)."""
    if Field.NAME in fields or Field.LEVEL2 not in fields:
        return None
    after = max(i for i, f in enumerate(fields) if f is Field.LEVEL2) + 1
    if after >= len(fields) or fields[after] is not Field.DESCRIPTION:
        return None
    if is_name_stand_in(texts[after]):
        return None
    return after if Field.TARGET in fields[after + 1 :] else None


def is_name_stand_in(text: str) -> bool:
    """指标内容, 绩效指标: a label that may head the 三级 names (:func:`stand_in_name_column`)."""
    return clean_label(text) in _NAME_COLUMN_STAND_INS


_DIGITS_ONLY: Final = re.compile(r"^[\d.,，%％\s]*$")


def is_entity_label(text: str) -> bool:
    """A column named after a town, village or unit (西坪镇尧山村): a short name that is no
    label, level name or number."""
    return (
        2 <= len(text) <= 16
        and not _DIGITS_ONLY.match(text)
        and not is_known_label(text)
        and column_label(text) is None
        and normalize_level1(text) is None
        and normalize_level2(text) is None
        and evaluation_level(text) is None
    )


def entity_columns(fields: Sequence[Field | None], texts: Sequence[str]) -> list[int]:
    """The value columns of a form with one 指标值 column per town, village or unit
    (一级指标 | 二级指标 | 三级指标 | 指标解释 | 西坪镇尧山村 | 桃舟乡吾培村 | …, a transfer
    form's regions): a header naming no 指标值 column, with a 三级 and another level column,
    whose last two or more labels, after the last column it names, are names of places or
    units. The positions of those labels (in ``texts``); [] for any other header. O(labels)."""
    named = [i for i, f in enumerate(fields) if f is not None]
    levels = {f for f in fields if f in _LEVEL_COLUMNS}
    if not named or Field.TARGET in fields or Field.NAME not in levels or len(levels) < 2:
        return []
    tail = [i for i in range(named[-1] + 1, len(texts)) if texts[i]]
    if len(tail) < 2 or not all(is_entity_label(texts[i]) for i in tail):
        return []
    return tail


# The end of a place's or unit's name (禾川镇, 尤俊村, 城关街道, 第一中学): what a region column's
# label ends in where nothing else says it is one.
_PLACE_NAME: Final = re.compile(r"(?:省|市|州|盟|县|区|旗|镇|乡|村|街道|社区|场|局|中心|院|校|学)$")


def spanned_entity_columns(fields: Sequence[Field | None], texts: Sequence[str]) -> list[int]:
    """The region columns of a two-row header flattened into one row (一级指标 | 二级指标 |
    三级指标 | 指标值 | 禾川镇 | 石桥镇 …: the 指标值 label printed over one column per region,
    the regions' names under it, one cell per line): two or more names of places or units
    right after the last label, a 指标值, of a header naming a 三级 and another level column.
    Their positions (in ``texts``); [] for any other header. O(labels)."""
    named = [i for i, f in enumerate(fields) if f is not None]
    levels = {f for f in fields if f in _LEVEL_COLUMNS}
    if not named or fields[named[-1]] is not Field.TARGET:
        return []
    if Field.NAME not in levels or len(levels) < 2:
        return []
    tail = [i for i in range(named[-1] + 1, len(texts)) if texts[i]]
    if len(tail) < 2 or not all(
        is_entity_label(texts[i]) and _PLACE_NAME.search(texts[i]) for i in tail
    ):
        return []
    return tail


def is_indicator_header(texts: list[str]) -> bool:
    """True for a row such as 一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值, or
    指标名称 | 指标权重 | 计量单位 | 指标性质 | 指标值 (a form with no level columns)."""
    fields = column_labels(texts)
    if Field.TARGET not in fields:
        # one 指标值 column per region instead (… | 三级指标 | 城关镇 | 新河乡)
        return Field.NAME in fields and bool(
            entity_columns([column_label(text) for text in texts], texts)
        )
    if len(fields & _LEVEL_COLUMNS) >= 2:
        return True
    # a form without level columns (部门整体: 指标名称 | 指标权重 | 计量单位 | 指标性质 | 指标值)
    return Field.NAME in fields and len(fields & _VALUE_COLUMNS) >= 2


# --- text that is never an indicator or a goal ----------------------------------------------
#
# Page furniture of government web pages (share bars, print links, breadcrumbs, site footers)
# and the footer block of printed forms (notes, contacts, signatures, dates). Both are matched
# at the start of a cell (after whitespace), with what may follow such a phrase, so that an
# indicator name that merely contains a word (存在问题整改率) is not taken for one.

_FURNITURE: Final = re.compile(
    r"^[【\[]?\s*(?:扫一扫|手机扫码|在手机(?:上)?打开|打印本页|关闭(?:本页|窗口)|返回顶部|分享到|"
    r"[【\[]\s*(?:下载|打印|关闭|收藏)\s*[】\]]|字[体号]\s*[:：]?\s*[【\[]?\s*大|"
    r"发布(?:时间|日期)\s*[:：]|信息来源\s*[:：]|来源\s*[:：]|(?:浏览|阅读|访问)(?:次数|量)|"
    r"首\s*页\s*[>＞»›]|当前位置\s*[:：]|您(?:现在)?的位置|版权所有|copyright|©|"
    r"主办(?:单位)?\s*[:：]|承办(?:单位)?\s*[:：]|网站标识码|.{0,12}ICP备|.{0,12}公网安备|"
    r"联系客服|关注微信|下载\s*APP|qrcode|上一篇|下一篇|网站首页|"
    # a page's attachment list: 附件：, 1.<file name>.xlsx
    r"附\s*件\s*\d*\s*(?:$|[:：])|\d{1,2}\s*[.、．]\s*[^|\t]{1,80}\.(?:xlsx?|docx?|pdf|wps|et|ofd|zip|rar)$)",
    re.IGNORECASE,
)
# A page number a printed or converted document carries between rows: - 12 -, 第3页 共8页,
# 3/8 (``strict``: not the bare number or n/m, which are also cells of a table).
_PAGE_NUMBER: Final = re.compile(
    r"^[-—–]\s*\d{1,4}\s*[-—–]$|^第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?$"
)
_LOOSE_PAGE_NUMBER: Final = re.compile(r"^[-—–\s]*\d{1,4}[-—–\s]*$|^\d+\s*/\s*\d+$")


def is_page_number(text: str, *, strict: bool = False) -> bool:
    """A page number printed between rows: ``- 12 -``, ``第 3 页 共 8 页``; unless ``strict``
    also a bare ``12`` and ``3/8`` (a line alone in converter text, where a table cell would
    be in a row of cells)."""
    stripped = text.strip()
    if _PAGE_NUMBER.match(stripped):
        return True
    return not strict and bool(_LOOSE_PAGE_NUMBER.match(stripped))


_FOOTER: Final = re.compile(
    r"^(?:其他需?(?:要)?说明的?问题|存在(?:的)?问题\s*(?:$|[|｜、及和与/:：])|改进措施\s*$|"
    r"备\s*注\s*(?:$|[:：])|注\s*\d*\s*[:：]|说明\s*[:：]|"
    r"填\s*[报表]\s*人|联\s*系\s*(?:电\s*话|人|方式)|审\s*核\s*人|复\s*核\s*人|"
    r"(?:单位|部门|财务|项目)?负\s*责\s*人\s*(?:$|[:：（(签])|签\s*[字章名]\s*(?:$|[:：])|"
    r"(?:单位)?盖\s*章|填\s*[报表]\s*(?:日期|时间)|日\s*期\s*[:：]|"
    r"\d{0,4}\s*年\s*月\s*日\s*$|总\s*分\s*$|合\s*计\s*$|附\s*[件表]\s*\d{1,2}\s*[:：]?\s*$)",
    re.IGNORECASE,
)
# A bare number, weight, score or percentage (with an optional comparator).
_BARE_NUMBER: Final = re.compile(
    r"^[≥≤≧≦<>=＝﹦＞＜+\-±]*\s*\d+(?:[.,，]\d+)*\s*(?:%|％|‰|分|万元|元)?$"
)
# Level and section vocabulary: never a 三级 name of its own.
_LEVEL_WORDS: Final = re.compile(
    r"^(?:(?:绩效|评价|考核|本年度|年度)?指标|(?:项目)?(?:产出|效益|效果)(?:指标)?|"
    r"指标\d*|(?:一|二|三)级(?:指标)?)$"
)


WEB_PAGE: Final = "网页元素"
FOOTER: Final = "表尾说明"


@lru_cache(maxsize=8192)  # the wrapped-row settling, the collector and the screen ask it
def furniture_kind(text: str) -> str | None:
    """What a cell is when it is page furniture or a form's footer, in Chinese; else None.

    ``网页元素`` (share bars, print links, breadcrumbs, 发布时间, 来源, copyright) or ``表尾说明``
    (其他需说明的问题, 存在问题, 备注, 注：…, 填报人, 联系电话, 审核人, signatures and dates, a
    总分 line, an attachment's number 附件2 before the next table).
    Linear in the text (anchored regular expressions without nested repetition).
    """
    stripped = text.strip()
    if not stripped:
        return None
    if _FURNITURE.match(stripped):
        return WEB_PAGE
    if _FOOTER.match(stripped):
        return FOOTER
    return None


def not_a_name(text: str) -> str | None:
    """Why a 三级指标 cell cannot be an indicator's name, in Chinese; None when it can be.

    Furniture and footers (:func:`furniture_kind`), a bare number or percentage (a weight or
    score read as a name), level vocabulary (产出指标, 指标) or a column label.
    """
    kind = furniture_kind(text)
    if kind is not None:
        return kind
    cleaned = clean_level_name(text)
    if _BARE_NUMBER.match(cleaned):
        return "数字（分值、得分或指标值）"
    if _LEVEL_WORDS.match(cleaned) or column_label(cleaned) is not None or is_level_name(cleaned):
        return "指标层级或表头用语"
    return None


# A template's numbering before a 三级 name: 指标1:服务对象满意度 (kept in the name as printed).
_TEMPLATE_NUMBER: Final = re.compile(r"^指标\s*\d+\s*[:：]\s*")


_NUMBERED_NAME: Final = re.compile(r"^(?:指标|目标|任务)\s*\d{1,2}\s*[:：、.．]")


_BARE_TEMPLATE_NUMBER: Final = re.compile(r"^(?:指标|目标|任务)\s*\d{1,2}\s*[:：、.．]?$")


def is_template_number(text: str) -> bool:
    """A template's numbering with nothing after it (指标2, 指标2：): the empty row a national
    自评表 template leaves under a filled one, never a name or a 指标值."""
    return bool(_BARE_TEMPLATE_NUMBER.match(text.strip()))


_ELLIPSIS_ONLY: Final = re.compile(r"^[…\.。·]+$")


def is_template_filler(text: str) -> bool:
    """What a template prints in a row nobody filled: its numbering (指标2) or an ellipsis
    (……) — in a 偏差原因 or 说明 cell, no reason."""
    stripped = text.strip()
    return bool(stripped) and (is_template_number(stripped) or bool(_ELLIPSIS_ONLY.match(stripped)))


# What a blank form prints in a field's cell: a list number (1、, 2.), a checkbox (□, √) or an
# ellipsis — never the field's value.
_BLANK_FORM_CELL: Final = re.compile(
    r"^(?:\d{1,2}\s*[、.．]|[（(]\d{1,2}[)）]|[□■☑☐√✓]+|[…\.。·]+)$"
)
_CHECKBOX: Final = re.compile(r"[□■☑☐√✓]")


def is_blank_form_cell(text: str, following: str = "", *, title: bool = True) -> bool:
    """A cell a blank (or half-filled) form prints where a value goes: a list number, a
    checkbox, an ellipsis, an option ticked or not (新增项目 □ | 延续项目 √: the options of a
    项目属性 whose label was printed elsewhere), or (``title``) the form's title repeated at a
    page's top — not for a 项目名称, which a form may word as its table's title."""
    stripped = text.strip()
    return bool(
        _BLANK_FORM_CELL.match(stripped)
        or _CHECKBOX.search(stripped)
        or (_BLANK_FORM_CELL.match(following.strip()) and _CHECKBOX.search(following))
        or (title and is_table_title(stripped))
    )


def is_numbered_name(name: str) -> bool:
    """A 三级 name numbered by its template (指标2:服务对象投诉率, 任务1:…): the start of a row."""
    return bool(_NUMBERED_NAME.match(name.strip()))


def is_fragment(name: str) -> bool:
    """A name of one character once the template's numbering (指标1:) is left out: what is
    left of a row cut off mid-name (效, 指标1:技). With no 指标值 beside it, it is no row."""
    return len(clean_level_name(_TEMPLATE_NUMBER.sub("", name.strip()))) < 2


def is_level_name(text: str) -> bool:
    """A 一级 or 二级 name of the framework as printed in a level cell (产出指标, 数量指标):
    ending in 指标, so that a 三级 name such as 服务对象满意度 is not one."""
    if not text.endswith("指标"):
        return False
    return normalize_level1(text) is not None or normalize_level2(text) is not None


# How a whole 三级 name ends (a rate, a count, a cost, a time, an effect …): a name cut by a
# page break usually does not (干部信息管, …即时奖励工作), and a rest that starts with a joining
# word (及, 和, 与, 的 …) or a bracket continues the name before it.
_WHOLE_NAME_END: Final = re.compile(
    r"(?:率|数|量|度|值|性|比|比例|额|费|费用|标准|成本|价格|时间|时限|期限|周期|工期|次|人次|"
    r"户数|效果|效益|成效|情况|水平|面积|长度|里程|规模|能力|影响|作用|指数|覆盖面|程度|质量|年限|机制|制度建设)$"
)
# (及时 is a word: 及时(按期)开工率 starts a name)
_JOINING_START: Final = re.compile(r"^(?!及时)[及和与或的之等、，,（(）)）：:;；%]")


# How a name ends for sure: a measure that ends names and no word inside them (not 度 or 量,
# which end words inside names too: 管理制度严格执行率).
_SURE_NAME_END: Final = re.compile(
    r"(?:率|情况|机制|成效|效益|效果|满意度|标准|时间|时限|年限|水平|影响)$"
)


def ends_name_surely(text: str) -> bool:
    """``text`` ends as a 三级 name ends, with a measure that ends no word inside names (two
    names glued: 设备维护长效管护机制 | 持续发挥作用…)."""
    return _SURE_NAME_END.search(text) is not None


def stands_alone(name: str) -> bool:
    """Whether a 三级 name reads as whole: it ends as indicator names end (…率, …数量,
    …费用, …效果) and does not start with a joining word or bracket. Used to tell a row cut
    by a page break from two whole rows. Linear in the name."""
    cleaned = _BRACKETED.sub("", clean_level_name(name))
    if len(cleaned) < 2 or _JOINING_START.match(name.strip()):
        return False
    return _WHOLE_NAME_END.search(cleaned) is not None


# a measure with no object of its own: 控制率, 合格率, 满意度 (at most three characters)
_BARE_MEASURE: Final = re.compile(r"^[\u3400-\u9fff]{1,2}(?:率|度|量|数|值)$")


def is_bare_measure(name: str) -> bool:
    """A name that is only a measure word, with no object (控制率, 满意度): the end of a name
    cut before it (by a page break, or by its column), not a row of its own."""
    return bool(_BARE_MEASURE.match(clean_label(name)))


_TABLE_TITLE: Final = re.compile(
    r"(绩效目标表|绩效目标申报表|绩效自评表|自评表|绩效目标批复表|绩效自评情况公示|绩效自评情况|绩效评价指标表"
    r"|绩效目标公开表?|项目绩效公开)"
    # its year, or what the copy is (项目支出绩效目标表（本次下达）, （调整后）)
    r"(?:\s*[（(]\s*(?:(?:19|20)\d{2}\s*年度?|本次下达|提前下达|调整后|批复)\s*[)）])?$"
)


def is_table_title(text: str) -> bool:
    """A table's title by its ending wording (…绩效目标表, …自评表 (2023年度), …项目绩效公开,
    …绩效目标表（本次下达）):
    where a table starts, and so where the indicator rows of the table before it end."""
    return bool(_TABLE_TITLE.search(text))


# The title of any table of a budget book (收支预算总表, “三公”经费支出预算表 (2024年)): a
# short line ending in 表, after an optional number (三、).
_ANY_TABLE_TITLE: Final = re.compile(
    r"^[\d一二三四五六七八九十]{0,3}[、.．]?\s*[^|\t，。；：:]{2,40}表\s*(?:[（(][^)）]{0,16}[)）])?$"
)


def is_any_table_title(text: str) -> bool:
    """A line titling a table, a target table or another one of the document (收支预算总表,
    政府采购预算表): where the indicator rows of the table before it end."""
    stripped = text.strip()
    return is_table_title(stripped) or bool(_ANY_TABLE_TITLE.match(stripped))


# Words of which every page that holds a target table's start prints at least one: the title
# (…绩效目标表, …绩效自评表), a label that opens the header block (项目名称, 专项名称) or the
# indicator columns' header (一级指标, 指标值, 目标值), in simplified or traditional characters.
# A page printing none of them can only continue a table from the page before; the PDF reader
# passes over such pages in a long document (a 部门预算 book) without looking for tables on them.
_PAGE_WORDS: Final = (
    "绩效目标",
    "绩效自评",
    "自评表",
    *(label for label, name in HEADER_LABELS.items() if name is Field.PROJECT),
    *(
        label
        for label, name in COLUMN_LABELS.items()
        if name in (Field.LEVEL1, Field.LEVEL2, Field.NAME, Field.TARGET)
    ),
)
_TRADITIONAL: Final = {
    "绩": "績", "标": "標", "评": "評", "项": "項", "称": "稱", "专": "專", "资": "資",
    "转": "轉", "级": "級", "预": "預", "计": "計", "划": "劃", "单": "單", "实": "實",
}  # fmt: skip
_TARGET_PAGE_WORDS: Final = re.compile(
    "|".join(
        "".join(f"[{c}{_TRADITIONAL[c]}]" if c in _TRADITIONAL else re.escape(c) for c in word)
        for word in sorted(set(_PAGE_WORDS), key=len, reverse=True)
    )
)


def may_start_target_table(text: str) -> bool:
    """Whether a page's text may hold (the start of) a target table."""
    return _TARGET_PAGE_WORDS.search(re.sub(r"\s+", "", text)) is not None


# --- the total of a 自评表 ----------------------------------------------------------------

# Points as printed in a total row: '96', '96.5', '96分'.
_POINTS: Final = re.compile(r"^(\d{1,3}(?:\.\d{1,2})?)\s*分?$")
_GRADE: Final = re.compile(rf"^(?:(?:评价|自评)?等级\s*[:：]?\s*)?({'|'.join(EVALUATION_GRADES)})$")


@dataclass(frozen=True, slots=True)
class PrintedTotal:
    """A 自评表's total as printed: ``start`` is the index of its label among the row's cells."""

    start: int
    score: float
    grade: str | None = None


_TOTAL_HINTS: Final = ("总", "總", "合计")


def total_label(text: str) -> str | None:
    """``row`` for a total row's label (总分, 合计, 总计), ``score`` for a label of the total
    score itself (自评总分(分), 总得分), else None."""
    if not text or len(text) > 12:
        return None
    key = clean_label(text)
    if key in TOTAL_ROW_LABELS:
        return "row"
    return "score" if key in TOTAL_SCORE_LABELS else None


def printed_total(texts: Sequence[str], *, under_indicators: bool) -> PrintedTotal | None:
    """The total a row prints, when it says which of its numbers is the score; else None.

    The row holds a total label and after it only points, part labels and a grade:

    * ``总分 | 100 | 96 | 优``: two numbers, the first the full marks (100), the second the score;
    * ``总分 | 100 | 得分 | 96 | 等级：优``: the score after its label;
    * ``自评总分(分) | 97.6``: one number under a label of the score itself.

    A lone number after 总分 (full marks or score?), a first number other than 100 (the total
    of the indicators alone, without the budget execution?) or any other text is no total.
    合计/总计 count only ``under_indicators`` (in the budget block they sum amounts).
    Linear in the row.
    """
    printed = "\n".join(texts)
    if not any(hint in printed for hint in _TOTAL_HINTS):
        return None  # every total label holds 总 or 合计 (总分, 總分, 合计, 自评得分合计 …)
    start = next((i for i, text in enumerate(texts) if total_label(text.strip())), None)
    if start is None:
        return None
    kind = total_label(texts[start].strip())
    if kind == "row" and not under_indicators and clean_label(texts[start]) != "总分":
        return None
    labelled: dict[str, float] = {}
    numbers: list[float] = []  # points not after a part label, in order
    grade: str | None = None
    expecting: str | None = None  # the part label just read
    for text in (t.strip() for t in texts[start + 1 :]):
        if not text:
            continue
        points, graded = _POINTS.match(text), _GRADE.match(text)
        if points and expecting in ("full", "score") and expecting not in labelled:
            labelled[expecting] = float(points.group(1))
        elif points and expecting is None:
            numbers.append(float(points.group(1)))
        elif graded and grade is None and expecting in (None, "grade"):
            grade = graded.group(1)
        elif expecting is None and clean_label(text) in TOTAL_PART_LABELS:
            expecting = TOTAL_PART_LABELS[clean_label(text)]
            continue
        else:
            return None  # other text, or a part label without its value
        expecting = None
    if expecting is not None and expecting != "grade":
        return None
    if labelled:
        if len(numbers) > 1 or "score" not in labelled:
            return None
        full, score = labelled.get("full", numbers[0] if numbers else None), labelled["score"]
    elif len(numbers) == 2:
        full, score = numbers
    elif len(numbers) == 1 and kind == "score":
        full, score = None, numbers[0]
    else:
        return None
    if (full is not None and full != 100) or score > 100:
        return None
    return PrintedTotal(start, score, grade)
