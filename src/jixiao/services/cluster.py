"""Reading on a Dask cluster (the optional extra ``jixiao[cluster]``): see docs/cluster.md.

The import stays what it is on one machine (:func:`jixiao.services.imports.import_files`):
this process hashes each file, asks the store whether it holds those bytes, and writes the
documents in order; only reading and reviewing move to the cluster, through the
:class:`concurrent.futures.Executor` a Dask client offers. The file's bytes travel with the
task, so the workers need jixiao installed (the same version), not the files.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from dataclasses import dataclass

from jixiao.errors import ConfigError

INSTALL_HINT = "需要安装可选组件：pip install 'jixiao[cluster]'（Dask distributed）"


@dataclass(frozen=True)
class Cluster:
    """A connected cluster: where to send readings, and how many it runs at once."""

    executor: Executor
    threads: int


@contextmanager
def connect_cluster(address: str) -> Iterator[Cluster]:
    """Connect to the Dask scheduler at ``address`` (``tcp://host:8786``) for the duration."""
    try:
        from distributed import Client
    except ImportError:
        raise ConfigError("--cluster", INSTALL_HINT) from None
    try:
        client = Client(address, timeout="10s")
    except OSError as error:
        raise ConfigError("--cluster", f"无法连接 Dask 调度器 {address}（{error}）") from None
    with client:
        threads = sum(client.nthreads().values())
        if threads == 0:
            raise ConfigError("--cluster", f"Dask 调度器 {address} 没有可用的 worker")
        # pure=False: every file is its own task (no hashing of the bytes into a task key)
        yield Cluster(client.get_executor(pure=False), threads)
