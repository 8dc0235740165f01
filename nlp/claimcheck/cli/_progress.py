"""Progress on stderr for long runs; stdout stays clean for JSON."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

MIN_DOCS_FOR_PROGRESS = 20


@contextmanager
def progress_on_stderr(enabled: bool = True) -> Iterator[Callable[[int, int], None]]:
    console = Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield lambda done, total: None
        return
    with Progress(TextColumn("documents"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=console, transient=True) as bar:
        task = None

        def update(done: int, total: int) -> None:
            nonlocal task
            if total < MIN_DOCS_FOR_PROGRESS:
                return
            if task is None:
                task = bar.add_task("documents", total=total)
            bar.update(task, completed=done)

        yield update
