"""The trainable claim component: ``claimcheck_claim_linker_v1``.

Two decisions per value mention, both learnt:

* **attribute head**: which of ``CLASSES`` the value states (``none``: it is not a
  claim), from the value's own vectors (the value, four words left of it, three
  right) and its value-side features (label, brackets, the cue words' attribute);
* **subject head**: which of the candidate names of ``claimcheck.pipeline.pairs``
  the value is about, a score per (name, value) pair, normalised over the value's
  candidates; from the pooled vectors of the name, the value and the words between
  them plus all pair features.

Per pair the model outputs the attribute probabilities and the pair's link score.
A value becomes a claim when its best attribute reaches the threshold (tuned on the
dev split), about the candidate with the highest link score. A trained filter
(``claimcheck.pipeline.claim_filter``, in ``cfg["filter"]`` when the model has one)
then takes a second look at each finished draft and drops those it judges wrong.

Training reads gold claims from ``doc.user_data["claimcheck.gold_claims"]``
(written by ``claimcheck.training.corpus``) and uses the gold entities as
candidates; at run time the candidates come from ``doc.ents``. The period of a
figure, its scope and the normalised value are derived from the text around
the chosen pair (``claimcheck.pipeline.context``), not learnt.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, Iterable, cast

import numpy
from spacy.language import Language
from spacy.ml.models.tok2vec import MaxoutWindowEncoder, build_Tok2Vec_model
from spacy.pipeline import TrainablePipe
from spacy.strings import hash_string  # type: ignore[attr-defined]  # a Cython function the stubs do not list
from spacy.tokens import Doc
from spacy.training import Example, validate_examples
from spacy.util import registry
from thinc.api import set_dropout_rate
from thinc.api import HashEmbed, Model, Optimizer, chain, concatenate, list2ragged, ragged2list, with_array
from thinc.layers import Linear, Maxout, Softmax
from thinc.types import Floats2d, Ints1d

from claimcheck.pipeline.pairs import (
    CLASSES,
    N_FEATURES,
    VALUE_FEATURES,
    Pair,
    candidate_pairs,
    pair_features,
    sentence_ids,
)
from claimcheck.pipeline.spans import words_of

GOLD_KEY = "claimcheck.gold_claims"
LEFT, RIGHT, BETWEEN = 4, 3, 12
N_POOLS = 5


# --- model -------------------------------------------------------------------------------------------

DIGIT = re.compile(r"[0-9]")
BLIND_ATTRS = ("NORM", "PREFIX", "SUFFIX", "SHAPE")


def digit_blind(text: str) -> str:
    """Every digit as ``#``: "$4.36bn" and "$3.46bn" read alike, "4.36" and "436" (or "1987") do not."""
    return DIGIT.sub("#", text)


@lru_cache(maxsize=1 << 16)
def _blind_ids(norm: str, prefix: str, suffix: str) -> tuple[int, int, int]:
    return hash_string(digit_blind(norm)), hash_string(digit_blind(prefix)), hash_string(digit_blind(suffix))


def _digit_blind_forward(model: Model, docs, is_train: bool):
    """spaCy's feature extractor for NORM, PREFIX, SUFFIX and SHAPE, with the digits of a token's NORM, PREFIX
    and SUFFIX masked (SHAPE masks them already): the ids a hash embedding reads, one row per token."""
    features = []
    for doc in docs:
        ids = doc.to_array(list(BLIND_ATTRS))
        for i, word in enumerate(words_of(doc)[0]):  # a Token only for a word with a digit
            if DIGIT.search(word):
                t = doc[i]
                ids[i, :3] = _blind_ids(t.norm_, t.prefix_, t.suffix_)
        features.append(model.ops.asarray2i(ids, dtype="uint64"))
    return features, lambda d_features: []


@registry.architectures("claimcheck.DigitBlindHashEmbedCNN.v1")
def build_digit_blind_tok2vec(width: int, depth: int, embed_size: int, window_size: int,
                              maxout_pieces: int) -> Model:
    """``spacy.HashEmbedCNN.v2`` with subword features and no static vectors, reading digit-blind features
    (``digit_blind``): the linker's vectors of a figure, and of the words whose window reaches it, do not
    depend on which digits it has, only on their number and the figure's form, so the same sentence with
    other digits gets the same claim. The committed ``fast`` model's linker since 2026-12-04
    (benchmarks/README.md, "Digit stability of the claim linker")."""
    rows = [embed_size] + [embed_size // 2] * (len(BLIND_ATTRS) - 1)
    embeddings: list[Model] = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(rows)]
    embed: Model = chain(Model("digit_blind_features", _digit_blind_forward), list2ragged(),
                  with_array(concatenate(*embeddings)),
                  with_array(Maxout(width, width * len(rows), nP=3, dropout=0.0, normalize=True)), ragged2list())
    return build_Tok2Vec_model(embed=embed, encode=MaxoutWindowEncoder(width=width, depth=depth,
                                                                       window_size=window_size,
                                                                       maxout_pieces=maxout_pieces))


@registry.architectures("claimcheck.ClaimPairClassifier.v1")
def build_pair_classifier(tok2vec: Model, hidden_width: int = 128, dropout: float = 0.2) -> Model:
    features: Model = Model("claim_pair_features", _features_forward, layers=[tok2vec],
                            refs={"tok2vec": tok2vec}, init=_features_init)
    width = tok2vec.get_dim("nO") if tok2vec.has_dim("nO") else None
    attribute: Model = chain(Model("value_columns", _value_columns_forward, attrs={"width": width}),
                             Maxout(nO=hidden_width, dropout=dropout, normalize=True), Softmax(nO=len(CLASSES)))
    link: Model = chain(Maxout(nO=hidden_width, dropout=dropout, normalize=True), Linear(nO=1))
    return chain(features, concatenate(attribute, link))


def value_columns(width: int) -> numpy.ndarray:
    """Columns of a pair row that describe the value alone: its three pooled vectors and value-side features."""
    pooled = numpy.arange(width, 4 * width)  # value, left window, right window (the name's vector comes first)
    return numpy.concatenate([pooled, N_POOLS * width + numpy.asarray(VALUE_FEATURES)])


def _value_columns_forward(model: Model, X, is_train: bool):
    width = model.attrs["width"] or (X.shape[1] - N_FEATURES) // N_POOLS
    cols = cast(Ints1d, value_columns(width))  # thinc's array types are nominal; a numpy array never is one
    n_in = X.shape[1]

    def backprop(dY):
        dX = model.ops.alloc2f(dY.shape[0], n_in)
        dX[:, cols] = dY
        return dX

    return X[:, cols], backprop


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
    X = ops.asarray2f(cast(Floats2d, numpy.vstack(rows)))

    def backprop(d_rows: Floats2d):
        dX = ops.to_numpy(d_rows)
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
        bp_tokvecs([ops.asarray2f(cast(Floats2d, g)) for g in grads])
        return []

    return X, backprop


# --- component -----------------------------------------------------------------------------------------

class ClaimLinker(TrainablePipe):
    def __init__(self, vocab, model: Model, name: str = "claim_linker", *, threshold: float = 0.5) -> None:
        self.vocab = vocab
        self.model = model
        self.name = name
        self.cfg: dict[str, Any] = {"threshold": threshold}  # + "filter" (pipeline.claim_filter) when fitted

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
            return inputs, numpy.zeros((0, len(CLASSES) + 1), dtype="float32")
        return inputs, self.model.ops.to_numpy(self.model.predict(inputs))

    def set_annotations(self, docs: Iterable[Doc], predictions) -> None:
        from claimcheck.pipeline.claim_filter import keep
        from claimcheck.pipeline.context import drafts_from_links

        inputs, scores = predictions
        offset = 0
        for doc, (pairs, _f) in inputs:
            rows = scores[offset:offset + len(pairs)]
            offset += len(pairs)
            if self.cfg.get("stash"):  # a claim encoder follows and mixes these scores with its own
                from claimcheck.pipeline.claim_encoder import LINK_SCORES_KEY

                doc.user_data[LINK_SCORES_KEY] = (pairs, rows)
            doc._.claims = keep(drafts_from_links(doc, choose_links(pairs, rows, self.cfg["threshold"])),
                                self.cfg.get("filter"))

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

    def _targets(self, inputs, golds):
        """Per pair row: the value's gold attribute (0: none), whether it is the gold subject, the value's group."""
        attrs, links, groups = [], [], []
        group = -1
        for (_doc, (pairs, _f)), gold in zip(inputs, golds):
            by_value = {}
            for (value, _subject), label in gold.items():
                by_value[value] = label
            last = None
            for p in pairs:
                if p.value != last:
                    group += 1
                    last = p.value
                attrs.append(by_value.get(p.value, 0))
                links.append(1 if (p.value, p.subject) in gold else 0)
                groups.append(group)
        return (numpy.asarray(attrs, dtype="int32"), numpy.asarray(links, dtype="float32"),
                numpy.asarray(groups, dtype="int32"))

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
        """Attribute: cross-entropy once per value. Subject: cross-entropy of the softmax of link scores over
        a value's candidates, for values whose gold subject is among them."""
        scores, (attrs, links, groups) = scores_and_targets
        scores = self.model.ops.to_numpy(scores)
        n = len(attrs)
        d = numpy.zeros_like(scores)
        first = numpy.ones(n, dtype=bool)
        first[1:] = groups[1:] != groups[:-1]
        n_values = int(first.sum())
        probs = scores[:, :len(CLASSES)]
        truth = numpy.zeros_like(probs)
        truth[numpy.arange(n), attrs] = 1.0
        d[first, :len(CLASSES)] = (probs[first] - truth[first]) / max(n_values, 1)
        loss = float(-numpy.log(numpy.clip(probs[first, attrs[first]], 1e-8, 1.0)).sum() / max(n_values, 1))
        link_scores = scores[:, len(CLASSES)]
        linked = 0
        for g in numpy.unique(groups[links > 0]):
            rows = numpy.where(groups == g)[0]
            z = link_scores[rows] - link_scores[rows].max()
            p = numpy.exp(z) / numpy.exp(z).sum()
            gold = links[rows]
            d[rows, len(CLASSES)] = p - gold / gold.sum()
            loss -= float(numpy.log(max(float((p * gold).sum()), 1e-8)))
            linked += 1
        if linked:
            d[:, len(CLASSES)] /= linked
        return loss, self.model.ops.asarray2f(d)

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


def choose_links(pairs: list[Pair], scores: numpy.ndarray, threshold: float = 0.5) -> list[tuple]:
    """One claim per value at most: its most likely attribute, when that reaches ``threshold`` (tuned on the dev
    split after training), about the candidate name with the highest link score. The confidence is the
    attribute's probability times the chosen name's share of the link softmax; the attribute's probability
    comes last: ``(pair, attribute, confidence, attribute probability)``."""
    groups: dict[tuple[int, int], list[int]] = {}
    for i, pair in enumerate(pairs):
        groups.setdefault(pair.value, []).append(i)
    out = []
    for value in sorted(groups):
        rows = groups[value]
        attr_probs = scores[rows[0], :len(CLASSES)]
        k = int(numpy.argmax(attr_probs[1:])) + 1
        if float(attr_probs[k]) < threshold:
            continue
        link = scores[rows, len(CLASSES)]
        z = numpy.exp(link - link.max())
        best = int(numpy.argmax(link))
        out.append((pairs[rows[best]], CLASSES[k], float(attr_probs[k]) * float(z[best] / z.sum()),
                    float(attr_probs[k])))
    return out


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
