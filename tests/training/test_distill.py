"""Distillation: which shared articles may carry silver labels, how a pipeline's output becomes a training task,
the fixed shares of real-train, and a linker-only training run on silver that leaves the NER as it was."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy
import pytest

from claimcheck.errors import InputError
from claimcheck.training.corpus import pipeline_marks
from claimcheck.training.train import real_subset


def _rows(n: int) -> list[dict]:
    return [{"meta": {"source": "reuters21578", "id": f"reuters-{i}"}} for i in range(n)]


def test_real_subsets_are_nested_and_do_not_depend_on_order():
    rows = _rows(40)
    quarter, half = real_subset(rows, 0.25), real_subset(rows, 0.5)
    assert len(quarter) == 10 and len(half) == 20
    ids = lambda part: {r["meta"]["id"] for r in part}  # noqa: E731
    assert ids(quarter) < ids(half)
    assert ids(real_subset(list(reversed(rows)), 0.25)) == ids(quarter)
    assert real_subset(rows, 1.0) == rows
    for bad in (0.0, 1.5, -0.25):
        with pytest.raises(InputError, match="share of real-train"):
            real_subset(rows, bad)


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


BODY = "Halden Corp said it agreed to buy Mirel Inc for 150 mln dlrs in cash, the companies said on Monday. " * 2


def _shared(tmp_path: Path) -> tuple[Path, Path]:
    """A shared folder of six Reuters stories and six ECB+ articles, and a corpus that annotated some."""
    shared, corpus = tmp_path / "shared", tmp_path / "corpus"
    reuters = [
        {"id": "reuters-1", "title": "HALDEN TO BUY MIREL", "text": BODY, "topics": ["acq"], "date": "1987-03-02"},
        {"id": "reuters-2", "title": "Halden to buy Mirel", "text": BODY + " Corrected.", "topics": ["acq"]},
        {"id": "reuters-3", "title": "CORVEX RESULTS", "text": BODY, "topics": ["earn"]},
        {"id": "reuters-4", "title": "SHORT ITEM", "text": "Too short.", "topics": ["acq"]},
        {"id": "reuters-5", "title": "LUMEN BID", "text": BODY, "topics": ["acq"], "date": "1987-03-03"},
        {"id": "reuters-6", "title": "FIGURE STORY", "text": BODY, "topics": ["crude"]},
    ]
    ecb = [{"id": f"{t}_{k}ecb", "topic": str(t), "cluster": f"{t}ecb", "title": "Quake", "text": BODY}
           for t in (1, 2, 3) for k in (1, 2)]
    _write_jsonl(shared / "data" / "reuters21578" / "reuters21578.jsonl", reuters)
    _write_jsonl(shared / "data" / "ecbplus" / "ecbplus.jsonl", ecb)
    (corpus / "real").mkdir(parents=True)
    (corpus / "real" / "splits.json").write_text(json.dumps({
        "reuters21578:reuters-1": "test", "ecbplus:2_1ecb": "train"}))
    _write_jsonl(corpus / "real" / "reuters_figures.jsonl", [{"id": "reuters-6", "start": 0, "end": 3}])
    return shared, corpus


def test_silver_articles_leave_out_everything_annotated_and_its_kin(tmp_path):
    from claimcheck.training.distill import silver_keys

    shared, corpus = _shared(tmp_path)
    keys = silver_keys(shared, reuters=100, ecbplus=100, corpus=corpus)
    # reuters-1 annotated, reuters-2 its corrected repeat (same headline), reuters-3 an earnings table,
    # reuters-4 too short, reuters-6 a Reuters figure; ECB+ topic 2 holds an annotated article
    assert sorted(keys) == [("ecbplus", "1_1ecb"), ("ecbplus", "1_2ecb"), ("ecbplus", "3_1ecb"),
                            ("ecbplus", "3_2ecb"), ("reuters21578", "reuters-5")]
    assert len(silver_keys(shared, reuters=100, ecbplus=1, corpus=corpus)) == 2
    assert silver_keys(shared, reuters=0, ecbplus=0, corpus=corpus) == []


@dataclass
class _Mention:
    start: int
    end: int
    label: str


@dataclass
class _Span:
    start_char: int
    end_char: int


@dataclass
class _Draft:
    span: _Span
    subject_text: str
    attribute: str
    period: str | None = None
    scope: str | None = None


@dataclass
class _Processed:
    mentions: list
    drafts: list


def test_pipeline_output_becomes_spans_and_one_relation_per_value():
    text = "Lumen is valued at $9bn. Corvex said Lumen earned $2bn."
    at = text.index
    mentions = [_Mention(at("$2bn"), at("$2bn") + 4, "MONEY"), _Mention(0, 5, "ORG"),
                _Mention(at("$9bn"), at("$9bn") + 4, "MONEY"), _Mention(at("Corvex"), at("Corvex") + 6, "ORG"),
                _Mention(at("Lumen earned"), at("Lumen earned") + 5, "ORG"),
                _Mention(0, 2, "ORG")]  # overlaps the first name: dropped
    drafts = [_Draft(_Span(at("$9bn"), at("$9bn") + 4), "Lumen", "valuation"),
              _Draft(_Span(at("$2bn"), at("$2bn") + 4), "Lumen", "revenue"),
              _Draft(_Span(at("$2bn"), at("$2bn") + 4), "Corvex", "revenue"),  # a second claim on one value
              _Draft(_Span(3, 9), "Lumen", "revenue")]  # no mention there: dropped
    spans, relations = pipeline_marks(text, _Processed(mentions, drafts))
    assert [s["text"] for s in spans] == ["Lumen", "$9bn", "Corvex", "Lumen", "$2bn"]
    assert [(spans[r["head"]]["start"], spans[r["child"]]["text"], r["label"]) for r in relations] == [
        (0, "$9bn", "valuation"), (at("Lumen earned"), "$2bn", "revenue")]  # the nearest name before


@pytest.mark.slow  # a pipeline run and a training run (quick tier leaves it out)
def test_silver_tasks_train_the_linker_alone(tmp_path):
    """Label the fixture's silver articles with the rule pipeline, then train `fast` on them with the committed
    model's NER frozen: the installed model's NER weights are the base's, byte for byte, and it links claims."""
    from claimcheck.pipeline import MODEL_DIR, load_trained
    from claimcheck.training.corpus import build
    from claimcheck.training.distill import label, silver_keys
    from claimcheck.training.train import train

    shared, corpus = _shared(tmp_path)
    tasks, info = label(silver_keys(shared, reuters=10, ecbplus=10, corpus=corpus), shared, model="rules")
    assert info["articles"] == 5 and info["dropped"] == 0
    assert all(t["meta"]["silver"] == "rules" for t in tasks)
    assert info["claims"] == sum(len(t["relations"]) for t in tasks) > 0
    (corpus / "articles").mkdir()
    (corpus / "articles" / "d.md").write_text("[Megvii]{ORG} raised [$750m]{MONEY funding @Megvii}.")
    (corpus / "claims").mkdir()
    (corpus / "claims" / "splits.json").write_text(json.dumps({"d": "dev"}))
    build(corpus)
    out = tmp_path / "model"
    train("fast", out, corpus=corpus, max_steps=4, quiet=True, silver=tasks, frozen_base=MODEL_DIR / "fast")
    nlp, base = load_trained(out, "fast"), load_trained(MODEL_DIR / "fast", "fast")
    for ours, theirs in zip(nlp.get_pipe("ner").model.walk(), base.get_pipe("ner").model.walk()):
        for name in ours.param_names:
            assert numpy.array_equal(ours.get_param(name), theirs.get_param(name))
    assert json.loads((out / "meta.json").read_text())["claimcheck"]["train_articles"] == len(tasks)
    assert isinstance(nlp("Halden agreed to buy Mirel for $3.25bn.")._.claims, list)


def test_claimed_only_keeps_names_and_the_teachers_claims():
    from claimcheck.training.corpus import make_task
    from claimcheck.training.distill import claimed_only
    from claimcheck.training.markup import parse_markup

    task = make_task(parse_markup("[Lumen]{ORG} is valued at [$9bn]{MONEY valuation @Lumen}; it employs "
                                  "[2,000]{CARDINAL} people in [2024]{DATE} and [5%]{PERCENT} of them work in [Oslo]{GPE}."))
    [kept] = claimed_only([task])
    assert [s["label"] for s in kept["spans"]] == ["ORG", "MONEY", "DATE", "GPE"]  # unclaimed 2,000 and 5% go
    assert kept["relations"] == task["relations"]
    assert [s["label"] for s in task["spans"]] == ["ORG", "MONEY", "CARDINAL", "DATE", "PERCENT", "GPE"]  # a copy
