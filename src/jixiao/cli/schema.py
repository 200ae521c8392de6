"""``jixiao schema``: print the JSON Schema of the JSON format."""

from __future__ import annotations

import sys

from jixiao.export.json import json_schema_text


def schema_command() -> None:
    """输出 JSON 格式的 JSON Schema（由数据模型生成）。"""
    sys.stdout.write(json_schema_text())
