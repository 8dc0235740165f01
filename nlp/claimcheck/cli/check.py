"""`claimcheck check`: the whole job — read, extract, cross-check, report."""

from __future__ import annotations

import sys
from collections import Counter
from enum import Enum
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console

from claimcheck.cli._app import command, model_option, echo_out, guard
from claimcheck.cli._progress import progress_on_stderr
from claimcheck.errors import EXIT_FINDINGS
from claimcheck.report.render import render
from claimcheck.vocabulary import FINDING_KINDS


class CheckFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    markdown = "markdown"
    html = "html"
    claimreview = "claimreview"


class OnError(str, Enum):
    skip = "skip"
    fail = "fail"


class StoryMode(str, Enum):
    auto = "auto"
    directory = "directory"
    cluster = "cluster"
    one = "one"


def parse_fail_on(values: Optional[list[str]]) -> frozenset[str]:
    """``--fail-on conflict,typo`` (repeatable) → {"conflict", "typo"}; ``all`` is every kind; an unknown kind is a
    usage error."""
    from claimcheck.errors import UsageError

    kinds = [k.strip().lower() for v in values or () for k in v.split(",")]
    if "all" in kinds:
        kinds = [k for k in kinds if k != "all"] + list(FINDING_KINDS)
    unknown = sorted({k for k in kinds if k not in FINDING_KINDS})
    if unknown or (values is not None and not kinds):
        bad = ", ".join(repr(k) for k in unknown) or "an empty list"
        raise UsageError(f"--fail-on: unknown finding kind {bad} (choose from {', '.join(FINDING_KINDS)}, "
                         f"comma-separated, or all)")
    return frozenset(kinds)


def fail_on_option() -> Any:  # typer.Option is typed as returning Any
    """``--fail-on``, the same for every command that writes a report."""
    return typer.Option(None, "--fail-on", metavar="KINDS",
                        help="Exit with code 1 when there are findings of these kinds: conflict, typo, date "
                             "(comma-separated, or all).")


def no_text_option() -> Any:  # typer.Option is typed as returning Any
    return typer.Option(False, "--no-text", help="JSON and JSONL: leave each document's cleaned text out.")


def check_review_url(url: str | None) -> None:
    """``--review-url`` becomes a link in published JSON-LD: an absolute http(s) address, nothing else."""
    from urllib.parse import urlsplit

    from claimcheck.errors import UsageError

    if url is None:
        return
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc or any(c.isspace() for c in url):
        raise UsageError(f"--review-url: {url!r} is not an absolute http(s) address")


@command("check", epilog="""Examples:

  claimcheck check                          # the embedded demo stories

  claimcheck check articles/ --format json  # one story, JSON on stdout

  claimcheck check a.html b.txt c.jsonl -o report.json --format json

  claimcheck check articles/ -f markdown > ticket.md   # paste into a ticket

  claimcheck check articles/ -f html -o report.html --force

  claimcheck check articles/ -f claimreview --review-url https://x.org/arm

  claimcheck check articles/ --fail-on conflict,date   # CI: exit 1 on those

  claimcheck check pile/ --stories cluster  # group unrelated articles into stories

Exit codes: 0 ok, 1 --fail-on matched, 2 usage, 3 input, 4 model, 5 output.
Shell completion: claimcheck --install-completion
""")
@guard
def check_cli(
    paths: Optional[list[str]] = typer.Argument(None, help="Files, directories or '-' (stdin). None: the demo corpus."),
    fmt: CheckFormat = typer.Option(CheckFormat.table, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to FILE (atomically) instead of stdout."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing --output file."),
    fail_on: Optional[list[str]] = fail_on_option(),
    model: str = model_option(),
    on_error: OnError = typer.Option(OnError.skip, "--on-error", help="Skip unreadable documents or stop."),
    stories: StoryMode = typer.Option(
        StoryMode.auto, "--stories",
        help="How documents become stories, each checked on its own: directory (one per directory given), "
             "cluster (group a pile of articles by what they report), one (all together), auto (directory "
             "for several directories, else cluster, splitting only articles that share almost nothing)."),
    dayfirst: bool = typer.Option(False, "--dayfirst", help="Read 12/10/2021 as 12 October (UK style)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Show every claim in the table and Markdown reports."),
    title: Optional[str] = typer.Option(None, "--title", help="Title of the Markdown and HTML reports."),
    review_url: Optional[str] = typer.Option(
        None, "--review-url", metavar="BASE",
        help="ClaimReview: address where the review is published; each review's url is BASE#<finding id>."),
    review_author: str = typer.Option("claimcheck", "--review-author", help="ClaimReview: the reviewing organisation."),
    no_text: bool = no_text_option(),
) -> None:
    """Check articles about the same story against each other and report what disagrees."""
    from claimcheck.api import check

    failing_kinds = parse_fail_on(fail_on)
    check_review_url(review_url)
    with progress_on_stderr() as progress:
        report = check(paths or None, model=model, on_error=on_error.value, dayfirst=dayfirst or None,
                       progress=progress, stories=stories.value)
    options = dict(verbose=verbose, title=title, review_url=review_url, review_author=review_author, text=not no_text)
    emit(report, fmt, output=output, force=force, failing_kinds=failing_kinds, **options)


def emit(report, fmt: "CheckFormat", *, output: Optional[Path], force: bool, failing_kinds, **options) -> None:
    """The tail of every command that writes a report (check, crosscheck): the report to ``output`` (atomic)
    or standard output (a full disk or closed stream is exit 5), then the ``--fail-on`` verdict (exit 1)."""
    from claimcheck.report.output import write_atomic

    if output is not None:
        write_atomic(output, render(report, fmt.value, **options), force=force)
    elif fmt is CheckFormat.table:
        from claimcheck.report.table import render_table

        try:
            render_table(report, Console(), verbose=options.get("verbose", False))
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            from claimcheck.cli._app import _stdout_to_devnull
            from claimcheck.errors import OutputError

            _stdout_to_devnull()
            raise OutputError(f"standard output: cannot write ({exc.strerror or exc})") from None
    else:
        echo_out(render(report, fmt.value, **options), nl=False)
    failing = [f for f in report.findings if f.kind in failing_kinds]
    if failing:
        counts = Counter(f.kind for f in failing)
        typer.echo("failing (--fail-on): " + ", ".join(f"{counts[k]} {k} finding{'s' if counts[k] != 1 else ''}"
                                                        for k in FINDING_KINDS if counts[k]), err=True)
        raise typer.Exit(EXIT_FINDINGS)
