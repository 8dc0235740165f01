"""A second look at the trained linker's claims: keep or drop each, by a logistic regression over the claim.

The linker decides from a figure's own window (four words left, three right) and scores its attribute; on text
it has not seen those scores sort claims badly (`models/fast/README.md`, eighteenth session). The filter reads a
wider view of a finished draft — its attribute and the linker's scores, the sentence's place in the article, the
words around the figure (digits read as ``#``), quotes and hedges in the sentence, how often and where the subject
is named — and drops a draft whose probability of being right is below its threshold (the attribute's own, where
dev chose one: ``threshold_of``). Never the figure's value:
like the linker, the filter decides the same for a sentence whatever its digits, so a figure misstated by a
thousand times (the error a fact-checker wants found) is not dropped for looking implausible. It was fitted on drafts
of articles the linker producing them had not been trained on (cross-fitted linkers over the written train split
and real-train, ``claimcheck.training.claim_filter``); its threshold was chosen on the dev sets pooled.

Only the linker's own drafts are judged (those with an attribute probability); a claim that a rule made or a
results table gave is never dropped here. The weights live in the linker's ``cfg["filter"]``
(``{"weights": {feature: weight}, "bias": b, "threshold": t, "thresholds": {attribute: t}}``, the last optional),
saved and loaded with the model.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import TYPE_CHECKING, Iterable

from spacy.tokens import Doc, Span

from claimcheck.pipeline.pairs import sentence_ids

if TYPE_CHECKING:
    from claimcheck.pipeline.claims import ClaimDraft

_DIGIT = re.compile(r"[0-9]")
# words of a sentence that tell a figure is planned, estimated, offered or moving rather than stated as a fact
CUES = frozenset({"expect", "expected", "expects", "could", "may", "might", "would", "estimate", "estimated",
                  "analyst", "analysts", "forecast", "predicted", "plan", "plans", "planned", "propose", "proposed",
                  "seek", "seeks", "about", "if", "unless", "offer", "offered", "bid", "target", "goal", "up",
                  "down", "rose", "fell"})
LEFT, RIGHT = 5, 4  # words either side of the figure read as features
NAMES = ("ORG", "PERSON", "GPE")


class DocView:
    """What the features read once per document: sentence order, how often each name is written, the most
    named organisation and the first sentence (the headline or dateline)."""

    def __init__(self, doc: Doc) -> None:
        annotated = doc.has_annotation("SENT_START")
        sents = list(doc.sents) if annotated else [doc[:]]
        self._sents = sents
        self._ids = sentence_ids(doc) if annotated else None  # the linker's own sentence numbering
        self.names = Counter(e.text.lower() for e in doc.ents if e.label_ in NAMES)
        orgs = Counter(e.text.lower() for e in doc.ents if e.label_ == "ORG")
        self.top = orgs.most_common(1)[0][0] if orgs else None
        self.head = sents[0].text.lower() if sents else ""

    def sentence(self, span: Span) -> tuple[int, Span]:
        """The number of ``span``'s sentence in the document, and the sentence."""
        i = int(self._ids[span.start]) if self._ids is not None else 0
        return i, self._sents[i]


def features(draft: "ClaimDraft", view: DocView) -> dict[str, float]:
    """The filter's features of one linker draft (``draft.attribute_score`` is set)."""
    a = draft.attribute
    score = float(draft.attribute_score or 0.0)
    f: dict[str, float] = {"attr=" + a: 1.0, "label=" + (draft.span.label_ or "?"): 1.0, "score": score,
                           "score&" + a: score, "conf": float(draft.confidence), f"band{min(int(score * 10), 9)}": 1.0}
    index, sent = view.sentence(draft.span)
    f[f"sent{min(index, 6)}"] = 1.0
    f[f"sent{min(index, 6)}&{a}"] = 1.0
    words = {t.lower_ for t in sent}
    if '"' in sent.text or "\u201c" in sent.text:
        f["quote"] = 1.0
    if "said" in words or "says" in words:
        f["said"] = 1.0
    for w in words & CUES:
        f["cue:" + w] = 1.0
    doc, start, end = draft.span.doc, draft.span.start, draft.span.end
    for i in range(max(sent.start, start - LEFT), start):
        f["L:" + _DIGIT.sub("#", doc[i].lower_)] = 1.0
    for i in range(end, min(sent.end, end + RIGHT)):
        f["R:" + _DIGIT.sub("#", doc[i].lower_)] = 1.0
    if a == "count" and end < sent.end:
        f["counted:" + doc[end].lower_] = 1.0
    subject = draft.subject_text.lower()
    f[f"named{min(view.names.get(subject, 0), 5)}"] = 1.0
    if subject and subject == view.top:
        f["most_named"] = 1.0
    if subject and subject in view.head:
        f["in_headline"] = 1.0
    return f


def probability(feats: dict[str, float], weights: dict[str, float], bias: float) -> float:
    z = bias + sum(weights.get(k, 0.0) * x for k, x in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def threshold_of(model: dict, attribute: str) -> float:
    """The probability below which ``model`` drops a draft of ``attribute``: the attribute's own threshold where
    the model has one (``"thresholds"``), else its one ``"threshold"``."""
    return float(model.get("thresholds", {}).get(attribute, model["threshold"]))


def keep(drafts: Iterable["ClaimDraft"], model: dict | None) -> list["ClaimDraft"]:
    """``drafts`` less the linker's drafts whose probability under ``model`` (the linker's ``cfg["filter"]``)
    is below their attribute's threshold; all of them when there is no model."""
    drafts = list(drafts)
    if not model or not drafts:
        return drafts
    weights, bias = model["weights"], float(model["bias"])
    view = DocView(drafts[0].span.doc)
    return [d for d in drafts if d.attribute_score is None
            or probability(features(d, view), weights, bias) >= threshold_of(model, d.attribute)]
