"""Newswire results tables (claimcheck.pipeline.tables), on tables of our own in the wire layout."""

from __future__ import annotations

import datetime

import pytest

from claimcheck.pipeline.tables import headline_company, period_label, table_figures

TABLE = """HALDEN MINING CORP <HMC> 4TH QTR NET

Shr profit four cts vs loss two cts

Net profit 812,000 vs loss 95,000

Revs 14.2 mln vs 11.9 mln

Avg shrs 20.1 mln vs 19.8 mln

Year

Shr 1.05 dlrs vs 88 cts

Net 21.4 mln dlrs vs 17.3 mln

Sales 402.6 mln vs 371.0 mln

Note - Net includes gain of 1.2 mln vs 400,000 from asset sales.
"""


def _figures(text):
    return [(text[s:e], attr, col) for _, _, s, e, attr, col in table_figures(text)]


def test_figures_labels_and_columns():
    got = _figures(TABLE)
    assert ("812,000", "profit", 0) in got and ("95,000", "loss", 1) in got
    assert ("14.2 mln", "revenue", 0) in got and ("11.9 mln", "revenue", 1) in got
    assert ("21.4 mln dlrs", "profit", 0) in got and ("402.6 mln", "revenue", 0) in got
    assert ("20.1 mln", None, 0) in got  # average shares: a table line, no claim
    assert not [g for g in got if g[0] in ("1.2 mln", "400,000")]  # a note is not a table line


@pytest.mark.parametrize("line, expected", [
    ("Net loss 262,000 vs loss 88,000", [("262,000", "loss", 0), ("88,000", "loss", 1)]),
    ("Oper net 3.4 mln vs 2.9 mln", [("3.4 mln", "profit", 0), ("2.9 mln", "profit", 1)]),
    ("Group net 23.5 mln dlrs vs 20.8 mln", [("23.5 mln dlrs", "profit", 0), ("20.8 mln", "profit", 1)]),
    ("Turnover 212.7 mln stg vs 195.4 mln", [("212.7 mln stg", "revenue", 0), ("195.4 mln", "revenue", 1)]),
    ("Pretax profit 5.5 billion yen vs 4.1 billion", [("5.5 billion yen", "profit", 0), ("4.1 billion", "profit", 1)]),
    ("Revs 1,004,000 vs 1,248,000", [("1,004,000", "revenue", 0), ("1,248,000", "revenue", 1)]),
    ("Net profit 27,000 vs loss 69,000", [("27,000", "profit", 0), ("69,000", "loss", 1)]),
    ("Qtly div 12 cts vs 12 cts prior", [("12 cts", None, 0), ("12 cts", None, 1)]),
    ("Assets 1.2 billion vs 980.4 mln", [("1.2 billion", None, 0), ("980.4 mln", None, 1)]),
    # the currency's country is part of the figure (the figure alone read as US dollars), and the later
    # currency words of 1980s copy are currency words
    ("Shr 2.15 H.K. Dlrs vs 1.80", [("2.15 H.K. Dlrs", None, 0), ("1.80", None, 1)]),
    ("Net 412.5 mln Can dlrs vs 380.1 mln", [("412.5 mln Can dlrs", "profit", 0), ("380.1 mln", "profit", 1)]),
    ("Sales 8.2 billion cruzados vs 3.1 billion", [("8.2 billion cruzados", "revenue", 0),
                                                   ("3.1 billion", "revenue", 1)]),
    # labels of more words that still name a result, and results figures written in words
    ("Parent bank net profit 26 mln marks vs 19 mln", [("26 mln marks", "profit", 0), ("19 mln", "profit", 1)]),
    ("Partial operating profit 141.3 mln vs 228.9 mln", [("141.3 mln", "profit", 0), ("228.9 mln", "profit", 1)]),
    ("Turnover net of duties 2.45 billion stg vs 2.10 billion", [("2.45 billion stg", "revenue", 0),
                                                                 ("2.10 billion", "revenue", 1)]),
    ("Net profit 7.3 mln vs loss three mln", [("7.3 mln", "profit", 0), ("three mln", "loss", 1)]),
    # a figure without its own profit/loss word is what the figure before it is (both years lost money)
    ("Net loss 17.4 mln vs 23.8 mln", [("17.4 mln", "loss", 0), ("23.8 mln", "loss", 1)]),
    ("Net loss 17.4 mln vs profit 2.1 mln vs 3.3 mln", [("17.4 mln", "loss", 0), ("2.1 mln", "profit", 1),
                                                       ("3.3 mln", "profit", 2)]),
    ("Net interest income 5.1 mln vs 4.2 mln", [("5.1 mln", None, 0), ("4.2 mln", None, 1)]),
    # a Japanese company's current (recurring) profit; current assets are no result
    ("Current 4.12 billion vs 15.02 billion", [("4.12 billion", "profit", 0), ("15.02 billion", "profit", 1)]),
    ("Current assets 4.12 billion vs 3.02 billion", [("4.12 billion", None, 0), ("3.02 billion", None, 1)]),
    ("Tax on profit 2.1 mln vs 1.9 mln", [("2.1 mln", None, 0), ("1.9 mln", None, 1)]),
])
def test_one_line(line, expected):
    assert _figures(line + "\n") == expected


@pytest.mark.parametrize("text", [
    "Analysts said net income was 4.5 mln dlrs vs 3.2 mln a year ago, a strong quarter.",  # prose
    "The company earned 4.5 mln dlrs in the quarter.",
    "Halden vs Mirel: the court case resumes on Monday.",
])
def test_prose_is_not_a_table(text):
    assert table_figures(text) == []


@pytest.mark.parametrize("headline, company", [
    ("HALDEN MINING CORP <HMC> 4TH QTR NET", "HALDEN MINING CORP"),
    ("MIREL FOODS INC 1ST QTR LOSS", "MIREL FOODS INC"),
    ("CORVEX GROUP PLC YEAR PROFIT RISES", "CORVEX GROUP PLC"),
    ("<DUNMORE DATA INC> YEAR NET", "DUNMORE DATA INC"),  # an unlisted company's name in the wire's brackets
    ("<HMC> 4TH QTR NET", None),
    ("DUNMORE NV 1986 NET PROFIT RISES", "DUNMORE NV"),  # the year is the period's, not the name's  # a ticker alone names no company
    ("Halden Mining posts higher profit", None),  # an ordinary headline names no table's company
    # the wire's mark of a reissued story is no part of the name
    ("CORRECTED - HALDEN MINING CORP <HMC> 4TH QTR NET", "HALDEN MINING CORP"),
    ("(CORRECTED)-MIREL FOODS INC YEAR NET", "MIREL FOODS INC"),
    ("<CORRECTED> - DUNMORE NV <DMR> 1ST QTR LOSS", "DUNMORE NV"),
])
def test_headline_company(headline, company):
    assert headline_company(headline + "\n\nNet 1.2 mln vs 1.0 mln\n") == company


@pytest.mark.parametrize("kind, published, back, expected", [
    (("Q", 4), datetime.date(1987, 2, 26), 0, "1986-Q4"),
    (("Q", 4), datetime.date(1987, 2, 26), 1, "1985-Q4"),
    (("Q", 1), datetime.date(1987, 4, 20), 0, "1987-Q1"),
    (("Q", 3), datetime.date(1987, 3, 2), 0, "1986-Q3"),
    (("Y", 12), datetime.date(1987, 3, 1), 0, "1986"),
    (("9M", 9), datetime.date(1987, 10, 19), 0, "1987-9M"),
    (("H1", 6), datetime.date(1987, 3, 1), 1, "1985-H1"),
    (None, datetime.date(1987, 3, 1), 0, None),
    (("Q", 2), None, 0, "Q2"),
    (("Y", 12), None, 1, "year a year earlier"),
])
def test_periods(kind, published, back, expected):
    assert period_label(kind, published, back) == expected


@pytest.mark.parametrize("model", ["default", "rules"])
def test_the_component_makes_the_claims_and_drops_the_linkers_guesses(model):
    import claimcheck
    from claimcheck.pipeline.mentions import PUBLISHED_KEY

    nlp = claimcheck.load(model)
    assert nlp.pipe_names[-1] == "claimcheck_tables_v1"
    doc = nlp.make_doc(TABLE)
    doc.user_data[PUBLISHED_KEY] = datetime.date(1987, 2, 26)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    got = [(d.subject_text, d.attribute, d.span.text, d.quantity.value, d.quantity.unit, d.period)
           for d in doc._.claims]
    assert got == [
        ("HALDEN MINING CORP", "profit", "812,000", 812_000, "USD", "1986-Q4"),
        ("HALDEN MINING CORP", "loss", "95,000", 95_000, "USD", "1985-Q4"),
        ("HALDEN MINING CORP", "revenue", "14.2 mln", 14_200_000, "USD", "1986-Q4"),
        ("HALDEN MINING CORP", "revenue", "11.9 mln", 11_900_000, "USD", "1985-Q4"),
        ("HALDEN MINING CORP", "profit", "21.4 mln dlrs", 21_400_000, "USD", "1986"),
        ("HALDEN MINING CORP", "profit", "17.3 mln", 17_300_000, "USD", "1985"),
        ("HALDEN MINING CORP", "revenue", "402.6 mln", 402_600_000, "USD", "1986"),
        ("HALDEN MINING CORP", "revenue", "371.0 mln", 371_000_000, "USD", "1985"),
    ]
    money = {e.text for e in doc.ents if e.label_ == "MONEY"}
    assert {"812,000", "95,000", "14.2 mln", "371.0 mln"} <= money


def test_a_story_check_reads_both_periods_without_a_conflict(tmp_path):
    """The current and the year-earlier figure of a table are two periods, not two disagreeing sources."""
    import claimcheck

    a = tmp_path / "story" / "wire.txt"
    a.parent.mkdir()
    a.write_text(TABLE, encoding="utf-8")
    (a.parent / "other.txt").write_text(TABLE.replace("Sales 402.6 mln", "Sales 420.6 mln"), encoding="utf-8")
    report = claimcheck.check([str(a.parent)], warn=lambda m: None)
    conflicts = [f for f in report.findings if f.kind == "conflict"]
    # no date line: periods are named relative to the table; ingest kept every table line and the headline
    assert [f.attribute for f in conflicts] == ["revenue"], [f.message for f in report.findings]
    claims = {c.id: c for c in report.claims}
    assert {(claims[c].value, claims[c].period) for c in conflicts[0].claims} == \
        {(402_600_000, "year"), (420_600_000, "year")}
    assert {d.title for d in report.documents} == {"HALDEN MINING CORP <HMC> 4TH QTR NET"}
    assert len([c for c in report.claims if c.doc == "wire"]) == 8


# --- statistical tables with the unit written once in a heading (invented commodities and figures) -----------

from claimcheck.pipeline.tables import heading_blocks, lends_to, row_label  # noqa: E402

HEADED = """ZORVIAN MILLET STOCKS

Zorvian millet board figures for stocks at end-month, in thousands of tonnes, with year-ago figures in brackets:

Pearl millet 412.6 (398.1), finger millet 77.0 (81.5), foxtail 12.3 (nil).

Stored at ports     31.4     29.9

The board said the figures were provisional and may be revised by 3.5 pct.
"""


def _block_texts(text):
    return [(text[s:e], unit) for s, e, unit in heading_blocks(text)]


def test_a_heading_lends_its_unit_to_the_rows_below_until_prose():
    (block, unit), = _block_texts(HEADED)
    assert unit == "thousand tonnes"
    assert "412.6" in block and "31.4     29.9" in block
    assert "3.5 pct" not in block  # the sentence after the rows ends the block


@pytest.mark.parametrize(("heading", "unit"), [
    ("Quarn bean crushings, in mln tonnes --", "mln tonnes"),
    ("Kelpa seed shipments (000 bags)", "thousand bags"),
    ("The levies, in European currency units (ecu) per tonne.", "ECU"),
    ("Vintar oil output, in ECUs per tonne:", "ECU"),
    ("Drossel wheat stocks (in 000's bushels)", "thousand bushels"),
    ("Sales and stocks of brindle ore in tonnes were:", "tonnes"),
])
def test_heading_forms(heading, unit):
    text = f"{heading}\n\nNorth   14.20   13.85\n\nSouth    6.05    5.90\n"
    (block, got), = _block_texts(text)
    assert got == unit and "13.85" in block and "5.90" in block


def test_a_table_whose_line_breaks_were_lost_is_one_row_of_many_figures():
    text = ("QUARN SUPPLY -- USDA\n\nThe department gave supply data for quarn, in mln tonnes --\n\n"
            "1986/87   1985/86 Start Stks  0.41   0.39   0.36   0.36 Output  2.71   2.70   2.55   2.55\n")
    (block, unit), = _block_texts(text)
    assert unit == "mln tonnes" and "0.39" in block and "2.55" in block


@pytest.mark.parametrize("text", [
    # a unit in a sentence with no table after it
    "Output of quarn, measured in tonnes, rose sharply last year, the ministry said in a statement.\n",
    # one row only, with two figures: no block
    "Kelpa exports, in thousands of tonnes:\n\nKelpa 41.2 (38.0)\n\nThe exporters said demand was weak.\n",
    # two units in one sentence, or an exception: which rows are in which is not read
    "Stocks are in mln bushels, except quarn, which is in mln tonnes --\n\nDrossel  225  300\n\nQuarn  52.1  68.1\n",
    "All in tonnes except zinc which in troy ounces.\n\nLead 12,400 (11,800), Zinc 2,500 (2,100), Tin 300 (280).\n",
    # a figure's own unit in brackets is no heading
    "It sold 500 (tonnes) of quarn.\n\nNorth   14.20   13.85\n\nSouth    6.05    5.90\n",
])
def test_no_block(text):
    assert heading_blocks(text) == []


def test_a_row_with_its_own_unit_in_brackets_ends_the_block():
    text = ("QUARN (mln acres) --\n\nSown   10.2   10.4\n\nCut   9.8   9.9 Yield (bu)  31.0  30.5 Stocks  88  90\n")
    (block, _), = _block_texts(text)
    assert "9.9" in block and "31.0" not in block


@pytest.mark.parametrize(("row", "figure", "label", "lends"), [
    ("Start Stks  0.41   [0.39]   0.36", "0.39", "Start Stks", True),
    ("Avg Price  4.10-4.30   [4.55]", "4.55", "Avg Price", False),
    ("Yield (bu)  [31.0]  30.5", "31.0", "Yield (bu)", False),
    ("Quarn-x   --   --   [0.4]   2.2", "0.4", "Quarn-x", False),
    ("[2] HARD QUARN   288-1/4", "2", "", False),
])
def test_row_labels(row, figure, label, lends):
    text = row.replace("[", "").replace("]", "")
    start = row.index("[")
    assert row_label(text, start) == label
    assert lends_to(text, start, start + len(figure)) is lends


def _processed(text: str, published: datetime.date, model: str = "default"):
    """``text`` through every component of ``model``, the publication date set as ingest sets it."""
    import claimcheck
    from claimcheck.pipeline.mentions import PUBLISHED_KEY

    nlp = claimcheck.load(model)
    doc = nlp.make_doc(text)
    doc.user_data[PUBLISHED_KEY] = published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def test_operating_lines_are_scoped_so_a_rewrites_net_line_is_another_figure():
    doc = _processed("KESTOW INC <KSW> 4TH QTR NET\n\nOper shr 20 cts vs 15 cts\n\nOper net 1,200,000 vs 900,000\n\n"
                     "Net 1,500,000 vs 700,000\n\nOper loss 40,000 vs 20,000\n", datetime.date(1987, 2, 26))
    got = [(d.attribute, d.span.text, d.scope) for d in doc._.claims]
    assert got == [("profit", "1,200,000", "operating"), ("profit", "900,000", "operating"),
                   ("profit", "1,500,000", None), ("profit", "700,000", None),
                   ("loss", "40,000", "operating"), ("loss", "20,000", "operating")]


@pytest.mark.parametrize("line, read", [
    ("Net loss 118.2 mln", True),
    ("Revs 43.6 mln dlrs", True),
    ("Oper net 1,482,306", True),
    # no result label, or more than one figure's worth of words: prose or another line
    ("Assets 43.6 mln", False),
    ("Net rose 5 pct in the quarter to 4.2 mln", False),
    ("Revs 43.6 mln and 12 stores", False),
    # a line with a comparison is TABLE_LINE's, whatever its first figure is written as
    ("Revs two billion vs 1.85 billion", False),
])
def test_a_results_line_with_one_figure_and_no_comparison(line, read):
    from claimcheck.pipeline.tables import _single_lines

    from claimcheck.pipeline.tables import is_table_line

    assert bool(_single_lines(f"KESTREL PARTNERS YEAR LOSS\n{line}\n")) == read
    assert is_table_line(line) == (read or " vs " in line)  # ingest keeps it as it keeps the table's other lines


def test_the_component_reads_a_table_of_one_column():
    doc = _processed("KESTREL ENERGY PARTNERS YEAR LOSS\nHOUSTON, April 10 -\nNet loss 118.2 mln\nRevs 43.6 mln\n"
                     "Note: The partnership was set up in May 1986.\n", datetime.date(1987, 4, 10))
    got = [(d.subject_text, d.attribute, d.quantity.value, d.period) for d in doc._.claims]
    assert got == [("KESTREL ENERGY PARTNERS", "loss", 118_200_000, "1986"),
                   ("KESTREL ENERGY PARTNERS", "revenue", 43_600_000, "1986")]
