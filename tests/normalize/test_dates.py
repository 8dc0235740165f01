"""normalize_date and period_of."""

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.normalize import Quantity, normalize_date, period_of

PUB = date(2019, 10, 8)  # a Tuesday

DATE_CASES = [
    # (text, published, left, value, qualifier, low, high, kind)
    ("Oct. 7, 2019", None, "", "2019-10-07", "exact", "2019-10-07", "2019-10-07", "day"),
    ("October 7, 2019", None, "", "2019-10-07", "exact", "2019-10-07", "2019-10-07", "day"),
    ("Monday, Oct. 7, 2019", None, "", "2019-10-07", "exact", "2019-10-07", "2019-10-07", "day"),
    ("7 October 2019", None, "", "2019-10-07", "exact", "2019-10-07", "2019-10-07", "day"),
    ("7th of October, 2019", None, "", "2019-10-07", "exact", "2019-10-07", "2019-10-07", "day"),
    ("Sept. 30, 2019", None, "", "2019-09-30", "exact", "2019-09-30", "2019-09-30", "day"),
    ("July 4, 1776", None, "", "1776-07-04", "exact", "1776-07-04", "1776-07-04", "day"),
    ("2019-10-07", None, "", "2019-10-07", "exact", "2019-10-07", "2019-10-07", "day"),
    ("October 7", PUB, "", "2019-10-07", "exact", "2019-10-07", "2019-10-07", "relative"),
    ("Oct. 7", PUB, "", "2019-10-07", "exact", "2019-10-07", "2019-10-07", "relative"),
    ("7 October", PUB, "", "2019-10-07", "exact", "2019-10-07", "2019-10-07", "relative"),
    # more than ~6 months after publication -> the year before
    ("December 20", date(2020, 1, 5), "", "2019-12-20", "exact", "2019-12-20", "2019-12-20", "relative"),
    ("January 10", date(2019, 12, 20), "", "2019-01-10", "exact", "2019-01-10", "2019-01-10", "relative"),
    ("Monday", PUB, "", "2019-10-07", "exact", "2019-10-07", "2019-10-07", "relative"),
    ("on Tuesday", PUB, "", "2019-10-08", "exact", "2019-10-08", "2019-10-08", "relative"),
    ("Friday", PUB, "", "2019-10-04", "exact", "2019-10-04", "2019-10-04", "relative"),
    ("last Tuesday", PUB, "", "2019-10-01", "exact", "2019-10-01", "2019-10-01", "relative"),
    ("Tuesday", PUB, "last", "2019-10-01", "exact", "2019-10-01", "2019-10-01", "relative"),
    ("yesterday", PUB, "", "2019-10-07", "exact", "2019-10-07", "2019-10-07", "relative"),
    ("today", PUB, "", "2019-10-08", "exact", "2019-10-08", "2019-10-08", "relative"),
    ("two days ago", PUB, "", "2019-10-06", "exact", "2019-10-06", "2019-10-06", "relative"),
    ("last week", PUB, "", "2019-10-01", "approx", "2019-09-30", "2019-10-06", "relative"),
    ("this month", PUB, "", "2019-10", "exact", "2019-10-01", "2019-10-31", "relative"),
    ("last month", PUB, "", "2019-09", "exact", "2019-09-01", "2019-09-30", "relative"),
    ("earlier this year", PUB, "", "2019", "exact", "2019-01-01", "2019-12-31", "relative"),
    ("this year", PUB, "", "2019", "exact", "2019-01-01", "2019-12-31", "relative"),
    ("last year", PUB, "", "2018", "exact", "2018-01-01", "2018-12-31", "relative"),
    ("next year", PUB, "", "2020", "exact", "2020-01-01", "2020-12-31", "relative"),
    ("last quarter", PUB, "", "2019-Q3", "exact", "2019-07-01", "2019-09-30", "relative"),
    ("2018", None, "", "2018", "exact", "2018-01-01", "2018-12-31", "year"),
    ("2018", None, "in", "2018", "exact", "2018-01-01", "2018-12-31", "year"),
    ("the 1990s", None, "", "1990s", "exact", "1990-01-01", "1999-12-31", "decade"),
    ("August 2019", None, "", "2019-08", "exact", "2019-08-01", "2019-08-31", "month"),
    ("October", PUB, "in", "2019-10", "exact", "2019-10-01", "2019-10-31", "relative"),
    ("the first half of 2019", None, "", "2019-H1", "exact", "2019-01-01", "2019-06-30", "half"),
    ("H2 2019", None, "", "2019-H2", "exact", "2019-07-01", "2019-12-31", "half"),
    ("the second half of last year", PUB, "", "2018-H2", "exact", "2018-07-01", "2018-12-31", "relative"),
    ("the six months to June 30, 2019", None, "", "2019-H1", "exact", "2019-01-01", "2019-06-30", "half"),
    ("the third quarter", PUB, "", "2019-Q3", "exact", "2019-07-01", "2019-09-30", "relative"),
    ("the fourth quarter", date(2019, 2, 1), "", "2018-Q4", "exact", "2018-10-01", "2018-12-31", "relative"),
    ("the third quarter of 2018", None, "", "2018-Q3", "exact", "2018-07-01", "2018-09-30", "quarter"),
    ("Q3 2019", None, "", "2019-Q3", "exact", "2019-07-01", "2019-09-30", "quarter"),
    ("3Q19", None, "", "2019-Q3", "exact", "2019-07-01", "2019-09-30", "quarter"),
    ("the first nine months of 2019", None, "", "2019-01/2019-09", "exact", "2019-01-01", "2019-09-30", "period"),
    ("fiscal 2019", None, "", "FY2019", "exact", "2018-02-01", "2019-12-31", "fiscal_year"),
    ("2019", None, "fiscal", "FY2019", "exact", "2018-02-01", "2019-12-31", "fiscal_year"),
    ("FY19", None, "", "FY2019", "exact", "2018-02-01", "2019-12-31", "fiscal_year"),
    ("fiscal 2018-19", None, "", "FY2019", "exact", "2018-02-01", "2019-12-31", "fiscal_year"),
    ("the fiscal year to March 2019", None, "", "FY2019", "exact", "2018-04-01", "2019-03-31", "fiscal_year"),
    ("the year ended March 31, 2019", None, "", "FY2019", "exact", "2018-04-01", "2019-03-31", "fiscal_year"),
    # qualifiers and modifiers
    ("2015", None, "since", "2015", "at_least", "2015-01-01", None, "year"),
    ("2019", None, "before", "2019", "at_most", None, "2018-12-31", "year"),
    ("2020", None, "by", "2020", "at_most", None, "2020-12-31", "year"),
    ("2018", None, "after", "2018", "at_least", "2019-01-01", None, "year"),
    ("early 2019", None, "", "2019", "approx", "2019-01-01", "2019-04-30", "year"),
    ("mid-2019", None, "", "2019", "approx", "2019-05-01", "2019-08-31", "year"),
    ("late 2019", None, "", "2019", "approx", "2019-09-01", "2019-12-31", "year"),
    ("early October", PUB, "", "2019-10", "approx", "2019-10-01", "2019-10-10", "relative"),
    # ranges
    ("Oct. 7-9, 2019", None, "", "2019-10-07", "range", "2019-10-07", "2019-10-09", "day"),
    ("2015-18", None, "", "2015", "range", "2015-01-01", "2018-12-31", "year"),
    ("between 2015 and 2018", None, "", "2015", "range", "2015-01-01", "2018-12-31", "year"),
    ("March to May 2019", None, "", "2019-03", "range", "2019-03-01", "2019-05-31", "month"),
]


@pytest.mark.parametrize("text, published, left, value, qualifier, low, high, kind", DATE_CASES)
def test_normalize_date(text, published, left, value, qualifier, low, high, kind):
    got = normalize_date(text, published, left)
    assert got == Quantity(value, "date", qualifier, low, high, kind)


@pytest.mark.parametrize(
    "text, dayfirst, value",
    [
        ("12/10/2021", False, "2021-12-10"),
        ("12/10/2021", True, "2021-10-12"),
        ("25/10/2021", False, "2021-10-25"),  # a 25th month cannot be: day first
        ("10/25/2021", True, "2021-10-25"),
        ("12.10.2021", True, "2021-10-12"),
        ("3/4/19", False, "2019-03-04"),
    ],
)
def test_numeric_dates(text, dayfirst, value):
    got = normalize_date(text, dayfirst=dayfirst)
    assert got is not None and got.value == value and got.low == got.high == value


def test_published_may_be_datetime():
    assert normalize_date("yesterday", datetime(2019, 10, 8, 12, 30)).value == "2019-10-07"


@pytest.mark.parametrize(
    "text, published",
    [
        ("hello 4000", None),  # no month/day context and not a plausible year
        ("4000", None),
        ("1066", None),  # bare years outside 1800-2100
        ("2019%", None),
        ("$2019", None),
        ("Monday", None),  # relative dates need the publication date
        ("October 7", None),
        ("yesterday", None),
        ("last year", None),
        ("the third quarter", None),
        ("February 30, 2019", None),
        ("13/13/2021", None),
        ("recently", PUB),
        ("a year earlier", PUB),
        ("may one day", PUB),  # the modal, not the month: a month's day in words needs its capital
        ("April sixteen", PUB),  # newswire writes days from ten on in figures
        ("", PUB),
    ],
)
def test_normalize_date_none(text, published):
    assert normalize_date(text, published) is None


PERIOD_CASES = [
    ("sales of about $200 million in 2018", None, "2018"),
    ("revenue for 2019 rose", None, "2019"),
    ("its 2018 revenue", None, "2018"),
    ("in the first half of 2019", None, "2019-H1"),
    ("in H1 2019", None, "2019-H1"),
    ("in the year to March 2019", None, "FY2019"),
    ("for the year ended March 31, 2019", None, "FY2019"),
    ("fiscal 2019", None, "FY2019"),
    ("last year", PUB, "2018"),
    ("earlier this year", PUB, "2019"),
    ("the third quarter", PUB, "2019-Q3"),
    ("in the third quarter of 2018", PUB, "2018-Q3"),
    ("in October 2019", None, "2019-10"),
    ("On Oct. 7, 2019, the company said 2018 sales rose", None, "2018"),
    ("in the first nine months of 2019", None, "2019-01/2019-09"),
]


@pytest.mark.parametrize("text, published, expected", PERIOD_CASES)
def test_period_of(text, published, expected):
    assert period_of(text, published) == expected


@pytest.mark.parametrize(
    "text, published",
    [
        ("no period here", PUB),
        ("about 2000 people", PUB),
        ("last year", None),
        ("On Oct. 7, 2019, it said so", None),
        ("", None),
    ],
)
def test_period_of_none(text, published):
    assert period_of(text, published) is None


_DATES = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


@settings(deadline=1000, max_examples=300)
@given(st.text(max_size=300), _DATES, st.text(max_size=120), st.booleans())
def test_normalize_date_total(text, published, left, dayfirst):
    got = normalize_date.__wrapped__(text, published, left, dayfirst=dayfirst)  # without the safety net
    assert got is None or (isinstance(got, Quantity) and got.unit == "date" and isinstance(got.value, str))


_DATE_WORDS = st.sampled_from(
    ["Oct.", "October", "7", "2019", "-", "to", "and", "between", "last", "this", "next", "year", "quarter",
     "first", "half", "of", "fiscal", "FY", "Q3", "H1", "Monday", "yesterday", "ago", "two", "days", "mid",
     "early", "late", "the", "/", "12", "31", "1999", "9999", "0000", "weekend", "week", "months", "six"]
)


@settings(deadline=1000, max_examples=400)
@given(st.lists(_DATE_WORDS, max_size=30), _DATES, st.booleans())
def test_normalize_date_word_salad(words, published, dayfirst):
    text = " ".join(words)
    got = normalize_date.__wrapped__(text, published, dayfirst=dayfirst)
    assert got is None or isinstance(got, Quantity)
    if got is not None and got.low is not None and got.high is not None:
        assert got.low <= got.high
    period_of.__wrapped__(text, published)


@settings(deadline=1000, max_examples=300)
@given(st.text(max_size=1000), _DATES)
def test_period_of_total(text, published):
    got = period_of.__wrapped__(text, published)
    assert got is None or isinstance(got, str)


@settings(deadline=1000, max_examples=200)
@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31)))
def test_iso_and_long_form_round_trip(d):
    assert normalize_date(d.isoformat()).value == d.isoformat()
    assert normalize_date(d.strftime("%B %d, %Y")).value == d.isoformat()
    assert normalize_date(d.strftime("%d %B %Y")).value == d.isoformat()


@settings(deadline=1000, max_examples=200)
@given(st.dates(min_value=date(1900, 1, 8), max_value=date(2100, 12, 31)), st.integers(0, 6))
def test_weekday_is_on_or_before_published(published, wd):
    name = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][wd]
    got = normalize_date(name, published)
    d = date.fromisoformat(got.value)
    assert d.weekday() == wd and 0 <= (published - d).days < 7


@pytest.mark.parametrize("left, text, expected", [
    ("It begins trading on", "Friday", "2019-11-22"),       # the Friday to come, not the one before
    ("The company will list on", "Monday", "2019-11-25"),
    ("the shares are due to price on", "Thursday", "2019-11-21"),
    ("Shares rose on", "Friday", "2019-11-15"),            # told as past: the Friday before
    ("Acme said on", "Tuesday", "2019-11-19"),
    ("it said last", "Friday", "2019-11-15"),
    ("added 28 groups to its Entity List late on", "Monday", "2019-11-18"),  # "List" is a noun here
])
def test_a_weekday_in_the_future_tense_resolves_forward(left, text, expected):
    thursday = date(2019, 11, 21)
    assert normalize_date(text, thursday, left).value == expected
