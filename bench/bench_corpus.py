"""Corpus accuracy and pasted-text throughput, in one run.

Prints the per-document accuracy table of the development corpus (tests/corpus: share of gold
indicator rows whose level1, level2, name and target come out exactly; rules in
tests/corpus/corpus_accuracy.py), then how fast the corpus is read: jixiao's reader +
assembler against a bare decode-and-split of the same files (the least any reader must do).
No assertion: machines here are shared and noisy; the floors are in the test.

    .venv/bin/python bench/bench_corpus.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "corpus"))

import corpus_accuracy  # noqa: E402

from jixiao.assemble import assemble_tables  # noqa: E402
from jixiao.ingest import read_grid  # noqa: E402


def best_seconds(files: list[tuple[str, bytes]], repeat: int, *, baseline: bool) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for name, data in files:
            if baseline:
                [line.split() for line in data.decode("utf-8").splitlines()]
            else:
                assemble_tables(read_grid(data, name))
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(corpus_accuracy.format_table(corpus_accuracy.score_corpus()))
    files = [(p.name, p.read_bytes()) for p in corpus_accuracy.documents()]
    size = sum(len(data) for _, data in files) / 1e6
    ours = best_seconds(files, args.repeat, baseline=False)
    bare = best_seconds(files, args.repeat, baseline=True)
    print()
    print(f"{len(files)} documents, {size * 1000:.1f} KB, best of {args.repeat}")
    print(f"jixiao read + assemble: {ours * 1000:8.1f} ms  {len(files) / ours:8.1f} docs/s")
    print(f"bare decode + split:    {bare * 1000:8.1f} ms  {len(files) / bare:8.1f} docs/s")
    print(f"ratio: {ours / bare:.0f}x the bare split")


if __name__ == "__main__":
    main()
