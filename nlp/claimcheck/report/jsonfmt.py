"""JSON and JSONL renderings of reports and extractions (the contract in ARCHITECTURE.md)."""

from __future__ import annotations

import json
from typing import Iterable

from claimcheck.schema import Report


#: characters that end or change a <script> block, escaped in every JSON we write: inside JSON they occur only
#: in strings, where "\u003c" means the same as "<", so parsers read the same data while an HTML parser
#: never sees "</script>" or "<!--" (ClaimReview is published inside <script type="application/ld+json">)
_HTML_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_HTML_UNSAFE_TABLE = str.maketrans(_HTML_UNSAFE)


def html_safe_json(text: str) -> str:
    """Serialised JSON with ``<``, ``>``, ``&``, U+2028 and U+2029 written as ``\\uXXXX`` escapes."""
    return text.translate(_HTML_UNSAFE_TABLE)


def report_json(report: Report, *, text: bool = True) -> str:
    """The report as one JSON object; each document carries its cleaned text unless ``text`` is false."""
    return html_safe_json(report.to_json(indent=2, text=text)) + "\n"


def report_jsonl(report: Report, *, text: bool = True) -> str:
    """One object per line: each document, claim, finding, single-source figure and timeline, tagged with its
    ``type`` (``document``, ``claim``, ``finding``, ``single_source``, ``timeline``); documents carry their text
    unless ``text`` is false."""
    lines = []
    for kind, items in (("document", report.documents), ("claim", report.claims), ("finding", report.findings),
                        ("single_source", report.single_source), ("timeline", report.timelines)):
        leave_out = {"text"} if kind == "document" and not text else None
        for item in items:
            row = {"type": kind, **item.model_dump(mode="json", exclude=leave_out)}
            lines.append(html_safe_json(json.dumps(row, ensure_ascii=False)))
    return "\n".join(lines) + ("\n" if lines else "")


def extraction_record(extraction, *, text: bool = True) -> dict:
    """One document's extraction, usable alone: its metadata (id, where it was read from — a path or the
    article's URL —, title, publication date, source), the cleaned text every offset points into (unless
    ``text`` is false), its mentions and its claims."""
    doc = extraction.doc
    record = {"doc": doc.id, "document": doc.model_dump(mode="json", exclude={"text"})}
    if text:
        record["text"] = doc.text
    record["mentions"] = [m.model_dump(mode="json") for m in extraction.mentions]
    record["claims"] = [c.model_dump(mode="json") for c in extraction.claims]
    return record


def extractions_jsonl(extractions: Iterable, *, text: bool = True) -> str:
    return "".join(html_safe_json(json.dumps(extraction_record(e, text=text), ensure_ascii=False)) + "\n"
                   for e in extractions)
