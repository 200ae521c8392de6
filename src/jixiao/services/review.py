"""Use-case: review documents (read each file, run the parse and review rules)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from jixiao.model import Document, Finding
from jixiao.review import ReviewConfig, Reviewer
from jixiao.services.documents import failed_document, internal_error, read_documents


@dataclass(frozen=True)
class ReviewedDocument:
    document: Document
    findings: list[Finding]


def rule_reviewer(config: ReviewConfig | None = None) -> Callable[[Document], list[Finding]]:
    """The review rules' findings of a document's tables (its parse findings not repeated):
    what the store is given at import."""
    reviewer = Reviewer(config)

    def review(document: Document) -> list[Finding]:
        return [finding for table in document.tables for finding in reviewer.review_table(table)]

    return review


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
