"""`claimcheck crosscheck`: cross-check an annotated corpus; the findings and formats of `check`."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from claimcheck.cli._app import command, guard
from claimcheck.cli.check import CheckFormat, emit, fail_on_option, no_text_option, parse_fail_on


class Scope(str, Enum):
    auto = "auto"
    story = "story"
    corpus = "corpus"


@command("crosscheck", epilog="""Examples:

  claimcheck crosscheck annotated/                       # findings in the terminal

  claimcheck crosscheck annotated/ -f json -o findings.json

  claimcheck crosscheck annotated/ --scope corpus        # every outlet against every other

Exit codes: 0 ok, 1 --fail-on matched, 2 usage, 3 not an annotate output, 5 output.
""")
@guard
def crosscheck_cli(
    outdir: Path = typer.Argument(..., metavar="OUTDIR", help="The output directory of `claimcheck annotate`."),
    scope: Scope = typer.Option(Scope.auto, "--scope",
                                help="story: each story as `check` does; corpus: all claims at once; auto: story "
                                     "when every story is small enough."),
    fmt: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE (atomically) instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing --output file."),
    fail_on: Optional[list[str]] = fail_on_option(),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show every claim in the table and Markdown reports."),
    title: Optional[str] = typer.Option(None, "--title", help="Title of the Markdown and HTML reports."),
    review_url: Optional[str] = typer.Option(None, "--review-url", metavar="BASE",
                                             help="ClaimReview: address where the review is published."),
    review_author: str = typer.Option("claimcheck", "--review-author", help="ClaimReview: the reviewing organisation."),
    no_text: bool = no_text_option(),
) -> None:
    """Cross-check the claims of an annotated corpus and report what disagrees."""
    from claimcheck.batch.corpus_check import crosscheck_outdir
    failing_kinds = parse_fail_on(fail_on)
    report = crosscheck_outdir(outdir, scope=scope.value, note=lambda m: typer.echo(m, err=True))
    options = dict(verbose=verbose, title=title, review_url=review_url, review_author=review_author, text=not no_text)
    emit(report, fmt, output=output, force=force, failing_kinds=failing_kinds, **options)
