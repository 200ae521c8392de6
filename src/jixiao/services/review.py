"""Use-case: review documents (read each file, run the parse and review rules)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from jixiao.model import Document, Finding, TargetTable
from jixiao.review import ReviewConfig, Reviewer, load_config
from jixiao.services.documents import failed_document, internal_error, read_documents


@dataclass(frozen=True)
class ReviewedDocument:
    document: Document
    findings: list[Finding]


def review_config(path: Path | None = None) -> ReviewConfig:
    """The review configuration the CLI uses: ``path``, else ``jixiao.toml`` or
    ``pyproject.toml`` ``[tool.jixiao.review]`` found from the working directory. The web app's
    uploads and edits use it too, so that a table reviewed in the browser gets the findings
    ``jixiao review`` gives."""
    return load_config(path)


class RuleReview:
    """The review rules' findings of a document's tables (its parse findings not repeated):
    what the store is given at import.

    Picklable, so that worker processes (``jixiao import --workers``) and cluster workers can
    run it: only the configuration travels, and each process builds the rules once.
    """

    def __init__(self, config: ReviewConfig | None = None) -> None:
        self.config = config
        self.key = uuid.uuid4().hex
        self._reviewer: Reviewer | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"config": self.config, "key": self.key}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__dict__.update(state)
        self._reviewer = None

    def __call__(self, document: Document) -> list[Finding]:
        reviewer = self.reviewer()
        return [
            finding
            for position, table in enumerate(document.tables)
            for finding in reviewer.review_table(table, position)
        ]

    def across_years(
        self, table: TargetTable, position: int, previous: TargetTable
    ) -> list[Finding]:
        """The findings of the rules that compare ``table`` with the same project's table of
        the year before (YR01), run where the store is (the import's writing process)."""
        return self.reviewer().review_across_years(table, position, previous)

    def reviewer(self) -> Reviewer:
        """The rules, built once per process (about 16 ms) however often this is unpickled."""
        if self._reviewer is None:
            built = _built.get(self.key)
            if built is None:
                _built.clear()  # one configuration at a time: one import
                built = _built[self.key] = Reviewer(self.config)
            self._reviewer = built
        return self._reviewer


_built: dict[str, Reviewer] = {}


def rule_reviewer(config: ReviewConfig | None = None) -> RuleReview:
    """The review rules of ``config`` as a callable: a document in, its findings out."""
    return RuleReview(config)


def review_documents(
    paths: Iterable[Path],
    *,
    config: ReviewConfig | None = None,
    year: int | None = None,
    time_limit: float | None = None,
) -> Iterator[ReviewedDocument]:
    """Every file read and reviewed; a file that cannot be read, or whose review raises,
    comes back with ``document.error`` (and no findings), and the next file goes on."""
    reviewer = Reviewer(config)
    for document in read_documents(paths, year=year, time_limit=time_limit):
        if document.error is not None:
            yield ReviewedDocument(document, [])
            continue
        try:
            findings = reviewer.review_document(document)
        except Exception as error:  # a bug in a rule: this file fails, the batch goes on
            failure = internal_error(document.file, "审核", error)
            yield ReviewedDocument(failed_document(document, failure), [])
            continue
        yield ReviewedDocument(document, findings)
