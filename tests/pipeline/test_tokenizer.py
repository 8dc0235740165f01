"""The financial tokenizer rules on real phrasings, and the guard against pathological tokens."""

from __future__ import annotations

import pytest
import spacy

from claimcheck.pipeline.tokenizer import adjust_tokenizer


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("en")
    adjust_tokenizer(nlp)
    return nlp


@pytest.mark.parametrize(("text", "tokens"), [
    ("Alibaba raised HK$88 billion", ["Alibaba", "raised", "HK$", "88", "billion"]),
    ("revenue of US$7.5bn last year", ["revenue", "of", "US$", "7.5", "bn", "last", "year"]),
    ("a loss of $500m.", ["a", "loss", "of", "$", "500", "m", "."]),
    ("sales of 54.5bn yuan", ["sales", "of", "54.5", "bn", "yuan"]),
    ("(about $5bn)", ["(", "about", "$", "5", "bn", ")"]),
])
def test_currency_prefixes_and_scales_are_split(nlp, text, tokens):
    assert [t.text for t in nlp(text)] == tokens


def test_pathological_brackets_are_split_as_usual(nlp):
    """spaCy strips affixes one at a time and searched the whole rest for each suffix: 5,000 brackets round a
    figure took 18 s (tests/robustness, pathological_numbers). The tail-only search splits them the same."""
    blob = "(" * 5_000 + "$5bn" + ")" * 5_000
    tokens = [t.text for t in nlp(f"revenue of {blob} and margins of {'9' * 5_000}%.")]
    assert tokens == ["revenue", "of"] + ["("] * 5_000 + ["$", "5", "bn"] + [")"] * 5_000 + \
        ["and", "margins", "of", "9" * 5_000, "%", "."]


def test_suffix_search_matches_the_full_search_on_the_corpus(nlp):
    """Every token boundary of the annotated corpus is the same with spaCy's own whole-string search."""
    from claimcheck.paths import corpus_dir

    full = spacy.blank("en")
    adjust_tokenizer(full)
    full.tokenizer.suffix_search = nlp.tokenizer.suffix_search.__self__.search
    texts = [p.read_text(encoding="utf-8") for p in sorted((corpus_dir() / "articles").glob("*.md"))]
    assert len(texts) >= 150
    for text in texts:
        assert [t.idx for t in nlp(text)] == [t.idx for t in full(text)]


def test_the_tokenizer_survives_saving(nlp, tmp_path):
    nlp.tokenizer.to_disk(tmp_path / "tokenizer")
    again = spacy.blank("en")
    again.tokenizer.from_disk(tmp_path / "tokenizer")
    assert [t.text for t in again("US$7.5bn.")] == ["US$", "7.5", "bn", "."]
