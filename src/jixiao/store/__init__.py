"""The store: SQLAlchemy 2 tables, repository functions and Alembic migrations.

SQLite by default (``jixiao.db``), PostgreSQL for teams. No review rules, no HTTP: callers
(:mod:`jixiao.services`) pass findings in and decide what to show. See docs/store.md.
"""

from jixiao.store.database import (
    DEFAULT_DATABASE,
    POOL_SIZE,
    Database,
    database_url,
    open_database,
    write_transaction,
)
from jixiao.store.diff import FIELD_LABELS, Change, compare_tables
from jixiao.store.imports import (
    import_document,
    import_rows,
    is_imported,
    stored_document_id,
)
from jixiao.store.migrate import (
    check_schema,
    head_revision,
    prepare_for_writes,
    schema_revision,
    upgrade_database,
)
from jixiao.store.prepared import DocumentRows, TableRows, prepare_document, table_identity
from jixiao.store.queries import (
    count_tables,
    current_revision,
    find_tables,
    iter_documents,
    list_changes,
    list_revisions,
    list_tables,
    load_stored_table,
    stored_projects,
    table_summary,
)
from jixiao.store.records import (
    ApiTokenRecord,
    ChangeRecord,
    DocumentImport,
    FindingCount,
    RevisionSummary,
    StoredTable,
    TableCount,
    TableFilter,
    TableFinding,
    TableImport,
    TableStatus,
    TableSummary,
    UserRecord,
)
from jixiao.store.search import sync_search_index
from jixiao.store.stats import (
    count_findings,
    count_findings_of,
    count_tables_by_department,
    list_findings,
)

__all__ = [
    "DEFAULT_DATABASE",
    "FIELD_LABELS",
    "POOL_SIZE",
    "ApiTokenRecord",
    "Change",
    "ChangeRecord",
    "Database",
    "DocumentImport",
    "DocumentRows",
    "FindingCount",
    "RevisionSummary",
    "StoredTable",
    "TableCount",
    "TableFilter",
    "TableFinding",
    "TableImport",
    "TableRows",
    "TableStatus",
    "TableSummary",
    "UserRecord",
    "check_schema",
    "compare_tables",
    "count_findings",
    "count_findings_of",
    "count_tables",
    "count_tables_by_department",
    "current_revision",
    "database_url",
    "find_tables",
    "head_revision",
    "import_document",
    "import_rows",
    "is_imported",
    "iter_documents",
    "list_changes",
    "list_findings",
    "list_revisions",
    "list_tables",
    "load_stored_table",
    "open_database",
    "prepare_document",
    "prepare_for_writes",
    "schema_revision",
    "stored_document_id",
    "stored_projects",
    "sync_search_index",
    "table_identity",
    "table_summary",
    "upgrade_database",
    "write_transaction",
]
