"""The exceptions jixiao raises when it cannot go on.

Problems *in* a user's document are findings (:class:`jixiao.model.Finding`), not exceptions.
Exceptions are for a document or a request that cannot be processed at all::

    JixiaoError
     └── IngestError            a file could not be read into tables
          ├── UnreadableFile    missing, unreadable, binary or undecodable
          ├── UnsupportedFormat a format jixiao does not read (yet)
          └── NoTableFound      read fine, but holds no target table
     └── ConfigError            a configuration file or option is wrong

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


class UnsupportedFormat(IngestError):
    code = "ING002"


class NoTableFound(IngestError):
    code = "ING003"

    def __init__(self, file: str) -> None:
        super().__init__(
            file, "未找到绩效目标表（需要“项目名称”或“一级指标/二级指标/三级指标”表头）"
        )


class ConfigError(JixiaoError):
    """A configuration file (jixiao.toml, [tool.jixiao]) or option is invalid."""

    code = "CFG001"

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}：{reason}")
        self.source = source
        self.reason = reason
