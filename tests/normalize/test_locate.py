"""normalize.locate: finding dates in header lines, their day order, and weekdays that contradict their dates —
and no other module keeping its own months, weekdays or year guess."""

from __future__ import annotations

import re
from datetime import date

import pytest

from claimcheck.normalize import normalize_date
from claimcheck.normalize.locate import dayfirst_hint, find_date, parse_iso_datetime, weekday_contradictions
from conftest import ROOT


@pytest.mark.parametrize("text,published,expected", [
    # November 25, 2019 was a Monday
    ("Shares debuted on Tuesday, November 25, 2019.", None, ("Tuesday, November 25, 2019", "monday")),
    ("Shares debuted on Tuesday, November 25.", date(2019, 11, 27), ("Tuesday, November 25", "monday")),
    ("Shares debuted on Monday, November 25.", date(2019, 11, 27), None),
    ("The vote is on Monday, the 7th of October.", date(2019, 10, 1), None),
    ("The vote is on Tuesday, 7 October.", date(2019, 10, 1), ("Tuesday, 7 October", "monday")),
    # a January page's year-less December date is last December (Friday 20 December 2019)
    ("It closed on Friday, December 20.", date(2020, 1, 3), None),
    # without a year and without a page date nothing can be checked
    ("It closed on Tuesday, November 25.", None, None),
    ("On Tuesday, Smarch 5, nothing happened.", date(2019, 3, 1), None),
    ("On Tuesday, February 30, nothing happened.", date(2019, 3, 1), None),
])
def test_weekday_contradictions(text, published, expected):
    found = [(w.text, w.actual) for w in weekday_contradictions(text, published)]
    assert found == ([expected] if expected else [])


def test_weekday_year_guess_is_the_date_parsers():
    """The year a weekday check gives a year-less date is the one normalize_date gives it."""
    for published in (date(2020, 1, 3), date(2019, 6, 15), date(2019, 12, 30)):
        for month_day in ("December 20", "January 6", "June 30"):
            parsed = normalize_date(month_day, published)
            [w] = list(weekday_contradictions(f"It was on Someday, {month_day}.".replace("Someday", _wrong_day(
                date.fromisoformat(parsed.value))), published))
            assert w.when.isoformat() == parsed.value


def _wrong_day(d: date) -> str:
    return ("Tuesday" if d.weekday() != 1 else "Wednesday")


@pytest.mark.parametrize("lines,expected", [
    (["Published 05/04/2023", "Last updated 14:10 BST"], True),
    (["8 October 2019"], True),
    (["Updated: 10:32 AM ET, Tue October 8, 2019"], False),
    (["October 8, 2019"], False),
    (["Markets", "By Jane Doe"], None),
])
def test_dayfirst_hint(lines, expected):
    assert dayfirst_hint(lines) is expected


def test_locating_reads_through_the_one_date_parser():
    assert find_date("Posted on October 8, 2019 by admin") == (date(2019, 10, 8), 10, 25)
    assert find_date("08.10.2019")[0] == date(2019, 10, 8)  # dots: day first
    assert find_date("version 1.2.34") is None
    assert parse_iso_datetime("2019-10-08T09:03:00+00:00") == date(2019, 10, 8)
    assert parse_iso_datetime("20191008") == date(2019, 10, 8)


def test_no_other_module_keeps_month_or_weekday_tables():
    """Months, weekdays and the year-less-date rule live in normalize/ only (issue: dates parsed in four places)."""
    package = ROOT / "nlp" / "claimcheck"
    table = re.compile(r'"(?:jan|january)":\s*1|"monday":\s*0|\["monday", "tuesday"|\(when - d\.published\)\.days')
    offenders = [str(p.relative_to(package)) for p in package.rglob("*.py")
                 if p.parent.name != "normalize" and table.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
