"""Text recognition of line images, with a confidence for every character.

The model is PP-OCRv4's Chinese recogniser as the ``rapidocr-onnxruntime`` wheel ships it
(``rapidocr_onnxruntime/models/ch_PP-OCRv4_rec_infer.onnx``, its character set in the model's
metadata): installed with the package, nothing is downloaded at run time. It is run here
through onnxruntime directly rather than through RapidOCR's pipeline, because

* the table finder (``ingest/ruling.py``) already knows where every cell and text line is,
  so RapidOCR's text detection (most of its time per page) is not needed;
* RapidOCR reports one mean score per line, and a doubt must name the character that is
  unsure: the CTC decoding below keeps each character's probability.

Why this model rather than Tesseract's ``chi_sim``: see docs/formats.md (Scans).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Final

import cv2
import numpy as np
from numpy.typing import NDArray

HEIGHT: Final = 48  # the model's input height
BATCH: Final = 8  # line images per inference call (similar widths are batched together)
MODEL: Final = "models/ch_PP-OCRv4_rec_infer.onnx"


@dataclass(frozen=True, slots=True)
class Recognized:
    """A line's characters (as the model's classes: each one or more code points) and the
    probability the model gave each."""

    characters: tuple[str, ...]
    confidences: tuple[float, ...]

    @property
    def text(self) -> str:
        return "".join(self.characters)

    def unsure(self, below: float) -> str:
        """The characters recognised with a probability under ``below``."""
        return "".join(
            c for c, p in zip(self.characters, self.confidences, strict=True) if p < below
        )


class Recognizer:
    """PP-OCRv4 line recognition on onnxruntime (one instance per process: see
    :func:`recognizer`)."""

    def __init__(self) -> None:
        import onnxruntime

        model = files("rapidocr_onnxruntime").joinpath(MODEL)
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        # One thread that does not spin: measured on 2 shared cores, a second thread made a
        # page slower (its spinning competes with everything else running); documents in
        # parallel are the way to use more cores (as the web server's requests are).
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = onnxruntime.InferenceSession(
            str(model), sess_options=options, providers=["CPUExecutionProvider"]
        )
        metadata = self.session.get_modelmeta().custom_metadata_map
        # index 0 is CTC's blank; the model's last class is a space
        self.characters = ["", *metadata["character"].splitlines(), " "]
        self.input = self.session.get_inputs()[0].name

    def recognize(self, lines: list[NDArray[np.uint8]]) -> list[Recognized]:
        """The text of each greyscale line image, in order."""
        results: list[Recognized | None] = [None] * len(lines)
        order = sorted(range(len(lines)), key=lambda i: lines[i].shape[1] / lines[i].shape[0])
        for start in range(0, len(order), BATCH):
            batch = order[start : start + BATCH]
            ratio = max(lines[i].shape[1] / lines[i].shape[0] for i in batch)
            width = max(HEIGHT, math.ceil(HEIGHT * ratio))
            tensor = np.zeros((len(batch), 3, HEIGHT, width), np.float32)
            for slot, index in enumerate(batch):
                tensor[slot] = _normalized(lines[index], width)
            output = self.session.run(None, {self.input: tensor})[0]
            for slot, index in enumerate(batch):
                results[index] = self._decode(np.asarray(output[slot]))
        return [result or Recognized((), ()) for result in results]

    def _decode(self, probabilities: NDArray[np.float32]) -> Recognized:
        """Greedy CTC decoding: the best class at each step, repeats and blanks dropped."""
        best = probabilities.argmax(axis=1)
        chosen = probabilities.max(axis=1)
        text: list[str] = []
        confidences: list[float] = []
        previous = 0
        for index, probability in zip(best.tolist(), chosen.tolist(), strict=True):
            if index != 0 and index != previous:
                text.append(self.characters[index])
                confidences.append(float(probability))
            previous = index
        return Recognized(tuple(text), tuple(confidences))


def _normalized(line: NDArray[np.uint8], width: int) -> NDArray[np.float32]:
    height, line_width = line.shape
    scaled = min(width, math.ceil(HEIGHT * line_width / height))
    resized = cv2.resize(line, (scaled, HEIGHT)).astype(np.float32) / 127.5 - 1.0
    tensor = np.zeros((3, HEIGHT, width), np.float32)
    tensor[:, :, :scaled] = resized  # the same grey in the three channels
    return tensor


@cache
def recognizer() -> Recognizer:
    """The process's recogniser, loaded once (loading the model takes about half a second)."""
    return Recognizer()
