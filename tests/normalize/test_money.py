"""normalize_money: currency markers, scales, qualifiers, ranges and conversions."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.normalize import Quantity, normalize_money

B = 1_000_000_000
M = 1_000_000

MONEY_CASES = [
    # (text, left context, value, currency, qualifier, low, high)
    ("$7.5 billion", "", 7.5 * B, "USD", "exact", 7.45 * B, 7.55 * B),
    ("more than $7.5 billion", "valued at", 7.5 * B, "USD", "at_least", 7.5 * B, None),
    ("$7.5 billion", "valued at more than", 7.5 * B, "USD", "at_least", 7.5 * B, None),
    ("about $200 million", "sales of", 200 * M, "USD", "approx", 195 * M, 205 * M),
    ("$200 million", "", 200 * M, "USD", "exact", 199.5 * M, 200.5 * M),
    ("up to $1 billion", "", 1 * B, "USD", "at_most", None, 1 * B),
    ("US$7.5bn", "", 7.5 * B, "USD", "exact", 7.45 * B, 7.55 * B),
    ("US$11.2bn", "", 11.2 * B, "USD", "exact", 11.15 * B, 11.25 * B),
    ("US$4.7 billion", "", 4_700_000_000, "USD", "exact", 4.65 * B, 4.75 * B),
    ("$5.7 billion", "", 5.7 * B, "USD", "exact", 5.65 * B, 5.75 * B),
    ("HK$88 billion", "", 88 * B, "HKD", "exact", 87.5 * B, 88.5 * B),
    # currencies' own signs
    ("\u20b1500", "", 500, "PHP", "exact", 499.5, 500.5),
    ("\u20ba100", "", 100, "TRY", "exact", 99.5, 100.5),
    ("\u20a65 billion", "about", 5 * B, "NGN", "approx", 4.5 * B, 5.5 * B),
    ("100 \u20a1", "", 100, "CRC", "exact", 99.5, 100.5),
    ("C$2.5 million", "", 2.5 * M, "CAD", "exact", 2.45 * M, 2.55 * M),
    ("A$300m", "", 300 * M, "AUD", "exact", 299.5 * M, 300.5 * M),
    ("RMB 376.8 billion", "", 376.8 * B, "CNY", "exact", 376.75 * B, 376.85 * B),
    ("Rmb376.8bn", "", 376.8 * B, "CNY", "exact", 376.75 * B, 376.85 * B),
    ("376.8 billion yuan", "", 376.8 * B, "CNY", "exact", 376.75 * B, 376.85 * B),
    ("2 billion renminbi", "", 2 * B, "CNY", "exact", 1.5 * B, 2.5 * B),
    ("\u00a3600m", "", 600 * M, "GBP", "exact", 599.5 * M, 600.5 * M),
    ("600 million pounds", "", 600 * M, "GBP", "exact", 599.5 * M, 600.5 * M),
    ("\u20ac1.2bn", "", 1.2 * B, "EUR", "exact", 1.15 * B, 1.25 * B),
    ("1.2 billion euros", "", 1.2 * B, "EUR", "exact", 1.15 * B, 1.25 * B),
    ("EUR 40 million", "", 40 * M, "EUR", "exact", 39.5 * M, 40.5 * M),
    # ISO codes before the amount, and a qualifier before the code
    ("NOK 88", "", 88, "NOK", "exact", 87.5, 88.5),
    ("up to SEK 400m", "a buyback of", 400 * M, "SEK", "at_most", None, 400 * M),
    ("about NOK 31bn", "", 31 * B, "NOK", "approx", 30.225 * B, 31.775 * B),
    ("more than DKK 2bn", "", 2 * B, "DKK", "at_least", 2 * B, None),
    ("PLN 1.2 billion", "", 1.2 * B, "PLN", "exact", 1.15 * B, 1.25 * B),
    ("CZK 300m", "", 300 * M, "CZK", "exact", 299.5 * M, 300.5 * M),
    ("up to HUF 5bn", "", 5 * B, "HUF", "at_most", None, 5 * B),
    ("ISK 700m", "", 700 * M, "ISK", "exact", 699.5 * M, 700.5 * M),
    ("up to MXN 3bn", "", 3 * B, "MXN", "at_most", None, 3 * B),
    ("\u00a5500 billion", "", 500 * B, "JPY", "exact", 499.5 * B, 500.5 * B),
    ("500 billion yen", "", 500 * B, "JPY", "exact", 499.5 * B, 500.5 * B),
    ("Rs 500 crore", "", 5 * B, "INR", "exact", 4.995 * B, 5.005 * B),
    ("\u20b93 lakh", "", 300_000, "INR", "exact", 250_000, 350_000),
    ("7.5 billion dollars", "", 7.5 * B, "USD", "exact", 7.45 * B, 7.55 * B),
    ("half a billion dollars", "", 0.5 * B, "USD", "exact", 0.45 * B, 0.55 * B),
    ("a million dollars", "", 1 * M, "USD", "exact", 0.5 * M, 1.5 * M),
    ("$1.2m to $23.5m", "", 12.35 * M, "USD", "range", 1.2 * M, 23.5 * M),
    ("between $10m and $12m", "", 11 * M, "USD", "range", 10 * M, 12 * M),
    ("$10m and $12m", "between", 11 * M, "USD", "range", 10 * M, 12 * M),
    ("$10-12 million", "", 11 * M, "USD", "range", 10 * M, 12 * M),
    ("10 to 12 billion yuan", "", 11 * B, "CNY", "range", 10 * B, 12 * B),
    ("$1.13bn (\u00a3600m)", "", 1.13 * B, "USD", "exact", 1.125 * B, 1.135 * B),
    ("HK$88 billion (US$11.2 billion)", "", 88 * B, "HKD", "exact", 87.5 * B, 88.5 * B),
    ("$5 billion or more", "", 5 * B, "USD", "at_least", 5 * B, None),
    ("nearly $2 billion", "", 2 * B, "USD", "approx", 1.5 * B, 2.5 * B),  # step 1bn dominates 2.5%
    ("nearly $2.0 billion", "", 2 * B, "USD", "approx", 1.95 * B, 2.05 * B),
    ("almost $3.15bn", "", 3.15 * B, "USD", "approx", 3.07125 * B, 3.22875 * B),
    ("an estimated $40 million", "", 40 * M, "USD", "approx", 39 * M, 41 * M),
    ("in excess of \u00a31bn", "", 1 * B, "GBP", "at_least", 1 * B, None),
    ("less than $1 million", "", 1 * M, "USD", "at_most", None, 1 * M),
    ("50 cents", "", 0.5, "USD", "exact", 0.495, 0.505),
    ("$1,234.56", "", 1234.56, "USD", "exact", 1234.555, 1234.565),
]


@pytest.mark.parametrize("text, left, value, currency, qualifier, low, high", MONEY_CASES)
def test_normalize_money(text, left, value, currency, qualifier, low, high):
    got = normalize_money(text, left)
    assert isinstance(got, Quantity), got
    assert (got.unit, got.qualifier) == (currency, qualifier)
    assert got.value == pytest.approx(value)
    assert got.low == (pytest.approx(low) if low is not None else None)
    assert got.high == (pytest.approx(high) if high is not None else None)


def test_integral_values_are_ints():
    got = normalize_money("US$4.7 billion")
    assert got.value == 4_700_000_000 and isinstance(got.value, int)
    assert isinstance(normalize_money("$7.5 billion").value, int)


def test_default_currency():
    assert normalize_money("$5m", default_currency="AUD").unit == "AUD"
    assert normalize_money("5 million dollars", default_currency="CAD").unit == "CAD"
    assert normalize_money("US$5m", default_currency="AUD").unit == "USD"


@pytest.mark.parametrize("text", ["7.5 billion", "", "hello", "28th", "80%", "the company", "$",
                                  "the 1,000 mark", "five punts", "424 crowns", "90 mln dinars", "12 pesos"])
def test_normalize_money_none(text):
    assert normalize_money(text) is None


@settings(deadline=1000, max_examples=300)
@given(st.text(max_size=300), st.text(max_size=120))
def test_normalize_money_total(text, left):
    got = normalize_money.__wrapped__(text, left)  # the implementation, without the safety net
    assert got is None or isinstance(got, Quantity)


@settings(deadline=1000, max_examples=200)
@given(st.text(alphabet="0123456789.,- $\u00a3\u20ac\u00a5()kmbnKMB toandUSHK", max_size=400))
def test_normalize_money_junk(text):
    got = normalize_money.__wrapped__(text)
    assert got is None or isinstance(got, Quantity)


@settings(deadline=1000, max_examples=200)
@given(
    st.integers(min_value=1, max_value=999),
    st.sampled_from([("$", "USD"), ("US$", "USD"), ("HK$", "HKD"), ("\u00a3", "GBP"), ("\u20ac", "EUR"), ("RMB ", "CNY")]),
    st.sampled_from([("m", M), ("bn", B), (" million", M), (" billion", B)]),
)
def test_money_round_trip(n, cur, scale):
    (sym, code), (word, mult) = cur, scale
    got = normalize_money(f"{sym}{n}{word}")
    assert got is not None and got.unit == code and got.value == n * mult


@pytest.mark.parametrize("text, value, unit", [
    ("150 mln dlrs", 150_000_000, "USD"),
    ("4.5 mln dlrs", 4_500_000, "USD"),
    ("32 cts", 0.32, "USD"),
    ("1.5 billion marks", 1_500_000_000, "DEM"),
    ("2.5 bln Canadian dlrs", 2_500_000_000, "CAD"),
    ("300 mln Australian dlrs", 300_000_000, "AUD"),
    ("10 mln stg", 10_000_000, "GBP"),
    ("500 mln guilders", 500_000_000, "NLG"),
    ("1,000 billion lire", 1_000_000_000_000, "ITL"),
    ("200 mln French francs", 200_000_000, "FRF"),
    ("3 billion Belgian francs", 3_000_000_000, "BEF"),
    ("42-1/2 dlrs", 42.5, "USD"),
    ("about 1-3/8 dlrs", 1.375, "USD"),
    ("15-3/4 dlrs", 15.75, "USD"),
    ("12 mln U.S. dlrs", 12_000_000, "USD"),
])
def test_newswire_money(text, value, unit):
    """1987 Reuters style: mln/bln, dlrs, cts, stg and the currencies before the euro (ISO 4217 codes)."""
    q = normalize_money(text)
    assert q is not None and q.unit == unit and q.value == pytest.approx(value), (text, q)


def test_newswire_spans_keep_a_price_move_apart_from_the_level():
    from claimcheck.pipeline.quantities import find_quantities

    text = "Acme agreed to buy Pellin for 150 mln dlrs. Its shares rose 1-3/8 to 42-1/2 dlrs, up 5 pct."
    found = [(text[a:b], label) for a, b, label in find_quantities(text)]
    # the move is a figure of its own (dollars per share), never the low end of a range up to the level
    assert found == [("150 mln dlrs", "MONEY"), ("1-3/8", "MONEY"), ("42-1/2 dlrs", "MONEY"), ("5 pct", "PERCENT")]


@pytest.mark.parametrize("text, currency, value", [
    ("27,000", "USD", 27_000),
    ("20.8 mln", "USD", 20_800_000),
    ("1,004,000", "GBP", 1_004_000),
    ("456.7 mln", "CAD", 456_700_000),
    ("23.5 mln dlrs", "HKD", 23_500_000),  # a written marker is read as before: dlrs are the document's dollars
    ("1.5 billion marks", "USD", 1_500_000_000),
])
def test_a_bare_figure_known_to_be_money(text, currency, value):
    """Results-table figures carry no currency ("Revs 456.7 mln vs 401.2 mln"): with ``bare`` the span is an
    amount of the document's currency; without it, no currency marker means no money."""
    q = normalize_money(text, "", default_currency=currency, bare=True)
    assert q is not None and q.value == value
    marked = normalize_money(text, "", default_currency=currency)
    if text.endswith(("dlrs", "marks")):
        assert marked == q and q.unit == ("DEM" if text.endswith("marks") else currency)
    else:
        assert q.unit == currency and marked is None


def test_one_cent_is_a_cent():
    assert normalize_money("one ct", "").value == 0.01
    assert normalize_money("1 ct", "").unit == "USD"
