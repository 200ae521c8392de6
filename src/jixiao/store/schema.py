"""The database tables (SQLAlchemy Core). Migrations in ``migrations/versions`` create them.

::

    documents       one row per imported file (by SHA-256): importing it again changes nothing
    target_tables   one row per table identity: kind + department + project + year
    revisions       every distinct content a table has had; ``target_tables.current_revision``
                    names the newest. Header fields (budget, purpose, goals) live here.
    indicators      the 三级指标 rows of a revision, in printed order: one column per field of
                    the parsed target (``target_*``; dates as ISO text) and of its source
    findings        parse and review findings, of a revision (or of a document when they
                    concern no table), in the order they were reported
    changes         the history: every stored value that a new revision changed, with when,
                    old value, new value and who (when known)

JSON is stored as UTF-8 text (``*_json``) so that both databases store and return the same
bytes, and bulk writes need no per-row type processing.
Times are UTC, without a time zone.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

documents = Table(
    "documents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("file", Text, nullable=False),
    Column("format", String(32)),
    Column("imported_at", DateTime, nullable=False),
    Column("imported_by", Text),
)

target_tables = Table(
    "target_tables",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("identity", Text, nullable=False, unique=True),
    Column("kind", String(32), nullable=False),
    Column("department_code", Text),
    Column("department", Text),
    Column("project", Text),
    Column("year", Integer),
    Column("current_revision", Integer, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Index("ix_target_tables_department", "department"),
    Index("ix_target_tables_project", "project"),
    Index("ix_target_tables_year", "year"),
)

revisions = Table(
    "revisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("table_id", Integer, ForeignKey("target_tables.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("document_id", Integer, ForeignKey("documents.id"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("content_sha256", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", Text),
    Column("kind", String(32), nullable=False),
    Column("title", Text),
    Column("department_code", Text),
    Column("department", Text),
    Column("project", Text),
    Column("year", Integer),
    Column("budget_total", Double),
    Column("budget_fiscal", Double),
    Column("budget_other", Double),
    Column("budget_unit_printed", Text),
    Column("budget_total_printed", Text),
    Column("budget_fiscal_printed", Text),
    Column("budget_other_printed", Text),
    Column("budget_executed", Double),
    Column("budget_executed_printed", Text),
    Column("budget_execution_rate_printed", Text),
    Column("budget_execution_weight", Double),
    Column("budget_execution_score", Double),
    Column("purpose", Text),
    Column("goals_json", Text, nullable=False),
    Column("source_json", Text, nullable=False),
    Column("indicator_count", Integer, nullable=False),
    Column("finding_count", Integer, nullable=False),
    Column("search_text", Text),  # what a text search looks in (rows.search_text), 0007
    Column("confidence", Double),  # TargetTable.confidence; NULL (read as 1.0) before 0009
    # TargetTable.reading and the positions of its doubted rows (rows.reading_json); NULL
    # before 0011: the reading is not known
    Column("reading_json", Text),
    Column("implementer", Text),  # TargetTable.implementer (实施单位); NULL before 0013
    Column("total_score", Double),  # TargetTable.total_score (印出的总分); NULL before 0016
    UniqueConstraint("table_id", "number", name="uq_revisions_table_id_number"),
    Index("ix_revisions_document_id_position", "document_id", "position"),
)

indicators = Table(
    "indicators",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("revision_id", Integer, ForeignKey("revisions.id", ondelete="CASCADE"), nullable=False),
    Column("position", Integer, nullable=False),
    Column("level1", Text),
    Column("level1_printed", Text),
    Column("level2", Text),
    Column("level2_printed", Text),
    Column("name", Text, nullable=False),
    Column("description", Text),
    Column("target_raw", Text, nullable=False),
    Column("target_kind", String(16), nullable=False),
    Column("target_op", String(2)),
    Column("target_op_implied", Boolean, nullable=False),
    Column("target_value", Double),
    Column("target_low", Double),
    Column("target_high", Double),
    Column("target_unit", Text),
    Column("target_unit_printed", Text),
    Column("target_factor", Double),
    Column("target_qualifier", Text),
    Column("target_date", String(10)),
    Column("target_date_from", String(10)),
    Column("target_grade", Text),
    Column("target_vague", Boolean, nullable=False),
    Column("target_baseline", Text),
    Column("target_direction", String(16)),
    Column("target_basis", Text),
    Column("target_components_json", Text),
    Column("actual_json", Text),
    Column("weight", Double),
    Column("score", Double),
    Column("deviation", Text),
    Column("source_file", Text),
    Column("source_line", Integer),
    Column("source_line_end", Integer),
    Column("source_page", Integer),
    Column("source_sheet", Text),
    Column("source_cell", Text),
    Column("source_table_index", Integer),
    Column("source_row", Integer),
    Column("source_column", Integer),
    Index("ix_indicators_revision_id_position", "revision_id", "position"),
)

findings = Table(
    "findings",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("revision_id", Integer, ForeignKey("revisions.id", ondelete="CASCADE")),
    Column("position", Integer, nullable=False),
    Column("code", String(16), nullable=False),
    Column("severity", String(8), nullable=False),
    Column("rule", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("hint", Text),
    Column("project", Text),
    Column("indicator", Text),
    Column("location_json", Text, nullable=False),
    Column("fields_json", Text, nullable=False),
    # Finding identity (migration 0012; NULL before it): the stage that found it, the field
    # it concerns, its table and row, the rule-set version and the configuration digest
    Column("origin", String(16)),
    Column("field", String(16)),
    Column("table_position", Integer),
    Column("indicator_position", Integer),
    Column("ruleset", Text),
    Column("config_digest", String(64)),
    Index("ix_findings_revision_id", "revision_id"),
    Index("ix_findings_document_id", "document_id"),
)

changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("table_id", Integer, ForeignKey("target_tables.id", ondelete="CASCADE"), nullable=False),
    Column("revision_id", Integer, ForeignKey("revisions.id", ondelete="CASCADE"), nullable=False),
    Column("changed_at", DateTime, nullable=False),
    Column("changed_by", Text),
    Column("indicator", Text),
    Column("field", Text, nullable=False),
    Column("old_value", Text),
    Column("new_value", Text),
    Index("ix_changes_table_id", "table_id"),
)

# Users and access (migration 0002). ``role`` is ``filler`` (填报), ``reviewer`` (审核) or
# ``admin`` (管理员); ``user_departments`` lists the departments (code or name) a filler
# belongs to or a reviewer reviews. Sessions and API tokens are stored by the SHA-256 of the
# secret the client holds, never the secret itself.

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", Text, nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

user_departments = Table(
    "user_departments",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("department", Text, primary_key=True),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime, nullable=False),
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("label", Text),
    Column("created_at", DateTime, nullable=False),
    Column("expires_at", DateTime),
)

# Failed sign-ins (migration 0008), by key: ``account:<name>`` or ``address:<client>``.
login_failures = Table(
    "login_failures",
    metadata,
    Column("key", String(320), primary_key=True),
    Column("failures", Integer, nullable=False),
    Column("first_at", DateTime, nullable=False),
    Column("locked_until", DateTime),
)

# Self-evaluation and monitoring (migration 0003). ``month`` 0 is the whole year (自评);
# 1–12 are monitoring values as of the end of that month (1–m 月执行情况, cumulative).
# Actuals are keyed by the indicator's name, so they survive a new revision of the table.

actuals = Table(
    "actuals",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("table_id", Integer, ForeignKey("target_tables.id", ondelete="CASCADE"), nullable=False),
    Column("indicator", Text, nullable=False),
    Column("month", Integer, nullable=False),
    Column("value", Text, nullable=False),
    Column("band", String(16)),
    Column("score", Double),  # points, as entered before migration 0015
    Column("score_share", Double),  # the evaluator's score as a share of the weight (0..1)
    Column("note", Text),
    Column("recorded_at", DateTime, nullable=False),
    Column("recorded_by", Text),
    UniqueConstraint("table_id", "indicator", "month"),
)

executions = Table(
    "executions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("table_id", Integer, ForeignKey("target_tables.id", ondelete="CASCADE"), nullable=False),
    Column("month", Integer, nullable=False),
    Column("executed", Double, nullable=False),
    Column("adjusted", Double),
    Column("note", Text),
    Column("recorded_at", DateTime, nullable=False),
    Column("recorded_by", Text),
    UniqueConstraint("table_id", "month"),
)

evaluations = Table(
    "evaluations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("table_id", Integer, ForeignKey("target_tables.id", ondelete="CASCADE"), nullable=False),
    Column("revision_id", Integer, ForeignKey("revisions.id", ondelete="CASCADE"), nullable=False),
    Column("profile", Text, nullable=False),
    Column("profile_version", Text, nullable=False),
    Column("total", Double),
    Column("grade", String(4)),
    Column("complete", Boolean, nullable=False),
    Column("result_json", Text, nullable=False),
    Column("evaluated_at", DateTime, nullable=False),
    Column("evaluated_by", Text),
    Index("ix_evaluations_table_id", "table_id"),
)

# Reviewers' comments on a table (migration 0006): on the whole table or on one indicator
# (by name), made on a revision, with who and when.

comments = Table(
    "comments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("table_id", Integer, ForeignKey("target_tables.id", ondelete="CASCADE"), nullable=False),
    Column("revision_id", Integer, ForeignKey("revisions.id", ondelete="CASCADE"), nullable=False),
    Column("indicator", Text),
    Column("body", Text, nullable=False),
    Column("author", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
    Index("ix_comments_table_id", "table_id"),
)

# The review workflow (migration 0010): a table's state (草稿 when it has no row), every step
# taken (who, when, from → to, opinion) and the reviewer's decision on each finding of the
# revision under review. States and actions are the services' enums, stored by their value.

review_states = Table(
    "review_states",
    metadata,
    Column(
        "table_id",
        Integer,
        ForeignKey("target_tables.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("state", String(16), nullable=False),
    Column("revision", Integer, nullable=False),  # the revision number the state concerns
    Column("changed_at", DateTime, nullable=False),
    Column("changed_by", Text),
    Index("ix_review_states_state", "state"),
)

review_steps = Table(
    "review_steps",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("table_id", Integer, ForeignKey("target_tables.id", ondelete="CASCADE"), nullable=False),
    Column("revision", Integer, nullable=False),
    Column("action", String(16), nullable=False),
    Column("from_state", String(16), nullable=False),
    Column("to_state", String(16), nullable=False),
    Column("actor", Text, nullable=False),
    Column("role", String(16), nullable=False),
    Column("opinion", Text),
    Column("created_at", DateTime, nullable=False),
    Index("ix_review_steps_table_id", "table_id"),
)

finding_decisions = Table(
    "finding_decisions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "finding_id",
        Integer,
        ForeignKey("findings.id", ondelete="CASCADE"),
        nullable=False,
        unique=True,
    ),
    Column("table_id", Integer, ForeignKey("target_tables.id", ondelete="CASCADE"), nullable=False),
    Column("decision", String(16), nullable=False),
    Column("reason", Text),
    Column("decided_by", Text, nullable=False),
    Column("decided_at", DateTime, nullable=False),
    Index("ix_finding_decisions_table_id", "table_id"),
)

# Upload jobs (migration 0014): an upload imported in the background. ``files_json`` lists
# the file names in upload order, ``results_json`` the per-file results finished so far (the
# services' shape, appended as each file is committed). ``runner`` names the server process
# running it (``host:pid``): a job whose process is gone is marked failed, never left running.

upload_jobs = Table(
    "upload_jobs",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("status", String(16), nullable=False),
    Column("files_json", Text, nullable=False),
    Column("results_json", Text, nullable=False),
    Column("message", Text),
    Column("runner", String(300), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("started_at", DateTime),
    Column("finished_at", DateTime),
    Index("ix_upload_jobs_status", "status"),
)
