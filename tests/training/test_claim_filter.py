"""The claim filter: its features, fitting, threshold, storage in the linker's cfg, and the linker applying it."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT

from claimcheck.pipeline import load_trained
from claimcheck.pipeline.claim_filter import DocView, features, keep, probability
from claimcheck.training.claim_filter import (MIN_DRAFTS, choose_attribute_thresholds, choose_threshold, claim_f1, fit,
                                             rows_of, store)
from claimcheck.training.train import fold_of

TEXT = ("Quillory Systems said on Tuesday it expects to hire 3,470 engineers next year.\n\n"
        "Quillory Systems earned 61.3 mln dlrs in the quarter, Quillory Systems said.")


@pytest.fixture(scope="module")
def model_copy(tmp_path_factory):
    out = tmp_path_factory.mktemp("fastcopy") / "fast"
    shutil.copytree(ROOT / "models" / "fast", out)
    store(out, None)  # the committed filter, if any, is not part of what these tests read
    return out


@pytest.fixture(scope="module")
def nlp(model_copy):
    return load_trained(model_copy, "fast")


def _drafts(nlp, text=TEXT):
    doc = nlp(text)
    return doc, list(doc._.claims or [])


def test_features_read_the_figure_its_sentence_and_its_subject(nlp):
    doc, drafts = _drafts(nlp)
    linked = [d for d in drafts if d.attribute_score is not None]
    assert linked, [(d.subject_text, d.attribute, d.span.text) for d in drafts]
    view = DocView(doc)
    by_text = {d.span.text: features(d, view) for d in linked}
    count = by_text["3,470"]  # the linker's reading of the planned hires
    assert count["sent0"] == 1.0 and count["cue:expects"] == 1.0 and count["said"] == 1.0
    assert count["L:hire"] == 1.0 and count["R:engineers"] == 1.0 and count["counted:engineers"] == 1.0
    assert count["in_headline"] == 1.0 and count["most_named"] == 1.0
    for d, f in ((d, by_text[d.span.text]) for d in linked):
        assert f["attr=" + d.attribute] == 1.0 and f["score"] == pytest.approx(d.attribute_score)
        assert not any(ch.isdigit() for k in f if k.startswith(("L:", "R:")) for ch in k)  # digits read as '#'


def test_features_do_not_depend_on_the_figures_digits(nlp):
    """Like the linker, the filter judges a sentence the same whatever its digits: a figure misstated by a factor
    (what the checker should find) is not dropped for its size."""
    seen = []
    for figure in ("3,470", "8,125", "1,000"):
        doc, drafts = _drafts(nlp, TEXT.replace("3,470", figure))
        view = DocView(doc)
        (count,) = [d for d in drafts if d.span.text == figure]
        seen.append(features(count, view))
    assert seen[0] == seen[1] == seen[2]


def test_keep_drops_only_the_linkers_drafts_below_the_threshold(nlp):
    _doc, drafts = _drafts(nlp)
    assert keep(drafts, None) == drafts
    drop_all = {"weights": {}, "bias": -30.0, "threshold": 0.5}
    assert all(d.attribute_score is None for d in keep(drafts, drop_all))
    keep_all = {"weights": {}, "bias": 30.0, "threshold": 0.5}
    assert keep(drafts, keep_all) == drafts
    assert keep([], drop_all) == []


def test_an_attributes_own_threshold_overrides_the_common_one(nlp):
    _doc, drafts = _drafts(nlp)
    linked = [d for d in drafts if d.attribute_score is not None]
    spared = linked[0].attribute
    half = {"weights": {}, "bias": 0.0, "threshold": 0.6}  # every draft at probability 0.5: all dropped ...
    assert all(d.attribute_score is None for d in keep(drafts, half))
    kept = keep(drafts, {**half, "thresholds": {spared: 0.4}})  # ... but those of the attribute with its own 0.4
    assert [d for d in kept if d.attribute_score is not None] == [d for d in linked if d.attribute == spared]


def test_probability_is_a_logistic_of_the_weighted_features():
    assert probability({}, {}, 0.0) == pytest.approx(0.5)
    assert probability({"a": 1.0, "b": 2.0}, {"a": 1.0, "b": -0.5}, 0.0) == pytest.approx(0.5)
    assert probability({"a": 1.0}, {"a": 2.0}, 0.0) > 0.85
    assert probability({"a": 1.0}, {"a": 1e6}, 0.0) == pytest.approx(1.0)  # no overflow


def _row(gold, pred, feats):
    return {"gold": gold, "pred": pred, "feats": feats,
            "labels": [int(p in {tuple(g) for g in gold}) for p in pred]}


def test_fit_learns_which_features_mark_wrong_drafts():
    right, wrong = ("orrin", "revenue", (5, "USD")), ("orrin", "count", (7, "count"))
    rows = [_row([right], [right, wrong], [{"good": 1.0}, {"bad": 1.0}]) for _ in range(30)]
    model = fit(rows)
    assert model["weights"]["good"] > 0 > model["weights"]["bad"]
    assert probability({"good": 1.0}, model["weights"], model["bias"]) > 0.5
    assert probability({"bad": 1.0}, model["weights"], model["bias"]) < 0.5
    threshold, scores = choose_threshold(rows, model)
    assert threshold > 0.0 and scores["f"] == pytest.approx(1.0)
    assert claim_f1(rows, None, 0.0)["f"] < 1.0
    with pytest.raises(ValueError, match="both right and wrong"):
        fit([_row([right], [right], [{"good": 1.0}])])


def test_a_filter_that_only_loses_is_switched_off():
    right, other = ("orrin", "revenue", (5, "USD")), ("dalby", "revenue", (9, "USD"))
    rows = [_row([right, other], [right, other], [{"x": 1.0}, {"y": 1.0}])]
    model = {"weights": {"y": -5.0}, "bias": 0.0}
    assert choose_threshold(rows, model)[0] == 0.0


def test_an_attribute_the_common_threshold_serves_badly_gets_its_own():
    """Deal values the filter doubts (probability 0.27) but which are right, beside counts it rightly doubts at the
    same probability: a common threshold must choose between them; the deal values get one of their own. An
    attribute with too few drafts keeps the common threshold, whatever it would gain."""
    deal = ("orrin", "deal_value", (5, "USD"))
    counts = [("orrin", "count", (n, "count")) for n in (7, 8, 9)]
    doubted = {"doubt": 1.0}  # probability 1 / (1 + e) = 0.27 under the model below
    rows = [_row([deal], [deal, *counts], [doubted] * 4) for _ in range(MIN_DRAFTS)]
    rows += [_row([("dalby", "count", (3, "count"))], [("dalby", "count", (3, "count"))], [{}])
             for _ in range(MIN_DRAFTS)]
    model = {"weights": {"doubt": -1.0}, "bias": 0.0}
    threshold, _ = choose_threshold(rows, model)
    assert threshold > 0.27  # the wrong counts outnumber the right deal values: all of them dropped
    own = choose_attribute_thresholds(rows, model, threshold)
    assert own and own["deal_value"] <= 0.27 and "count" not in own
    assert claim_f1(rows, model, threshold, own)["f"] == pytest.approx(1.0)
    assert choose_attribute_thresholds(rows[: MIN_DRAFTS - 1], model, threshold) == {}


def test_rows_of_labels_the_linkers_drafts_and_restores_the_filter(nlp):
    linker = nlp.get_pipe("claim_linker")
    marker = {"weights": {}, "bias": -30.0, "threshold": 0.5}
    linker.cfg["filter"] = marker
    try:
        task = {"text": TEXT, "spans": [], "relations": [], "meta": {"id": "t1", "published": "2026-03-03"}}
        rows = rows_of([task], nlp)
        assert linker.cfg["filter"] is marker
    finally:
        linker.cfg.pop("filter", None)
    (row,) = rows
    assert len(row["pred"]) == len(row["feats"]) == len(row["labels"]) > 0
    assert any(f is not None for f in row["feats"])  # read with the filter off: the linker's drafts are there
    assert set(row["labels"]) == {0}  # no gold claims


def test_the_filter_is_stored_in_the_linker_cfg_and_applied_after_loading(model_copy):
    before = _drafts(load_trained(model_copy, "fast"))[1]
    assert any(d.attribute_score is not None for d in before)
    store(model_copy, {"weights": {}, "bias": -30.0, "threshold": 0.5})
    try:
        filtered = load_trained(model_copy, "fast")
        assert filtered.get_pipe("claim_linker").cfg["filter"]["bias"] == -30.0
        assert all(d.attribute_score is None for d in _drafts(filtered)[1])
    finally:
        store(model_copy, None)
    assert "filter" not in load_trained(model_copy, "fast").get_pipe("claim_linker").cfg


def test_real_folds_partition_articles_by_a_fixed_key():
    rows = [{"meta": {"source": "reuters21578", "id": f"reuters-{i}"}} for i in range(60)]
    parts = [[r for r in rows if fold_of(r, 3) == k] for k in range(3)]
    assert sum(map(len, parts)) == 60 and all(parts)
    assert [fold_of(r, 3) for r in reversed(rows)] == [fold_of(r, 3) for r in rows][::-1]
