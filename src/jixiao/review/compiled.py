"""Whether the review core runs compiled (mypyc) or from its Python sources.

The engine, the rules and what they read (:func:`compiled_sources`) are plain typed Python.
``make`` also compiles them with mypyc (``scripts/compile_review.py``) into C extensions beside
the ``.py`` files: the same code, about four times as fast (docs/review.md#speed).
The build records a digest of the sources it compiled in ``_compiled.json``.

A compiled module is only used while it is current. When a source changed since the build (an
edited rule, a pulled commit, a new rule file), when the build is for another Python, or when
``JIXIAO_PURE_PYTHON=1`` is set, the package imports its ``.py`` files instead, so that what runs
is always what the sources say. The package calls :func:`choose_build` before it imports any
compiled module.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Sequence
from hashlib import sha256
from importlib.machinery import (
    BYTECODE_SUFFIXES,
    SOURCE_SUFFIXES,
    FileFinder,
    SourceFileLoader,
    SourcelessFileLoader,
)
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
MANIFEST = PACKAGE_DIR / "_compiled.json"
PURE_PYTHON_VARIABLE = "JIXIAO_PURE_PYTHON"
# The engine's hot path; every module of the rules subpackage is compiled too.
CORE_MODULES = ("facts.py", "view.py", "rule.py", "engine.py")
RULES_PACKAGE = "rules"


def compiled_sources() -> list[Path]:
    """The source files the build compiles, in a stable order."""
    rules = sorted(p for p in (PACKAGE_DIR / RULES_PACKAGE).glob("*.py") if p.name != "__init__.py")
    return [PACKAGE_DIR / name for name in CORE_MODULES] + rules


def source_digest(paths: Iterable[Path], root: Path = PACKAGE_DIR) -> str:
    """One digest of the files' names (under ``root``) and contents: any edit, addition or
    removal changes it."""
    digest = sha256()
    for path in paths:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def manifest_for_current_sources() -> dict[str, str]:
    """What a build of the sources as they are now records in :data:`MANIFEST`."""
    return {
        "digest": source_digest(compiled_sources()),
        "python": sys.implementation.cache_tag or "",
    }


def build_is_current(manifest: Path = MANIFEST) -> bool:
    """True when the compiled modules were built from the sources as they are now."""
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(recorded == manifest_for_current_sources())


def import_sources_from(directories: Iterable[str]) -> None:
    """Make imports from ``directories`` read ``.py`` (or ``.pyc``) files, never extensions.

    Submodules of a package are found by the finder cached for each directory of its
    ``__path__``; this one is the standard finder without the extension-module loader.
    """
    loaders = ((SourceFileLoader, SOURCE_SUFFIXES), (SourcelessFileLoader, BYTECODE_SUFFIXES))
    for directory in directories:
        sys.path_importer_cache[directory] = FileFinder(directory, *loaders)


def choose_build(package_path: Sequence[str]) -> None:
    """Run from the sources unless a current compiled build exists and is wanted."""
    if os.environ.get(PURE_PYTHON_VARIABLE) == "1" or not build_is_current():
        import_sources_from(
            [*package_path, *(os.path.join(directory, RULES_PACKAGE) for directory in package_path)]
        )


def is_compiled(module_file: str | None) -> bool:
    """True for a module loaded from an extension rather than from Python source."""
    return module_file is not None and not module_file.endswith((".py", ".pyc"))
