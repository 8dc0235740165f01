"""The trainable claim component: ``claimcheck_claim_linker_v1``.

For every candidate (name, value) pair of ``claimcheck.pipeline.pairs`` the model
predicts one of ``CLASSES``: ``none`` or the attribute the value states about
that name. Input of the classifier, per pair: mean-pooled token vectors of the
name, the value, four words left of the value, three words right of it and the
words between the two, plus the discrete pair features. A value becomes a claim
about the pair whose best attribute beats ``none`` by the widest margin.

Training reads gold claims from ``doc.user_data["claimcheck.gold_claims"]``
(written by ``claimcheck.training.corpus``) and uses the gold entities as
candidates; at run time the candidates come from ``doc.ents``. The period of a
figure, its scope and the normalised value are derived from the text around
the chosen pair (``claimcheck.pipeline.context``), not learnt.
"""

from __future__ import annotations

from typing import Callable, Iterable

import numpy
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc
from spacy.training import Example, validate_examples
from spacy.util import registry
from thinc.api import set_dropout_rate
from thinc.api import Model, Optimizer, chain, with_array
from thinc.layers import Maxout, Softmax
from thinc.types import Floats2d

from claimcheck.pipeline.pairs import CLASSES, N_FEATURES, Pair, candidate_pairs, pair_features, sentence_ids

GOLD_KEY = "claimcheck.gold_claims"
LEFT, RIGHT, BETWEEN = 4, 3, 12
N_POOLS = 5


# --- model -------------------------------------------------------------------------------------------

@registry.architectures("claimcheck.ClaimPairClassifier.v1")
def build_pair_classifier(tok2vec: Model, hidden_width: int = 128, dropout: float = 0.2) -> Model:
    features = Model("claim_pair_features", _features_forward, layers=[tok2vec], refs={"tok2vec": tok2vec},
                     init=_features_init)
    return chain(features, Maxout(nO=hidden_width, dropout=dropout, normalize=True), Softmax(nO=len(CLASSES)))


def _features_init(model: Model, X=None, Y=None) -> None:
    model.get_ref("tok2vec").initialize(X=[d for d, _ in X] if X is not None else None)


def _ranges(pair: Pair, n: int) -> list[tuple[int, int]]:
    (vs, ve), (ss, se) = pair.value, pair.subject
    lo, hi = (se, vs) if ss < vs else (ve, ss)
    if hi - lo > BETWEEN:  # the words next to the value say most about the link
        lo, hi = (hi - BETWEEN, hi) if ss < vs else (lo, lo + BETWEEN)
    return [(ss, se), (vs, ve), (max(0, vs - LEFT), vs), (ve, min(n, ve + RIGHT)), (lo, hi)]


def _features_forward(model: Model, inputs, is_train: bool):
    """inputs: list of (doc, (pairs, discrete features)); output: one row per pair."""
    docs = [d for d, _ in inputs]
    tok2vec = model.get_ref("tok2vec")
    tokvecs, bp_tokvecs = tok2vec(docs, is_train)
    ops = model.ops
    width = tok2vec.get_dim("nO")
    rows, meta = [], []
    for k, ((doc, (pairs, feats)), vecs) in enumerate(zip(inputs, tokvecs)):
        if not pairs:
            continue
        vecs = ops.to_numpy(vecs)
        csum = numpy.vstack([numpy.zeros((1, width), dtype="float32"), numpy.cumsum(vecs, axis=0)])
        ranges = numpy.array([_ranges(p, len(doc)) for p in pairs], dtype="int32")  # (P, 5, 2)
        starts, ends = ranges[:, :, 0], ranges[:, :, 1]
        length = numpy.maximum(ends - starts, 1)[:, :, None].astype("float32")
        pooled = (csum[ends] - csum[starts]) / length  # empty ranges give zeros
        rows.append(numpy.hstack([pooled.reshape(len(pairs), -1), feats]))
        meta.append((k, starts, ends, length))
    if not rows:
        return ops.alloc2f(0, N_POOLS * width + N_FEATURES), lambda d: []
    X = ops.asarray2f(numpy.vstack(rows))

    def backprop(dX: Floats2d):
        dX = ops.to_numpy(dX)
        grads = [numpy.zeros((len(d), width), dtype="float32") for d in docs]
        offset = 0
        for k, starts, ends, length in meta:
            n_pairs = starts.shape[0]
            d_pooled = dX[offset:offset + n_pairs, :N_POOLS * width].reshape(n_pairs, N_POOLS, width) / length
            offset += n_pairs
            diff = numpy.zeros((len(docs[k]) + 1, width), dtype="float32")
            numpy.add.at(diff, starts.ravel(), d_pooled.reshape(-1, width))
            numpy.subtract.at(diff, ends.ravel(), d_pooled.reshape(-1, width))
            grads[k] = numpy.cumsum(diff, axis=0)[:-1]
        bp_tokvecs([ops.asarray2f(g) for g in grads])
        return []

    return X, backprop


# --- component -----------------------------------------------------------------------------------------

class ClaimLinker(TrainablePipe):
    def __init__(self, vocab, model: Model, name: str = "claim_linker", *, threshold: float = 0.5) -> None:
        self.vocab = vocab
        self.model = model
        self.name = name
        self.cfg = {"threshold": threshold}

    # inputs -------------------------------------------------------------------------------------------
    def _inputs(self, docs: Iterable[Doc], ents_of: Callable | None = None):
        out = []
        for doc in docs:
            sents = sentence_ids(doc)
            ents = ents_of(doc) if ents_of else None
            pairs = candidate_pairs(doc, ents, sents)
            out.append((doc, (pairs, pair_features(doc, pairs, sents))))
        return out

    # prediction ------------------------------------------------------------------------------------------
    def predict(self, docs: Iterable[Doc]):
        inputs = self._inputs(docs)
        if not any(p for _, (p, _f) in inputs):
            return inputs, numpy.zeros((0, len(CLASSES)), dtype="float32")
        return inputs, self.model.ops.to_numpy(self.model.predict(inputs))

    def set_annotations(self, docs: Iterable[Doc], predictions) -> None:
        from claimcheck.pipeline.context import drafts_from_links

        inputs, scores = predictions
        offset = 0
        for doc, (pairs, _f) in inputs:
            links = choose_links(pairs, scores[offset:offset + len(pairs)], self.cfg["threshold"])
            offset += len(pairs)
            doc._.claims = drafts_from_links(doc, links)

    # training --------------------------------------------------------------------------------------------
    def _gold_inputs(self, examples: Iterable[Example]):
        examples = list(examples)
        inputs, golds = [], []
        for eg in examples:
            ref = eg.reference
            aligned = {}
            ents = []
            for e in ref.ents:
                spans = eg.get_aligned_spans_y2x([e])
                if spans:
                    ents.append(spans[0])
                    aligned[(e.start, e.end)] = (spans[0].start, spans[0].end)
            gold = {}
            for r in ref.user_data.get(GOLD_KEY, []):
                h, c = aligned.get(tuple(r["head"])), aligned.get(tuple(r["child"]))
                if h and c:
                    gold[(c, h)] = CLASSES.index(r["label"])
            inputs.extend(self._inputs([eg.predicted], ents_of=lambda _d, ents=ents: ents))
            golds.append(gold)
        return inputs, golds

    def _targets(self, inputs, golds) -> numpy.ndarray:
        labels = []
        for (_doc, (pairs, _f)), gold in zip(inputs, golds):
            labels.extend(gold.get((p.value, p.subject), 0) for p in pairs)
        return numpy.asarray(labels, dtype="int32")

    def update(self, examples: Iterable[Example], *, drop: float = 0.0, sgd: Optimizer | None = None,
               losses: dict | None = None) -> dict:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        validate_examples(examples, "ClaimLinker.update")
        set_dropout_rate(self.model, drop)
        inputs, golds = self._gold_inputs(examples)
        if not any(p for _, (p, _f) in inputs):
            return losses
        scores, backprop = self.model.begin_update(inputs)
        loss, d_scores = self.get_loss(examples, (scores, self._targets(inputs, golds)))
        backprop(d_scores)
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def get_loss(self, examples, scores_and_targets):
        scores, targets = scores_and_targets
        truth = self.model.ops.alloc2f(*scores.shape)
        truth[numpy.arange(len(targets)), targets] = 1.0
        d_scores = (scores - truth) / max(len(targets), 1)
        loss = float(-(numpy.log(numpy.clip(self.model.ops.to_numpy(scores)[numpy.arange(len(targets)), targets],
                                            1e-8, 1.0))).mean())
        return loss, d_scores

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None) -> None:
        sample = []
        for eg in get_examples():
            sample.append(eg)
            if len(sample) >= 10:
                break
        inputs, golds = self._gold_inputs(sample)
        inputs = [i for i in inputs if i[1][0]] or inputs
        self.model.initialize(X=inputs, Y=None)

    def score(self, examples: Iterable[Example], **kwargs) -> dict:
        from claimcheck.training.scoring import claim_prf

        return claim_prf(examples)


def choose_links(pairs: list[Pair], scores: numpy.ndarray, threshold: float = 0.5) -> list[tuple[Pair, str, float]]:
    """One link per value at most: the pair and attribute of highest probability, when it reaches ``threshold``
    (tuned on the dev split after training: 'none' is most pairs' class, so a plain argmax under-links)."""
    best: dict[tuple[int, int], tuple[Pair, str, float]] = {}
    for pair, row in zip(pairs, scores):
        k = int(numpy.argmax(row[1:])) + 1
        p = float(row[k])
        if p < threshold:
            continue
        if pair.value not in best or p > best[pair.value][2]:
            best[pair.value] = (pair, CLASSES[k], p)
    return [best[v] for v in sorted(best)]


@Language.factory("claimcheck_claim_linker_v1", assigns=["doc._.claims"], requires=["doc.ents"],
                  default_config={"threshold": 0.5, "model": {
                      "@architectures": "claimcheck.ClaimPairClassifier.v1", "hidden_width": 128, "dropout": 0.2,
                      "tok2vec": {"@architectures": "spacy.HashEmbedCNN.v2", "pretrained_vectors": None,
                                  "width": 64, "depth": 2, "embed_size": 2000, "window_size": 1,
                                  "maxout_pieces": 2, "subword_features": True}}},
                  default_score_weights={"claims_f": 1.0, "claims_p": 0.0, "claims_r": 0.0})
def make_claim_linker(nlp: Language, name: str, model: Model, threshold: float) -> ClaimLinker:
    from claimcheck.pipeline.components import register_extensions

    register_extensions()
    return ClaimLinker(nlp.vocab, model, name, threshold=threshold)
