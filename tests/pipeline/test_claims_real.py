"""Claims from real news sentences: BBC business articles (../shared/data/bbc_business, research use only).

The sentences are referenced by article id and character offsets into the decoded text, never copied
here; the expected claims are our own annotation. Required in CI, skipped elsewhere without the data.
"""

from __future__ import annotations

import math

import pytest

from claimcheck.ingest.readers import decode
from claimcheck.jsonl import read_jsonl
from claimcheck.resolve.entities import name_key

# (article, start, end): expected claims (subject, attribute, value, unit[, period]); absent: values that must
# not become claims (a conversion in parentheses, a comparison figure without its period, a model number)
CASES = [
    (("bbc_business_088", 935, 1000), [("Travelers", "revenue", 5.2e9, "USD", "2004"),
                                       ("Travelers", "profit", 901e6, "USD")], []),
    (("bbc_business_167", 1205, 1315), [("Solidere", "profit", 12.5e6, "USD", "2004-H1")], []),
    (("bbc_business_001", 1504, 1633), [("TimeWarner", "profit", 3.36e9, "USD"), ("TimeWarner", "revenue", 42.09e9, "USD"),
                                        ("TimeWarner", "profit_growth", 27, "percent"),
                                        ("TimeWarner", "revenue_growth", 6.4, "percent")], []),
    (("bbc_business_001", 35, 170), [("TimeWarner", "profit", 1.13e9, "USD"),
                                     ("TimeWarner", "profit_growth", 76, "percent"),
                                     # the story has no date: its comparison figure is of an earlier period
                                     ("TimeWarner", "profit", 639e6, "USD", "an earlier period")], [600e6]),
    (("bbc_business_062", 643, 781), [("Multiplex", "profit", 67.7e6, "AUD", "2004")], []),
    (("bbc_business_059", 1779, 1867), [("MCI", "deal_value", 6.75e9, "USD")], []),
    (("bbc_business_188", 756, 820), [("MCI", "deal_value", 8e9, "USD")], []),
    (("bbc_business_155", 1565, 1641), [("Federated", "revenue", 15.6e9, "USD"), ("May", "revenue", 14.4e9, "USD")], []),
    (("bbc_business_047", 35, 186), [("Ryanair", "deal_value", 4e9, "USD"), ("Ryanair", "count", 70, "count"),
                                     ("Ryanair", "count", 2500, "count")], [737, 800, 2.1e9]),
    (("bbc_business_050", 1288, 1394), [("Nestle", "buyback", 1e9, "CHF")], [861e6, 451e6]),
]


@pytest.fixture(scope="module")
def rules():
    """These sentences test the rule-based linker (pipeline/claims.py), whatever the default pipeline is."""
    from claimcheck.pipeline import load_pipeline

    return load_pipeline("rules")


@pytest.fixture(scope="module")
def bbc(shared_data):
    texts = {}
    for row in read_jsonl(shared_data / "bbc_business" / "bbc_business.jsonl"):
        texts[row["id"]] = decode(row["text"].encode("utf-8"), row["id"])
    return texts


@pytest.mark.parametrize("ref, expected, absent", CASES, ids=[f"{c[0][0]}@{c[0][1]}" for c in CASES])
def test_claims_in_real_sentences(ref, expected, absent, bbc, rules):
    doc_id, start, end = ref
    doc = rules(bbc[doc_id])  # the whole article: names and "the company" are resolved from their context
    got = [(d.subject_text, d.attribute, d.quantity.value, d.quantity.unit, d.period) for d in doc._.claims
           if start <= d.span.start_char < end]
    for subject, attribute, value, unit, *period in expected:
        assert any(name_key(s) == name_key(subject) and a == attribute and math.isclose(v, value) and u == unit
                   and (not period or p == period[0]) for s, a, v, u, p in got), (subject, attribute, value, got)
    for value in absent:
        assert not any(math.isclose(v, value) for _, _, v, _, _ in got if isinstance(v, (int, float))), (value, got)


def test_document_context_sets_the_dollar_and_the_day_order(nlp):
    """A bare "$" after "A$" figures is the Australian dollar; "25/11/2019" elsewhere makes 12/10 day-first."""
    from claimcheck.pipeline import process
    from claimcheck.schema import Document

    doc = Document(id="au", text=("Qantas reported a net profit of A$458.4m for the half year, published 25/11/2019, "
                                  "on revenue of A$9.1bn. Qantas is valued at $11bn, and its shares began trading "
                                  "on 12/10/2019."))
    [p] = process([doc], nlp)
    got = {(d.attribute, d.quantity.unit, str(d.quantity.value)) for d in p.drafts}
    assert ("valuation", "AUD", "11000000000") in got
    assert ("listing_date", "date", "2019-10-12") in got
