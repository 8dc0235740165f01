"""detect_qualifier and interval."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.normalize import detect_qualifier, interval

QUALIFIER_CASES = [
    ("$7.5 billion", "exact"),
    ("valued at more than $7.5 billion", "at_least"),
    ("over 300", "at_least"),
    ("at least 20", "at_least"),
    ("above 5%", "at_least"),
    ("upwards of $1m", "at_least"),
    ("in excess of \u00a31bn", "at_least"),
    ("north of $500 million", "at_least"),
    ("exceeding 1,000", "at_least"),
    ("100-plus", "at_least"),
    ("20 or more", "at_least"),
    ("about $200 million", "approx"),
    ("around 1%", "approx"),
    ("roughly 40", "approx"),
    ("nearly $2 billion", "approx"),
    ("almost 30", "approx"),
    ("some 300 people", "approx"),
    ("approximately 12", "approx"),
    ("an estimated $40 million", "approx"),
    ("close to 50%", "approx"),
    ("~5", "approx"),
    ("50 or so", "approx"),
    ("up to $1 billion", "at_most"),
    ("less than 5%", "at_most"),
    ("under 100", "at_most"),
    ("below 2%", "at_most"),
    ("as much as $3bn", "at_most"),
    ("no more than 10", "at_most"),
    ("at most 4", "at_most"),
    ("$1.2m to $23.5m", "range"),
    ("10-12%", "range"),
    ("10\u201312%", "range"),
    ("between $10m and $12m", "range"),
    ("$10m and $12m", "exact"),  # "and" without "between" is not a range
    ("no less than 5", "at_least"),  # longest phrase wins over "less than"
    ("more than", "at_least"),  # a left context on its own
    ("", "exact"),
]


@pytest.mark.parametrize("text, expected", QUALIFIER_CASES)
def test_detect_qualifier(text, expected):
    assert detect_qualifier(text) == expected


INTERVAL_CASES = [
    ((7.5e9, 1e8, "exact"), (7.45e9, 7.55e9)),
    ((200e6, 1e6, "exact"), (199.5e6, 200.5e6)),
    ((200e6, 1e6, "approx"), (195e6, 205e6)),
    ((2e9, 1e9, "approx"), (1.5e9, 2.5e9)),  # step/2 beats 2.5%
    ((7.5e9, 1e8, "at_least"), (7.5e9, None)),
    ((1e9, 1e9, "at_most"), (None, 1e9)),
    ((1234.5, 0.1, "exact"), (1234.45, 1234.55)),
    ((50, 0, "approx"), (48.75, 51.25)),
    ((-5, 1, "exact"), (-5.5, -4.5)),
    ((-5, 1, "approx"), (-5.5, -4.5)),
]


@pytest.mark.parametrize("args, expected", INTERVAL_CASES)
def test_interval(args, expected):
    lo, hi = interval(*args)
    assert lo == (pytest.approx(expected[0]) if expected[0] is not None else None)
    assert hi == (pytest.approx(expected[1]) if expected[1] is not None else None)


def test_interval_integral_bounds_are_ints():
    assert interval(7.5e9, 1e8, "exact") == (7_450_000_000, 7_550_000_000)
    assert all(isinstance(x, int) for x in interval(7.5e9, 1e8, "exact"))


def test_interval_non_finite():
    assert interval(math.nan, 1, "exact") == (None, None)
    assert interval(math.inf, 1, "approx") == (None, None)


@settings(deadline=1000, max_examples=300)
@given(st.text(max_size=300))
def test_detect_qualifier_total(text):
    assert detect_qualifier.__wrapped__(text) in ("exact", "approx", "at_least", "at_most", "range")


@settings(deadline=1000, max_examples=300)
@given(
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["exact", "approx", "at_least", "at_most", "range", "bogus"]),
)
def test_interval_total(value, step, qualifier):
    lo, hi = interval.__wrapped__(value, step, qualifier)
    if lo is not None and hi is not None:
        assert lo <= hi


@settings(deadline=1000, max_examples=300)
@given(
    st.floats(min_value=-1e15, max_value=1e15, allow_nan=False),
    st.floats(min_value=0, max_value=1e12, allow_nan=False),
)
def test_interval_contains_value(value, step):
    for q in ("exact", "approx"):
        lo, hi = interval(value, step, q)
        assert lo <= value <= hi
    assert interval(value, step, "approx")[0] <= interval(value, step, "exact")[0]


def test_safety_net_keeps_functions_total():
    # non-str input is not in the contract, but must not stop a batch run either
    from claimcheck.normalize import normalize_count, normalize_date, normalize_money, normalize_percent, parse_number, period_of

    for fn in (parse_number, normalize_money, normalize_percent, normalize_count, normalize_date, period_of):
        assert fn(None) is None
        assert fn(12345) is None
    assert detect_qualifier(None) == "exact"
    assert interval("x", None, "exact") == (None, None)
