"""Scores computed by hand on small gold sets."""

from __future__ import annotations

import pytest

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


def test_bootstrap_interval_brackets_the_point_and_narrows_with_more_articles():
    from claimcheck.training.scoring import bootstrap_f1

    few = [(3, 1, 1), (0, 2, 2), (4, 0, 1)]
    b = bootstrap_f1(few, samples=500, seed=1)
    assert b["f"] == round(2 * 7 / (2 * 7 + 3 + 4), 4)
    assert b["low"] <= b["f"] <= b["high"]
    many = bootstrap_f1(few * 40, samples=500, seed=1)
    assert many["f"] == b["f"]
    assert many["high"] - many["low"] < (b["high"] - b["low"]) / 2
    assert bootstrap_f1([(2, 0, 0)] * 5)["low"] == 1.0  # no variation, no width
    assert bootstrap_f1([])["articles"] == 0


def test_subject_and_attribute_accuracy_given_a_found_value():
    from claimcheck.training.scoring import given_value

    gold = [("acme", "revenue", (5, "USD")), ("acme", "profit", (1, "USD")), ("beta", "stake", (9, "percent"))]
    pred = [("acme", "revenue", (5, "USD"), None),      # right
            ("source", "profit", (1, "USD"), None),     # value found, wrong subject
            ("beta", "count", (7, "count"), None)]      # the 9% never found
    got = given_value([(gold, pred)])
    assert got == {"gold": 3, "value_found": 2, "subject_accuracy": 0.5, "attribute_accuracy": 1.0}


@pytest.mark.slow  # two pipelines over real-dev
def test_evaluate_real_dev_per_source_with_intervals_and_side_by_side(nlp, shared_data):
    from claimcheck.training.corpus import load_real
    from claimcheck.training.evaluate import evaluate, render_comparison, render_table

    result = evaluate("default", sets=("real-dev",), shared=shared_data.parent, nlp=nlp)
    s = result["sets"]["real-dev"]
    tasks = load_real(shared_data.parent, split="dev")
    assert s["articles"] == len(tasks) and all(t["meta"]["split"] == "dev" for t in tasks)
    assert set(s["per_source"]) == {t["meta"]["source"] for t in tasks}
    assert sum(x["articles"] for x in s["per_source"].values()) == len(tasks)
    ci = s["intervals"]["claims"]
    assert ci["f"] == s["claims"]["all"]["f"] and ci["low"] < ci["f"] < ci["high"]
    assert s["given_value"]["gold"] == sum(len(t["relations"]) for t in tasks)
    table = render_table(result)
    assert "claim F1" in table and "[95%" in table
    twin = dict(result, model="twin")
    side = render_comparison([result, twin])
    assert "twin" in side and side.count(f"{ci['f']:.3f} [{ci['low']:.3f}") == 2


def test_first_best_takes_the_first_of_tied_values_and_its_score():
    from claimcheck.training.scoring import first_best

    f = {0.1: 0.5, 0.2: 0.7, 0.3: 0.7, 0.4: 0.6}
    assert first_best([0.1, 0.2, 0.3, 0.4], lambda t: {"f": f[t], "t": t}) == (0.2, {"f": 0.7, "t": 0.2})
    with pytest.raises(ValueError):
        first_best([], lambda t: {"f": 0.0})


def test_best_threshold_counts_a_results_table_claim_at_every_threshold():
    from claimcheck.training.train import best_threshold

    gold = [("arden", "revenue", (5, "USD")), ("arden", "profit", (2, "USD"))]
    # (subject, attribute, value, attribute probability): the table's claim has none; a wrong claim at 0.3
    pred = [("arden", "revenue", (5, "USD"), None), ("arden", "profit", (2, "USD"), 0.6),
            ("arden", "loss", (9, "USD"), 0.3)]
    threshold, scores = best_threshold([(gold, pred)])
    assert threshold == 0.35 and (scores["tp"], scores["fp"], scores["fn"]) == (2, 0, 0)
