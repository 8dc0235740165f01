"""Digit-blind features for the claim linker: the same sentence with other digits should get the same claim.

A fact-checker compares figures, so it must extract a figure whatever its digits. The digit-blind tok2vec
(``claimcheck.DigitBlindHashEmbedCNN.v1``) masks the digits of NORM, PREFIX and SUFFIX; the quick tests check
its features and vectors. The slow one runs the committed default pipeline end to end on our own sentences:
its linker is digit-blind since the retrain of 2026-12-04 (the one before, ``spacy.HashEmbedCNN.v2``, dropped
the deal value and the store count below for some of these digits; benchmarks/README.md, "Digit stability of
the claim linker").
"""

from __future__ import annotations

import numpy
import pytest
import spacy

from claimcheck.pipeline.linker import build_digit_blind_tok2vec, digit_blind
from claimcheck.pipeline.tokenizer import adjust_tokenizer

NLP = spacy.blank("en")
adjust_tokenizer(NLP)


def vectors(texts: list[str]) -> list[numpy.ndarray]:
    docs = [NLP.make_doc(t) for t in texts]
    model = build_digit_blind_tok2vec(width=16, depth=2, embed_size=500, window_size=1, maxout_pieces=2)
    model.initialize(X=docs)
    return [model.ops.to_numpy(v) for v in model.predict(docs)]


def test_digits_are_masked_and_the_form_is_kept():
    assert digit_blind("$4.36bn") == digit_blind("$3.46bn") == "$#.##bn"
    assert digit_blind("2,300") != digit_blind("23.00")
    assert digit_blind("Q3") == "Q#" and digit_blind("profit") == "profit"


def test_other_digits_give_the_same_vectors_a_longer_figure_does_not():
    a, b, c = vectors(["Kestrel Bank agreed to buy Dunmore for $2.7bn in cash.",
                       "Kestrel Bank agreed to buy Dunmore for $7.2bn in cash.",
                       "Kestrel Bank agreed to buy Dunmore for $27.5bn in cash."])
    assert a.shape == b.shape and numpy.array_equal(a, b)
    assert a.shape == c.shape and not numpy.allclose(a, c)


def test_only_the_figure_and_its_window_change_between_lengths():
    a, c = vectors(["Marlow Retail said it would open 35 new stores in Germany next year.",
                    "Marlow Retail said it would open 135 new stores in Germany next year."])
    differs = [i for i in range(len(a)) if not numpy.allclose(a[i], c[i])]
    assert 6 in differs and 0 not in differs and len(a) - 1 not in differs  # depth 2, window 1: two tokens each side


#: own sentences; each value written with other digits (transposed, replaced) must keep its claim
SENTENCES = [
    ("Kestrel Bank agreed to buy Dunmore Insurance for $2.7bn in cash.",
     ["$2.7bn", "$7.2bn", "$8.6bn", "$4.1bn", "$5.9bn"]),
    ("Quillon Telecom said its revenue rose 7.5% in the third quarter.", ["7.5%", "5.7%", "8.7%", "3.1%", "4.9%"]),
    ("Marlow Retail said it would open 35 new stores in Germany next year.", ["35", "53", "41", "59", "87"]),
    ("Harlow Airways said it would cut 450 jobs at its Leeds base.", ["450", "540", "405", "918", "263"]),
    ("Pinecrest Motors reported a net profit of £318m for the year, up from £276m.",
     ["£318m", "£381m", "£138m", "£742m", "£509m"]),
]


@pytest.mark.slow  # loads the default pipeline
def test_default_pipeline_keeps_a_figures_claim_whatever_its_digits(nlp):
    from claimcheck.pipeline import process
    from claimcheck.resolve.entities import name_key
    from claimcheck.schema import Document

    changed = {}
    for text, values in SENTENCES:
        a = text.index(values[0])
        b = a + len(values[0])
        claims = []
        for p in process([Document(id=v, text=text[:a] + v + text[b:]) for v in values], nlp):
            at = [(name_key(d.subject_text), d.attribute) for d in p.drafts
                  if (d.span.start_char, d.span.end_char) == (a, b)]
            claims.append(at[0] if at else None)
        if claims != [claims[0]] * len(values) or claims[0] is None:
            changed[values[0]] = dict(zip(values, claims))
    assert not changed, changed
