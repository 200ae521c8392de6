"""The review runs from its Python sources: no extension module left beside them (an earlier
version compiled the rules with mypyc; such a build would shadow the sources)."""

from __future__ import annotations

import pkgutil

import jixiao.review
import jixiao.review.rules


def test_every_review_module_is_loaded_from_its_source() -> None:
    for package in (jixiao.review, jixiao.review.rules):
        for module in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            spec = module.module_finder.find_spec(module.name, None)  # type: ignore[call-arg]
            assert spec is not None
            assert spec.origin is not None
            assert spec.origin.endswith(".py"), f"{spec.origin}: `make clean-mypyc` removes it"
