"""Compile the review engine and its rules with mypyc, in place (run by `make`).

Writes one C extension beside each source that jixiao.review.compiled lists, a shared library
in src/, and src/jixiao/review/_compiled.json with the digest of the sources compiled. The
package uses the extensions only while that digest matches its sources, and this script does
nothing while it does (--force builds anyway). The generated C and the objects go to
build/mypyc/. Needs gcc and the Python headers; without them the rules run from the sources
(slower, same findings), so a failed build warns and exits 0.

    .venv/bin/python scripts/compile_review.py [--force | --clean]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from jixiao.review.compiled import (
    MANIFEST,
    build_is_current,
    compiled_sources,
    manifest_for_current_sources,
)

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
BUILD = ROOT / "build" / "mypyc"


def built_extensions() -> list[Path]:
    """Every extension a build left in src/: the modules and the shared library."""
    directories = {source.parent for source in compiled_sources()}
    return [*SRC.glob("*__mypyc.*.so"), *(e for d in directories for e in d.glob("*.so"))]


def clean() -> None:
    MANIFEST.unlink(missing_ok=True)
    for extension in built_extensions():
        extension.unlink()


def compile_sources() -> None:
    from mypyc.build import mypycify
    from setuptools import setup

    sources = [str(path.relative_to(SRC)) for path in compiled_sources()]
    os.chdir(SRC)  # module names follow the paths given to mypyc
    extensions = mypycify(
        # the project's mypy configuration (strict, the pydantic plugin)
        ["--config-file", str(ROOT / "pyproject.toml"), *sources],
        opt_level="3",
        target_dir=str(BUILD / "c"),
    )
    setup(
        name="jixiao-review-compiled",
        ext_modules=extensions,
        script_args=[
            "--quiet",
            "build_ext",
            "--inplace",
            "--build-lib",
            str(BUILD / "lib"),
            "--build-temp",
            str(BUILD / "tmp"),
        ],
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="build even when current")
    parser.add_argument("--clean", action="store_true", help="remove the compiled build")
    args = parser.parse_args()
    if build_is_current() and not (args.force or args.clean):
        print("the compiled review rules are up to date")
        return 0
    clean()
    if args.clean:
        return 0
    manifest = manifest_for_current_sources()
    try:
        compile_sources()
    except (Exception, SystemExit) as error:  # setuptools exits on a compiler error
        clean()
        print(f"warning: the review rules run uncompiled (mypyc failed: {error})", file=sys.stderr)
        return 0
    MANIFEST.write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    print(f"compiled {len(compiled_sources())} review modules with mypyc")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
