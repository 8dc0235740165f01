"""parse_number and normalize_count: tables of news phrasing plus property tests."""

import math
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.normalize import Quantity, normalize_count, parse_number

# ---------------------------------------------------------------- parse_number

PARSE_CASES = [
    ("7.5 billion", (7.5e9, 1e8)),
    ("7.5bn", (7.5e9, 1e8)),
    ("7.50 billion", (7.5e9, 1e7)),
    ("1,234.5", (1234.5, 0.1)),
    ("1,234", (1234, 1)),
    ("1 234", (1234, 1)),
    ("1\u202f234\u202f567", (1234567, 1)),
    ("200", (200, 1)),
    ("0.5", (0.5, 0.1)),
    (".5", (0.5, 0.1)),
    ("-3", (-3, 1)),
    ("twenty-four", (24, 1)),
    ("twenty four", (24, 1)),
    ("eight", (8, 1)),
    ("one hundred and twenty", (120, 1)),
    ("twelve hundred", (1200, 1)),
    ("a million", (1e6, 1e6)),
    ("a hundred", (100, 1)),
    ("half a billion", (5e8, 1e8)),
    ("one and a half million", (1.5e6, 1e5)),
    ("two point five million", (2.5e6, 1e5)),
    ("a dozen", (12, 1)),
    ("two dozen", (24, 1)),
    ("half a dozen", (6, 1)),
    ("two million three hundred thousand", (2.3e6, 1e3)),
    ("5k", (5e3, 1e3)),
    ("600m", (6e8, 1e6)),
    ("3.2 mn", (3.2e6, 1e5)),
    ("4 mln", (4e6, 1e6)),
    ("1.2 bln", (1.2e9, 1e8)),
    ("2 trillion", (2e12, 1e12)),
    ("1.5tn", (1.5e12, 1e11)),
    ("500 crore", (5e9, 1e7)),
    ("3 lakh", (3e5, 1e5)),
    ("4.7 billion", (4.7e9, 1e8)),
]


@pytest.mark.parametrize("text, expected", PARSE_CASES)
def test_parse_number(text, expected):
    got = parse_number(text)
    assert got is not None
    assert got[0] == pytest.approx(expected[0])
    assert got[1] == pytest.approx(expected[1])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "hello",
        "about 300",
        "020 7946 0000",
        "007",
        "1e999999",
        "28th",
        "third",
        "1,2,3",
        "((((((((1))))))))",
        "9" * 10_000,
        "1" * 31,
        "nineteen eighty-four",
        "a",
        "half",
        "$5",
    ],
)
def test_parse_number_rejects(text):
    assert parse_number(text) is None


def test_us_4_7_billion_is_exact():
    # Duckling read "US$4.7 billion" as 47,000,001; Decimal arithmetic gives the figure as written.
    value, step = parse_number("4.7 billion")
    assert int(value) == 4_700_000_000


# ---------------------------------------------------------------- normalize_count


def _check(got, value, qualifier, low, high, kind=""):
    assert isinstance(got, Quantity), got
    assert got.unit == "count"
    assert got.value == pytest.approx(value)
    assert got.qualifier == qualifier
    assert got.low == (pytest.approx(low) if low is not None else None)
    assert got.high == (pytest.approx(high) if high is not None else None)
    assert got.kind == kind


COUNT_CASES = [
    # (text, left context, value, qualifier, low, high, kind)
    ("28", "", 28, "exact", 27.5, 28.5, ""),
    ("28 entities", "added", 28, "exact", 27.5, 28.5, ""),
    ("eight", "", 8, "exact", 7.5, 8.5, ""),
    ("eight companies", "", 8, "exact", 7.5, 8.5, ""),
    ("twenty-eight", "", 28, "exact", 27.5, 28.5, ""),
    ("1,200", "", 1200, "exact", 1199.5, 1200.5, ""),
    ("about 300", "", 300, "approx", 292.5, 307.5, ""),
    ("300", "employs about", 300, "approx", 292.5, 307.5, ""),
    ("more than 20", "", 20, "at_least", 20, None, ""),
    ("20", "more than", 20, "at_least", 20, None, ""),
    ("up to 40", "", 40, "at_most", None, 40, ""),
    ("fewer than 10", "", 10, "at_most", None, 10, ""),
    ("nearly 1,000", "", 1000, "approx", 975, 1025, ""),
    ("500 million", "", 500_000_000, "exact", 499_500_000, 500_500_000, ""),
    ("1.4 billion", "a population of", 1_400_000_000, "exact", 1_350_000_000, 1_450_000_000, ""),
    ("20-30", "", 25, "range", 20, 30, ""),
    ("between 20 and 30", "", 25, "range", 20, 30, ""),
    ("two or three", "", 2.5, "range", 2, 3, ""),
    ("a dozen", "", 12, "exact", 11.5, 12.5, ""),
    ("100-plus", "", 100, "at_least", 100, None, ""),
    ("2000 people", "", 2000, "exact", 1999.5, 2000.5, ""),
    ("dozens", "", 24, "range", 24, 199, "vague"),  # two dozen up to where "hundreds" starts
    ("hundreds", "", 200, "range", 200, 1_999, "vague"),
    ("tens of thousands", "", 20_000, "range", 20_000, 199_999, "vague"),
]


@pytest.mark.parametrize("text, left, value, qualifier, low, high, kind", COUNT_CASES)
def test_normalize_count(text, left, value, qualifier, low, high, kind):
    _check(normalize_count(text, left), value, qualifier, low, high, kind)


@pytest.mark.parametrize(
    "text, left",
    [
        ("third", ""),  # ordinal
        ("28th", ""),
        ("the first", ""),
        ("2019", ""),  # years are not counts
        ("2019", "in"),
        ("1990-2000", ""),
        ("1990s", ""),
        ("020 7946 0000", ""),  # phone-like
        ("555-1234", ""),
        ("3:30", ""),
        ("24/7", ""),
        ("80%", ""),
        ("$5 million", ""),
        ("two-thirds", ""),
        ("several", ""),
        ("a few", ""),
        ("", ""),
        ("hello", ""),
    ],
)
def test_normalize_count_none(text, left):
    assert normalize_count(text, left) is None


# ---------------------------------------------------------------- properties

_ANY = st.text(max_size=300)


@settings(deadline=1000, max_examples=300)
@given(_ANY)
def test_parse_number_total(text):
    got = parse_number.__wrapped__(text)  # the implementation, without the safety net
    assert got is None or (isinstance(got, tuple) and len(got) == 2 and all(isinstance(x, float) for x in got))


@settings(deadline=1000, max_examples=300)
@given(_ANY, st.text(max_size=120))
def test_normalize_count_total(text, left):
    got = normalize_count.__wrapped__(text, left)
    assert got is None or isinstance(got, Quantity)


_JUNK = st.one_of(
    st.integers(min_value=1, max_value=20_000).map(lambda n: "9" * n),
    st.integers(min_value=1, max_value=500).map(lambda n: "(" * n + "1" + ")" * n),
    st.sampled_from(["1e999999", "1e-999999", "NaN", "inf", "-inf", "1" + ",000" * 400, "0." + "0" * 5000 + "1"]),
    st.text(alphabet="0123456789.,- $%()kmb", max_size=400),
)


@settings(deadline=1000, max_examples=200)
@given(_JUNK)
def test_junk_is_bounded(text):
    got = parse_number.__wrapped__(text)
    assert got is None or all(abs(x) < float("inf") for x in got)
    normalize_count.__wrapped__(text)


_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9, "m": 10**6, "k": 10**3}


@settings(deadline=1000, max_examples=300)
@given(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal("999.99"), places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(sorted(_SCALES)),
    st.sampled_from(["", " "]),
)
def test_scale_round_trip(mantissa, scale, space):
    if len(scale) <= 2 and scale not in ("bn",):
        space = ""  # single-letter scales are written attached: "5m", "5k"
    text = f"{mantissa}{space}{scale}"
    got = parse_number(text)
    assert got is not None, text
    assert got[0] == pytest.approx(float(mantissa * _SCALES[scale]), rel=1e-12)
    # two decimals written -> step of 0.01 of the scale
    assert got[1] == pytest.approx(float(Decimal("0.01") * _SCALES[scale]))


@settings(deadline=1000, max_examples=300)
@given(st.integers(min_value=0, max_value=10**15))
def test_thousands_separators_round_trip(n):
    assert parse_number(f"{n:,}") == (float(n), 1.0)


_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words_below_1000(n):
    parts = []
    if n >= 100:
        parts.append(_ONES[n // 100] + " hundred")
        n %= 100
        if n:
            parts.append("and")
    if n >= 20:
        parts.append(_TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else ""))
    elif n or not parts:
        parts.append(_ONES[n])
    return " ".join(parts)


def _to_words(n):
    if n == 0:
        return "zero"
    out = []
    for value, name in ((10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        if n >= value:
            out.append(_words_below_1000(n // value) + " " + name)
            n %= value
    if n:
        out.append(_words_below_1000(n))
    return " ".join(out)


@settings(deadline=1000, max_examples=300)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_number_words_round_trip(n):
    words = _to_words(n)
    got = parse_number(words)
    assert got is not None, words
    assert got[0] == n


def test_a_measurement_may_be_negative_a_count_may_not():
    from claimcheck.normalize import normalize_count

    assert normalize_count("-5 yards").value == -5
    assert normalize_count("minus-130 degrees Fahrenheit").unit == "\u00b0F"
    assert normalize_count("minus-130 degrees Fahrenheit").value == -130
    assert normalize_count("-5") is None and normalize_count("minus 3 people") is None


@pytest.mark.parametrize("text, value, unit", [
    ("about 3.1\u00d710\u22127 metres", 3.1e-7, "m"),
    ("4.5\u00d710^9 years of decay", 4.5e9, "count"),
    ("6.02 x 10^23 atoms", 6.02e23, "count"),
])
def test_scientific_notation(text, value, unit):
    q = normalize_count(text, "")
    assert q is not None and math.isclose(q.value, value, rel_tol=1e-9) and q.unit == unit


def test_a_times_sign_without_a_power_is_no_scientific_notation():
    assert normalize_count("2x10 boards", "") is None


def test_the_fraction_slash_makes_a_fraction():
    assert normalize_count("1\u204416", "") is None  # not the figure 1
    assert normalize_count("12-1\u20442 years", "").value == 12.5
