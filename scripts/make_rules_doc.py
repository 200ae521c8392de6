"""Write docs/rules.md from the rule registry (`make docs`); CI checks it is up to date."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from jixiao.review.reference import rules_markdown  # noqa: E402

RULES_DOC = ROOT / "docs" / "rules.md"


def main() -> None:
    RULES_DOC.write_text(rules_markdown(), encoding="utf-8")
    print(f"wrote {RULES_DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
