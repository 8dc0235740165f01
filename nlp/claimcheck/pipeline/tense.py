"""The tense of the clause a date is written in, from spaCy's parse: whether "on Friday" is the Friday before the
page's date or the one after it.

:func:`clause_tense` walks from a DATE span up to the verb that governs it and reads that verb's tags and
auxiliaries: "will list on Monday", "is expected to begin trading on Friday", "plans to list its shares on
Friday", "the results are due on Friday" and a scheduled verb in the present ("begins trading on Friday") tell
the future; "began trading on Friday", "was in custody until Friday", "has fallen since Monday" tell the past.
Where there is no parse (the default ``fast`` pipeline has no tagger or parser) or the parse says nothing it
trusts (a present tense that is not a schedule, "would", "until Friday"), :func:`words_tense` reads the words
before the date in its clause ("Acme said it will list its shares in New York on Friday": the cue is too far
back for the four words :func:`claimcheck.normalize.dates.normalize_date` sees); where that finds no future
either, None leaves ``normalize_date``'s own rule in charge (the weekday before, unless the words right before
it speak of the future).

Measured on Reuters-21578 bare weekdays (``benchmarks/README.md``, "Weekdays and tense").
"""

from __future__ import annotations

import re
from typing import Literal

__all__ = ["clause_tense", "words_tense", "Tense"]

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
        if v.lemma_.lower() in ("schedule", "set", "slate", "plan", "expect", "due") and not words & _PERFECT_AUX:
            return "future"  # "a meeting scheduled for Thursday", "the vote, set for Monday"
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


#: words that put what follows in the future: "will", "is due to", "are scheduled to", "plans to"
_FUTURE_WORDS = re.compile(
    r"(?<![\w'])(?:will|'ll|shall|(?:is|are)\s+to|(?:is|are)\s+(?:due|set|scheduled|slated|expected|poised|going|"
    r"likely)\b|plans?\s+to|intends?\s+to|aims?\s+to|expects?\s+to|scheduled\s+(?:to|for)|due\s+to\s+be)"
    r"(?![\w'])", re.I)
# only present forms: "was due to" is as often "because of" ("the decline was due to remarks on Sunday") and "was
# expected to" a plan that failed ("was expected to resume service Saturday but ..."), both in the past
#: a finite past verb after the cue ends its reach: "the firm, which will list, rose on Friday"
_PAST_AFTER = re.compile(
    r"(?<![\w'])(?:was|were|had|did|said|told|rose|fell|began|went|came|took|made|won|lost|sold|bought|paid|grew|"
    r"hit)(?![\w'])|(?<!\bbe\s)(?<!\bbeen\s)(?<![\w'])[a-z]{3,}ed(?![\w'])", re.I)
#: where a clause starts: the cue must be in the date's own clause
_CLAUSE_START = re.compile(r"[,;:\"(]|(?<![\w'])(?:but|while|after|before|when|who|which|that)(?![\w'])", re.I)
_WORD_WINDOW = 10


def words_tense(before: str) -> Tense | None:
    """"future" when the words before a date in its sentence (``before``), within its own clause and the last
    ten words, hold a future cue with no finite past verb after it: "Acme said it will list its shares in New
    York on" (Friday); else None.  The rule where no parse is at hand (the default ``fast`` pipeline)."""
    words = before.split()[-_WORD_WINDOW:]
    text = " ".join(words)
    starts = [m.end() for m in _CLAUSE_START.finditer(text)]
    clause = text[starts[-1]:] if starts else text
    cues = list(_FUTURE_WORDS.finditer(clause))
    if not cues or _PAST_AFTER.search(clause, cues[-1].end()):  # the look-behinds see "be" of "due to be"
        return None
    return "future"


def clause_tense(span) -> Tense | None:
    """"past", "future" or None for a DATE span of a spaCy Doc: from its parse where it has one, else from the
    words before it in its sentence (:func:`words_tense`, which only ever says "future")."""
    from claimcheck.pipeline.spans import span_text

    try:
        doc = span.doc
        sent_start = span.sent.start if doc.has_annotation("SENT_START") or doc.has_annotation("DEP") else 0
        words = span_text(doc[max(sent_start, span.start - 20):span.start])
        if not (doc.has_annotation("DEP") and doc.has_annotation("TAG")):
            return words_tense(words)
        v = _governor(span)
        if v is None:
            return words_tense(words)
        before = list(doc[max(span.start - 2, 0):span.start])
        if any(t.text.lower() == "since" for t in before) or any(t.tag_ == "VBD" for t in before):
            return "past"  # "since Friday"; "said on Monday it will ...", which the parser often hangs on "will"
        if span.end < len(doc) and doc[span.end].tag_ == "POS" or span.root.tag_ == "POS":
            return None  # "Friday's market price": a noun's modifier, no verb places it
        if any(t.text.lower() in _OPEN_PREPS for t in before):
            return words_tense(words)  # "postponed until Thursday": a past verb, a day to come; the words decide
        return _verb_tense(v) or words_tense(words)
    except Exception:  # noqa: BLE001 - a tense is a hint; a parse it cannot read leaves the word rule in charge
        return None
