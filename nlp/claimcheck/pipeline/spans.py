"""Entities and sentences around a token, in time bounded by the neighbourhood rather than the document.

spaCy's ``doc.ents`` builds every entity of the document on each read and ``Span.sent`` walks the whole
sentence on each call; reading them once per value made the claim pass quadratic in the document (and in
one long sentence). These helpers read the IOB tags near a token and cache sentence bounds per document.
"""

from __future__ import annotations

import weakref

from spacy.tokens import Span, Token


def ent_of(token: Token) -> Span | None:
    """The entity a token is in, found from its IOB tags (``doc.ents`` rebuilds every entity on each read)."""
    if not token.ent_type_:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=token.ent_type_)


def ents_in(span: Span) -> list[Span]:
    """The entities inside ``span`` (a sentence), from the IOB tags of its own tokens only.

    ``Span.ents`` reads ``doc.ents``, which builds every entity of the document: once per sentence that
    made the claim pass quadratic in the document. (Reading the tags from ``doc.to_array`` is quadratic too:
    it copies the whole document's tags on each call; tests/robustness/test_hostile_round2.py measures it.)
    """
    out, start = [], None
    doc = span.doc
    for t in span:
        if t.ent_iob_ == "B" or (t.ent_iob_ == "I" and start is None):
            if start is not None:
                out.append(Span(doc, start, t.i, label=doc[start].ent_type_))
            start = t.i
        elif t.ent_iob_ != "I" and start is not None:
            out.append(Span(doc, start, t.i, label=doc[start].ent_type_))
            start = None
    if start is not None:
        out.append(Span(doc, start, span.end, label=doc[start].ent_type_))
    return out


_TEXTS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # doc -> its text


def text_of(doc) -> str:
    """``doc.text``, built once per document: spaCy joins every token on each read of ``Doc.text``, and the
    mention and claim rules read a few characters around each figure (a document's text does not change when
    its tokens are merged)."""
    text = _TEXTS.get(doc)
    if text is None:  # Doc.text's own join, from the token arrays instead of a Token per word
        strings = doc.vocab.strings
        rows = doc.to_array(["ORTH", "SPACY"]).tolist() if len(doc) else []
        text = _TEXTS[doc] = "".join([strings[orth] + " " if space else strings[orth] for orth, space in rows])
    return text


#: how far from a value a sentence is read (a bound that no news sentence reaches; a crafted one-sentence
#: document of thousands of figures would otherwise make every value walk the whole sentence)
SENT_REACH = 120
_SENT_BOUNDS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # doc -> (start, end) per token


def bounded_sent(span: Span | Token) -> Span:
    """The sentence of ``span`` (a Span or Token), clipped to ``SENT_REACH`` tokens either side of it.

    Sentence bounds are computed once per document (``Span.sent`` walks the sentence on every call) and kept
    for as long as the document lives.
    """
    doc = span.doc
    bounds = _SENT_BOUNDS.get(doc)
    if bounds is None or len(bounds[0]) != len(doc):
        starts, ends = [0] * len(doc), [len(doc)] * len(doc)
        if doc.has_annotation("SENT_START"):
            for sent in doc.sents:
                for i in range(sent.start, sent.end):
                    starts[i], ends[i] = sent.start, sent.end
        bounds = _SENT_BOUNDS[doc] = (starts, ends)
    starts, ends = bounds
    first, last = (span.i, span.i + 1) if isinstance(span, Token) else (span.start, span.end)
    if first >= len(starts):
        return doc[first:last]
    return doc[max(starts[first], first - SENT_REACH):min(ends[first], last + SENT_REACH)]


def span_text(span: Span) -> str:
    """``span.text`` cut from the document's text (``text_of``): ``Span.text`` joins a Token per word."""
    return text_of(span.doc)[span.start_char:span.end_char] if len(span) else ""


_WORDS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # doc -> (token texts, lower-cased forms)


def words_of(doc) -> tuple[list[str], list[str]]:
    """Every token's text and lower-cased form, read once per document from its arrays (a ``Token`` object is
    built on each ``doc[i]`` and each step of ``for t in doc``; the linker's features read the words around every
    pair). A document's words do not change when its entities or sentence starts are set; a retokenised document
    (another length) is read again."""
    got = _WORDS.get(doc)
    if got is None or len(got[0]) != len(doc):
        strings = doc.vocab.strings
        rows = doc.to_array(["ORTH", "LOWER"]).tolist() if len(doc) else []
        got = _WORDS[doc] = ([strings[o] for o, _ in rows], [strings[lw] for _, lw in rows])
    return got
