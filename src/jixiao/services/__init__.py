"""Use-cases. The CLI (and later the web app) call these and nothing deeper.

One module per use-case family: :mod:`.documents` (reading files into documents).
"""

from jixiao.services.documents import (
    MAX_FILE_MB,
    read_document,
    read_documents,
    write_pdf_debug_images,
)
from jixiao.services.imports import (
    DOCUMENT_SUFFIXES,
    ImportOutcome,
    ImportSummary,
    ReviewDocument,
    collect_paths,
    import_files,
)
from jixiao.services.review import ReviewedDocument, review_documents, rule_reviewer
from jixiao.services.store import (
    ExportFormat,
    TableDiff,
    TableHistory,
    TableList,
    connect_store,
    diff_revisions,
    export_tables,
    export_workbook,
    list_stored_tables,
    open_store,
    resolve_table,
    show_stored_table,
    table_history,
    upgrade_store,
)
from jixiao.store import (
    FIELD_LABELS,
    ChangeRecord,
    Database,
    RevisionSummary,
    StoredTable,
    TableFilter,
    TableFinding,
    TableStatus,
    TableSummary,
    UserRecord,
)

__all__ = [
    "DOCUMENT_SUFFIXES",
    "FIELD_LABELS",
    "MAX_FILE_MB",
    "ChangeRecord",
    "Database",
    "ExportFormat",
    "ImportOutcome",
    "ImportSummary",
    "ReviewDocument",
    "ReviewedDocument",
    "RevisionSummary",
    "StoredTable",
    "TableDiff",
    "TableFilter",
    "TableFinding",
    "TableHistory",
    "TableList",
    "TableStatus",
    "TableSummary",
    "UserRecord",
    "collect_paths",
    "connect_store",
    "diff_revisions",
    "export_tables",
    "export_workbook",
    "import_files",
    "list_stored_tables",
    "open_store",
    "read_document",
    "read_documents",
    "resolve_table",
    "review_documents",
    "rule_reviewer",
    "show_stored_table",
    "table_history",
    "upgrade_store",
    "write_pdf_debug_images",
]
