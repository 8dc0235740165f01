"""Arrow schemas of the annotate tables, and conversions between rows and the data model.

Three tables, one row per document, mention and claim:

``documents``
    ``id``, ``story`` (the first-level sub-directory of a directory input, or a record's ``story`` field;
    null otherwise), ``path``, ``title``, ``published`` (date), ``source``, ``chars`` and ``words`` of the
    cleaned text, ``text`` (the cleaned text: every offset points into it) and ``names`` (the document's
    proper-name word forms with their counts and neighbouring words, what typo detection compares across
    sources).
``mentions``
    ``doc`` and every field of :class:`claimcheck.schema.Mention`.
``claims``
    every field of :class:`claimcheck.schema.Claim` (``subject`` is canonical within its document;
    ``claimcheck crosscheck`` resolves subjects across documents from ``subject_text``).

Values follow ``Report.to_pandas()``: ``value`` / ``low`` / ``high`` are float64 for numbers and null
otherwise; a date value (an ISO string) is in ``date`` / ``date_low`` / ``date_high`` instead. Reading a row
back gives integral numbers as ``int``.
"""

from __future__ import annotations

import math
from collections import Counter
from datetime import date
from typing import Any, Iterable

import pyarrow as pa

from claimcheck.schema import Claim, Document, Mention

_STR, _F64, _I64 = pa.string(), pa.float64(), pa.int64()
NAME_TYPE = pa.struct([("form", _STR), ("count", _I64), ("near", pa.list_(_STR))])

DOCUMENTS = pa.schema([
    ("id", _STR), ("story", _STR), ("path", _STR), ("title", _STR), ("published", pa.date32()),
    ("source", _STR), ("url", _STR), ("chars", _I64), ("words", _I64), ("text", _STR), ("names", pa.list_(NAME_TYPE)),
    ("republished_from", _STR),
])
_VALUE_FIELDS = [("value", _F64), ("unit", _STR), ("qualifier", _STR), ("low", _F64), ("high", _F64)]
_DATE_FIELDS = [("date", _STR), ("date_low", _STR), ("date_high", _STR)]
MENTIONS = pa.schema([("doc", _STR), ("label", _STR), ("text", _STR), ("start", _I64), ("end", _I64)]
                     + _VALUE_FIELDS + _DATE_FIELDS)
CLAIMS = pa.schema([("id", _STR), ("doc", _STR), ("subject", _STR), ("subject_text", _STR), ("attribute", _STR)]
                   + _VALUE_FIELDS + [("period", _STR), ("scope", _STR), ("as_of", _STR), ("text", _STR),
                                      ("start", _I64), ("end", _I64), ("sentence", _STR), ("confidence", _F64)]
                   + _DATE_FIELDS)
SCHEMAS = {"documents": DOCUMENTS, "mentions": MENTIONS, "claims": CLAIMS}
TABLES = tuple(SCHEMAS)

# pipeline outputs are keyed by document; the same names, for the packed (per-batch) results
_DATE_OF = {"value": "date", "low": "date_low", "high": "date_high"}


def _split_value(row: dict, item: Any) -> None:
    """value/low/high → float64 columns, with ISO date strings moved to date/date_low/date_high."""
    for field, date_field in _DATE_OF.items():
        v = getattr(item, field)
        is_number = isinstance(v, (int, float)) and not isinstance(v, bool)
        row[field] = float(v) if is_number else None
        row[date_field] = v if isinstance(v, str) else None


def _join_value(row: dict) -> dict:
    """The inverse of :func:`_split_value`: one ``value`` (number or ISO string) per field."""
    out = {k: v for k, v in row.items() if k not in _DATE_OF.values()}
    for field, date_field in _DATE_OF.items():
        v = row.get(field)
        if v is None or (isinstance(v, float) and math.isnan(v)):
            out[field] = row.get(date_field)
        else:
            out[field] = int(v) if float(v).is_integer() and abs(v) < 2**63 else v
    return out


def document_row(doc: Document, story: str | None, names: dict, contexts: dict) -> dict:
    return {
        "id": doc.id, "story": story, "path": doc.path, "title": doc.title, "published": doc.published,
        "source": doc.source, "url": doc.url, "chars": len(doc.text), "words": len(doc.text.split()), "text": doc.text,
        "names": [{"form": form, "count": int(names[form]), "near": sorted(contexts.get(form, ()))}
                  for form in sorted(names)],
        "republished_from": doc.republished_from,
    }


def mention_row(doc_id: str, m: Mention) -> dict:
    row = {"doc": doc_id, "label": m.label, "text": m.text, "start": m.start, "end": m.end, "unit": m.unit,
           "qualifier": m.qualifier}
    _split_value(row, m)
    return row


def claim_row(c: Claim) -> dict:
    row = c.model_dump(mode="python")
    _split_value(row, c)
    return row


def to_table(rows: list[dict], name: str) -> pa.Table:
    """Rows as a table with the fixed schema of table ``name`` (also when there are none)."""
    schema = SCHEMAS[name]
    return pa.Table.from_pylist(rows, schema=schema) if rows else schema.empty_table()


def claims_from_rows(rows: Iterable[dict]) -> list[Claim]:
    return [Claim(**_join_value(r)) for r in rows]


def _values(numbers: list, dates: list) -> list:
    return [d if v is None or v != v else (int(v) if v.is_integer() and abs(v) < 2**63 else v)
            for v, d in zip(numbers, dates)]


def claims_from_table(table: pa.Table) -> list[Claim]:
    """A claims table as Claim objects, column by column (what the corpus cross-check does per slice)."""
    cols = {name: table.column(name).to_pylist() for name in CLAIMS.names if name not in _DATE_OF.values()}
    for field, date_field in _DATE_OF.items():
        cols[field] = _values(cols[field], table.column(date_field).to_pylist())
    names = list(cols)
    return [Claim(**dict(zip(names, row))) for row in zip(*cols.values())]


def mentions_from_rows(rows: Iterable[dict]) -> list[Mention]:
    return [Mention(**{k: v for k, v in _join_value(r).items() if k != "doc"}) for r in rows]


def documents_from_rows(rows: Iterable[dict]) -> list[Document]:
    out = []
    for r in rows:
        published = r.get("published")
        out.append(Document(id=r["id"], path=r.get("path"), title=r.get("title"),
                            published=published if isinstance(published, date) or published is None else None,
                            source=r.get("source"), url=r.get("url"), text=r.get("text") or "",
                            republished_from=r.get("republished_from")))
    return out


def names_of(row: dict) -> tuple[Counter[str], dict[str, set[str]]]:
    """A documents row's name forms as (Counter-like counts, form → set of neighbouring words)."""
    names: Counter[str] = Counter()
    contexts: dict[str, set[str]] = {}
    for item in row.get("names") or ():
        names[item["form"]] = item["count"]
        contexts[item["form"]] = set(item["near"] or ())
    return names, contexts
