"""Use-case: review documents (read each file, run the parse and review rules)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from jixiao.model import Document, Finding
from jixiao.review import ReviewConfig, Reviewer
from jixiao.services.documents import read_documents


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
    paths: Iterable[Path], *, config: ReviewConfig | None = None, year: int | None = None
) -> Iterator[ReviewedDocument]:
    """Every file read and reviewed; unreadable files come back with ``document.error``."""
    reviewer = Reviewer(config)
    for document in read_documents(paths, year=year):
        findings = reviewer.review_document(document) if document.error is None else []
        yield ReviewedDocument(document, findings)
