"""Progress bars on stderr: the pages of a long document (a scan being recognised)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from jixiao.services import reporting_progress


def page_columns() -> tuple[TextColumn, BarColumn, MofNCompleteColumn, TextColumn]:
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
    bar of files), else on a bar of its own that disappears when done."""
    own = progress is None
    bar = progress or Progress(*page_columns(), console=err, transient=True)
    tasks: dict[str, TaskID] = {}

    def advance(file: str, done: int, total: int) -> None:
        if total < 2:
            return
        if file not in tasks:
            if own and not tasks:
                bar.start()
            tasks[file] = bar.add_task(f"{Path(file).name} 第…页", total=total, verb="识别")
        bar.update(tasks[file], completed=done, description=f"{Path(file).name} 第{done}页")
        if done == total and not own:
            bar.remove_task(tasks[file])

    try:
        with reporting_progress(advance):
            yield
    finally:
        if own and tasks:
            bar.stop()
