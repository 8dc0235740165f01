"""The terminal report (rich): summary, findings first, then the claims."""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from claimcheck.schema import Report

KIND_STYLE = {"conflict": "bold red", "date": "bold yellow", "typo": "bold magenta"}


def summary_line(report: Report) -> str:
    kinds = Counter(f.kind for f in report.findings)
    parts = ", ".join(f"{kinds[k]} {k}{'s' if kinds[k] != 1 else ''}" for k in ("conflict", "date", "typo") if kinds[k])
    return (f"{len(report.documents)} documents, {len(report.claims)} claims, "
            f"{len(report.findings)} findings" + (f" ({parts})" if parts else ""))


def render_table(report: Report, console: Console, *, verbose: bool = False) -> None:
    console.print(Text(summary_line(report), style="bold"))
    if report.findings:
        for story, findings in _by_story(report.findings):
            table = Table(title=f"Findings — {story}" if story else "Findings", show_lines=True, expand=False)
            table.add_column("kind", no_wrap=True)
            table.add_column("verdict", max_width=14)
            table.add_column("finding", ratio=1)
            table.add_column("conf.", justify="right", no_wrap=True)
            for f in findings:
                table.add_row(Text(f.kind, style=KIND_STYLE.get(f.kind, "")), escape(f.verdict), escape(f.message),
                              f"{f.confidence:.2f}")
            console.print(table)
    else:
        console.print("No disagreements found.")
    claims = report.claims if verbose else [c for c in report.claims if c.confidence >= 0.6]
    if claims:
        table = Table(title="Claims" + ("" if verbose else " (confidence ≥ 0.6; --verbose for all)"))
        for col in ("doc", "subject", "attribute", "value", "as written", "period"):
            table.add_column(col)
        for c in claims:
            table.add_row(escape(c.doc), escape(c.subject), c.attribute, escape(format_value(c.value, c.unit)),
                          escape(c.text), escape(c.period or ""))
        console.print(table)


def _by_story(findings):
    """Findings grouped by the story prefix of their documents ("arm-ipo-2023/blog"), in order."""
    groups: dict[str, list] = {}
    for f in findings:
        story = f.docs[0].split("/", 1)[0] if f.docs and "/" in f.docs[0] else ""
        groups.setdefault(story, []).append(f)
    return list(groups.items())


def format_value(value, unit: str | None) -> str:
    """7500000000 USD → '7,500,000,000 USD'; 1 percent → '1%'; counts and dates bare."""
    if isinstance(value, (int, float)):
        number = f"{value:,}"
        if unit == "percent":
            return f"{number}%"
        if unit in (None, "count"):
            return number
        return f"{number} {unit}"
    return str(value)
