"""Scores computed by hand on small gold sets."""

from __future__ import annotations

from claimcheck.training.scoring import claim_scores, match_counts, mention_scores, prf


def test_prf_by_hand():
    assert prf(3, 1, 2) == {"p": 0.75, "r": 0.6, "f": 0.6667, "tp": 3, "fp": 1, "fn": 2}
    assert prf(0, 0, 0)["f"] == 0.0


def test_claim_scores_by_hand():
    gold = [("sensetime", "valuation", (7.5e9, "USD", 7.5e9, None)),
            ("hikvision", "revenue", (2e8, "USD", 1.95e8, 2.05e8)),
            ("hikvision", "revenue_share", (1, "percent", 0.5, 1.5))]
    pred = [("sensetime", "valuation", (7.5e9, "USD", 7.5e9, None)),   # right
            ("dahua", "revenue", (2e8, "USD", 1.95e8, 2.05e8)),         # wrong subject
            ("hikvision", "revenue_share", (1, "percent", 0.5, 1.5)),  # right
            ("hikvision", "revenue_share", (1, "percent", 0.5, 1.5))]  # duplicate: counted once
    s = claim_scores([(gold, pred)])
    assert (s["all"]["tp"], s["all"]["fp"], s["all"]["fn"]) == (2, 2, 1)
    assert s["all"]["p"] == 0.5 and s["all"]["r"] == 0.6667
    assert s["per_attribute"]["revenue"] == prf(0, 1, 1)
    assert s["per_attribute"]["revenue_share"] == prf(1, 1, 0)
    assert match_counts([], [])== {}


def test_mention_scores_by_hand():
    gold = [(0, 9, "ORG"), (24, 46, "MONEY"), (52, 61, "ORG")]
    pred = [(0, 9, "ORG"), (34, 46, "MONEY"), (52, 61, "PERSON")]
    s = mention_scores([(gold, pred)])
    assert s["per_label"]["ORG"] == prf(1, 0, 1)
    assert s["per_label"]["MONEY"] == prf(0, 1, 1)  # exact spans only: "$7.5 billion" is not "more than $7.5 billion"
    assert s["per_label"]["PERSON"] == prf(0, 1, 0)
    assert s["all"] == prf(1, 2, 2)
