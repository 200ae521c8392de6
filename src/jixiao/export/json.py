"""jixiao's JSON format (docs/json-format.md) and its JSON Schema."""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from typing import Any, TextIO

from jixiao.model import Document, DocumentSet

FORMAT_VERSION = "1"


def documents_to_json(documents: Iterable[Document]) -> str:
    """``{"documents": [...]}`` as indented UTF-8 JSON text."""
    out = io.StringIO()
    write_documents_json(documents, out)
    return out.getvalue()


def write_documents_json(documents: Iterable[Document], out: TextIO) -> int:
    """Write ``{"documents": [...]}`` one document at a time; returns how many.

    The text is the same as ``DocumentSet(...).model_dump_json(indent=2)`` plus a newline,
    without holding every document in memory.
    """
    count = 0
    for document in documents:
        out.write(",\n    " if count else '{\n  "documents": [\n    ')
        out.write(document.model_dump_json(indent=2).replace("\n", "\n    "))
        count += 1
    out.write("\n  ]\n}\n" if count else DocumentSet().model_dump_json(indent=2) + "\n")
    return count


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
