"""Normalisers: money, percentages, counts and dates as values with intervals.

Pure functions the spaCy pipeline calls with an entity's text and a few words of
left context (standard library, plus dateparser as a guarded fallback for a few
full-date word orders, see ``dates``), and document-level helpers:
:func:`currency_context` (what a bare "$" means in this document),
:func:`infer_dayfirst` (its numeric date order) and :func:`split_conversion`
("$1.13bn (£600m)" is one figure in two currencies).  Every function is total: any ``str`` gives a
:class:`Quantity` or ``None``, in bounded time.  See ``README.md`` here.
"""

from .counts import normalize_count
from .dates import founding_year, infer_dayfirst, normalize_date, period_of
from .money import currency_context, normalize_money, split_conversion
from .numbers import Quantity, parse_number
from .percent import normalize_percent
from .qualifiers import detect_qualifier, interval

__all__ = [
    "Quantity",
    "parse_number",
    "normalize_money",
    "normalize_percent",
    "normalize_count",
    "normalize_date",
    "detect_qualifier",
    "interval",
    "period_of",
    "infer_dayfirst",
    "founding_year",
    "currency_context",
    "split_conversion",
]
