"""Unit tests of ``claimcheck.pipeline.mention_spans``: which value spans are mentions, their labels and their
edges, as ``corpus/GUIDELINES.md`` ("Mention labels") defines them.

Each ``Doc`` comes from the project's tokenizer with the NER's entities set by hand (no model runs), then goes
through :func:`claimcheck.pipeline.mentions.merge_quantity_spans`, which applies the rules; each case states the
span the rule must produce and the one it must remove.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from claimcheck.pipeline import mentions as M
from claimcheck.pipeline.mention_spans import refine_spans
from rule_docs import make, tokenizer_only


@pytest.fixture(scope="module")
def nlp():
    """The project's tokenizer alone (this overrides the session pipeline fixture)."""
    return tokenizer_only()


def merged(nlp, text: str, ner) -> set[tuple[str, str]]:
    doc = make(nlp, text, ner)
    M.merge_quantity_spans(doc)
    return {(e.text, e.label_) for e in doc.ents}


def check(nlp, text, ner, present, absent):
    got = merged(nlp, text, ner)
    for span in present:
        assert span in got, (span, sorted(got))
    for span in absent:
        assert span not in got, (span, sorted(got))


# --- CARDINALs that are no counts --------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "ner", "present", "absent"), [
    # a model number seen once after its maker's name is a name elsewhere in the story too
    ("Corvair showed the Corvair 818 on Monday. Buyers liked the new 818 and its cabin.",
     [("818", "CARDINAL"), ("Monday", "DATE"), ("818", "CARDINAL")], [("Monday", "DATE")], [("818", "CARDINAL")]),
    # a plural of the number names the model ("sold 40 818s"): "the 818 offers" is the model
    ("The 818 offers more seats. Lindqvist Air ordered 40 818s.",
     [("818", "CARDINAL"), ("40", "CARDINAL")], [("40", "CARDINAL")], [("818", "CARDINAL")]),
    # but the same number counting a noun stays a count
    ("Halden sold the Halden 818 widely. It hired 818 workers.",
     [("818", "CARDINAL"), ("818", "CARDINAL")], [("818", "CARDINAL")], []),
    # ranks and versions
    ("It became the No. 2 seller, and version 10.4 shipped.", [("2", "CARDINAL"), ("10.4", "CARDINAL")],
     [], [("2", "CARDINAL"), ("10.4", "CARDINAL")]),
    ("Users of Vellum '12 were pleased.", [("12", "CARDINAL")], [], [("12", "CARDINAL")]),
    # exchange ratios and stock splits
    ("Holders will receive 1.25 shares of Mirel for each Halden share.", [("1.25", "CARDINAL")], [],
     [("1.25", "CARDINAL")]),
    ("Each share of Halden will be converted into 25 shares of Mirel.", [("25", "CARDINAL")], [],
     [("25", "CARDINAL")]),
    ("Figures are adjusted for a three-for-two stock split.", [("three", "CARDINAL"), ("two", "CARDINAL")], [],
     [("three", "CARDINAL"), ("two", "CARDINAL")]),
    ("About one out of every 300 buyers complained.", [("one", "CARDINAL"), ("300", "CARDINAL")], [],
     [("300", "CARDINAL")]),
    # multiples and clock durations
    ("The offer was oversubscribed 12.5 times, bankers said.", [("12.5", "CARDINAL")], [], [("12.5", "CARDINAL")]),
    ("The tremor lasted 40 seconds.", [("40", "CARDINAL")], [], [("40", "CARDINAL"), ("40 seconds", "QUANTITY")]),
    # a headline's capitals name nothing: the same number in the story still counts
    ("Storm in Ruritania Kills 12\n\nThe storm hit the coast, killing 12 people.", [("12", "CARDINAL")],
     [("12", "CARDINAL")], []),
    ("ATR will also provide six second-hand planes.", [("six", "CARDINAL")], [("six", "CARDINAL")], []),
    # times of day
    ("Bids close at 1700 EST on Friday.", [("1700", "CARDINAL"), ("Friday", "DATE")], [("Friday", "DATE")],
     [("1700", "CARDINAL")]),
    ("The tremor struck at 0412 (2312 GMT) near the coast.", [("0412", "CARDINAL")], [], [("0412", "CARDINAL")]),
    ("A caller phoned at about 6 a.m. on Sunday.", [("6", "CARDINAL"), ("Sunday", "DATE")], [("Sunday", "DATE")],
     [("6", "CARDINAL")]),
    ("The plant has 1700 EMPLOYEES and 30 buses.", [("1700", "CARDINAL"), ("30", "CARDINAL")],
     [("1700", "CARDINAL"), ("30", "CARDINAL")], []),
    # no number at all
    ("STORM CUTS POWER TO 9,000 HOMES", [("STORM", "CARDINAL"), ("9,000", "CARDINAL")], [("9,000", "CARDINAL")],
     [("STORM", "CARDINAL")]),
])
def test_not_counts(nlp, text, ner, present, absent):
    check(nlp, text, ner, present, absent)


# --- labels ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "ner", "present", "absent"), [
    # a QUANTITY with no unit before its counted noun is a count
    ("Halden will issue 7.5 mln new shares.", [("7.5 mln", "QUANTITY")], [("7.5 mln", "CARDINAL")],
     [("7.5 mln", "QUANTITY")]),
    # ... but a figure whose unit was written once before it stays what the NER said
    ("Output fell to 400 mln pounds from 500 mln, it said.", [("500 mln", "QUANTITY")], [("500 mln", "QUANTITY")],
     [("500 mln", "CARDINAL")]),
    # a count the NER stopped before its unit
    ("The drive stores 8 gigabytes of data.", [("8", "CARDINAL")], [("8 gigabytes", "QUANTITY")],
     [("8", "CARDINAL")]),
    # a PERCENT with no percent word near it
    ("The plane will carry between 180 and 240 passengers.", [("between 180 and 240", "PERCENT")],
     [("between 180 and 240", "CARDINAL")], [("between 180 and 240", "PERCENT")]),
    # a bare number beside percentages is one
    ("The bank cut its base rate to 11.5 pct from 12.25, effective Monday.",
     [("11.5 pct", "PERCENT"), ("12.25", "CARDINAL"), ("Monday", "DATE")], [("12.25", "PERCENT")],
     [("12.25", "CARDINAL")]),
    ("The deal would cut to zero from two pct the interest on the debt.", [("zero", "CARDINAL")],
     [("zero", "PERCENT")], [("zero", "CARDINAL")]),
    ("Sales fell by 23% from 36,185 in 2025.", [("23%", "PERCENT"), ("36,185", "CARDINAL"), ("2025", "DATE")],
     [("36,185", "CARDINAL")], [("36,185", "PERCENT")]),
    ("Only one in five loans is repaid.", [("one in five", "PERCENT")], [("one in five", "PERCENT")], []),
    ("The bank cut it 1-1/2 points from 6-1/2 on Monday.", [("6-1/2", "PERCENT"), ("Monday", "DATE")],
     [("6-1/2", "PERCENT")], []),
    # a number of time units is a duration, a DATE
    ("Police said the three, between 30 and 40 years old, were hurt.", [("between 30 and 40 years old", "PERCENT")],
     [("between 30 and 40 years old", "DATE")], []),
    ("HALDEN CORP NINE MTHS NET", [("NINE MTHS", "CARDINAL")], [("NINE MTHS", "DATE")], []),
    ("HALDEN CORP SIX MTHS NET", [("SIX", "CARDINAL")], [("SIX MTHS", "DATE")], [("SIX", "CARDINAL")]),
    # a bare amount beside a money word in a story written in "dlrs" is money; a count of shares is not
    ("Net was 4.1 mln dlrs. Net includes a tax credit of 312,000 for the quarter.", [("312,000", "CARDINAL")],
     [("312,000", "MONEY")], [("312,000", "CARDINAL")]),
    ("Profit rose to 9.2 mln dlrs. Results include gains of 1,450,000 from a sale.", [("1,450,000", "CARDINAL")],
     [("1,450,000", "MONEY")], []),
    ("Halden paid 9.2 mln euros. It has a gain of 1,450,000 for the year.", [("1,450,000", "CARDINAL")],
     [("1,450,000", "CARDINAL")], []),
    ("It paid 3.1 mln dlrs. It sold a net 212,500 common shares.", [("212,500", "CARDINAL")],
     [("212,500", "CARDINAL")], [("212,500", "MONEY")]),
    ("Halden has a gain of 80,000 visitors a year.", [("80,000", "CARDINAL")], [("80,000", "CARDINAL")], []),
    # a day of the month the NER left as a number is a date
    ("Halden's 2026 ended Nov 30 and its 2025 ended Dec 31.", [("30", "CARDINAL"), ("Dec 31", "DATE")],
     [("Nov 30", "DATE")], [("30", "CARDINAL")]),
    ("Mirel must pay no later than August 31, 2027, it said.", [("31", "CARDINAL")],
     [("August 31, 2027", "DATE")], []),
    ("Hearings are set for March 3 and 4 in Halden.", [("March 3", "DATE"), ("4", "CARDINAL")], [("4", "DATE")],
     [("4", "CARDINAL")]),
    ("In March 12 staff left and 3 and 4 more followed.", [("12", "CARDINAL"), ("3", "CARDINAL"), ("4", "CARDINAL")],
     [("4", "CARDINAL")], []),
    # a share price quoted bare in eighths is money; a bond's price is not
    ("Halden stock was up 1/8 at 52-3/8 in active trading.", [("1/8", "CARDINAL"), ("52-3/8", "CARDINAL")],
     [("1/8", "MONEY"), ("52-3/8", "MONEY")], [("52-3/8", "CARDINAL")]),
    ("The Halden shares issue was priced at 99-5/8 with a 6-1/4 pct coupon.", [("99-5/8", "CARDINAL")],
     [("99-5/8", "CARDINAL")], []),
    # a year written with an apostrophe
    ("Prices hit their lowest since '91 on Friday.", [("91", "CARDINAL"), ("Friday", "DATE")], [("'91", "DATE")],
     [("91", "CARDINAL")]),
])
def test_labels(nlp, text, ner, present, absent):
    check(nlp, text, ner, present, absent)


# --- DATE edges -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "ner", "present", "absent"), [
    ("Sales should recover by the end of the year.", [("the year", "DATE")], [("the end of the year", "DATE")],
     [("the year", "DATE")]),
    ("The store opens in the spring of 2027.", [("2027", "DATE")], [("the spring of 2027", "DATE")], []),
    ("Losses grew in the first quarter of the financial year.",
     [("the first quarter", "DATE"), ("the financial year", "DATE")],
     [("the first quarter of the financial year", "DATE")], [("the first quarter", "DATE")]),
    ("Ships arrive from 2026 to 2028, it said.", [("2026", "DATE"), ("2028", "DATE")], [("2026 to 2028", "DATE")],
     [("2026", "DATE")]),
    ("Output will double by 2026-27 at the plant.", [("2026", "DATE")], [("2026-27", "DATE")], [("2026", "DATE")]),
    ("Halden expects 2027 first quarter profits to fall.", [("2027", "DATE"), ("first quarter", "DATE")],
     [("2027 first quarter", "DATE")], [("2027", "DATE")]),
    ("The charge was taken in last year's fourth quarter.", [("last year", "DATE"), ("fourth quarter", "DATE")],
     [("last year's fourth quarter", "DATE")], [("last year", "DATE")]),
    # a duration's "period" is not part of it; a named season's is
    ("Fraud went on over a three-year period.", [("three-year", "DATE")], [("three-year", "DATE")], []),
    ("The car came to market a year ahead of schedule.", [("a year", "DATE")], [("a year", "DATE")], []),
    ("Sales for the period ending June 30 rose.", [("June 30", "DATE")],
     [("the period ending June 30", "DATE")], [("June 30", "DATE")]),
    ("The satellite was lost more than a year ago.", [("a year ago", "DATE")],
     [("more than a year ago", "DATE")], [("a year ago", "DATE")]),
    ("Rates have not been this high since the mid 1990's in Ruritania.", [("1990", "DATE")],
     [("the mid 1990's", "DATE")], []),
    ("Managers expect growth in the year ahead.", [("the year", "DATE")], [("the year ahead", "DATE")], []),
    ("For the year as a whole, profit fell.", [("the year", "DATE")], [("the year as a whole", "DATE")], []),
    ("It owes taxes for the years from 2019 to 2022.", [("the years", "DATE"), ("2019", "DATE"), ("2022", "DATE")],
     [("the years from 2019 to 2022", "DATE")], [("2019", "DATE")]),
    ("Shops reported weak post-Christmas sales.", [("Christmas", "DATE")], [("post-Christmas", "DATE")], []),
    ("Interest on the 10 year-old debt was cut.", [("the 10 year-old", "DATE")], [("10 year-old", "DATE")], []),
    ("Shoppers spent more over the Christmas period.", [("the Christmas", "DATE")],
     [("the Christmas period", "DATE")], []),
    # trims
    ("The trial is expected to last two months.", [("last two months", "DATE")], [("two months", "DATE")],
     [("last two months", "DATE")]),
    ("It gave no comparison with the year-ago figure.", [("the year-ago", "DATE")], [("year-ago", "DATE")], []),
    ("The index fell 412 Monday to 1650, a record.", [("Monday to 1650", "DATE")], [("Monday", "DATE")],
     [("Monday to 1650", "DATE")]),
    ("A deficit with the U.S. May result in tariffs.", [("May", "DATE")], [], [("May", "DATE")]),
    ("Prices fell in May and June.", [("May and June", "DATE")], [("May", "DATE"), ("June", "DATE")],
     [("May and June", "DATE")]),
    # a list of dates is one date each; a year written once for all, a range, or an item no date alone keep one span
    ("Coupons are paid on March 4, June 11 and September Two.", [("March 4, June 11 and September Two", "DATE")],
     [("March 4", "DATE"), ("June 11", "DATE"), ("September Two", "DATE")],
     [("March 4, June 11 and September Two", "DATE")]),
    ("Wages stalled in the 1960s and 1970s.", [("the 1960s and 1970s", "DATE")],
     [("the 1960s", "DATE"), ("1970s", "DATE")], []),
    ("Talks may resume by year's end or next year.", [("year's end or next year", "DATE")],
     [("year's end", "DATE"), ("next year", "DATE")], []),
    ("Halden closed its plants over Christmas and New Year.", [("Christmas and New Year", "DATE")],
     [("Christmas", "DATE"), ("New Year", "DATE")], []),
    ("Sales rose in April and July, 2026.", [("April and July, 2026", "DATE")],
     [("April and July, 2026", "DATE")], [("April", "DATE")]),
    ("The fourth quarter and full year 2026 include a charge.", [("The fourth quarter and full year 2026", "DATE")],
     [("The fourth quarter and full year 2026", "DATE")], []),
    ("Charges hit the 2026 qtr and year.", [("2026 qtr and year", "DATE")], [("2026 qtr and year", "DATE")], []),
    ("Mirel sold the shares from May 1 and June 9 onwards.", [("May 1 and June 9", "DATE")],
     [("May 1 and June 9", "DATE")], []),
    ("Halden will report on March 25, Wednesday, its chief said.", [("March 25, Wednesday", "DATE")],
     [("March 25, Wednesday", "DATE")], []),
    # a results headline's quarter and the day it ended are two dates; "Qtr ended" is not part of the date
    ("HALDEN CORP RESULTS\n\nNOTE: 3RD QTR FEB 28 figures are restated.", [("3RD QTR FEB 28", "DATE")],
     [("3RD QTR", "DATE"), ("FEB 28", "DATE")], [("3RD QTR FEB 28", "DATE")]),
    # in the headline the closing day names the period and the quarter before it is left out
    ("MIREL INC 4TH QTR MARCH ONE LOSS", [("4TH QTR MARCH ONE", "DATE")], [("MARCH ONE", "DATE")],
     [("4TH QTR", "DATE"), ("4TH QTR MARCH ONE", "DATE")]),
    ("HALDEN CORP <HLD> 2ND QTR FEB 28 NET\n\nShr 5 cts", [("2ND QTR", "DATE"), ("FEB 28", "DATE")],
     [("FEB 28", "DATE")], [("2ND QTR", "DATE")]),
    ("HALDEN CORP <HLD> 2ND QTR NET\n\nShr 5 cts", [("2ND QTR", "DATE")], [("2ND QTR", "DATE")], []),
    ("HALDEN CORP 1ST QTR NET\n\nQtr ended Jan 31\nShr 10 cts vs 8 cts", [("1ST QTR", "DATE"), ("Qtr ended Jan 31", "DATE")],
     [("1ST QTR", "DATE"), ("Jan 31", "DATE")], [("Qtr ended Jan 31", "DATE")]),
    ("Year to December 31, 2026 profit rose.", [("Year to December 31, 2026", "DATE")],
     [("December 31, 2026", "DATE")], []),
    ("Sales for the quarter ended March 31 rose.", [("the quarter ended March 31", "DATE")],
     [("the quarter ended March 31", "DATE")], []),
    ("It reports its first quarter ended January 31 today.", [("first quarter ended January 31", "DATE")],
     [("first quarter ended January 31", "DATE")], []),
    # not dates, and dates the NER missed
    ("The Nikkei rose over the day.", [("the day", "DATE")], [], [("the day", "DATE")]),
    # pence the NER called a date are money; a year before 1800 it called a count is a date, a clock time is not
    ("Shares closed at 214p, down from 220p.", [("214p", "DATE"), ("220p", "MONEY")], [("214p", "MONEY")],
     [("214p", "DATE")]),
    ("The town was founded in 1689 by monks.", [("1689", "CARDINAL")], [("1689", "DATE")], [("1689", "CARDINAL")]),
    ("The offer expires at 1700 EST on Friday.", [("1700", "CARDINAL")], [], [("1700", "DATE")]),
    ("Halden sells in 1600 stores.", [("1600", "CARDINAL")], [("1600", "CARDINAL")], [("1600", "DATE")]),
    # a "date" with no word of time in it is none; a daily rate and a holiday are dates
    ("Talks with Borvik went on, and Borvik's shares rose.", [("Borvik", "DATE")], [], [("Borvik", "DATE")]),
    ("Prices rose over the whole of 2026.", [("the whole of", "DATE"), ("2026", "DATE")], [("2026", "DATE")],
     [("the whole of", "DATE")]),
    ("Halden publishes its prices daily and closes for Thanksgiving.", [("daily", "DATE"), ("Thanksgiving", "DATE")],
     [("daily", "DATE"), ("Thanksgiving", "DATE")], []),
    ("The deal came just days after the vote.", [("just days", "DATE")], [("just days", "DATE")], []),
    # a day written in words after its month is a date the NER may miss; a month before a number of years is not
    ("Mirel said the offer submitted March one by Halden lapsed.", [], [("March one", "DATE")], []),
    ("MIREL CORP <MRL> 2ND QTR APRIL FIVE NET", [], [("APRIL FIVE", "DATE")], []),
    ("The bid was made in June two years ago.", [("two years ago", "DATE")], [("two years ago", "DATE")],
     [("June two", "DATE")]),
    # the period of a rate of money, a percentage or a quantity is no date; a count's rate and a moment are
    ("Mirel ships 90,000 barrels of crude a month to Halden.", [("90,000 barrels", "QUANTITY"), ("a month", "DATE")],
     [("90,000 barrels", "QUANTITY")], [("a month", "DATE")]),
    ("Pensions cost the state $4.1bn a year.", [("$4.1bn", "MONEY"), ("a year", "DATE")], [("$4.1bn", "MONEY")],
     [("a year", "DATE")]),
    ("Halden makes 80,000 cars a year.", [("80,000", "CARDINAL"), ("a year", "DATE")], [("a year", "DATE")], []),
    ("Profit was $4.1bn, up from $3.9bn a year earlier.", [("$4.1bn", "MONEY"), ("$3.9bn", "MONEY"),
                                                           ("a year earlier", "DATE")],
     [("a year earlier", "DATE")], []),
    ("Sales rose 5% in a year.", [("5%", "PERCENT"), ("a year", "DATE")], [("a year", "DATE")], []),
    ("The index fell 3% earlier in the day.", [("3%", "PERCENT"), ("earlier in the day", "DATE")], [],
     [("earlier in the day", "DATE")]),
    ("Shares of the dividend of December 2026 rose.", [("December 2026", "DATE")], [("December 2026", "DATE")],
     []),
    ("Halden cut its full-year forecast after a weak first half.", [],
     [("full-year", "DATE"), ("first half", "DATE")], []),
    ("An expected May election would not change it.", [("May", "DATE")], [("May", "DATE")], []),
    ("Albums are due before the end of the financial year.", [("the financial year", "DATE")],
     [("the financial year", "DATE")], []),
    ("Rates returned to the level at beginning of 2027.", [("2027", "DATE")], [("2027", "DATE")], []),
    ("Full year 2026 includes a charge.", [("2026", "DATE")], [("Full year 2026", "DATE")], [("2026", "DATE")]),
    ("It made a profit the following year.", [], [("the following year", "DATE")], []),
    # a leading "at", "on" or "in" is no part of the date ("at least" is its qualifier)
    ("Ostrava Mills had 310 looms at year end.", [("at year end", "DATE")], [("year end", "DATE")],
     [("at year end", "DATE")]),
    ("Trials ran for at least 14 months.", [("at least 14 months", "DATE")], [("at least 14 months", "DATE")], []),
    # "the years from" a year is one period only with the range's end
    ("Kelso owes duties for the years from 2017 onwards.", [("the years", "DATE"), ("2017", "DATE")],
     [("2017", "DATE")], [("the years from 2017", "DATE")]),
    # a results table's "YEAR 2026" on a line of its own or after the ticker is the year alone
    ("BRANDT HOLDINGS PLC <BRH.L> YEAR 2026\n\nShr 12.4p vs 10.1p", [("YEAR 2026", "DATE")], [("2026", "DATE")],
     [("YEAR 2026", "DATE")]),
    ("VESTRA MINING SAYS PROFIT ROSE\n\nYear 2026\n\nShr 7.2p vs 6.9p", [("Year 2026", "DATE")],
     [("2026", "DATE")], [("Year 2026", "DATE")]),
    ("The year 2026 was a good one for Vestra.", [("The year 2026", "DATE")], [("The year 2026", "DATE")], []),
    # a results note's bare "in year" or "in half" beside the quarter's amount is the fiscal period
    ("NOTE: Net excludes gains of 41,000 dlrs in quarter and 97,000 dlrs in year from asset sales.", [],
     [("year", "DATE")], []),
    ("Net includes credits of two cts in qtr and five cts in half.", [], [("half", "DATE")], []),
    ("Lindgren Tools cut its staff of 3,000 in half.", [], [], [("half", "DATE")]),
    ("It sold 40,000 in year two of the plan, after the quarter ended.", [], [], [("year", "DATE")]),
    # "a quarter" as a fraction is no date
    ("Almost a quarter of a million Ruritanians lost power.", [("Almost a quarter", "DATE")],
     [], [("Almost a quarter", "DATE")]),
    ("Orders at Kessling fell by nearly a quarter in March.", [("nearly a quarter", "DATE"), ("March", "DATE")],
     [("March", "DATE")], [("nearly a quarter", "DATE")]),
    ("The sale covers one-quarter of Kessling's depots.", [("one-quarter", "DATE")], [], [("one-quarter", "DATE")]),
    ("Sales doubled in a quarter of the fiscal year.", [("a quarter", "DATE")], [("a quarter", "DATE")], []),
    ("Profit rose a quarter earlier.", [("a quarter earlier", "DATE")], [("a quarter earlier", "DATE")], []),
    # numbers listed before the last one's time unit are a duration each; two joined by "and" are one
    ("Norvik cut its one, two and six month deposit rates.", [("two", "CARDINAL"), ("six month", "DATE")],
     [("one", "DATE"), ("two", "DATE"), ("six month", "DATE")], [("two", "CARDINAL")]),
    ("The agency sells 28, 84 and 182-day bills each Monday.", [("28", "CARDINAL"), ("84", "CARDINAL"),
                                                                 ("182-day", "DATE"), ("Monday", "DATE")],
     [("28", "DATE"), ("84", "DATE"), ("182-day", "DATE")], [("28", "CARDINAL")]),
    ("Figures are for 16 and 40 week periods.", [("16", "CARDINAL"), ("40 week", "DATE")],
     [("16 and 40 week", "DATE")], [("16", "CARDINAL")]),
    ("Talks began in 2019 and two years later stalled.", [("2019", "DATE"), ("two years later", "DATE")],
     [("2019", "DATE"), ("two years later", "DATE")], []),
    ("The guards, 30 and 40 years old, were hurt.", [("30", "CARDINAL"), ("40 years old", "DATE")],
     [("30", "CARDINAL")], []),
    ("It hired 12 engineers and 3-year interns.", [("12", "CARDINAL"), ("3-year", "DATE")],
     [("12", "CARDINAL")], []),
    # "earlier"/"later" before a day told relative to the story's is part of the date
    ("Veld Oil cut its prices later this week, after a rival moved earlier today.",
     [("this week", "DATE"), ("today", "DATE")], [("later this week", "DATE"), ("earlier today", "DATE")],
     [("today", "DATE")]),
    # the season of a crop is no date; a season of the year is
    ("Frost may hurt the winter wheat in the north, traders said this winter.",
     [("winter", "DATE"), ("this winter", "DATE")], [("this winter", "DATE")], [("winter", "DATE")]),
])
def test_date_edges(nlp, text, ner, present, absent):
    check(nlp, text, ner, present, absent)


# --- PERCENT and qualifier edges ------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "ner", "present", "absent"), [
    ("It expects a 4% to 4.5% rise in sales.", [("4%", "PERCENT"), ("4.5%", "PERCENT")],
     [("4% to 4.5%", "PERCENT")], [("4%", "PERCENT")]),
    ("The Fed may raise rates by a quarter of a percentage point.", [("a percentage point", "PERCENT")],
     [("a quarter of a percentage point", "PERCENT")], [("a percentage point", "PERCENT")]),
    ("The notes yield 45 basis points more than gilts.", [("45", "PERCENT")], [("45 basis points", "PERCENT")],
     [("45", "PERCENT")]),
    ("Growth will slow from 5% in 2026 to 4.25% next year.", [("5%", "PERCENT"), ("2026 to 4.25%", "PERCENT")],
     [("2026", "DATE"), ("4.25%", "PERCENT")], [("2026 to 4.25%", "PERCENT")]),
    # a year before "and"/"to" and the next figure is no range's lower end
    # (the NER's span over both: the grammar takes the figure, the year it leaves is a date)
    ("Growth was 1.4% in 2026, up from 0.2% in 2025 and 0.5% in 2024.", [("2025 and 0.5%", "PERCENT")],
     [("2025", "DATE"), ("0.5%", "PERCENT")], [("2025 and 0.5%", "PERCENT")]),
    ("Growth was 1.4% in 2026, up from 0.2% in 2025 and 0.5% in 2024.", [],
     [("0.5%", "PERCENT")], [("2025 and 0.5%", "PERCENT")]),
    ("Sales were down 4% in 2026 to 650m euros.", [], [("2026", "DATE"), ("650m euros", "MONEY")],
     [("2026 to 650m euros", "MONEY")]),
    # a fiscal year written with its second year is never a range's lower end, whatever the word before it
    ("The deficit should fall to 3.5 pct in 2026/27 and 2.8 pct in 2027/28.", [("2026/27 and 2.8 pct", "PERCENT")],
     [("2026/27", "DATE"), ("2.8 pct", "PERCENT")], [("2026/27 and 2.8 pct", "PERCENT")]),
    ("Ruritania cut its borrowing target for 2026/27 to 5 billion crowns.", [("2026/27 to 5 billion crowns", "MONEY")],
     [("2026/27", "DATE"), ("5 billion crowns", "MONEY")], [("2026/27 to 5 billion crowns", "MONEY")]),
    ("A quarter of a million homes lost power.", [("A quarter", "PERCENT")],
     [("A quarter of a million", "CARDINAL")], [("A quarter", "PERCENT")]),
    ("The jobless rate went up to 6.1% in May.", [("up to 6.1%", "PERCENT"), ("May", "DATE")],
     [("6.1%", "PERCENT")], [("up to 6.1%", "PERCENT")]),
    ("Halden hopes to raise up to 6.1% more.", [("up to 6.1%", "PERCENT")], [("up to 6.1%", "PERCENT")], []),
    # "above", "below", "under" after a verb are the verb's; a count's own qualifier stays
    ("Joblessness stayed above 3 million all year.", [("above 3 million", "CARDINAL")], [("3 million", "CARDINAL")],
     [("above 3 million", "CARDINAL")]),
    ("The index was trading below 9,500 points.", [("below 9,500", "CARDINAL")], [("9,500", "CARDINAL")], []),
    ("The index fell to below 9,500 points.", [("below 9,500", "CARDINAL")], [("below 9,500", "CARDINAL")], []),
    ("Care for children under five is free.", [("under five", "CARDINAL")], [("under five", "CARDINAL")], []),
])
def test_percent_and_qualifiers(nlp, text, ner, present, absent):
    check(nlp, text, ner, present, absent)


def test_refine_keeps_names_and_money(nlp):
    """The rules leave name and money spans alone."""
    doc: Doc = make(nlp, "Halden paid $3m for Mirel on Monday.", [("Halden", "ORG"), ("$3m", "MONEY"),
                                                                  ("Mirel", "ORG"), ("Monday", "DATE")])
    spans = refine_spans(doc, list(doc.ents))
    assert [(s.text, s.label_) for s in spans] == [("Halden", "ORG"), ("$3m", "MONEY"), ("Mirel", "ORG"),
                                                    ("Monday", "DATE")]


# --- security codes: tickers, cashtags and identifiers are no figures --------------------------------------------

@pytest.mark.parametrize(("text", "ner", "present", "absent"), [
    # a number with an exchange's suffix in brackets, the NER's MONEY
    ("Tamsworth Denki (4417.T) said profit rose 12% to \u00a55bn.", [("Tamsworth Denki", "ORG"), ("4417.T", "MONEY")],
     [("Tamsworth Denki", "ORG"), ("12%", "PERCENT"), ("\u00a55bn", "MONEY")], [("4417.T", "MONEY")]),
    ("Shares of Qinlo Ports (3318.HK) fell 4%.", [("3318.HK", "CARDINAL")], [("4%", "PERCENT")],
     [("3318.HK", "CARDINAL")]),
    # a list of codes after the story, and a six-digit code with a two-letter suffix anywhere
    ("Related: 3318.HK, 601288.SS", [("3318.HK", "CARDINAL"), ("601288.SS", "CARDINAL")], [],
     [("3318.HK", "CARDINAL"), ("601288.SS", "CARDINAL")]),
    # cashtags: one alone, one glued to a name, two in a row
    ("$KVLT up 6% premarket. $KVLT $MRDN", [("$KVLT", "MONEY"), ("$KVLT $", "MONEY")], [("6%", "PERCENT")],
     [("$KVLT", "MONEY"), ("$KVLT $", "MONEY")]),
    ("$BRSK Brisket Labs down 3% after the call.", [("$BRSK Brisket Labs", "MONEY")], [("3%", "PERCENT")],
     [("$BRSK Brisket Labs", "MONEY")]),
    # identifiers: an ISIN, a WKN of digits, a Hong Kong code after its exchange
    ("Marrow Lenz AG (ISIN: DE0007731234; WKN: 773123) lifted sales 8%.",
     [("DE0007731234", "CARDINAL"), ("773123", "CARDINAL")], [("8%", "PERCENT")],
     [("DE0007731234", "CARDINAL"), ("773123", "CARDINAL")]),
    ("Quillon Holdings (HKEX: 2207) raised HK$1bn.", [("2207", "CARDINAL")], [("HK$1bn", "MONEY")],
     [("2207", "CARDINAL")]),
    # but a figure stays one: a lost space after a year, a money figure, a decimal before a name's initial
    ("Profit rose in 2019.The firm hired 300 people.", [("300", "CARDINAL")], [("300", "CARDINAL")], []),
    ("It paid $5m in cash.", [("$5m", "MONEY")], [("$5m", "MONEY")], []),
    ("Indexes closed higher (Nasdaq: 15,800; FTSE: 8,120).", [("15,800", "CARDINAL"), ("8,120", "CARDINAL")],
     [("15,800", "CARDINAL")], []),
])
def test_security_codes(nlp, text, ner, present, absent):
    check(nlp, text, ner, present, absent)



# --- names the NER took for people or places that act as companies -----------------------------------------------

@pytest.mark.parametrize("text, ner, present, absent", [
    # a company's act or thing right after a one-word name, at every mention of it
    ("Jorvane's chief executive quit. Jorvane shares fell 17%.", [("Jorvane", "PERSON"), ("Jorvane", "PERSON")],
     [("Jorvane", "ORG")], [("Jorvane", "PERSON")]),
    ("Loxbury's listing raised $90m.", [("Loxbury", "GPE")], [("Loxbury", "ORG")], [("Loxbury", "GPE")]),
    ("Lilly bought a stake in Brennock last year.", [("Lilly", "ORG"), ("Brennock", "PERSON")],
     [("Brennock", "ORG")], []),
    # a country, a city's market and a person's own shares stay what the NER said
    ("Britain's profits tax rose.", [("Britain", "GPE")], [("Britain", "GPE")], [("Britain", "ORG")]),
    ("Leeds shares rose 2%.", [("Leeds", "GPE")], [("Leeds", "GPE")], [("Leeds", "ORG")]),
    ("Ruth Okafor's shares were sold.", [("Ruth Okafor", "PERSON")], [("Ruth Okafor", "PERSON")], []),
    ("Ruth Okafor said sales rose.", [("Ruth Okafor", "PERSON")], [("Ruth Okafor", "PERSON")], []),
    # a one-word name that buys or is bought; a name ending in an industry's word; a ticker after it; "-listed"
    ("Kolt agreed to buy Sibley for $2bn.", [("Kolt", "GPE"), ("Sibley", "PERSON")],
     [("Kolt", "ORG"), ("Sibley", "ORG")], []),
    ("Kolt acquired a stake in the takeover of Sibley.", [("Kolt", "PERSON"), ("Sibley", "GPE")],
     [("Kolt", "ORG"), ("Sibley", "ORG")], []),
    ("Shares fell at Ravensworth Foods and Pentreath Minerals.",
     [("Ravensworth Foods", "PERSON"), ("Pentreath Minerals", "PERSON")],
     [("Ravensworth Foods", "ORG"), ("Pentreath Minerals", "ORG")], []),
    ("Thrandle Biotech (THRB.O) said on Tuesday its loss narrowed.", [("Thrandle Biotech", "PERSON")],
     [("Thrandle Biotech", "ORG")], []),
    ("NYSE-listed Brantwood said it would pay.", [("Brantwood", "PERSON")], [("Brantwood", "ORG")], []),
    ("Kolt said it would merge with Sibley.", [("Kolt", "PERSON"), ("Sibley", "ORG")], [("Kolt", "ORG")], []),
    # the kind of company it is, right before the name ("the brewer", "surfwear firm"), even a name of two words
    ("Profits at the Flemish brewer Van Oorde fell 41%.", [("Van Oorde", "PERSON")], [("Van Oorde", "ORG")],
     [("Van Oorde", "PERSON")]),
    ("It may be bought by surfwear firm Quellan. Quellan declined to comment.",
     [("Quellan", "GPE"), ("Quellan", "GPE")], [("Quellan", "ORG")], [("Quellan", "GPE")]),
    # a company named with a title after its kind: the title is part of the name, at every mention it opens
    ("Sales at the drugmaker Dr Halvik's fell. Dr Halvik's said profits rose.",
     [("Halvik", "PERSON"), ("Halvik", "PERSON")], [("Dr Halvik", "ORG")], [("Halvik", "PERSON"), ("Halvik", "ORG")]),
    ("Dr Halvik said the drug works.", [("Halvik", "PERSON")], [("Halvik", "PERSON")], [("Dr Halvik", "ORG")]),
    # but a film's maker is a person
    ("The film maker Ida Varga said sales rose.", [("Ida Varga", "PERSON")], [("Ida Varga", "PERSON")],
     [("Ida Varga", "ORG")]),
    # a person named by surname after a title, or in full before; a place a company is based in
    ("Mr Kolt bought the house.", [("Kolt", "PERSON")], [("Kolt", "PERSON")], [("Kolt", "ORG")]),
    ("Ann Kolt sold her flat. Kolt bought a boat.", [("Ann Kolt", "PERSON"), ("Kolt", "PERSON")],
     [("Kolt", "PERSON")], [("Kolt", "ORG")]),
    ("Sibley agreed to acquire Salem, Ore.-based Arden.", [("Sibley", "ORG"), ("Salem", "GPE")],
     [("Salem", "GPE")], [("Salem", "ORG")]),
    ("Sibley completed the acquisition of London-based Arden.", [("Sibley", "ORG"), ("London", "GPE")],
     [("London", "GPE")], [("London", "ORG")]),
    # the first word of a company's full name, named alone; not a person of the story with that name, nor a place
    ("Marcade Group Inc lost money. Marcade said it would cut costs.",
     [("Marcade Group Inc", "ORG"), ("Marcade", "PERSON")], [("Marcade", "ORG")], [("Marcade", "PERSON")]),
    ("Harrow Trust said it sold a mill. Mr Harrow said the price was fair.",
     [("Harrow Trust", "ORG"), ("Harrow", "PERSON")], [("Harrow", "PERSON")], [("Harrow", "ORG")]),
    ("Tessa Orvane runs Orvane Co in Leeds. Orvane said she would stay.",
     [("Tessa Orvane", "PERSON"), ("Orvane Co", "ORG"), ("Orvane", "PERSON")], [("Orvane", "PERSON")],
     [("Orvane", "ORG")]),
    ("Kestin Edison Co raised rates in Kestin.", [("Kestin Edison Co", "ORG"), ("Kestin", "GPE")],
     [("Kestin", "GPE")], [("Kestin", "ORG")]),
])
def test_companies_named_as_people(nlp, text, ner, present, absent):
    check(nlp, text, ner, present, absent)


# --- one sense per document: a company the NER tagged once is the company at its other mentions ----------------

def orgs(nlp, text, ner) -> list[str]:
    doc = make(nlp, text, ner)
    M.merge_quantity_spans(doc)
    return [e.text for e in doc.ents if e.label_ == "ORG"]


@pytest.mark.parametrize("text, ner, expected", [
    # the same words again, and the name without its legal suffix
    ("Tarrow Group bought a stake. Tarrow said its sales rose. Shares of Tarrow fell.", [("Tarrow Group", "ORG")],
     ["Tarrow Group", "Tarrow", "Tarrow"]),
    ("Brellin Corp posted a loss. Later Brellin Corp said it would cut jobs.", [("Brellin Corp", "ORG")],
     ["Brellin Corp", "Brellin Corp"]),
    # part of a longer name, a model after its maker, a name in brackets: left
    ("Tarrow Inc rose. Tarrow Bank fell. The Tarrow 25 sold well. Orbis Equity (Tarrow) bought more.",
     [("Tarrow Inc", "ORG")], ["Tarrow Inc"]),
    # a name also tagged as a person, and a common word, are not spread
    ("Maddox Ltd rose. Maddox said so. Jo Maddox agreed.", [("Maddox Ltd", "ORG"), ("Maddox", "PERSON")],
     ["Maddox Ltd"]),
    ("Next Ltd rose. Next, it said, sales fell.", [("Next Ltd", "ORG")], ["Next Ltd"]),
    ("Amber Group rose. Amber said sales of amber jewellery fell.", [("Amber Group", "ORG")], ["Amber Group"]),
])
def test_a_company_tagged_once_is_the_company_at_its_untagged_mentions(nlp, text, ner, expected):
    assert orgs(nlp, text, ner) == expected


#: a short form tagged in one place and the long name in another; the long name's untagged mention is the long name
_SHORT_AND_LONG = ("Pell rose. Pell & Varga said sales fell. Shares of Pell & Varga gained.",
                   [("Pell", "ORG"), ("Pell & Varga", "ORG")])


def test_the_longest_name_takes_its_untagged_mentions_whatever_the_set_order(nlp):
    assert orgs(nlp, *_SHORT_AND_LONG) == ["Pell", "Pell & Varga", "Pell & Varga"]


def test_one_sense_per_document_is_the_same_in_every_process():
    """The names were read in the order of a set of strings, which Python orders differently in each process
    (PYTHONHASHSEED): the same article got "Pell" in one run and "Pell & Varga" in the next."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    code = ("import json, sys; sys.path[:0] = " + json.dumps([str(Path(__file__).parent)]) + "\n"
            "from test_mention_spans import orgs, _SHORT_AND_LONG\n"
            "from rule_docs import tokenizer_only\n"
            "print(json.dumps(orgs(tokenizer_only(), *_SHORT_AND_LONG)))")
    seen = set()
    for seed in range(6):
        env = dict(os.environ, PYTHONHASHSEED=str(seed))
        out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        seen.add(out.stdout.strip().splitlines()[-1])
    assert seen == {json.dumps(["Pell", "Pell & Varga", "Pell & Varga"])}


# --- the wire's angle brackets around a company's name ----------------------------------------------------------

@pytest.mark.parametrize("text, ner, expected", [
    # the NER cut the name at "of", or ran it into the bracket: one name, the bracket's words
    ("The <Tarvin Foods Co of Veloria Ltd> reported a loss.", [("Tarvin Foods Co", "ORG"), ("Veloria Ltd", "ORG")],
     ["Tarvin Foods Co of Veloria Ltd"]),
    ("<Royal Bank of Veloria> cut its rate.", [("Royal Bank of Veloria>", "ORG")], ["Royal Bank of Veloria"]),
    ("Orrin said <Dunmore Data Inc> agreed.", [("Orrin", "PERSON")], ["Dunmore Data Inc"]),  # left untagged
    # an abbreviation after the name keeps apart
    ("Two groups bid for <Cie Generale de Veloria (CGV)>.", [("Cie Generale", "ORG"), ("CGV", "ORG")],
     ["Cie Generale de Veloria", "CGV"]),
    # tickers, and a bracket of lower-case words, are no names
    ("Kolmar AB <KLMR ST> agreed to sell a mill.", [("Kolmar AB", "ORG")], ["Kolmar AB"]),
    ("Tarvin Inc <TRV> said <there were talks>.", [("Tarvin Inc", "ORG")], ["Tarvin Inc"]),
])
def test_a_name_in_the_wires_angle_brackets_is_one_company(nlp, text, ner, expected):
    assert orgs(nlp, text, ner) == expected


# --- a company's name joined by 'and' -------------------------------------------------------------------------

@pytest.mark.parametrize("text, ner, expected", [
    # cut at 'and': one name when it ends in a legal suffix, or is written so twice, and its first word never alone
    ("Harrow and Vance Co said it sold a mill.", [("Harrow", "ORG"), ("Vance Co", "ORG")], ["Harrow and Vance Co"]),
    ("D and R Royalty Trust said its payout rose.", [("R Royalty Trust", "ORG")], ["D and R Royalty Trust"]),
    ("Tolley and Marsh bid for Kestin. Tolley and Marsh said it would pay cash.",
     [("Marsh", "ORG"), ("Kestin", "ORG"), ("Marsh", "ORG")], ["Tolley and Marsh", "Kestin", "Tolley and Marsh"]),
    # a list, two named companies, a country and a company, a first word named alone: left as they are
    ("Buyers include Orvane, Harrow and Vance Co.", [("Orvane", "ORG"), ("Harrow", "ORG"), ("Vance Co.", "ORG")],
     ["Orvane", "Harrow", "Vance Co."]),
    ("Orvane Corp and Pellam Inc said they would merge.", [("Orvane Corp", "ORG"), ("Pellam Inc", "ORG")],
     ["Orvane Corp", "Pellam Inc"]),
    ("Marlow Bank and Tarn Bank cut rates.", [("Marlow Bank", "ORG"), ("Tarn Bank", "ORG")],
     ["Marlow Bank", "Tarn Bank"]),
    ("It owns stakes in Canada and Pellam Plc.", [("Canada", "GPE"), ("Pellam Plc", "ORG")], ["Pellam Plc"]),
    ("Orvane said it and Pellam Co would merge. Orvane and Pellam Co agreed terms.",
     [("Orvane", "ORG"), ("Pellam Co", "ORG"), ("Orvane", "ORG"), ("Pellam Co", "ORG")],
     ["Orvane", "Pellam Co", "Orvane", "Pellam Co"]),
])
def test_a_company_named_with_and_is_one_name(nlp, text, ner, expected):
    assert orgs(nlp, text, ner) == expected


# --- a claim reads a plain number as the mention layer does ------------------------------------------------------

@pytest.mark.parametrize("text, ner, value, expected", [
    # the NER's span without its currency: the words after it make it money, in the country's crowns
    ("Tarvin lost 312,000 crowns at its Oslo unit last year.", [("Tarvin", "ORG"), ("312,000", "CARDINAL")],
     "312,000", (312_000, "NOK")),
    # a count that is a count stays one
    ("Tarvin runs 312 shops in Norway.", [("Tarvin", "ORG"), ("312", "CARDINAL")], "312", (312, "count")),
])
def test_a_claim_reads_a_plain_number_as_its_mention(nlp, text, ner, value, expected):
    doc = make(nlp, text, ner)
    span = next(e for e in doc.ents if e.text == value)
    q = M.claim_reading(span, None)
    assert (q.value, q.unit) == expected


# --- the wire's headlines: verbs and common words ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, ner, present, absent", [
    # 'UPS' (raises) run into the names on either side of it: cut there, the names kept
    ("HALDEN UPS MIREL <MRL> STAKE TO 9.1 PCT\n\nHalden Corp said it raised its Mirel stake.",
     [("HALDEN UPS MIREL", "ORG")], [("HALDEN", "ORG"), ("MIREL", "ORG")], [("HALDEN UPS MIREL", "ORG")]),
    ("TARVIN <TRV> SETS SPLIT, UPS PAYOUT\n\nTarvin Inc raised its dividend.",
     [("TARVIN", "ORG"), ("UPS", "ORG")], [("TARVIN", "ORG")], [("UPS", "ORG")]),
    # opening the headline, or in a headline in lower case, 'UPS' may be the parcel company
    ("UPS TO BUY TARVIN\n\nUPS said it would buy Tarvin.", [("UPS", "ORG"), ("TARVIN", "ORG"), ("UPS", "ORG")],
     [("UPS", "ORG")], []),
    ("Halden and UPS sign a deal\n\nThe deal was signed.", [("UPS", "ORG")], [("UPS", "ORG")], []),
    # a one-word 'name' the story below writes only in lower case is a common word
    ("BROKERS HOLD 6.2 PCT OF TARVIN\n\nTwo brokers told the regulator they hold 6.2 pct of Tarvin Inc.",
     [("BROKERS", "ORG"), ("TARVIN", "ORG")], [("TARVIN", "ORG")], [("BROKERS", "ORG")]),
    # not where the story also writes it with a capital, nor in a story all in lower case
    ("OPEC TO MEET IN MAY\n\nThe OPEC ministers meet in May; opec members agreed.", [("OPEC", "ORG")],
     [("OPEC", "ORG")], []),
    ("HALDEN SALES RISE\n\nhalden said its sales rose.", [("HALDEN", "ORG")], [("HALDEN", "ORG")], []),
])
def test_a_headline_verb_or_common_word_is_no_name(nlp, text, ner, present, absent):
    check(nlp, text, ner, present, absent)
