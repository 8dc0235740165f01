"""`claimcheck check`: the whole job — read, extract, cross-check, report."""

from __future__ import annotations

import io
from enum import Enum
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console

from claimcheck.cli._app import app, guard
from claimcheck.cli._progress import progress_on_stderr


class CheckFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"


class OnError(str, Enum):
    skip = "skip"
    fail = "fail"


def render(report, fmt: CheckFormat, *, verbose: bool = False, width: int | None = None) -> str:
    from claimcheck.report.jsonfmt import report_json, report_jsonl
    from claimcheck.report.table import render_table

    if fmt is CheckFormat.json:
        return report_json(report)
    if fmt is CheckFormat.jsonl:
        return report_jsonl(report)
    console = Console(record=True, width=width or 120, file=io.StringIO())
    render_table(report, console, verbose=verbose)
    return console.export_text()


@app.command("check", epilog="""Examples:

  claimcheck check                          # the embedded demo stories

  claimcheck check articles/ --format json  # one story, JSON on stdout

  claimcheck check a.html b.txt c.jsonl -o report.json --format json
""")
@guard
def check_cli(
    paths: Optional[list[str]] = typer.Argument(None, help="Files, directories or '-' (stdin). None: the demo corpus."),
    fmt: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE (atomically) instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing --output file."),
    model: str = typer.Option("default", "--model", help="Pipeline to use."),
    on_error: OnError = typer.Option(OnError.skip, "--on-error", help="Skip unreadable documents or stop."),
    dayfirst: bool = typer.Option(False, "--dayfirst", help="Read 12/10/2021 as 12 October (UK style)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show every claim in the table."),
) -> None:
    """Check articles about the same story against each other and report what disagrees."""
    from claimcheck.api import check
    from claimcheck.report.output import write_atomic

    with progress_on_stderr() as progress:
        report = check(paths or None, model=model, on_error=on_error.value, dayfirst=dayfirst or None,
                       progress=progress)
    if output is not None:
        write_atomic(output, render(report, fmt, verbose=verbose), force=force)
        return
    if fmt is CheckFormat.table:
        from claimcheck.report.table import render_table

        render_table(report, Console(), verbose=verbose)
    else:
        typer.echo(render(report, fmt), nl=False)
