"""Progress on stderr for long runs; stdout stays clean for JSON."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn, TimeRemainingColumn
from rich.text import Text

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


class _RateColumn(ProgressColumn):
    """Documents per second, from rich's recent-speed estimate."""

    def render(self, task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.1f} docs/s" if speed else "… docs/s", style="progress.data.speed")


@contextmanager
def annotate_progress(enabled: bool = True) -> Iterator[Callable[[int, int | None], None]]:
    """A bar for ``annotate``: documents done (of the input's estimate), documents/s and ETA, on stderr.

    Off when stderr is not a terminal or ``enabled`` is False.
    """
    console = Console(stderr=True)
    if not enabled or not console.is_terminal:
        yield lambda done, total: None
        return
    with Progress(TextColumn("annotating"), BarColumn(), MofNCompleteColumn(), _RateColumn(), TimeRemainingColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("annotate", total=None)

        def update(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=max(total, done) if total else None)

        yield update
