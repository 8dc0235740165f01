"""Counts: "28", "eight companies", "about 300", "more than 20", "500 million", "dozens"."""

from __future__ import annotations

import re

from .money import _post_currency, _pre_currency
from .numbers import MAX_CONTEXT, MAX_TEXT, Quantity, scan_numbers, to_py, total
from .percent import _marker
from .qualifiers import interval, qualify, range_pair

__all__ = ["normalize_count", "YEAR_MIN", "YEAR_MAX"]

#: a bare four-digit number in this range reads as a year, not a count
YEAR_MIN, YEAR_MAX = 1800, 2100

# Vague plurals: the smallest amount the word can mean, as an "at_least" count.
_VAGUE: list[tuple[re.Pattern[str], int]] = [
    (re.compile(rf"(?<![A-Za-z]){rx}(?![A-Za-z])", re.I), v)
    for rx, v in [
        (r"tens\s+of\s+thousands", 20_000),
        (r"hundreds\s+of\s+thousands", 200_000),
        (r"tens\s+of\s+millions", 20_000_000),
        (r"hundreds\s+of\s+millions", 200_000_000),
        (r"tens\s+of\s+billions", 20_000_000_000),
        (r"hundreds\s+of\s+billions", 200_000_000_000),
        (r"dozens", 24),
        (r"scores", 40),
        (r"hundreds", 200),
        (r"thousands", 2_000),
        (r"millions", 2_000_000),
        (r"billions", 2_000_000_000),
    ]
]
_YEAR_PREPS = {"in", "since", "until", "till", "during", "by", "from", "before", "after", "through", "of", "year", "fiscal"}
_FRACTION_AFTER_RE = re.compile(
    r"[\s\-]*(?:halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)(?![A-Za-z])", re.I
)
_DATEISH_AFTER_RE = re.compile(
    r"\s*(?:[-\u2013/]\s*\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])"
    r"|(?:a\.?m\.?|p\.?m\.?|o'clock|hours?\s+gmt|bc|ad|bce|ce)(?![a-z]))",
    re.I,
)


def _year_like(t) -> bool:
    return t.plain and t.end - t.start == 4 and YEAR_MIN <= t.value <= YEAR_MAX


@total(None)
def normalize_count(text: str, left_context: str = "") -> Quantity | None:
    """A CARDINAL span -> ``Quantity(value, "count", ...)`` or None.

    None for ordinals ("third", "28th"), years ("2019", "in 2019"), percentages,
    money, times ("3:30"), phone-like digit groups and fractions ("two-thirds").
    Vague plurals are at-least counts with kind "vague": "dozens" -> at_least 24,
    "hundreds" -> 200, "thousands" -> 2000, "tens of thousands" -> 20000.
    "several", "a few", "a handful" give None.
    """
    if not isinstance(text, str) or not isinstance(left_context, str):
        return None
    text = text[:MAX_TEXT]
    left = left_context[-MAX_CONTEXT:]
    toks = scan_numbers(text)
    if not toks:
        for rx, v in _VAGUE:
            if rx.search(text):
                return Quantity(v, "count", "at_least", v, None, "vague")
        return None
    t = toks[0]
    if t.ordinal or t.leading_zero:
        return None
    before, after = text[: t.start], text[t.end :]
    prefix = left + " " + before
    if after[:1].isalpha() or (after[:1] in (":", "/") and after[1:2].isdigit()):
        return None  # "5G", "1990s", "3:30", "24/7"
    if before[-1:] in (":", "/") and before[-2:-1].isdigit():
        return None
    if re.search(r"(?:^|[\s(])[-\u2212]$|minus\s*$", before, re.I):
        return None
    if _marker(text, t.end) is not None or _pre_currency(prefix) is not None or _post_currency(after) is not None:
        return None
    if _FRACTION_AFTER_RE.match(after):
        return None
    if _year_like(t):
        words = re.findall(r"[a-z]+", prefix.lower())
        if not re.search(r"[A-Za-z]", after) or (words and words[-1] in _YEAR_PREPS) or _DATEISH_AFTER_RE.match(after):
            return None
    if len(toks) > 1:
        b = toks[1]
        r = range_pair(text, t, b, prefix)
        if r is not None:
            gap = text[t.end : b.start]
            if _year_like(t) or (gap == "-" and t.plain and b.plain and t.end - t.start == 3 and b.end - b.start == 4):
                return None  # "1990-2000", "555-1234"
            if _marker(text, b.end) is not None or _post_currency(text[b.end :]) is not None:
                return None
            low, high, _ = r
            return Quantity(to_py((low + high) / 2, 6), "count", "range", to_py(low, 6), to_py(high, 6))
        if re.fullmatch(r"[\s.()\-\u2013]*", text[t.end : b.start]):
            return None  # "020 7946 0000"-like groups of digits
    value = to_py(t.value, 6)
    if value is None:
        return None
    q = qualify(prefix, after)
    lo, hi = interval(value, to_py(t.step, 6), q)
    if lo is not None and lo < 0:
        lo = 0  # a count is never negative: "zero" -> [0, 0.5]
    return Quantity(value, "count", q, lo, hi)

