"""Rewrite the golden files: tests/golden/<name>.json for every input in GOLDEN_INPUTS.

Golden files are written by this script, never by hand: a golden diff is a behaviour change,
to be read and committed on purpose. Run with `make golden`.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from jixiao.export.findings import findings_to_json  # noqa: E402
from jixiao.export.json import documents_to_json, json_schema_text  # noqa: E402
from jixiao.services import read_documents, review_documents  # noqa: E402

GOLDEN_INPUTS = {"binhai-zuzhibu-2024": "examples/binhai-zuzhibu-2024.txt"}
SCHEMA = ROOT / "docs" / "schema" / "documents.schema.json"


def golden_json(relative_input: str) -> str:
    """What `jixiao parse --format json` prints, with the path relative to the repository."""
    return documents_to_json(read_documents([Path(relative_input)]))


def golden_review_json(relative_input: str) -> str:
    """What `jixiao review --format json` prints with the default configuration."""
    reviewed = review_documents([Path(relative_input)])
    return findings_to_json((r.document, r.findings) for r in reviewed)


def main() -> None:
    import os

    os.chdir(ROOT)
    for name, relative in GOLDEN_INPUTS.items():
        for suffix, render in ((".json", golden_json), (".review.json", golden_review_json)):
            target = ROOT / "tests" / "golden" / f"{name}{suffix}"
            target.write_text(render(relative), encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    SCHEMA.parent.mkdir(parents=True, exist_ok=True)
    SCHEMA.write_text(json_schema_text(), encoding="utf-8")
    print(f"wrote {SCHEMA.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
