"""Unit tests of the rule-based claim linker, ``claimcheck.pipeline.claims``.

Every ``Doc`` is built by hand (words, heads, dependency labels, coarse tags, lemmas and entity IOB tags), so each
case states exactly the analysis the rules see: no statistical model runs here. The sentences are our own.
"""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from claimcheck.pipeline import claims as C
from claimcheck.pipeline.tokenizer import adjust_tokenizer

NLP = spacy.blank("en")
adjust_tokenizer(NLP)  # "$5m" is $ 5 m, as in the pipeline
VOCAB = NLP.vocab


def parsed(text: str, analysis: str, **user_data) -> Doc:
    """A Doc of ``text`` with the analysis given one token a line: ``word head dep pos [ent] [lemma]``.

    ``head`` is the absolute index of the head token (a root is its own head), ``ent`` an IOB tag (``O`` when
    left out) and ``lemma`` defaults to the lower-cased word. The words must spell ``text``: their spacing is
    read from it.
    """
    rows = [line.split() for line in analysis.strip().splitlines()]
    words = [r[0] for r in rows]
    spaces, offset = [], 0
    for word in words:
        start = text.index(word, offset)
        assert not text[offset:start].strip(), f"{word!r} does not follow {text[:offset]!r}"
        offset = start + len(word)
        spaces.append(text[offset:offset + 1] == " ")
    assert not text[offset:].strip(), f"words end before {text[offset:]!r}"
    doc = Doc(VOCAB, words=words, spaces=spaces, heads=[int(r[1]) for r in rows], deps=[r[2] for r in rows],
              pos=[r[3] for r in rows], ents=[r[4] if len(r) > 4 else "O" for r in rows],
              lemmas=[r[5] if len(r) > 5 else r[0].lower() for r in rows])
    assert doc.text == text
    doc.user_data.update(user_data)
    return doc


def flat(text: str, ents: list[tuple[str, str]]) -> Doc:
    """``text`` through the financial tokenizer as one sentence without a parse, with ``ents`` (text, label) marked
    in order of appearance."""
    doc = NLP(text)
    spans, offset = [], 0
    for words, label in ents:
        start = text.index(words, offset)
        offset = start + len(words)
        spans.append(doc.char_span(start, offset, label=label))
    doc.ents = spans
    doc[0].is_sent_start = True
    for token in doc[1:]:
        token.is_sent_start = False
    return doc


def ent(doc: Doc, text: str):
    """The entity of ``doc`` whose text is ``text``."""
    [found] = [e for e in doc.ents if e.text == text]
    return found


def drafts(doc: Doc, published: date | None = None) -> list[tuple]:
    return [(d.subject_text, d.attribute, d.quantity.value, d.quantity.unit, d.period, d.scope, d.span.text)
            for d in C.claims_of(doc, published)]


# --- sentences with their analyses -----------------------------------------------------------------------

REVENUE_2018 = ("Hikvision had revenue of $7.5bn in 2018.", """
Hikvision 1 nsubj PROPN B-ORG
had       1 ROOT  VERB  O     have
revenue   1 dobj  NOUN
of        2 prep  ADP
$         6 nmod  SYM   B-MONEY
7.5       6 nummod NUM  I-MONEY
bn        3 pobj  NOUN  I-MONEY
in        1 prep  ADP
2018      7 pobj  NUM   B-DATE
.         1 punct PUNCT
""")

VALUED_OBJECT = ("SoftBank valued Arm at $32bn.", """
SoftBank 1 nsubj PROPN B-ORG
valued   1 ROOT  VERB  O     value
Arm      1 dobj  PROPN B-ORG
at       1 prep  ADP
$        6 nmod  SYM   B-MONEY
32       6 nummod NUM  I-MONEY
bn       3 pobj  NOUN  I-MONEY
.        1 punct PUNCT
""")

ADDED_COMPANIES = ("The Commerce Department added 28 companies to the list on Monday.", """
The        2 det      DET   B-ORG
Commerce   2 compound PROPN I-ORG
Department 3 nsubj    PROPN I-ORG
added      3 ROOT     VERB  O          add
28         5 nummod   NUM   B-CARDINAL
companies  3 dobj     NOUN  O          company
to         3 prep     ADP
the        8 det      DET
list       6 pobj     NOUN
on         3 prep     ADP
Monday     9 pobj     PROPN B-DATE
.          3 punct    PUNCT
""")

HIRED_300 = ("Alibaba hired 300 bankers.", """
Alibaba 1 nsubj  PROPN B-ORG
hired   1 ROOT   VERB  O          hire
300     3 nummod NUM   B-CARDINAL
bankers 1 dobj   NOUN  O          banker
.       1 punct  PUNCT
""")

HIRED_TWO = ("Alibaba hired two bankers.", """
Alibaba 1 nsubj  PROPN B-ORG
hired   1 ROOT   VERB  O          hire
two     3 nummod NUM   B-CARDINAL
bankers 1 dobj   NOUN  O          banker
.       1 punct  PUNCT
""")

EACH_ADS = ("Each Alibaba ADS represents eight shares.", """
Each       2 det      DET
Alibaba    2 compound PROPN B-ORG
ADS        3 nsubj    PROPN O
represents 3 ROOT     VERB  O          represent
eight      5 nummod   NUM   B-CARDINAL
shares     3 dobj     NOUN  O          share
.          3 punct    PUNCT
""")

MODEL_NUMBER = ("Ryanair ordered 20 Boeing 737-800 jets.", """
Ryanair 1 nsubj    PROPN B-ORG
ordered 1 ROOT     VERB  O          order
20      7 nummod   NUM   B-CARDINAL
Boeing  7 compound PROPN B-ORG
737     7 nummod   NUM   O
-       6 punct    PUNCT O
800     7 nummod   NUM   B-CARDINAL
jets    1 dobj     NOUN  O          jet
.       1 punct    PUNCT
""")

RAISED_IN_LISTING = ("Alibaba raised $11bn in its listing.", """
Alibaba 1 nsubj  PROPN B-ORG
raised  1 ROOT   VERB  O       raise
$       4 nmod   SYM   B-MONEY
11      4 nummod NUM   I-MONEY
bn      1 dobj   NOUN  I-MONEY
in      1 prep   ADP
its     7 poss   PRON
listing 5 pobj   NOUN
.       1 punct  PUNCT
""")

RAISED_FROM_INVESTORS = ("Zhilian raised $300m from investors.", """
Zhilian   1 nsubj  PROPN B-ORG
raised    1 ROOT   VERB  O       raise
$         4 nmod   SYM   B-MONEY
300       4 nummod NUM   I-MONEY
m         1 dobj   NOUN  I-MONEY
from      1 prep   ADP
investors 5 pobj   NOUN
.         1 punct  PUNCT
""")

PRICED_EACH = ("Arm priced its shares at $51 each.", """
Arm    1 nsubj  PROPN B-ORG
priced 1 ROOT   VERB  O       price
its    3 poss   PRON
shares 1 dobj   NOUN  O       share
at     1 prep   ADP
$      6 nmod   SYM   B-MONEY
51     4 pobj   NUM   I-MONEY
each   6 advmod DET
.      1 punct  PUNCT
""")

PRICED_DEAL = ("Arm priced the deal at $5bn.", """
Arm    1 nsubj  PROPN B-ORG
priced 1 ROOT   VERB  O       price
the    3 det    DET
deal   1 dobj   NOUN
at     1 prep   ADP
$      7 nmod   SYM   B-MONEY
5      7 nummod NUM   I-MONEY
bn     4 pobj   NOUN  I-MONEY
.      1 punct  PUNCT
""")

BUYBACK = ("Nestle announced a buyback worth $1bn.", """
Nestle    1 nsubj    PROPN B-ORG
announced 1 ROOT     VERB  O       announce
a         3 det      DET
buyback   1 dobj     NOUN
worth     3 amod     ADJ
$         7 nmod     SYM   B-MONEY
1         7 nummod   NUM   I-MONEY
bn        4 npadvmod NOUN  I-MONEY
.         1 punct    PUNCT
""")

DEAL_VALUED = ("Cisco agreed a deal valued at $4bn.", """
Cisco  1 nsubj  PROPN B-ORG
agreed 1 ROOT   VERB  O       agree
a      3 det    DET
deal   1 dobj   NOUN
valued 3 acl    VERB  O       value
at     4 prep   ADP
$      8 nmod   SYM   B-MONEY
4      8 nummod NUM   I-MONEY
bn     5 pobj   NOUN  I-MONEY
.      1 punct  PUNCT
""")

CONVERSION = ("Alibaba raised HK$88bn ($11.3bn) in its listing.", """
Alibaba 1  nsubj  PROPN B-ORG
raised  1  ROOT   VERB  O       raise
HK$     4  nmod   SYM   B-MONEY
88      4  nummod NUM   I-MONEY
bn      1  dobj   NOUN  I-MONEY
(       8  punct  PUNCT
$       8  nmod   SYM   B-MONEY
11.3    8  nummod NUM   I-MONEY
bn      4  appos  NOUN  I-MONEY
)       8  punct  PUNCT
in      1  prep   ADP
its     12 poss   PRON
listing 10 pobj   NOUN
.       1  punct  PUNCT
""")

UP_FROM_WITH_YEAR = ("Acme's revenue rose to $5bn in 2019, up from $4bn.", """
Acme    2  poss   PROPN B-ORG
's      0  case   PART
revenue 3  nsubj  NOUN
rose    3  ROOT   VERB  O       rise
to      3  prep   ADP
$       7  nmod   SYM   B-MONEY
5       7  nummod NUM   I-MONEY
bn      4  pobj   NOUN  I-MONEY
in      3  prep   ADP
2019    8  pobj   NUM   B-DATE
,       3  punct  PUNCT
up      3  advmod ADV
from    11 prep   ADP
$       15 nmod   SYM   B-MONEY
4       15 nummod NUM   I-MONEY
bn      12 pobj   NOUN  I-MONEY
.       3  punct  PUNCT
""")

UP_FROM_NO_YEAR = ("Acme's revenue rose to $5bn, up from $4bn.", """
Acme    2  poss   PROPN B-ORG
's      0  case   PART
revenue 3  nsubj  NOUN
rose    3  ROOT   VERB  O       rise
to      3  prep   ADP
$       7  nmod   SYM   B-MONEY
5       7  nummod NUM   I-MONEY
bn      4  pobj   NOUN  I-MONEY
,       3  punct  PUNCT
up      3  advmod ADV
from    9  prep   ADP
$       13 nmod   SYM   B-MONEY
4       13 nummod NUM   I-MONEY
bn      10 pobj   NOUN  I-MONEY
.       3  punct  PUNCT
""")

SHARE_FROM_XINJIANG = ("About 1% of Hikvision's revenue came from Xinjiang.", """
About     1 advmod ADV   B-PERCENT
1         2 nummod NUM   I-PERCENT
%         7 nsubj  NOUN  I-PERCENT
of        2 prep   ADP
Hikvision 6 poss   PROPN B-ORG
's        4 case   PART
revenue   3 pobj   NOUN
came      7 ROOT   VERB  O          come
from      7 prep   ADP
Xinjiang  8 pobj   PROPN B-GPE
.         7 punct  PUNCT
""")

OWNS_STAKE = ("SoftBank owns 90% of Arm.", """
SoftBank 1 nsubj  PROPN B-ORG
owns     1 ROOT   VERB  O          own
90       3 nummod NUM   B-PERCENT
%        1 dobj   NOUN  I-PERCENT
of       3 prep   ADP
Arm      4 pobj   PROPN B-ORG
.        1 punct  PUNCT
""")

REVENUE_ROSE = ("Alibaba's revenue rose 12% in 2018.", """
Alibaba 2 poss     PROPN B-ORG
's      0 case     PART
revenue 3 nsubj    NOUN
rose    3 ROOT     VERB  O          rise
12      5 nummod   NUM   B-PERCENT
%       3 npadvmod NOUN  I-PERCENT
in      3 prep     ADP
2018    6 pobj     NUM   B-DATE
.       3 punct    PUNCT
""")

SHARES_JUMPED = ("Shares of Arm jumped 25%.", """
Shares 3 nsubj    NOUN  O          share
of     0 prep     ADP
Arm    1 pobj     PROPN B-ORG
jumped 3 ROOT     VERB  O          jump
25     5 nummod   NUM   B-PERCENT
%      3 npadvmod NOUN  I-PERCENT
.      3 punct    PUNCT
""")

PROFIT_FELL = ("Acme's profit fell 5% in 2020.", """
Acme   2 poss     PROPN B-ORG
's     0 case     PART
profit 3 nsubj    NOUN
fell   3 ROOT     VERB  O          fall
5      5 nummod   NUM   B-PERCENT
%      3 npadvmod NOUN  I-PERCENT
in     3 prep     ADP
2020   6 pobj     NUM   B-DATE
.      3 punct    PUNCT
""")

INFLATION_ROSE = ("Inflation in Acmeland rose 2%.", """
Inflation 3 nsubj    NOUN
in        0 prep     ADP
Acmeland  1 pobj     PROPN B-GPE
rose      3 ROOT     VERB  O          rise
2         5 nummod   NUM   B-PERCENT
%         3 npadvmod NOUN  I-PERCENT
.         3 punct    PUNCT
""")

THE_COMPANY = ("Hikvision makes cameras. The company had sales of $7bn in 2018.", """
Hikvision 1  nsubj  PROPN B-ORG
makes     1  ROOT   VERB  O       make
cameras   1  dobj   NOUN  O       camera
.         1  punct  PUNCT
The       5  det    DET
company   6  nsubj  NOUN
had       6  ROOT   VERB  O       have
sales     6  dobj   NOUN
of        7  prep   ADP
$         11 nmod   SYM   B-MONEY
7         11 nummod NUM   I-MONEY
bn        8  pobj   NOUN  I-MONEY
in        6  prep   ADP
2018      12 pobj   NUM   B-DATE
.         6  punct  PUNCT
""")

ITS_SALES = ("Analysts like Hikvision. Its sales were $7bn in 2018.", """
Analysts  1  nsubj  NOUN
like      1  ROOT   VERB  O       like
Hikvision 1  dobj   PROPN B-ORG
.         1  punct  PUNCT
Its       5  poss   PRON
sales     6  nsubj  NOUN
were      6  ROOT   AUX   O       be
$         9  nmod   SYM   B-MONEY
7         9  nummod NUM   I-MONEY
bn        6  attr   NOUN  I-MONEY
in        6  prep   ADP
2018      10 pobj   NUM   B-DATE
.         6  punct  PUNCT
""")

OVERSEAS_SALES = ("Acme's overseas sales were $2bn in 2019.", """
Acme     3 poss   PROPN B-ORG
's       0 case   PART
overseas 3 amod   ADJ
sales    4 nsubj  NOUN
were     4 ROOT   AUX   O       be
$        7 nmod   SYM   B-MONEY
2        7 nummod NUM   I-MONEY
bn       4 attr   NOUN  I-MONEY
in       4 prep   ADP
2019     8 pobj   NUM   B-DATE
.        4 punct  PUNCT
""")

BEGAN_TRADING = ("Arm began trading on September 14, 2023.", """
Arm       1 nsubj PROPN B-ORG
began     1 ROOT  VERB  O      begin
trading   1 xcomp VERB  O      trade
on        2 prep  ADP
September 3 pobj  PROPN B-DATE
14        4 nummod NUM  I-DATE
,         4 punct PUNCT I-DATE
2023      4 nummod NUM  I-DATE
.         1 punct PUNCT
""")

LISTED_IN_YEAR = ("Arm listed in 2023.", """
Arm    1 nsubj PROPN B-ORG
listed 1 ROOT  VERB  O      list
in     1 prep  ADP
2023   2 pobj  NUM   B-DATE
.      1 punct PUNCT
""")

FORECASTS = ("Acme made a profit of £532m, ahead of forecasts of £500m.", """
Acme      1  nsubj  PROPN B-ORG
made      1  ROOT   VERB  O       make
a         3  det    DET
profit    1  dobj   NOUN
of        3  prep   ADP
£         7  nmod   SYM   B-MONEY
532       7  nummod NUM   I-MONEY
m         4  pobj   NOUN  I-MONEY
,         1  punct  PUNCT
ahead     1  advmod ADV
of        9  prep   ADP
forecasts 10 pobj   NOUN  O       forecast
of        11 prep   ADP
£         15 nmod   SYM   B-MONEY
500       15 nummod NUM   I-MONEY
m         12 pobj   NOUN  I-MONEY
.         1  punct  PUNCT
""")


CLAIMS_CASES = [
    # (sentence, analysis), published, [(subject, attribute, value, unit, period, scope, span text)]
    pytest.param(REVENUE_2018, None, [("Hikvision", "revenue", 7_500_000_000, "USD", "2018", None, "$7.5bn")],
                 id="revenue-in-year"),
    pytest.param(VALUED_OBJECT, None, [("Arm", "valuation", 32_000_000_000, "USD", None, None, "$32bn")],
                 id="object-of-valued-is-the-subject"),
    pytest.param(ADDED_COMPANIES, date(2019, 10, 9),
                 [("Commerce Department", "count", 28, "count", None, "company (add)", "28"),
                  ("Commerce Department", "event_date", "2019-10-07", "date", None, "add", "Monday")],
                 id="count-and-event-date"),
    pytest.param(HIRED_300, None, [("Alibaba", "count", 300, "count", None, "banker (hire)", "300")],
                 id="count-of-hires"),
    pytest.param(HIRED_TWO, None, [], id="count-under-three-is-no-claim"),
    pytest.param(EACH_ADS, None, [], id="distributive-ratio-is-no-count"),
    pytest.param(MODEL_NUMBER, None, [("Ryanair", "count", 20, "count", None, "jet (order)", "20")],
                 id="model-number-is-no-count"),
    pytest.param(RAISED_IN_LISTING, None, [("Alibaba", "ipo_proceeds", 11_000_000_000, "USD", None, None, "$11bn")],
                 id="raised-in-a-listing"),
    pytest.param(RAISED_FROM_INVESTORS, None, [("Zhilian", "funding", 300_000_000, "USD", None, None, "$300m")],
                 id="raised-without-listing-is-funding"),
    pytest.param(PRICED_EACH, None, [("Arm", "ipo_price", 51, "USD", None, None, "$51")], id="offer-price-each"),
    pytest.param(BUYBACK, None, [("Nestle", "buyback", 1_000_000_000, "USD", None, None, "$1bn")], id="buyback"),
    pytest.param(DEAL_VALUED, None, [("Cisco", "deal_value", 4_000_000_000, "USD", None, None, "$4bn")],
                 id="deal-valued-at"),
    pytest.param(CONVERSION, None, [("Alibaba", "ipo_proceeds", 88_000_000_000, "HKD", None, None, "HK$88bn")],
                 id="conversion-in-brackets-skipped"),
    pytest.param(UP_FROM_WITH_YEAR, None, [("Acme", "revenue", 5_000_000_000, "USD", "2019", None, "$5bn"),
                                           ("Acme", "revenue", 4_000_000_000, "USD", "2018", None, "$4bn")],
                 id="baseline-gets-the-previous-period"),
    # no period told: in a dated story the comparison figure is left; in an undated one it is of an earlier period
    pytest.param(UP_FROM_NO_YEAR, date(2020, 3, 2), [("Acme", "revenue", 5_000_000_000, "USD", None, None, "$5bn")],
                 id="baseline-without-period-skipped"),
    pytest.param(UP_FROM_NO_YEAR, None, [("Acme", "revenue", 5_000_000_000, "USD", None, None, "$5bn"),
                                         ("Acme", "revenue", 4_000_000_000, "USD", "an earlier period", None, "$4bn")],
                 id="baseline-of-an-undated-story"),
    pytest.param(SHARE_FROM_XINJIANG, None, [("Hikvision", "revenue_share", 1, "percent", None, "Xinjiang",
                                              "About 1%")], id="revenue-share-with-scope"),
    pytest.param(OWNS_STAKE, None, [("SoftBank", "stake", 90, "percent", None, "Arm", "90%")],
                 id="stake-of-holder-in-held-company"),
    pytest.param(REVENUE_ROSE, None, [("Alibaba", "revenue_growth", 12, "percent", "2018", None, "12%")],
                 id="revenue-growth"),
    pytest.param(SHARES_JUMPED, None, [("Arm", "share_price_change", 25, "percent", None, None, "25%")],
                 id="shares-of-name-jumped"),
    pytest.param(PROFIT_FELL, None, [("Acme", "profit_growth", 5, "percent", "2020", None, "5%")],
                 id="profit-growth"),
    pytest.param(INFLATION_ROSE, None, [], id="growth-of-no-company-figure"),
    pytest.param(THE_COMPANY, None, [("Hikvision", "revenue", 7_000_000_000, "USD", "2018", None, "$7bn")],
                 id="the-company-is-the-last-subject"),
    pytest.param(ITS_SALES, None, [("Hikvision", "revenue", 7_000_000_000, "USD", "2018", None, "$7bn")],
                 id="its-falls-back-to-the-topic"),
    pytest.param(OVERSEAS_SALES, None, [("Acme", "revenue", 2_000_000_000, "USD", "2019", "overseas", "$2bn")],
                 id="overseas-scope"),
    pytest.param(BEGAN_TRADING, None, [("Arm", "listing_date", "2023-09-14", "date", None, None,
                                        "September 14, 2023")], id="listing-date"),
    pytest.param(LISTED_IN_YEAR, None, [], id="a-year-is-no-listing-date"),
    pytest.param(FORECASTS, None, [("Acme", "profit", 532_000_000, "GBP", None, None, "£532m")],
                 id="forecast-is-no-claim"),
]


@pytest.mark.parametrize(("sentence", "published", "expected"), CLAIMS_CASES)
def test_claims_of(sentence, published, expected):
    assert drafts(parsed(*sentence), published) == expected


@pytest.mark.parametrize(("sentence", "value", "confidence"), [
    (REVENUE_2018, "$7.5bn", 0.9),  # the clause subject of the attribute noun
    (VALUED_OBJECT, "$32bn", 0.85),  # the object of "valued"
    (ADDED_COMPANIES, "28", 0.8),  # a count's confidence is capped at 0.8
    (THE_COMPANY, "$7bn", 0.7),  # "the company" resolved to the previous sentence's subject
    (ITS_SALES, "$7bn", 0.5),  # "its" resolved to the document's most named organisation
])
def test_claim_confidence(sentence, value, confidence):
    [draft] = [d for d in C.claims_of(parsed(*sentence)) if d.span.text == value]
    assert draft.confidence == confidence


def test_claim_keeps_the_qualifier_and_the_span():
    [draft] = C.claims_of(parsed(*SHARE_FROM_XINJIANG))
    assert (draft.quantity.qualifier, draft.quantity.low, draft.quantity.high) == ("approx", 0.5, 1.5)
    assert (draft.span.start, draft.span.end, draft.span.start_char, draft.span.end_char) == (0, 3, 0, 8)
    assert draft.span.label_ == "PERCENT" and draft.attribute_score is None


def test_claims_of_records_the_names_it_saw():
    doc = parsed(*THE_COMPANY)
    list(C.claims_of(doc))
    assert doc.user_data[C.NAMES_KEY] == set()  # "Hikvision" only starts a sentence here
    doc = parsed(*SHARES_JUMPED)
    list(C.claims_of(doc))
    assert doc.user_data[C.NAMES_KEY] == {"Arm"}


# --- attribute_of --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "value", "attribute"), [
    (REVENUE_2018, "$7.5bn", "revenue"),
    (REVENUE_2018, "2018", None),  # a year in a results sentence dates nothing
    (VALUED_OBJECT, "$32bn", "valuation"),
    (PRICED_EACH, "$51", "ipo_price"),
    (BUYBACK, "$1bn", "buyback"),
    (DEAL_VALUED, "$4bn", "deal_value"),
    (RAISED_IN_LISTING, "$11bn", "ipo_proceeds"),
    (RAISED_FROM_INVESTORS, "$300m", "funding"),
    (FORECASTS, "£532m", "profit"),
    (FORECASTS, "£500m", None),  # an expectation, not a fact
    (SHARE_FROM_XINJIANG, "About 1%", "revenue_share"),
    (OWNS_STAKE, "90%", "stake"),
    (REVENUE_ROSE, "12%", "revenue_growth"),
    (SHARES_JUMPED, "25%", "share_price_change"),
    (PROFIT_FELL, "5%", "profit_growth"),
    (INFLATION_ROSE, "2%", None),  # growth of something that is no company figure
    (UP_FROM_WITH_YEAR, "$4bn", "revenue"),
    (ADDED_COMPANIES, "28", "count"),
    (ADDED_COMPANIES, "Monday", "event_date"),
    (BEGAN_TRADING, "September 14, 2023", "listing_date"),
    (LISTED_IN_YEAR, "2023", "listing_date"),  # the attribute; claims_of drops it because a year is a period
])
def test_attribute_of(sentence, value, attribute):
    doc = parsed(*sentence)
    assert C.attribute_of(ent(doc, value)) == attribute


def test_priced_without_a_per_share_word_is_no_offer_price():
    """"priced" is an offer-price cue only beside "each", "per share" … or in a sentence about shares."""
    assert C.attribute_of(ent(parsed(*PRICED_DEAL), "$5bn")) != "ipo_price"
    assert C.attribute_of(ent(parsed(*PRICED_EACH), "$51")) == "ipo_price"


def test_attribute_of_up_before_a_percent_is_growth():
    """'up 8%' is a change, but 'make up 8%' is a share."""
    up = parsed("Acme sales were up 8%.", """
Acme  2 compound PROPN B-ORG
sales 3 nsubj    NOUN
were  3 ROOT     AUX   O          be
up    3 advmod   ADV
8     6 nummod   NUM   B-PERCENT
%     4 npadvmod NOUN  I-PERCENT
.     3 punct    PUNCT
""")
    assert C.attribute_of(ent(up, "8%")) == "revenue_growth"
    make_up = parsed("Acme sales make up 8% of revenue.", """
Acme    2 compound PROPN B-ORG
sales   2 nsubj    NOUN
make    2 ROOT     VERB  O          make
up      2 prt      ADP
8       5 nummod   NUM   B-PERCENT
%       2 dobj     NOUN  I-PERCENT
of      5 prep     ADP
revenue 6 pobj     NOUN
.       2 punct    PUNCT
""")
    assert C.attribute_of(ent(make_up, "8%")) == "revenue_share"


def test_attribute_of_ignores_other_labels():
    doc = parsed("Acme came first.", """
Acme  1 nsubj  PROPN B-ORG
came  1 ROOT   VERB  O         come
first 1 advmod ADV   B-ORDINAL
.     1 punct  PUNCT
""")
    assert C.attribute_of(ent(doc, "first")) is None
    assert C.attribute_of(ent(doc, "Acme")) is None


# --- counted_noun ------------------------------------------------------------------------------------------

def test_counted_noun():
    doc = parsed(*ADDED_COMPANIES)
    assert C.counted_noun(ent(doc, "28")).text == "companies"
    subset = parsed("Three of the banks failed.", """
Three 4 nsubj NUM B-CARDINAL
of    0 prep  ADP
the   3 det   DET
banks 1 pobj  NOUN
failed 4 ROOT VERB O fail
.     4 punct PUNCT
""")
    assert C.counted_noun(ent(subset, "Three")) is None  # a subset, not a count of banks
    after = parsed("Banks failed: 12.", """
Banks  1 nsubj NOUN
failed 1 ROOT  VERB  O          fail
:      1 punct PUNCT
12     1 npadvmod NUM B-CARDINAL
.      1 punct PUNCT
""")
    assert C.counted_noun(ent(after, "12")) is None  # a bare number


# --- names and subjects -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name"), [
    ("Alibaba", "Alibaba"),
    ("the Alibaba Group's", "Alibaba Group"),
    ("Arm’s", "Arm"),
    ("The Commerce Department", "Commerce Department"),
    ("Nasdaq", None),  # an exchange is never the subject of a company figure
    ("the Hong Kong Stock Exchange", None),
    ("Reuters", None),  # a source
    ("the Alibaba IPO", None),  # the offering, not the company
    ("the Entity List", None),
    ("Alibaba, ", "Alibaba"),
    ("’s", None),  # nothing left
])
def test_clean_name(text, name):
    assert C._clean_name(text) == name


def test_known_names_are_capitalised_names_inside_sentences():
    doc = parsed("Hikvision and Dahua make cameras. Dahua 's rival is hikvision.", """
Hikvision 3 nsubj PROPN B-ORG
and       0 cc    CCONJ
Dahua     0 conj  NOUN  B-ORG
make      3 ROOT  VERB  O     make
cameras   3 dobj  NOUN
.         3 punct PUNCT
Dahua     8 poss  PROPN B-ORG
's        6 case  PART
rival     9 nsubj NOUN
is        9 ROOT  AUX   O     be
hikvision 9 attr  PROPN
.         9 punct PUNCT
""")
    # "Dahua" mid-sentence (an ORG entity though tagged NOUN); both sentence starts and the lower-case form do not
    assert C.known_names(doc) == {"Dahua"}


def test_name_of_extends_an_entity_over_its_compound_names():
    doc = parsed("Alibaba Group Holding posted a profit.", """
Alibaba  1 compound PROPN O
Group    2 compound PROPN B-ORG
Holding  3 nsubj    PROPN I-ORG
posted   3 ROOT     VERB  O     post
a        5 det      DET
profit   3 dobj     NOUN
.        3 punct    PUNCT
""")
    assert C._name_of(doc[2]) == "Alibaba Group Holding"
    assert C._name_of(doc[5]) is None  # a common noun


def test_name_of_places_only_when_asked():
    doc = parsed(*SHARE_FROM_XINJIANG)
    assert C._name_of(doc[9]) is None
    assert C._name_of(doc[9], places=True) == "Xinjiang"
    assert C._name_of(doc[1]) is None  # a PERCENT entity is never a name


def test_name_of_a_word_the_document_uses_as_a_name():
    """The tagger called 'Kestrane' an adverb at the start of a sentence; mid-sentence the document names it."""
    doc = parsed("Kestrane posted profits. Investors like Kestrane.", """
Kestrane  1 nsubj PROPN O
posted    1 ROOT  VERB  O   post
profits   1 dobj  NOUN
.         1 punct PUNCT
Investors 5 nsubj NOUN
like      5 ROOT  VERB  O   like
Kestrane  5 dobj  PROPN
.         5 punct PUNCT
""")
    doc[0].pos_ = "ADV"
    assert C._name_of(doc[0]) is None
    doc.user_data[C.NAMES_KEY] = C.known_names(doc)
    assert C._name_of(doc[0]) == "Kestrane"


def test_is_source():
    doc = parsed("Arm is worth $9bn, according to PitchBook, per Reuters.", """
Arm       1  nsubj PROPN B-ORG
is        1  ROOT  AUX   O     be
worth     1  acomp ADJ
$         5  nmod  SYM   B-MONEY
9         5  nummod NUM  I-MONEY
bn        2  npadvmod NOUN I-MONEY
,         1  punct PUNCT
according 1  prep  VERB  O     accord
to        7  prep  ADP
PitchBook 8  pobj  PROPN B-ORG
,         1  punct PUNCT
per       1  prep  ADP
Reuters   11 pobj  PROPN B-ORG
.         1  punct PUNCT
""")
    assert [t.text for t in doc if C._is_source(t)] == ["PitchBook", "Reuters"]


@pytest.mark.parametrize(("sentence", "value", "subject"), [
    (REVENUE_2018, "$7.5bn", ("Hikvision", False, 0.9)),
    (VALUED_OBJECT, "$32bn", ("Arm", False, 0.85)),
    (SHARE_FROM_XINJIANG, "About 1%", ("Hikvision", False, 0.9)),  # the owner of the revenue noun
    (SHARES_JUMPED, "25%", ("Arm", False, 0.9)),  # "shares of Arm"
    (THE_COMPANY, "$7bn", (None, True, 0.9)),  # "the company": resolved later, in claims_of
    (ITS_SALES, "$7bn", (None, True, 0.9)),
    (DEAL_VALUED, "$4bn", ("Cisco", False, 0.9)),  # past the deal noun to the clause subject
])
def test_subject_of(sentence, value, subject):
    doc = parsed(*sentence)
    assert C.subject_of(ent(doc, value)) == subject


def test_subject_of_relative_clause_is_the_noun_it_modifies():
    doc = parsed("Investors back Zhilian, which is valued at $2bn.", """
Investors 1 nsubj     NOUN
back      1 ROOT      VERB  O       back
Zhilian   1 dobj      PROPN B-ORG
,         2 punct     PUNCT
which     6 nsubjpass DET
is        6 auxpass   AUX   O       be
valued    2 relcl     VERB  O       value
at        6 prep      ADP
$         10 nmod     SYM   B-MONEY
2         10 nummod   NUM   I-MONEY
bn        7 pobj      NOUN  I-MONEY
.         1 punct     PUNCT
""")
    assert C.subject_of(ent(doc, "$2bn")) == ("Zhilian", False, 0.9)


def test_subject_of_falls_back_to_the_first_name_that_is_no_source():
    """No clause subject names anyone: the first name of the sentence that is not the cited source."""
    doc = parsed("According to PitchBook, a $2bn valuation for Zhilian.", """
According 8 prep     VERB  O     accord
to        0 prep     ADP
PitchBook 1 pobj     PROPN B-ORG
,         8 punct    PUNCT
a         8 det      DET
$         7 nmod     SYM   B-MONEY
2         7 nummod   NUM   I-MONEY
bn        8 compound NOUN  I-MONEY
valuation 8 ROOT     NOUN
for       8 prep     ADP
Zhilian   9 pobj     PROPN B-ORG
.         8 punct    PUNCT
""")
    assert C.subject_of(ent(doc, "$2bn")) == ("Zhilian", False, 0.55)


def test_subject_of_without_any_name():
    doc = parsed("Sales were $2bn.", """
Sales 1 nsubj NOUN
were  1 ROOT  AUX  O       be
$     4 nmod  SYM  B-MONEY
2     4 nummod NUM I-MONEY
bn    1 attr  NOUN I-MONEY
.     1 punct PUNCT
""")
    assert C.subject_of(ent(doc, "$2bn")) == (None, True, 0.5)


# --- scope, conversions, baselines, periods ----------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "value", "attribute", "subject", "scope"), [
    (SHARE_FROM_XINJIANG, "About 1%", "revenue_share", "Hikvision", "Xinjiang"),
    (OVERSEAS_SALES, "$2bn", "revenue", "Acme", "overseas"),
    (REVENUE_2018, "$7.5bn", "revenue", "Hikvision", None),  # the total
    (SHARE_FROM_XINJIANG, "About 1%", "stake", "Hikvision", None),  # only period attributes have a region
])
def test_scope_of(sentence, value, attribute, subject, scope):
    doc = parsed(*sentence)
    assert C.scope_of(ent(doc, value), attribute, subject) == scope


XINJIANG_REVENUE = ("Xinjiang revenue was $3bn.", """
Xinjiang 1 compound PROPN B-GPE
revenue  2 nsubj    NOUN
was      2 ROOT     AUX   O       be
$        5 nmod     SYM   B-MONEY
3        5 nummod   NUM   I-MONEY
bn       2 attr     NOUN  I-MONEY
.        2 punct    PUNCT
""")


def test_scope_of_a_place_that_is_the_subject_itself():
    doc = parsed(*XINJIANG_REVENUE)
    assert C.scope_of(ent(doc, "$3bn"), "revenue", "Acme") == "Xinjiang"
    assert C.scope_of(ent(doc, "$3bn"), "revenue", "Xinjiang") is None


def test_scope_of_a_projects_region():
    doc = parsed("Revenue from Xinjiang projects was $30m.", """
Revenue  4 nsubj    NOUN
from     0 prep     ADP
Xinjiang 3 compound PROPN B-GPE
projects 1 pobj     NOUN  O       project
was      4 ROOT     AUX   O       be
$        7 nmod     SYM   B-MONEY
30       7 nummod   NUM   I-MONEY
m        4 attr     NOUN  I-MONEY
.        4 punct    PUNCT
""")
    assert C.scope_of(ent(doc, "$30m"), "revenue", "Acme") == "Xinjiang"


def test_is_conversion():
    doc = parsed(*CONVERSION)
    assert not C._is_conversion(ent(doc, "HK$88bn"))
    assert C._is_conversion(ent(doc, "$11.3bn"))
    closed = parsed("Acme (a retailer) made $5m.", """
Acme     5 nsubj PROPN B-ORG
(        3 punct PUNCT
a        3 det   DET
retailer 0 appos NOUN
)        3 punct PUNCT
made     5 ROOT  VERB  O       make
$        8 nmod  SYM   B-MONEY
5        8 nummod NUM  I-MONEY
m        5 dobj  NOUN  I-MONEY
.        5 punct PUNCT
""")
    assert not C._is_conversion(ent(closed, "$5m"))  # brackets closed before the figure
    after_name = parsed("Acme (£5m) grew.", """
Acme 6 nsubj  PROPN B-ORG
(    4 punct  PUNCT
£    4 nmod   SYM   B-MONEY
5    4 nummod NUM   I-MONEY
m    0 appos  NOUN  I-MONEY
)    4 punct  PUNCT
grew 6 ROOT   VERB  O      grow
.    6 punct  PUNCT
""")
    assert not C._is_conversion(ent(after_name, "£5m"))  # in brackets, but after a name, not a figure


@pytest.mark.parametrize(("sentence", "value", "baseline"), [
    (UP_FROM_WITH_YEAR, "$4bn", True),  # "up from"
    (UP_FROM_WITH_YEAR, "$5bn", False),
    (REVENUE_2018, "$7.5bn", False),
])
def test_is_baseline(sentence, value, baseline):
    assert C._is_baseline(ent(parsed(*sentence), value)) is baseline


@pytest.mark.parametrize(("text", "baseline"), [
    ("Acme made $5m, compared with $4m.", True),
    ("Acme made $5m against $4m a year earlier.", True),
    ("Acme made $5m against $4m the previous year.", True),
    ("Acme made $5m and Beta made $4m.", False),
])
def test_is_baseline_phrases(text, baseline):
    """The baseline phrases are read from the words alone: one unparsed sentence, the money marked by hand."""
    doc = flat(text, [("$5m", "MONEY"), ("$4m", "MONEY")])
    assert C._is_baseline(ent(doc, "$4m")) is baseline
    assert not C._is_baseline(ent(doc, "$5m"))


@pytest.mark.parametrize(("period", "previous"), [
    ("2019", "2018"),
    ("FY2019", "FY2018"),
    ("2019-H1", "2018-H1"),
    ("2019-Q3", "2018-Q3"),
    ("last year", None),
])
def test_previous_period(period, previous):
    assert C._previous_period(period) == previous


COMPARED_YEAR = ("In 2019 Acme's sales were $5bn, more than in 2017.", """
In     5  prep   ADP
2019   0  pobj   NUM   B-DATE
Acme   4  poss   PROPN B-ORG
's     2  case   PART
sales  5  nsubj  NOUN
were   5  ROOT   AUX   O       be
$      8  nmod   SYM   B-MONEY
5      8  nummod NUM   I-MONEY
bn     5  attr   NOUN  I-MONEY
,      5  punct  PUNCT
more   5  advmod ADV
than   10 prep   ADP
in     11 prep   ADP
2017   12 pobj   NUM   B-DATE
.      5  punct  PUNCT
""")


def test_period_in_skips_the_period_of_a_comparison():
    """"than in 2017" is nearer the value than "In 2019", but it dates the comparison."""
    doc = parsed(*COMPARED_YEAR)
    assert C._period_in(doc[:], ent(doc, "$5bn"), None) == "2019"


def test_period_in_is_the_nearest_date():
    doc = parsed("In 2018 and in 2019 Acme's sales were $5bn.", """
In     8  prep   ADP
2018   0  pobj   NUM   B-DATE
and    0  cc     CCONJ
in     0  conj   ADP
2019   3  pobj   NUM   B-DATE
Acme   7  poss   PROPN B-ORG
's     5  case   PART
sales  8  nsubj  NOUN
were   8  ROOT   AUX   O       be
$      11 nmod   SYM   B-MONEY
5      11 nummod NUM   I-MONEY
bn     8  attr   NOUN  I-MONEY
.      8  punct  PUNCT
""")
    assert C._period_in(doc[:], ent(doc, "$5bn"), None) == "2019"
    assert C._period_in(doc[:], ent(doc, "2019"), None) == "2018"  # never the value's own date


def test_topic_is_the_most_named_organisation():
    doc = parsed("Acme Corp beat Beta. Acme Corp grew. Beta fell.", """
Acme  1 compound PROPN B-ORG
Corp  2 nsubj    PROPN I-ORG
beat  2 ROOT     VERB  O     beat
Beta  2 dobj     PROPN B-ORG
.     2 punct    PUNCT
Acme  6 compound PROPN B-ORG
Corp  7 nsubj    PROPN I-ORG
grew  7 ROOT     VERB  O     grow
.     7 punct    PUNCT
Beta  10 nsubj   PROPN B-ORG
fell  10 ROOT    VERB  O     fall
.     10 punct   PUNCT
""")
    assert C._topic(doc) == "Beta"  # two mentions each: the shorter name wins the tie
    assert C._topic(parsed(*REVENUE_ROSE)) == "Alibaba"
    assert C._topic(parsed(*INFLATION_ROSE)) is None  # a place is no topic


# found by these tests: a figure for last year is last year's; a growth 'from a year earlier' is the stated year's

GROWTH = ("Alibaba said revenue was $5bn in 2018, up 12% from a year earlier.", """
Alibaba 1  nsubj    PROPN B-ORG
said    1  ROOT     VERB  O  say
revenue 3  nsubj    NOUN
was     1  ccomp    AUX   O  be
$       6  nmod     SYM   B-MONEY
5       6  nummod   NUM   I-MONEY
bn      3  attr     NOUN  I-MONEY
in      3  prep     ADP
2018    7  pobj     NUM   B-DATE
,       3  punct    PUNCT
up      3  advmod   ADV
12      12 nummod   NUM   B-PERCENT
%       10 npadvmod NOUN  I-PERCENT
from    10 prep     ADP
a       15 det      DET   B-DATE
year    16 npadvmod NOUN  I-DATE
earlier 13 pcomp    ADV   I-DATE
.       1  punct    PUNCT
""")


def test_growth_from_a_year_earlier_is_growth_in_the_stated_year():
    got = {(d.attribute, d.span.text): d.period for d in C.claims_of(parsed(*GROWTH))}
    assert got[("revenue_growth", "12%")] == "2018"


LAST_YEAR = ("Acme's revenue was $5bn last year.", """
Acme    2 poss     PROPN B-ORG
's      0 case     PART
revenue 3 nsubj    NOUN
was     3 ROOT     AUX   O  be
$       6 nmod     SYM   B-MONEY
5       6 nummod   NUM   I-MONEY
bn      3 attr     NOUN  I-MONEY
last    8 amod     ADJ   B-DATE
year    3 npadvmod NOUN  I-DATE
.       3 punct    PUNCT
""")


def test_a_figure_for_last_year_is_last_years():
    [draft] = C.claims_of(parsed(*LAST_YEAR), date(2019, 6, 1))
    assert draft.period == "2018"
