"""One report in any of its formats, as the text that goes to standard output or a file (``claimcheck check``
and ``crosscheck`` write through this; notebooks and scripts may call it too)."""

from __future__ import annotations

import io

from claimcheck.errors import UsageError
from claimcheck.schema import Report

FORMATS = ("table", "json", "jsonl", "markdown", "html", "claimreview")
#: the terminal and Markdown claims tables leave out claims below this confidence unless verbose
CLAIMS_TABLE_MIN_CONFIDENCE = 0.6


def render(report: Report, fmt: str = "table", *, verbose: bool = False, width: int | None = None,
           title: str | None = None, review_url: str | None = None, review_author: str = "claimcheck",
           text: bool = True) -> str:
    """``report`` in format ``fmt`` (one of :data:`FORMATS`) as text. ``verbose``: every claim in the table and
    Markdown claims tables; ``width``: the table's width (default 120); ``title``: of the Markdown and HTML
    reports; ``review_url``/``review_author``: ClaimReview's; ``text=False`` leaves the documents' cleaned text
    out of JSON and JSONL."""
    if fmt == "json":
        from claimcheck.report.jsonfmt import report_json

        return report_json(report, text=text)
    if fmt == "jsonl":
        from claimcheck.report.jsonfmt import report_jsonl

        return report_jsonl(report, text=text)
    if fmt == "markdown":
        from claimcheck.report.markdown import render_markdown

        return render_markdown(report, **({"title": title} if title else {}),
                               min_confidence=0.0 if verbose else CLAIMS_TABLE_MIN_CONFIDENCE)
    if fmt == "html":
        from claimcheck.report.html import render_html

        return render_html(report, title=title)
    if fmt == "claimreview":
        from claimcheck.report.claimreview import render_claimreview

        return render_claimreview(report, url=review_url, author=review_author)
    if fmt != "table":
        raise UsageError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")
    from rich.console import Console

    from claimcheck.report.table import render_table

    console = Console(record=True, width=width or 120, file=io.StringIO())
    render_table(report, console, verbose=verbose)
    return console.export_text()
