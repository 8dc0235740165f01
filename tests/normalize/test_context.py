"""Document-level helpers: currency_context, split_conversion, infer_dayfirst,
founding_year; relative windows; the guards around dateparser."""

import time
from datetime import date

import pytest

from claimcheck.normalize import (
    Quantity,
    currency_context,
    founding_year,
    infer_dayfirst,
    normalize_date,
    normalize_money,
    split_conversion,
)
from claimcheck.normalize import dates as dates_mod

PUB = date(2019, 10, 8)

# ---------------------------------------------------------------- currency_context


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sales rose to A$458m. Its net loss narrowed to $20m.", "AUD"),
        ("Revenue was HK$5bn. A further $2bn came from bond sales.", "HKD"),
        ("The Toronto lender earned C$1.2bn; its US unit made $300m.", "CAD"),
        ("Australian dollars rallied. The takeover is worth $4bn.", "AUD"),
        ("The NZ$ figure was NZ$45m, and $3m went to staff.", "NZD"),
        # bare "$" only inside a conversion after a local figure: the US dollar
        ("The firm earned A$458.4m ($357.6m; \u00a3191m) last year.", None),
        ("Profits were A$1bn ($700m). Later it raised $5m.", None),
        # no local dollar at all
        ("Earnings rose 41% to $2.46bn (\u00a31.3bn).", None),
        ("HK$88 billion and US$11 billion", None),  # no bare "$" to resolve
        ("A$5m and NZ$3m, then $2m", None),  # two local dollars, equally often
        ("", None),
    ],
)
def test_currency_context(text, expected):
    assert currency_context(text) == expected


def test_currency_context_feeds_default_currency():
    doc = "Shares in the Sydney miner rose after it reported A$2.1bn in sales. Costs were $900m."
    cur = currency_context(doc)
    assert normalize_money("$900m", default_currency=cur or "USD").unit == "AUD"
    assert normalize_money("US$900m", default_currency=cur or "USD").unit == "USD"


# ---------------------------------------------------------------- split_conversion


def _vals(qs):
    return [(q.value, q.unit, q.qualifier, q.kind) for q in qs]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("$1.13bn (\u00a3600m)", [(1_130_000_000, "USD", "exact", ""), (600_000_000, "GBP", "exact", "conversion")]),
        (
            "A$458.4m ($357.6m; \u00a3191m)",
            [(458_400_000, "AUD", "exact", ""), (357_600_000, "USD", "exact", "conversion"), (191_000_000, "GBP", "exact", "conversion")],
        ),
        ("\u00a3300m ($565m)", [(300_000_000, "GBP", "exact", ""), (565_000_000, "USD", "exact", "conversion")]),
        ("333.6 million yen ($3.1 million)", [(333_600_000, "JPY", "exact", ""), (3_100_000, "USD", "exact", "conversion")]),
        ("RM1.5mil (S$480,000)", [(1_500_000, "MYR", "exact", ""), (480_000, "SGD", "exact", "conversion")]),
        ("more than $1bn (\u00a3600m)", [(1_000_000_000, "USD", "at_least", ""), (600_000_000, "GBP", "at_least", "conversion")]),
        ("\u20ac2bn ($2.4bn, \u00a31.7bn)", [(2_000_000_000, "EUR", "exact", ""), (2_400_000_000, "USD", "exact", "conversion"), (1_700_000_000, "GBP", "exact", "conversion")]),
        ("$5m", [(5_000_000, "USD", "exact", "")]),
        ("$5m (up from $4m last year)", [(5_000_000, "USD", "exact", "")]),  # a comparison, not a conversion
        ("£5m (up from $4m)", [(5_000_000, "GBP", "exact", "")]),
        ("15% (up from 10%)", []),
        ("", []),
    ],
)
def test_split_conversion(text, expected):
    assert _vals(split_conversion(text)) == expected


def test_conversion_is_one_figure_for_normalize_money():
    # the bracket never changes the main figure
    assert normalize_money("$1.13bn (\u00a3600m)").value == 1_130_000_000
    assert normalize_money("A$458.4m ($357.6m; \u00a3191m)").unit == "AUD"


def test_split_conversion_bare_dollar_in_local_dollar_document():
    # an Australian paper writes "$" for A$; its conversions name the US dollar
    got = split_conversion("$500m (US$340m)", default_currency="AUD")
    assert _vals(got) == [(500_000_000, "AUD", "exact", ""), (340_000_000, "USD", "exact", "conversion")]


# ---------------------------------------------------------------- infer_dayfirst


@pytest.mark.parametrize(
    "texts, expected",
    [
        (["The deal closed on 25/11/2019 and was announced on 05/11/2019."], True),
        (["Filed 11/25/2019; amended 11/05/2019."], False),
        (["Dated 05/11/2019."], None),  # nothing decides
        (["Dated 05/11/2019.", "A later note of 13.12.2019."], True),  # other documents of the story count
        (["On 25 November 2019 the board met.", "It had met on 4 November 2019."], True),
        (["On November 25, 2019 the board met."], False),
        (["25/11/2019", "11/26/2019"], None),  # a tie decides nothing
        (["3/4/2019 November 25, 2019 and 25 November 2019"], None),
        ([], None),
        ("25/11/2019 as one string", True),
    ],
)
def test_infer_dayfirst(texts, expected):
    assert infer_dayfirst(texts) is expected


def test_infer_dayfirst_drives_normalize_date():
    doc = ["The offer ends 30/11/2019.", "Shares were suspended on 04/11/2019."]
    got = normalize_date("04/11/2019", dayfirst=bool(infer_dayfirst(doc)))
    assert got.value == "2019-11-04"
    assert normalize_date("04/11/2019").value == "2019-04-11"  # the default stays month first


# ---------------------------------------------------------------- founding_year


@pytest.mark.parametrize(
    "text, value, qualifier, low, high",
    [
        ("the 7-year-old firm", "2012", "approx", "2011-10-09", "2012-10-08"),
        ("a seven-year-old Chinese technology start-up", "2012", "approx", "2011-10-09", "2012-10-08"),
        ("the 150-year-old brewer", "1869", "approx", "1868-10-09", "1869-10-08"),
        ("the twenty-five-year-old retailer", "1994", "approx", "1993-10-09", "1994-10-08"),
        ("it was founded seven years ago", "2012", "approx", "2011-10-09", "2012-10-08"),
        ("the bank, which is 12 years old", "2007", "approx", "2006-10-09", "2007-10-08"),
        ("set up more than 20 years ago", "1999", "at_most", None, "1999-10-08"),
        ("the decade-old company", "2009", "approx", "1999-10-09", "2009-10-08"),
    ],
)
def test_founding_year(text, value, qualifier, low, high):
    got = founding_year(text, PUB)
    assert got == Quantity(value, "date", qualifier, low, high, "founding_year")


@pytest.mark.parametrize(
    "text, published",
    [
        ("the 18-year-old winger", PUB),  # a person, not an organisation
        ("the 7-year-old firm", None),  # nothing to count back from
        ("a 30-year-old mortgage", PUB),
        ("", PUB),
    ],
)
def test_founding_year_none(text, published):
    assert founding_year(text, published) is None


# ---------------------------------------------------------------- relative windows


@pytest.mark.parametrize(
    "text, value, qualifier, low, high",
    [
        ("within 60 days", "2019-12-07", "at_most", "2019-10-08", "2019-12-07"),
        ("within a year", "2020-10-08", "at_most", "2019-10-08", "2020-10-08"),
        ("within the next two years", "2021-10-08", "at_most", "2019-10-08", "2021-10-08"),
        ("over the past 12 months", "2018-10-08/2019-10-08", "exact", "2018-10-08", "2019-10-08"),
        ("in the last three years", "2016-10-08/2019-10-08", "exact", "2016-10-08", "2019-10-08"),
        ("over the next five years", "2019-10-08/2024-10-08", "exact", "2019-10-08", "2024-10-08"),
    ],
)
def test_windows(text, value, qualifier, low, high):
    got = normalize_date(text, PUB)
    assert (got.value, got.qualifier, got.low, got.high) == (value, qualifier, low, high)


def test_windows_need_published_and_a_number():
    assert normalize_date("within 60 days") is None
    assert normalize_date("within days", PUB) is None


# ---------------------------------------------------------------- dateparser guards


@pytest.mark.parametrize(
    "text",
    [
        "hello 4000",  # dateparser reads a year 4000
        "4000",
        "November 5 and 2019",  # dateparser reads 2019-11-05
        "7th Nov '19",  # dateparser reads 1919; our pivot gives 2019 (checked below)
        "20191105",
        "1 2 3 4 5 6 7 8 9 10 11 12 November 2019",
        "November " + "10 " * 400 + "2019",  # long numeric runs made dateparser crawl
        "the 5th of November",  # no year: never handed to dateparser (its clock would leak in)
    ],
)
def test_dateparser_failures_cannot_reach_outputs(text):
    got = normalize_date(text)
    if got is not None:
        assert got.value[:4] not in ("4000", "1919") and not got.value.startswith("2019-11-05"), got
    assert dates_mod._dateparser_day(text, dates_mod._Ctx(None)) is None


def test_two_digit_year_is_ours_not_dateparsers():
    assert normalize_date("7th Nov '19").value == "2019-11-07"


@pytest.mark.parametrize(
    "text, value",
    [
        ("November the 5th, 2019", "2019-11-05"),
        ("2019, November 5", "2019-11-05"),
        ("the 5th day of November, 2019", "2019-11-05"),
        ("November, 5 2019", "2019-11-05"),
        ("Nov-05-2019", "2019-11-05"),
    ],
)
def test_dateparser_fallback(text, value):
    got = normalize_date(text)
    assert got is not None and (got.value, got.kind) == (value, "day")


def test_dateparser_fallback_is_bounded():
    dates_mod._dateparser_day("November the 5th, 2019", dates_mod._Ctx(None))  # loads its data once
    worst = 0.0
    for text in ["November the 5th, 2019", "2019, November 5", "Tuesday the 5th of November 2019", "the 31st day of December, 2099"]:
        t0 = time.perf_counter()
        normalize_date(text)
        worst = max(worst, time.perf_counter() - t0)
    assert worst < 0.1


def test_strict_currency_context_needs_the_local_dollar_to_dominate():
    from claimcheck.normalize import currency_context

    foreign_writer = "Alibaba sold shares at HK$176 each. Alibaba is valued at about $480bn."
    local_paper = "Shares were sold at HK$176, raising HK$88bn. The group is worth $3.8 trillion."
    assert currency_context(foreign_writer) == "HKD"  # permissive reading
    assert currency_context(foreign_writer, strict=True) is None  # one HK$ against one bare $: USD stays
    assert currency_context(local_paper, strict=True) == "HKD"
