"""jixiao's JSON format (docs/json-format.md) and its JSON Schema."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from jixiao.model import Document, DocumentSet

FORMAT_VERSION = "1"


def documents_to_json(documents: Iterable[Document]) -> str:
    """``{"documents": [...]}`` as indented UTF-8 JSON text."""
    document_set = DocumentSet(documents=list(documents))
    return document_set.model_dump_json(indent=2) + "\n"


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the format, generated from the model."""
    schema = DocumentSet.model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"jixiao documents, format version {FORMAT_VERSION}",
        **schema,
    }


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"
