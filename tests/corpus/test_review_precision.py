"""Per-rule precision and recall of the review on the corpus, against the hand judgements
(tests/corpus/review_judged.yml; see review_precision.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from review_precision import (
    JUDGED,
    MIN_FIRINGS,
    PRECISION_FLOOR,
    Fired,
    format_measure,
    load_judged,
    measure,
    review_corpus,
)


def test_every_finding_is_judged_and_rules_are_precise() -> None:
    result = measure(review_corpus(), load_judged())
    print()
    print(format_measure(result))  # shown with pytest -s
    assert not result.failures(), "\n".join(result.failures())


def test_judgements_are_complete() -> None:
    for entry in load_judged():
        assert entry.get("verdict") in (True, False), f"{JUDGED.name}: {entry} is not judged"
        if entry["verdict"] is False:
            assert entry.get("reason"), f"{JUDGED.name}: a false verdict says why: {entry}"


def test_the_measure_fails_on_a_new_or_imprecise_rule() -> None:
    fired = [Fired("a.txt", 0, "XX01", "", line, "m") for line in range(1, MIN_FIRINGS + 1)]
    judged = [
        {"document": "a.txt", "table": 0, "code": "XX01", "line": line, "verdict": line == 1}
        for line in range(1, MIN_FIRINGS + 1)
    ]
    assert measure(fired, []).unjudged == fired  # nothing judged: every finding is stale
    failures = measure(fired, judged).failures()
    assert failures
    assert f"{PRECISION_FLOOR:.0%}" in failures[0]
    missed = measure([], judged[:1]).rules["XX01"]
    assert (missed.missed, missed.recall) == (1, 0.0)
