"""Start-up and import speed as ratios measured in the same run (best of ``--repeat``).

* ``jixiao --help`` against ``python -c "import typer, rich.console"`` (the floor any Typer +
  Rich command pays);
* ``jixiao import --workers 2`` against ``--workers 1`` on ``--documents`` example-like files
  (the example's text with its four projects and its department renamed per file, so every
  file holds four new tables), each run into a new SQLite database;
* re-importing the same files unchanged against their first import (both ``--workers 1``).

Every figure is a whole command run as a user runs it (a new process, start-up included), with
the CPU time it used (its reading workers included; the writing process's own beside it) and
the machine's load average: the ratio of ``--workers 2`` needs two idle cores (on a busy
machine Linux gives a terminal session's processes one share together, autogroup, so the
workers cannot run beside the writer; the CPU times still say how the work is split). No
assertion: machines are shared and noisy; the issue's targets are printed beside the
ratios.

    .venv/bin/python bench/bench_import.py [--documents 300] [--repeat 3] [--only help,workers]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "binhai-zuzhibu-2024.txt"
JIXIAO = str(Path(sys.executable).parent / "jixiao")
PROJECTS = (
    "滨海新区社区党组织工作活动专项经费",
    "组织部招录及比选公务员专项经费",
    "组织工作专项经费",
    "选调生到村任职工作补助区配套资金",
)
DEPARTMENT = "中国共产党天津市滨海新区委员会组织部"


def example_like(number: int) -> str:
    """The example with its projects and department renamed: four new tables per file."""
    text = EXAMPLE.read_text(encoding="utf-8")
    for project in PROJECTS:
        text = text.replace(project, f"{project}（第{number}号）")
    return text.replace(DEPARTMENT, f"{DEPARTMENT}第{number % 60}分部")


def write_documents(directory: Path, count: int) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        (directory / f"{number:04d}.txt").write_text(example_like(number), encoding="utf-8")
    return directory


def timed(command: Sequence[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


WRITER = """
import atexit, resource, sys
from jixiao.cli import main

def own_cpu():  # the writing process only: forked workers leave without running atexit
    used = resource.getrusage(resource.RUSAGE_SELF)
    print(f"writer CPU {used.ru_utime + used.ru_stime}", file=sys.stderr)

atexit.register(own_cpu)
sys.argv = ["jixiao", *sys.argv[1:]]
main()
"""


def timed_import(command: Sequence[str]) -> tuple[float, float]:
    """Wall time of ``jixiao import ...`` and the CPU time of its writing process."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", WRITER, *command[1:]],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    wall = time.perf_counter() - start
    (line,) = [line for line in done.stderr.splitlines() if line.startswith("writer CPU ")]
    return wall, float(line.removeprefix("writer CPU "))


def cpu_seconds() -> float:
    """CPU time of the finished child processes (and theirs: the reading workers)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def best_of(repeat: int, command: Sequence[str]) -> float:
    return min(timed(command) for _ in range(repeat))


def bench_help(repeat: int) -> None:
    floor = best_of(repeat, [sys.executable, "-c", "import typer, rich.console"])
    help_s = best_of(repeat, [JIXIAO, "--help"])
    print(f"import typer, rich.console  {floor * 1000:7.0f} ms")
    print(f"jixiao --help               {help_s * 1000:7.0f} ms")
    print(f"  ratio {help_s / floor:.2f}× (target ≤ 2.5×)")


def import_command(database: Path, documents: Path, workers: int) -> list[str]:
    return [JIXIAO, "import", str(documents), "--db", str(database), "--workers", str(workers)]


def bench_import(documents: int, repeat: int, work: Path) -> None:
    corpus = write_documents(work / "documents", documents)
    first: dict[int, float] = {1: float("inf"), 2: float("inf")}
    cpu: dict[int, float] = {1: float("inf"), 2: float("inf")}
    writer: dict[int, float] = {1: float("inf"), 2: float("inf")}
    again = float("inf")
    for run in range(repeat):
        for workers in (1, 2):
            database = work / f"run{run}-w{workers}.db"
            used = cpu_seconds()
            wall, own = timed_import(import_command(database, corpus, workers))
            first[workers] = min(first[workers], wall)
            cpu[workers] = min(cpu[workers], cpu_seconds() - used)
            writer[workers] = min(writer[workers], own)
            if workers == 1:
                again = min(again, timed(import_command(database, corpus, 1)))
    for workers in (1, 2):
        print(
            f"import {documents} files --workers {workers}   {first[workers]:7.2f} s"
            f"  (CPU {cpu[workers]:.2f} s, of it the writing process {writer[workers]:.2f} s)"
        )
    print(f"  ratio {first[2] / first[1]:.2f}× (target ≤ 0.7×)")
    print(f"re-import unchanged --workers 1   {again:7.2f} s")
    print(f"  ratio {again / first[1]:.2f}× of the first import (target ≤ 0.2×)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--only", default="help,workers", help="help, workers, or both")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start")
    if "help" in parts:
        bench_help(args.repeat)
    if "workers" in parts:
        with tempfile.TemporaryDirectory() as work:
            bench_import(args.documents, args.repeat, Path(work))
    print(f"load average {os.getloadavg()[0]:.1f} at the end (other processes share the CPUs)")


if __name__ == "__main__":
    main()
