"""`claimcheck extract`: mentions and claims per document, no cross-checking."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from claimcheck.cli._app import command, model_option, echo_out, guard
from claimcheck.cli._progress import progress_on_stderr
from claimcheck.cli.check import OnError, no_text_option


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"


@command("extract")
@guard
def extract_cli(
    paths: list[str] = typer.Argument(..., help="Files, directories or '-' (stdin)."),
    fmt: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", "-f", help="jsonl: one line per document."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE (atomically)."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing --output file."),
    model: str = model_option(),
    on_error: OnError = typer.Option(OnError.skip, "--on-error", help="Skip unreadable documents or stop."),
    dayfirst: bool = typer.Option(False, "--dayfirst", help="Read 12/10/2021 as 12 October (UK style)."),
    no_text: bool = no_text_option(),
) -> None:
    """Print every money, percent, count and date mention and every claim, per document, with the document's
    metadata and the cleaned text the offsets point into."""
    from claimcheck.api import extract
    from claimcheck.report.jsonfmt import extraction_record, extractions_jsonl
    from claimcheck.report.output import write_atomic

    with progress_on_stderr() as progress:
        extractions = extract(paths, model=model, on_error=on_error.value, dayfirst=dayfirst or None,
                              progress=progress)
    if fmt is ExtractFormat.jsonl:
        text = extractions_jsonl(extractions, text=not no_text)
    else:
        text = json.dumps([extraction_record(e, text=not no_text) for e in extractions], indent=2,
                          ensure_ascii=False) + "\n"
    if output is not None:
        write_atomic(output, text, force=force)
    else:
        echo_out(text, nl=False)
