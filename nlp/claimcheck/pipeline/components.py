"""Registered spaCy components of the claimcheck pipeline.

``claimcheck_quantities_v1`` merges number-grammar money/percent spans into
``doc.ents``; ``claimcheck_claims_v1`` links values to subjects and attributes
(rule-based first version) and stores drafts in ``doc._.claims``. The
publication date, needed for relative dates, travels in
``doc.user_data["claimcheck.published"]``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimcheck.pipeline.claims import claims_of
from claimcheck.pipeline.mentions import DAYFIRST_KEY, PUBLISHED_KEY, merge_quantity_spans
from claimcheck.pipeline.spans import words_of


def _mentions(doc: Doc) -> list:
    from claimcheck.pipeline.mentions import mentions_of

    return list(mentions_of(doc, doc.user_data.get(PUBLISHED_KEY),
                            dayfirst=bool(doc.user_data.get(DAYFIRST_KEY, False))))


def register_extensions() -> None:
    """Register the Doc extensions once (idempotent): ``doc._.claims``, the claim drafts the claim component
    sets (subject as written, attribute, quantity, span, period, scope, confidence), and ``doc._.mentions``,
    every value and name mention of the document with its normalised value (computed when read)."""
    if not Doc.has_extension("claims"):
        Doc.set_extension("claims", default=None)
    if not Doc.has_extension("mentions"):
        Doc.set_extension("mentions", getter=_mentions)


register_extensions()


class ParagraphBreaks:
    """A blank line ends a sentence: headlines and paragraphs never run into each other."""

    def __call__(self, doc: Doc) -> Doc:
        texts = words_of(doc)[0]
        for i in range(1, len(texts)):
            if "\n" not in texts[i - 1]:  # neither test below holds for a word without a line break
                continue
            prev = doc[i - 1]
            if prev.is_space and prev.text.count("\n") >= 2 or prev.whitespace_ == "" and "\n\n" in prev.text:
                doc[i].is_sent_start = True
        return doc


class QuantitySpans:
    def __call__(self, doc: Doc) -> Doc:
        merge_quantity_spans(doc)
        return doc


class RuleClaims:
    def __call__(self, doc: Doc) -> Doc:
        doc._.claims = list(claims_of(doc, doc.user_data.get(PUBLISHED_KEY),
                                      dayfirst=bool(doc.user_data.get(DAYFIRST_KEY, False))))
        return doc


@Language.factory("claimcheck_paragraphs_v1", assigns=["token.is_sent_start"], default_score_weights={})
def make_paragraphs(nlp: Language, name: str) -> ParagraphBreaks:
    return ParagraphBreaks()


@Language.factory("claimcheck_quantities_v1", requires=["doc.ents"], assigns=["doc.ents"], default_score_weights={})
def make_quantities(nlp: Language, name: str) -> QuantitySpans:
    return QuantitySpans()


@Language.factory("claimcheck_claims_v1", requires=["doc.ents", "token.dep", "doc.sents"], assigns=["doc._.claims"],
                  default_score_weights={})
def make_claims(nlp: Language, name: str) -> RuleClaims:
    return RuleClaims()


@Language.factory("claimcheck_tables_v1", requires=["doc.ents"], assigns=["doc.ents", "doc._.claims"],
                  default_score_weights={})
def make_tables(nlp: Language, name: str):
    """Newswire results tables (:mod:`claimcheck.pipeline.tables`), after the claim component."""
    from claimcheck.pipeline.tables import ResultsTables

    return ResultsTables()
