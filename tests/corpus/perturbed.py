"""The corpus as users' files carry it: trivial character-level variations of each document.

A document a user holds differs from the corpus's copy in ways that do not change what is
printed: a web page leaves zero-width spaces before its cells, a full-width input mode types
１００％, Windows writes CRLF and pastes no-break spaces, an editor leaves trailing blanks, a
form types its labels with spaces for alignment (项 目 名 称). Each
perturbation here keeps every line where it was (so a doubt's line numbers still locate the
rows), and a document so perturbed must be read as well as the corpus's copy: the same floors
(``expected/<document>.json``). Measured on 2026-12-05 before the readers made characters
canonical (``ingest/cleaning.canonical_characters``): zero-width spaces 78/248 exact, 20 wrong,
15 spurious; full-width digits 110/248 exact, 26 wrong; spaced labels, before the readers
closed them (``ingest/cleaning.close_spaced_labels``), 78/236 exact, 4 wrong, 5 spurious.

    .venv/bin/python tests/corpus/perturbed.py [perturbation...]

prints the per-document table for each perturbation.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_accuracy

from jixiao.errors import JixiaoError
from jixiao.model import Document
from jixiao.services.documents import read_tables

_FULL_WIDTH = str.maketrans({str(d): chr(0xFF10 + d) for d in range(10)} | {"%": "％"})


def _invisible(text: str) -> str:
    """A zero-width space before every line and every tab-separated cell, a word joiner after
    every ≥ (as web pages and Word's copy leave them)."""
    lines = ("\u200b" + line.replace("\t", "\t\u200b") for line in text.split("\n"))
    return "\n".join(lines).replace("≥", "≥\u2060")


def _windows(text: str) -> str:
    """CRLF line ends, a no-break space for every space, two trailing blanks on every line."""
    return "\r\n".join(line.replace(" ", "\u00a0") + "  " for line in text.split("\n"))


# labels forms type with spaces for alignment (项 目 名 称), where the corpus prints them whole
_SPACED_LABELS = (
    "项目名称",
    "主管部门",
    "实施单位",
    "一级指标",
    "二级指标",
    "三级指标",
    "年度目标",
)


def _spaced_labels(text: str) -> str:
    for label in _SPACED_LABELS:
        text = text.replace(label, " ".join(label))
    return text


PERTURBATIONS: dict[str, Callable[[str], str]] = {
    "invisible": _invisible,
    "full_width_digits": lambda text: text.translate(_FULL_WIDTH),
    "windows": _windows,
    "spaced_labels": _spaced_labels,
}


def score_perturbed(path: Path, perturbation: str) -> corpus_accuracy.DocumentScore:
    """Read the document perturbed, as ``jixiao parse`` reads a file, and score it."""
    text = path.read_text("utf-8")
    error = None
    try:
        document = read_tables(PERTURBATIONS[perturbation](text).encode(), path.name)
    except JixiaoError as refused:
        error = str(refused)
        document = Document(file=path.name, sha256="")
    gold = corpus_accuracy.gold_for(path)
    return corpus_accuracy.score_reading(path.name, document, gold, text.splitlines(), error)


def main() -> None:
    for perturbation in sys.argv[1:] or PERTURBATIONS:
        scores = [score_perturbed(path, perturbation) for path in corpus_accuracy.documents()]
        print(f"## {perturbation}\n{corpus_accuracy.format_table(scores)}\n")


if __name__ == "__main__":
    main()
