from datetime import date

import pytest

from claimcheck.crosscheck import crosscheck, overlaps, slip_kind
from claimcheck.schema import Claim, Document


def claim(doc, value, text, *, qualifier="exact", low=None, high=None, subject="SenseTime", attribute="valuation",
          unit="USD", period=None, scope=None, n=[0]):
    n[0] += 1
    return Claim(id=f"{doc}:c{n[0]}", doc=doc, subject=subject, attribute=attribute, value=value, unit=unit,
                 qualifier=qualifier, low=low, high=high, period=period, scope=scope, text=text, start=0,
                 end=len(text), confidence=0.9)


def docs(*ids, published=date(2019, 10, 8)):
    return [Document(id=i, text="x", published=published) for i in ids]


@pytest.mark.parametrize("found, expected, slip", [
    (5.7e9, 7.5e9, "a digit transposition"),
    (8.8e9, 88e9, "a dropped digit or zero"),
    (2000e6, 200e6, "an extra zero or a misplaced decimal point"),
    (4.87e6, 4.87e9, "billion/million or million/thousand mixed up"),
    (6.1e9, 7.5e9, None),
    (1.25e9, 1.52e9, "a digit transposition"),
])
def test_slip_kind(found, expected, slip):
    assert slip_kind(found, expected) == slip


def test_more_than_agrees_with_exact_and_approx_agrees_with_rounding():
    assert overlaps(claim("a", 7.5e9, "more than $7.5 billion", qualifier="at_least", low=7.5e9),
                    claim("b", 7.5e9, "$7.5 billion", low=7.45e9, high=7.55e9))
    assert overlaps(claim("a", 200e6, "about $200 million", qualifier="approx", low=195e6, high=205e6),
                    claim("b", 200e6, "$200m", low=199.5e6, high=200.5e6))
    assert not overlaps(claim("a", 5.7e9, "$5.7 billion", low=5.65e9, high=5.75e9),
                        claim("b", 7.5e9, "more than $7.5 billion", qualifier="at_least", low=7.5e9))


def test_outlier_source_is_refuted_by_the_majority():
    claims = [claim("wire", 7.5e9, "more than $7.5 billion", qualifier="at_least", low=7.5e9),
              claim("trade", 7.5e9, "$7.5bn", low=7.45e9, high=7.55e9),
              claim("blog", 5.7e9, "$5.7 billion", low=5.65e9, high=5.75e9)]
    [f] = crosscheck(docs("wire", "trade", "blog"), claims, [])
    assert (f.kind, f.verdict, f.subject, f.attribute) == ("conflict", "Refuted", "SenseTime", "valuation")
    assert f.docs[0] == "blog" and set(f.docs) == {"wire", "trade", "blog"}
    assert f.found == "$5.7 billion" and "transposition" in f.message


@pytest.mark.parametrize("a, b", [
    ({"subject": "Hikvision"}, {"subject": "Dahua"}),  # two companies
    ({"scope": "Xinjiang"}, {"scope": "overseas"}),  # two regions
    ({"period": "2018"}, {"period": "2019"}),  # two years
    ({"unit": "HKD"}, {"unit": "USD"}),  # two currencies
])
def test_figures_about_different_things_are_not_compared(a, b):
    base = dict(attribute="revenue_share", unit="percent")
    claims = [claim("x", 1, "1%", low=0.5, high=1.5, **{**base, **a}),
              claim("y", 5, "5%", low=4.5, high=5.5, **{**base, **b})]
    assert crosscheck(docs("x", "y"), claims, []) == []


def test_one_source_is_not_a_conflict():
    claims = [claim("x", 1, "1%", low=0.5, high=1.5), claim("x", 5, "5%", low=4.5, high=5.5)]
    assert crosscheck(docs("x", "y"), claims, []) == []


def test_misdated_republished_page():
    ds = docs("a", "b", "c") + [Document(id="copy", text="x", published=date(2018, 10, 8))]
    [f] = crosscheck(ds, [], [])
    assert (f.kind, f.docs, f.found, f.suggestion) == ("date", ["copy"], "2018-10-08", "2019-10-08")
    assert "1 year before" in f.message


def test_listing_dates_disagreeing_is_a_date_finding():
    kw = dict(subject="Alibaba", attribute="listing_date", unit="date")
    claims = [claim("a", "2019-11-26", "November 26", low="2019-11-26", high="2019-11-26", **kw),
              claim("b", "2019-11-26", "Nov. 26", low="2019-11-26", high="2019-11-26", **kw),
              claim("c", "2019-11-25", "November 25", low="2019-11-25", high="2019-11-25", **kw)]
    [f] = crosscheck(docs("a", "b", "c"), claims, [])
    assert (f.kind, f.docs[0], f.found) == ("date", "c", "November 25")
