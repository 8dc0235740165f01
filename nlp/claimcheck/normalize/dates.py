"""Dates and periods: "Oct. 7, 2019", "12/10/2021", "Monday", "last year", "the first half of 2019",
"fiscal 2019", "the third quarter", "within 60 days", "the 7-year-old firm".

Values are ISO-8601 strings at the precision written: a day "2019-10-07", a month
"2019-10", a year "2019", a half "2019-H1", a quarter "2019-Q3", a fiscal year
"FY2019", a decade "1990s", a run of months "2019-01/2019-09", a window
"2019-10-08/2019-12-07"; ``low``/``high`` are the first and last day it covers.

Which library does what
-----------------------
* **Our own patterns** (this module, standard library only) read everything news
  writes about *periods* and *relative* time, because no maintained library
  does: halves, quarters, fiscal years and their quarters ("Q3 FY19", "the year to
  March 2019"), "the three months to December", "the December quarter", "the
  first nine months", "early/mid/late 2019", ranges ("Oct. 7-9", "2015-18"),
  weekdays and "last week" against the publication date, "within 60 days",
  founding years from ages, and the day/month order of a document
  (:func:`infer_dayfirst`).  They also read the common absolute formats
  ("Oct. 7, 2019", "7 October 2019", "2019-10-07", "12/10/2021", "5-Nov-19").
* **dateparser** (English only, absolute parser only, ``REQUIRE_PARTS`` day,
  month and year) is the fallback for the remaining word orders of a full date
  ("November the 5th, 2019", "2019, November 5", "the 5th day of November,
  2019").  It is only called on a short phrase (at most 64 characters, 10
  tokens) made of date words alone: one month name, one day number, one
  four-digit year, weekday names, "the", "of", "day" and punctuation.  Its
  answer is kept only when it agrees with those parts.  So its known failures
  cannot reach our output: "hello 4000" and "4000" never reach it (no month
  name; a bare year must lie in 1800-2100), it never sees the clock
  (``RELATIVE_BASE`` is fixed and a written year is required), and the inputs on
  which it is slow (long strings, many numbers) are cut off before it - its
  time limit is the input limit; the tests hold each call under 100 ms.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Callable

from .numbers import MAX_CONTEXT, MAX_TEXT, SMALL, TENS, Qualifier, Quantity, total

__all__ = ["normalize_date", "period_of", "infer_dayfirst", "founding_year", "YEAR_MIN", "YEAR_MAX"]

#: a bare year ("2018", "in 2018") must lie in this range; "4000" is not a year
YEAR_MIN, YEAR_MAX = 1800, 2100
#: a year-less date ("October 7") is put in the year of ``published`` unless that
#: lands more than this many days after ``published``; then the year before
FUTURE_DAYS = 183
_PERIOD_TEXT = 600

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
_ORDS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4, "last": 4}

_MON_ALT = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec"
)


def _mon(name: str) -> str:
    return rf"(?<![A-Za-z])(?=[ADFJMNOSadfjmnos])(?P<{name}>{_MON_ALT})(?:\.|(?![A-Za-z]))"


_DAY = r"(?<!\d)(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<{0}>\d{{4}})(?![\d%]|[.,]\d)"
_WD = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
_REL_YEAR = r"(?:\s+(?:of\s+)?(?P<rel>last|this|next|the\s+current)\s+year)?"
_CONN = r"(?:-|\u2010|\u2011|\u2013|\u2014|to|through|until|and)"


def _d(name: str) -> str:
    return _DAY.format(name)


def _y(name: str) -> str:
    return _YEAR.format(name)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.I)


# ------------------------------------------------------------------ results


@dataclass(frozen=True)
class _Date:
    value: str
    low: date
    high: date
    kind: str
    relative: bool = False
    qualifier: Qualifier = "exact"
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class _Ctx:
    published: date | None
    dayfirst: bool = False
    year: int | None = None  # a year given elsewhere in the text (ranges)
    future: bool = False  # the words before the date speak of what is to come ("will list on Friday")


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _ok_year(y: int, lo: int = 1000, hi: int = 2999) -> bool:
    return lo <= y <= hi


def _day(y: int, m: int, d: int, rel: bool = False) -> _Date | None:
    if not _ok_year(y):
        return None
    try:
        dt = date(y, m, d)
    except ValueError:
        return None
    return _Date(dt.isoformat(), dt, dt, "day", rel)


def _month(y: int, m: int, rel: bool = False) -> _Date | None:
    if not _ok_year(y) or not 1 <= m <= 12:
        return None
    return _Date(f"{y:04d}-{m:02d}", date(y, m, 1), date(y, m, _last_day(y, m)), "month", rel)


def _year(y: int, rel: bool = False) -> _Date | None:
    if not _ok_year(y, YEAR_MIN, YEAR_MAX):
        return None
    return _Date(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), "year", rel)


def _half(y: int, h: int, rel: bool = False) -> _Date | None:
    if not _ok_year(y) or h not in (1, 2):
        return None
    lo, hi = (date(y, 1, 1), date(y, 6, 30)) if h == 1 else (date(y, 7, 1), date(y, 12, 31))
    return _Date(f"{y:04d}-H{h}", lo, hi, "half", rel)


def _quarter(y: int, q: int, rel: bool = False) -> _Date | None:
    if not _ok_year(y) or not 1 <= q <= 4:
        return None
    m1, m3 = 3 * q - 2, 3 * q
    return _Date(f"{y:04d}-Q{q}", date(y, m1, 1), date(y, m3, _last_day(y, m3)), "quarter", rel)


def _fiscal(y: int, end_month: int | None = None, end_day: int | None = None, rel: bool = False) -> _Date | None:
    """FY named after the calendar year it ends in.  Without a known year end the
    bounds cover every fiscal year that ends in ``y`` (Feb 1 of y-1 .. Dec 31 of y)."""
    if not _ok_year(y, YEAR_MIN, YEAR_MAX):
        return None
    if end_month is None:
        return _Date(f"FY{y:04d}", date(y - 1, 2, 1), date(y, 12, 31), "fiscal_year", rel)
    if not 1 <= end_month <= 12:
        return None
    last = _last_day(y, end_month)
    d = end_day if end_day is not None else last
    if not 1 <= d <= last:
        return None
    high = date(y, end_month, d)
    if d == last:
        low = date(y, end_month, 1) + timedelta(days=last) - _months_back(y, end_month, 12)
    else:
        low = high - timedelta(days=364)
    return _Date(f"FY{y:04d}", low, high, "fiscal_year", rel)


def _months_back(y: int, m: int, n: int) -> timedelta:
    """Length of the ``n`` months ending with month (y, m), as a timedelta."""
    total = 0
    for _ in range(n):
        total += _last_day(y, m)
        m -= 1
        if m == 0:
            y, m = y - 1, 12
    return timedelta(days=total)


def _months_span(y: int, m_end: int, n: int, rel: bool = False) -> _Date | None:
    """The ``n`` months ending with month ``m_end`` of ``y``: H1/H2, a quarter, FY or "Y-MM/Y-MM"."""
    if not _ok_year(y) or not 1 <= m_end <= 12 or not 1 <= n <= 24:
        return None
    if n == 12:
        return _fiscal(y, m_end, rel=rel) if m_end != 12 else _year(y, rel)
    if n == 6 and m_end in (6, 12):
        return _half(y, m_end // 6, rel)
    if n == 3 and m_end % 3 == 0:
        return _quarter(y, m_end // 3, rel)
    y1, m1 = y, m_end - n + 1
    while m1 < 1:
        y1, m1 = y1 - 1, m1 + 12
    if not _ok_year(y1):
        return None
    hi = date(y, m_end, _last_day(y, m_end))
    return _Date(f"{y1:04d}-{m1:02d}/{y:04d}-{m_end:02d}", date(y1, m1, 1), hi, "period", rel)


def _infer_year(m: int, d: int, ctx: _Ctx) -> int | None:
    """Year for a year-less (month, day): the published year, or the one before
    when that would put the date more than FUTURE_DAYS after publication."""
    if ctx.year is not None:
        return ctx.year
    p = ctx.published
    if p is None:
        return None
    y = p.year
    try:
        cand = date(y, m, min(d, _last_day(y, m)))
    except ValueError:
        return None
    if (cand - p).days > FUTURE_DAYS:
        y -= 1
    return y


def _two_digit_year(yy: str, ctx: _Ctx) -> int:
    v = int(yy)
    if len(yy) == 4:
        return v
    if ctx.published is None:
        return (2000 + v) if v <= 50 else (1900 + v)
    # the year in the page's century, moved by a century when that puts it more than 20 years after the page
    # or 80 or more before it: '87' on a 1987 page is 1987, '05' on a 2019 page 2005, '99' on a 2019 page 1999
    year = ctx.published.year // 100 * 100 + v
    if year > ctx.published.year + 20:
        year -= 100
    elif year <= ctx.published.year - 80:
        year += 100
    return year


def _word_int(w: str | None) -> int | None:
    if w is None:
        return None
    w = w.lower()
    if w.isdigit():
        return int(w) if len(w) <= 4 else None
    if w in ("a", "an", "one"):
        return 1
    if w in SMALL:
        return SMALL[w]
    if w in TENS:
        return TENS[w]
    return None


def _rel_year(rel: str | None, ctx: _Ctx) -> int | None:
    if ctx.published is None:
        return None
    words = (rel or "").lower().split()
    r = words[-1] if words else "this"
    return ctx.published.year + {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1}.get(r, 0)


# ------------------------------------------------------------------ patterns
# Each handler gets (match, ctx) and returns a _Date or None.
_Handler = Callable[[re.Match[str], _Ctx], _Date | None]

def _h_mdy(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    return _day(int(m["y"]), MONTHS[m["m"].lower()], int(m["d"]))


def _h_iso(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    return _day(int(m["y"]), int(m["m"]), int(m["d"]))


def _h_numeric(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    a, b = int(m["a"]), int(m["b"])
    y = _two_digit_year(m["y"], ctx)
    month, day = (b, a) if ctx.dayfirst else (a, b)
    if month > 12 and day <= 12:
        month, day = day, month
    return _day(y, month, day)


def _h_md(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    return _month_day(MONTHS[m["m"].lower()], int(m["d"]), ctx)


def _month_day(mo: int, d: int, ctx: _Ctx) -> _Date | None:
    """A day written with its month and no year, the year inferred (``_infer_year``)."""
    if not 1 <= d <= 31:
        return None
    y = _infer_year(mo, d, ctx)
    return None if y is None else _day(y, mo, d, rel=ctx.year is None)


def _h_month_year(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    return _month(int(m["y"]), MONTHS[m["m"].lower()])


def _h_iso_month(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    y, mo = int(m["y"]), int(m["m"])
    if mo == (y + 1) % 100:
        return None  # "2011-12" is a run of years, see _h_year_range
    return _month(y, mo)


def _h_fiscal(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    y = _two_digit_year(m["y"], ctx)
    y2 = m.groupdict().get("y2")
    if y2:
        end = _two_digit_year(y2, ctx) if len(y2) == 4 else (y // 100) * 100 + int(y2)
        if end != y + 1:
            return None
        y = end
    return _fiscal(y)


def _h_year_to(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    mo = MONTHS[m["m"].lower()]
    d = m["d1"] or m["d2"]
    d = int(d) if d else None
    n = 3 if m["qtr"] else 6 if m["hy"] else _word_int(m["n"]) if m["n"] else 12
    if n is None:
        return None
    fiscal = (m["fis"] or "").lower() in ("fiscal", "financial")
    y: int | None
    if m["y"]:
        y, rel = int(m["y"]), False
    else:
        y, rel = _infer_year(mo, d or 1, ctx), True
        if y is None:
            return None
    if n == 12:
        return _fiscal(y, mo, d, rel) if mo != 12 or fiscal else _year(y, rel)
    return _months_span(y, mo, n, rel)


def _h_half(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    o = m["o"].lower()
    h = 1 if o in ("first", "1st") else 2
    gd = m.groupdict()
    if gd.get("fis") or (gd.get("fis2") or "").lower() in ("fiscal", "financial") or gd.get("fis3"):
        r = _fiscal_quarter(m, ctx, h)
        return None if r is None else replace(r, value=r.value.replace("-Q", "-H"), kind="fiscal_half")
    return _period_year(m, ctx, lambda y, rel: _half(y, h, rel), 6 * h - 5)


def _h_half_code(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    h = int(m["h"])
    return _period_year(m, ctx, lambda y, rel: _half(y, h, rel), 6 * h - 5)


def _h_quarter(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    o = m["o"].lower()
    has_year = bool(m["y"] or m.groupdict().get("yb") or m.groupdict().get("rel"))
    if o == "last" and not has_year and not m.groupdict().get("of"):
        # "last quarter": the quarter before the one published in
        if ctx.published is None:
            return None
        p = ctx.published
        q = (p.month - 1) // 3  # previous quarter, 0 means Q4 of last year
        return _quarter(p.year, q, True) if q else _quarter(p.year - 1, 4, True)
    q = _ORDS[o]
    gd = m.groupdict()
    if gd.get("fis") or (gd.get("fis2") or "").lower() in ("fiscal", "financial") or gd.get("fis3"):
        return _fiscal_quarter(m, ctx, q)
    return _period_year(m, ctx, lambda y, rel: _quarter(y, q, rel), 3 * q - 2)


def _h_quarter_code(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    q = int(m["q"])
    return _period_year(m, ctx, lambda y, rel: _quarter(y, q, rel), 3 * q - 2)


def _fiscal_quarter(m: re.Match[str], ctx: _Ctx, q: int) -> _Date | None:
    y = None
    if m["y"]:
        y = int(m["y"])
    elif m.groupdict().get("yb"):
        y = int(m["yb"])
    elif ctx.year is not None:
        y = ctx.year
    elif ctx.published is not None:
        y = _rel_year(m.groupdict().get("rel"), ctx)
    if y is None:
        return None
    fy = _fiscal(y, rel=not (m["y"] or m.groupdict().get("yb")))
    return None if fy is None else replace(fy, value=f"FY{y:04d}-Q{q}", kind="fiscal_quarter")


def _h_first_months(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    n = _word_int(m["n"])
    if n is None or not 1 <= n <= 12:
        return None
    first = m["o"].lower() == "first"
    m_end = n if first else 12
    if not first and n not in (3, 6, 12):
        return None
    return _period_year(m, ctx, lambda y, rel: _months_span(y, m_end, n, rel), m_end - n + 1)


def _period_year(m: re.Match[str], ctx: _Ctx, make, first_month: int) -> _Date | None:
    """Resolve the year of a half/quarter/run of months: written, "of last year", or inferred."""
    gd = m.groupdict()
    if gd.get("y"):
        return make(_two_digit_year(gd["y"], ctx), False)
    if gd.get("yb"):
        return make(int(gd["yb"]), False)
    if gd.get("rel"):
        y = _rel_year(gd["rel"], ctx)
        return None if y is None else make(y, True)
    if ctx.year is not None:
        return make(ctx.year, False)
    y = _infer_year(first_month, 1, ctx)
    if y is not None and ctx.published is not None and not ctx.future and date(y, first_month, 1) > ctx.published:
        y -= 1  # "fourth quarter" results in an April paper: a period not begun when it was written is last year's
    return None if y is None else make(y, True)


def _h_decade(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    if m["c"]:
        y = int(m["c"] + m["dd"] + "0")
    else:
        dd = int(m["dd"])
        y = (1900 if dd >= 3 else 2000) + dd * 10
    if not _ok_year(y, YEAR_MIN, YEAR_MAX):
        return None
    return _Date(f"{y}s", date(y, 1, 1), date(y + 9, 12, 31), "decade")


def _h_year(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    return _year(int(m["y"]))


def _h_year_range(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    if re.search(r"(?:fiscal|financial|FY)\s*'?$", m.string[: m.start()], re.I):
        return None  # "fiscal 2018-19" is one fiscal year
    if re.match(r"\s+(?:fiscal|financial)\s+year", m.string[m.end() :], re.I):
        return None  # "the 2018-19 financial year" too
    y1, s2 = int(m["y1"]), m["y2"]
    y2 = int(s2) if len(s2) == 4 else (y1 // 100) * 100 + int(s2)
    conn = m["conn"].lower()
    if len(s2) == 2 and conn in ("to", "through", "and"):
        return None  # "2019 to 31 March": a two-digit end year only after "-", "–" or "/"
    if len(s2) == 2 and conn in ("-", "\u2010", "\u2011") and 1 <= int(s2) <= 12 and y2 != y1 + 1:
        return None  # "2019-10" is October 2019
    a, b = _year(y1), _year(y2)
    if a is None or b is None or y2 <= y1:
        return None
    return _Date(a.value, a.low, b.high, "year", qualifier="range")


def _h_day_range(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    mo = MONTHS[m["m"].lower()]
    d1, d2 = int(m["d1"]), int(m["d2"])
    y: int | None
    if m["y"]:
        y, rel = int(m["y"]), False
    else:
        y, rel = _infer_year(mo, d1, ctx), True
        if y is None:
            return None
    a, b = _day(y, mo, d1, rel), _day(y, mo, d2, rel)
    if a is None or b is None or d2 <= d1:
        return None
    return _Date(a.value, a.low, b.high, "day", rel, "range")


def _h_days_ago(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    n = _word_int(m["n"])
    p = ctx.published
    if n is None or p is None or n > 400:
        return None
    unit = m["u"].lower()
    try:
        if unit == "day":
            return _day_of(p - timedelta(days=n))
        if unit == "week":
            return replace(_day_of(p - timedelta(days=7 * n)), qualifier="approx")
        if unit == "month":
            k = p.year * 12 + p.month - 1 - n
            return _month(k // 12, k % 12 + 1, True)
        return _year(p.year - n, True)
    except (OverflowError, ValueError):
        return None


def _day_of(dt: date) -> _Date:
    return _Date(dt.isoformat(), dt, dt, "day", True)


_SHIFT = {"last": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "earlier this": 0, "later this": 0, "so far this": 0}


def _h_relative_unit(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    p = ctx.published
    if p is None:
        return None
    rel = " ".join(m["rel"].lower().split())
    k = _SHIFT.get(rel)
    if k is None:
        return None
    unit = m["u"].lower()
    try:
        if unit == "year":
            return _year(p.year + k, True)
        if unit == "month":
            n = p.year * 12 + p.month - 1 + k
            return _month(n // 12, n % 12 + 1, True)
        if unit == "quarter":
            n = p.year * 4 + (p.month - 1) // 3 + k
            return _quarter(n // 4, n % 4 + 1, True)
        if unit == "week":
            monday = p - timedelta(days=p.weekday()) + timedelta(weeks=k)
            point = p + timedelta(weeks=k)
            return _Date(point.isoformat(), monday, monday + timedelta(days=6), "week", True, "approx")
        if unit == "weekend":
            this_sat = p - timedelta(days=p.weekday()) + timedelta(days=5)
            if k < 0:
                sat = this_sat - timedelta(days=7) if this_sat + timedelta(days=1) >= p else this_sat
            else:
                sat = this_sat + timedelta(weeks=k)
            return _Date(sat.isoformat(), sat, sat + timedelta(days=1), "weekend", True, "approx")
    except (OverflowError, ValueError):
        return None
    return None


def _h_weekday(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    p = ctx.published
    if p is None:
        return None
    wd = WEEKDAYS[m["wd"].lower()]
    rel = (m["rel"] or "").lower()
    back = (p.weekday() - wd) % 7
    try:
        if rel == "next":
            ahead = (wd - p.weekday()) % 7 or 7
            return _day_of(p + timedelta(days=ahead))
        if rel in ("last", "past", "previous"):
            back = back or 7
        elif not rel and ctx.future:  # "it begins trading on Friday" in Thursday's paper: the Friday to come
            return _day_of(p + timedelta(days=(wd - p.weekday()) % 7))
        return _day_of(p - timedelta(days=back))
    except (OverflowError, ValueError):
        return None


_DEICTIC = {
    "the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0,
    "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "tomorrow": 1,
}


def _h_deictic(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    if ctx.published is None:
        return None
    k = _DEICTIC[" ".join(m[0].lower().split())]
    try:
        return _day_of(ctx.published + timedelta(days=k))
    except OverflowError:
        return None


def _h_month_alone(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    mo = MONTHS[m["m"].lower()]
    rel = (m["rel"] or "").lower()
    p = ctx.published
    if ctx.year is not None and not rel:
        return _month(ctx.year, mo)
    if p is None:
        return None
    y: int | None
    if rel == "last":
        y = p.year if mo < p.month else p.year - 1
    elif rel == "next":
        y = p.year if mo > p.month else p.year + 1
    elif rel == "this":
        y = p.year
    else:
        y = _infer_year(mo, 1, ctx)
        if y is None:
            return None
    return _month(y, mo, True)


def _h_dmy2(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    """"5-Nov-2019", "05-Nov-19", "7th Nov '19", "Nov. 5 '19": a two-digit year pivots like 12/10/21."""
    return _day(_two_digit_year(m["y"], ctx), MONTHS[m["m"].lower()], int(m["d"]))


def _h_fiscal_quarter_code(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    """"fiscal Q3", "Q3 FY19", "FQ3 2019", "Q3 of fiscal 2019"."""
    q = int(m["q"])
    y = _two_digit_year(m["y"], ctx) if m["y"] else None
    if y is None:
        if ctx.year is not None:
            y = ctx.year
        elif ctx.published is not None:
            y = ctx.published.year
        else:
            return None
    fy = _fiscal(y, rel=not m["y"])
    return None if fy is None else replace(fy, value=f"FY{y:04d}-Q{q}", kind="fiscal_quarter")


def _h_month_quarter(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    """"the December quarter" (Oct-Dec), "the March 2019 quarter": a quarter named by its last month."""
    mo = MONTHS[m["m"].lower()]
    if mo % 3:
        return None
    if m["y"]:
        return _quarter(int(m["y"]), mo // 3)
    if ctx.year is not None:
        return _quarter(ctx.year, mo // 3)
    y = _infer_year(mo - 2, 1, ctx)
    return None if y is None else _quarter(y, mo // 3, True)


_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}


def _h_season(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    """"summer 2019" -> June-August 2019 (northern hemisphere), approx; "winter 2019" is Dec 2019-Feb 2020."""
    name = m["s"].lower()
    if name == "fall" and not re.search(
        r"(?:^|(?<![A-Za-z])(?:in|the|by|since|until|this|last|next|of|from|to|early|late|mid))[\s-]*$", m.string[: m.start()], re.I
    ):
        return None  # "profits fall 2019" is not a season
    y = int(m["y"])
    a, b = _SEASONS[name]
    r = _months_span(y + (b - 1) // 12, (b - 1) % 12 + 1, b - a + 1)
    return None if r is None else replace(r, kind="season", qualifier="approx")


_UNIT_DAYS = {"day": 1, "week": 7}


def _shift_months(d: date, n: int) -> date:
    k = d.year * 12 + d.month - 1 + n
    y, mo = k // 12, k % 12 + 1
    return date(y, mo, min(d.day, _last_day(y, mo)))


def _h_window(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    """"within 60 days", "in the next two years", "over the past 12 months": a window that
    starts or ends at publication.  ``within`` is at_most (a deadline: value = its last day);
    "the next/past N units" is the whole window, value ``low/high``."""
    p = ctx.published
    if m["n"] is None and m.group().lower().endswith("s"):
        return None  # "within days": no number to count
    n = _word_int(m["n"]) if m["n"] else 1
    if p is None or n is None or not 1 <= n <= 400:
        return None
    unit = m["u"].lower()
    direction = -1 if (m["dir"] or "").lower() in ("past", "last") else 1
    try:
        if unit in _UNIT_DAYS:
            other = p + timedelta(days=direction * n * _UNIT_DAYS[unit])
        else:
            months = n * (12 if unit == "year" else 1)
            other = _shift_months(p, direction * months)
    except (OverflowError, ValueError):
        return None
    if not _ok_year(other.year):
        return None
    lo, hi = (other, p) if direction < 0 else (p, other)
    if (m["kw"] or "").lower() == "within" and direction > 0:
        return _Date(hi.isoformat(), lo, hi, "window", True, "at_most")
    return _Date(f"{lo.isoformat()}/{hi.isoformat()}", lo, hi, "window", True)


_FULL_DATE_PATTERNS: list[tuple[re.Pattern[str], _Handler]] = [
    (_rx(rf"{_WD}{_mon('m')}\s*{_d('d')}\s*(?:,\s*|\s+)(?:of\s+)?{_y('y')}"), _h_mdy),
    (_rx(rf"{_WD}{_d('d')}\s+(?:of\s+)?{_mon('m')}\s*,?\s*{_y('y')}"), _h_mdy),
    (_rx(r"(?<![\d/.\-])(?P<y>\d{4})([-/.])(?P<m>\d{1,2})\2(?P<d>\d{1,2})(?![\d\-/]|\.\d)"), _h_iso),
    (_rx(rf"{_d('d')}-{_mon('m')}-(?P<y>\d{{4}}|\d{{2}})(?!\d)"), _h_dmy2),
    (_rx(rf"{_WD}{_d('d')}\s+(?:of\s+)?{_mon('m')}\s*,?\s*['\u2019](?P<y>\d{{2}})(?!\d)"), _h_dmy2),
    (_rx(rf"{_WD}{_mon('m')}\s*{_d('d')}\s*,?\s*['\u2019](?P<y>\d{{2}})(?!\d)"), _h_dmy2),
    (_rx(r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/\-]|\.\d)"), _h_numeric),
]
#: newswire's days one to nine in words after a capitalised month: "payable April six", "record May One", "by July
#: one 1988" (the month capitalised, so the modal of "may one day" is none)
_DAY_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_MD_WORD_RE = re.compile(r"(?<![A-Za-z])(?P<m>January|February|March|April|May|June|July|August|September|October|"
                         r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+"
                         r"(?P<d>(?i:one|two|three|four|five|six|seven|eight|nine))(?![A-Za-z-])"
                         r"(?:\s*,\s*(?P<y>\d{4})(?!\d)|\s+(?P<y2>(?:19|20)\d{2})(?![\d,.]))?")


def _h_md_word(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    mo, d = MONTHS[m["m"].lower()], _DAY_WORDS[m["d"].lower()]
    year = m["y"] or m["y2"]  # "July one, 1988", "July one 1988"
    return _day(int(year), mo, d) if year else _month_day(mo, d, ctx)


_MD_PATTERNS: list[tuple[re.Pattern[str], _Handler]] = [
    (_rx(rf"{_WD}{_mon('m')}\s*{_d('d')}(?!\s*,?\s*\d)"), _h_md),
    (_rx(rf"(?:the\s+)?{_d('d')}\s+(?:of\s+)?{_mon('m')}"), _h_md),
    (_MD_WORD_RE, _h_md_word),
]
_YEAR_TO = (
    rf"(?:(?P<fis>fiscal|financial|calendar)\s+)?(?:year|(?P<qtr>quarter)|(?P<hy>half[\s-]year|half)"
    rf"|(?P<n>twelve|12|nine|9|six|6|three|3|eighteen|18)\s+months)"
    rf"\s+(?:to|ended|ending|through|until|that\s+ended|which\s+ended)\s+(?:in\s+)?(?:the\s+end\s+of\s+)?"
    rf"(?:{_d('d1')}\s+)?{_mon('m')}\s*(?:{_d('d2')})?\s*,?\s*(?:{_y('y')})?"
)
_PERIOD_PATTERNS: list[tuple[re.Pattern[str], _Handler]] = [
    (_rx(_YEAR_TO), _h_year_to),
    (_rx(r"(?<![A-Za-z])(?:fiscal\s+|F)Q(?P<q>[1-4])(?:\s*(?:of\s+)?(?:fiscal\s+|FY\s?)?'?(?P<y>\d{4}|\d{2}))?(?![\d%])"), _h_fiscal_quarter_code),
    (_rx(r"(?<![A-Za-z0-9])Q(?P<q>[1-4])\s*(?:of\s+)?(?:fiscal\s+(?:year\s+)?|FY\s?)'?(?P<y>\d{4}|\d{2})(?![\d%])"), _h_fiscal_quarter_code),
    (_rx(
        rf"(?:(?P<yb>\d{{4}})(?:'s|\u2019s)?\s+)?(?P<o>first|second|1st|2nd|latter|final)(?:[\s-]+(?P<fis>fiscal|financial))?[\s-]+half(?![\s-]+(?:an?|dozen)(?![A-Za-z]))"
        rf"(?:\s+of)?(?:\s+(?:the\s+)?(?:(?P<fis2>fiscal|financial|calendar)\s+)?year)?"
        rf"(?:\s*,?\s*(?:of\s+)?(?:(?P<fis3>fiscal|financial)\s+(?:year\s+)?)?{_y('y')})?{_REL_YEAR}"
    ), _h_half),
    (_rx(r"(?<![A-Za-z0-9])H(?P<h>[12])\s*'?(?P<y>\d{4}|\d{2})?(?![\d%])"), _h_half_code),
    (_rx(r"(?<![A-Za-z0-9])(?P<h>[12])H\s*'?(?P<y>\d{4}|\d{2})(?!\d)"), _h_half_code),
    (_rx(r"(?<!\d)(?P<y>\d{4})\s*-?\s*H(?P<h>[12])(?![\d])"), _h_half_code),
    (_rx(
        rf"(?:(?P<yb>\d{{4}})(?:'s|\u2019s)?\s+)?(?P<o>first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
        rf"(?:[\s-]+(?P<fis>fiscal|financial))?[\s-]+quarter(?P<of>\s+of)?"
        rf"(?:\s+(?:the\s+)?(?:(?P<fis2>fiscal|financial|calendar)\s+)?year)?(?:\s*,?\s*(?:of\s+)?(?:(?P<fis3>fiscal|financial)\s+(?:year\s+)?)?{_y('y')})?{_REL_YEAR}"
    ), _h_quarter),
    (_rx(r"(?<![A-Za-z0-9])Q(?P<q>[1-4])\s*'?(?P<y>\d{4}|\d{2})?(?![\d%])"), _h_quarter_code),
    (_rx(r"(?<![A-Za-z0-9])(?P<q>[1-4])Q\s*'?(?P<y>\d{4}|\d{2})(?!\d)"), _h_quarter_code),
    (_rx(r"(?<!\d)(?P<y>\d{4})\s*-?\s*Q(?P<q>[1-4])(?![\d])"), _h_quarter_code),
    (_rx(rf"(?<![A-Za-z])(?:fiscal|financial)(?:\s+year)?\s+'?{_y('y')}(?:\s*[-/\u2013]\s*(?P<y2>\d{{4}}|\d{{2}})(?!\d))?"), _h_fiscal),
    (_rx(r"(?<![A-Za-z])FY\s?'?(?P<y>\d{4}|\d{2})(?:\s*[-/\u2013]\s*(?P<y2>\d{4}|\d{2}))?(?!\d)"), _h_fiscal),
    (_rx(rf"{_y('y')}(?:\s*[-/\u2013]\s*(?P<y2>\d{{4}}|\d{{2}})(?!\d))?\s+(?:fiscal|financial)\s+year"), _h_fiscal),
    (_rx(rf"{_mon('m')}(?:\s*,?\s*{_y('y')})?[\s-]+quarter(?![A-Za-z])"), _h_month_quarter),
    (_rx(rf"(?<![A-Za-z])(?P<s>spring|summer|autumn|fall|winter)(?:\s+of)?\s*,?\s+{_y('y')}"), _h_season),
    (_rx(
        rf"(?P<o>first|last|final)\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|[2-9]|1[01])\s+months"
        rf"(?:\s+of)?(?:\s+(?:the\s+)?(?:(?:fiscal|financial|calendar)\s+)?year)?(?:\s*,?\s*(?:of\s+)?{_y('y')})?{_REL_YEAR}"
    ), _h_first_months),
    (_rx(rf"{_mon('m')}\s*,?\s*(?:of\s+)?{_y('y')}"), _h_month_year),
]
_YEAR_PATTERNS: list[tuple[re.Pattern[str], _Handler]] = [
    (_rx(r"(?<![\d/.\-])(?P<y>\d{4})-(?P<m>\d{2})(?![\d\-/%]|\.\d)"), _h_iso_month),
    (_rx(r"(?<![\d.,$\u00a3\u20ac\u00a5'\u2019])(?P<c>1[89]|20)(?P<dd>\d)0['\u2019]?s(?![A-Za-z])"), _h_decade),
    (_rx(r"(?<![\dA-Za-z])['\u2019](?P<c>)(?P<dd>\d)0s(?![A-Za-z])"), _h_decade),
    (_rx(r"(?<![\d.,$\u00a3\u20ac\u00a5/])(?<!\d[\-/])(?P<y>\d{4})(?![\d%]|[.,]\d|\s*(?:per\s*cent|percent|pc)\b)"), _h_year),
]
_RELATIVE_PATTERNS: list[tuple[re.Pattern[str], _Handler]] = [
    (_rx(r"(?<![A-Za-z])(?:the\s+day\s+before\s+yesterday|yesterday|last\s+night|earlier\s+today|today|tonight"
         r"|this\s+(?:morning|afternoon|evening)|tomorrow)(?![A-Za-z])"), _h_deictic),
    (_rx(r"(?<![A-Za-z\d])(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"
         r"\s+(?P<u>day|week|month|year)s?\s+ago(?![A-Za-z])"), _h_days_ago),
    (_rx(r"(?<![A-Za-z])(?:(?P<kw>within|in|over|during|for)\s+)?(?:the\s+)?(?P<dir>next|coming|past|last)\s+"
         r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|thirty|forty|fifty|sixty|ninety|\d{1,3})"
         r"\s+(?P<u>day|week|month|year)s(?![A-Za-z])"), _h_window),
    (_rx(r"(?<![A-Za-z])(?P<kw>within)\s+(?:(?P<dir>the\s+next)\s+)?(?:(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten"
         r"|eleven|twelve|eighteen|twenty|thirty|forty|fifty|sixty|ninety|\d{1,3})\s+)?(?P<u>day|week|month|year)s?(?![A-Za-z])"), _h_window),
    (_rx(r"(?<![A-Za-z])(?P<rel>last|this|current|next|earlier\s+this|later\s+this|so\s+far\s+this)"
         r"\s+(?P<u>year|month|quarter|week|weekend)(?![A-Za-z])"), _h_relative_unit),
    (_rx(r"(?<![A-Za-z])(?:(?P<rel>last|this|next|past|previous|on)\s+)?(?P<wd>monday|tuesday|wednesday|thursday"
         r"|friday|saturday|sunday)(?![A-Za-z])"), _h_weekday),
    (_rx(rf"^\s*(?:(?:in|on|during|since|by|until|till|from|of|the|month|early|late|mid|end|beginning|start|before|after"
         rf"|about|around|circa|approximately|roughly)[\s-]+)*(?P<body>(?:(?P<rel>last|this|next)\s+)?{_mon('m')})\s*$"),
     _h_month_alone),
]

# "the six months to June 30, 2019" is a period, not the day it ends on: _YEAR_TO goes first
_ALL_SINGLE = _PERIOD_PATTERNS[:1] + _FULL_DATE_PATTERNS + _PERIOD_PATTERNS[1:] + _MD_PATTERNS + _YEAR_PATTERNS + _RELATIVE_PATTERNS

_RANGE_PATTERNS: list[tuple[re.Pattern[str], _Handler]] = [
    (_rx(rf"{_mon('m')}\s*{_d('d1')}\s*{_CONN}\s*{_d('d2')}(?:\s*,?\s*{_y('y')})?"), _h_day_range),
    (_rx(rf"{_d('d1')}\s*{_CONN}\s*{_d('d2')}\s+(?:of\s+)?{_mon('m')}(?:\s*,?\s*{_y('y')})?"), _h_day_range),
    (_rx(r"(?<![\d.,$\u00a3\u20ac/\-])(?P<y1>\d{4})\s*(?P<conn>-|\u2010|\u2011|\u2013|\u2014|/|to|through|and)\s*"
         r"(?P<y2>\d{4}|\d{2})(?![\d%/\-]|[.,]\d)"), _h_year_range),
]
_SPLIT_RE = _rx(r"\s+(?:to|through|until|till|and)\s+|\s*[\u2013\u2014]\s*|\s+-\s+")


def _first(patterns, text: str, ctx: _Ctx) -> _Date | None:
    for rx, handler in patterns:
        for m in rx.finditer(text):
            r = handler(m, ctx)
            if r is not None:
                start = m.start("body") if "body" in rx.groupindex else m.start()
                return replace(r, start=start, end=m.end())
    return None


def _parse_single(text: str, ctx: _Ctx) -> _Date | None:
    r = _first(_ALL_SINGLE, text, ctx)
    if r is not None and r.kind in ("year", "decade", "month") and not r.relative:
        # "February 30, 2019" is a wrong date, not the year 2019; "the year ended December 31, 1986" holds a
        # right one and is the year 1986
        for rx, handler in _FULL_DATE_PATTERNS:
            m = rx.search(text)
            if m is not None and handler(m, ctx) is None:
                return None
    return r


def _parse_range(text: str, ctx: _Ctx) -> _Date | None:
    r = _first(_RANGE_PATTERNS, text, ctx)
    if r is not None:
        return r
    # "March to May 2019", "from Oct. 7, 2019 to Nov. 1, 2019", "between 2015 and 2018"
    for k, m in enumerate(_SPLIT_RE.finditer(text)):
        if k >= 4:
            break
        left, right = text[: m.start()], text[m.end() :]
        if "and" in m.group().lower() and not re.search(r"between\s", left, re.I):
            continue
        b = _parse_single(right, ctx)
        if b is None:
            continue
        a = _parse_single(left, replace(ctx, year=b.low.year)) if not _has_year(left) else _parse_single(left, ctx)
        if a is None or a.low > b.high or a.value == b.value:
            continue
        tail = left[a.end :]
        if re.search(r"[A-Za-z0-9]", tail):
            continue
        return _Date(a.value, a.low, b.high, a.kind, a.relative or b.relative, "range", a.start, m.end() + b.end)
    return None


def _has_year(s: str) -> bool:
    return re.search(r"(?<!\d)\d{4}(?!\d)", s) is not None



# ------------------------------------------------------------------ dateparser fallback

_DP_MAX_CHARS = 64
_DP_MAX_TOKENS = 10
_DP_TOKEN_RE = re.compile(r"[A-Za-z]+\.?|\d+(?:st|nd|rd|th)?|[,/\-]", re.I)
_DP_WORDS = set(MONTHS) | set(WEEKDAYS) | {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "the", "of", "day", "on"}


@functools.lru_cache(maxsize=2)
def _dp_parser(dayfirst: bool):
    try:
        from datetime import datetime

        from dateparser.date import DateDataParser
    except Exception:  # noqa: BLE001 - an optional helper; our own patterns still work without it
        return None
    return DateDataParser(
        languages=["en"],
        settings={
            "PARSERS": ["absolute-time"],
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RELATIVE_BASE": datetime(2000, 1, 1),
            "DATE_ORDER": "DMY" if dayfirst else "MDY",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_TIME_AS_PERIOD": True,
        },
    )


def _dateparser_day(text: str, ctx: _Ctx) -> _Date | None:
    """A full date in a word order our patterns do not cover, read by dateparser
    under the guards described in the module docstring; None otherwise."""
    t = " ".join(text.split()).strip(" ,.")
    if not 8 <= len(t) <= _DP_MAX_CHARS:
        return None
    toks = _DP_TOKEN_RE.findall(t)
    if len(toks) > _DP_MAX_TOKENS or "".join(toks) != re.sub(r"\s", "", t):
        return None
    months, days, years = [], [], []
    for tok in toks:
        low = tok.lower().rstrip(".")
        if tok[0].isdigit():
            lead = re.match(r"\d+", tok)
            assert lead is not None  # tok starts with a digit
            digits = lead.group()
            if len(digits) == 4 and tok == digits:
                years.append(int(digits))
            elif len(digits) <= 2 and 1 <= int(digits) <= 31:
                days.append(int(digits))
            else:
                return None
        elif tok[0].isalpha():
            if low not in _DP_WORDS:
                return None
            if low in MONTHS:
                months.append(MONTHS[low])
    if len(months) != 1 or len(days) != 1 or len(years) != 1 or not _ok_year(years[0], YEAR_MIN, YEAR_MAX):
        return None
    parser = _dp_parser(ctx.dayfirst)
    if parser is None:
        return None
    try:
        data = parser.get_date_data(t)
    except Exception:  # noqa: BLE001 - whatever it raises, the answer is "not a date"
        return None
    d = getattr(data, "date_obj", None)
    if d is None or getattr(data, "period", None) not in ("day", "time"):
        return None
    if (d.year, d.month, d.day) != (years[0], months[0], days[0]):
        return None
    return _day(d.year, d.month, d.day)


# ------------------------------------------------------------------ qualifiers

_MODIFIER_RE = _rx(
    r"(?:(?P<early>early|the\s+(?:start|beginning)\s+of|(?:start|beginning)\s+of)"
    r"|(?P<mid>mid|the\s+middle\s+of|middle\s+of)"
    r"|(?P<late>late|the\s+end\s+of|end\s+of|end)"
    r")[\s\-]*(?:the\s+)?$"
)
_DATE_QUALIFIERS: list[tuple[re.Pattern[str], Qualifier, str]] = [
    # (phrase right before the date, qualifier, which bound it keeps)
    (_rx(r"(?:since|from|starting(?:\s+(?:in|on|from))?|beginning(?:\s+(?:in|on))?|as\s+of|no\s+earlier\s+than)\s*$"), "at_least", "low"),
    (_rx(r"(?:after|later\s+than)\s*$"), "at_least", "after"),
    (_rx(r"(?:before|prior\s+to|ahead\s+of|earlier\s+than)\s*$"), "at_most", "before"),
    (_rx(r"(?:until|till|by|through|up\s+to|no\s+later\s+than|not\s+later\s+than)\s*$"), "at_most", "high"),
    (_rx(r"(?:about|around|circa|c\.|ca\.|approximately|roughly|some\s*time\s+in|sometime\s+in)\s*$"), "approx", ""),
]


def _narrow(r: _Date, which: str) -> _Date:
    """early/mid/late: the first/middle/last third (by whole months when the
    period is whole months, e.g. early 2019 = Jan-Apr; by days within a month)."""
    months = (r.high.year - r.low.year) * 12 + r.high.month - r.low.month + 1
    whole = r.low.day == 1 and r.high.day == _last_day(r.high.year, r.high.month)
    if whole and months >= 3:
        third = months // 3
        k0 = r.low.year * 12 + r.low.month - 1
        first = {"early": 0, "mid": third, "late": months - third}[which]
        last = {"early": third, "mid": months - third, "late": months}[which] - 1
        a, b = k0 + first, k0 + last
        lo = date(a // 12, a % 12 + 1, 1)
        hi = date(b // 12, b % 12 + 1, _last_day(b // 12, b % 12 + 1))
        return replace(r, low=lo, high=hi, qualifier="approx")
    days = (r.high - r.low).days + 1
    third = max(days // 3, 1)
    if which == "early":
        lo, hi = r.low, r.low + timedelta(days=third - 1)
    elif which == "mid":
        lo, hi = r.low + timedelta(days=third), r.high - timedelta(days=third)
    else:
        lo, hi = r.high - timedelta(days=third - 1), r.high
    return replace(r, low=lo, high=max(lo, hi), qualifier="approx")


def _apply_context(r: _Date, prefix: str) -> tuple[_Date, date | None, date | None]:
    """``r`` with the qualifier the words before it give, and its (low, high) bounds: None where that makes the
    interval open ("since 2015" has no high)."""
    prefix = prefix.rstrip()
    if r.kind != "day" and r.qualifier != "range":
        mm = _MODIFIER_RE.search(prefix)
        if mm and (mm.start() == 0 or not prefix[mm.start() - 1].isalnum()):
            which = "early" if mm["early"] else "mid" if mm["mid"] else "late"
            r = _narrow(r, which)
            prefix = prefix[: mm.start()].rstrip()
    if r.qualifier == "range":
        return r, r.low, r.high
    for rx, q, bound in _DATE_QUALIFIERS:
        mm = rx.search(prefix)
        if not mm or (mm.start() > 0 and prefix[mm.start() - 1].isalnum()):
            continue
        if q == "approx":
            return replace(r, qualifier="approx"), r.low, r.high
        try:
            if bound == "low":
                return replace(r, qualifier=q), r.low, None
            if bound == "after":
                return replace(r, qualifier=q), r.high + timedelta(days=1), None
            if bound == "before":
                return replace(r, qualifier=q), None, r.low - timedelta(days=1)
            return replace(r, qualifier=q), None, r.high
        except OverflowError:
            return r, r.low, r.high
    return r, r.low, r.high


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


#: words right before a date that put it in the future: a bare weekday then means the next one, not the last
_FUTURE_CUE = re.compile(
    r"(?<![A-Za-z'])(?:will|'ll|shall|is\s+to|are\s+to|(?:is|are|was|were)\s+(?:due|set|expected|scheduled|slated|"
    r"poised|planning|going)(?:\s+to)?|begins?|starts?|plans?\s+to|"
    r"aims?\s+to|intends?\s+to|until|by\s+next)(?:\s+\w+){0,3}\s*(?:on\s+|from\s+|by\s+)?$",
    re.I,
)


@total(None)
def normalize_date(
    text: str,
    published: date | None = None,
    left_context: str = "",
    *,
    dayfirst: bool = False,
    tense: str | None = None,
) -> Quantity | None:
    """A DATE span -> ``Quantity(value=ISO string, unit="date", ...)`` or None.

    ``published`` (the article's date) resolves year-less and relative dates;
    without it they give None.  ``dayfirst`` reads "12/10/2021" as 12 October
    (default: US order, 10 December).  ``kind`` is the granularity ("day",
    "month", "year", "half", "quarter", "fiscal_year", "fiscal_quarter",
    "decade", "period", "week", "weekend") or "relative" when ``published`` was
    needed.  Qualifiers: "since 2015" (at_least, open high), "before 2019"
    (at_most, high 2018-12-31), "by 2020" (at_most), "about"/"around" (approx),
    "early/mid/late 2019" (approx, first/middle/last third), ranges
    ("Oct. 7-9, 2019", "2015-18", "March to May 2019").

    A bare weekday ("on Friday") is the one on or before ``published`` when the sentence tells the past and the
    one on or after it when it tells the future ("will list on Friday", "begins trading on Friday", "is due to
    price on Friday"); on the page's own weekday both are that day (a Thursday wire story's "will report on
    Thursday" is today).  ``tense`` ("past" or "future", from a parse: :func:`claimcheck.pipeline.tense.
    clause_tense`) decides where given; without it the words just before the date do (``_FUTURE_CUE``), and
    with neither the weekday is the one before.
    """
    if not isinstance(text, str) or not isinstance(left_context, str):
        return None
    if published is not None and not isinstance(published, date):
        published = None
    if published is not None and type(published) is not date:
        try:
            published = date(published.year, published.month, published.day)
        except (AttributeError, ValueError):
            published = None
    text = text[:MAX_TEXT]
    left = left_context[-MAX_CONTEXT:]
    future = tense == "future" if tense in ("past", "future") else bool(_FUTURE_CUE.search(left))
    ctx = _Ctx(published, bool(dayfirst), future=future)
    r = None
    # "last" / "fiscal" / "next" sometimes stays outside the span
    mm = re.search(r"(?<![A-Za-z])(?:last|next|this|fiscal|financial|FY)\s*$", left, re.I)
    if mm:
        joined = left[mm.start() :].rstrip() + " " + text
        j = _parse_single(joined, ctx)
        if j is not None and j.start < len(joined) - len(text):
            r, left, text = j, left[: mm.start()], joined
    if r is None:
        r = _parse_range(text, ctx) or _parse_single(text, ctx)
        if r is None or (r.kind in ("year", "month") and r.qualifier == "exact" and not r.relative):
            # a full date in a word order of its own ("November the 5th, 2019"): dateparser, guarded
            d = _dateparser_day(text, ctx)
            if d is not None and (r is None or r.low <= d.low <= r.high):
                r = replace(d, start=0, end=len(text))
    if r is None:
        return None
    r, low, high = _apply_context(r, left + " " + text[: r.start])
    kind = "relative" if r.relative else r.kind
    return Quantity(r.value, "date", r.qualifier, _iso(low), _iso(high), kind)


# ------------------------------------------------------------------ period_of

_PERIOD_YEAR_RE = _rx(
    r"(?:(?<![A-Za-z])(?:in|for|during|of|since|by|through|until|from|over|the|its|their|his|her|calendar|year|full-year"
    r"|full\s+year|fiscal|financial|and|to)\s+|,\s*)"
    r"(?P<y>\d{4})(?![\d%]|[.,]\d|\s*(?:per\s*cent|percent|pc)\b)"
    r"|(?<![\d.,$\u00a3\u20ac\u00a5/\-])(?P<y2>\d{4})(?:['\u2019]s|\s+(?:revenue|revenues|sales|profits?|results|earnings"
    r"|figures?|budget|turnover|income|losses|loss|output|exports|imports|growth|forecast|target|valuation))"
)
_PERIOD_RELATIVE_RE = _rx(
    r"(?<![A-Za-z])(?P<rel>last|this|current|next|earlier\s+this|later\s+this|so\s+far\s+this)"
    r"\s+(?P<u>year|quarter|month)(?![A-Za-z])"
)


def _h_period_year(m: re.Match[str], ctx: _Ctx) -> _Date | None:
    return _year(int(m["y"] or m["y2"]))


@total(None)
def period_of(text: str, published: date | None = None) -> str | None:
    """The period a figure refers to, from a phrase or sentence: "in 2018" -> "2018",
    "in the first half of 2019" -> "2019-H1", "in the year to March 2019" / "fiscal 2019"
    -> "FY2019", "last year" -> published year - 1, "the third quarter" -> "2019-Q3"
    (year from ``published``).  Full dates ("on Oct. 7, 2019") are events, not
    periods, and are skipped; the leftmost (then longest) period phrase wins.
    """
    if not isinstance(text, str):
        return None
    if published is not None and not isinstance(published, date):
        published = None
    text = text[:_PERIOD_TEXT]
    ctx = _Ctx(published)
    keep = [(m.start(), m.end()) for m in _PERIOD_PATTERNS[0][0].finditer(text)]

    def blank(m: re.Match[str]) -> str:
        if any(a <= m.start() < b for a, b in keep):
            return m.group()
        return " " * len(m.group())

    masked = text
    for rx, _h in _FULL_DATE_PATTERNS + _MD_PATTERNS:
        masked = rx.sub(blank, masked)
    best: tuple[int, int, str] | None = None
    pats = _PERIOD_PATTERNS + [
        (_PERIOD_YEAR_RE, _h_period_year),
        (_PERIOD_RELATIVE_RE, _h_relative_unit),
    ]
    for rx, handler in pats:
        for m in rx.finditer(masked):
            r = handler(m, ctx)
            if r is None:
                continue
            start = m.start("y") if rx is _PERIOD_YEAR_RE and m["y"] else m.start()
            key = (start, -(m.end() - start), r.value)
            if best is None or key[:2] < best[:2]:
                best = key
            break
    return best[2] if best else None


# ------------------------------------------------------------------ infer_dayfirst

#: texts scanned by infer_dayfirst, in all (characters)
_DAYFIRST_MAX_CHARS = 1_000_000
_NUMERIC_DATE_RE = re.compile(
    r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})(?![\d/\-]|\.\d)"
)
_DMY_WORDS_RE = _rx(rf"(?<![\d.,])(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{_mon('m')}\s*,?\s*(?P<y>\d{{4}})(?!\d)")
# the look-ahead on a month's first letter keeps a scan of long documents fast
_MDY_WORDS_RE = _rx(rf"(?=[ADFJMNOSadfjmnos]){_mon('m')}\s*(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*,?\s*(?P<y>\d{{4}})(?!\d)")


@total(None)
def infer_dayfirst(texts: list[str]) -> bool | None:
    """Whether a document writes numeric dates day first, from its own dates.

    Numeric dates that only fit one order decide: "25/11/2019" -> True,
    "11/25/2019" -> False (the majority wins; a tie decides nothing).  Without
    those, the order of written-out dates is a weaker hint: "25 November 2019"
    (British style) against "November 25, 2019" (American style), taken when one
    style outnumbers the other more than two to one.  None when nothing decides
    (then the caller's locale, else month first).  ``texts`` may be one string.
    """
    if isinstance(texts, str):
        texts = [texts]
    if not isinstance(texts, (list, tuple)):
        return None
    day_first = month_first = named_dm = named_md = 0
    budget = _DAYFIRST_MAX_CHARS
    for t in texts:
        if not isinstance(t, str) or budget <= 0:
            continue
        t = t[:budget]
        budget -= len(t)
        for m in _NUMERIC_DATE_RE.finditer(t):
            a, b = int(m["a"]), int(m["b"])
            if 12 < a <= 31 and 1 <= b <= 12:
                day_first += 1
            elif 12 < b <= 31 and 1 <= a <= 12:
                month_first += 1
        named_dm += sum(1 for m in _DMY_WORDS_RE.finditer(t) if 1 <= int(m["d"]) <= 31)
        named_md += sum(1 for m in _MDY_WORDS_RE.finditer(t) if 1 <= int(m["d"]) <= 31)
    if day_first != month_first:
        return day_first > month_first
    if named_dm > 2 * named_md:
        return True
    if named_md > 2 * named_dm:
        return False
    return None


# ------------------------------------------------------------------ founding_year

_ORG_NOUNS = (
    "firm|company|companies|start-?up|business|bank|group|brand|chain|retailer|maker|carmaker|automaker|airline"
    "|brewer|brewery|label|venture|enterprise|institution|organi[sz]ation|charity|newspaper|paper|fund|platform"
    "|app|service|website|site|partnership|conglomerate|insurer|lender|publisher|operator|manufacturer|franchise"
    "|store|shop|restaurant|hotel|network|channel|magazine|agency|studio|outfit|unicorn|fintech|exchange|club"
    "|producer|supplier|developer|provider|carrier|utility|miner|builder|house|family\\s+firm|co\\.?|corp\\.?|plc|inc\\.?"
)
_NUM_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    "|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred"
)
_AGE_NUM = rf"(?P<n>\d{{1,3}}|(?:{_NUM_WORDS})(?:[\s-](?:{_NUM_WORDS}))?|(?P<vague>decade|century))"
_FOUNDING_RES = [
    # "the 7-year-old firm", "a seven-year-old Chinese technology start-up", "the century-old bank"
    _rx(rf"(?<![A-Za-z\d]){_AGE_NUM}(?:[\s-]+years?)?[\s-]+old(?:\s+[A-Za-z][\w'&.-]*){{0,3}}?\s+(?:{_ORG_NOUNS})(?![A-Za-z])"),
    # "founded seven years ago", "set up about 12 years ago"
    _rx(rf"(?:founded|established|set\s+up|started|created|launched|formed|incorporated|opened)\s+"
        rf"(?P<q>some|about|around|roughly|nearly|almost|more\s+than|over|less\s+than)?\s*{_AGE_NUM}\s+years?\s+ago"),
    # "the firm, which is 12 years old"
    _rx(rf"(?:{_ORG_NOUNS})\s*,?\s+(?:which|that)\s+is\s+(?P<q>some|about|around|roughly|nearly|almost|more\s+than|over|less\s+than)?"
        rf"\s*{_AGE_NUM}\s+years?\s+old"),
]


def _age_years(m: re.Match[str]) -> int | None:
    if m["vague"]:
        return 10 if m["vague"].lower() == "decade" else 100
    w = m["n"].lower()
    if w.isdigit():
        return int(w)
    total = 0
    for part in re.split(r"[\s-]+", w):
        v = _word_int(part) if part != "hundred" else None
        if part == "hundred":
            total = (total or 1) * 100
        elif v is None:
            return None
        else:
            total += v
    return total


def _years_before(p: date, n: int) -> date:
    y = p.year - n
    return date(y, p.month, min(p.day, _last_day(y, p.month)))


@total(None)
def founding_year(text: str, published: date | None = None) -> Quantity | None:
    """The founding year an organisation's age implies: "the 7-year-old firm"
    published 2019-10-08 -> founded between 2011-10-09 and 2012-10-08, value "2012"
    (the year most of that interval lies in), qualifier "approx",
    kind "founding_year".  Also "founded seven years ago" and "the company, which
    is 12 years old"; "decade-old" / "century-old" give at least 10 / 100 years
    (low bound twice that far back).  Only ages of organisations count: "the
    18-year-old winger" is None.  None without ``published``.
    """
    if not isinstance(text, str) or not isinstance(published, date):
        return None
    if type(published) is not date:
        published = date(published.year, published.month, published.day)
    text = text[:_PERIOD_TEXT]
    for rx in _FOUNDING_RES:
        m = rx.search(text)
        if not m:
            continue
        n = _age_years(m)
        if n is None or not 0 <= n <= 1000:
            continue
        q = (m.groupdict().get("q") or "").lower()
        try:
            if m["vague"]:
                high = _years_before(published, n)
                low = _years_before(published, 2 * n) + timedelta(days=1)
            else:
                high = _years_before(published, n)
                low = _years_before(published, n + 1) + timedelta(days=1)
                if q in ("more than", "over"):
                    low, high = None, high
                elif q == "less than":
                    low, high = _years_before(published, n) + timedelta(days=1), published
        except (ValueError, OverflowError):
            continue
        if low is not None and not _ok_year(low.year):
            continue
        if low is None:
            value = high.year
            return Quantity(f"{value:04d}", "date", "at_most", None, _iso(high), "founding_year")
        # the year holding most of [low, high]; "decade-old": the latest year it can be
        value = high.year if m["vague"] else (low + (high - low) / 2).year
        return Quantity(f"{value:04d}", "date", "approx", _iso(low), _iso(high), "founding_year")
    return None
