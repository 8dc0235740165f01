"""The tense of the clause a date is written in, from spaCy's parse: whether "on Friday" is the Friday before the
page's date or the one after it.

:func:`clause_tense` walks from a DATE span up to the verb that governs it and reads that verb's tags and
auxiliaries: "will list on Monday", "is expected to begin trading on Friday", "plans to list its shares on
Friday", "the results are due on Friday" and a scheduled verb in the present ("begins trading on Friday") tell
the future; "began trading on Friday", "was in custody until Friday", "has fallen since Monday" tell the past.
Where the parse says nothing it trusts (a present tense that is not a schedule, "would", no parse at all: the
default ``fast`` pipeline has no tagger or parser) it gives None, and :func:`claimcheck.normalize.dates.
normalize_date` reads the words before the date instead.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["clause_tense", "Tense"]

Tense = Literal["past", "future"]

_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_PERFECT_AUX = {"has", "have", "had", "'ve", "'d"}
#: verbs (and adjectives) whose complement is a plan: "expected to begin on Friday", "plans to list on Friday",
#: "is to report on Thursday", "is due to price on Thursday", "is set to open on Monday"
_PLAN_GOVERNORS = {"expect", "plan", "schedule", "set", "slate", "due", "aim", "intend", "poise", "go", "be",
                   "prepare", "likely", "poised", "scheduled", "expected", "slated"}
#: present-tense verbs that read as a timetable: "it begins trading on Friday", "the offer closes on Monday"
_SCHEDULED = {"begin", "start", "open", "close", "list", "debut", "launch", "end", "expire", "resume", "meet",
              "vote", "report", "release", "return", "take", "go", "run", "finish", "conclude", "price", "trade"}
_MAX_STEPS = 4
#: prepositions after which the verb's tense does not place the day: "were postponed until Thursday"
_OPEN_PREPS = {"until", "till", "til", "by", "before", "after"}


def _governor(span):
    """The verb (or copula) the date hangs from: 'Friday' <- 'on' <- 'begins'."""
    tok = span.root
    for _ in range(_MAX_STEPS):
        if tok.head is tok or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            return tok
    return None


def _verb_tense(v) -> Tense | None:
    aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.text.lower() for a in aux}
    if words & _FUTURE_AUX:
        return "future"
    if "to" in words and words & _PERFECT_AUX:
        return "past"  # "the offer was to have expired Wednesday"
    if any(a.text.lower() == "to" for a in aux) and v.dep_ in ("xcomp", "ccomp", "advcl", "acl"):
        g = v.head
        if any(c.dep_ == "aux" and c.text.lower() in ("had", "'d") for c in g.children):
            return "past"  # "traders had expected the market to level out on Monday"
        if g.lemma_.lower() in _PLAN_GOVERNORS or g.text.lower() in _PLAN_GOVERNORS:
            return "future"  # "expected to begin on Friday", "plans to list on Friday", "is to report on Thursday"
        return _verb_tense(g) if g.i != v.i and g.tag_ != "VB" else None
    if any(c.dep_ == "acomp" and c.text.lower() in _PLAN_GOVERNORS for c in v.children):
        return "future"  # "the results are due on Friday", "the shares were due to price on Thursday"
    if v.lemma_.lower() in ("expect", "schedule", "slate", "plan") and v.tag_ == "VBN" and aux:
        return "future"  # "the ruling is expected on Friday"
    if words & _PERFECT_AUX:
        return "past"  # "has fallen since Monday"
    if v.text.lower() == "would" or words & {"would", "could", "might", "may", "can", "should", "must"}:
        return None
    if v.tag_ == "VBD":
        return "past"
    if v.tag_ == "VBN":
        if any(a.tag_ == "VBD" for a in aux) or v.dep_ in ("acl", "relcl") and not aux:
            return "past"  # "was announced on Tuesday", "the deal, announced on Tuesday, ..."
        return None
    if v.tag_ == "VBG":
        be = [a for a in aux if a.lemma_ == "be"]
        if any(a.tag_ == "VBD" for a in be):
            return "past"  # "was trading on Friday"
        if any(a.tag_ in ("VBZ", "VBP") for a in be):
            return "future"  # "is listing on Friday"
        return None
    if v.tag_ in ("VBZ", "VBP") and v.lemma_.lower() in _SCHEDULED:
        return "future"  # "it begins trading on Friday"
    return None


def clause_tense(span) -> Tense | None:
    """"past", "future" or None for a DATE span of a parsed spaCy Doc (None without a tagger and parser)."""
    try:
        doc = span.doc
        if not (doc.has_annotation("DEP") and doc.has_annotation("TAG")):
            return None
        v = _governor(span)
        if v is None:
            return None
        before = list(doc[max(span.start - 2, 0):span.start])
        if any(t.text.lower() in _OPEN_PREPS for t in before):
            return None  # "postponed until Thursday": a past verb, a day to come; the words decide
        if any(t.text.lower() == "since" for t in before) or any(t.tag_ == "VBD" for t in before):
            return "past"  # "since Friday"; "said on Monday it will ...", which the parser often hangs on "will"
        if span.end < len(doc) and doc[span.end].tag_ == "POS" or span.root.tag_ == "POS":
            return None  # "Friday's market price": a noun's modifier, no verb places it
        return _verb_tense(v)
    except Exception:  # noqa: BLE001 - a tense is a hint; a parse it cannot read leaves the word rule in charge
        return None
