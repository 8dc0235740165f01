"""Unit tests of ``claimcheck.pipeline.mentions``: merging the number grammar's spans with the NER's, the bare
numbers that become counts, trimming run-on dates, the left context and values of spans, and ``mentions_of``.

The functions read tokens and entities only, so each ``Doc`` comes from the project's tokenizer
(``spacy.blank("en")`` with ``adjust_tokenizer``) with the NER's entities set by hand: no model runs here.
"""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Doc, Span

from claimcheck.pipeline import mentions as M
from claimcheck.schema import Mention
from rule_docs import make, tokenizer_only


@pytest.fixture(scope="module")
def nlp():
    """The project's tokenizer alone (this overrides the session pipeline fixture)."""
    return tokenizer_only()



def ents(doc: Doc) -> list[tuple[str, str]]:
    return [(e.text, e.label_) for e in doc.ents]


# --- merge_quantity_spans ----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "ner", "expected"), [
    # the grammar's span replaces the NER's truncated one; other entities stay
    ("Alibaba raised HK$88 billion in 2019.", [("Alibaba", "ORG"), ("88 billion", "MONEY"), ("2019", "DATE")],
     [("Alibaba", "ORG"), ("HK$88 billion", "MONEY"), ("2019", "DATE")]),
    # the small NER calls "1 per cent" money; the grammar says percent
    ("Its stake rose 1 per cent.", [("1 per cent", "MONEY")], [("1 per cent", "PERCENT")]),
    # a grammar span also wins over a name entity it overlaps
    ("Arm is worth $54.5bn today.", [("54.5bn today", "DATE")], [("$54.5bn", "MONEY")]),
    # a lone number the NER called a date, that is no year, is a count
    ("Sales of 5835 units were reported.", [("5835", "DATE")], [("5835", "CARDINAL")]),
    ("Sales of 1,200 units were reported.", [("1,200", "TIME")], [("1,200", "CARDINAL")]),
    ("Sales were flat in 2019.", [("2019", "DATE")], [("2019", "DATE")]),
    ("Sales were flat in 1998.", [("1998", "DATE")], [("1998", "DATE")]),
    ("Sales were 12.5 units.", [("12.5", "DATE")], [("12.5", "DATE")]),  # a decimal: left alone
    # a number the NER left outside every entity becomes a CARDINAL, unless it is a year, code, time or rank
    ("It sold 5835 units in 2019 and 12 more.", [], [("5835", "CARDINAL"), ("12", "CARDINAL")]),
    ("The Boeing 737-800 left at 10:30.", [], []),
    ("Flight 447 used gate number 3.", [], []),
    ("It opened at 3 pm on the 5 th.", [], []),
    # a run-on date is cut at its comma (and the span of time after it is a date of its own)
    ("Shares rose 5% on November 25, five years after the float.", [("November 25, five years", "DATE")],
     [("5%", "PERCENT"), ("November 25", "DATE"), ("five years", "DATE")]),
    # a span of time the NER left out: days to decades a DATE, hours to seconds a TIME; not an age, not the end of
    # a range that starts outside it, not inside another entity
    ("The battery lasts up to 18 hours.", [], [("18 hours", "TIME")]),
    ("Kestrel made them wait another two hours.", [("Kestrel", "ORG")], [("Kestrel", "ORG"), ("two hours", "TIME")]),
    ("The car does 0-60 mph in 3.1 seconds.", [("0-60 mph", "QUANTITY")],
     [("0-60 mph", "QUANTITY"), ("3.1 seconds", "TIME")]),
    ("The strike lasted 12 weeks.", [], [("12 weeks", "DATE")]),
    ("The driver, 34 years old, was hurt.", [], [("34", "CARDINAL")]),  # (the bare number rule's)
    ("Bills of 30 to less than 60 days were quoted.", [("30", "CARDINAL")], [("30", "CARDINAL"), ("60", "CARDINAL")]),
    ("It held the title for 12 years.", [("12 years", "DATE")], [("12 years", "DATE")]),
    ("It listed on Monday, Oct. 7, 2019, in Hong Kong.", [("Monday, Oct. 7, 2019", "DATE"), ("Hong Kong", "GPE")],
     [("Monday, Oct. 7, 2019", "DATE"), ("Hong Kong", "GPE")]),
])
def test_merge_quantity_spans(nlp, text, ner, expected):
    doc = make(nlp, text, ner)
    M.merge_quantity_spans(doc)
    assert ents(doc) == expected


def test_merge_quantity_spans_expands_a_span_to_whole_tokens(nlp):
    """'$500m.' is $ 500 m . for the tokenizer; the grammar's span maps onto whole tokens."""
    doc = make(nlp, "A loss of $500m.")
    M.merge_quantity_spans(doc)
    [money] = doc.ents
    assert (money.text, money.start, money.end, money.label_) == ("$500m", 3, 6, "MONEY")


# --- the helpers -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "word", "bare"), [
    ("It sold 5835 units.", "5835", True),
    ("It hired 1,200 staff.", "1,200", True),
    ("A 3.5 rise.", "3.5", True),
    ("It began in 2019.", "2019", False),  # a year
    ("It began in 1899.", "1899", False),
    ("It was 1799 units.", "1799", True),  # too early for a news year: a count
    ("The 737-800 jet.", "737", False),  # a model number
    ("The 737-800 jet.", "800", False),
    ("Open at 10:30 daily.", "10:30", False),  # not a number at all
    ("Open 24/7 daily.", "24/7", False),
    ("Ranked #4 overall.", "4", False),
    ("Model 3 cars.", "3", False),
    ("Flight 447 landed.", "447", False),
    ("Ticker 9988 rose.", "9988", False),
    ("Open at 3 pm.", "3", False),  # a time
    ("It came 5 th.", "5", False),  # a rank
    ("Up 1,200.50 points", "1,200.50", True),
    ("Version 1.2.3 shipped.", "1.2.3", False),
])
def test_is_bare_number(nlp, text, word, bare):
    doc = nlp(text)
    [token] = [t for t in doc if t.text == word]
    assert M._is_bare_number(token) is bare


def test_relabel_leaves_longer_and_other_entities(nlp):
    doc = make(nlp, "Sales of 5835 units in May 2019 by Acme.",
               [("5835", "DATE"), ("May 2019", "DATE"), ("Acme", "ORG")])
    first, month, org = doc.ents
    assert M._relabel(first).label_ == "CARDINAL"
    assert M._relabel(month) is month
    assert M._relabel(org) is org


@pytest.mark.parametrize(("text", "date_text", "trimmed"), [
    ("Shares rose on November 25, five years after the float.", "November 25, five years", "November 25"),
    ("It listed on Monday, Oct. 7, 2019 in Hong Kong.", "Monday, Oct. 7, 2019", "Monday, Oct. 7, 2019"),
    ("It listed on October 7, 2019 in Hong Kong.", "October 7, 2019", "October 7, 2019"),
    ("It listed on Tuesday, Wednesday in Hong Kong.", "Tuesday, Wednesday", "Tuesday, Wednesday"),
    ("It listed in 2019 in Hong Kong.", "2019", "2019"),
])
def test_trim_date(nlp, text, date_text, trimmed):
    doc = make(nlp, text, [(date_text, "DATE")])
    assert M._trim_date(doc.ents[0]).text == trimmed


def test_trim_date_leaves_a_date_that_starts_with_a_comma_and_other_labels(nlp):
    doc = make(nlp, "Acme, Beta and Gamma grew.", [("Acme, Beta", "ORG")])
    assert M._trim_date(doc.ents[0]).text == "Acme, Beta"  # not a date: untouched


def test_left_context_stays_in_the_sentence(nlp):
    doc = make(nlp, "Acme grew. Its sales were $5m.", [("$5m", "MONEY")], sentences=True)
    money = doc.ents[0]
    assert M.left_context(money) == "Its sales were"  # four words back, but not into the previous sentence
    assert M.left_context(money, words=1) == "were"
    doc = make(nlp, "Acme grew. Its sales were $5m.", [("$5m", "MONEY")])  # no sentence bounds set
    assert M.left_context(doc.ents[0]) == ". Its sales were"


# --- normalize_span ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "ner", "expected"), [
    ("Revenue was about $3bn.", ("about $3bn", "MONEY"), (3_000_000_000, "USD", "approx")),
    ("Revenue was HK$88bn.", ("HK$88bn", "MONEY"), (88_000_000_000, "HKD", "exact")),
    ("Revenue was 5.2 in all.", ("5.2", "MONEY"), (5.2, "USD", "exact")),  # a bare figure labelled money: USD
    ("Revenue rose 12%.", ("12%", "PERCENT"), (12, "percent", "exact")),
    ("Acme hired more than 1,200 staff.", ("more than 1,200", "CARDINAL"), (1200, "count", "at_least")),
    ("Acme listed on October 7, 2019.", ("October 7, 2019", "DATE"), ("2019-10-07", "date", "exact")),
    ("Acme made $5m in the year to March.", ("the year to March", "DATE"), ("FY2019", "date", "exact")),
])
def test_normalize_span(nlp, text, ner, expected):
    doc = make(nlp, text, [ner])
    q = M.normalize_span(doc.ents[0], date(2019, 11, 26))
    assert (q.value, q.unit, q.qualifier) == expected


def test_normalize_span_reads_the_left_context(nlp):
    """'down 5%': the sign of the change is in the words before the span."""
    doc = make(nlp, "Sales were down 5%.", [("5%", "PERCENT")])
    q = M.normalize_span(doc.ents[0], None)
    assert (q.value, q.kind) == (5, "decline")
    doc = make(nlp, "Sales were 5%.", [("5%", "PERCENT")])
    assert M.normalize_span(doc.ents[0], None).kind == ""


def test_a_bare_money_figure_is_in_the_documents_currency(nlp):
    doc = make(nlp, "Revenue was 5.2 in all.", [("5.2", "MONEY")], **{M.CURRENCY_KEY: "HKD"})
    assert M.normalize_span(doc.ents[0], None).unit == "HKD"


def test_relative_dates_need_the_publication_date(nlp):
    doc = make(nlp, "Acme listed on Tuesday.", [("Tuesday", "DATE")])
    assert M.normalize_span(doc.ents[0], date(2019, 11, 28)).value == "2019-11-26"
    doc = make(nlp, "Acme listed on 7/10/2019.", [("7/10/2019", "DATE")])
    assert M.normalize_span(doc.ents[0], None).value == "2019-07-10"
    assert M.normalize_span(doc.ents[0], None, dayfirst=True).value == "2019-10-07"


def test_normalize_span_of_other_labels_and_unreadable_values(nlp):
    doc = make(nlp, "Acme came first with many units.", [("Acme", "ORG"), ("first", "ORDINAL"), ("many", "CARDINAL")])
    acme, first, many = doc.ents
    assert M.normalize_span(acme, None) is None
    assert M.normalize_span(first, None) is None
    assert M.normalize_span(many, None) is None


def test_a_normaliser_error_loses_the_value_not_the_document(nlp, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a normaliser bug")

    monkeypatch.setattr(M, "normalize_money", broken)
    doc = make(nlp, "Revenue was $5m.", [("$5m", "MONEY")])
    assert M.normalize_span(doc.ents[0], None) is None


# --- mentions_of --------------------------------------------------------------------------------------------

def test_mentions_of(nlp):
    text = "Acme hired 1,200 staff in Ohio and paid about $3bn, its third deal."
    doc = make(nlp, text, [("Acme", "ORG"), ("1,200", "CARDINAL"), ("Ohio", "GPE"), ("about $3bn", "MONEY"),
                           ("third", "ORDINAL")])
    assert list(M.mentions_of(doc)) == [
        Mention(label="ORG", text="Acme", start=0, end=4, value=None, unit=None, qualifier=None, low=None, high=None),
        Mention(label="CARDINAL", text="1,200", start=11, end=16, value=1200, unit="staff", qualifier="exact",
                low=1199.5, high=1200.5),  # a count's unit is its counted noun
        Mention(label="GPE", text="Ohio", start=26, end=30, value=None, unit=None, qualifier=None, low=None,
                high=None),
        Mention(label="MONEY", text="about $3bn", start=40, end=50, value=3_000_000_000, unit="USD",
                qualifier="approx", low=2_500_000_000, high=3_500_000_000),
    ]  # the ordinal is no mention


def test_mentions_of_keeps_a_value_it_cannot_read(nlp):
    doc = make(nlp, "Acme sold many units.", [("many", "CARDINAL")])
    [mention] = M.mentions_of(doc)
    assert (mention.label, mention.text, mention.value, mention.unit) == ("CARDINAL", "many", None, None)


def test_mentions_of_dates_use_published_and_day_order(nlp):
    doc = make(nlp, "Acme listed on 7/10/2019 and grew last year.", [("7/10/2019", "DATE"), ("last year", "DATE")])
    listed, last_year = M.mentions_of(doc, date(2020, 3, 1), dayfirst=True)
    assert listed.value == "2019-10-07"
    assert (last_year.value, last_year.low, last_year.high) == ("2019", "2019-01-01", "2019-12-31")


def test_span_of_a_doc_built_by_hand(nlp):
    """A Span made outside ``doc.ents`` is read the same way (the linker builds them from token offsets)."""
    doc = make(nlp, "Revenue was $5m.")
    span = Span(doc, 2, 5, label="MONEY")
    assert M.normalize_span(span, None).value == 5_000_000


# --- tables with the unit in a heading (invented commodities and figures) ----------------------------------

_HEADED = ("ZORVIAN MILLET STOCKS\n\nBoard figures for stocks at end-month, in thousands of tonnes, with year-ago "
           "figures in brackets:\n\nPearl millet 412.6 (398.1), finger millet 77.0 (81.5).\n\n"
           "Stored at ports     31.4     29.9\n\nThe board expects 1987 stocks to rise 3.5 pct.\n")


def test_a_heading_lends_its_unit_and_scale_to_bare_table_figures(nlp):
    doc = make(nlp, _HEADED, [("412.6", "CARDINAL"), ("398.1", "MONEY"), ("77.0", "CARDINAL"),
                              ("81.5", "CARDINAL"), ("31.4", "CARDINAL"), ("29.9", "QUANTITY"), ("1987", "DATE"),
                              ("3.5 pct", "PERCENT")])
    got = {m.text: (m.label, m.value, m.unit) for m in M.mentions_of(doc)}
    assert got["412.6"] == ("QUANTITY", 412600, "t")
    assert got["398.1"] == ("QUANTITY", 398100, "t")  # the NER's MONEY of a bare figure: the heading's unit
    assert got["29.9"] == ("QUANTITY", 29900, "t")
    assert got["3.5 pct"] == ("PERCENT", 3.5, "percent")  # after the rows: no block


@pytest.mark.parametrize(("heading", "row", "expected"), [
    ("Kelpa seed shipments (000 bags)", "North   14   12\n\nSouth   6   5", ("CARDINAL", 14000, "bag")),
    ("Vintar levies, in European currency units (ecu) per tonne.",
     "White vintar 14.20 versus 13.85 previously.\n\nRaw vintar 12.10 versus 12.00 previously.",
     ("MONEY", 14.2, "XEU")),
    ("Quarn crushings, in mln tonnes --", "North   14.20   13.85\n\nSouth    6.05    5.90",
     ("QUANTITY", 14200000, "t")),
])
def test_heading_units(nlp, heading, row, expected):
    text = f"{heading}\n\n{row}\n"
    first = row.split()[1] if row.startswith("North") else "14.20"
    doc = make(nlp, text, [(first, "CARDINAL")])
    (m,) = [m for m in M.mentions_of(doc) if m.text == first]
    assert (m.label, m.value, m.unit) == expected


@pytest.mark.parametrize(("row", "figure"), [
    ("Avg Price  4.10-4.30   4.55   4.60", "4.55"),     # a price row
    ("Planted   1987   1986\n\nNorth   14.2   13.9", "1987"),  # a year
    ("Grade No. 2   14.2   13.9\n\nNorth   14.2   13.9", "2"),  # a label's number
    ("Sown   14.2 mln   13.9\n\nNorth   14.2   13.9", "14.2"),  # a scale of its own
])
def test_heading_lends_nothing_to(nlp, row, figure):
    text = f"Quarn crushings, in thousands of tonnes --\n\n{row}\n"
    doc = make(nlp, text, [(figure, "CARDINAL")])
    (m,) = [m for m in M.mentions_of(doc) if m.text == figure]
    assert m.unit != "t"


def test_columns_the_ner_ran_together_are_one_mention_each(nlp):
    text = "Quarn, in mln tonnes --\n\nStart Stks  0.41   0.39      0.36   0.36 Output   2.71   2.70\n"
    doc = make(nlp, text, [("0.41   0.39      0.36   0.36 Output", "QUANTITY"), ("2.71   2.70", "CARDINAL")])
    split = M._split_columns(doc, list(doc.ents))
    assert [(e.text, e.label_) for e in split] == [(x, "CARDINAL") for x in
                                                   ("0.41", "0.39", "0.36", "0.36", "2.71", "2.70")]
    # one figure with its unit, a range and a figure with single spaces stay as they are
    doc = make(nlp, "It rose to 12.5   13.0 dlrs, 4.2  -  4.6 pct and 6.31 2 others.",
               [("12.5   13.0 dlrs", "MONEY"), ("4.2  -  4.6 pct", "PERCENT"), ("6.31 2", "CARDINAL")])
    assert M._split_columns(doc, list(doc.ents)) == list(doc.ents)
