"""The typed domain: documents, target tables, indicators, targets and findings. No I/O."""

from jixiao.model.document import Document, DocumentError, DocumentSet
from jixiao.model.finding import Finding, Severity
from jixiao.model.source import SourceRef
from jixiao.model.table import Budget, Indicator, TableKind, TargetTable
from jixiao.model.target import Comparator, Target, TargetComponent, TargetKind, TrendDirection

__all__ = [
    "Budget",
    "Comparator",
    "Document",
    "DocumentError",
    "DocumentSet",
    "Finding",
    "Indicator",
    "Severity",
    "SourceRef",
    "TableKind",
    "Target",
    "TargetComponent",
    "TargetKind",
    "TargetTable",
    "TrendDirection",
]
