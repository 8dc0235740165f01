"""Unit tests of the number grammar, ``claimcheck.pipeline.quantities.find_quantities``: which character spans of
a text are money, percent and share expressions and counts with a scale word. Pure text in, (start, end, label)
out; the sentences are our own."""

from __future__ import annotations

import pytest

from claimcheck.pipeline import quantities as Q


def spans(text: str) -> list[tuple[str, str]]:
    return [(text[start:end], label) for start, end, label in Q.find_quantities(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # currency symbols and prefixes, with and without a scale
    ("Alibaba raised HK$88 billion in its listing.", [("HK$88 billion", "MONEY")]),
    ("Arm was valued at $54.5bn on Thursday.", [("$54.5bn", "MONEY")]),
    ("Revenue of US$7.5bn beat forecasts.", [("US$7.5bn", "MONEY")]),
    ("Qantas made A$458.4m.", [("A$458.4m", "MONEY")]),
    ("The fund paid £1.2 million.", [("£1.2 million", "MONEY")]),
    ("A bid worth €3bn", [("€3bn", "MONEY")]),
    ("Sales of ¥500bn", [("¥500bn", "MONEY")]),
    ("Infosys earned ₹12,000 crore.", [("₹12,000 crore", "MONEY")]),
    ("a payout of Â£5m", [("Â£5m", "MONEY")]),  # the pound sign read as Latin-1
    ("a float raising USD 300m", [("USD 300m", "MONEY")]),
    ("a CHF 1bn buyback", [("CHF 1bn", "MONEY")]),
    # a currency word after the amount
    ("Sales of 54.5bn yuan", [("54.5bn yuan", "MONEY")]),
    ("net profit of 901 million dlrs", [("901 million dlrs", "MONEY")]),
    ("1,234,567 euros", [("1,234,567 euros", "MONEY")]),
    ("it paid two billion dollars", [("two billion dollars", "MONEY")]),
    ("half a million dollars", [("half a million dollars", "MONEY")]),
    ("a few million pounds", [("a few million pounds", "MONEY")]),
    ("30 Hong Kong dollars", [("30 Hong Kong dollars", "MONEY")]),
    ("15 Swiss francs", [("15 Swiss francs", "MONEY")]),
    ("20 pounds sterling", [("20 pounds sterling", "MONEY")]),
    # a currency's own sign; the rand's R only on a figure that is money by its form
    ("He paid \u20b1500 and about \u20a65 billion.", [("\u20b1500", "MONEY"), ("about \u20a65 billion", "MONEY")]),
    ("Tarsa will spend R500 million, or R12,000 a home.", [("R500 million", "MONEY"), ("R12,000", "MONEY")]),
    ("The R2 droid and the R12 route.", []),
    # qualifiers and ranges are part of the span
    ("valued at more than $7.5 billion, according to PitchBook", [("more than $7.5 billion", "MONEY")]),
    ("an estimated £3m", [("an estimated £3m", "MONEY")]),
    ("up to $300m", [("up to $300m", "MONEY")]),
    ("between $5bn and $7bn", [("between $5bn and $7bn", "MONEY")]),
    ("$5bn-$7bn", [("$5bn-$7bn", "MONEY")]),
    ("$5bn to $7bn", [("$5bn to $7bn", "MONEY")]),
    # percentages
    ("Revenue rose 12% from a year earlier.", [("12%", "PERCENT")]),
    ("The bank kept 1 per cent of the shares.", [("1 per cent", "PERCENT")]),
    ("about 1.5 percent", [("about 1.5 percent", "PERCENT")]),
    ("a margin of 3 percentage points", [("3 percentage points", "PERCENT")]),
    ("The Fed raised rates by 25bps and spreads widened 40 bp.", [("25bps", "PERCENT"), ("40 bp", "PERCENT")]),
    ("It added 10 basis points.", [("10 basis points", "PERCENT")]),
    ("He sold 5 BP shares.", []),  # the company, not basis points
    ("up 3 pct", [("3 pct", "PERCENT")]),
    ("rose 5 %", [("5 %", "PERCENT")]),
    ("5 to 7 per cent", [("5 to 7 per cent", "PERCENT")]),
    ("rose from 5% to 7%", [("5%", "PERCENT"), ("7%", "PERCENT")]),
    ("nearly ten percent", [("nearly ten percent", "PERCENT")]),
    ("One in 12 adults", [("One in 12", "PERCENT")]),  # a share written as "one in N"
    ("1 in five", [("1 in five", "PERCENT")]),
    # fractions of something are shares; halves and quarters of a period are not
    ("A quarter of its sales came from China.", [("A quarter", "PERCENT")]),
    ("The firm bought three quarters of Beta.", [("three quarters", "PERCENT")]),
    ("Half of the board voted for the deal.", []),  # not a share of a company or its figures (GUIDELINES)
    ("The second half of the year was weak.", []),
    ("Sales fell in the final quarter of the year.", []),
    ("Sales fell in half of 2019.", []),
    ("A third of the decade was lost.", []),
    ("that half of the deal", []),  # a determiner before "half of": no share
    # counts written with a scale word, before the thing counted
    ("10m shares changed hands", [("10m", "CARDINAL")]),
    ("The app has over 1.5bn users.", [("over 1.5bn", "CARDINAL")]),
    ("The US has 330 million people.", [("330 million", "CARDINAL")]),
    ("It sold 5k units.", [("5k", "CARDINAL")]),
    ("It sold 10m.", []),  # nothing counted after it
    ("It raised $1.2m from investors.", [("$1.2m", "MONEY")]),  # money wins over the count inside it
    # several in one sentence, in text order
    ("Revenue of US$7.5bn rose 12%.", [("US$7.5bn", "MONEY"), ("12%", "PERCENT")]),
    ("A$458.4m ($357.6m; £191m)", [("A$458.4m", "MONEY"), ("$357.6m", "MONEY"), ("£191m", "MONEY")]),
    # nothing to find
    ("28 entities were added to the list.", []),
    ("The line is 4 km long.", []),
    ("It cost $ and more", []),
    ("", []),
])
def test_find_quantities(text, expected):
    assert spans(text) == expected


def test_offsets_are_character_offsets_in_text_order():
    text = "Arm, valued at $54.5bn, sold 10% more chips."
    assert list(Q.find_quantities(text)) == [(15, 22, "MONEY"), (29, 32, "PERCENT")]


def test_a_change_before_the_level_it_reached():
    """'rose 1-3/8 to 42-1/2 dlrs': a move of the share price (dollars a share, as the Reuters figures gold reads
    it) and the price it reached - two figures, never one range from the move to the level."""
    text = "The stock rose 1-3/8 to 42-1/2 dlrs."
    assert spans(text) == [("1-3/8", "MONEY"), ("42-1/2 dlrs", "MONEY")]


@pytest.mark.parametrize("text, expected", [
    # a share price quoted bare in fractions: the move and the level, both money
    ("Halbrook fell 2-1/4 to 68-1/4 on 223,000 shares.", [("2-1/4", "MONEY"), ("68-1/4", "MONEY")]),
    ("Kestrel was up 3/8 at 31-1/2 in active trading.", [("3/8", "MONEY"), ("31-1/2", "MONEY")]),
    ("Shares of Halverson gained one to 45-3/8.", [("one", "MONEY"), ("45-3/8", "MONEY")]),
    # a rate's move is no share price, and no range from the move to the level
    ("The prime rate fell 1/4 to 7-1/2 pct.", [("7-1/2 pct", "PERCENT")]),
    # nor is a bond's
    ("The Treasury bond fell 1/4 to 98-1/2.", []),
])
def test_a_share_price_move_in_fractions(text, expected):
    assert [s for s in spans(text) if s[1] in ("MONEY", "PERCENT")] == expected


@pytest.mark.parametrize("text", [
    "version2.5% of the code",  # a number glued to a word is not a percentage
    "x$5m",  # nor a money figure glued to a word
    "ABC$5m",
])
def test_no_span_inside_a_word(text):
    assert spans(text) == []


def test_a_glued_decimal_is_read_whole_not_from_its_point():
    assert spans("rated 4.5% higher") == [("4.5%", "PERCENT")]
    assert spans("a .5% fee") == [(".5%", "PERCENT")]


def test_spans_never_end_on_whitespace():
    text = "fees of 5 dollars \n and 7 percent \n"
    assert spans(text) == [("5 dollars", "MONEY"), ("7 percent", "PERCENT")]


def test_money_and_percent_spans_are_merged_in_text_order():
    """Each pattern is scanned on its own; the result is one list sorted by start."""
    assert spans("5% of the $2bn fund") == [("5%", "PERCENT"), ("$2bn", "MONEY")]


def test_only_the_first_two_million_characters_are_scanned():
    pad = "x" * (Q._MAX_SCAN - 10)
    assert spans(pad + " $5m") == [("$5m", "MONEY")]
    assert list(Q.find_quantities("x" * Q._MAX_SCAN + " $5m")) == []
