"""Fuzzing the readers (issue 18): mutations of the example and the corpus documents.

Each input is a document (examples/binhai-zuzhibu-2024.txt or a tests/corpus/docs file, or a
window of one) put through one to three mutations — byte flips, a truncation, a splice with
another document, a header line repeated, a huge number, an explosion of tabs or pipes,
random Unicode — and read as a file is read (detect the format, read, assemble) under a
per-document time budget of ``FUZZ_SECONDS``. The harness asserts, for every input:

* no exception escapes but the project's typed per-file errors (an ``IngestError`` other
  than ``InternalError``, the wrapper of a bug);
* reading ends within its budget: it returns, or the budget stops it with the typed
  ``ReadingTimeLimit`` (ING007) — the inputs so stopped are counted and printed (a budget
  stop is a reader too slow for that input: see the count with ``pytest -s``);
* memory stays bounded: the traced peak of every 25th input under ``MAX_PEAK_MB``.

The budget is shorter than the default (30 s) so that the whole harness stays bounded: at
most a few inputs may spend it.

``JIXIAO_FUZZ_EXAMPLES`` sets the number of inputs (default 2,000); ``JIXIAO_FUZZ_RANDOM=1``
draws new inputs each run instead of the same derandomized ones (the default, so that the
suite is reproducible; a failure prints the input to replay).
"""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from jixiao.assemble import assemble_tables
from jixiao.errors import IngestError, InternalError, ReadingTimeLimit
from jixiao.ingest import read_grid
from jixiao.ingest.budget import time_budget

ROOT = Path(__file__).parents[2]
SEEDS = [
    ROOT / "examples" / "binhai-zuzhibu-2024.txt",
    *sorted((ROOT / "tests/corpus/docs").iterdir()),
]
SEED_BYTES = [path.read_bytes() for path in SEEDS]
EXAMPLES = int(os.environ.get("JIXIAO_FUZZ_EXAMPLES", "2000"))
RANDOM = os.environ.get("JIXIAO_FUZZ_RANDOM") == "1"
MAX_PEAK_MB = 256
FUZZ_SECONDS = 1.0
WINDOW = 1500  # most inputs are a window of a document: the corpus documents are ~2 KB
HEADER_LINES = ("一级指标", "二级指标", "三级指标", "指标值", "项目名称", "绩效指标", "|")
STATS = {"inputs": 0, "errors": 0, "stopped": 0, "peak_mb": 0.0}


def lines_with(data: bytes, words: tuple[str, ...]) -> list[bytes]:
    return [line for line in data.split(b"\n") if any(w.encode() in line for w in words)]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = SEED_BYTES[draw(SEED)]
    if len(data) > WINDOW and draw(st.integers(0, 3)) > 0:
        start = boundary(data, draw(st.integers(0, len(data) - WINDOW)))
        data = data[start : boundary(data, start + WINDOW)]
    for _ in range(draw(st.integers(1, 3))):
        data = mutate(draw, data)
    return data


SEED = st.integers(0, len(SEED_BYTES) - 1)
OPERATIONS = st.sampled_from(
    ["flips", "truncate", "splice", "repeat", "number", "explode", "unicode", "separators"]
)
EXPLOSIONS = st.sampled_from([b"\t", b"|", b" | ", b"||\n", b"\t|\t", b"\n"])
TIMES = st.sampled_from([10, 100, 1000])
REPEATS = st.sampled_from([2, 3, 10, 50, 300])


def boundary(data: bytes, at: int) -> int:
    """``at`` moved to the next UTF-8 character start: only byte flips break the encoding (a
    window or a cut inside a character would make most inputs undecodable, read no further)."""
    while at < len(data) and 0x80 <= data[at] < 0xC0:
        at += 1
    return at


def mutate(draw: st.DrawFn, data: bytes) -> bytes:
    """One mutation; strategies are module constants (building them per draw is slow)."""
    size = max(len(data), 1)
    at = boundary(data, draw(st.integers(0, size)) % size)
    operation = draw(OPERATIONS)
    if operation == "flips":
        buffer = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            if buffer:
                buffer[draw(st.integers(0, size)) % len(buffer)] ^= draw(st.integers(1, 255))
        return bytes(buffer)
    if operation == "truncate":
        return data[:at]
    if operation == "splice":
        second = SEED_BYTES[draw(SEED)]
        cut = boundary(second, draw(st.integers(0, max(len(second) - 1, 0))))
        return data[:at] + second[cut : boundary(second, cut + WINDOW)]
    if operation == "repeat":
        candidates = lines_with(data, HEADER_LINES)
        if not candidates:
            return data
        line = candidates[draw(st.integers(0, len(candidates) - 1))]
        return data.replace(line, b"\n".join([line] * draw(REPEATS)), 1)
    if operation == "number":
        digits = draw(st.integers(20, 60))
        number = b"1e99999" if draw(st.booleans()) else b"1" + b"0" * digits
        return data[:at] + number + data[at:]
    if operation == "explode":
        return data[:at] + draw(EXPLOSIONS) * draw(TIMES) + data[at:]
    if operation == "unicode":
        text = draw(st.text(min_size=1, max_size=40)).encode("utf-8", "replace")
        return data[:at] + text + data[at:]
    return data.replace(b" ", draw(st.sampled_from([b"\t", b"|", b"\t\t"])))


def read(data: bytes) -> None:
    """Read as a file is read; only the typed per-file errors may come out."""
    with time_budget("fuzz.txt", FUZZ_SECONDS):
        try:
            assemble_tables(read_grid(data, "fuzz.txt"))
        except ReadingTimeLimit:  # the budget's typed per-file error: reading ended
            STATS["stopped"] += 1
        except InternalError:
            raise
        except IngestError:
            STATS["errors"] += 1


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not RANDOM,
    database=None,
    phases=(Phase.generate, Phase.shrink),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(mutated())
def test_mutated_documents_read_or_fail_cleanly(data: bytes) -> None:
    STATS["inputs"] += 1
    traced = STATS["inputs"] % 25 == 0
    if traced:
        tracemalloc.start()
    try:
        read(data)
    finally:
        if traced:
            peak = tracemalloc.get_traced_memory()[1] / 1024 / 1024
            tracemalloc.stop()
            STATS["peak_mb"] = max(STATS["peak_mb"], peak)
            assert peak < MAX_PEAK_MB, f"{peak:.0f} MB traced while reading {data[:200]!r}"


def test_the_harness_ran_every_input() -> None:
    # pytest runs the tests of a module in order: this one after the harness
    if STATS["inputs"] == 0:
        pytest.skip("the harness did not run in this session")
    print(  # shown with pytest -s
        f"\nfuzz: {STATS['inputs']} inputs, {STATS['errors']} typed per-file errors, "
        f"{STATS['stopped']} stopped by the {FUZZ_SECONDS:g} s budget, "
        f"traced peak {STATS['peak_mb']:.1f} MB"
    )
    assert STATS["inputs"] >= EXAMPLES
