"""The 指标值 grammar: printed target values -> :class:`jixiao.model.Target` and back.

``parse_target(text, year=None)`` reads one cell; it is pure and total (any string gives a
target, nothing raises). ``format_target(target)`` prints the canonical text, and for every
string ``s``::

    parse_target(format_target(parse_target(s))).same_as(parse_target(s))

Reading happens on a normalised copy of the text (:mod:`.normalization`: NFKC except for the
full-width comma, ≧ ⩾ >= -> ≥, ≦ ⩽ <= -> ≤, dashes -> "-", waves -> "~", no spaces). ``raw``
keeps the printed text, stripped. The first rule that reads the whole text wins:

======================  =================================================================
kind                    grammar (``[]`` optional, ``|`` alternatives)
======================  =================================================================
empty                   nothing but spaces, control or format characters
deadline                [于|截至…] date [前|之前|以前|内|止] [[全部|按期…] 完成|交付|… words];
                        date = 2024年12月31日 | 2024.12.31 | 2024-12-31 | 2024年12月[底|末|份] |
                        2024.12 | 2024年上半年 | 2024年第三季度 | 2024年[底|末|度|内] |
                        12月31日 | 12月底 | 12月前 | 上半年 | 第三季度 | 年底 | 年内 | 当年 …;
                        op ≤, the last day named; no year printed -> the ``year`` argument
period                  date-from (至|到|~|-) date-to: 2023.07-2024.01, 2024年1月至12月,
                        2024-2025年; from the first day to the last day
trend                   (较|比|与)baseline[相比] | 同比 | 环比, [有所|明显…] direction
                        [quantity] [，words]: 较上年增长≥5%, 与上年度持平，无增长;
                        vague when no quantity
numeric                 [控制在][op] number [unit] [以上|以内|…] [qualifier]:
                        ≥16个, 100%, ≤1.5万元, 95%以上, ≥95个直属单位
duration                a numeric whose unit is only a time unit (年, 个月, 天 …): 1年, ≥20年;
                        also in Chinese numerals below 100: 一年, 三个月, 半年内
range                   low[unit] (-|~|至|到) high[unit] [之间]: 80%-90%, 3~5个; ±3%[以内]
compound                [basis:] name value unit (,|，|、|;) name value unit … [words];
                        or names joined by 、 paired with values joined by 、 (compounds.py)
qualitative             a grade phrase (达标, 按期完成, 效果显著 -> 显著), or Chinese words
                        without digits; vague when a word of PT-VAL-005 is used (提高, 显著…)
text                    anything else: placeholders (无, 不涉及, —, *, /), digits inside a
                        sentence (完成2个项目的验收工作), latin words, symbols
======================  =================================================================

* op: ≥ ≤ = > < and their words (大于等于, 不低于, 不少于, 至少, 不超过, 不高于, 等于, 超过,
  低于 …), or a suffix (以上 ≥, 以内/以下/之内/内 ≤); none printed -> "=" with
  ``op_implied``. Operator words only count next to a number: 县处级以上领导班子 is a statement.
* number: digits with an optional decimal part and thousands separators (44,561), optional
  sign. Read as Decimal; scale words multiply it exactly: 1.5万元 -> value 15000, unit 元,
  unit_printed 万元, factor 10000 (also 亿元, 千元, bare 万). A value whose float is not finite
  makes the rule fail.
* unit: the longest unit of :mod:`.vocabulary` (人次 before 人), with "/" parts (元/人/年);
  百分比 is stored as % with unit_printed 百分比.
* qualifier: up to 8 Chinese or latin letters after the unit, no digits (直属单位).

A label before a single number (主考官评审费 1200 元, 覆盖率≥95%) is not read as numeric: labels
only belong to compound items. A structured reading is kept only if its canonical text reads
back the same (``parser.prints_back``); otherwise the cell is read as a statement.
"""

from jixiao.targets.parser import parse_target
from jixiao.targets.printer import format_target
from jixiao.targets.statements import is_placeholder, is_vague

__all__ = ["format_target", "is_placeholder", "is_vague", "parse_target"]
