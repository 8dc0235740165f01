"""Unit tests of the trainable claim component's own functions, ``claimcheck.pipeline.linker``: the token ranges
it pools per pair, the columns the attribute head reads, pooling and its gradient, the loss, the training targets
and the choice of one link per value.

No trained model is loaded: the token vectors come from a stub layer whose output is known (token i's vector is
``[i, 1]``), and the scores the heads would give are written by hand. The sentences are our own.
"""

from __future__ import annotations

import math

import numpy
import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import Model

from claimcheck.pipeline import linker as L
from claimcheck.pipeline.pairs import CLASSES, N_FEATURES, VALUE_FEATURES, Pair
from rule_docs import make, tokenizer_only

K = len(CLASSES)


@pytest.fixture(scope="module")
def nlp():
    """The project's tokenizer alone (this overrides the session pipeline fixture)."""
    return tokenizer_only()



# --- the ranges pooled per pair -------------------------------------------------------------------------------

@pytest.mark.parametrize(("pair", "n", "ranges"), [
    # name before the value: (name, value, 4 words left of the value, 3 right, the words between)
    (Pair((6, 8), (1, 2), "MONEY", "ORG"), 20, [(1, 2), (6, 8), (2, 6), (8, 11), (2, 6)]),
    # name after the value
    (Pair((3, 4), (9, 11), "PERCENT", "ORG"), 20, [(9, 11), (3, 4), (0, 3), (4, 7), (4, 9)]),
    # the windows stop at the document's edges
    (Pair((0, 2), (2, 3), "MONEY", "ORG"), 4, [(2, 3), (0, 2), (0, 0), (2, 4), (2, 2)]),
    # more than 12 words between: the 12 next to the value
    (Pair((30, 31), (2, 3), "MONEY", "ORG"), 40, [(2, 3), (30, 31), (26, 30), (31, 34), (18, 30)]),
    (Pair((2, 3), (30, 31), "MONEY", "ORG"), 40, [(30, 31), (2, 3), (0, 2), (3, 6), (3, 15)]),
])
def test_ranges(pair, n, ranges):
    assert L._ranges(pair, n) == ranges


def test_value_columns():
    """After the name's vector come the value's three (value, left, right); then the value-side features."""
    cols = L.value_columns(4)
    assert list(cols[:12]) == list(range(4, 16))
    assert list(cols[12:]) == [L.N_POOLS * 4 + c for c in VALUE_FEATURES]


def test_value_columns_forward_and_backprop():
    width = 2
    n_in = L.N_POOLS * width + N_FEATURES
    X = numpy.arange(3 * n_in, dtype="float32").reshape(3, n_in)
    layer = Model("value_columns", L._value_columns_forward, attrs={"width": width})
    Y, backprop = layer(X, is_train=True)
    cols = L.value_columns(width)
    assert numpy.array_equal(Y, X[:, cols])
    dX = backprop(numpy.ones_like(Y))
    assert dX.shape == X.shape
    assert dX.sum() == 3 * len(cols) and numpy.all(dX[:, cols] == 1)
    # without a known width it is read from the input's width
    layer = Model("value_columns", L._value_columns_forward, attrs={"width": None})
    assert numpy.array_equal(layer(X, is_train=False)[0], Y)


# --- pooling ----------------------------------------------------------------------------------------------

def _stub_forward(model, docs, is_train):
    vecs = [model.ops.asarray2f(numpy.array([[t.i, 1.0] for t in doc], dtype="float32")) for doc in docs]

    def backprop(d_vecs):
        model.attrs["d_vecs"] = d_vecs
        return []

    return vecs, backprop


def features_layer():
    stub = Model("stub_tok2vec", _stub_forward, dims={"nO": 2}, attrs={"d_vecs": None})
    return L.build_pair_classifier(stub, hidden_width=8).layers[0], stub


def test_features_forward_pools_the_ranges(nlp):
    doc = nlp("Acme sold 300 cars to Beta on Monday.")  # 9 tokens
    pairs = [Pair((2, 3), (0, 1), "CARDINAL", "ORG"), Pair((2, 3), (5, 6), "CARDINAL", "ORG")]
    feats = numpy.arange(2 * N_FEATURES, dtype="float32").reshape(2, N_FEATURES)
    layer, stub = features_layer()
    X, backprop = layer([(doc, (pairs, feats))], is_train=True)
    assert X.shape == (2, L.N_POOLS * 2 + N_FEATURES)
    # token i's vector is [i, 1]: a pooled range is [mean index, 1], an empty one [0, 0]
    assert X[0, :10].tolist() == [0, 1, 2, 1, 0.5, 1, 4, 1, 1, 1]  # Acme | 300 | Acme sold | cars to Beta | sold
    assert X[1, :10].tolist() == [5, 1, 2, 1, 0.5, 1, 4, 1, 3.5, 1]  # Beta | 300 | ... | cars to
    assert numpy.array_equal(X[:, 10:], feats)
    backprop(numpy.ones_like(X))
    [grads] = stub.attrs["d_vecs"]
    # each token's gradient: the sum over the ranges holding it of 1 / the range's length (both columns alike)
    expected = numpy.zeros(len(doc))
    for p in pairs:
        for start, end in L._ranges(p, len(doc)):
            expected[start:end] += 1 / max(end - start, 1)
    assert numpy.allclose(grads[:, 0], expected) and numpy.allclose(grads[:, 1], expected)


def test_features_forward_without_pairs(nlp):
    layer, _stub = features_layer()
    X, backprop = layer([(nlp("Nothing here."), ([], numpy.zeros((0, N_FEATURES), dtype="float32")))], is_train=True)
    assert X.shape == (0, L.N_POOLS * 2 + N_FEATURES)
    assert backprop(X) == []


def test_pair_classifier_outputs_attribute_probabilities_and_a_link_score(nlp):
    from claimcheck.pipeline.pairs import candidate_pairs, pair_features, sentence_ids

    doc = make(nlp, "Acme sold 300 cars to Beta.", [("Acme", "ORG"), ("300", "CARDINAL"), ("Beta", "ORG")])
    sents = sentence_ids(doc)
    pairs = candidate_pairs(doc, sents=sents)
    inputs = [(doc, (pairs, pair_features(doc, pairs, sents)))]
    tok2vec = spacy.registry.architectures.get("spacy.HashEmbedCNN.v2")(
        width=8, depth=1, embed_size=100, window_size=1, maxout_pieces=2, subword_features=False,
        pretrained_vectors=None)
    model = L.build_pair_classifier(tok2vec, hidden_width=8)
    model.initialize(X=inputs)
    scores = model.predict(inputs)
    assert scores.shape == (2, K + 1)
    assert numpy.allclose(scores[:, :K].sum(axis=1), 1.0, atol=1e-5)
    # the attribute head reads the value's columns only: both pairs of the one value get the same probabilities
    assert numpy.allclose(scores[0, :K], scores[1, :K], atol=1e-6)


# --- choosing links ---------------------------------------------------------------------------------------

def scores_for(rows: list[tuple[dict, float]]) -> numpy.ndarray:
    """Score rows from ({attribute: probability}, link score) per pair; the rest of the mass goes to 'none'."""
    out = numpy.zeros((len(rows), K + 1), dtype="float32")
    for i, (probs, link) in enumerate(rows):
        for attribute, p in probs.items():
            out[i, CLASSES.index(attribute)] = p
        out[i, 0] = 1 - sum(probs.values())
        out[i, K] = link
    return out


ARM, SOFTBANK, VALUE_A, VALUE_B = (0, 1), (5, 6), (3, 4), (8, 9)


def test_choose_links_one_claim_per_value_about_the_best_name():
    pairs = [Pair(VALUE_A, ARM, "MONEY", "ORG"), Pair(VALUE_A, SOFTBANK, "MONEY", "ORG"),
             Pair(VALUE_B, ARM, "PERCENT", "ORG"), Pair(VALUE_B, SOFTBANK, "PERCENT", "ORG")]
    scores = scores_for([({"valuation": 0.9}, 2.0), ({"valuation": 0.9}, 0.0),
                         ({"stake": 0.6, "revenue_share": 0.3}, -1.0), ({"stake": 0.6, "revenue_share": 0.3}, 1.0)])
    links = L.choose_links(pairs, scores, threshold=0.5)
    share = math.exp(2) / (math.exp(2) + 1)  # the chosen name's share of the link softmax
    assert [(p, a) for p, a, _c, _s in links] == [(pairs[0], "valuation"), (pairs[3], "stake")]
    assert [round(c, 5) for _p, _a, c, _s in links] == [round(0.9 * share, 5), round(0.6 * share, 5)]
    assert [round(s, 5) for _p, _a, _c, s in links] == [0.9, 0.6]


def test_choose_links_threshold():
    pairs = [Pair(VALUE_A, ARM, "MONEY", "ORG")]
    scores = scores_for([({"valuation": 0.45, "revenue": 0.05}, 0.0)])
    assert L.choose_links(pairs, scores, threshold=0.5) == []  # 'none' (0.5) may not win; valuation is too low
    [(pair, attribute, confidence, probability)] = L.choose_links(pairs, scores, threshold=0.4)
    assert (pair, attribute, round(confidence, 5), round(probability, 5)) == (pairs[0], "valuation", 0.45, 0.45)


def test_choose_links_values_in_text_order_and_no_pairs():
    pairs = [Pair(VALUE_B, ARM, "PERCENT", "ORG"), Pair(VALUE_A, ARM, "MONEY", "ORG")]
    scores = scores_for([({"stake": 0.8}, 0.0), ({"valuation": 0.8}, 0.0)])
    assert [a for _p, a, _c, _s in L.choose_links(pairs, scores)] == ["valuation", "stake"]
    assert L.choose_links([], numpy.zeros((0, K + 1), dtype="float32")) == []


# --- training targets and loss --------------------------------------------------------------------------------

def test_targets():
    pairs = [Pair(VALUE_A, ARM, "MONEY", "ORG"), Pair(VALUE_A, SOFTBANK, "MONEY", "ORG"),
             Pair(VALUE_B, ARM, "PERCENT", "ORG")]
    gold = {(VALUE_A, SOFTBANK): CLASSES.index("valuation")}  # the percent is no claim
    attrs, links, groups = L.ClaimLinker._targets(None, [(None, (pairs, None))], [gold])
    assert attrs.tolist() == [CLASSES.index("valuation"), CLASSES.index("valuation"), 0]
    assert links.tolist() == [0, 1, 0]
    assert groups.tolist() == [0, 0, 1]


def test_targets_number_groups_across_documents():
    doc_a = [Pair(VALUE_A, ARM, "MONEY", "ORG")]
    doc_b = [Pair(VALUE_A, ARM, "MONEY", "ORG"), Pair(VALUE_B, ARM, "MONEY", "ORG")]
    _attrs, _links, groups = L.ClaimLinker._targets(None, [(None, (doc_a, None)), (None, (doc_b, None))], [{}, {}])
    assert groups.tolist() == [0, 1, 2]


class _Ops:
    """The two ops get_loss uses, for a linker built without a model."""

    @staticmethod
    def to_numpy(x):
        return numpy.asarray(x)

    @staticmethod
    def asarray2f(x):
        return numpy.asarray(x, dtype="float32")


class _Model:
    ops = _Ops()


def linker() -> L.ClaimLinker:
    return L.ClaimLinker(None, _Model())


def test_loss_of_uniform_scores():
    """Uniform attribute probabilities cost log(K) per value; equal link scores log(candidates) per linked value."""
    attrs = numpy.array([1, 1, 0], dtype="int32")
    links = numpy.array([0, 1, 0], dtype="float32")
    groups = numpy.array([0, 0, 1], dtype="int32")
    scores = numpy.full((3, K + 1), 1 / K, dtype="float32")
    scores[:, K] = 0.0
    loss, d = linker().get_loss([], (scores, (attrs, links, groups)))
    assert math.isclose(loss, math.log(K) + math.log(2), rel_tol=1e-5)
    # attribute gradient: (probabilities - truth) / values, on the first row of each value only
    assert numpy.allclose(d[0, :K], (numpy.full(K, 1 / K) - numpy.eye(K)[1]) / 2)
    assert numpy.allclose(d[1, :K], 0) and numpy.allclose(d[2, :K], (numpy.full(K, 1 / K) - numpy.eye(K)[0]) / 2)
    # link gradient: softmax - gold, over the one linked value's candidates; none for the unlinked value
    assert numpy.allclose(d[:, K], [0.5, -0.5, 0.0])


def test_loss_of_perfect_scores_is_near_zero():
    attrs = numpy.array([3, 3], dtype="int32")
    links = numpy.array([1, 0], dtype="float32")
    groups = numpy.array([0, 0], dtype="int32")
    scores = numpy.zeros((2, K + 1), dtype="float32")
    scores[:, 3] = 1.0
    scores[:, K] = [20.0, -20.0]
    loss, d = linker().get_loss([], (scores, (attrs, links, groups)))
    assert abs(loss) < 1e-6 and numpy.allclose(d, 0, atol=1e-6)


# --- the component ------------------------------------------------------------------------------------------

def test_factory_makes_a_linker_with_its_threshold():
    nlp = spacy.blank("en")
    pipe = nlp.add_pipe("claimcheck_claim_linker_v1", config={"threshold": 0.3})
    assert isinstance(pipe, L.ClaimLinker)
    assert (pipe.cfg, pipe.name) == ({"threshold": 0.3}, "claimcheck_claim_linker_v1")
    assert Doc.has_extension("claims")


def test_predict_without_pairs_does_not_run_the_model(nlp):
    class Refuses:
        ops = _Ops()

        def predict(self, inputs):
            raise AssertionError("the model ran")

    pipe = L.ClaimLinker(nlp.vocab, Refuses())
    doc = make(nlp, "Acme grew.", [("Acme", "ORG")])  # a name but no value: no pairs
    inputs, scores = pipe.predict([doc])
    assert scores.shape == (0, K + 1) and inputs[0][0] is doc and inputs[0][1][0] == []


def test_set_annotations_turns_links_into_drafts(nlp):
    pipe = L.ClaimLinker(nlp.vocab, _Model(), threshold=0.5)
    doc = make(nlp, "Arm is valued at $54.5bn. SoftBank kept 90%.",
               [("Arm", "ORG"), ("$54.5bn", "MONEY"), ("SoftBank", "ORG"), ("90%", "PERCENT")])
    other = make(nlp, "Nothing here.", [])
    inputs = pipe._inputs([doc, other])
    pairs = inputs[0][1][0]
    by_pair = {(doc[p.value[0]:p.value[1]].text, doc[p.subject[0]:p.subject[1]].text): i for i, p in enumerate(pairs)}
    rows = [({}, 0.0)] * len(pairs)
    for (value, name), i in by_pair.items():
        if value == "$54.5bn":
            rows[i] = ({"valuation": 0.9}, 3.0 if name == "Arm" else 0.0)
        else:
            rows[i] = ({"stake": 0.2}, 0.0)  # below the threshold
    pipe.set_annotations([doc, other], (inputs, scores_for(rows)))
    assert [(d.subject_text, d.attribute, d.quantity.value, d.span.text) for d in doc._.claims] == \
        [("Arm", "valuation", 54_500_000_000, "$54.5bn")]
    assert other._.claims == []


def test_gold_inputs_align_the_gold_claims(nlp):
    pipe = L.ClaimLinker(nlp.vocab, _Model())
    text = "Arm is valued at $54.5bn, said SoftBank."
    reference = make(nlp, text, [("Arm", "ORG"), ("$54.5bn", "MONEY"), ("SoftBank", "ORG")])
    reference.user_data[L.GOLD_KEY] = [{"head": [0, 1], "child": [4, 7], "label": "valuation"}]
    predicted = nlp(text)  # no entities: the gold ones are the candidates
    [(doc, (pairs, feats))], golds = pipe._gold_inputs([Example(predicted, reference)])
    assert doc is predicted
    assert pairs == [Pair((4, 7), (0, 1), "MONEY", "ORG"), Pair((4, 7), (9, 10), "MONEY", "ORG")]
    assert feats.shape == (2, N_FEATURES)
    assert golds == [{((4, 7), (0, 1)): CLASSES.index("valuation")}]
