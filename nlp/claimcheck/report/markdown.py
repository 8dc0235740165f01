"""The Markdown report: for pasting into tickets, pull requests and newsletters.

Layout: a title and a summary line; the findings, most severe and most confident
first (grouped per story when document ids carry a ``story/`` prefix), each with a
small table of what every source wrote (source | value as written | evidence sentence
with the figure in **bold**); then the claims table and the sources.

Everything that comes from an article (titles, sources, ids, values, sentences,
messages that quote them) goes through :func:`escape_markdown`, so a hostile page
cannot inject links, images, HTML or emphasis, nor break a table.
"""

from __future__ import annotations

import re
from typing import Iterable, Optional

from claimcheck.ingest.segment import sentence_with
from claimcheck.report.stories import finding_story, short_id, story_lines, story_of, timeline_line
from claimcheck.schema import Claim, Document, Finding, Report
from claimcheck.vocabulary import SEVERITY, attribute_name

#: most severe first (SEVERITY); ties broken by verdict, then confidence
VERDICT_ORDER = {"Refuted": 0, "Conflicting Evidence/Cherrypicking": 1, "Not Enough Evidence": 2, "Supported": 3}
KIND_LABEL = {"conflict": "Conflict", "date": "Date", "typo": "Typo"}

# Characters with a meaning in CommonMark/GFM (emphasis, code, links, images, HTML,
# tables, strikethrough, headings, GitHub's $math$) or that start an escape.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#$])")
_BLOCK_START = re.compile(r"^(?:[-+=]|\d{1,9}[.)])")


def escape_markdown(text: object) -> str:
    """``text`` as inert Markdown on one line: specials backslash-escaped, whitespace collapsed.

    Safe inside paragraphs, headings and table cells (``|`` is escaped, newlines are
    folded), and never starts a block of its own (list item, setext underline).
    """
    escaped = _SPECIAL.sub(r"\\\1", " ".join(str(text).split()))
    m = _BLOCK_START.match(escaped)
    if m:
        escaped = escaped[: m.end() - 1] + "\\" + escaped[m.end() - 1:]
    return escaped


def order_findings(report: Report) -> list[tuple[str, list[Finding]]]:
    """Findings per story (stories in document order), most severe and confident first."""
    story_rank: dict[str, int] = {}
    for d in report.documents:
        story_rank.setdefault(story_of(d.id), len(story_rank))
    groups: dict[str, list[Finding]] = {}
    for f in report.findings:
        groups.setdefault(finding_story(f), []).append(f)
    ordered = sorted(groups, key=lambda s: (story_rank.get(s, len(story_rank)), s))
    return [(s, sorted(groups[s], key=severity_key)) for s in ordered]


def severity_key(f: Finding) -> tuple:
    return (SEVERITY.get(f.kind, 9), VERDICT_ORDER.get(f.verdict, 9), -f.confidence)


def split_claims(finding: Finding, claims: dict[str, Claim]) -> tuple[list[Claim], list[Claim]]:
    """The finding's claims as (disputed, the rest): the disputed ones are those of the first
    document(s) of the finding that never meet the suggested (consensus) figure."""
    from claimcheck.crosscheck import overlaps

    involved = [claims[c] for c in finding.claims if c in claims]
    if not involved:
        return [], []
    lead = finding.docs[0] if finding.docs else involved[0].doc
    candidates = [c for c in involved if c.doc != lead and c.text == finding.suggestion] or \
        [c for c in involved if c.doc != lead]
    if not candidates:
        return involved, []
    consensus = candidates[0]
    agreeing_docs = {c.doc for c in involved if overlaps(c, consensus)}
    disputed = [c for c in involved if c.doc not in agreeing_docs]
    if not disputed:
        disputed = [c for c in involved if c.doc == lead]
    rest = [c for c in involved if c not in disputed]
    return disputed, rest


def bold_figure(sentence: str, figure: str, offset: Optional[int] = None) -> str:
    """The evidence sentence, escaped, with ``figure`` (as written) in bold.

    ``offset`` (the figure's position in the sentence, when known) picks among repeats.
    The bold span grows to whole words (``US$5bn`` for ``$5bn``) so that the emphasis is valid.
    """
    sentence = " ".join(sentence.split())
    figure = " ".join(figure.split())
    if not figure:
        return escape_markdown(sentence)
    hits = [m.start() for m in re.finditer(re.escape(figure), sentence)]
    if not hits:
        return escape_markdown(sentence)
    start = min(hits, key=lambda h: abs(h - offset)) if offset is not None else hits[0]
    end = start + len(figure)
    while start > 0 and sentence[start - 1].isalnum():
        start -= 1
    while end < len(sentence) and sentence[end].isalnum():
        end += 1
    before, bold, after = sentence[:start], sentence[start:end], sentence[end:]
    out = escape_markdown(before)
    out += (" " if before[-1:].isspace() else "") + "**" + _SPECIAL.sub(r"\\\1", bold) + "**"
    return out + (" " if after[:1].isspace() else "") + _SPECIAL.sub(r"\\\1", " ".join(after.split()))


def _sentence_offset(claim: Claim, doc: Optional[Document]) -> Optional[int]:
    if doc is None or not doc.text or not claim.sentence:
        return None
    head = claim.sentence[:40]
    pos = doc.text.rfind(head, 0, claim.start + 1)
    return claim.start - pos if pos >= 0 else None


def source_label(doc: Optional[Document], doc_id: str) -> str:
    name = doc.source if doc is not None and doc.source else None
    return (f"{escape_markdown(name)} ({escape_markdown(short_id(doc_id))})" if name
            else escape_markdown(short_id(doc_id)))


def _table(header: Iterable[str], rows: list[list[str]]) -> list[str]:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return lines


def evidence_rows(finding: Finding, docs: dict[str, Document], claims: dict[str, Claim]) -> list[list[str]]:
    """source | value as written | evidence sentence, disputed sources first."""
    disputed, rest = split_claims(finding, claims)
    rows = []
    for claim in disputed + rest:
        doc = docs.get(claim.doc)
        value = escape_markdown(claim.text) + (" *(disputed)*" if claim in disputed and rest else "")
        sentence = bold_figure(claim.sentence, claim.text, _sentence_offset(claim, doc)) if claim.sentence else ""
        rows.append([source_label(doc, claim.doc), value, sentence])
    if rows:
        return rows
    for doc_id in finding.docs:  # typos and publication dates: no claims, quote the page itself
        doc = docs.get(doc_id)
        if finding.attribute == "published" and doc is not None:
            rows.append([source_label(doc, doc_id), escape_markdown(finding.found or doc.published or ""),
                         escape_markdown(doc.title or "")])
        elif finding.found and doc is not None and doc.text:
            found_in = sentence_with(doc.text, finding.found)
            if found_in:
                rows.append([source_label(doc, doc_id), escape_markdown(finding.found),
                             bold_figure(found_in, finding.found)])
    return rows


def _summary(report: Report) -> str:
    from claimcheck.report.table import summary_line

    return summary_line(report)


def _value(claim: Claim) -> str:
    from claimcheck.report.stories import format_value

    return format_value(claim.value, claim.unit, claim.qualifier)


def render_markdown(report: Report, *, title: str = "claimcheck report", min_confidence: float = 0.0) -> str:
    """The report as GitHub-flavoured Markdown (CommonMark + tables).

    ``min_confidence`` leaves low-confidence claims out of the claims table (the
    findings are always complete).
    """
    docs = {d.id: d for d in report.documents}
    claims = {c.id: c for c in report.claims}
    out = [f"# {escape_markdown(title)}", "", f"**{escape_markdown(_summary(report))}**", ""]
    lines = story_lines(report)
    if lines:
        out += ["## Stories", "", "Each story was checked on its own.", ""] + [f"- {escape_markdown(x)}" for x in lines]
        out += [""]

    out += ["## Findings", ""]
    if not report.findings:
        from claimcheck.report.table import no_findings_note

        out += [escape_markdown(no_findings_note(report)), ""]
    stories = order_findings(report)
    level = "####" if any(story for story, _ in stories) else "###"
    for story, findings in stories:
        if story:
            out += [f"### {escape_markdown(story)}", ""]
        for n, f in enumerate(findings, 1):
            what = " ".join(x for x in (f.subject, attribute_name(f.attribute)) if x)
            out += [f"{level} {n}. {KIND_LABEL.get(f.kind, f.kind)}" + (f": {escape_markdown(what)}" if what else "")
                    + f" — {escape_markdown(f.verdict)}", ""]
            out += [escape_markdown(f.message), ""]
            facts = [f"confidence {f.confidence:.2f}", f"id {escape_markdown(f.id)}"]
            if f.found:
                facts.insert(0, f"found *{escape_markdown(f.found)}*")
            if f.suggestion:
                facts.insert(1, f"suggested *{escape_markdown(f.suggestion)}*")
            out += [" · ".join(facts), ""]
            rows = evidence_rows(f, docs, claims)
            if rows:
                out += _table(("source", "value as written", "evidence"), rows) + [""]

    if report.timelines:
        out += ["## Timelines", "", "Figures of one subject at different moments: a sequence, not a conflict.", ""]
        out += [f"- {escape_markdown(timeline_line(t))}" for t in report.timelines] + [""]

    if report.single_source:
        out += ["## Single-source figures", "",
                f"{len(report.single_source)} figure{'s' if len(report.single_source) != 1 else ''} stated by one "
                "source only — Not Enough Evidence to confirm or refute.", ""]
        out += _table(("source", "subject", "attribute", "as written"), [
            [escape_markdown(s.docs[0] if s.docs else ""), escape_markdown(s.subject),
             escape_markdown(attribute_name(s.attribute) + (f" ({s.period})" if s.period else "")
                             + (f", {s.scope}" if s.scope else "")),
             escape_markdown(", ".join(claims[c].text for c in s.claims if c in claims))]
            for s in report.single_source]) + [""]

    shown = [c for c in report.claims if c.confidence >= min_confidence]
    left_out = len(report.claims) - len(shown)
    out += ["## Claims", ""]
    if left_out:
        out += [f"Claims with confidence ≥ {min_confidence:g}; {left_out} lower-confidence "
                f"claim{'s' if left_out != 1 else ''} left out.", ""]
    if shown:
        out += _table(("doc", "subject", "attribute", "value", "as written", "period", "as of", "conf."), [
            [escape_markdown(c.doc), escape_markdown(c.subject), escape_markdown(c.attribute),
             escape_markdown(_value(c)), escape_markdown(c.text), escape_markdown(c.period or ""),
             escape_markdown(c.as_of or ""), f"{c.confidence:.2f}"] for c in shown]) + [""]
    else:
        out += ["No claims.", ""]

    if report.documents:
        out += ["## Sources", ""]
        copies = any(d.copy_of for d in report.documents)  # a copy counts as one source with its original
        out += _table(("doc", "source", "published", "title") + (("copy of",) if copies else ()), [
            [escape_markdown(d.id), escape_markdown(d.source or ""), escape_markdown(d.published or ""),
             escape_markdown(d.title or "")] + ([escape_markdown(d.copy_of or "")] if copies else [])
            for d in report.documents]) + [""]
    if report.warnings:
        out += ["## Warnings", ""] + [f"- {escape_markdown(w)}" for w in report.warnings] + [""]
    return "\n".join(out).rstrip("\n") + "\n"

