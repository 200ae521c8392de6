"""Every corpus document, perturbed as users' files are (perturbed.py), meets its floors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus_accuracy
import perturbed
from test_corpus_accuracy import assert_floors


@pytest.mark.parametrize("perturbation", list(perturbed.PERTURBATIONS))
def test_a_perturbed_document_is_read_as_well_as_its_copy(perturbation: str) -> None:
    for path in corpus_accuracy.documents():
        assert_floors(perturbed.score_perturbed(path, perturbation), path)


def test_perturbations_keep_the_lines_and_change_every_document() -> None:
    for path in corpus_accuracy.documents():
        text = path.read_text("utf-8")
        for name, perturb in perturbed.PERTURBATIONS.items():
            changed = perturb(text)
            assert len(changed.splitlines()) == len(text.splitlines()), name
        assert perturbed.PERTURBATIONS["invisible"](text) != text
        assert perturbed.PERTURBATIONS["windows"](text) != text
