"""Rewrite the golden files: tests/golden/<name>.json for every input in GOLDEN_INPUTS.

Golden files are written by this script, never by hand: a golden diff is a behaviour change,
to be read and committed on purpose. Run with `make golden`.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from jixiao.export.json import documents_to_json, json_schema_text  # noqa: E402
from jixiao.services import read_documents  # noqa: E402

GOLDEN_INPUTS = {"binhai-zuzhibu-2024": "examples/binhai-zuzhibu-2024.txt"}
SCHEMA = ROOT / "docs" / "schema" / "documents.schema.json"


def golden_json(relative_input: str) -> str:
    """The JSON the CLI prints for an input, with the path relative to the repository."""
    return documents_to_json(read_documents([Path(relative_input)]))


def main() -> None:
    import os

    os.chdir(ROOT)
    for name, relative in GOLDEN_INPUTS.items():
        target = ROOT / "tests" / "golden" / f"{name}.json"
        target.write_text(golden_json(relative), encoding="utf-8")
        print(f"wrote {target.relative_to(ROOT)}")
    SCHEMA.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA.write_text(json_schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
