"""The real-article corpus (corpus/real/): its size, sources, frozen splits, the agreement study, and that
every stored text hash still matches the shared data it was annotated on."""

from __future__ import annotations

import hashlib
import json
from collections import Counter

import pytest
from conftest import ROOT

from claimcheck.training.corpus import read_jsonl, real_key, real_split_of, record_text, shared_records

REAL = ROOT / "corpus" / "real"
ROWS = list(read_jsonl(REAL / "annotations.jsonl"))
SPLITS = json.loads((REAL / "splits.json").read_text())


def test_counts_sources_and_splits():
    by_source = Counter(r["meta"]["source"] for r in ROWS)
    assert len(ROWS) >= 1000
    assert by_source["bbc_business"] >= 500 and by_source["meantime"] == 120
    assert by_source["reuters21578"] >= 300 and by_source["ecbplus"] >= 100
    assert sum(len(r["relations"]) for r in ROWS) >= 2000
    keys = {real_key(r["meta"]["source"], r["meta"]["id"]) for r in ROWS}
    assert len(keys) == len(ROWS) and set(SPLITS) == keys  # every article has one recorded split
    parts = Counter(SPLITS.values())
    assert parts["test"] >= 200 and parts["dev"] >= 100 and parts["train"] >= 300
    for source in by_source:  # stratified: every source is in every split
        assert {SPLITS[k] for k in keys if k.startswith(source + ":")} == {"train", "dev", "test"}


def test_recorded_splits_never_move_and_new_ones_follow_the_hash_rule():
    early = ["bbc_business:bbc_business_001", "bbc_business:bbc_business_188", "meantime:corpus_stock/115711"]
    # the 30 articles of the first real set (they guided earlier decisions) are dev, never test
    assert all(SPLITS[k] == "dev" for k in early)
    others = [k for k in SPLITS if k not in early]
    moved = [k for k in others if SPLITS[k] != real_split_of(k, {})]
    assert len(moved) <= 30  # only the first real set was placed by hand
    assert real_split_of("bbc_business:new", {"bbc_business:new": "test"}) == "test"


def test_every_text_hash_matches_the_shared_data(shared_data):
    for source in {r["meta"]["source"] for r in ROWS}:
        records = shared_records(source, shared_data.parent)
        for row in (r for r in ROWS if r["meta"]["source"] == source):
            text = record_text(source, records[row["meta"]["id"]])
            assert hashlib.sha1(text.encode()).hexdigest() == row["text_sha1"], row["meta"]
            assert all(0 <= s["start"] < s["end"] <= len(text) for s in row["spans"])


def test_every_figure_of_the_new_articles_is_decided():
    """A MONEY/PERCENT/CARDINAL/QUANTITY span is a claim's value or says why not; only the first 30 articles
    (annotated before the reasons existed, all in dev) may have figures without either."""
    undecided = []
    for row in ROWS:
        values = {r["child"] for r in row["relations"]}
        if any(s["label"] in ("MONEY", "PERCENT", "CARDINAL", "QUANTITY") and i not in values and "why" not in s
               for i, s in enumerate(row["spans"])):
            undecided.append(real_key(row["meta"]["source"], row["meta"]["id"]))
    assert len(undecided) <= 30 and all(SPLITS[k] == "dev" for k in undecided)


def test_agreement_study_reproduces_the_readme_figures(shared_data):
    from claimcheck.training.agreement import agreement
    from claimcheck.training.corpus import shared_texts

    first = list(read_jsonl(REAL / "agreement" / "first_pass.jsonl"))
    second = list(read_jsonl(REAL / "agreement" / "second_pass.jsonl"))
    texts = {(s, i): t for s in {r["meta"]["source"] for r in first}
             for i, t in shared_texts(s, shared_data.parent).items()}
    got = agreement(first, second, texts)
    assert got["articles"] == 60 and set(got["sources"]) == {"bbc_business", "reuters21578", "meantime", "ecbplus"}
    readme = (REAL / "README.md").read_text()
    assert f"{got['claims']['f']:.3f}" in readme and f"{got['attribute_kappa']:.3f}" in readme
    assert f"{got['mentions']['f']:.3f}" in readme


def test_fresh_prose_agreement_reproduces_the_readme_figures(shared_data):
    from claimcheck.training.agreement import agreement
    from claimcheck.training.corpus import shared_texts

    first = list(read_jsonl(REAL / "agreement" / "fresh_first_pass.jsonl"))
    second = list(read_jsonl(REAL / "agreement" / "fresh_second_pass.jsonl"))
    texts = {("reuters21578", i): t for i, t in shared_texts("reuters21578", shared_data.parent).items()}
    got = agreement(first, second, texts)
    assert got["articles"] == 60 and set(got["sources"]) == {"reuters21578"}
    section = (REAL / "README.md").read_text().split("### Agreement on the fresh business prose", 1)[1]
    assert f"{got['claims']['f']:.3f}" in section and f"{got['attribute_kappa']:.3f}" in section
    assert f"{got['mentions']['f']:.3f}" in section


def test_cohen_kappa_by_hand():
    from claimcheck.training.agreement import cohen_kappa

    # 10 items: observed agreement 0.8; expected 0.5*0.6 + 0.5*0.4 = 0.5 -> kappa 0.6
    a = ["x"] * 5 + ["y"] * 5
    b = ["x", "x", "x", "x", "y", "y", "y", "y", "y", "x"]
    assert cohen_kappa(a, b) == pytest.approx(0.6)
    assert cohen_kappa([], []) is None


def test_readme_tables_are_what_the_corpus_holds():
    import importlib.util

    spec = importlib.util.spec_from_file_location("real_stats", REAL / "stats.py")
    stats = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stats)
    readme = (REAL / "README.md").read_text()
    block = readme.split(stats.BEGIN, 1)[1].split(stats.END, 1)[0]
    assert block == "\n" + stats.tables(REAL)
