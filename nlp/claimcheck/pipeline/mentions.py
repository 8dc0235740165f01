"""Mentions: quantity and date spans with normalised values.

``quantity_spans(doc)`` merges the number-grammar spans (money, percent) with the
statistical NER's spans; ``normalize_span`` gives a span its value, unit and
qualifier. Pure functions over a parsed ``Doc``.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Iterable

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimcheck.normalize import (
    Quantity,
    normalize_count,
    normalize_date,
    normalize_money,
    normalize_percent,
)
from claimcheck.normalize.dates import MONTHS, WEEKDAYS
from claimcheck.pipeline.quantities import find_quantities
from claimcheck.pipeline.tense import clause_tense
from claimcheck.schema import Mention

log = logging.getLogger(__name__)
_WARNED: set[tuple[str, str, str]] = set()  # normaliser failures already logged (once each per process)

# per-document context the normalisers need, carried in Doc.user_data
PUBLISHED_KEY = "claimcheck.published"
DAYFIRST_KEY = "claimcheck.dayfirst"
CURRENCY_KEY = "claimcheck.currency"
TITLE_KEY = "claimcheck.title"  # the document's title when ingest took it off the text

VALUE_LABELS = ("MONEY", "PERCENT", "CARDINAL", "QUANTITY", "DATE")
NAME_LABELS = ("ORG", "PERSON", "GPE", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")
CONTRACT_LABELS = ("ORG", "PERSON", "GPE", "NORP") + VALUE_LABELS


def merge_quantity_spans(doc: Doc) -> None:
    """Give the number grammar's money/percent spans priority over the NER's entities; a written number the
    NER left outside every entity ("sales of 5835 units") becomes a CARDINAL."""
    grammar: list[Span] = []
    for start, end, label in find_quantities(doc.text):
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and not (label == "CARDINAL" and _inside_measure(span)):
            grammar.append(span)
    taken: set[int] = set()
    for span in grammar:
        taken.update(range(span.start, span.end))
    others = [_relabel(_trim_date(e)) for e in doc.ents if not taken.intersection(range(e.start, e.end))]
    for e in others:
        taken.update(range(e.start, e.end))
    bare = [Span(doc, t.i, t.i + 1, label="CARDINAL") for t in doc if t.i not in taken and _is_bare_number(t)]
    doc.ents = filter_spans(grammar + others + bare)


def _inside_measure(span: Span) -> bool:
    """A grammar count the NER saw as money or a quantity with a unit ("183 mln crowns", "28.6 mln barrels"): the
    NER's span, with the currency or unit, is the better one."""
    return any(e.label_ in ("MONEY", "QUANTITY", "PERCENT") and e.start <= span.start < e.end
               for e in span.doc.ents)


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")


def _relabel(ent: Span) -> Span:
    """'sales of 5835 units': a lone number that is not a year is a count, whatever the small NER said."""
    if ent.label_ in ("DATE", "TIME") and len(ent) == 1 and _NUMBER.fullmatch(ent.text) \
            and not re.fullmatch(r"1[89]\d\d|20\d\d", ent.text) and "." not in ent.text:
        return Span(ent.doc, ent.start, ent.end, label="CARDINAL")
    return ent


def _is_bare_number(t) -> bool:
    """A number written in digits that is a count or amount: not a year, time, model number, rank or code."""
    if not _NUMBER.fullmatch(t.text):
        return False
    if re.fullmatch(r"1[89]\d\d|20\d\d", t.text):
        return False  # a year the NER did not take as a date
    doc = t.doc
    prev = doc[t.i - 1] if t.i > 0 else None
    nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
    for n in (prev, nxt):
        if n is not None and n.whitespace_ == "" and n.i < t.i and n.text in ("-", "/", ":", "#", ".") \
                or n is not None and n.i > t.i and t.whitespace_ == "" and n.text in ("-", "/", ":"):
            return False  # 737-800, 24/7, 10:30, #3
    if prev is not None and prev.lower_ in ("no", "no.", "number", "code", "ticker", "route", "flight", "model"):
        return False
    return nxt is None or nxt.lower_ not in ("st", "nd", "rd", "th", "am", "pm", "a.m.", "p.m.", "gmt", "bst", "et")


def _trim_date(ent: Span) -> Span:
    """'November 25, five years': the small NER sometimes runs a date into the next phrase; cut at the comma."""
    if ent.label_ != "DATE":
        return ent
    for t in ent:
        if t.text == "," and t.i + 1 < ent.end:
            nxt = ent.doc[t.i + 1]
            if nxt.is_digit or nxt.lower_.rstrip(".")[:3] in _MONTHS_DAYS:
                continue  # "Monday, Oct. 7, 2019", "October 7, 2019"
            return Span(ent.doc, ent.start, t.i, label="DATE") if t.i > ent.start else ent
    return ent


_MONTHS_DAYS = {name[:3] for name in (*MONTHS, *WEEKDAYS)}  # "oct", "mon": what may follow a date's comma


def left_context(span: Span, words: int = 4) -> str:
    from claimcheck.pipeline.spans import bounded_sent

    start = max(bounded_sent(span).start, span.start - words)
    return span.doc[start:span.start].text


def normalize_span(span: Span, published: date | None, *, dayfirst: bool = False) -> Quantity | None:
    text, ctx = span.text, left_context(span)
    label = span.label_
    try:
        if label == "MONEY":
            # the label says money: a bare figure (a results-table column) is an amount in the document's currency
            return normalize_money(text, ctx, default_currency=span.doc.user_data.get(CURRENCY_KEY) or "USD",
                                   bare=True)
        if label == "PERCENT":
            return normalize_percent(text, ctx)
        if label in ("CARDINAL", "QUANTITY"):
            return normalize_count(text, ctx)
        if label == "DATE":
            # the clause's tense (from the parse, where the pipeline has one) decides which way "on Friday" goes
            return normalize_date(text, published, ctx, dayfirst=dayfirst, tense=clause_tense(span))
    except Exception as exc:  # a normaliser bug must not lose the document; the span stays unnormalised
        key = (label, text[:80], type(exc).__name__)
        if key not in _WARNED and len(_WARNED) < 10_000:  # the mention and claim passes both read each span
            _WARNED.add(key)
            log.warning("could not normalise %s %r (%s: %s); it is kept unnormalised", label, text[:80],
                        type(exc).__name__, exc, exc_info=log.isEnabledFor(logging.DEBUG))
        return None
    return None


def mentions_of(doc: Doc, published: date | None = None, *, dayfirst: bool = False) -> Iterable[Mention]:
    """Every value and name mention of ``doc`` (values normalised where possible)."""
    for ent in doc.ents:
        if ent.label_ not in CONTRACT_LABELS:
            continue
        q = normalize_span(ent, published, dayfirst=dayfirst) if ent.label_ in VALUE_LABELS else None
        yield Mention(
            label=ent.label_, text=ent.text, start=ent.start_char, end=ent.end_char,
            value=q.value if q else None, unit=q.unit if q else None,
            qualifier=q.qualifier if q else None, low=q.low if q else None, high=q.high if q else None,
        )
