"""The review rules run compiled (mypyc) only while the build matches their sources, and then
find exactly what the sources find."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from jixiao.review import COMPILED
from jixiao.review.compiled import (
    PURE_PYTHON_VARIABLE,
    build_is_current,
    import_sources_from,
    manifest_for_current_sources,
    source_digest,
)
from jixiao.review.rule import _docstring_in_source, docstring_of
from jixiao.review.rules.VL04 import VL04

ROOT = Path(__file__).resolve().parents[2]


def test_the_build_is_current_only_for_the_sources_it_was_made_from(tmp_path: Path) -> None:
    manifest = tmp_path / "_compiled.json"
    assert not build_is_current(manifest)  # no build
    manifest.write_text("not json", encoding="utf-8")
    assert not build_is_current(manifest)
    current = manifest_for_current_sources()
    manifest.write_text(json.dumps(current), encoding="utf-8")
    assert build_is_current(manifest)
    manifest.write_text(json.dumps({**current, "digest": "0" * 64}), encoding="utf-8")
    assert not build_is_current(manifest)
    manifest.write_text(json.dumps({**current, "python": "cpython-399"}), encoding="utf-8")
    assert not build_is_current(manifest)


def test_the_digest_changes_with_any_edit_addition_or_removal(tmp_path: Path) -> None:
    first, second = tmp_path / "A.py", tmp_path / "B.py"
    first.write_text("x = 1\n")
    second.write_text("y = 2\n")
    both = source_digest([first, second], tmp_path)
    assert source_digest([first], tmp_path) != both
    first.write_text("x = 2\n")
    assert source_digest([first, second], tmp_path) != both
    first.write_text("x = 1\n")
    assert source_digest([first, second], tmp_path) == both
    first.rename(tmp_path / "C.py")
    assert source_digest([tmp_path / "C.py", second], tmp_path) != both


def test_a_stale_extension_is_passed_over_for_the_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # an extension module that cannot load stands beside its source, as a stale build would
    (tmp_path / "stale_probe.py").write_text("WHERE = 'source'\n")
    (tmp_path / f"stale_probe{EXTENSION_SUFFIXES[0]}").write_bytes(b"not an extension")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "stale_probe", raising=False)
    with pytest.raises(ImportError):
        __import__("stale_probe")
    import_sources_from([str(tmp_path)])
    assert __import__("stale_probe").WHERE == "source"
    monkeypatch.delitem(sys.modules, "stale_probe")


def test_a_rule_docstring_is_read_from_its_source_when_compiled() -> None:
    text = inspect.cleandoc(_docstring_in_source(VL04.__module__, "VL04"))
    assert text.startswith("比率写成“≥100%”，应写“=100%”。")
    assert "Good example:" in text
    assert inspect.cleandoc(docstring_of(VL04)) == text


def test_ci_runs_the_compiled_rules() -> None:
    if os.environ.get("CI") != "true":
        pytest.skip("CI checks that `make` compiled the rules; here they may run from source")
    assert COMPILED, "make did not compile the review rules (see scripts/compile_review.py)"


REVIEW_ALL = """
import json, sys
sys.path.insert(0, "bench")
from bench_review import base_tables, synthetic_tables
from jixiao.review import COMPILED, Reviewer
reviewer = Reviewer()
tables = base_tables() + synthetic_tables(300, seed=11)
findings = [f.model_dump(mode="json") for t in tables for f in reviewer.review_table(t)]
print(json.dumps({"compiled": COMPILED, "findings": findings}, ensure_ascii=False))
"""


def review_all(*, pure: bool) -> dict[str, object]:
    env = {**os.environ, PURE_PYTHON_VARIABLE: "1" if pure else "0"}
    result = subprocess.run(
        [sys.executable, "-c", REVIEW_ALL], cwd=ROOT, env=env, capture_output=True, check=True
    )
    output: dict[str, object] = json.loads(result.stdout)
    return output


def test_compiled_rules_find_exactly_what_the_sources_find() -> None:
    if not COMPILED:
        pytest.skip("the rules are not compiled here (run `make` to build them)")
    compiled, source = review_all(pure=False), review_all(pure=True)
    assert (compiled["compiled"], source["compiled"]) == (True, False)
    assert compiled["findings"] == source["findings"]
    assert len(source["findings"]) > 1000  # type: ignore[arg-type]
