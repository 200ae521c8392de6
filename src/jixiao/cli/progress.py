"""Progress bars on stderr: the pages of a long document (a scan being recognised).

Rich's progress bars load with the first bar shown: reading a text PDF or a workbook shows
none, and ``jixiao parse`` of one does not load them.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from rich.console import Console

from jixiao.services import reporting_progress

if TYPE_CHECKING:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn


def page_columns() -> tuple[TextColumn, BarColumn, MofNCompleteColumn, TextColumn]:
    from rich.progress import BarColumn, MofNCompleteColumn, TextColumn

    return (
        TextColumn("{task.fields[verb]}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
    )


@contextmanager
def page_progress(err: Console, progress: Progress | None = None) -> Iterator[None]:
    """Show a bar for every document that reports its pages (a scan of two pages or more)
    while the block reads documents; on ``progress`` when one is already shown (``import``'s
    bar of files), else on a bar of its own, made for the first such document, that
    disappears when done."""
    own: Progress | None = None
    tasks: dict[str, TaskID] = {}

    def advance(file: str, done: int, total: int) -> None:
        nonlocal own
        if total < 2:
            return
        bar = progress
        if bar is None:
            if own is None:
                from rich.progress import Progress

                own = Progress(*page_columns(), console=err, transient=True)
                own.start()
            bar = own
        if file not in tasks:
            tasks[file] = bar.add_task(f"{Path(file).name} 第…页", total=total, verb="识别")
        bar.update(tasks[file], completed=done, description=f"{Path(file).name} 第{done}页")
        if done == total and progress is not None:
            bar.remove_task(tasks[file])

    try:
        with reporting_progress(advance):
            yield
    finally:
        if own is not None:
            own.stop()
