"""The typed domain: documents, target tables, indicators, targets and findings. No I/O."""

from jixiao.model.document import Document, DocumentError, DocumentSet
from jixiao.model.finding import Finding, Origin, Severity
from jixiao.model.source import SourceRef
from jixiao.model.table import CONFIDENCE_FLOOR, Budget, Indicator, Reading, TableKind, TargetTable
from jixiao.model.target import Comparator, Target, TargetComponent, TargetKind, TrendDirection

__all__ = [
    "CONFIDENCE_FLOOR",
    "Budget",
    "Comparator",
    "Document",
    "DocumentError",
    "DocumentSet",
    "Finding",
    "Indicator",
    "Origin",
    "Reading",
    "Severity",
    "SourceRef",
    "TableKind",
    "Target",
    "TargetComponent",
    "TargetKind",
    "TargetTable",
    "TrendDirection",
]
