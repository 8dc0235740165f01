"""Normalisers: money, percentages, counts and dates as values with intervals.

Pure, standard-library functions the spaCy pipeline calls with an entity's text
and a few words of left context.  Every function is total: any ``str`` gives a
:class:`Quantity` or ``None``, in bounded time.  See ``README.md`` here.
"""

from .counts import normalize_count
from .dates import normalize_date, period_of
from .money import normalize_money
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
]
