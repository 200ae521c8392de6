"""The worst case over the fuzz cases, as a ratio to reading the example (issue 18).

Every input in tests/ingest/fuzz_cases (the shared reproducers of the reader's hangs and its
decimal crash) is read as ``jixiao parse`` reads a file (services.document_from_bytes: detect,
read, assemble, under the default time budget), and so is examples/binhai-zuzhibu-2024.txt.
Two figures per file, best of ``--repeat``:

* start-up excluded: in this process, after one warm-up read of every file (imports, caches
  of the vocabulary and the 指标值 grammar warm);
* start-up included: a fresh ``python -c`` that imports jixiao and reads the one file, as a
  command-line run does (interpreter start and imports included, the CLI's printing not).

The issue's aim: every fuzz case within 5x the example, start-up included. No assertion:
machines here are shared and noisy; the bounded work is asserted in tests/ingest.

    .venv/bin/python bench/bench_fuzz.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from jixiao.services.documents import document_from_bytes

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "binhai-zuzhibu-2024.txt"
CASES = sorted(p for p in (ROOT / "tests" / "ingest" / "fuzz_cases").iterdir() if p.suffix != ".md")
FRESH = (
    "import sys; from pathlib import Path; "
    "from jixiao.services.documents import document_from_bytes; "
    "p = Path(sys.argv[1]); document_from_bytes(p.read_bytes(), p.name)"
)


def in_process(path: Path, repeat: int) -> tuple[float, str]:
    data = path.read_bytes()
    best, outcome = float("inf"), ""
    for _ in range(repeat):
        start = time.perf_counter()
        document = document_from_bytes(data, path.name)
        best = min(best, time.perf_counter() - start)
        outcome = (
            document.error.code
            if document.error
            else f"{len(document.tables)} tables, "
            f"{sum(len(t.indicators) for t in document.tables)} indicators"
        )
    return best, outcome


def fresh_process(path: Path, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", FRESH, str(path)], check=True)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for path in [EXAMPLE, *CASES]:  # warm-up
        document_from_bytes(path.read_bytes(), path.name)
    base_warm, base_outcome = in_process(EXAMPLE, args.repeat)
    base_cold = fresh_process(EXAMPLE, args.repeat)
    print(f"best of {args.repeat}; ratio = the file's time / the example's time")
    print(f"{'file':42} {'bytes':>7} {'warm s':>8} {'ratio':>6} {'cold s':>7} {'ratio':>6}  read")
    print(
        f"{EXAMPLE.name:42} {EXAMPLE.stat().st_size:7} {base_warm:8.3f} {1:6.1f} "
        f"{base_cold:7.2f} {1:6.1f}  {base_outcome}"
    )
    worst_warm = worst_cold = 0.0
    for path in CASES:
        warm, outcome = in_process(path, args.repeat)
        cold = fresh_process(path, args.repeat)
        worst_warm, worst_cold = (
            max(worst_warm, warm / base_warm),
            max(worst_cold, cold / base_cold),
        )
        print(
            f"{path.name:42} {path.stat().st_size:7} {warm:8.3f} {warm / base_warm:6.1f} "
            f"{cold:7.2f} {cold / base_cold:6.1f}  {outcome}"
        )
    print(
        f"worst case: {worst_warm:.1f}x the example start-up excluded, {worst_cold:.1f}x included"
    )


if __name__ == "__main__":
    main()
