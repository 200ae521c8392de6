"""Text ingestion throughput: jixiao's reader + assembler against a bare split in the same run.

Builds a synthetic converter-text document by repeating the example's four tables with
distinct project names, then times

* baseline: decode the bytes and split every line on tabs (the least any reader must do);
* jixiao:   read_grid + assemble_tables (cleaning, table detection, stitching, target parsing).

Prints MB/s for both and their ratio. No assertion: machines here are shared and noisy.

    .venv/bin/python bench/bench_ingest_text.py [--copies 200] [--repeat 3]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

from jixiao.assemble import assemble_tables
from jixiao.ingest import read_grid

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "binhai-zuzhibu-2024.txt"


def synthetic_document(copies: int) -> bytes:
    text = EXAMPLE.read_text("utf-8")
    parts = [
        text.replace("专项经费", f"专项经费{n}").replace("配套资金", f"配套资金{n}")
        for n in range(copies)
    ]
    return "\n".join(parts).encode("utf-8")


def baseline(data: bytes) -> int:
    return sum(len(line.split("\t")) for line in data.decode("utf-8").splitlines())


def jixiao_ingest(data: bytes) -> int:
    tables, _ = assemble_tables(read_grid(data, "bench.txt"))
    return sum(len(table.indicators) for table in tables)


def best_seconds(run: Callable[[bytes], int], data: bytes, repeat: int) -> tuple[float, int]:
    best = float("inf")
    result = 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = run(data)
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    data = synthetic_document(args.copies)
    megabytes = len(data) / 1_000_000
    base_s, cells = best_seconds(baseline, data, args.repeat)
    ours_s, indicators = best_seconds(jixiao_ingest, data, args.repeat)
    print(f"document: {megabytes:.2f} MB, {cells} cells, {indicators} indicators")
    print(f"baseline split : {megabytes / base_s:8.2f} MB/s")
    rate = indicators / ours_s
    print(f"jixiao ingest  : {megabytes / ours_s:8.2f} MB/s  ({rate:,.0f} indicators/s)")
    print(f"ratio jixiao/baseline time: {ours_s / base_s:.1f}x")


if __name__ == "__main__":
    main()
