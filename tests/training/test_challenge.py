"""The challenge set (corpus/challenge/, ``claimcheck.training.challenge``): its files parse, a markup error names
the file and line, and the per-construction scores are the known numbers on hand-made results."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.training import challenge
from claimcheck.training import evaluate as E
from claimcheck.training.markup import MarkupError

ROOT = Path(__file__).resolve().parents[2]


def test_every_construction_has_its_file_with_at_least_20_annotated_items():
    sets = challenge.load(corpus=ROOT / "corpus")
    assert set(sets) == set(challenge.CONSTRUCTIONS)
    for name, tasks in sets.items():
        assert len(tasks) >= 20, name
        assert sum(len(t["relations"]) for t in tasks) >= 18, name
        for t in tasks:
            assert t["meta"]["source"] == name and t["spans"], t["meta"]["id"]


def test_the_dev_set_covers_the_same_constructions_with_other_sentences():
    dev = challenge.load(dev=True, corpus=ROOT / "corpus")
    test = challenge.load(corpus=ROOT / "corpus")
    assert set(dev) == set(test)
    test_texts = {t["text"] for tasks in test.values() for t in tasks}
    for name, tasks in dev.items():
        assert len(tasks) >= 5, name
        assert not {t["text"] for t in tasks} & test_texts, name


def test_moments_are_annotated_in_the_as_of_construction():
    tasks = challenge.load(corpus=ROOT / "corpus")["as_of_moments"]
    moments = {r["as_of"] for t in tasks for r in t["relations"] if r.get("as_of")}
    assert {"open", "close", "intraday", "estimate", "final", "over_allotment", "ipo_price"} <= moments


def test_items_are_paragraphs_and_hash_lines_are_comments():
    items = challenge.items_of("# title\n\nfirst line\nsecond line\n\n\n# note\nthird\n")
    assert items == [(3, "first line\nsecond line"), (8, "third")]


def test_a_markup_error_names_the_file_and_the_line(tmp_path):
    path = tmp_path / "gapping.md"
    path.write_text("# comment\n\n[Lumen]{ORG} is valued at [$9bn]{MONEY valuation @Lumen}.\n\n"
                    "[Corvex]{ORG} earned\n[$3m]{MONEY profitt @Corvex}.\n")
    with pytest.raises(MarkupError, match=r"gapping\.md: line 6: unknown attribute 'profitt'"):
        challenge.load_file(path)
    path.write_text("[Lumen Inc]{ORG}.\n")
    with pytest.raises(MarkupError, match=r"line 1: span 'Lumen Inc'"):
        challenge.load_file(path)


def test_an_item_without_claims_loads(tmp_path):
    path = tmp_path / "x.md"
    path.write_text("[Halden]{ORG} offered [$54.20]{MONEY no=per_share} a share.\n")
    (task,) = challenge.load_file(path)
    assert task["relations"] == [] and task["spans"][1]["why"] == "per_share"


def test_scores_per_construction_are_the_known_numbers(tmp_path, monkeypatch):
    (tmp_path / "challenge").mkdir()
    (tmp_path / "challenge" / "alpha.md").write_text(
        "[Lumen]{ORG} is worth [$9bn]{MONEY valuation @Lumen; as_of=open}.\n\n"
        "[Corvex]{ORG} earned [$3m]{MONEY profit @Corvex}.\n")
    (tmp_path / "challenge" / "beta.md").write_text("[Mirel]{ORG} lost [$2m]{MONEY loss @Mirel}.\n")
    sets = challenge.load(corpus=tmp_path)
    assert list(sets) == ["alpha", "beta"]
    gold = {"alpha:1": [("lumen", "valuation", (9_000_000_000, "USD"))],
            "alpha:3": [("corvex", "profit", (3_000_000, "USD"))],
            "beta:1": [("mirel", "loss", (2_000_000, "USD"))]}
    # alpha: the valuation found at the open, the profit given to a source and an extra claim made; beta: missed
    pred = {"alpha:1": [("lumen", "valuation", (9_000_000_000, "USD"), 0.9, "open")],
            "alpha:3": [("ledger news", "profit", (3_000_000, "USD"), 0.9, None),
                        ("corvex", "revenue", (3_000_000, "USD"), 0.9, None)],
            "beta:1": []}

    def fake_run(tasks, nlp):
        ids = [t["meta"]["id"] for t in tasks]
        return [None] * len(tasks), [(gold[i], pred[i]) for i in ids]

    monkeypatch.setattr(E, "run_tasks", fake_run)
    result = challenge.score(sets, nlp=None, samples=200)
    alpha, beta = result["constructions"]["alpha"], result["constructions"]["beta"]
    assert (alpha["claims"]["tp"], alpha["claims"]["fp"], alpha["claims"]["fn"]) == (1, 2, 1)
    assert alpha["claims"]["p"] == pytest.approx(1 / 3, abs=1e-4) and alpha["claims"]["r"] == 0.5
    assert alpha["claims"]["f"] == 0.4
    assert alpha["precision_interval"]["n"] == 3 and alpha["recall_interval"]["n"] == 2
    assert 0 < alpha["precision_interval"]["low"] < 1 / 3 < alpha["precision_interval"]["high"] < 1
    assert alpha["as_of"]["accuracy"] == 1.0 and alpha["as_of"]["moment_recall"] == 1.0
    assert alpha["given_value"]["subject_accuracy"] == 0.5
    assert beta["claims"]["f"] == 0.0 and beta["gold"] == 1
    assert result["all"]["claims"]["tp"] == 1 and result["all"]["gold"] == 3
    assert result["below_target"] == ["alpha", "beta"]
    text = "\n".join(challenge.render("challenge", result))
    assert "alpha" in text and "0.400" in text and "below target: alpha, beta" in text


def test_challenge_sets_are_known_to_evaluate():
    assert {"challenge", "challenge-dev"} <= set(E.SETS)


@pytest.mark.slow
def test_the_rules_pipeline_scores_the_dev_set_per_construction():
    result = E.evaluate("rules", sets=("challenge-dev",))
    s = result["sets"]["challenge-dev"]
    assert set(s["constructions"]) == set(challenge.CONSTRUCTIONS)
    assert s["all"]["gold"] == sum(x["gold"] for x in s["constructions"].values())
    assert s["all"]["claims"]["tp"] > 0
    assert "[challenge-dev]" in E.render_table(result)
