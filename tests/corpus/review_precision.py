"""Per-rule precision and recall of the review on the development corpus.

Every review finding jixiao gives on the corpus documents (read through the normal pipeline,
``read_document`` then :class:`jixiao.review.Reviewer` with the default configuration) is judged
by hand in ``review_judged.yml``: ``true`` when the document row (or table) really has the defect
the rule's own definition names, ``false`` otherwise, with the reason. Parse findings (``PRS…``)
are not judged here: the corpus accuracy (``corpus_accuracy.py``) measures the reading.

A judged entry is keyed by document, table (0-based, in document order), rule code, indicator
name ("" for a table finding) and the line the finding points at. Entries judged ``true`` that no
finding matches are *missed* defects: real defects of the documents that the rule should find (a
reviewer's list, kept for recall). Entries judged ``false`` that no longer fire are fixed false
alarms and stay as the record of the fix.

``python tests/corpus/review_precision.py`` prints the table;
``--add`` appends findings not judged yet with ``verdict: null`` for a person to judge (the test
fails while any is null or missing).
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from jixiao.errors import JixiaoError
from jixiao.review import Reviewer
from jixiao.services import read_document

CORPUS = Path(__file__).resolve().parent
DOCS = CORPUS / "docs"
JUDGED = CORPUS / "review_judged.yml"
# A rule firing at least this often on the corpus must reach the precision floor (issue 15).
MIN_FIRINGS = 5
PRECISION_FLOOR = 0.9

Key = tuple[str, int, str, str, int]


@dataclass(frozen=True)
class Fired:
    document: str
    table: int
    code: str
    indicator: str
    line: int
    message: str

    @property
    def key(self) -> Key:
        return (self.document, self.table, self.code, self.indicator, self.line)


def review_corpus() -> list[Fired]:
    """Every review finding on the corpus, in document order."""
    reviewer = Reviewer()
    fired: list[Fired] = []
    for path in sorted(DOCS.iterdir()):
        try:
            document = read_document(path)
        except JixiaoError:
            continue  # no table read: nothing to review
        for index, table in enumerate(document.tables):
            for finding in reviewer.review_table(table):
                fired.append(
                    Fired(
                        document=path.name,
                        table=index,
                        code=finding.code,
                        indicator=finding.indicator or "",
                        line=finding.location.line or 0,
                        message=finding.message,
                    )
                )
    return fired


def load_judged(path: Path = JUDGED) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text("utf-8")) or {}
    return list(data.get("findings", []))


def key_of(entry: dict[str, Any]) -> Key:
    return (
        entry["document"],
        int(entry.get("table", 0)),
        entry["code"],
        entry.get("indicator") or "",
        int(entry.get("line") or 0),
    )


@dataclass
class RuleScore:
    code: str
    fired: int = 0
    true: int = 0
    false: int = 0
    unjudged: int = 0
    missed: int = 0

    @property
    def precision(self) -> float | None:
        judged = self.true + self.false
        return self.true / judged if judged else None

    @property
    def recall(self) -> float | None:
        found = self.true + self.missed
        return self.true / found if found else None


@dataclass
class Measure:
    rules: dict[str, RuleScore]
    unjudged: list[Fired]
    fixed: int  # entries judged false that no longer fire

    def failures(self) -> list[str]:
        problems = [
            f"{f.code} {f.document} 表{f.table} 第{f.line}行 [{f.indicator}] 未判定：{f.message}"
            for f in self.unjudged
        ]
        for score in self.rules.values():
            precision = score.precision
            if score.fired >= MIN_FIRINGS and precision is not None and precision < PRECISION_FLOOR:
                problems.append(
                    f"{score.code} fires {score.fired} times with precision "
                    f"{precision:.0%} < {PRECISION_FLOOR:.0%}"
                )
        return problems


def measure(fired: list[Fired], judged: list[dict[str, Any]]) -> Measure:
    verdicts: dict[Key, bool | None] = {key_of(e): e.get("verdict") for e in judged}
    rules: dict[str, RuleScore] = {}
    unjudged: list[Fired] = []
    seen: set[Key] = set()
    for finding in fired:
        score = rules.setdefault(finding.code, RuleScore(finding.code))
        score.fired += 1
        seen.add(finding.key)
        verdict = verdicts.get(finding.key)
        if verdict is True:
            score.true += 1
        elif verdict is False:
            score.false += 1
        else:
            score.unjudged += 1
            unjudged.append(finding)
    fixed = 0
    for entry in judged:
        key = key_of(entry)
        if key in seen:
            continue
        if entry.get("verdict") is True:
            rules.setdefault(entry["code"], RuleScore(entry["code"])).missed += 1
        elif entry.get("verdict") is False:
            fixed += 1
    return Measure(dict(sorted(rules.items())), unjudged, fixed)


def format_measure(result: Measure) -> str:
    def percent(value: float | None) -> str:
        return "—" if value is None else f"{value:.0%}"

    lines = [
        f"{'rule':<6} {'fired':>5} {'true':>5} {'false':>5} {'missed':>6} "
        f"{'precision':>9} {'recall':>7}"
    ]
    totals = Counter[str]()
    for score in result.rules.values():
        lines.append(
            f"{score.code:<6} {score.fired:>5} {score.true:>5} {score.false:>5} "
            f"{score.missed:>6} {percent(score.precision):>9} {percent(score.recall):>7}"
        )
        totals.update(fired=score.fired, true=score.true, false=score.false, missed=score.missed)
    judged = totals["true"] + totals["false"]
    found = totals["true"] + totals["missed"]
    lines.append(
        f"{'all':<6} {totals['fired']:>5} {totals['true']:>5} {totals['false']:>5} "
        f"{totals['missed']:>6} {percent(totals['true'] / judged if judged else None):>9} "
        f"{percent(totals['true'] / found if found else None):>7}"
    )
    lines.append(f"unjudged: {len(result.unjudged)}; false alarms no longer fired: {result.fixed}")
    return "\n".join(lines)


def add_unjudged(fired: list[Fired], path: Path = JUDGED) -> int:
    """Append the findings not judged yet, with ``verdict: null``."""
    judged = load_judged(path)
    known = {key_of(e) for e in judged}
    new = [f for f in fired if f.key not in known]
    for finding in new:
        judged.append(
            {
                "document": finding.document,
                "table": finding.table,
                "code": finding.code,
                "indicator": finding.indicator,
                "line": finding.line,
                "message": finding.message,
                "verdict": None,
                "reason": "",
            }
        )
    judged.sort(key=lambda e: (e["document"], int(e.get("table", 0)), int(e.get("line") or 0)))
    write_judged(judged, path)
    return len(new)


def write_judged(judged: list[dict[str, Any]], path: Path = JUDGED) -> None:
    header = "".join(f"# {line}\n" if line else "#\n" for line in HEADER.splitlines())
    body = yaml.safe_dump({"findings": judged}, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(header + body, "utf-8")


HEADER = """Hand judgements of every review finding on the development corpus (tests/corpus/docs),
read by tests/corpus/review_precision.py and tests/corpus/test_review_precision.py.
verdict: true = the document row or table has the defect the rule's definition names;
false = it does not (reason says why). A true entry no finding matches is a missed defect
(recall); a false entry that no longer fires is a fixed false alarm.
Add new findings with `python tests/corpus/review_precision.py --add`, then judge them."""


def main() -> None:
    fired = review_corpus()
    if "--add" in sys.argv[1:]:
        print(f"added {add_unjudged(fired)} findings to judge to {JUDGED}")
    print(format_measure(measure(fired, load_judged())))


if __name__ == "__main__":
    main()
