"""Finding dates in text: the date a page's header line prints, the day order its lines suggest, and a weekday
written beside a date that it does not fall on.

Reading what a date *means* is :func:`claimcheck.normalize.dates.normalize_date`'s job, and every function here
reads through it; this module only locates dates and decides the day order from the surrounding line. With
``dates`` it is the one place that knows months, weekdays and how a year-less date gets its year
(``ingest.metadata`` and ``crosscheck`` call it). Nothing here raises on any input.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from .dates import MONTHS, WEEKDAYS, _Ctx, _infer_year, normalize_date

__all__ = ["find_date", "parse_header_date", "parse_iso_datetime", "dayfirst_hint", "weekday_contradictions",
           "WeekdayContradiction", "dates_with_years", "YearDate"]

_MONTH_RE = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Order matters only for overlapping matches; the earliest match in the line wins.
_DATE_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\d])")),
    ("ymd", re.compile(r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\d/])")),
    ("mdy", re.compile(r"\b" + _MONTH_RE + r"\s+(?P<d>\d{1,2})" + _ORD + r",?\s+(?:of\s+)?" + _YEAR + r"(?!\d)", re.I)),
    ("dmy", re.compile(r"(?<!\d)(?P<d>\d{1,2})" + _ORD + r"\s+(?:of\s+)?" + _MONTH_RE + r",?\s+" + _YEAR + r"(?!\d)",
                       re.I)),
    ("num", re.compile(r"(?<![\d/.:-])(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)"
                       r"(?P<y>(?:19|20)\d\d|\d\d)(?![\d/.:-]|\.\d)")),
]
_BRITISH_HINT = re.compile(r"\b(?:BST|GMT|UK|CET|CEST|AEST|IST)\b|£|\.co\.uk\b|\bcolour|\bcentre\b")
_MONTH_FIRST_HINT = re.compile(r"\b(?:ET|EDT|EST|PT|PDT|PST|CT|CDT|CST|MT|MDT|MST)\b")
_DMY_TEXT = re.compile(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?:19|20)\d\d", re.I)
_MDY_TEXT = re.compile(r"\b" + _MONTH_RE + r"\s+\d{1,2}(?:st|nd|rd|th)?,\s+(?:19|20)\d\d", re.I)


def _mk(year: int, month: int, day: int) -> dt.date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def find_date(line: str, *, dayfirst: bool | None = None) -> tuple[dt.date, int, int] | None:
    """The first date written in ``line`` as ``(date, start, end)``, or ``None``.

    Numeric dates like ``12/10/2021`` are read month first (US) unless ``dayfirst``
    is true, the first number is above 12, dots separate the parts (``08.10.2019``),
    or the line itself looks British (``BST``/``GMT``/``£``) and ``dayfirst`` is None.
    """
    try:
        return _find_date(line, dayfirst)
    except Exception:  # pragma: no cover - defensive: never raise
        return None


def _find_date(line: str, dayfirst: bool | None) -> tuple[dt.date, int, int] | None:
    """Locate the line's date with the patterns above; its value comes from the one date parser,
    :func:`normalize_date` (this function only decides the day order from the line)."""
    if not isinstance(line, str) or not line:
        return None
    line = re.sub(r"[*_`]+", " ", line[:2000])
    found: list[tuple[int, int, dt.date]] = []
    for kind, pat in _DATE_PATTERNS:
        for m in pat.finditer(line):
            first_is_day = False
            if kind == "num":
                a, b, y = int(m["a"]), int(m["b"]), m["y"]
                if len(y) == 2 and m["sep"] != "/":
                    continue  # "1.2.34" is more likely a version than a date
                if a > 12 and b <= 12:
                    first_is_day = True
                elif b > 12 and a <= 12:
                    first_is_day = False
                elif dayfirst is not None:
                    first_is_day = dayfirst
                elif m["sep"] == ".":
                    first_is_day = True
                elif _BRITISH_HINT.search(line) and not _MONTH_FIRST_HINT.search(line):
                    first_is_day = True
            d = _as_day(normalize_date(m.group(0), None, dayfirst=first_is_day))
            if d is not None:
                found.append((m.start(), m.end(), d))
                break  # first valid match of this pattern is enough
    if not found:
        return None
    start, end, d = min(found, key=lambda t: (t[0], -(t[1] - t[0])))
    return d, start, end


def _as_day(q) -> dt.date | None:
    if q is None or not isinstance(q.value, str) or len(q.value) != 10:
        return None
    try:
        d = dt.date.fromisoformat(q.value)
    except ValueError:
        return None
    return d if 1900 <= d.year <= 2100 else None


def parse_header_date(line: str, *, dayfirst: bool | None = None) -> dt.date | None:
    """The date in a header line such as ``Updated: 10:32 AM ET, Tue October 8, 2019``."""
    hit = find_date(line, dayfirst=dayfirst)
    return hit[0] if hit else None


def parse_iso_datetime(value: str) -> dt.date | None:
    """Dates in meta tags: ``2019-10-08T09:03:00+00:00``, ``20191008``, or anything
    :func:`parse_header_date` reads."""
    if not isinstance(value, str):
        return None
    v = value.strip()
    m = re.match(r"^((?:19|20)\d\d)-?(\d\d)-?(\d\d)(?:$|[T\s_])", v)
    if m:
        d = _mk(int(m[1]), int(m[2]), int(m[3]))
        if d:
            return d
    return parse_header_date(v)


def dayfirst_hint(lines: Iterable[str]) -> bool | None:
    """Do a page's header lines write dates day first (True: BST/GMT, ``£``, ``8 October 2019``), month first
    (False: US time zones, ``October 8, 2019``) or give no sign (None)? The document-wide counterpart, from
    the numeric dates of the whole text, is :func:`claimcheck.normalize.infer_dayfirst`."""
    uk = us = 0
    for ln in lines:
        if re.search(r"\b(?:BST|GMT)\b|£|\.co\.uk\b", ln) or _DMY_TEXT.search(ln):
            uk += 1
        if _MONTH_FIRST_HINT.search(ln) or _MDY_TEXT.search(ln):
            us += 1
    if uk > us:
        return True
    if us > uk:
        return False
    return None


# --------------------------------------------------------------------------- weekdays beside dates

_WEEKDAY_NAMES = "|".join(w.capitalize() for w in WEEKDAYS)
WEEKDAY_DATE = re.compile(
    rf"\b(?P<wd>{_WEEKDAY_NAMES}),?\s+(?:(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
    r"\s+(?:of\s+)?(?P<m1>[A-Z][a-z]{2,8})\.?|(?P<m2>[A-Z][a-z]{2,8})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?)"
    r"(?:,?\s+(?P<y>(?:19|20)\d\d))?\b")


@dataclass(frozen=True)
class WeekdayContradiction:
    """``text`` (at ``start``:``end``) names weekday ``said`` for ``when``, which fell on ``actual``."""

    text: str
    start: int
    end: int
    when: dt.date
    said: str
    actual: str


def weekday_contradictions(text: str, published: dt.date | None) -> Iterator[WeekdayContradiction]:
    """'Tuesday, November 25' in a page of 2019: November 25, 2019 was a Monday, so the text contradicts itself.

    A date without a year gets its year as :func:`normalize_date` gives one (the page's year, or the year
    before when that would put the date more than ``FUTURE_DAYS`` after the page: a January page's
    "Friday, December 20" is last December); without a year or a publication date nothing is checked.
    """
    if not isinstance(text, str):
        return
    for m in WEEKDAY_DATE.finditer(text):
        month = MONTHS.get((m["m1"] or m["m2"] or "").casefold())
        day = int(m["d1"] or m["d2"] or 0)
        if month is None:
            continue
        year = int(m["y"]) if m["y"] else _infer_year(month, day, _Ctx(published))
        when = _mk(year, month, day) if year is not None else None
        if when is None:
            continue
        said = m["wd"].casefold()
        actual = next(w for w, i in WEEKDAYS.items() if i == when.weekday())
        if said != actual:
            yield WeekdayContradiction(m.group(0), m.start(), m.end(), when, said, actual)


# --------------------------------------------------------------------------- every date written with its year

#: "March 2015", "Sept. of 2009": a month with its year and no day (a day before or after makes it a full date)
_MONTH_YEAR = re.compile(r"(?<![\d])(?<!\d\s)\b" + _MONTH_RE + r",?\s+(?:of\s+)?" + _YEAR + r"(?!\d)", re.I)
#: a bare year: "in 2015", "2015's results"; not "2,015", "$2015", "2015%", "20150"
_BARE_YEAR = re.compile(r"(?<![\d.,$£€/:-])(?P<year>(?:19|20)\d\d)(?![\d%]|[.,]\d)")
#: the first characters of a page, where its own date line sits ("March 01, 2007" on MEANTIME's second line)
_HEADER_CHARS = 300


@dataclass(frozen=True)
class YearDate:
    """A date written with its year at ``start``:``end``: the days ``low``..``high`` it covers, at ``precision``
    "day", "month" or "year"."""

    low: dt.date
    high: dt.date
    precision: str
    start: int
    end: int


def dates_with_years(text: str, published: dt.date | None = None, *, dayfirst: bool | None = None,
                     limit: int = 200_000) -> list[YearDate]:
    """Every date in ``text`` written with its year, in order: full dates ("Oct. 7, 2019", "7 October 2019",
    "2019-10-07", "10/7/2019"), months ("March 2015") and bare years ("in 2015"; a four-digit figure from 1900
    to 2099 that is not part of a larger number, an amount or a percentage).

    The page's own date line is left out: a full date equal to ``published`` in a short line among the first
    300 characters.  Dates without a year ("on Friday", "October 7", "last year") are not here: their year
    comes from the page's date, so they cannot tell how old the story is.  Never raises.
    """
    try:
        return _dates_with_years(text, published, dayfirst, limit)
    except Exception:  # pragma: no cover - defensive: never raise
        return []


def _dates_with_years(text: str, published: dt.date | None, dayfirst: bool | None, limit: int) -> list[YearDate]:
    if not isinstance(text, str) or not text:
        return []
    text = text[:limit]
    out: list[YearDate] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    for kind, pat in _DATE_PATTERNS:
        for m in pat.finditer(text):
            if not free(m.start(), m.end()):
                continue
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start:line_end if line_end >= 0 else len(text)]
            hit = find_date(m.group(0) + " " + line, dayfirst=dayfirst) if kind == "num" else find_date(m.group(0))
            if hit is None or hit[1] != 0:
                continue
            d = hit[0]
            taken.append((m.start(), m.end()))
            if d == published and m.start() < _HEADER_CHARS and len(line.strip()) <= 120:
                continue  # the page's own date line
            out.append(YearDate(d, d, "day", m.start(), m.end()))
    for m in _MONTH_YEAR.finditer(text):
        if not free(m.start(), m.end()):
            continue
        month, year = MONTHS.get(m["mon"].casefold().rstrip(".")), int(m["year"])
        if month is None or _mk(year, month, 1) is None:
            continue
        taken.append((m.start(), m.end()))
        last = _mk(year, month, 28)
        assert last is not None
        while (nxt := last + dt.timedelta(days=1)).month == month:
            last = nxt
        out.append(YearDate(dt.date(year, month, 1), last, "month", m.start(), m.end()))
    for m in _BARE_YEAR.finditer(text):
        if not free(m.start(), m.end()):
            continue
        year = int(m["year"])
        taken.append((m.start(), m.end()))
        out.append(YearDate(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", m.start(), m.end()))
    return sorted(out, key=lambda y: (y.start, y.end))
