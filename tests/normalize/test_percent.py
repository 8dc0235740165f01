"""normalize_percent: %, per cent, percentage points, basis points, ranges, fractions."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.normalize import Quantity, normalize_percent

PERCENT_CASES = [
    # (text, left, value, unit, qualifier, low, high, kind)
    ("1%", "", 1, "percent", "exact", 0.5, 1.5, ""),
    ("around 1%", "", 1, "percent", "approx", 0.5, 1.5, ""),
    ("1%", "accounting for around", 1, "percent", "approx", 0.5, 1.5, ""),
    ("around 1% of its total revenue", "", 1, "percent", "approx", 0.5, 1.5, "share"),
    ("1 per cent", "", 1, "percent", "exact", 0.5, 1.5, ""),
    ("1 percent", "", 1, "percent", "exact", 0.5, 1.5, ""),
    ("80 per cent", "", 80, "percent", "exact", 79.5, 80.5, ""),  # quantulum3 missed this
    ("eighty per cent", "", 80, "percent", "exact", 79.5, 80.5, ""),
    ("80pc", "", 80, "percent", "exact", 79.5, 80.5, ""),
    ("76.5%", "", 76.5, "percent", "exact", 76.45, 76.55, ""),
    ("76%", "rose", 76, "percent", "exact", 75.5, 76.5, "growth"),
    ("76% of", "", 76, "percent", "exact", 75.5, 76.5, "share"),
    ("a 76% stake", "", 76, "percent", "exact", 75.5, 76.5, "share"),
    ("5%", "sales fell by about", 5, "percent", "approx", 4.5, 5.5, "decline"),
    ("5%", "unemployment fell to", 5, "percent", "exact", 4.5, 5.5, ""),
    ("more than 10%", "", 10, "percent", "at_least", 10, None, ""),
    ("up to 10%", "", 10, "percent", "at_most", None, 10, ""),
    ("-0.5%", "", -0.5, "percent", "exact", -0.55, -0.45, ""),
    ("2 percentage points", "", 2, "percentage_points", "exact", 1.5, 2.5, ""),
    ("0.25 percentage point", "cut rates by", 0.25, "percentage_points", "exact", 0.245, 0.255, "decline"),
    ("25 basis points", "", 0.25, "percentage_points", "exact", 0.245, 0.255, ""),
    ("200bp", "", 2, "percentage_points", "exact", 1.995, 2.005, ""),
    ("10-12%", "", 11, "percent", "range", 10, 12, ""),
    ("10% to 12%", "", 11, "percent", "range", 10, 12, ""),
    ("between 10 and 12 per cent", "", 11, "percent", "range", 10, 12, ""),
    ("10\u201312 per cent", "", 11, "percent", "range", 10, 12, ""),
    ("one in 12", "", 8.333, "percent", "approx", 8.124675, 8.541325, "share"),
    ("1 in 5", "", 20, "percent", "approx", 19.5, 20.5, "share"),
    ("nine out of 10", "", 90, "percent", "approx", 87.75, 92.25, "share"),
    ("a third", "", 33.333, "percent", "approx", 32.5, 34.167, "share"),
    ("more than a third", "", 33.333, "percent", "at_least", 33.333, None, "share"),
    ("two-thirds", "", 66.667, "percent", "approx", 65.0, 68.334, "share"),
    ("half", "", 50, "percent", "approx", 48.75, 51.25, "share"),
    ("nearly half", "", 50, "percent", "approx", 48.75, 51.25, "share"),
    ("a quarter", "", 25, "percent", "approx", 24.375, 25.625, "share"),
    ("three quarters", "", 75, "percent", "approx", 73.125, 76.875, "share"),
]


@pytest.mark.parametrize("text, left, value, unit, qualifier, low, high, kind", PERCENT_CASES)
def test_normalize_percent(text, left, value, unit, qualifier, low, high, kind):
    got = normalize_percent(text, left)
    assert isinstance(got, Quantity), got
    assert (got.unit, got.qualifier, got.kind) == (unit, qualifier, kind)
    assert got.value == pytest.approx(value, abs=1e-3)
    assert got.low == (pytest.approx(low, abs=1e-3) if low is not None else None)
    assert got.high == (pytest.approx(high, abs=1e-3) if high is not None else None)


@pytest.mark.parametrize("text, left", [
    ("1-1/8 points", "The company's stock was up"),  # a share price's points
    ("around 3/8 point", "gilt prices ended"),  # a bond price's
    ("1/2 point", "the index slipped"),
    ("12 points", ""),  # more than a rate moves
    ("five point", "some banks quoted only"),  # a whole point, singular: a modifier ("five point spreads")
    ("10, 11 pct", ""),  # a whole point apart: no two-way quote
])
def test_points_of_a_price_are_no_percentage(text, left):
    got = normalize_percent(text, left)
    assert got is None or (got.unit, got.qualifier) != ("percentage_points", "exact") and got.qualifier != "range"


@pytest.mark.parametrize("text", ["", "76", "the first half", "third", "200 points", "$5 million", "hello"])
def test_normalize_percent_none(text):
    assert normalize_percent(text) is None


@settings(deadline=1000, max_examples=300)
@given(st.text(max_size=300), st.text(max_size=120))
def test_normalize_percent_total(text, left):
    got = normalize_percent.__wrapped__(text, left)  # the implementation, without the safety net
    assert got is None or isinstance(got, Quantity)


@settings(deadline=1000, max_examples=200)
@given(st.text(alphabet="0123456789.,-% perctnagoinbasisthrd", max_size=400))
def test_normalize_percent_junk(text):
    got = normalize_percent.__wrapped__(text)
    assert got is None or isinstance(got, Quantity)


@settings(deadline=1000, max_examples=200)
@given(
    st.decimals(min_value=0, max_value=999, places=1, allow_nan=False, allow_infinity=False),
    st.sampled_from(["%", " per cent", " percent", "pc"]),
)
def test_percent_round_trip(value, marker):
    got = normalize_percent(f"{value}{marker}")
    assert got is not None and got.unit == "percent"
    assert got.value == pytest.approx(float(value))
    assert got.low <= got.value <= got.high
