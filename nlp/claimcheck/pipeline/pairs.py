"""Candidate (subject, value) pairs and their parse-free features, for the trained claim linker.

The linker (``claimcheck.pipeline.linker``) scores every pair of a value
mention (MONEY, PERCENT, DATE, CARDINAL, QUANTITY) with a nearby name mention
(ORG, PERSON, GPE, NORP): the same sentence or the two before it, plus the
document's most named organisation. Besides the token vectors it pools, each
pair gets a small vector of discrete features computed here: labels, order and
distance, names in between, whether the name is a cited source, and the
attribute the cue words nearest the value suggest (the rules' opinion, which
the model learns when to trust). Nothing here needs a tagger or parser.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy

from claimcheck.pipeline.claims import (
    BUYBACK_WORDS,
    DEAL_NOUNS,
    FORECAST_WORDS,
    GROWTH_WORDS,
    IPO_WORDS,
    LISTING_CUES,
    MONEY_CUES,
    PER_SHARE,
    PERCENT_CUES,
    REVENUE_NOUNS,
    SOURCE_PREPS,
)
from claimcheck.vocabulary import ATTRIBUTES, SUBJECT_LABELS, VALUE_LABELS

if TYPE_CHECKING:
    from spacy.tokens import Span

CLASSES = ("none",) + ATTRIBUTES
MAX_CANDIDATES = 10
SENT_WINDOW = 3  # sentences before the value's own that may hold its subject
GENERIC = {"company", "firm", "group", "it", "its", "the", "startup", "business", "lender", "maker", "giant", "they"}
DIST_BUCKETS = (2, 5, 10, 20, 40)


@dataclass(frozen=True)
class Pair:
    value: tuple[int, int]    # token range of the value mention
    subject: tuple[int, int]  # token range of the name mention
    value_label: str
    subject_label: str


def sentence_ids(doc) -> numpy.ndarray:
    """Sentence number of each token: from the parser/senter when set, else blank lines and full stops."""
    ids = numpy.zeros(len(doc), dtype="int32")
    if doc.has_annotation("SENT_START"):
        n = -1
        for t in doc:
            if t.is_sent_start or t.i == 0:
                n += 1
            ids[t.i] = max(n, 0)
        return ids
    n = 0
    for t in doc:
        ids[t.i] = n
        if t.text in (".", "!", "?") or "\n" in t.text:
            n += 1
    return ids


def candidate_pairs(doc, ents=None, sents: numpy.ndarray | None = None) -> list[Pair]:
    """Every (name, value) pair the linker scores, in a fixed order.

    Candidates of a value: each distinct name written in its sentence or the ``SENT_WINDOW`` sentences before
    it, at its nearest occurrence, plus the organisations the document names at least twice (the company an
    article is about, for "the company said its revenue ..."), at their nearest occurrence; at most
    ``MAX_CANDIDATES``, nearest first.
    """
    ents = list(doc.ents if ents is None else ents)
    sents = sentence_ids(doc) if sents is None else sents
    names = [e for e in ents if e.label_ in SUBJECT_LABELS]
    counts: dict[str, int] = {}
    for n in names:
        if n.label_ == "ORG":
            counts[n.text] = counts.get(n.text, 0) + 1
    frequent = {t for t, c in counts.items() if c >= 2}
    pairs = []
    for v in ents:
        if v.label_ not in VALUE_LABELS:
            continue
        s = sents[v.start]
        nearest: dict[str, tuple] = {}
        for n in names:
            sd = s - sents[n.start]
            in_window = 0 <= sd <= SENT_WINDOW
            if not in_window and n.text not in frequent:
                continue
            key = (0 if in_window else 1, max(sd, 0) if in_window else 0, abs(n.start - v.start))
            if n.text not in nearest or key < nearest[n.text][0]:
                nearest[n.text] = (key, n)
        chosen = [n for _k, n in sorted(nearest.values(), key=lambda kn: kn[0])][:MAX_CANDIDATES]
        for n in sorted(chosen, key=lambda n: n.start):
            pairs.append(Pair((v.start, v.end), (n.start, n.end), v.label_, n.label_))
    return pairs


def _topic(names):
    counts: dict[str, int] = {}
    first: dict[str, Span] = {}
    for n in names:
        if n.label_ == "ORG":
            counts[n.text] = counts.get(n.text, 0) + 1
            first.setdefault(n.text, n)
    if not counts:
        return None
    return first[max(counts, key=lambda k: (counts[k], -first[k].start))]


# --- discrete features -------------------------------------------------------------------------------

def _levels(doc, start: int, end: int, lo: int, hi: int, reach: int = 8) -> list[set[str]]:
    """Lower-cased words around [start, end) within [lo, hi), nearest first (right side leads on ties)."""
    levels = []
    for d in range(1, reach + 1):
        words = set()
        for i in (end - 1 + d, start - d):
            if lo <= i < hi:
                words.add(doc[i].lower_)
                if i + 1 < hi:
                    words.add(f"{doc[i].lower_} {doc[i + 1].lower_}")
        levels.append(words)
    return levels


def _first(cues, levels) -> str | None:
    for words in levels:
        for attribute, cue in cues:
            if words & cue:
                return attribute
    return None


def cue_attribute(doc, start: int, end: int, label: str, lo: int, hi: int) -> str | None:
    """The attribute the cue words nearest a value suggest (parse-free version of the old rules)."""
    levels = _levels(doc, start, end, lo, hi)
    near = set().union(*levels[:4])
    sent_words = {t.lower_ for t in doc[lo:hi]}
    if near & (FORECAST_WORDS - {"estimate"}):
        return None
    if label == "MONEY":
        attribute = _first(MONEY_CUES, levels)
        if attribute == "valuation":
            if near & BUYBACK_WORDS or "buy" in sent_words and "back" in sent_words:
                return "buyback"
            if set().union(*levels[:6]) & DEAL_NOUNS:
                return "deal_value"
        if attribute == "ipo_proceeds" and not (sent_words & IPO_WORDS):
            return "funding"
        if attribute == "ipo_price" and not (near & PER_SHARE) and "shares" not in sent_words:
            return None
        return attribute
    if label == "PERCENT":
        before = doc[start - 1].lower_ if start > lo else ""
        if before in ("up", "down") or set().union(*levels[:5]) & GROWTH_WORDS:
            clause = set().union(*levels[:7])
            if clause & {"shares", "share", "stock", "stocks"}:
                return "share_price_change"
            if clause & {"profit", "profits", "earnings", "income"}:
                return "profit_growth"
            if clause & REVENUE_NOUNS:
                return "revenue_growth"
            return None
        return _first(PERCENT_CUES, levels)
    if label == "DATE":
        if set().union(*levels[:5]) & LISTING_CUES:
            return "listing_date"
        return "event_date" if start > lo and doc[start - 1].lower_ == "on" else None
    if label in ("CARDINAL", "QUANTITY"):
        nxt = doc[end] if end < hi else None
        return "count" if nxt is not None and nxt.is_alpha and not nxt.is_stop else None
    return None


def _bucket(distance: int) -> int:
    for i, b in enumerate(DIST_BUCKETS):
        if distance <= b:
            return i
    return len(DIST_BUCKETS)


N_FLAGS = 10
N_FEATURES = (len(VALUE_LABELS) + len(SUBJECT_LABELS) + 1 + (SENT_WINDOW + 2) + (len(DIST_BUCKETS) + 1) + 4
              + N_FLAGS + len(CLASSES))
#: columns of the discrete features that depend on the value alone (its label, brackets, the cue's attribute)
_FLAGS = N_FEATURES - len(CLASSES) - N_FLAGS
VALUE_FEATURES = tuple(range(len(VALUE_LABELS))) + (_FLAGS + 5,) + tuple(range(N_FEATURES - len(CLASSES), N_FEATURES))


def pair_features(doc, pairs: list[Pair], sents: numpy.ndarray) -> numpy.ndarray:
    """One row of discrete features per pair (see the module docstring)."""
    out = numpy.zeros((len(pairs), N_FEATURES), dtype="float32")
    names = sorted({p.subject for p in pairs})
    cues: dict[tuple[int, int], str | None] = {}
    counts: dict[str, int] = {}
    for a, b in names:
        counts[doc[a:b].text] = counts.get(doc[a:b].text, 0) + 1
    top = max(counts, key=lambda k: counts[k]) if counts else None
    first_in_sent: dict[int, int] = {}
    for a, _b in names:
        first_in_sent.setdefault(int(sents[a]), a)
    for row, p in enumerate(pairs):
        (vs, ve), (ss, se) = p.value, p.subject
        col = 0
        out[row, col + VALUE_LABELS.index(p.value_label)] = 1
        col += len(VALUE_LABELS)
        out[row, col + SUBJECT_LABELS.index(p.subject_label)] = 1
        col += len(SUBJECT_LABELS)
        before = ss < vs
        out[row, col] = before
        col += 1
        sd = int(sents[vs] - sents[ss])
        out[row, col + (sd if 0 <= sd <= SENT_WINDOW else SENT_WINDOW + 1)] = 1
        col += SENT_WINDOW + 2
        distance = vs - se if before else ss - ve
        out[row, col + _bucket(max(distance, 0))] = 1
        col += len(DIST_BUCKETS) + 1
        lo, hi = (se, vs) if before else (ve, ss)
        between = sum(1 for n in names if lo <= n[0] and n[1] <= hi)
        out[row, col + min(between, 3)] = 1
        col += 4
        own_sent = [n for n in names if sents[n[0]] == sents[vs]]
        left = [n for n in own_sent if n[1] <= vs]
        right = [n for n in own_sent if n[0] >= ve]
        out[row, col] = bool(left) and left[-1] == p.subject
        out[row, col + 1] = bool(right) and right[0] == p.subject
        out[row, col + 2] = first_in_sent.get(int(sents[ss])) == ss
        lead = {t.lower_ for t in doc[max(0, ss - 3):ss]}
        out[row, col + 3] = bool(lead & SOURCE_PREPS) or (se < len(doc) and doc[se].lower_ in ("said", "says"))
        out[row, col + 4] = se < len(doc) and doc[se].lower_ in ("'s", "’s", "'")
        out[row, col + 5] = _in_parentheses(doc, vs)
        gap = doc[lo:hi] if hi - lo < 60 else []
        out[row, col + 6] = any(t.lower_ in GENERIC for t in gap)
        out[row, col + 7] = sd > 0
        name = doc[ss:se].text
        out[row, col + 8] = name == top
        out[row, col + 9] = counts.get(name, 0) >= 2
        col += N_FLAGS
        if p.value not in cues:
            s_lo, s_hi = _sent_bounds(sents, vs)
            cues[p.value] = cue_attribute(doc, vs, ve, p.value_label, s_lo, s_hi)
        cue = cues[p.value]
        out[row, col + (CLASSES.index(cue) if cue else 0)] = 1
    return out


def _sent_bounds(sents: numpy.ndarray, i: int) -> tuple[int, int]:
    s = sents[i]
    lo = i
    while lo > 0 and sents[lo - 1] == s:
        lo -= 1
    hi = i
    while hi < len(sents) and sents[hi] == s:
        hi += 1
    return lo, hi


def _in_parentheses(doc, start: int) -> bool:
    """'$1.13bn (£600m)': the value sits in brackets right after another figure."""
    i = start - 1
    while i >= max(0, start - 12):
        if doc[i].text in (")", "]"):
            return False
        if doc[i].text in ("(", "["):
            return i >= 1 and (doc[i - 1].ent_type_ == "MONEY" or doc[i - 1].like_num)
        i -= 1
    return False
