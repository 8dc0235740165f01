"""The moment a figure held (``pipeline.moments``): sentences written for these tests."""

from __future__ import annotations

import pytest

from claimcheck.pipeline.moments import clause_around, moment_in, moment_of
from rule_docs import make, tokenizer_only


def _moment(sentence: str, figure: str, attribute: str, nth: int = 0) -> str | None:
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(figure, start + 1)
    return moment_in(sentence, start, start + len(figure), attribute)


@pytest.mark.parametrize("sentence, figure, attribute, moment", [
    ("Shares in Corvex were up 4% at 115p in morning trade.", "4%", "share_price_change", "intraday"),
    ("Shares in Corvex closed up 9% on Tuesday.", "9%", "share_price_change", "close"),
    ("Corvex ended its first day of trading valued at more than $65bn.", "more than $65bn", "valuation", "close"),
    ("Lumen was valued at almost $60bn at the open on Tuesday.", "almost $60bn", "valuation", "open"),
    # the moment right after the second figure, not the first figure's before it
    ("Lumen was worth $40bn at the open and $44bn at the close.", "$44bn", "valuation", "close"),
    ("Lumen was worth $40bn at the open and $44bn at the close.", "$40bn", "valuation", "open"),
    ("Lumen's shares opened 12% higher in New York.", "12%", "share_price_change", "open"),
    ("Shares in Halden rose by about 1% in pre-market trade.", "about 1%", "share_price_change", "pre_market"),
    ("They added an extra 6.4% in electronic trading after the session had finished.", "6.4%",
     "share_price_change", "after_hours"),
    ("Mirel shares fell as much as 15% on the report.", "as much as 15%", "share_price_change", "intraday"),
    ("The Dax was 1.75% lower by 1030 GMT.", "1.75%", "share_price_change", "intraday"),
    ("The insurer plans to raise $2bn from the listing.", "$2bn", "ipo_proceeds", "estimate"),
    ("Corvex is looking to raise more than 70m euros on the stock market.", "more than 70m euros", "ipo_proceeds",
     "estimate"),
    ("The sale raised $1.2bn, or $1.38bn if the greenshoe is exercised.", "$1.38bn", "ipo_proceeds",
     "over_allotment"),
    ("The listing valued Lumen at $54bn at its IPO price.", "$54bn", "valuation", "ipo_price"),
    ("Halden paid 640 mln dlrs when the deal was announced.", "640 mln dlrs", "deal_value", "announced"),
    ("The final price of the sale was $2.4bn.", "$2.4bn", "ipo_proceeds", "final"),
])
def test_a_cue_in_the_clause_names_the_moment(sentence, figure, attribute, moment):
    assert _moment(sentence, figure, attribute) == moment


@pytest.mark.parametrize("sentence, figure, attribute", [
    ("Shares in Corvex fell 15% after the warning.", "15%", "share_price_change"),  # no cue: no moment
    ("Corvex earned $3m in the year to March.", "$3m", "revenue"),  # results carry a period, not a moment
    ("Sales in 2018 closed at $200m, the company said.", "$200m", "revenue"),  # not a market figure
    ("Halden agreed to buy Mirel for up to $1.4m in stock.", "up to $1.4m", "deal_value"),  # a cap, not an estimate
    ("The price came close to $5bn.", "$5bn", "valuation"),  # 'close to' is no closing price
])
def test_no_cue_no_moment(sentence, figure, attribute):
    assert _moment(sentence, figure, attribute) is None


def test_each_clause_keeps_its_own_moment():
    s = "GE's shares rose 1% on the news before ending Friday 0.24% lower."
    assert _moment(s, "1%", "share_price_change") == "intraday"  # the figure before the closing figure
    assert _moment(s, "0.24%", "share_price_change") == "close"
    s = "Corvex rose 3% in early trading, while Lumen closed 2% down."
    assert _moment(s, "3%", "share_price_change") == "intraday"
    assert _moment(s, "2%", "share_price_change") == "close"


def test_the_clause_stops_at_its_breaks():
    s = "Corvex rose 3%; Lumen closed 2% down."
    left, right = clause_around(s, s.index("3%"), s.index("3%") + 2)
    assert left == "Corvex rose " and right == ""


def test_moment_of_reads_the_span_sentence():
    nlp = tokenizer_only()
    doc = make(nlp, "Corvex rose 3% in morning trade. Lumen closed 2% down.",
               [("3%", "PERCENT"), ("2%", "PERCENT")], sentences=True)
    first, second = doc.ents
    assert moment_of(first, "share_price_change") == "intraday"
    assert moment_of(second, "share_price_change") == "close"
    plain = make(nlp, "Lumen closed 2% down.", [("2%", "PERCENT")])  # no sentence boundaries: the whole doc
    assert moment_of(plain.ents[0], "share_price_change") == "close"
