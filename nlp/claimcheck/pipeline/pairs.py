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
from claimcheck.pipeline.spans import text_of, words_of
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
    if doc.has_annotation("SENT_START"):
        starts = doc.to_array("SENT_START").astype("int64") == 1 if len(doc) else numpy.zeros(0, dtype=bool)
        if len(doc):
            starts[0] = True
        return (numpy.cumsum(starts, dtype="int32") - 1).astype("int32")
    ids = numpy.zeros(len(doc), dtype="int32")
    n = 0
    for i, text in enumerate(words_of(doc)[0]):
        ids[i] = n
        if text in (".", "!", "?") or "\n" in text:
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
    sent_of = sents.tolist() if hasattr(sents, "tolist") else list(sents)
    text = text_of(doc)
    names = []  # (span, start, label, text, sentence) of each name, read once (Span.text joins its tokens)
    values = []
    for e in ents:
        label = e.label_
        if label in SUBJECT_LABELS:
            names.append((e, e.start, label, text[e.start_char:e.end_char], sent_of[e.start]))
        if label in VALUE_LABELS:
            values.append((e, label))
    counts: dict[str, int] = {}
    for _n, _start, label, name, _s in names:
        if label == "ORG":
            counts[name] = counts.get(name, 0) + 1
    frequent = {t for t, c in counts.items() if c >= 2}
    pairs = []
    for v, v_label in values:
        v_start = v.start
        s = sent_of[v_start]
        nearest: dict[str, tuple] = {}
        for n, n_start, _label, name, n_sent in names:
            sd = s - n_sent
            in_window = 0 <= sd <= SENT_WINDOW
            if not in_window and name not in frequent:
                continue
            key = (0 if in_window else 1, max(sd, 0) if in_window else 0, abs(n_start - v_start))
            if name not in nearest or key < nearest[name][0]:
                nearest[name] = (key, n)
        chosen = [n for _k, n in sorted(nearest.values(), key=lambda kn: kn[0])][:MAX_CANDIDATES]
        for n in sorted(chosen, key=lambda n: n.start):
            pairs.append(Pair((v_start, v.end), (n.start, n.end), v_label, n.label_))
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

def _levels(doc, start: int, end: int, lo: int, hi: int, reach: int = 8, lowers: list[str] | None = None) \
        -> list[set[str]]:
    """Lower-cased words around [start, end) within [lo, hi), nearest first (right side leads on ties).
    ``lowers``: the document's lower-cased words (``spans.words_of``), when the caller has them."""
    lowers = words_of(doc)[1] if lowers is None else lowers
    levels = []
    for d in range(1, reach + 1):
        words = set()
        for i in (end - 1 + d, start - d):
            if lo <= i < hi:
                words.add(lowers[i])
                if i + 1 < hi:
                    words.add(f"{lowers[i]} {lowers[i + 1]}")
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
    lowers = words_of(doc)[1]
    levels = _levels(doc, start, end, lo, hi, lowers=lowers)
    near = set().union(*levels[:4])
    sent_words = set(lowers[lo:hi]) if lo < hi else set()
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
        before = lowers[start - 1] if start > lo else ""
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
        return "event_date" if start > lo and lowers[start - 1] == "on" else None
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
    brackets: dict[int, bool] = {}
    texts, lowers = words_of(doc)
    n_tokens = len(texts)
    sent_of = sents.tolist() if hasattr(sents, "tolist") else list(sents)
    text = text_of(doc)
    starts = doc.to_array("IDX").tolist() if n_tokens else []

    def span_text(a: int, b: int) -> str:  # doc[a:b].text, from the document's text
        return text[starts[a]:starts[b - 1] + len(texts[b - 1])] if a < b else ""

    name_text = {n: span_text(*n) for n in names}
    counts: dict[str, int] = {}
    for n in names:
        counts[name_text[n]] = counts.get(name_text[n], 0) + 1
    top = max(counts, key=lambda k: counts[k]) if counts else None
    first_in_sent: dict[int, int] = {}
    for a, _b in names:
        first_in_sent.setdefault(sent_of[a], a)
    by_sent: dict[int, list[tuple[int, int]]] = {}
    for n in names:
        by_sent.setdefault(sent_of[n[0]], []).append(n)
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
        sd = sent_of[vs] - sent_of[ss]
        out[row, col + (sd if 0 <= sd <= SENT_WINDOW else SENT_WINDOW + 1)] = 1
        col += SENT_WINDOW + 2
        distance = vs - se if before else ss - ve
        out[row, col + _bucket(max(distance, 0))] = 1
        col += len(DIST_BUCKETS) + 1
        lo, hi = (se, vs) if before else (ve, ss)
        between = sum(1 for n in names if lo <= n[0] and n[1] <= hi)
        out[row, col + min(between, 3)] = 1
        col += 4
        own_sent = by_sent.get(sent_of[vs], [])
        left = [n for n in own_sent if n[1] <= vs]
        right = [n for n in own_sent if n[0] >= ve]
        out[row, col] = bool(left) and left[-1] == p.subject
        out[row, col + 1] = bool(right) and right[0] == p.subject
        out[row, col + 2] = first_in_sent.get(sent_of[ss]) == ss
        lead = set(lowers[max(0, ss - 3):ss])
        out[row, col + 3] = bool(lead & SOURCE_PREPS) or (se < n_tokens and lowers[se] in ("said", "says"))
        out[row, col + 4] = se < n_tokens and lowers[se] in ("'s", "’s", "'")
        if vs not in brackets:
            brackets[vs] = _in_parentheses(doc, vs, texts)
        out[row, col + 5] = brackets[vs]
        out[row, col + 6] = hi - lo < 60 and any(w in GENERIC for w in lowers[lo:hi])
        out[row, col + 7] = sd > 0
        name = name_text[p.subject]
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


def _in_parentheses(doc, start: int, texts: list[str] | None = None) -> bool:
    """'$1.13bn (£600m)': the value sits in brackets right after another figure. ``texts``: the document's token
    texts (``spans.words_of``), when the caller has them."""
    texts = words_of(doc)[0] if texts is None else texts
    i = start - 1
    while i >= max(0, start - 12):
        if texts[i] in (")", "]"):
            return False
        if texts[i] in ("(", "["):
            return i >= 1 and (doc[i - 1].ent_type_ == "MONEY" or doc[i - 1].like_num)
        i -= 1
    return False
