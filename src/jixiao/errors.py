"""The exceptions jixiao raises when it cannot go on.

Problems *in* a user's document are findings (:class:`jixiao.model.Finding`), not exceptions.
Exceptions are for a document or a request that cannot be processed at all::

    JixiaoError
     └── IngestError               a file could not be read into tables
          ├── UnreadableFile       missing, unreadable, binary, undecodable, corrupt, too large
          │    ├── EncryptedFile   needs a password (encrypted workbook or PDF)
          │    └── UnsafeArchive   a zip whose contents would unpack too large (zip bomb)
          ├── UnsupportedFormat    a format jixiao does not read (yet)
          │    └── OcrRequired     a PDF without a text layer (read as a scan instead)
          ├── NoTableFound         read fine, but holds no target table
          ├── ReadingTimeLimit     reading took longer than the per-document time budget
          └── InternalError        a bug met while reading, reviewing or storing one file
     └── ConfigError            a configuration file or option is wrong
          └── ProfileError      an unknown or invalid scoring profile
     └── StoreError             the database cannot be used
          ├── DatabaseUnavailable cannot connect to or open the database
          ├── DatabaseMissing   no jixiao database there yet (read commands do not create one)
          └── DatabaseOutdated  the schema is older or newer than this jixiao
     └── NotFound               no such project, table or revision in the database
     └── Ambiguous              a name matches several tables; say which one
     └── EvaluationError        a score cannot be given as asked (e.g. outside its band)
          └── EntryRefused      an entered value the indicator or table cannot have

Each carries a Chinese message for users and typed context; mapping to exit codes or HTTP
status happens at the edges (CLI, web), once.
"""

from __future__ import annotations


class JixiaoError(Exception):
    """Base of all jixiao errors. ``message`` is user-facing Chinese text."""

    code = "JX000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class IngestError(JixiaoError):
    """A document could not be read into target tables."""

    code = "ING000"

    def __init__(self, file: str, reason: str) -> None:
        super().__init__(f"{file}：{reason}")
        self.file = file
        self.reason = reason


class UnreadableFile(IngestError):
    code = "ING001"


class EncryptedFile(UnreadableFile):
    code = "ING004"


class UnsafeArchive(UnreadableFile):
    code = "ING005"


class UnsupportedFormat(IngestError):
    code = "ING002"


class OcrRequired(UnsupportedFormat):
    code = "ING006"


class NoTableFound(IngestError):
    code = "ING003"

    def __init__(self, file: str, reason: str | None = None) -> None:
        super().__init__(
            file,
            reason or "未找到绩效目标表（需要“项目名称”或“一级指标/二级指标/三级指标”表头）",
        )


class ReadingTimeLimit(IngestError):
    """Reading one document ran past its time budget (``--time-limit``, ``JIXIAO_TIME_LIMIT``).

    Only a pathological document (a header or rows repeated thousands of times) gets here;
    it fails and the rest of its batch goes on.
    """

    code = "ING007"

    def __init__(self, file: str, seconds: float) -> None:
        super().__init__(
            file,
            f"读取超过 {seconds:g} 秒的时间上限，已停止：文件结构异常（例如表头或行被大量重复），"
            "请检查文件内容；确需更长时间可调大 --time-limit（或环境变量 JIXIAO_TIME_LIMIT）",
        )
        self.seconds = seconds


class InternalError(IngestError):
    """An unexpected exception (a bug) while reading, reviewing or storing one file.

    That file fails with this error and the rest of its batch goes on; the traceback goes to
    the ``jixiao`` logger (the server's log; ``--debug`` on the command line), never to users.
    """

    code = "ING999"

    def __init__(self, file: str, stage: str) -> None:
        super().__init__(
            file,
            f"{stage}时发生程序内部错误，此文件未处理，其余文件照常处理"
            "（详情已记入日志，命令行可加 --debug 查看）",
        )
        self.stage = stage


class ConfigError(JixiaoError):
    """A configuration file (jixiao.toml, [tool.jixiao]) or option is invalid."""

    code = "CFG001"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}：{reason}")
        self.source = source
        self.reason = reason


class StoreError(JixiaoError):
    """The database cannot be used. ``database`` is the URL without its password."""

    code = "STO000"

    def __init__(self, database: str, reason: str) -> None:
        super().__init__(f"数据库 {database}：{reason}")
        self.database = database
        self.reason = reason


class DatabaseUnavailable(StoreError):
    code = "STO001"


class DatabaseMissing(StoreError):
    code = "STO002"

    def __init__(self, database: str) -> None:
        super().__init__(
            database, "不存在或尚未初始化（先运行 jixiao import 或 jixiao db upgrade）"
        )


class DatabaseOutdated(StoreError):
    code = "STO003"

    def __init__(self, database: str, current: str | None, expected: str) -> None:
        super().__init__(
            database,
            f"结构版本为 {current or '无'}，本程序需要 {expected}（请运行 jixiao db upgrade）",
        )
        self.current = current
        self.expected = expected


class NotFound(JixiaoError):
    """A project, table or revision asked for is not in the database."""

    code = "STO004"

    def __init__(self, what: str) -> None:
        super().__init__(f"未找到{what}")
        self.what = what


class Ambiguous(JixiaoError):
    """A name matches several tables; ``candidates`` describes each, in Chinese."""

    code = "STO005"

    def __init__(self, name: str, candidates: list[str]) -> None:
        listed = "；".join(candidates[:10]) + ("……" if len(candidates) > 10 else "")
        super().__init__(
            f"“{name}”对应 {len(candidates)} 张表：{listed}。"
            "请用编号，或加 --year/--department 指定"
        )
        self.name = name
        self.candidates = candidates


class ProfileError(ConfigError):
    """A scoring profile (jixiao.evaluate) is unknown, or its data file is invalid."""

    code = "CFG002"

    def __init__(self, profile: str, reason: str) -> None:
        super().__init__(f"评分方案“{profile}”", reason)
        self.profile = profile


class EvaluationError(JixiaoError):
    """A self-evaluation or monitoring request cannot be computed as asked.

    For example a qualitative score outside the band the evaluator chose, a score above the
    indicator's 分值, or an indicator key that matches no indicator.
    """

    code = "EVL001"

    def __init__(self, reason: str, *, indicator: str | None = None) -> None:
        super().__init__(f"“{indicator}”：{reason}" if indicator else reason)
        self.reason = reason
        self.indicator = indicator


class EntryRefused(EvaluationError):
    """An entered value the indicator or the table cannot have, refused before it is stored:
    text for a numeric target, a share rate above 100%, a score outside [0, 分值] or outside
    its band, an 执行数 far above the budget. Well-formed, but in conflict with the table."""

    code = "EVL002"


# The web application's requests (jixiao.web maps these to HTTP status codes, once).
#
#  JixiaoError
#   ├── InvalidRequest          a value a user sent is not acceptable (bad role, short password)
#   │    ├── StaleRevision      an edit based on a revision that is no longer the current one
#   │    └── InvalidTransition  a review-workflow step the table's state does not allow (409)
#   ├── NotAuthenticated        no valid session, token, or a wrong name or password
#   ├── TooManyAttempts         sign-in locked after too many failures (429, Retry-After)
#   └── PermissionDenied        signed in, but the role (or, for uploads, the department)
#                               does not allow it; tables of other departments are NotFound


class InvalidRequest(JixiaoError):
    """A value sent by a user cannot be accepted; the message says which and why."""

    code = "REQ001"


class StaleRevision(InvalidRequest):
    """Someone saved the table since the edit began: the edit is refused, not merged."""

    code = "REQ002"

    def __init__(self, table: str, based_on: int, current: int) -> None:
        super().__init__(
            f"{table} 已被他人修改（您编辑的是第 {based_on} 版，当前为第 {current} 版），"
            "本次修改未保存。请刷新页面，查看最新内容后重新修改。"
        )
        self.based_on = based_on
        self.current = current


class InvalidTransition(InvalidRequest):
    """A workflow step asked of a table in a state that does not allow it (e.g. approving a
    draft, submitting a table already submitted, editing a table under review)."""

    code = "REQ003"


class NotAuthenticated(JixiaoError):
    code = "AUT001"

    def __init__(self, message: str = "请先登录") -> None:
        super().__init__(message)


class TooManyAttempts(JixiaoError):
    """Sign-in refused without checking the password: too many failures (HTTP 429)."""

    code = "AUT004"

    def __init__(self, retry_after: int) -> None:
        self.retry_after = max(1, retry_after)
        minutes = (self.retry_after + 59) // 60
        super().__init__(f"登录失败次数过多，请 {minutes} 分钟后再试")


class PermissionDenied(JixiaoError):
    code = "AUT002"

    def __init__(self, message: str = "没有权限执行此操作") -> None:
        super().__init__(message)
