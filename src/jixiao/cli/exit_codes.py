"""Exit codes, the only place that knows them: 0 clean, 1 findings, 2 usage or program error,
130 interrupted (Ctrl-C, as shells report SIGINT)."""

from __future__ import annotations

OK = 0
FINDINGS = 1
ERROR = 2
INTERRUPTED = 130
