"""Compare jixiao's reading of the development corpus with its gold annotations.

Shared by ``tests/corpus/test_corpus_accuracy.py`` (which asserts floors) and
``bench/bench_corpus.py`` (which prints the same table with throughput).

How values are compared
-----------------------
A gold indicator row is *exact* when its ``level1``, ``level2``, ``name`` and ``target`` all
equal jixiao's ``level1_printed``, ``level2_printed``, ``name`` and ``target.raw`` after
:func:`normalize`: whitespace removed (gold removes in-cell line-break spaces, and a converter
may put spaces inside ``≥ 95 %``), Unicode NFKC (the small and full-width forms ``﹦``/``＝``
of ``=``, and the glyphs ``≧ ≦ ═`` printed for ``≥ ≤ =``: jixiao stores the comparator of an
operator column canonically), pinyin glosses
dropped and traditional characters converted to simplified. The last two only matter for the
traditional document, whose gold gives the printed traditional text with glosses
(``產(chǎn)出指標(biāo)``): jixiao keeps the printed traditional level names (without the
glosses) and converts names and targets to simplified.

Every gold row is one of: *exact*; *wrong* (jixiao read a row for it, by name or by target and
level, but some field differs); *missed* (no row read for it). An indicator jixiao read that is
no gold row and no wrong row's reading is *spurious*: a garbage row (furniture, a footnote, a
weight read as an indicator) or a row the gold leaves out because the document cut it.
A document jixiao refuses (no table found) has every gold row missed.

Table fields (project, department, year, budget_total and fiscal_funds — the budget's
其中：财政资金 — in yuan) are compared the same way, amounts to the cent. Gold tables are
matched to jixiao's tables in document order.

A gold row that does not come out exactly is *covered* when jixiao says it had a doubt about
it: a finding whose ``indicator`` is the name of the indicator jixiao read for that row, or
whose location (line range) includes the line of that indicator — or, when jixiao read no
indicator for it, the line where the gold name is printed.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jixiao.errors import JixiaoError
from jixiao.model import Document, Finding, Indicator, TargetTable
from jixiao.model.characters import strip_pinyin_glosses, to_simplified
from jixiao.services import read_document

CORPUS = Path(__file__).resolve().parent
DOCS = CORPUS / "docs"
GOLD = CORPUS / "gold"
EXPECTED = CORPUS / "expected"
# Forms met later, re-authored (found/README.md): the same layout of docs/, gold/ and expected/,
# kept apart so that the shared corpus's figures stay comparable from session to session.
FOUND = CORPUS / "found"
ROW_FIELDS = ("level1", "level2", "name", "target")
TABLE_FIELDS = ("project", "department", "year", "budget_total", "fiscal_funds")
# the table fields that are amounts in yuan, compared to the cent
AMOUNT_FIELDS = frozenset({"budget_total", "fiscal_funds"})


# Comparator glyphs NFKC leaves alone, printed for ≥ ≤ = (jixiao stores the comparator of an
# operator column canonically, as for ﹦/＝).
_COMPARATOR_GLYPHS = str.maketrans({"≧": "≥", "≦": "≤", "═": "="})


def normalize(text: object) -> str:
    """The comparison form of a value: see the module docstring."""
    if text is None:
        return ""
    value = unicodedata.normalize("NFKC", str(text)).translate(_COMPARATOR_GLYPHS)
    value = to_simplified(strip_pinyin_glosses(value))
    return re.sub(r"\s+", "", value)


def output_row(indicator: Indicator) -> dict[str, str]:
    return {
        "level1": normalize(indicator.level1_printed),
        "level2": normalize(indicator.level2_printed),
        "name": normalize(indicator.name),
        "target": normalize(indicator.target.raw),
    }


def gold_row(row: dict[str, Any]) -> dict[str, str]:
    return {name: normalize(row.get(name)) for name in ROW_FIELDS}


@dataclass
class Miss:
    gold: dict[str, str]
    read: dict[str, str] | None  # the indicator jixiao read for the row, if any
    covered_by: list[str]  # finding codes that cover it


@dataclass
class DocumentScore:
    name: str
    rows: int = 0
    exact: int = 0
    fields: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ROW_FIELDS, 0))
    misses: list[Miss] = field(default_factory=list)
    table_fields: int = 0
    table_fields_ok: int = 0
    table_diffs: list[str] = field(default_factory=list)
    spurious: list[dict[str, str]] = field(default_factory=list)
    error: str | None = None  # the reader's error when it refused the document

    @property
    def wrong(self) -> list[Miss]:
        return [miss for miss in self.misses if miss.read is not None]

    @property
    def missed(self) -> list[Miss]:
        return [miss for miss in self.misses if miss.read is None]

    @property
    def share(self) -> float:
        return self.exact / self.rows if self.rows else 1.0

    @property
    def uncovered(self) -> list[Miss]:
        return [miss for miss in self.misses if not miss.covered_by]


def documents(collection: Path = CORPUS) -> list[Path]:
    """The documents of a collection (the shared corpus, or :data:`FOUND`)."""
    folder = collection / "docs"
    return sorted(folder.iterdir()) if folder.is_dir() else []


def expected_path(document: Path) -> Path:
    """The floors the test holds a document to (see test_corpus_accuracy.py), beside its docs/."""
    return document.parent.parent / "expected" / f"{document.stem}.json"


def floors(score: DocumentScore) -> dict[str, int]:
    return {
        "exact": score.exact,
        "wrong": len(score.wrong),
        "spurious": len(score.spurious),
        "uncovered": len(score.uncovered),
        "table_fields": score.table_fields_ok,
    }


def gold_for(document: Path) -> dict[str, Any]:
    gold = document.parent.parent / "gold" / f"{document.stem}.json"
    data: dict[str, Any] = json.loads(gold.read_text("utf-8"))
    return data


def score_document(path: Path) -> DocumentScore:
    error = None
    try:
        document = read_document(path)
    except JixiaoError as refused:
        error = str(refused)
        document = Document(file=path.name, sha256="")
    lines = path.read_text("utf-8").splitlines()
    return score_reading(path.name, document, gold_for(path), lines, error)


def score_reading(
    name: str, document: Document, gold: dict[str, Any], lines: list[str], error: str | None
) -> DocumentScore:
    """Score one reading against its gold; ``lines`` are the text's lines (for locations).

    Also used by the synthetic tables (tests/synthetic), whose gold is generated.
    """
    score = DocumentScore(name, error=error)
    # a markdown cell's <br> is a line break inside the cell: the name printed across it
    raw_lines = [_LINE_BREAK_TAG.sub("", line) for line in lines]
    lines = [normalize(line) for line in raw_lines]
    seen: dict[str, int] = {}  # gold rows of each name so far (a name may recur in a next table)
    expected_names = {gold_row(row)["name"] for t in gold["tables"] for row in t["indicators"]}
    for index, gold_table in enumerate(gold["tables"]):
        table = document.tables[index] if index < len(document.tables) else None
        score_table_fields(score, gold_table, table)
        indicators = table.indicators if table is not None else []
        for row in gold_table["indicators"]:
            expected = gold_row(row)
            seen[expected["name"]] = seen.get(expected["name"], -1) + 1
            score_row(
                score,
                expected,
                indicators,
                document,
                lines,
                seen[expected["name"]],
                raw_lines,
                expected_names,
            )
    read_for_misses = {miss.read["name"] for miss in score.misses if miss.read is not None}
    for table in document.tables:
        for indicator in table.indicators:
            read = output_row(indicator)
            if read["name"] not in expected_names and read["name"] not in read_for_misses:
                score.spurious.append(read)
    return score


def score_row(
    score: DocumentScore,
    expected: dict[str, str],
    indicators: list[Indicator],
    document: Document,
    lines: list[str],
    occurrence: int = 0,
    raw_lines: list[str] | None = None,
    expected_names: set[str] | None = None,
) -> None:
    """``occurrence``: gold rows of the same name before this one (its printing is the
    ``occurrence``-th line holding the name); ``expected_names``: the names of all gold rows
    (a read row of another gold row's name is that row's reading, never this one's)."""
    score.rows += 1
    read = [(output_row(i), i) for i in indicators]
    same = next((pair for pair in read if pair[0] == expected), None)
    if same is not None:
        score.exact += 1
        for name in ROW_FIELDS:
            score.fields[name] += 1
        return
    paired = next((pair for pair in read if pair[0]["name"] == expected["name"]), None)
    if paired is None:  # same value under another name: the closest row by target and level
        paired = next(
            (
                pair
                for pair in read
                if pair[0]["target"] == expected["target"]
                and pair[0]["level2"] == expected["level2"]
                and pair[0]["name"] not in (expected_names or ())
                and expected["name"].startswith(pair[0]["name"][:2])
            ),
            None,
        )
    if paired is not None:
        for name in ROW_FIELDS:
            score.fields[name] += paired[0][name] == expected[name]
    covered = covering_findings(
        document.findings, expected, paired, lines, occurrence, raw_lines or []
    )
    score.misses.append(Miss(expected, paired[0] if paired else None, covered))


_PAGE_MARK = re.compile(r"^\s*\d{1,3}、")


def printed_across(name: str, lines: list[str]) -> tuple[int | None, int | None]:
    """The first and last line of ``name`` printed across a line break (a page of a preview
    cuts it: 文物保 / 2、护社会影响), with spaces and page marks (``2、``) left out."""
    glued: list[str] = []
    numbers: list[int] = []
    for number, line in enumerate(lines, start=1):
        line = "".join(_PAGE_MARK.sub("", line).split())
        glued.append(line)
        numbers.extend([number] * len(line))
    start = "".join(glued).find(name) if name else -1
    if start < 0:
        return None, None
    return numbers[start], numbers[start + len(name) - 1]


_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
_CELL_GAP = re.compile(r"\t|\s{2,}|\s*\|\s*")


def printed_down(name: str, lines: list[str]) -> tuple[int | None, int | None]:
    """The first and last line of ``name`` printed down its column over two or three lines
    (a cell wrapped in converter tab text or pdftotext -layout: 食品安全抽检完 | ≥98% …, then
    成率 alone on the next line): the cells between tabs, bars or runs of spaces, joined down
    the same column. O(lines × cells)."""
    rows = [[normalize(cell) for cell in _CELL_GAP.split(line)] for line in lines]
    for start, cells in enumerate(rows):
        for column in range(len(cells)):
            joined = ""
            for number in range(start, min(start + 3, len(rows))):
                part = rows[number][column] if column < len(rows[number]) else ""
                joined += part
                if name in joined and number > start:
                    return start + 1, number + 1
    return printed_down_by_position(name, lines)


_STRETCH = re.compile(r"\S+(?: \S+)*")


def printed_down_by_position(name: str, lines: list[str]) -> tuple[int | None, int | None]:
    """The same down a column of text laid out by position (pdftotext -layout), where empty
    cells are blank space: the stretches starting at the same display column (a CJK
    character two wide) or, as pdftotext places text, at the same character, over up to
    three lines, any lines between them with nothing there (a wrapped cell centred beside a
    taller one). O(lines × stretches)."""
    for characters in (False, True):
        found = _printed_down_at(name, lines, characters)
        if found[0] is not None:
            return found
    return None, None


def _printed_down_at(
    name: str, lines: list[str], characters: bool
) -> tuple[int | None, int | None]:
    placed = [
        {
            (m.start() if characters else _display_width(line[: m.start()])): normalize(m.group())
            for m in _STRETCH.finditer(line)
        }
        for line in lines
    ]
    for start, stretches in enumerate(placed):
        for x, text in stretches.items():
            joined, parts = text, 1
            for number in range(start + 1, min(start + 5, len(placed))):
                part = next((t for at, t in placed[number].items() if abs(at - x) <= 1), None)
                if part is None:
                    continue
                joined, parts = joined + part, parts + 1
                if name in joined:
                    return start + 1, number + 1
                if parts == 3:
                    break
    return None, None


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_GOAL_LINE = re.compile(r"^\W*(?:年度|实施期|总体|绩效|预期)*(?:总体)?(?:绩效)?目标")


def covering_findings(
    findings: list[Finding],
    expected: dict[str, str],
    paired: tuple[dict[str, str], Indicator] | None,
    lines: list[str],
    occurrence: int = 0,
    raw_lines: list[str] | None = None,
) -> list[str]:
    if paired is not None:
        name = paired[0]["name"]
        first = paired[1].source.line
        last = paired[1].source.line_end or first
    else:
        name = expected["name"]
        # the row's printing: its name with its 指标值 after it on the line (a short name such
        # as 1年 is printed in other lines too: 2021年度; a name inside a longer one: …情况|提升率),
        # else any line holding the name
        target = expected["target"]
        found = [
            n
            for n, line in enumerate(lines, start=1)
            if target
            and name in line
            and target in line[line.find(name) + len(name) :]
            and not _GOAL_LINE.match(line)  # a goal's sentence may print both: 服务周期2023.07…
        ]
        if found:
            first = last = found[min(occurrence, len(found) - 1)]
        else:  # its cell wrapped down a column, else any line holding it (a goal's sentence
            # may hold a name too: 提升污水处理服务水平), else wrapped across lines
            first, last = printed_down(name, raw_lines or [])
        if first is None:
            found = [n for n, line in enumerate(lines, start=1) if name in line]
            if found:
                first = last = found[min(occurrence, len(found) - 1)]
            else:
                first, last = printed_across(name, lines)
    codes = []
    for finding in findings:
        if finding.indicator is not None and normalize(finding.indicator) == name:
            codes.append(finding.code)
            continue
        if quotes_row(finding.message, name, expected["target"]):
            codes.append(finding.code)  # the finding quotes the row's text, name and value
            continue
        begin = finding.location.line
        end = finding.location.line_end or begin
        known = None not in (first, last, begin, end)
        if known and begin <= last and first <= end:  # type: ignore[operator]
            codes.append(finding.code)
    return codes


def quotes_row(message: str, name: str, target: str) -> bool:
    """A finding quoting a text (“…”) that holds the name with the value after it."""
    for quoted in _QUOTED.findall(message):
        text = normalize(quoted)
        if name in text and target in text[text.find(name) + len(name) :]:
            return True
    return False


_QUOTED = re.compile(r"“([^”]*)”")


def score_table_fields(
    score: DocumentScore, gold: dict[str, Any], table: TargetTable | None
) -> None:
    read: dict[str, object] = {}
    if table is not None:
        read = {
            "project": table.project,
            "department": table.department,
            "year": table.year,
            "budget_total": table.budget.total,
            "fiscal_funds": table.budget.fiscal,
        }
    for name in TABLE_FIELDS:
        if name not in gold:
            continue
        score.table_fields += 1
        expected, got = gold[name], read.get(name)
        if name in AMOUNT_FIELDS:
            same = (expected is None and got is None) or (
                expected is not None
                and isinstance(got, float)
                and abs(float(expected) - got) < 0.005
            )
        else:
            same = normalize(expected) == normalize(got)
        if same:
            score.table_fields_ok += 1
        else:
            score.table_diffs.append(f"{name}: gold {expected!r}, read {got!r}")


def score_corpus(collection: Path = CORPUS) -> list[DocumentScore]:
    return [score_document(path) for path in documents(collection)]


def format_table(scores: list[DocumentScore]) -> str:
    """The per-document table, with an overall line."""
    header = (
        f"{'document':<62} {'rows':>4} {'exact':>5} {'share':>6} "
        f"{'lvl1':>4} {'lvl2':>4} {'name':>4} {'tgt':>4} {'wrong':>5} {'miss':>4} "
        f"{'spur':>4} {'miss!':>5} {'table':>6}"
    )
    lines = [header, "-" * len(header)]
    for s in scores:
        lines.append(
            f"{s.name:<62} {s.rows:>4} {s.exact:>5} {s.share:>6.1%} "
            + " ".join(f"{s.fields[n]:>4}" for n in ROW_FIELDS)
            + f" {len(s.wrong):>5} {len(s.missed):>4} {len(s.spurious):>4}"
            + f" {len(s.uncovered):>5} {s.table_fields_ok:>3}/{s.table_fields:<2}"
        )
    rows = sum(s.rows for s in scores)
    exact = sum(s.exact for s in scores)
    fields = {n: sum(s.fields[n] for s in scores) for n in ROW_FIELDS}
    table_ok = sum(s.table_fields_ok for s in scores)
    table_all = sum(s.table_fields for s in scores)
    lines.append("-" * len(header))
    lines.append(
        f"{'overall':<62} {rows:>4} {exact:>5} {exact / max(rows, 1):>6.1%} "
        + " ".join(f"{fields[n]:>4}" for n in ROW_FIELDS)
        + f" {sum(len(s.wrong) for s in scores):>5} {sum(len(s.missed) for s in scores):>4}"
        + f" {sum(len(s.spurious) for s in scores):>4}"
        + f" {sum(len(s.uncovered) for s in scores):>5} {table_ok:>3}/{table_all:<2}"
    )
    lines.append("")
    lines.append("wrong = read with a field differing; miss = not read; spur = read, not in gold")
    lines.append("miss! = gold rows not read exactly and not covered by a parse finding")
    for s in scores:
        if s.error:
            lines.append(f"  {s.name}: REFUSED {s.error}")
        for miss in s.misses:
            status = ",".join(sorted(set(miss.covered_by))) or "UNCOVERED"
            lines.append(f"  {s.name}: {miss.gold} → {miss.read} [{status}]")
        for row in s.spurious:
            lines.append(f"  {s.name}: SPURIOUS {row}")
        for diff in s.table_diffs:
            lines.append(f"  {s.name}: table {diff}")
    return "\n".join(lines)


def main() -> None:
    """Print the table; with ``--update``, write every document's floors from this run."""
    import argparse

    parser = argparse.ArgumentParser(description="Corpus accuracy against the gold.")
    parser.add_argument("--update", action="store_true", help="write expected/<document>.json")
    parser.add_argument(
        "--found", action="store_true", help="the documents found later (found/), not the corpus"
    )
    parser.add_argument("names", nargs="*", help="only documents whose name holds one of these")
    args = parser.parse_args()
    collection = FOUND if args.found else CORPUS
    paths = [
        p for p in documents(collection) if not args.names or any(n in p.name for n in args.names)
    ]
    scores = [score_document(path) for path in paths]
    print(format_table(scores))
    if args.update:
        for path, score in zip(paths, scores, strict=True):
            text = json.dumps(floors(score), indent=2) + "\n"
            expected_path(path).parent.mkdir(exist_ok=True)
            expected_path(path).write_text(text, "utf-8")


if __name__ == "__main__":
    main()
