"""Turn a printed 指标值 into the form the grammar matches against.

NFKC folds full-width digits, letters and operators (１６ -> 16, ＞＝ -> >=, ﹦ -> =, ％ -> %);
the full-width comma ， is kept apart so that a list "500，300" never reads as the thousands
number 500,300. Operator spellings NFKC leaves alone (≧ ⩾ ≦ ⩽, >= and <=) become ≥ and ≤,
every dash becomes "-" and every wave "~". Spaces, control and format characters are dropped
(the grammar is written for Chinese, where spaces carry no meaning: "≥ 95 %" is "≥95%"), and so
is closing punctuation at the end.
"""

from __future__ import annotations

import re
import unicodedata

from jixiao.model.vocabulary import OPERATOR_SPELLINGS

KEPT_CHARACTERS = "，"
DASHES = "‐‑‒–—―−⁃﹣"
WAVES = "〜∼～"
TRAILING_PUNCTUATION = "。;；,，、"

OPERATOR_SPELLING_RE = re.compile("|".join(re.escape(key) for key in OPERATOR_SPELLINGS))
DASH_TABLE = str.maketrans(dict.fromkeys(DASHES, "-") | dict.fromkeys(WAVES, "~"))
KEPT_SPLIT_RE = re.compile(f"([{KEPT_CHARACTERS}])")
DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Zs", "Zl", "Zp"})


def normalize_text(text: str) -> str:
    """The matching form of ``text`` (see the module docstring). Never raises."""
    text = drop_invisible(text)
    text = "".join(
        part if part in KEPT_CHARACTERS else unicodedata.normalize("NFKC", part)
        for part in KEPT_SPLIT_RE.split(text)
    )
    text = drop_invisible(text).translate(DASH_TABLE)
    text = OPERATOR_SPELLING_RE.sub(lambda match: OPERATOR_SPELLINGS[match.group()], text)
    return text.rstrip(TRAILING_PUNCTUATION)


def drop_invisible(text: str) -> str:
    """``text`` without whitespace, control and format characters."""
    return "".join(
        char
        for char in text
        if not char.isspace() and unicodedata.category(char) not in DROPPED_CATEGORIES
    )
