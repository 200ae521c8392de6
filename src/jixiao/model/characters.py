"""Characters of pasted text: pinyin glosses dropped, traditional characters converted.

Pages reposted through converters come in traditional characters with pinyin glosses put
after some characters (``項(xiàng)目``). A gloss is an annotation, not text: it is dropped
everywhere. Traditional characters are converted to simplified (OpenCC ``t2s``) so that labels,
level names and units are recognised; readers keep the printed form beside the converted one.
The store and the exports compare and print level names in simplified characters
(:func:`simplified_name`), which is why this lives with the model, not with a reader.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final

import opencc

_TONE_MARKS: Final = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# a bracketed pinyin syllable with a tone mark, right after a CJK character
_GLOSS: Final = re.compile(
    rf"(?<=[\u3400-\u9fff])[（(](?=[a-zü]*[{_TONE_MARKS}])[a-zü{_TONE_MARKS}]{{1,7}}[)）]"
)
_CJK: Final = re.compile(r"[\u3400-\u9fff]")
# A text counts as traditional when conversion changes at least this share of its CJK characters
# (simplified text is left alone: t2s is not the identity on every simplified character).
_TRADITIONAL_SHARE: Final = 0.03


def strip_pinyin_glosses(text: str) -> str:
    """'項(xiàng)目' → '項目'; '(km)' and '(万元)' are kept."""
    return _GLOSS.sub("", text)


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional characters converted to simplified; other characters unchanged."""
    converted: str = _converter().convert(text)
    return converted


@lru_cache(maxsize=4096)
def simplified_name(text: str) -> str:
    """A short name (a 一级/二级 level as printed) in simplified characters: how exports print
    it, and how the store compares two printings of it (產出指標 is 产出指标). Cached: a
    document set has few distinct level names."""
    return to_simplified(text)


def is_traditional(text: str) -> bool:
    """True when a text is written in traditional characters."""
    cjk = _CJK.findall(text)
    if not cjk:
        return False
    converted = to_simplified("".join(cjk))
    changed = sum(a != b for a, b in zip(cjk, converted, strict=False))
    return bool(changed >= max(3, _TRADITIONAL_SHARE * len(cjk)))
