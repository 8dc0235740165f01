"""The terminal report (rich): a summary line, findings first, the claims with ``--verbose``.

Each finding shows what disagrees side by side per source: the value as written
and the evidence sentence with the figure highlighted. Rich wraps to the
terminal width and honours ``NO_COLOR`` (highlights then fall back to bold).
"""

from __future__ import annotations

from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from claimcheck.report.stories import finding_story, format_value, plural, short_id, story_lines, timeline_line
from claimcheck.schema import Claim, Finding, Report
from claimcheck.vocabulary import SEVERITY, attribute_name

KIND_STYLE = {"conflict": "bold red", "date": "bold yellow", "typo": "bold magenta"}
EVIDENCE_CHARS = 220


def summary_line(report: Report) -> str:
    kinds = Counter(f.kind for f in report.findings)
    parts = ", ".join(f"{kinds[k]} {k}{'s' if kinds[k] != 1 else ''}" for k in ("conflict", "date", "typo") if kinds[k])

    return (f"{plural(len(report.documents), 'document')}, {plural(len(report.claims), 'claim')}, "
            f"{plural(len(report.findings), 'finding')}" + (f" ({parts})" if parts else ""))


def no_findings_note(report: Report) -> str:
    """What to say when nothing disagrees: one article cannot disagree with anything."""
    if len(report.documents) == 1:
        return "Cross-checking needs at least two sources; one document was read, so nothing could be compared."
    return "No disagreements found."


def evidence(claim: Claim, limit: int = EVIDENCE_CHARS) -> Text:
    """The claim's sentence with the figure highlighted, shortened around it when long."""
    sentence = claim.sentence or claim.text
    at = sentence.find(claim.text)
    if at < 0:
        return Text(sentence[:limit])
    start = max(0, min(at - limit // 2, len(sentence) - limit))
    end = min(len(sentence), start + limit)
    text = Text(("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else ""))
    offset = at - start + (1 if start else 0)
    text.stylize("bold reverse", offset, offset + len(claim.text))
    return text


def _finding_block(f: Finding, claims: dict[str, Claim], console: Console) -> None:
    head = Text()
    head.append(f.kind, style=KIND_STYLE.get(f.kind, "bold"))
    head.append(f" · {f.verdict} · confidence {f.confidence:.2f}")
    if f.subject or f.attribute:
        attribute = attribute_name(f.attribute)
        head.append(" — " + " ".join(x for x in (f.subject, attribute) if x), style="bold")
    console.print(head)
    console.print(Padding(Text(f.message), (0, 0, 0, 2)))
    involved = [claims[c] for c in f.claims if c in claims]
    if involved:
        table = Table(show_header=True, header_style="bold", box=None, padding=(0, 1), pad_edge=True)
        table.add_column("source", no_wrap=True)
        table.add_column("says", no_wrap=True)
        table.add_column("evidence", ratio=1)
        outliers = set(f.docs[:1]) if f.kind in ("conflict", "date") else set()
        for c in involved:
            style = "red" if c.doc in outliers else ""
            table.add_row(Text(short_id(c.doc), style=style), Text(c.text, style=style), evidence(c))
        console.print(table)
    elif f.found and f.suggestion:
        console.print(Text(f"  {', '.join(short_id(d) for d in f.docs)}: '{f.found}' → '{f.suggestion}'"))
    if not involved and f.evidence:  # typo and weekday findings: where the words stand
        table = Table(show_header=False, box=None, padding=(0, 1), pad_edge=True)
        table.add_column("source", no_wrap=True)
        table.add_column("evidence", ratio=1)
        for e in f.evidence[:4]:
            sentence = Text(e.sentence or e.text)
            at = (e.sentence or "").find(e.text)
            if at >= 0:
                sentence.stylize("bold reverse", at, at + len(e.text))
            table.add_row(Text(short_id(e.doc)), sentence)
        console.print(table)
    console.print()


def _by_story(findings: list[Finding]) -> list[tuple[str, list[Finding]]]:
    """Findings grouped by the story prefix of their documents ("arm-ipo-2023/blog"), in order."""
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(finding_story(f), []).append(f)
    return list(groups.items())


def render_table(report: Report, console: Console, *, verbose: bool = False) -> None:
    console.print(Text(summary_line(report), style="bold"))
    lines = story_lines(report)
    if lines:
        console.print(Text(f"{plural(len(lines), 'story', 'stories')}, each checked on its own:", style="dim"))
        for line in lines:
            console.print(Text(f"  {line}", style="dim"))
    console.print()
    claims = {c.id: c for c in report.claims}
    findings = sorted(report.findings, key=lambda f: (SEVERITY.get(f.kind, 9), -f.confidence))
    if not findings:
        console.print(no_findings_note(report))
    for story, group in _by_story(findings):
        if story:
            console.rule(Text(story, style="bold"), align="left")
        for f in group:
            _finding_block(f, claims, console)
    if report.timelines:  # figures at different moments: read in order, never a conflict
        console.print(Text(f"{plural(len(report.timelines), 'timeline')} (figures at different moments, "
                           "not conflicts):", style="bold"))
        for t in report.timelines:
            console.print(Text(f"  {timeline_line(t)}"))
    for d in report.documents:  # independent voices: a copy's figures that repeat its original's count once
        if d.copy_of:
            console.print(Text(f"{d.id} is a copy of {d.copy_of}: counted as one source with it.", style="dim"))
    if verbose and report.claims:
        table = Table(title="Claims")
        for col in ("doc", "subject", "attribute", "value", "as written", "period", "as of", "conf."):
            table.add_column(col, overflow="fold")  # a narrow terminal wraps a value, never cuts it
        for c in report.claims:
            table.add_row(escape(c.doc), escape(c.subject), c.attribute,
                          escape(format_value(c.value, c.unit, c.qualifier, compact=True)),
                          escape(c.text), escape(c.period or ""), escape(c.as_of or ""), f"{c.confidence:.2f}")
        console.print(table)
    elif report.claims:
        console.print(Text(f"{plural(len(report.claims), 'claim')} extracted; --verbose lists them.", style="dim"))
    if verbose and report.single_source:
        table = Table(title="Single-source figures (Not Enough Evidence)")
        for col in ("source", "subject", "attribute", "as written"):
            table.add_column(col)
        texts = {c.id: c.text for c in report.claims}
        for s in report.single_source:
            table.add_row(escape(short_id(s.docs[0]) if s.docs else ""), escape(s.subject),
                          escape(attribute_name(s.attribute)
                                 + (f" ({s.period})" if s.period else "")),
                          escape(", ".join(texts.get(c, "") for c in s.claims)))
        console.print(table)
    elif report.single_source:
        console.print(Text(f"{plural(len(report.single_source), 'figure')} stated by one source only "
                           "(Not Enough Evidence); --verbose lists them.", style="dim"))
