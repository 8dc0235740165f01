"""Docs for the rule modules' unit tests: the project's tokenizer alone, with the entities (and sentence starts and
user data) a test states by hand, so each test says exactly what analysis a rule sees."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimcheck.pipeline.tokenizer import adjust_tokenizer


def tokenizer_only() -> Language:
    """``spacy.blank("en")`` with the project's tokenizer adjustments; no model is needed by these tests."""
    nlp = spacy.blank("en")
    adjust_tokenizer(nlp)
    return nlp


def make(nlp: Language, text: str, ents=(), *, sentences: bool = False, **user_data) -> Doc:
    """``text`` with ``ents`` ((text, label), in order of appearance) as its entities; ``sentences``: one sentence
    per full stop set as sentence starts (as a sentence recogniser would), else no sentence annotation;
    ``user_data``: the per-document keys the components read (published date, day order ...)."""
    doc = nlp(text)
    spans, offset = [], 0
    for words, label in ents:
        start = text.index(words, offset)
        offset = start + len(words)
        span = doc.char_span(start, offset, label=label)
        assert span is not None, f"{words!r} is not a run of whole tokens"
        spans.append(span)
    doc.ents = spans
    if sentences:
        for token in doc:
            token.is_sent_start = token.i == 0 or doc[token.i - 1].text == "."
    doc.user_data.update(user_data)
    return doc
