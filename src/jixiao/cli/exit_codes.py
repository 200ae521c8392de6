"""Exit codes, the only place that knows them: 0 clean, 1 findings, 2 usage or program error."""

from __future__ import annotations

OK = 0
FINDINGS = 1
ERROR = 2
