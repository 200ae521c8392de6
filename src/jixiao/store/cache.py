"""Recently read table revisions, kept in the process that read them.

A stored revision (its table, indicators and findings) is never changed once written: an
edit or an upload makes a new revision. A copy read earlier therefore stays true for as long
as the database exists, in every process reading it, and needs no invalidation. The web app
reads the same few revisions over and over (the table page, its cells, the API); keeping
them saves four queries and the rebuilding of the typed table on every request.
"""

from __future__ import annotations

from collections import OrderedDict
from threading import Lock
from typing import Final, Generic, TypeVar

SIZE: Final = 256
"""Revisions kept (least recently used dropped first); a large table is about 100 KB."""

Value = TypeVar("Value")


class RevisionCache(Generic[Value]):
    """A thread-safe LRU mapping of (table id, revision number) to what was read."""

    def __init__(self, size: int = SIZE) -> None:
        self.size = size
        self._items: OrderedDict[tuple[int, int], Value] = OrderedDict()
        self._lock = Lock()

    def get(self, table_id: int, number: int) -> Value | None:
        with self._lock:
            value = self._items.get((table_id, number))
            if value is not None:
                self._items.move_to_end((table_id, number))
            return value

    def put(self, table_id: int, number: int, value: Value) -> None:
        with self._lock:
            self._items[table_id, number] = value
            self._items.move_to_end((table_id, number))
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
