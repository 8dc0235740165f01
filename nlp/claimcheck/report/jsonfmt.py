"""JSON and JSONL renderings of reports and extractions (the contract in ARCHITECTURE.md)."""

from __future__ import annotations

import json
from typing import Iterable

from claimcheck.schema import Report


def report_json(report: Report) -> str:
    return report.to_json(indent=2) + "\n"


def report_jsonl(report: Report) -> str:
    """One object per line: each document, claim, finding and single-source figure, tagged with its ``type``
    (``document``, ``claim``, ``finding``, ``single_source``)."""
    lines = []
    for kind, items in (("document", report.documents), ("claim", report.claims), ("finding", report.findings),
                        ("single_source", report.single_source)):
        for item in items:
            lines.append(json.dumps({"type": kind, **item.model_dump(mode="json")}, ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")


def extraction_record(extraction) -> dict:
    return {
        "doc": extraction.doc.id,
        "mentions": [m.model_dump(mode="json") for m in extraction.mentions],
        "claims": [c.model_dump(mode="json") for c in extraction.claims],
    }


def extractions_jsonl(extractions: Iterable) -> str:
    return "".join(json.dumps(extraction_record(e), ensure_ascii=False) + "\n" for e in extractions)
