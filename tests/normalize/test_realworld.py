"""Real-world phrasings, restated: the number, money, percent, count and date forms
found in NewsQuant (CQE, EMNLP 2023) and the BBC business articles in
../shared/data, written here in our own words with other figures (the corpora's
sentences are not copied into the repository; ``test_shared_data.py`` reads the
files themselves).
"""

from datetime import date

import pytest

from claimcheck.normalize import (
    normalize_count,
    normalize_date,
    normalize_money,
    normalize_percent,
    period_of,
)

# ---------------------------------------------------------------- money
# (span, left context, value, unit, qualifier)
MONEY = [
    # BBC business style: symbol + abbreviated scale, conversions in brackets
    ("$2.46bn (£1.3bn)", "net income climbed 41% to", 2_460_000_000, "USD", "exact"),
    ("$512m", "up from", 512_000_000, "USD", "exact"),
    ("$9.7bn", "revenue edged up 1% to", 9_700_000_000, "USD", "exact"),
    ("$318m", "earnings dropped 19% to", 318_000_000, "USD", "exact"),
    ("£600m", "", 600_000_000, "GBP", "exact"),
    ("\u00c2\u00a3600m", "", 600_000_000, "GBP", "exact"),  # mojibake of "£" left in the BBC files
    ("\u20ac1.5bn", "", 1_500_000_000, "EUR", "exact"),
    ("$2.7bn (\u00a31.4bn)", "a deal worth", 2_700_000_000, "USD", "exact"),
    ("\u00a31.2bn ($2.3bn)", "", 1_200_000_000, "GBP", "exact"),
    ("$500m", "more than", 500_000_000, "USD", "at_least"),
    ("$4.5bn", "nearly", 4_500_000_000, "USD", "approx"),
    ("$30m", "around", 30_000_000, "USD", "approx"),
    ("\u00a345m", "up to", 45_000_000, "GBP", "at_most"),
    ("\u00a3250,000", "", 250_000, "GBP", "exact"),
    ("$1.2tn", "", 1_200_000_000_000, "USD", "exact"),
    ("$3 trillion", "", 3_000_000_000_000, "USD", "exact"),
    ("\u20ac12.4m", "", 12_400_000, "EUR", "exact"),
    ("1.5bn euros", "", 1_500_000_000, "EUR", "exact"),
    ("400m euros ($520m)", "", 400_000_000, "EUR", "exact"),
    ("8bn yen", "", 8_000_000_000, "JPY", "exact"),
    ("\u00a55bn", "", 5_000_000_000, "JPY", "exact"),
    ("3.2bn yuan", "", 3_200_000_000, "CNY", "exact"),
    ("Rs 500 crore", "", 5_000_000_000, "INR", "exact"),
    ("Rs 20 lakh", "", 2_000_000, "INR", "exact"),
    ("60p", "shares fell", 0.6, "GBP", "exact"),
    ("50 pence", "", 0.5, "GBP", "exact"),
    ("25 cents", "", 0.25, "USD", "exact"),
    # NewsQuant style: wire copy and world news
    ("$8", "seats on sale for", 8, "USD", "exact"),
    ("$63.7 million", "was awarded a", 63_700_000, "USD", "exact"),
    ("$ 120 million", "", 120_000_000, "USD", "exact"),
    ("$71,500", "settled for", 71_500, "USD", "exact"),
    ("C $22.9 million", "", 22_900_000, "CAD", "exact"),
    ("C$2.50", "", 2.5, "CAD", "exact"),
    ("US$3.2 billion", "", 3_200_000_000, "USD", "exact"),
    ("US $8.5 million", "", 8_500_000, "USD", "exact"),
    ("$US41,000,000", "worth", 41_000_000, "USD", "exact"),
    ("$A61,200,000", "", 61_200_000, "AUD", "exact"),
    ("A$458.4m", "", 458_400_000, "AUD", "exact"),
    ("AU$12 million", "", 12_000_000, "AUD", "exact"),
    ("AUD 7.2 billion", "", 7_200_000_000, "AUD", "exact"),
    ("12.5 million Australian dollars", "penalties reaching", 12_500_000, "AUD", "exact"),
    ("HK$88 billion", "", 88_000_000_000, "HKD", "exact"),
    ("HK $3.1 billion", "", 3_100_000_000, "HKD", "exact"),
    ("NZ$450,000", "", 450_000, "NZD", "exact"),
    ("S$2.4 million", "", 2_400_000, "SGD", "exact"),
    ("S $2mil", "almost", 2_000_000, "SGD", "approx"),
    ("RM4.21mil", "", 4_210_000, "MYR", "exact"),
    ("RM7.85", "climbed 9 sen to", 7.85, "MYR", "exact"),
    ("12 sen", "added", 0.12, "MYR", "exact"),
    ("RM1.2 billion", "", 1_200_000_000, "MYR", "exact"),
    ("1.4 billion shekels", "trading volume of", 1_400_000_000, "ILS", "exact"),
    ("4.15 shekels", "closed at", 4.15, "ILS", "exact"),
    ("NIS 300 million", "", 300_000_000, "ILS", "exact"),
    ("6.8 million Danish crowns", "", 6_800_000, "DKK", "exact"),
    ("20 billion Swedish crowns", "", 20_000_000_000, "SEK", "exact"),
    ("Y=31,250", "fell 3.1 percent to", 31_250, "JPY", "exact"),
    ("Y=120 billion", "operating profit of", 120_000_000_000, "JPY", "exact"),
    ("Y250bn", "", 250_000_000_000, "JPY", "exact"),
    ("412.5 million yen", "", 412_500_000, "JPY", "exact"),
    ("JPY 9.8 billion", "", 9_800_000_000, "JPY", "exact"),
    ("RMB 376.8 billion", "", 376_800_000_000, "CNY", "exact"),
    ("376.8 billion yuan", "", 376_800_000_000, "CNY", "exact"),
    ("5 billion Chinese yuan", "", 5_000_000_000, "CNY", "exact"),
    ("1.3 trillion renminbi", "", 1_300_000_000_000, "CNY", "exact"),
    ("\u20ac1,350", "the phone retails at", 1350, "EUR", "exact"),
    ("1,350\u20ac", "the phone retails at", 1350, "EUR", "exact"),
    ("EUR 40 million", "", 40_000_000, "EUR", "exact"),
    ("\u00a3 12m", "", 12_000_000, "GBP", "exact"),
    ("GBP 2.5bn", "", 2_500_000_000, "GBP", "exact"),
    ("PS150m", "", 150_000_000, "GBP", "exact"),  # "£" transliterated as "PS"
    ("R3.4bn", "", 3_400_000_000, "ZAR", "exact"),
    ("18 rand", "", 18, "ZAR", "exact"),
    ("\u20b92,500 crore", "", 25_000_000_000, "INR", "exact"),
    ("15 dollars", "", 15, "USD", "exact"),
    ("$37,900", "it should cost around", 37_900, "USD", "approx"),
    ("$12.99 a month", "", 12.99, "USD", "exact"),
    ("$7 per gram", "under", 7, "USD", "at_most"),
    ("$3.50 a gallon", "", 3.5, "USD", "exact"),
    ("$60 a barrel", "above", 60, "USD", "at_least"),
    ("US$2.85 per mmBTU", "", 2.85, "USD", "exact"),
    ("$1.2m to $23.5m", "", 12_350_000, "USD", "range"),
    ("between $10m and $12m", "", 11_000_000, "USD", "range"),
    ("$10-12 million", "", 11_000_000, "USD", "range"),
    ("$750,000 to $1 million", "flats priced from", 875_000, "USD", "range"),
    ("10 to 12 billion yuan", "", 11_000_000_000, "CNY", "range"),
    ("41-44 billion euros", "", 42_500_000_000, "EUR", "range"),
    ("about $200 million", "sales of", 200_000_000, "USD", "approx"),
    ("more than $7.5 billion", "valued at", 7_500_000_000, "USD", "at_least"),
    ("less than $1bn", "", 1_000_000_000, "USD", "at_most"),
    ("upwards of \u00a3100m", "", 100_000_000, "GBP", "at_least"),
    ("an estimated $2bn", "", 2_000_000_000, "USD", "approx"),
    ("some \u20ac5m", "", 5_000_000, "EUR", "approx"),
    ("roughly $800,000", "", 800_000, "USD", "approx"),
    ("almost $9 billion", "", 9_000_000_000, "USD", "approx"),
    ("$2 billion-plus", "", 2_000_000_000, "USD", "at_least"),
    ("half a billion dollars", "", 500_000_000, "USD", "exact"),
    ("a million dollars", "", 1_000_000, "USD", "exact"),
    ("$5.6 mln", "", 5_600_000, "USD", "exact"),
    ("$2.1 bln", "", 2_100_000_000, "USD", "exact"),
    ("$750mn", "", 750_000_000, "USD", "exact"),
    ("$15k", "", 15_000, "USD", "exact"),
    ("\u00a3900k", "", 900_000, "GBP", "exact"),
]


@pytest.mark.parametrize("text, left, value, unit, qualifier", MONEY)
def test_money_phrasings(text, left, value, unit, qualifier):
    got = normalize_money(text, left)
    assert got is not None, text
    assert got.value == pytest.approx(value), (text, got)
    assert (got.unit, got.qualifier) == (unit, qualifier), (text, got)


# ---------------------------------------------------------------- percentages
# (span, left context, value, unit, qualifier, kind)
PERCENT = [
    ("41%", "net income climbed", 41, "percent", "exact", "growth"),
    ("3%", "holiday-season revenue rose", 3, "percent", "exact", "growth"),
    ("6%", "the group already owns", 6, "percent", "exact", "share"),
    ("19%", "cinema earnings slump", 19, "percent", "exact", "decline"),
    ("8% of", "", 8, "percent", "exact", "share"),
    ("4.5%", "inflation was", 4.5, "percent", "exact", ""),
    ("6.7 percent", "benefits will rise by", 6.7, "percent", "exact", "growth"),
    ("4.1%", "down", 4.1, "percent", "exact", "decline"),
    ("12.6%", "the stock ended", 12.6, "percent", "exact", ""),
    ("0.37%", "or", 0.37, "percent", "exact", ""),
    ("16 per cent", "", 16, "percent", "exact", ""),
    ("60 per cent", "more than", 60, "percent", "at_least", ""),
    ("12pc", "", 12, "percent", "exact", ""),
    ("3.5 pct", "", 3.5, "percent", "exact", ""),
    ("about 40%", "", 40, "percent", "approx", ""),
    ("nearly 20 per cent", "", 20, "percent", "approx", ""),
    ("up to 15%", "", 15, "percent", "at_most", ""),
    ("less than 1%", "", 1, "percent", "at_most", ""),
    ("at least 30 percent", "", 30, "percent", "at_least", ""),
    ("under 2%", "the chipmaker rose", 2, "percent", "at_most", "growth"),
    ("5%", "the retailer advanced", 5, "percent", "exact", "growth"),
    ("7%", "its rival gained", 7, "percent", "exact", "growth"),
    ("3.62 percent", "the games maker plunged", 3.62, "percent", "exact", "decline"),
    ("4.5%", "shares rose", 4.5, "percent", "exact", "growth"),
    ("1.1%", "the index slipped", 1.1, "percent", "exact", "decline"),
    ("5%", "the economy contracted by", 5, "percent", "exact", "decline"),
    ("0.5 percentage points", "", 0.5, "percentage_points", "exact", ""),
    ("2 percentage points", "cut rates by", 2, "percentage_points", "exact", "decline"),
    ("0.25 percentage point", "", 0.25, "percentage_points", "exact", ""),
    ("50 basis points", "", 0.5, "percentage_points", "exact", ""),
    ("25bp", "", 0.25, "percentage_points", "exact", ""),
    ("1.5 ppts", "", 1.5, "percentage_points", "exact", ""),
    ("10-12%", "", 11, "percent", "range", ""),
    ("5% to 7%", "", 6, "percent", "range", ""),
    ("between 5% and 6%", "", 5.5, "percent", "range", ""),
    ("3 to 5 per cent", "", 4, "percent", "range", ""),
    ("-0.5%", "", -0.5, "percent", "exact", ""),
    ("minus 2%", "", -2, "percent", "exact", ""),
    ("-5% to 3%", "", -1, "percent", "range", ""),
    ("51% stake", "", 51, "percent", "exact", "share"),
    ("a 49% stake", "", 49, "percent", "exact", "share"),
    ("15%", "it holds a", 15, "percent", "exact", "share"),
    ("15%", "the rate was", 15, "percent", "exact", ""),
    ("a third", "", 33.333, "percent", "approx", "share"),
    ("two-thirds", "", 66.667, "percent", "approx", "share"),
    ("half", "almost", 50, "percent", "approx", "share"),
    ("a quarter", "", 25, "percent", "approx", "share"),
    ("three-quarters", "", 75, "percent", "approx", "share"),
    ("one in 12", "", 8.333, "percent", "approx", "share"),
    ("1 in 5", "", 20, "percent", "approx", "share"),
    ("nine out of 10", "", 90, "percent", "approx", "share"),
    ("one in four", "", 25, "percent", "approx", "share"),
    ("more than a third", "", 33.333, "percent", "at_least", "share"),
    ("100%", "", 100, "percent", "exact", ""),
    ("1,200%", "", 1200, "percent", "exact", ""),
    ("twenty percent", "", 20, "percent", "exact", ""),
    ("7.2% year-on-year rise", "", 7.2, "percent", "exact", "growth"),
    ("3% drop", "", 3, "percent", "exact", "decline"),
    ("11% increase", "an", 11, "percent", "exact", "growth"),
    ("5 %", "", 5, "percent", "exact", ""),
    ("80 per cent", "", 80, "percent", "exact", ""),
]


@pytest.mark.parametrize("text, left, value, unit, qualifier, kind", PERCENT)
def test_percent_phrasings(text, left, value, unit, qualifier, kind):
    got = normalize_percent(text, left)
    assert got is not None, text
    assert got.value == pytest.approx(value, abs=1e-3), (text, got)
    assert (got.unit, got.qualifier, got.kind) == (unit, qualifier, kind), (text, got)


# ---------------------------------------------------------------- counts and measures
# (span, left context, value, unit, qualifier)
COUNTS = [
    ("212,000 customers", "it shed", 212_000, "count", "exact"),
    ("51200 workers", "", 51_200, "count", "exact"),
    ("73900", "and", 73_900, "count", "exact"),
    ("850 staff", "has around", 850, "count", "approx"),
    ("320 cars", "about", 320, "count", "approx"),
    ("dozens of cars", "", 24, "count", "range"),
    ("13 players", "only", 13, "count", "exact"),
    ("11 first-choice players", "as many as", 11, "count", "at_most"),
    ("twelve users", "gain", 12, "count", "exact"),
    ("nine forecasts", "the mean of", 9, "count", "exact"),
    ("40 different items", "", 40, "count", "exact"),
    ("three Malaysian brothers", "", 3, "count", "exact"),
    ("Two", "", 2, "count", "exact"),
    ("twenty-four hours", "", 24, "h", "exact"),
    ("3,000 jobs", "cut", 3000, "count", "exact"),
    ("1.4 billion", "a population of", 1_400_000_000, "count", "exact"),
    ("2.9 million cases", "sells", 2_900_000, "count", "exact"),
    ("12,000 staff", "more than", 12_000, "count", "at_least"),
    ("a dozen", "", 12, "count", "exact"),
    ("hundreds of thousands", "", 200_000, "count", "range"),
    ("one million", "", 1_000_000, "count", "exact"),
    ("a million", "", 1_000_000, "count", "exact"),
    ("20-30", "", 25, "count", "range"),
    ("2000 to 2500 people", "", 2250, "count", "range"),
    ("between 10 and 12", "", 11, "count", "range"),
    ("200,000 to 260,000", "", 230_000, "count", "range"),
    ("2000 - 2500 calories", "about", 2250, "kcal", "range"),
    # measures keep their unit
    ("600 horsepower", "more than", 600, "hp", "at_least"),
    ("270-hp", "", 270, "hp", "exact"),
    ("640bhp", "", 640, "hp", "exact"),
    ("5.2 litre", "", 5.2, "l", "exact"),
    ("50mph", "", 50, "mph", "exact"),
    ("87 mph", "", 87, "mph", "exact"),
    ("80 m.p.h.", "about", 80, "mph", "approx"),
    ("100km/hr", "", 100, "km/h", "exact"),
    ("140 km/h", "", 140, "km/h", "exact"),
    ("2,000km", "over", 2000, "km", "at_least"),
    ("37 metres", "", 37, "m", "exact"),
    ("121ft", "", 121, "ft", "exact"),
    ("40 yard", "", 40, "yd", "exact"),
    ("1.5mm", "", 1.5, "mm", "exact"),
    ("7 nanometre", "", 7, "nm", "exact"),
    ("278kg", "", 278, "kg", "exact"),
    ("45g", "", 45, "g", "exact"),
    ("500mg", "", 500, "mg", "exact"),
    ("250ml", "", 250, "ml", "exact"),
    ("570 sq m", "", 570, "m2", "exact"),
    ("3923sq m", "", 3923, "m2", "exact"),
    ("32m2", "", 32, "m2", "exact"),
    ("900 sq ft", "", 900, "sq ft", "exact"),
    ("256GB", "", 256, "GB", "exact"),
    ("64GB", "just", 64, "GB", "exact"),
    ("30Mbps", "", 30, "Mbit/s", "exact"),
    ("10kW", "", 10, "kW", "exact"),
    ("5.5kWh", "", 5.5, "kWh", "exact"),
    ("2.4GHz", "", 2.4, "GHz", "exact"),
    ("120Hz", "", 120, "Hz", "exact"),
    ("3 gigawatts", "", 3, "GW", "exact"),
    ("2.14 degrees Fahrenheit", "", 2.14, "\u00b0F", "exact"),
    ("35C", "", 35, "\u00b0C", "exact"),  # the scale letter written onto the number
    ("35 C", "", None, None, None),  # ... but not a bare "C" apart from it
    ("35C", "the Insat", None, None, None),  # ... nor a name's letter
    ("20 miles per gallon", "", 20, "mpg", "exact"),
    ("252 miles to 287 miles", "", 269.5, "mi", "range"),
    ("15kHz and 17kHz", "between", 16, "kHz", "range"),
    ("3min", "", 3, "min", "exact"),
    ("4.3 seconds", "", 4.3, "s", "exact"),
    ("100,000 barrels a day", "", 100_000, "bbl", "exact"),
]


@pytest.mark.parametrize("text, left, value, unit, qualifier", COUNTS)
def test_count_and_measure_phrasings(text, left, value, unit, qualifier):
    got = normalize_count(text, left)
    if value is None:
        assert got is None or got.unit == "count", got
        return
    assert got is not None, text
    assert got.value == pytest.approx(value), (text, got)
    assert (got.unit, got.qualifier) == (unit, qualifier), (text, got)


NOT_COUNTS = [
    ("5G", ""),  # a network generation
    ("4G", ""),
    ("the 1990s", ""),
    ("2019", "in"),
    ("2004", "restate"),
    ("in 2003", ""),
    ("third", ""),
    ("fourth", ""),
    ("21st", ""),
    ("020 7946 0000", ""),
    ("0800 123 456", ""),
    ("555-0199", ""),
    ("24/7", ""),
    ("9:30", ""),
    ("$5m", ""),
    ("12%", ""),
]


@pytest.mark.parametrize("text, left", NOT_COUNTS)
def test_not_counts(text, left):
    assert normalize_count(text, left) is None


# ---------------------------------------------------------------- dates
PUB = date(2005, 2, 9)  # a Wednesday, in the BBC corpus' years

# (span, published, left context, dayfirst, value, kind)
DATES = [
    ("December", PUB, "the three months to", False, "2004-12", "relative"),
    ("Friday", PUB, "said on", False, "2005-02-04", "relative"),
    ("Monday", PUB, "", False, "2005-02-07", "relative"),
    ("Wednesday", PUB, "", False, "2005-02-09", "relative"),
    ("last week", PUB, "", False, "2005-02-02", "relative"),
    ("this year", PUB, "", False, "2005", "relative"),
    ("last year", PUB, "", False, "2004", "relative"),
    ("next year", PUB, "", False, "2006", "relative"),
    ("earlier this year", PUB, "", False, "2005", "relative"),
    ("this month", PUB, "", False, "2005-02", "relative"),
    ("last month", PUB, "", False, "2005-01", "relative"),
    ("January", PUB, "in", False, "2005-01", "relative"),
    ("June", PUB, "in", False, "2005-06", "relative"),  # less than 183 days ahead: this year
    ("the fourth quarter", PUB, "", False, "2004-Q4", "relative"),
    ("the first half", PUB, "", False, "2005-H1", "relative"),
    ("yesterday", PUB, "", False, "2005-02-08", "relative"),
    ("two years ago", PUB, "", False, "2003", "relative"),
    ("2004", None, "in", False, "2004", "year"),
    ("2003 and 2004", None, "between", False, "2003", "year"),
    ("the 1990s", None, "", False, "1990s", "decade"),
    ("January 2005", None, "", False, "2005-01", "month"),
    ("Jan 2005", None, "", False, "2005-01", "month"),
    ("31 December 2004", None, "", False, "2004-12-31", "day"),
    ("December 31, 2004", None, "", False, "2004-12-31", "day"),
    ("Dec. 31, 2004", None, "", False, "2004-12-31", "day"),
    ("Friday, Dec. 31, 2004", None, "", False, "2004-12-31", "day"),
    ("the 31st of December 2004", None, "", False, "2004-12-31", "day"),
    ("31-Dec-2004", None, "", False, "2004-12-31", "day"),
    ("31-Dec-04", None, "", False, "2004-12-31", "day"),
    ("Dec 31 '04", None, "", False, "2004-12-31", "day"),
    ("December the 31st, 2004", None, "", False, "2004-12-31", "day"),  # dateparser
    ("2004, December 31", None, "", False, "2004-12-31", "day"),  # dateparser
    ("2004-12-31", None, "", False, "2004-12-31", "day"),
    ("2004/12/31", None, "", False, "2004-12-31", "day"),
    ("12/31/2004", None, "", False, "2004-12-31", "day"),
    ("31/12/2004", None, "", False, "2004-12-31", "day"),  # impossible month forces day first
    ("02/03/2005", None, "", False, "2005-02-03", "day"),
    ("02/03/2005", None, "", True, "2005-03-02", "day"),
    ("02.03.2005", None, "", True, "2005-03-02", "day"),
    ("Apr 14 2017", None, "", False, "2017-04-14", "day"),
    ("9 March", PUB, "", False, "2005-03-09", "relative"),
    ("9 October", PUB, "", False, "2004-10-09", "relative"),  # more than 183 days ahead: the year before
    ("the year to March 2005", None, "", False, "FY2005", "fiscal_year"),
    ("the year ended 31 March 2004", None, "", False, "FY2004", "fiscal_year"),
    ("the six months to June 30, 2004", None, "", False, "2004-H1", "half"),
    ("the three months to September", PUB, "", False, "2004-Q3", "relative"),
    ("the nine months to September 2004", None, "", False, "2004-01/2004-09", "period"),
    ("fiscal 2005", None, "", False, "FY2005", "fiscal_year"),
    ("FY05", None, "", False, "FY2005", "fiscal_year"),
    ("fiscal 2004-05", None, "", False, "FY2005", "fiscal_year"),
    ("the 2004-05 financial year", None, "", False, "FY2005", "fiscal_year"),
    ("Q3 FY05", None, "", False, "FY2005-Q3", "fiscal_quarter"),
    ("the second quarter of fiscal 2005", None, "", False, "FY2005-Q2", "fiscal_quarter"),
    ("the third fiscal quarter", PUB, "", False, "FY2005-Q3", "relative"),
    ("the December quarter", PUB, "", False, "2004-Q4", "relative"),
    ("Q4 2004", None, "", False, "2004-Q4", "quarter"),
    ("H1 2005", None, "", False, "2005-H1", "half"),
    ("the second half of 2004", None, "", False, "2004-H2", "half"),
    ("the first six months of 2004", None, "", False, "2004-H1", "half"),
    ("summer 2004", None, "", False, "2004-06/2004-08", "season"),
    ("mid-2005", None, "", False, "2005", "year"),
    ("within 60 days", PUB, "", False, "2005-04-10", "relative"),
    ("over the past 12 months", PUB, "", False, "2004-02-09/2005-02-09", "relative"),
]


@pytest.mark.parametrize("text, published, left, dayfirst, value, kind", DATES)
def test_date_phrasings(text, published, left, dayfirst, value, kind):
    got = normalize_date(text, published, left, dayfirst=dayfirst)
    assert got is not None, text
    assert (got.value, got.kind) == (value, kind), (text, got)


# ---------------------------------------------------------------- periods of figures
# (clause, published, period)
PERIODS = [
    ("net income climbed 41% to $2.46bn in the three months to December", PUB, "2004-Q4"),
    ("sales of about $200 million in 2018", PUB, "2018"),
    ("no revenue in the first six months of 2019", PUB, "2019-H1"),
    ("pre-tax profit of \u00a3120m in the year to March 2004", PUB, "FY2004"),
    ("revenue for fiscal 2019 rose 5%", PUB, "FY2019"),
    ("first-half profit rose 12% to $300m", PUB, "2005-H1"),
    ("profit in the first half of the year fell", PUB, "2005-H1"),
    ("fourth-quarter revenue grew 3% to $8.4bn", PUB, "2004-Q4"),
    ("annual earnings of $2.9bn for 2004", PUB, "2004"),
    ("its 2004 revenues rose 8%", PUB, "2004"),
    ("it made $1bn last year", PUB, "2004"),
    ("Q3 revenue climbed to $2bn", PUB, "2004-Q3"),  # told in February 2005: 2005's third quarter had not begun
    ("revenue in the third quarter of fiscal 2005", PUB, "FY2005-Q3"),
    ("profits in the year ending in March 2005", PUB, "FY2005"),
    ("turnover in the 2003-04 financial year", PUB, "FY2004"),
    ("sales in the 12 months to September 2004", PUB, "FY2004"),
    ("output in the December quarter", PUB, "2004-Q4"),
    ("growth in the nine months to September 30, 2004", PUB, "2004-01/2004-09"),
    ("growth on Oct. 7, 2004 of 5%", PUB, None),  # an event date, not a period
    ("about 2000 people", PUB, None),
]


@pytest.mark.parametrize("text, published, period", PERIODS)
def test_period_phrasings(text, published, period):
    assert period_of(text, published) == period
